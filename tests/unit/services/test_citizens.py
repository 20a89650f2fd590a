"""Finding and registering citizens, and what each action leaves in the access log."""

from __future__ import annotations

import json

import pytest

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.errors import DuplicateCpr, InvalidCpr, ValidationError
from outreach_app.domain.people import CitizenStatus
from outreach_app.services.workspace import Workspace


def actions(ws: Workspace) -> list[AccessAction]:
    return [e.action for e in ws.audit.entries()]


def test_a_walk_in_is_registered_with_a_first_name_and_a_phone_number(workspace: Workspace) -> None:
    """Nothing else is needed at the counter; the citizen is assigned to me."""
    citizen = workspace.citizens.register(first_name="Hodan", phone="22 33 44 55")
    assert citizen.cpr is None
    assert citizen.phone == "22334455"
    current = workspace.assignments.current(citizen.id)
    assert current is not None
    assert current.consultant_id == workspace.me_id
    assert AccessAction.CITIZEN_CREATE in actions(workspace)


@pytest.mark.parametrize("typed", ["241288-1234", "2412881234", "241288 1234", " 241288-1234 "])
def test_search_finds_a_cpr_number_in_any_common_form(workspace: Workspace, typed: str) -> None:
    citizen = workspace.citizens.register(first_name="Mette", cpr="241288-1234")
    assert [h.id for h in workspace.citizens.search(typed)] == [citizen.id]


def test_a_cpr_search_with_an_impossible_date_finds_nothing(workspace: Workspace) -> None:
    workspace.citizens.register(first_name="Mette", cpr="241288-1234")
    assert workspace.citizens.search("311388-1234") == []


@pytest.mark.parametrize("typed", ["+45 22 33 44 55", "22334455", "0045 22334455", "22-33-44-55"])
def test_search_finds_a_phone_number_in_any_common_form(workspace: Workspace, typed: str) -> None:
    citizen = workspace.citizens.register(first_name="Ali", phone="22 33 44 55")
    assert [h.id for h in workspace.citizens.search(typed)] == [citizen.id]


def test_search_by_name_ignores_case_accents_and_danish_letters(workspace: Workspace) -> None:
    """'soren' finds Søren, 'muller' finds Müller, 'sahin' finds Şahin."""
    ids = {
        "soren": workspace.citizens.register(first_name="Søren", last_name="Ærø").id,
        "muller": workspace.citizens.register(first_name="Anna", last_name="Müller").id,
        "sahin": workspace.citizens.register(first_name="Emre", last_name="Şahin").id,
    }
    for query, citizen_id in ids.items():
        assert [h.id for h in workspace.citizens.search(query)] == [citizen_id]
    assert [h.id for h in workspace.citizens.search("aero")] == [ids["soren"]]


def test_search_matches_word_starts_and_narrows_as_the_consultant_types(
    workspace: Workspace,
) -> None:
    """Each typed word must start a word of the name; more letters narrow the result."""
    ahmed = workspace.citizens.register(first_name="Ahmed", last_name="Hassan").id
    ahmad = workspace.citizens.register(first_name="Ahmad", last_name="Ali").id
    workspace.citizens.register(first_name="Fatima", last_name="Ahmadi")
    assert {h.id for h in workspace.citizens.search("ahm")} >= {ahmed, ahmad}
    assert [h.id for h in workspace.citizens.search("ahme")] == [ahmed]
    assert [h.id for h in workspace.citizens.search("ahm ha")] == [ahmed]
    assert [h.id for h in workspace.citizens.search("hassan ahm")] == [ahmed]
    assert workspace.citizens.search("med") == []  # middle of a word


def test_names_in_arabic_script_and_emoji_are_stored_and_found_exactly(
    workspace: Workspace,
) -> None:
    name = "محمد"
    citizen = workspace.citizens.register(first_name=name, last_name="Cabdi 🌻")
    assert [h.id for h in workspace.citizens.search("محم")] == [citizen.id]
    assert workspace.citizens.get(citizen.id).last_name == "Cabdi 🌻"


