"""The built Linux package (``make installer-linux``), started as a consultant's IT would.

Nothing is built here: the newest ``build/installers/outreach-app_*.deb`` is unpacked
into a temporary folder and its program is run offscreen - ``--version``, a demo
profile, ``check`` on it, the bundle's ``--self-test`` (the compiled translations
loaded into Qt, every note template read through importlib.resources, the vault's
migration scripts found) and the desktop program's first window. Without a package the
tests are skipped, except under CI, where a missing package is a failure.

Run with ``make test-installer`` or ``pytest -m installer tests/installers -s`` (``-s``
shows the bundle's size and its start-up time against the unbundled program).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest

pytestmark = pytest.mark.installer

REPO = Path(__file__).resolve().parents[2]
INSTALLERS = REPO / "build" / "installers"
UNBUNDLED_CLI = REPO / ".venv" / "bin" / "outreach-app-cli"
PASSPHRASE = "korrekt hest batteri hæfteklamme"
TIMEOUT = 120


@dataclass(frozen=True)
class Package:
    deb: Path
    root: Path  # the unpacked package: root / "opt/outreach-app", root / "usr/..."

    @property
    def program(self) -> Path:
        return self.root / "opt" / "outreach-app"

    @property
    def gui(self) -> Path:
        return self.program / "outreach-app"

    @property
    def cli(self) -> Path:
        return self.program / "outreach-app-cli"

    @property
    def resources(self) -> Path:
        return self.program / "_internal" / "outreach_app" / "resources"


def _newest_package() -> Path | None:
    found = sorted(INSTALLERS.glob("outreach-app_*.deb"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Package:
    deb = _newest_package()
    if deb is None:
        message = f"no package in {INSTALLERS}: run make installer-linux first"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed")
    root = tmp_path_factory.mktemp("package")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, timeout=TIMEOUT)
    return Package(deb, root)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A data folder of its own, so nothing is written to the real user's."""
    return tmp_path / "home"


def _env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "QT_", "VIRTUAL_ENV", "LD_"))
    }
    env.update(OUTREACH_HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return env


def _run(program: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_the_package_installs_the_program_its_menu_entry_and_icons(package: Package) -> None:
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(package.deb), "Package", "Version", "Architecture", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Package: outreach-app" in fields
    assert f"Version: {version('outreach-app')}" in fields
    assert "libc6 (>= 2." in fields

    assert os.access(package.gui, os.X_OK)
    assert os.access(package.cli, os.X_OK)
    usr = package.root / "usr"
    for name in ("outreach-app", "outreach-app-cli"):
        assert (usr / "bin" / name).readlink() == Path("/opt/outreach-app") / name

    desktop = (usr / "share" / "applications" / "outreach-app.desktop").read_text("utf-8")
    assert "Exec=outreach-app %U" in desktop.splitlines()
    assert "Icon=outreach-app" in desktop.splitlines()
    hicolor = usr / "share" / "icons" / "hicolor"
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (hicolor / f"{size}x{size}" / "apps" / "outreach-app.png").is_file()
    assert (hicolor / "scalable" / "apps" / "outreach-app.svg").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(usr / "share/applications/outreach-app.desktop")],
            check=True,
        )

    translations = package.resources / "translations"
    assert sorted(p.name for p in translations.glob("*.qm")) == ["outreach_da.qm", "outreach_en.qm"]
    assert not list(translations.glob("*.ts")), "the translation sources are not shipped"
    for language in ("da", "en"):
        templates = {p.name for p in (package.resources / "templates" / language).glob("*.txt")}
        assert templates == {"drop_in.txt", "follow_up.txt", "network_meeting.txt"}
    internal = package.program / "_internal"
    assert not (internal / "outreach_app" / "server").exists(), "the central service is not bundled"
    assert not list(internal.glob("fastapi*")), "the central service's stack is not bundled"


def test_version_comes_from_the_package_metadata(package: Package, home: Path) -> None:
    for program in (package.cli, package.gui):
        result = _run(program, "--version", home=home)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"outreach-app {version('outreach-app')}"


