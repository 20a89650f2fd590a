"""The two-laptop story as IT and the main office would run it: every step a command
(``outreach-server`` for the office, ``outreach-app`` for the laptops), against the
real service on SQLite and on PostgreSQL. Only writing the note happens through the
program's own services, as the desktop program would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from outreach_app.domain.contacts import ContactKind
from outreach_app.services.workspace import Workspace
from outreach_app.storage.profile import Profile
from tests.conftest import PASSPHRASE
from tests.sync.conftest import Office

NOTE = "Aftalt: CV til fredag, praktik i Ærø Brugs. 🙂"


class Laptops:
    """Runs ``outreach-app`` in a subprocess with a home of its own."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.secret = root / "passphrase.txt"
        self.secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
        home = root / "home"
        home.mkdir()
        self.env = {
            **os.environ,
            "PYTHONPATH": str(Path.cwd()),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }

    def run(self, *args: str) -> str:
        command = [sys.executable, "-m", "outreach_app.cli", *args]
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        return done.stdout

    def new(self, name: str, consultant: str, code: str) -> Path:
        """A profile made and enrolled by ``init --code @FILE``."""
        profile = self.root / name
        code_file = self.root / f"{name}.code"
        code_file.write_text(code, encoding="utf-8")
        self.run(
            "init", "--profile", str(profile), "--passphrase-file", str(self.secret),
            "--name", consultant, "--office", "Gellerup", "--code", f"@{code_file}",
        )  # fmt: skip
        return profile

    def sync(self, profile: Path) -> dict[str, Any]:
        shown = self.run(
            "sync", "--profile", str(profile), "--passphrase-file", str(self.secret), "--json"
        )
        report: dict[str, Any] = json.loads(shown)
        assert report["problems"] == [], report
        return report


def test_the_two_laptop_story_from_the_command_line(office: Office, tmp_path: Path) -> None:
    """Karin's laptop is made and enrolled from an enrolment code; a walk-in with a
    finished note is written on it offline and sent by ``sync --json``; the main
    office hands the citizen to Omar with ``assign``; Karin's next sync takes the
    citizen off her laptop, and Omar's new laptop receives the citizen and the note
    byte for byte. The audit shows both laptops' work on that citizen."""
    laptops = Laptops(tmp_path)
    karin = laptops.new("karin", "Karin Holm", office.code("Karin"))

    ws = Workspace.open(Profile(karin), PASSPHRASE)
    citizen = ws.citizens.register(first_name="Ayaan", phone="20304050")
    note = ws.notes.start(citizen.id, kind=ContactKind.DROP_IN)
    ws.notes.finish(note.id, text=NOTE)
    ws.close()

    sent = laptops.sync(karin)
    assert sent["pushed"] >= 3  # the citizen, the assignment, the contact and the note
    assert sent["applied"] == sent["pushed"]
    assert sent["quarantined"] == sent["forbidden"] == sent["pending"] == 0

    omar = office.consultant("Omar")
    assert "now consultant" in office.server.admin("assign", citizen.id, "--to", omar)
    handed_over = laptops.sync(karin)
    assert handed_over["removed"] == 1
    ws = Workspace.open(Profile(karin), PASSPHRASE)
    try:
        assert ws.citizens.hit(citizen.id) is None
    finally:
        ws.close()

    omars_laptop = laptops.new("omar", "Omar", office.code("Omar"))
    received = laptops.sync(omars_laptop)
    assert received["pulled"] >= 3
    ws = Workspace.open(Profile(omars_laptop), PASSPHRASE)
    try:
        assert ws.citizens.hit(citizen.id) is not None
        assert [n.text for n in ws.notes.for_citizen(citizen.id)] == [NOTE]
    finally:
        ws.close()

    trail = office.server.admin_json("audit", "--citizen", citizen.id)
    laptops_seen = {e["device_id"] for e in trail if e.get("device_id")}
    assert len(laptops_seen) == 2
    assert "citizens.assign" in {e["action"] for e in trail}
