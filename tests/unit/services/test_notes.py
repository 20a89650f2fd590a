"""Session notes: drafts saved as typed, finished records, addenda."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.clock import ManualClock
from outreach_app.domain.contacts import ContactKind, Initiator
from outreach_app.domain.errors import NoteFinishedError, ValidationError
from outreach_app.domain.notes import Topic
from outreach_app.domain.plan import NextContact
from outreach_app.services.workspace import Workspace
from outreach_app.storage.errors import RecordRefused
from outreach_app.storage.profile import Profile
from tests.conftest import PASSPHRASE


@pytest.fixture
def citizen_id(workspace: Workspace) -> str:
    return workspace.citizens.register(first_name="Ahmed", last_name="Hassan").id


def test_a_draft_is_in_the_vault_from_the_first_keystroke(
    workspace: Workspace, citizen_id: str, profile: Profile, clock: ManualClock
) -> None:
    """Autosave writes through to the vault: a crash or a lock loses nothing typed."""
    note = workspace.notes.start(citizen_id)
    workspace.notes.save_draft(note.id, text="Første linje")
    workspace.close()  # as if the laptop locked mid-sentence
    reopened = Workspace.open(profile, PASSPHRASE, clock=clock)
    try:
        assert reopened.notes.get(note.id).text == "Første linje"
        assert [d.id for d in reopened.notes.drafts()] == [note.id]
    finally:
        reopened.close()


def test_an_unchanged_autosave_writes_nothing(workspace: Workspace, citizen_id: str) -> None:
    note = workspace.notes.start(citizen_id, text="Uændret")
    before = workspace.audit.count()
    workspace.notes.save_draft(note.id, text="Uændret")
    assert workspace.audit.count() == before


def test_finishing_makes_the_note_a_record_that_refuses_every_change(
    workspace: Workspace, citizen_id: str
) -> None:
    note = workspace.notes.start(citizen_id, text="Hjalp med brev fra SKAT.")
    finished = workspace.notes.finish(note.id, topics=(Topic.LETTERS_AND_FORMS,))
    assert finished.finished
    with pytest.raises(NoteFinishedError):
        workspace.notes.save_draft(note.id, text="rettet")
    with pytest.raises(NoteFinishedError):
        workspace.notes.discard(note.id)
    assert workspace.notes.get(note.id).text == "Hjalp med brev fra SKAT."


def test_the_database_itself_refuses_to_change_a_finished_note(
    workspace: Workspace, citizen_id: str, profile: Profile
) -> None:
    """Even SQL written around the services cannot edit a finished note."""
    note = workspace.notes.start(citizen_id, text="Tekst")
    workspace.notes.finish(note.id)
    with pytest.raises(RecordRefused, match="immutable"), workspace.vault.write() as connection:
        connection.exec_driver_sql("UPDATE notes SET status='draft' WHERE id=?", (note.id,))
    raw = sqlite3.connect(profile.vault_file)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="immutable"):
            raw.execute("UPDATE notes SET text=x'00' WHERE id=?", (note.id,))
    finally:
        raw.close()


def test_an_empty_note_cannot_be_finished(workspace: Workspace, citizen_id: str) -> None:
    note = workspace.notes.start(citizen_id)
    with pytest.raises(ValidationError):
        workspace.notes.finish(note.id)


def test_finishing_a_drop_in_note_records_the_contact(
    workspace: Workspace, citizen_id: str
) -> None:
    """The reports count contacts; a finished drop-in note is one."""
    note = workspace.notes.start(
        citizen_id, kind=ContactKind.DROP_IN, duration_min=15, text="Kort snak."
    )
    finished = workspace.notes.finish(note.id)
    contacts = workspace.contacts.for_citizen(citizen_id)
    assert [c.id for c in contacts] == [finished.contact_id]
    assert contacts[0].kind is ContactKind.DROP_IN
    assert contacts[0].duration_min == 15


def test_a_network_meeting_note_needs_its_contact_with_the_partner_first(
    workspace: Workspace, citizen_id: str
) -> None:
    note = workspace.notes.start(citizen_id, kind=ContactKind.NETWORK_MEETING, text="Møde.")
    with pytest.raises(ValidationError):
        workspace.notes.finish(note.id)
    partner = workspace.partners.add("Boligsocialt team", "housing_social")  # type: ignore[arg-type]
    contact = workspace.contacts.record(
        citizen_id, kind=ContactKind.NETWORK_MEETING, partner_id=partner.id
    )
    other = workspace.notes.start(
        citizen_id,
        kind=ContactKind.NETWORK_MEETING,
        contact_id=contact.id,
        text="Møde med boligsocialt team.",
    )
    assert workspace.notes.finish(other.id).contact_id == contact.id


def test_an_addendum_corrects_a_finished_note_which_stays_as_it_was(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    note = workspace.notes.start(citizen_id, text="Mødet var tirsdag.")
    workspace.notes.finish(note.id)
    clock.advance(timedelta(hours=1))
    addendum = workspace.notes.addendum(note.id, "Rettelse: mødet var onsdag.")
    workspace.notes.finish(addendum.id)
    notes = workspace.notes.for_citizen(citizen_id)
    assert [n.text for n in notes] == ["Rettelse: mødet var onsdag.", "Mødet var tirsdag."]
    assert notes[0].corrects_id == note.id
    with pytest.raises(ValidationError):
        workspace.notes.addendum(workspace.notes.start(citizen_id, text="udkast").id)


def test_a_100_kb_note_with_emoji_and_arabic_is_kept_exactly(
    workspace: Workspace, citizen_id: str
) -> None:
    text = ("Borgeren fortalte 😊 عن عمله. Vi talte om lægen. " * 2100)[:100_000]
    note = workspace.notes.start(citizen_id, text=text)
    workspace.notes.finish(note.id)
    assert workspace.notes.get(note.id).text == text


def test_reading_notes_is_logged_without_their_text(workspace: Workspace, citizen_id: str) -> None:
    note = workspace.notes.start(citizen_id, text="Hemmelig tekst om gæld")
    workspace.notes.finish(note.id)
    workspace.notes.for_citizen(citizen_id)
    entries = workspace.audit.entries()
    assert entries[-1].action is AccessAction.NOTES_READ
    assert entries[-1].citizen_id == citizen_id
    assert all("gæld" not in e.detail for e in entries)


def test_a_discarded_draft_is_gone_from_the_lists(workspace: Workspace, citizen_id: str) -> None:
    note = workspace.notes.start(citizen_id, text="skrev forkert borger")
    workspace.notes.discard(note.id)
    assert workspace.notes.for_citizen(citizen_id) == []
    assert workspace.notes.drafts() == []


def test_the_agreed_next_contact_is_kept_with_who_takes_it(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    nxt = NextContact(
        at=clock.now() + timedelta(days=14), kind=ContactKind.FOLLOW_UP, initiator=Initiator.CITIZEN
    )
    note = workspace.notes.start(citizen_id, text="Aftale.", next_contact=nxt)
    assert workspace.notes.finish(note.id).next_contact == nxt
    assert workspace.notes.get(note.id).next_contact == nxt
    assert workspace.plans.get(citizen_id).next_contact == nxt