def test_a_search_is_logged_with_its_criterion_not_its_result(workspace: Workspace) -> None:
    workspace.citizens.register(first_name="Ahmed", last_name="Hassan")
    workspace.citizens.search("ahm")
    entry = workspace.audit.entries()[-1]
    assert entry.action is AccessAction.SEARCH
    assert entry.citizen_id is None
    assert json.loads(entry.detail) == {"by": "name", "q": "ahm"}


def test_a_cpr_already_in_the_vault_names_the_existing_citizen(workspace: Workspace) -> None:
    """The screen can offer to open that citizen instead of making a duplicate."""
    first = workspace.citizens.register(first_name="Mette", cpr="241288-1234")
    with pytest.raises(DuplicateCpr) as raised:
        workspace.citizens.register(first_name="M.", cpr="2412881234")
    assert raised.value.existing_id == first.id
    other = workspace.citizens.register(first_name="Mette")
    with pytest.raises(DuplicateCpr):
        workspace.citizens.update(other.id, cpr="241288-1234")


def test_an_impossible_or_future_cpr_date_is_refused(workspace: Workspace) -> None:
    with pytest.raises(InvalidCpr):
        workspace.citizens.register(first_name="X", cpr="310299-1234")
    with pytest.raises(InvalidCpr):  # born 2030 by the century rule, after 'today' (2026)
        workspace.citizens.register(first_name="X", cpr="010130-4000")
    assert workspace.citizens.mine() == []


def test_reading_a_record_and_revealing_the_cpr_are_logged(workspace: Workspace) -> None:
    citizen = workspace.citizens.register(first_name="Mette", cpr="2412881234")
    hit = workspace.citizens.search("mette")[0]
    assert hit.masked_cpr == "241288-xxxx"
    workspace.citizens.get(citizen.id)
    assert workspace.citizens.reveal_cpr(citizen.id) == "241288-1234"
    logged = [(e.action, e.citizen_id) for e in workspace.audit.entries()[-2:]]
    assert logged == [
        (AccessAction.CITIZEN_READ, citizen.id),
        (AccessAction.CPR_REVEAL, citizen.id),
    ]


def test_update_changes_only_the_given_fields_and_keeps_the_index_current(
    workspace: Workspace,
) -> None:
    citizen = workspace.citizens.register(first_name="Ahmed", phone="11223344")
    updated = workspace.citizens.update(citizen.id, last_name="Hassan", cpr="010190-1234")
    assert (updated.first_name, updated.last_name, updated.phone) == ("Ahmed", "Hassan", "11223344")
    entry = workspace.audit.entries()[-1]
    assert entry.action is AccessAction.CITIZEN_UPDATE
    assert json.loads(entry.detail) == ["cpr", "last_name"]
    assert [h.id for h in workspace.citizens.search("hassan")] == [citizen.id]
    assert [h.id for h in workspace.citizens.search("0101901234")] == [citizen.id]


def test_update_refuses_unknown_fields_and_blank_names(workspace: Workspace) -> None:
    citizen = workspace.citizens.register(first_name="Ahmed")
    with pytest.raises(ValidationError):
        workspace.citizens.update(citizen.id, id="other")
    with pytest.raises(ValidationError):
        workspace.citizens.update(citizen.id, first_name="   ")
    assert workspace.citizens.get(citizen.id).first_name == "Ahmed"


def test_closing_a_case_keeps_the_citizen_findable_with_the_closed_status(
    workspace: Workspace,
) -> None:
    citizen = workspace.citizens.register(first_name="Ahmed")
    workspace.citizens.close_case(citizen.id)
    assert workspace.citizens.search("ahmed")[0].status is CitizenStatus.CLOSED


def test_handing_over_keeps_one_active_consultant_and_the_history(workspace: Workspace) -> None:
    citizen = workspace.citizens.register(first_name="Ahmed")
    colleague = "7b0f8a2e-55a1-4c1e-9a63-0f3d0b9d2c11"
    workspace.assignments.hand_over(citizen.id, colleague, reason="Flyttet til Vest")  # type: ignore[arg-type]
    history = workspace.assignments.history(citizen.id)
    assert [(a.consultant_id, a.active) for a in history] == [
        (workspace.me_id, False),
        (colleague, True),
    ]
    assert history[1].reason == "Flyttet til Vest"
    assert workspace.audit.entries()[-1].action is AccessAction.ASSIGNMENT_CHANGE
