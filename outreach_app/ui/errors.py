"""Errors in words a consultant can act on, in the screen's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


FIELDS = {
    "first name": "Fornavn",
    "last name": "Efternavn",
    "cpr": "CPR-nummer",
    "phone": "Telefon",
    "email": "E-mail",
    "address": "Adresse",
    "text": "Notatet",
    "starts_at": "Tidspunktet",
    "duration": "Varigheden",
    "score": "Scoren",
    "scope": "Samtykkets omfang",
    "purpose": "Formålet",
    "partner name": "Partnerens navn",
    "agreement": "Aftalen",
    "activity": "Aktiviteten",
}


def field_name(field: str) -> str:
    return _tr(FIELDS.get(field, field))


def describe(error: BaseException) -> str:
    """One sentence saying what went wrong and, where possible, what to do."""
    messages: list[tuple[type[BaseException], str]] = [
        (
            StorageFull,
            _tr(
                "Disken er fuld, så ændringen blev ikke gemt. Det, du har skrevet, "
                "er der stadig. Frigør plads og gem igen."
            ),
        ),
        (VaultBusy, _tr("Et andet program bruger profilen lige nu. Prøv igen om lidt.")),
        (VaultClosed, _tr("Profilen er låst. Lås op og prøv igen.")),
        (
            IntegrityError,
            _tr(
                "En del af denne sag kan ikke læses, fordi filen er beskadiget. "
                "Kontakt IT; resten af profilen kan bruges."
            ),
        ),
        (DuplicateCpr, _tr("Der findes allerede en borger med dette CPR-nummer.")),
        (InvalidCpr, _tr("CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX) med en rigtig dato.")),
        (NoteFinishedError, _tr("Notatet er afsluttet og kan ikke ændres. Skriv en tilføjelse.")),
        (ConsentMissing, _tr("Henvisningen kræver borgerens samtykke til denne partner.")),
        (AssignmentError, _tr("Borgeren har allerede denne konsulent.")),
        (NotFound, _tr("Sagen findes ikke længere på denne computer.")),
        (RecordRefused, _tr("Ændringen blev afvist, fordi den bryder en regel for sagen.")),
    ]
    for kind, text in messages:
        if isinstance(error, kind):
            return text
    if isinstance(error, ValidationError):
        return _tr("%s: kontrollér feltet.") % field_name(error.field)
    return _tr("Noget gik galt (%s). Prøv igen; hjælper det ikke, så kontakt IT.") % (
        type(error).__name__
    )
