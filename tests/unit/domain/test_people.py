"""Citizens, consultants and the rule of one consultant per citizen."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.errors import AssignmentError, InvalidCpr, ValidationError
from outreach_app.domain.ids import (
    AssignmentId,
    CitizenId,
    ConsultantId,
    OfficeId,
    is_id,
    new_id,
)
from outreach_app.domain.people import (
    Assignment,
    Citizen,
    Consultant,
    Office,
    active_assignment,
    hand_over,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=DANISH_TIME)
CITIZEN = CitizenId("c0000000-0000-4000-8000-000000000001")
KARIN = ConsultantId("k0000000-0000-4000-8000-000000000001")
OLE = ConsultantId("o0000000-0000-4000-8000-000000000001")
HUNDRED_KB = "x" * 100_000


def _citizen(**changes: object) -> Citizen:
    fields: dict[str, object] = {
        "id": CITIZEN,
        "first_name": "Amina",
        "created_at": NOW,
        "updated_at": NOW,
    }
    fields.update(changes)
    return Citizen(**fields)  # type: ignore[arg-type]


def _assignment(consultant: ConsultantId, *, ended: datetime | None = None) -> Assignment:
    return Assignment(
        id=AssignmentId(new_id()),
        citizen_id=CITIZEN,
        consultant_id=consultant,
        started_at=NOW - timedelta(days=30),
        ended_at=ended,
        reason="first registration",
    )


# ---------------------------------------------------------------- Citizen


def test_a_walk_in_is_registered_with_only_a_first_name() -> None:
    """At the drop-in the consultant may know only a first name; that is enough."""
    citizen = _citizen()
    assert citizen.first_name == "Amina"
    assert citizen.cpr is None
    assert citizen.phone is None
    assert citizen.display_name == "Amina"


@pytest.mark.parametrize("blank", ["", " ", "\t\n", "   "])
def test_a_citizen_without_a_first_name_is_refused(blank: str) -> None:
    """A record nobody can recognise is of no use: the first name must not be blank."""
    with pytest.raises(ValidationError) as caught:
        _citizen(first_name=blank)
    assert caught.value.field == "first name"


def test_names_are_trimmed_of_outer_spaces_only() -> None:
    """Spaces typed around a name are dropped; the name itself is kept as written."""
    citizen = _citizen(first_name="  Anne  Marie ", last_name=" Ben Ali  ")
    assert citizen.first_name == "Anne  Marie"
    assert citizen.last_name == "Ben Ali"
    assert citizen.display_name == "Anne  Marie Ben Ali"


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("محمد", "عبد الله"),
        ("Cabdi", "Maxamed Xuseen"),
        ("Ayaan", "Cali Faarax"),
        ("Søren", "Æbelø-Ørsted"),
        ("Zoë", "Nguyễn"),
        ("🌟Lina", "👩\u200d👩\u200d👧"),
        ("Ǿ\u0301rn", "e\u0301"),  # combining accents, not normalised away
    ],
)
def test_names_in_any_script_are_kept_exactly(first: str, last: str) -> None:
    """Arabic, Somali, Danish letters, emoji and combining marks are kept code point
    for code point: the name on the screen is the name the citizen gave."""
    citizen = _citizen(first_name=first, last_name=last)
    assert citizen.first_name == first
    assert citizen.last_name == last
    assert citizen.display_name == f"{first} {last}"


def test_cpr_is_optional_but_stored_as_ten_digits_when_given() -> None:
    """The CPR number may come later; when given it is stored without the dash."""
    assert _citizen(cpr="010190-1234").cpr == "0101901234"
    assert _citizen(cpr=" 010190 1234 ").cpr == "0101901234"
    assert _citizen(cpr=None).cpr is None


@pytest.mark.parametrize("bad", ["310299-1234", "12345", "abcdefghij", ""])
def test_an_invalid_cpr_on_a_citizen_is_refused(bad: str) -> None:
    """A citizen never carries a malformed CPR number."""
    with pytest.raises(InvalidCpr):
        _citizen(cpr=bad)


def test_phone_is_stored_normalised() -> None:
    """Phone numbers are stored in the lookup form, so search by phone finds them."""
    assert _citizen(phone="+45 12 34 56 78").phone == "12345678"
    assert _citizen(phone="0045-1234-5678").phone == "12345678"
    assert _citizen(phone="+46 70 123 45 67").phone == "+46701234567"


def test_an_empty_phone_means_no_phone() -> None:
    """An empty phone field is stored as no phone, not as an empty number."""
    assert _citizen(phone="").phone is None


def test_an_invalid_phone_on_a_citizen_is_refused() -> None:
    """Letters in the phone field are a typing mistake, not a number."""
    with pytest.raises(ValidationError) as caught:
        _citizen(phone="12ab5678")
    assert caught.value.field == "phone"


@pytest.mark.parametrize(
    ("first", "last", "initials"),
    [
        ("Amina", "", "A."),
        ("amina", "hassan", "A.H."),
        ("Anne Marie", "Ben Ali", "A.A."),
        ("Søren", "Ørsted", "S.Ø."),
        ("محمد", "علي", "م.ع."),
        ("🌟Lina", "Ali", "🌟.A."),
    ],
)
def test_initials_take_the_first_letter_of_the_first_and_last_name(
    first: str, last: str, initials: str
) -> None:
    """Discreet mode shows initials instead of the name: first letter of the first
    word and of the last word, upper-cased, each followed by a dot."""
    assert _citizen(first_name=first, last_name=last).initials == initials


def test_initials_never_contain_more_than_two_letters() -> None:
    """A long name does not reveal more than two letters in discreet mode."""
    citizen = _citizen(first_name="Anna Maria Louise", last_name="von der Berg Hansen")
    assert citizen.initials == "A.H."


def test_a_100_kb_address_is_refused_with_a_validation_error() -> None:
    """An address is short text; 100 kB pasted by mistake is refused as a validation
    error on the field, not stored and not a crash."""
    with pytest.raises(ValidationError) as caught:
        _citizen(address=HUNDRED_KB)
    assert caught.value.field == "address"
    assert HUNDRED_KB[:50] not in str(caught.value)


def test_an_address_of_the_short_text_limit_is_kept_exactly() -> None:
    """2,000 characters (the short-text limit) of mixed scripts are kept as written."""
    address = ("Gudrunsvej 7, 3. th. ✉ عنوان " * 100)[:2_000]
    assert _citizen(address=address).address == address


def test_an_overlong_first_name_is_refused() -> None:
    """A name is at most 200 characters."""
    _citizen(first_name="A" * 200)
    with pytest.raises(ValidationError):
        _citizen(first_name="A" * 201)


def test_a_nul_character_in_a_name_is_refused() -> None:
    """NUL characters are refused: they break display and export."""
    with pytest.raises(ValidationError):
        _citizen(last_name="Ha\x00ssan")


def test_a_naive_creation_time_is_refused() -> None:
    """Every moment stored is timezone-aware, so offices and the server agree."""
    with pytest.raises(ValueError, match="aware"):
        _citizen(created_at=datetime(2026, 3, 2, 9, 0))


def test_with_changes_updates_fields_and_time_but_never_id_or_creation() -> None:
    """An edit changes the fields and the update time; identity never changes."""
    citizen = _citizen()
    later = NOW + timedelta(hours=1)
    changed = citizen.with_changes(now=later, last_name="Hassan", phone="+45 87 65 43 21")
    assert changed.last_name == "Hassan"
    assert changed.phone == "87654321"
    assert changed.updated_at == later
    assert changed.created_at == citizen.created_at
    assert changed.id == citizen.id
    with pytest.raises(ValidationError):
        citizen.with_changes(now=later, id=CitizenId(new_id()))
    with pytest.raises(ValidationError):
        citizen.with_changes(now=later, created_at=later)


def test_with_changes_validates_the_new_values() -> None:
    """An edit cannot bring in what creation would refuse."""
    with pytest.raises(ValidationError):
        _citizen().with_changes(now=NOW, first_name=" ")
    with pytest.raises(InvalidCpr):
        _citizen().with_changes(now=NOW, cpr="310299-1234")


def test_office_and_consultant_need_a_name() -> None:
    """Offices and consultants are named; a blank name is refused."""
    assert Office(id=OfficeId(new_id()), name="Gellerup").name == "Gellerup"
    with pytest.raises(ValidationError):
        Office(id=OfficeId(new_id()), name=" ")
    with pytest.raises(ValidationError):
        Consultant(id=KARIN, office_id=OfficeId(new_id()), name="")


# ---------------------------------------------------------------- one consultant per citizen


def test_the_first_hand_over_starts_the_first_assignment() -> None:
    """A new citizen gets their consultant: nothing ends, one assignment starts."""
    ended, started = hand_over([], citizen_id=CITIZEN, to=KARIN, at=NOW, reason="drop-in")
    assert ended is None
    assert started.consultant_id == KARIN
    assert started.citizen_id == CITIZEN
    assert started.started_at == NOW
    assert started.active
    assert started.reason == "drop-in"
    assert is_id(started.id)
    assert active_assignment([started]) == started


def test_hand_over_ends_the_old_assignment_and_keeps_one_active() -> None:
    """Handing a citizen to another consultant ends the old assignment at the same
    moment the new one starts, so there is always exactly one active consultant and
    the history shows who had the citizen when, and why it changed."""
    first = _assignment(KARIN)
    at = NOW + timedelta(days=1)
    ended, started = hand_over([first], citizen_id=CITIZEN, to=OLE, at=at, reason="Karin on leave")
    assert ended is not None
    assert ended.id == first.id
    assert ended.ended_at == at
    assert not ended.active
    assert ended.reason == first.reason
    assert started.consultant_id == OLE
    assert started.started_at == at
    assert started.reason == "Karin on leave"
    assert started.id != first.id
    history = [ended, started]
    assert active_assignment(history) == started
    assert sum(a.active for a in history) == 1


def test_a_chain_of_hand_overs_keeps_the_whole_history() -> None:
    """Karin → Ole → Karin: three periods, two ended, one active, none lost."""
    history: list[Assignment] = []
    at = NOW
    for consultant in (KARIN, OLE, KARIN):
        ended, started = hand_over(
            history, citizen_id=CITIZEN, to=consultant, at=at, reason=f"to {consultant}"
        )
        if ended is not None:
            history = [ended if a.id == ended.id else a for a in history]
        history.append(started)
        at += timedelta(days=7)
    assert [a.consultant_id for a in history] == [KARIN, OLE, KARIN]
    assert [a.active for a in history] == [False, False, True]
    assert active_assignment(history) == history[-1]


def test_hand_over_to_the_current_consultant_is_refused() -> None:
    """Handing a citizen to the consultant who already has them would change
    nothing but the history; it is refused."""
    with pytest.raises(AssignmentError):
        hand_over([_assignment(KARIN)], citizen_id=CITIZEN, to=KARIN, at=NOW, reason="again")


def test_hand_over_to_a_former_consultant_is_allowed() -> None:
    """Only the active assignment counts: a citizen may return to an earlier consultant."""
    history = [_assignment(KARIN, ended=NOW - timedelta(days=1)), _assignment(OLE)]
    ended, started = hand_over(history, citizen_id=CITIZEN, to=KARIN, at=NOW, reason="back")
    assert ended is not None
    assert ended.consultant_id == OLE
    assert started.consultant_id == KARIN


def test_two_active_assignments_are_detected() -> None:
    """Two active consultants break the core rule; it is reported, not hidden, and no
    hand-over is built on top of it."""
    broken = [_assignment(KARIN), _assignment(OLE)]
    with pytest.raises(AssignmentError):
        active_assignment(broken)
    with pytest.raises(AssignmentError):
        hand_over(broken, citizen_id=CITIZEN, to=ConsultantId(new_id()), at=NOW, reason="x")


def test_active_assignment_of_an_ended_history_is_none() -> None:
    """A citizen whose assignments all ended has no consultant."""
    assert active_assignment([]) is None
    assert active_assignment([_assignment(KARIN, ended=NOW)]) is None


def test_an_assignment_cannot_end_before_it_starts() -> None:
    """Handing over at a moment before the current assignment began is refused."""
    current = _assignment(KARIN)
    with pytest.raises(ValidationError):
        hand_over(
            [current],
            citizen_id=CITIZEN,
            to=OLE,
            at=current.started_at - timedelta(seconds=1),
            reason="x",
        )


def test_an_overlong_hand_over_reason_is_refused() -> None:
    """The reason is short text (at most 2,000 characters)."""
    with pytest.raises(ValidationError):
        hand_over([], citizen_id=CITIZEN, to=KARIN, at=NOW, reason="r" * 2_001)
