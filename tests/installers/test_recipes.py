"""The installer recipes agree with each other and with the program (no build needed).

The Windows and macOS recipes cannot be built here; these checks keep them consistent
with the spec the Linux package is built from."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[2]
INSTALLERS = REPO / "installers"
ICONS = REPO / "resources" / "icons"


def test_the_icon_set_has_every_size_each_platform_needs() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"outreach-app-{size}.png") as png:
            assert png.size == (size, size)
            assert png.mode == "RGBA"
    with Image.open(ICONS / "outreach-app.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "outreach-app.icns") as icns:
        assert icns.size == (1024, 1024)
    assert "#1f5f78" in (ICONS / "outreach-app.svg").read_text(encoding="utf-8")


def test_the_spec_names_the_programs_the_installers_ship() -> None:
    spec = (INSTALLERS / "pyinstaller" / "outreach.spec").read_text(encoding="utf-8")
    assert 'APP = "outreach-app"' in spec
    assert "executable(APP, console=False)" in spec
    assert 'executable(f"{APP}-cli", console=True)' in spec
    iss = (INSTALLERS / "windows" / "outreach.iss").read_text(encoding="utf-8")
    assert '#define AppExe "outreach-app.exe"' in iss
    assert '#define AppCli "outreach-app-cli.exe"' in iss
    assert "build\\pyinstaller\\dist\\outreach-app" in iss
    deb = (INSTALLERS / "linux" / "build-deb.sh").read_text(encoding="utf-8")
    assert "/opt/$package/outreach-app-cli" in deb


def test_the_windows_installer_is_per_user_and_never_touches_the_data_folder() -> None:
    iss = (INSTALLERS / "windows" / "outreach.iss").read_text(encoding="utf-8")
    settings = dict(
        re.findall(r"^(\w+)=(.*)$", iss.split("[Setup]")[1].split("\n[")[0], flags=re.M)
    )
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"].startswith("{localappdata}\\Programs\\")
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", settings["AppId"])
    assert settings["AppVersion"] == "{#AppVersion}"
    for line in iss.splitlines():
        if line.startswith("Type:"):  # [InstallDelete] entries stay inside the program folder
            assert 'Name: "{app}\\' in line
    code = [line for line in iss.splitlines() if not line.lstrip().startswith(";")]
    assert "[UninstallDelete]" not in (line.strip() for line in code)
    assert not any("outreach-app\\profiles" in line or "{localappdata}\\outreach-app" in line
                   for line in code)  # fmt: skip


def test_the_macos_bundle_takes_its_version_from_the_package() -> None:
    spec = (INSTALLERS / "pyinstaller" / "outreach.spec").read_text(encoding="utf-8")
    assert "BUNDLE(" in spec
    assert '["project"][\n        "version"\n    ]' in spec or '["project"]["version"]' in spec
    assert (INSTALLERS / "macos" / "entitlements.plist").is_file()
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "Inno Setup and Info.plist want X.Y.Z"


def test_the_service_unit_may_write_only_the_data_folder_it_serves() -> None:
    unit = (INSTALLERS / "server" / "outreach-server.service").read_text(encoding="utf-8")
    options = re.findall(r"^(\w+)=(.*)$", unit, flags=re.M)
    values = dict(options)
    data = re.search(r"serve --data (\S+)", values["ExecStart"])
    assert data is not None
    assert values["ReadWritePaths"] == data.group(1)
    for hardening, value in {
        "ProtectSystem": "strict",
        "NoNewPrivileges": "yes",
        "PrivateTmp": "yes",
        "ProtectHome": "yes",
        "User": "outreach",
    }.items():
        assert values[hardening] == value
    env = (INSTALLERS / "server" / "outreach-server.env.example").read_text(encoding="utf-8")
    from outreach_app.server.settings import ServerSettings

    known = {f"OUTREACH_SERVER_{name.upper()}" for name in ServerSettings.model_fields}
    named = set(re.findall(r"^#?(OUTREACH_SERVER_\w+)=", env, flags=re.M))
    assert named, "the example names the settings"
    assert named <= known, named - known
