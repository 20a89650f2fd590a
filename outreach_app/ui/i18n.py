"""Translations. The program's own strings are written in Danish (the language of
the work) and translated to English from resources/translations/outreach_en.ts;
outreach_da.ts gives the Danish plural forms of counted strings. Qt's own dialogs
use Qt's translations for the chosen language."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return Path(str(resources.files("outreach_app.resources") / "translations"))


def install(language: str) -> None:
    """Use ``language`` ('da' or 'en') for every string shown from now on."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("translations need a running application")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Danish if language == "da" else QLocale.Language.English,
            QLocale.Country.Denmark,
        )
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(f"qtbase_{language}", qt_dir)
    _load(f"outreach_{language}", str(translations_dir()))  # Danish: its plural forms


def _load(name: str, folder: str) -> None:
    translator = QTranslator()
    if translator.load(name, folder):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("translation %s not found", name)
