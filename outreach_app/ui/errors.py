"""Errors in words a consultant can act on, in the screen's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from outreach_app.crypto.errors import IntegrityError
from outreach_app.domain.errors import (
    AssignmentError,
    ConsentMissing,
    DuplicateCpr,
    InvalidCpr,
    NoteFinishedError,
    NotFound,
    ValidationError,
)
from outreach_app.storage.errors import RecordRefused, StorageFull, VaultBusy, VaultClosed


def _tr(text: object) -> str:
    """Translate a message marked with QT_TRANSLATE_NOOP("Errors", ...)."""
    return QCoreApplication.translate("Errors", str(text))


FIELDS: dict[str, object] = {
    "first name": QT_TRANSLATE_NOOP("Errors", "Fornavn"),
    "last name": QT_TRANSLATE_NOOP("Errors", "Efternavn"),
    "cpr": QT_TRANSLATE_NOOP("Errors", "CPR-nummer"),
    "phone": QT_TRANSLATE_NOOP("Errors", "Telefon"),
    "email": QT_TRANSLATE_NOOP("Errors", "E-mail"),
    "address": QT_TRANSLATE_NOOP("Errors", "Adresse"),
    "text": QT_TRANSLATE_NOOP("Errors", "Notatet"),
    "starts_at": QT_TRANSLATE_NOOP("Errors", "Tidspunktet"),
    "duration": QT_TRANSLATE_NOOP("Errors", "Varigheden"),
    "score": QT_TRANSLATE_NOOP("Errors", "Scoren"),
    "scope": QT_TRANSLATE_NOOP("Errors", "Samtykkets omfang"),
    "purpose": QT_TRANSLATE_NOOP("Errors", "Formålet"),
    "partner name": QT_TRANSLATE_NOOP("Errors", "Partnerens navn"),
    "agreement": QT_TRANSLATE_NOOP("Errors", "Aftalen"),
    "activity": QT_TRANSLATE_NOOP("Errors", "Aktiviteten"),
}


def field_name(field: str) -> str:
    return _tr(FIELDS.get(field, field))


def describe(error: BaseException) -> str:
    """One sentence saying what went wrong and, where possible, what to do."""
    messages: list[tuple[type[BaseException], object]] = [
        (
            StorageFull,
            QT_TRANSLATE_NOOP(
                "Errors",
                "Disken er fuld, så ændringen blev ikke gemt. Det, du har skrevet, "
                "er der stadig. Frigør plads og gem igen.",
            ),
        ),
        (
            VaultBusy,
            QT_TRANSLATE_NOOP(
                "Errors", "Et andet program bruger profilen lige nu. Prøv igen om lidt."
            ),
        ),
        (VaultClosed, QT_TRANSLATE_NOOP("Errors", "Profilen er låst. Lås op og prøv igen.")),
        (
            IntegrityError,
            QT_TRANSLATE_NOOP(
                "Errors",
                "En del af denne sag kan ikke læses, fordi filen er beskadiget. "
                "Kontakt IT; resten af profilen kan bruges.",
            ),
        ),
        (
            DuplicateCpr,
            QT_TRANSLATE_NOOP("Errors", "Der findes allerede en borger med dette CPR-nummer."),
        ),
        (
            InvalidCpr,
            QT_TRANSLATE_NOOP(
                "Errors", "CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX) med en rigtig dato."
            ),
        ),
        (
            NoteFinishedError,
            QT_TRANSLATE_NOOP(
                "Errors", "Notatet er afsluttet og kan ikke ændres. Skriv en tilføjelse."
            ),
        ),
        (
            ConsentMissing,
            QT_TRANSLATE_NOOP(
                "Errors", "Henvisningen kræver borgerens samtykke til denne partner."
            ),
        ),
        (AssignmentError, QT_TRANSLATE_NOOP("Errors", "Borgeren har allerede denne konsulent.")),
        (NotFound, QT_TRANSLATE_NOOP("Errors", "Sagen findes ikke længere på denne computer.")),
        (
            RecordRefused,
            QT_TRANSLATE_NOOP(
                "Errors", "Ændringen blev afvist, fordi den bryder en regel for sagen."
            ),
        ),
    ]
    for kind, text in messages:
        if isinstance(error, kind):
            return _tr(text)
    if isinstance(error, ValidationError):
        return QCoreApplication.translate("Errors", "%s: kontrollér feltet.") % field_name(
            error.field
        )
    return QCoreApplication.translate(
        "Errors", "Noget gik galt (%s). Prøv igen; hjælper det ikke, så kontakt IT."
    ) % (type(error).__name__)
