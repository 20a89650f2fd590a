"""Records never print personal data: a log line or a traceback shows kind and id."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from outreach_app.domain.contacts import Contact, ContactKind
from outreach_app.domain.errors import ValidationError
from outreach_app.domain.ids import CitizenId, ConsultantId, ContactId, NoteId, new_id
from outreach_app.domain.notes import SessionNote
from outreach_app.domain.people import Citizen

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_citizen_prints_as_its_id_only() -> None:
    citizen = Citizen(
        id=CitizenId(new_id()),
        first_name="Hodan",
        last_name="Warsame",
        cpr="010190-1234",
        phone="22334455",
        created_at=NOW,
        updated_at=NOW,
    )
    for shown in (repr(citizen), str(citizen), f"{citizen}", repr([citizen])):
        assert citizen.id in shown
        for secret in ("Hodan", "Warsame", "0101901234", "22334455"):
            assert secret not in shown


def test_a_note_prints_without_its_text() -> None:
    note = SessionNote(
        id=NoteId(new_id()),
        citizen_id=CitizenId(new_id()),
        consultant_id=ConsultantId(new_id()),
        kind=ContactKind.DROP_IN,
        occurred_at=NOW,
        text="gæld og misbrug",
        created_at=NOW,
        updated_at=NOW,
    )
    assert "gæld" not in repr(note)
    assert repr(note) == f"SessionNote(id={note.id})"


def test_a_blank_phone_is_no_phone() -> None:
    citizen = Citizen(
        id=CitizenId(new_id()), first_name="Ali", phone="   ", created_at=NOW, updated_at=NOW
    )
    assert citizen.phone is None


@pytest.mark.parametrize("minutes", [True, 0, -5, 24 * 60 + 1, 1.5])
def test_a_duration_is_a_whole_number_of_minutes(minutes: object) -> None:
    with pytest.raises(ValidationError):
        Contact(
            id=ContactId(new_id()),
            citizen_id=CitizenId(new_id()),
            consultant_id=ConsultantId(new_id()),
            kind=ContactKind.PHONE,
            occurred_at=NOW,
            duration_min=minutes,
        )  # type: ignore[arg-type]
