"""Entry point of the frozen desktop program (PyInstaller), for both executables.

``outreach-app`` (windowed on Windows and macOS) and ``outreach-app-cli`` (a console
program) run this same script: everything is ``outreach_app.cli.main``, exactly as the
pip-installed commands. One addition, for IT after an install:

    outreach-app-cli --self-test        checks the installed program and prints JSON

It opens the bundled resources the way the program does (``importlib.resources``):
the compiled translations are loaded into Qt, every note template is read, the vault's
migration scripts are listed, the icon is loaded, and a Qt application is started
(offscreen when there is no display). Exit status 0 only when every check passes.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

SELF_TEST = "--self-test"
SAMPLE_SOURCE = "Åben rådgivning"


def _check_version() -> dict[str, Any]:
    from outreach_app import __version__  # noqa: PLC0415

    return {"ok": __version__ != "0.0.0", "version": __version__}


def _check_translations() -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: PLC0415

    from outreach_app.ui import i18n  # noqa: PLC0415

    folder = i18n.translations_dir()
    loaded = {}
    for language in ("da", "en"):
        translator = QTranslator()
        ok = translator.load(f"outreach_{language}", str(folder)) and not translator.isEmpty()
        loaded[language] = ok
    i18n.install("en")  # as the program does at start: Qt's own and the program's
    installed = len(i18n._installed)
    # One of the program's own strings, as the agenda shows it in English.
    sample = QCoreApplication.translate("Agenda", SAMPLE_SOURCE)
    return {
        "ok": all(loaded.values()) and installed == 2,
        "folder": str(folder),
        "files": sorted(p.name for p in folder.glob("*.qm")),
        "loaded": loaded,
        "translators_installed": installed,
        "sample": {SAMPLE_SOURCE: sample},
    }


def _check_templates() -> dict[str, Any]:
    from outreach_app.ui import templates  # noqa: PLC0415

    sizes = {
        f"{language}/{kind}": len(templates.template(kind, language))
        for language in ("da", "en")
        for kind in templates.KINDS
    }
    return {"ok": all(sizes.values()), "characters": sizes}


def _check_migrations() -> dict[str, Any]:
    from outreach_app.storage import migrate  # noqa: PLC0415

    folder = migrate.migrations_dir()
    revisions = migrate.known_revisions()
    return {
        "ok": bool(revisions) and (folder / "env.py").is_file(),
        "folder": str(folder),
        "revisions": list(revisions),
    }


def _check_icon() -> dict[str, Any]:
    from importlib import resources  # noqa: PLC0415

    from PySide6.QtGui import QIcon  # noqa: PLC0415

    folder = resources.files("outreach_app.resources") / "icons"
    icon = QIcon(str(folder / "outreach-app-256.png"))
    return {"ok": not icon.isNull(), "sizes": [s.width() for s in icon.availableSizes()]}


def _check_sync_codings() -> dict[str, Any]:
    """A push body packed as the sync sends it, and read back as an answer in each
    coding the sync accepts (zstd and gzip live in compiled modules of their own)."""
    import httpx  # noqa: PLC0415

    from outreach_app.protocol.messages import Change, Kind, PushRequest  # noqa: PLC0415
    from outreach_app.sync.transport import encode, to_json  # noqa: PLC0415

    change = Change(
        change_id="00000000-0000-4000-8000-000000000001",
        kind=Kind.NOTES,
        id="00000000-0000-4000-8000-000000000002",
        fields={"text": "selvtest " * 200},
    )
    request = PushRequest(cursor=0, changes=[change])
    read: dict[str, bool] = {}
    for coding in ("zstd", "gzip"):
        body = encode(request, coding)
        answer = httpx.Response(200, headers=body.headers, content=body.content)
        read[coding] = body.headers.get("Content-Encoding") == coding and (
            answer.content == to_json(request)
        )
    return {"ok": all(read.values()), "codings": read}


def self_test() -> int:
    """Check the installed program's parts; print the result as JSON."""
    if not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ) and sys.platform not in (
        "win32",
        "darwin",
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance() or QApplication([sys.argv[0]])
    checks: dict[str, Callable[[], dict[str, Any]]] = {
        "version": _check_version,
        "translations": _check_translations,
        "templates": _check_templates,
        "migrations": _check_migrations,
        "icon": _check_icon,
        "sync_codings": _check_sync_codings,
    }
    results: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False))}
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as exc:
            results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    results["qt_platform"] = app.platformName()
    results["ok"] = all(v["ok"] for k, v in results.items() if isinstance(v, dict))
    sys.stdout.write(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0 if results["ok"] else 1


def main() -> int:
    # A windowed program on Windows has no console: print() would fail on None.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115
    if sys.argv[1:] == [SELF_TEST]:
        return self_test()
    from outreach_app.cli import main as cli_main  # noqa: PLC0415

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
