"""The main office's command line, end to end against a running server's data folder:
offices, consultants, enrolment codes, devices, handover, audit and counts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from outreach_app.protocol.codes import decode_code
from outreach_app.protocol.messages import EnrolResponse, Kind, NoticeType
from tests.server.helpers import HEADERS, Device, http, new_contact, new_note, walk_in
from tests.support.server import RunningServer


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_app.server.cli", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_version_and_init_refusing_a_used_folder(tmp_path: Path) -> None:
    """--version names the program; init will not reuse a folder that holds files."""
    assert _cli("--version").stdout.startswith("outreach-server ")
    used = tmp_path / "used"
    used.mkdir()
    (used / "something").write_text("x")
    done = _cli("init", "--data", str(used))
    assert done.returncode == 1
    assert "not empty" in done.stderr


def test_the_office_is_run_from_the_command_line(server: RunningServer) -> None:
    """Set up an office, two consultants and a device by CLI; the device registers two
    citizens; `assign` hands one over; `stats --json` counts by current assignment;
    `audit --citizen` lists central and device entries of that citizen; revoke works."""
    office = server.admin("office", "add", "--name", "Gellerup").strip()
    karin = server.admin("consultant", "add", "--office", office, "--name", "Karin").strip()
    omar = server.admin(
        "consultant", "add", "--office", office, "--name", "Omar", "--phone", "12345678"
    ).strip()
    code = server.admin_json("device", "enrol", "--consultant", karin)["code"]
    with http(server) as client:
        secret = decode_code(code).secret
        answer = client.post(
            "/v1/enrol", json={"secret": secret, "device_name": "X"}, headers=HEADERS
        )
        device = Device(server, client, EnrolResponse.model_validate(answer.json()))
        first, changes_one = walk_in(device)
        second, changes_two = walk_in(device)
        device.push(
            *changes_one,
            *changes_two,
            new_note(first, karin, "n1"),
            new_note(first, karin, "n2"),
            new_note(second, karin, "n3"),
            new_contact(first, karin),
            new_contact(second, karin),
        )
        device.push_raw([], log=[])
        assert "now consultant" in server.admin("assign", second, "--to", omar)
        device.pull()
        assert (NoticeType.LEFT_SCOPE, second) in [(n.type, n.citizen_id) for n in device.notices]
        assert not device.has(Kind.CITIZENS, second)
    counts = server.admin_json("stats")
    by_id = {c["id"]: c for c in counts["consultants"]}
    assert (by_id[karin]["citizens"], by_id[karin]["notes"], by_id[karin]["contacts"]) == (1, 2, 1)
    assert (by_id[omar]["citizens"], by_id[omar]["notes"], by_id[omar]["contacts"]) == (1, 1, 1)
    office_counts = next(o for o in counts["offices"] if o["id"] == office)
    assert office_counts == {"id": office, "citizens": 2, "notes": 3, "contacts": 2}
    trail = server.admin_json("audit", "--citizen", second)
    actions = [e["action"] for e in trail]
    assert "push.citizens.upsert" in actions and "citizens.assign" in actions
    assert {e["citizen_id"] for e in trail} <= {second}
    listed = server.admin_json("device", "list")
    assert [d["id"] for d in listed if d["consultant_id"] == karin] == [device.id]
    assert "withdrawn" in server.admin("device", "revoke", device.id)
    everything = json.loads(server.admin("audit", "--json"))
    assert any(e["action"] == "pull.read" and e["citizen_id"] == first for e in everything)
    assert any(e["action"] == "device.revoked" and e["actor"] == "admin" for e in everything)


def test_the_admin_endpoints_need_the_admin_credential(server: RunningServer) -> None:
    """GET /v1/admin/stats answers with the admin credential printed by init, and 401
    without it."""
    assert server.admin_token
    with http(server) as client:
        refused = client.get("/v1/admin/stats", headers=HEADERS)
        assert refused.status_code == 401
        bearer = {**HEADERS, "Authorization": f"Bearer {server.admin_token}"}
        stats = client.get("/v1/admin/stats", headers=bearer)
        assert stats.status_code == 200
        assert "totals" in stats.json()
        audit = client.get("/v1/admin/audit", headers=bearer, params={"since": "2000-01-01"})
        assert audit.status_code == 200 and isinstance(audit.json(), list)