def test_a_demo_profile_made_and_checked_by_the_bundled_program(
    package: Package, home: Path, tmp_path: Path
) -> None:
    passphrase_file = tmp_path / "passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    profile = tmp_path / "profiles" / "profil-1"

    made = _run(
        package.cli,
        "demo",
        "--profile", str(profile),
        "--passphrase-file", str(passphrase_file),
        "--citizens", "5",
        home=home,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert (profile / "vault.sqlite3").is_file()

    checked = _run(
        package.cli,
        "check",
        "--profile", str(profile),
        "--passphrase-file", str(passphrase_file),
        "--json",
        home=home,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert report["ok"] is True
    assert report["damaged"] == []
    assert report["counts"]["citizens"] == 5
    assert PASSPHRASE not in checked.stdout + checked.stderr

    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    refused = _run(
        package.cli,
        "check",
        "--profile", str(profile),
        "--passphrase-file", str(wrong),
        home=home,
    )  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.startswith("outreach-app: ")
    assert "Traceback" not in refused.stderr


def test_the_bundled_translations_templates_and_migrations_load(
    package: Package, home: Path
) -> None:
    from outreach_app.storage.migrate import known_revisions

    result = _run(package.cli, "--self-test", home=home)
    report = json.loads(result.stdout)
    assert result.returncode == 0, json.dumps(report, indent=2)
    assert report["frozen"] is True
    assert report["ok"] is True
    bundle = str(package.program)
    translations = report["translations"]
    assert translations["folder"].startswith(bundle), "read from the bundle, not a checkout"
    assert translations["loaded"] == {"da": True, "en": True}
    assert translations["translators_installed"] == 2  # Qt's own and the program's
    assert translations["sample"] == {"Åben rådgivning": "Open counselling"}
    assert all(size > 0 for size in report["templates"]["characters"].values())
    assert len(report["templates"]["characters"]) == 6
    assert report["migrations"]["folder"].startswith(bundle)
    assert report["migrations"]["revisions"] == list(known_revisions())
    assert report["icon"]["ok"] is True
    assert report["sync_codings"] == {"ok": True, "codings": {"zstd": True, "gzip": True}}
    assert report["qt_platform"] == "offscreen"


def test_the_desktop_program_starts_offscreen(package: Package, home: Path, tmp_path: Path) -> None:
    """The first window (choose a profile, unlock) shows and stays up; the log names no
    missing translation and no error."""
    stderr = tmp_path / "stderr"
    with stderr.open("w", encoding="utf-8") as err:
        process = subprocess.Popen(
            [str(package.gui)], env=_env(home), stdout=subprocess.DEVNULL, stderr=err
        )
        try:
            time.sleep(6)
            assert process.poll() is None, f"exited with {process.returncode}"
        finally:
            process.terminate()
            process.wait(timeout=30)
    log = (home / "logs" / "outreach.log").read_text(encoding="utf-8")
    assert "not found" not in log
    assert " ERROR " not in log
    assert "Traceback" not in stderr.read_text(encoding="utf-8")


def _start_up(command: list[str], home: Path, runs: int = 7) -> float:
    """The median wall time of ``command`` (after one warm-up run), in seconds."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, env=_env(home), capture_output=True, check=True, timeout=TIMEOUT)
        times.append(time.perf_counter() - started)
    return statistics.median(times[1:])


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture
def measurements() -> Iterator[dict[str, float]]:
    found: dict[str, float] = {}
    yield found
    INSTALLERS.mkdir(parents=True, exist_ok=True)
    (INSTALLERS / "measurements.json").write_text(json.dumps(found, indent=2) + "\n")


def test_size_and_start_up_time(
    package: Package, home: Path, measurements: dict[str, float]
) -> None:
    """Measured and printed, not asserted: the machine's load decides the numbers."""
    measurements["package_mib"] = round(package.deb.stat().st_size / 2**20, 1)
    measurements["installed_mib"] = round(_size(package.program) / 2**20, 1)
    measurements["bundled_version_s"] = round(_start_up([str(package.cli), "--version"], home), 3)
    if UNBUNDLED_CLI.exists():
        unbundled = _start_up([str(UNBUNDLED_CLI), "--version"], home)
        measurements["unbundled_version_s"] = round(unbundled, 3)
    print()
    print(f"package {package.deb.name}: {measurements['package_mib']} MiB")
    print(f"installed program folder: {measurements['installed_mib']} MiB")
    print(f"start-up of --version, bundled:   {measurements['bundled_version_s']:.3f} s (median)")
    if "unbundled_version_s" in measurements:
        print(f"start-up of --version, unbundled: {measurements['unbundled_version_s']:.3f} s")
