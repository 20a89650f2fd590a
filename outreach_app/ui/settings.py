"""The desktop's settings (nothing personal): language, idle lock, discreet mode."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from outreach_app.storage.profile import data_home

LANGUAGES = ("da", "en")
DEFAULT_IDLE_MINUTES = 5


@dataclass(slots=True)
class UiSettings:
    language: str = "da"
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    discreet_on_start: bool = False
    last_profile: str = ""


def _store() -> QSettings:
    return QSettings(str(data_home() / "settings.ini"), QSettings.Format.IniFormat)


def load() -> UiSettings:
    store = _store()
    language = str(store.value("language", "da"))
    idle = _int(store.value("idle_minutes", DEFAULT_IDLE_MINUTES), DEFAULT_IDLE_MINUTES)
    return UiSettings(
        language=language if language in LANGUAGES else "da",
        idle_minutes=min(max(idle, 1), 120),
        discreet_on_start=str(store.value("discreet_on_start", "false")).lower() == "true",
        last_profile=str(store.value("last_profile", "")),
    )


def save(settings: UiSettings) -> None:
    store = _store()
    store.setValue("language", settings.language)
    store.setValue("idle_minutes", settings.idle_minutes)
    store.setValue("discreet_on_start", "true" if settings.discreet_on_start else "false")
    store.setValue("last_profile", settings.last_profile)
    store.sync()


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default
