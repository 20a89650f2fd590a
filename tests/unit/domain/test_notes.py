"""Session notes: a draft until finished, then a record corrected only by addenda."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import ContactKind, Initiator
from outreach_app.domain.errors import NoteFinishedError, ValidationError
from outreach_app.domain.ids import CitizenId, ConsultantId, ContactId, NoteId, is_id, new_id
from outreach_app.domain.notes import EDITABLE, NoteStatus, SessionNote, Topic
from outreach_app.domain.plan import NextContact

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=DANISH_TIME)
LATER = NOW + timedelta(minutes=20)
CITIZEN = CitizenId(new_id())
KARIN = ConsultantId(new_id())
OLE = ConsultantId(new_id())
CONTACT = ContactId(new_id())
#: 100 kB of a note in Danish, Arabic and Somali with emoji, astral characters and
#: combining marks: must come back exactly.
LONG_TEXT = (
    "Borgeren fortalte om gæld og bolig 🏠. "
    "قال المواطن إنه يبحث عن عمل. "
    "Muwaadinku wuxuu sheegay inuu shaqo raadinayo. "
    "e\u0301 👩\u200d👩\u200d👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n"
) * 900
LONG_TEXT = LONG_TEXT[:100_000]


def _draft(**changes: object) -> SessionNote:
    fields: dict[str, object] = {
        "id": NoteId(new_id()),
        "citizen_id": CITIZEN,
        "consultant_id": KARIN,
        "kind": ContactKind.DROP_IN,
        "occurred_at": NOW,
        "contact_id": CONTACT,
        "created_at": NOW,
        "updated_at": NOW,
    }
    fields.update(changes)
    return SessionNote(**fields)  # type: ignore[arg-type]


def _finished() -> SessionNote:
    return _draft(text="Talked about the letter from Udbetaling Danmark.").finish(now=LATER)


# ---------------------------------------------------------------- draft → finished


def test_a_new_note_is_a_draft() -> None:
    """A note starts as a draft with no finishing time."""
    note = _draft()
    assert note.status is NoteStatus.DRAFT
    assert not note.finished
    assert note.finished_at is None
    assert not note.is_addendum


def test_finishing_a_note_makes_it_a_record_with_a_time() -> None:
    """Finishing records when the note became a record; its content is unchanged."""
    draft = _draft(text="Aftalt: ansøgning sendes fredag.")
    note = draft.finish(now=LATER)
    assert note.finished
    assert note.status is NoteStatus.FINISHED
    assert note.finished_at == LATER
    assert note.updated_at == LATER
    assert note.text == draft.text
    assert note.id == draft.id


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_an_empty_note_cannot_be_finished(text: str) -> None:
    """A record with no text documents nothing; finishing it is refused."""
    with pytest.raises(ValidationError) as caught:
        _draft(text=text).finish(now=LATER)
    assert caught.value.field == "text"


def test_a_finished_note_cannot_be_finished_again() -> None:
    """Finishing twice would move the finishing time of a record."""
    with pytest.raises(NoteFinishedError):
        _finished().finish(now=LATER + timedelta(hours=1))


def test_status_and_finishing_time_go_together() -> None:
    """A note claiming to be finished without a time, or a draft with one, is refused."""
    with pytest.raises(ValidationError):
        _draft(text="x", status=NoteStatus.FINISHED)
    with pytest.raises(ValidationError):
        _draft(text="x", finished_at=LATER)


# ---------------------------------------------------------------- editing


def test_a_draft_can_change_every_editable_field() -> None:
    """While the note is a draft the consultant may change what happened, when,
    how long, the topics, the text, the agreements and the next contact."""
    next_contact = NextContact(
        at=NOW + timedelta(days=7), kind=ContactKind.FOLLOW_UP, initiator=Initiator.CITIZEN
    )
    changes: dict[str, object] = {
        "kind": ContactKind.PHONE,
        "occurred_at": NOW - timedelta(hours=1),
        "duration_min": 25,
        "topics": (Topic.DEBT, Topic.HOUSING),
        "text": "Ringede om gæld.",
        "agreements": "Kontakt gældsrådgivningen.",
        "next_contact": next_contact,
    }
    assert set(changes) == EDITABLE
    edited = _draft().edited(now=LATER, **changes)
    for name, value in changes.items():
        assert getattr(edited, name) == value
    assert edited.updated_at == LATER


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("id", NoteId(new_id())),
        ("citizen_id", CitizenId(new_id())),
        ("consultant_id", OLE),
        ("contact_id", ContactId(new_id())),
        ("corrects_id", NoteId(new_id())),
        ("status", NoteStatus.FINISHED),
        ("created_at", LATER),
        ("finished_at", LATER),
    ],
)
def test_a_draft_refuses_changes_to_fixed_fields(name: str, value: object) -> None:
    """Whose note it is, about whom, and its state are fixed when it is made; an
    edit cannot move a note to another citizen or finish it behind the rules."""
    with pytest.raises(ValidationError) as caught:
        _draft(text="x").edited(now=LATER, **{name: value})
    assert caught.value.field == name


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"text": "silently changed"},
        {"agreements": "new agreement"},
        {"topics": (Topic.HEALTH,)},
        {"occurred_at": NOW - timedelta(days=1)},
        {"duration_min": 5},
        {"kind": ContactKind.PHONE},
        {"next_contact": None},
        {"citizen_id": CitizenId(new_id())},
    ],
)
def test_a_finished_note_refuses_every_edit(changes: dict[str, object]) -> None:
    """A finished note is a record under the duty to take notes: it is never edited,
    whatever the field; corrections are addenda."""
    note = _finished()
    with pytest.raises(NoteFinishedError):
        note.edited(now=LATER, **changes)


def test_an_edit_is_validated_like_a_new_note() -> None:
    """Edits go through the same checks: a naive time is refused."""
    with pytest.raises(ValueError, match="aware"):
        _draft().edited(now=LATER, occurred_at=datetime(2026, 3, 2, 9, 0))


# ---------------------------------------------------------------- addendum


def test_an_addendum_is_a_new_draft_pointing_to_the_finished_note() -> None:
    """A correction is a new note that names the note it corrects; the original
    record is left as it was."""
    original = _finished()
    addendum = original.addendum(consultant_id=OLE, now=LATER, text="Rettelse: fredag.")
    assert addendum.corrects_id == original.id
    assert addendum.is_addendum
    assert addendum.id != original.id
    assert is_id(addendum.id)
    assert addendum.status is NoteStatus.DRAFT
    assert addendum.citizen_id == original.citizen_id
    assert addendum.contact_id == original.contact_id
    assert addendum.consultant_id == OLE
    assert addendum.text == "Rettelse: fredag."
    assert original.finished
    assert original.text == "Talked about the letter from Udbetaling Danmark."


def test_an_addendum_is_itself_finished_like_any_note() -> None:
    """An addendum becomes a record when finished, and then is immutable too."""
    addendum = _finished().addendum(consultant_id=KARIN, now=LATER, text="Tilføjelse.")
    finished = addendum.finish(now=LATER)
    assert finished.finished
    with pytest.raises(NoteFinishedError):
        finished.edited(now=LATER, text="changed")


def test_a_draft_cannot_get_an_addendum() -> None:
    """A draft is still corrected by editing it; an addendum to a draft is refused."""
    with pytest.raises(ValidationError):
        _draft(text="udkast").addendum(consultant_id=KARIN, now=LATER)


def test_an_addendum_cannot_change_what_it_corrects() -> None:
    """The link from an addendum to its original is fixed."""
    addendum = _finished().addendum(consultant_id=KARIN, now=LATER)
    with pytest.raises(ValidationError):
        addendum.edited(now=LATER, corrects_id=NoteId(new_id()))


# ---------------------------------------------------------------- text and topics


def test_a_100_kb_note_in_many_scripts_is_kept_exactly() -> None:
    """Long notes with emoji, Arabic, Somali and combining marks survive editing and
    finishing code point for code point."""
    assert len(LONG_TEXT) == 100_000
    note = _draft(text=LONG_TEXT, agreements=LONG_TEXT)
    assert note.text == LONG_TEXT
    finished = note.edited(now=LATER, text=LONG_TEXT + "!").finish(now=LATER)
    assert finished.text == LONG_TEXT + "!"
    assert finished.agreements == LONG_TEXT


def test_a_note_beyond_the_long_text_limit_is_refused() -> None:
    """A note is at most a million characters."""
    with pytest.raises(ValidationError):
        _draft(text="x" * 1_000_001)


def test_topics_are_deduplicated_keeping_their_order() -> None:
    """A topic ticked twice counts once, and the order chosen is kept."""
    note = _draft(topics=(Topic.DEBT, Topic.HEALTH, Topic.DEBT, Topic.HEALTH, Topic.LANGUAGE))
    assert note.topics == (Topic.DEBT, Topic.HEALTH, Topic.LANGUAGE)


def test_topics_given_as_text_become_topics() -> None:
    """Topics read back from storage as text become Topic members."""
    note = _draft(topics=("debt", "housing", "debt"))
    assert note.topics == (Topic.DEBT, Topic.HOUSING)
    assert all(isinstance(topic, Topic) for topic in note.topics)


def test_an_unknown_topic_is_refused() -> None:
    """Only the barrier tags of the method are topics."""
    with pytest.raises(ValidationError, match="nonsense"):
        _draft(topics=("debt", "nonsense"))
