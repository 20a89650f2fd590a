"""The synthetic demo data: deterministic, consistent, and valid by the app's own rules."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from outreach_app.domain.clock import DANISH_TIME, ManualClock, local_today
from outreach_app.domain.contacts import (
    Appointment,
    AppointmentStatus,
    Attendance,
    Contact,
    ContactKind,
)
from outreach_app.domain.cpr import parse_cpr
from outreach_app.domain.errors import NoteFinishedError
from outreach_app.domain.information import NewInformation
from outreach_app.domain.milestones import Milestone, MilestoneKind
from outreach_app.domain.notes import NoteStatus, SessionNote
from outreach_app.domain.partners import Consent, Partner, Referral
from outreach_app.domain.people import Assignment, Citizen
from outreach_app.domain.plan import Plan
from outreach_app.domain.progression import ProgressionScore
from outreach_app.services.check import check_vault
from outreach_app.services.demo import DemoSummary, populate_demo
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage.profile import Profile
from outreach_app.storage.repository import Repository
from tests.conftest import PASSPHRASE, START, fast_kdf

CITIZENS = 40
SEED = 3
MOD11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


@pytest.fixture
def summary(workspace: Workspace) -> DemoSummary:
    return populate_demo(workspace, citizens=CITIZENS, seed=SEED)


def every(ws: Workspace, repository: Repository[Any]) -> list[Any]:
    with ws.vault.read() as connection:
        return repository.find(connection)


def citizens_of(ws: Workspace) -> list[Citizen]:
    return every(ws, ws.repos.citizens)


def fingerprint(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Everything the demo wrote, without ids (which are random by design)."""
    repos = ws.repos
    return {
        "citizens": sorted(
            (c.first_name, c.last_name, c.cpr or "", c.phone or "", c.address, c.created_at)
            for c in citizens_of(ws)
        ),
        "notes": sorted(
            (n.occurred_at, n.kind, n.text, n.agreements, n.status, n.topics)
            for n in every(ws, repos.notes)
        ),
        "appointments": sorted(
            (a.starts_at, a.kind, a.status, a.place, a.note) for a in every(ws, repos.appointments)
        ),
        "scores": sorted((s.scored_on, s.area, s.score) for s in every(ws, repos.scores)),
        "milestones": sorted(
            (m.starts_on, m.kind, m.ends_on or date.min, m.note)
            for m in every(ws, repos.milestones)
        ),
        "partners": sorted((p.name, p.contact_person) for p in every(ws, repos.partners)),
        "consents": sorted((c.given_on, c.scope) for c in every(ws, repos.consents)),
        "plans": sorted((p.goal, p.agreements) for p in every(ws, repos.plans)),
    }


def second_workspace(root: Path) -> Workspace:
    return Workspace.create(
        Profile(root),
        PASSPHRASE,
        NewProfile("Karin Holm", "Gellerup"),
        recovery=None,
        clock=ManualClock(START),
        kdf=fast_kdf(),
    )


# -- determinism ---------------------------------------------------------------------


def test_the_same_seed_and_clock_give_the_same_content_in_two_vaults(
    workspace: Workspace, tmp_path: Path
) -> None:
    populate_demo(workspace, citizens=CITIZENS, seed=SEED)
    other = second_workspace(tmp_path / "second")
    try:
        populate_demo(other, citizens=CITIZENS, seed=SEED)
        assert fingerprint(other) == fingerprint(workspace)
    finally:
        other.close()


def test_another_seed_gives_other_people(workspace: Workspace, tmp_path: Path) -> None:
    populate_demo(workspace, citizens=CITIZENS, seed=SEED)
    other = second_workspace(tmp_path / "second")
    try:
        populate_demo(other, citizens=CITIZENS, seed=SEED + 1)
        assert fingerprint(other)["citizens"] != fingerprint(workspace)["citizens"]
    finally:
        other.close()


# -- what was written -------------------------------------------------------------------


def test_the_summary_counts_what_is_in_the_vault_and_the_vault_checks_ok(
    workspace: Workspace, summary: DemoSummary
) -> None:
    report = check_vault(workspace.vault)

    assert report.ok, report.damaged
    counts = report.counts
    assert summary.citizens == CITIZENS == counts["citizens"]
    assert counts["assignments"] == counts["plans"] == CITIZENS
    for kind in (
        "notes",
        "contacts",
        "appointments",
        "milestones",
        "scores",
        "partners",
        "consents",
        "referrals",
        "information",
    ):
        assert getattr(summary, kind) == counts[kind], kind


def test_notes_per_citizen_sets_the_exact_number_of_notes(workspace: Workspace) -> None:
    summary = populate_demo(workspace, citizens=CITIZENS, seed=SEED, notes_per_citizen=2.5)

    assert summary.notes == 100
    assert len(every(workspace, workspace.repos.notes)) == 100


def test_ids_are_random_uuids(workspace: Workspace, summary: DemoSummary) -> None:
    for citizen in citizens_of(workspace):
        assert uuid.UUID(citizen.id).version == 4


# -- people ----------------------------------------------------------------------------


def test_cpr_numbers_are_well_formed_adult_fail_modulus_11_and_are_unique(
    workspace: Workspace, summary: DemoSummary
) -> None:
    today = local_today(workspace.clock)
    numbers = [c.cpr for c in citizens_of(workspace) if c.cpr is not None]

    assert 0.6 * CITIZENS <= len(numbers) < CITIZENS  # about 80 %, walk-ins have none
    assert len(set(numbers)) == len(numbers)
    for number in numbers:
        born = parse_cpr(number, today=today).birth_date
        assert 18 <= age(born, today) <= 64
        assert sum(int(d) * w for d, w in zip(number, MOD11_WEIGHTS, strict=True)) % 11 != 0


def age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def test_walk_ins_have_a_phone_but_no_cpr_and_some_no_last_name(
    workspace: Workspace, summary: DemoSummary
) -> None:
    walk_ins = [c for c in citizens_of(workspace) if c.cpr is None]

    assert walk_ins
    assert all(c.phone for c in walk_ins)
    assert any(c.last_name == "" for c in walk_ins)
    for citizen in citizens_of(workspace):
        if citizen.phone:
            assert len(citizen.phone) == 8 and citizen.phone.isdigit()


def test_names_include_diacritics_and_arabic_script(
    workspace: Workspace, summary: DemoSummary
) -> None:
    names = {c.display_name for c in citizens_of(workspace)}

    assert {"Søren Ærøbo", "Hans-Jürgen Müller", "Ayşe Şahin", "Dragan Đurić"} <= names
    assert any("\u0600" <= ch <= "\u06ff" for name in names for ch in name)


def test_search_finds_demo_citizens_by_name(workspace: Workspace, summary: DemoSummary) -> None:
    for query, expected in [
        ("soren aerobo", "Søren Ærøbo"),
        ("muller", "Hans-Jürgen Müller"),
        ("sahin", "Ayşe Şahin"),
        ("duric", "Dragan Đurić"),
        ("محمد", "محمد Al-Hassan"),
    ]:
        assert expected in {h.display_name for h in workspace.citizens.search(query)}, query
    anyone = citizens_of(workspace)[-1]
    hits = workspace.citizens.search(anyone.display_name)
    assert anyone.id in {h.id for h in hits}


def test_every_citizen_has_exactly_one_active_assignment_to_me(
    workspace: Workspace, summary: DemoSummary
) -> None:
    assignments: list[Assignment] = every(workspace, workspace.repos.assignments)
    active = Counter(a.citizen_id for a in assignments if a.active)

    assert {c.id for c in citizens_of(workspace)} == set(active)
    assert set(active.values()) == {1}
    assert {a.consultant_id for a in assignments} == {workspace.me_id}
    for citizen in citizens_of(workspace):
        assert workspace.assignments.current(citizen.id) is not None


def test_every_citizen_has_a_plan_in_the_min_plan_structure(
    workspace: Workspace, summary: DemoSummary
) -> None:
    plans: list[Plan] = every(workspace, workspace.repos.plans)

    assert {p.citizen_id for p in plans} == {c.id for c in citizens_of(workspace)}
    assert all(p.goal and p.activities for p in plans)
    assert any(p.agreements for p in plans)
    with_next = [p for p in plans if p.next_contact is not None]
    assert with_next
    assert {p.next_contact.initiator for p in with_next if p.next_contact} >= {"consultant"}


# -- contacts, appointments and notes --------------------------------------------------


def test_history_covers_a_year_with_every_kind_of_contact(
    workspace: Workspace, summary: DemoSummary
) -> None:
    contacts: list[Contact] = every(workspace, workspace.repos.contacts)
    kinds = Counter(c.kind for c in contacts)
    now = workspace.clock.now()

    assert set(kinds) == set(ContactKind)
    assert kinds.most_common(1)[0][0] is ContactKind.DROP_IN
    assert all(now - timedelta(days=380) < c.occurred_at < now for c in contacts)
    assert all(c.partner_id for c in contacts if c.kind is ContactKind.NETWORK_MEETING)


def test_past_appointments_carry_attendance_and_their_contact(
    workspace: Workspace, summary: DemoSummary
) -> None:
    appointments: list[Appointment] = every(workspace, workspace.repos.appointments)
    contacts = {c.id: c for c in every(workspace, workspace.repos.contacts)}
    held = [a for a in appointments if a.status is not AppointmentStatus.PLANNED]
    now = workspace.clock.now()

    assert all(a.starts_at < now for a in held)
    for appointment in held:
        assert appointment.contact_id is not None
        contact = contacts[appointment.contact_id]
        assert contact.appointment_id == appointment.id
        assert contact.attendance is not None
        assert contact.attendance.value == appointment.status.value
    shares = Counter(a.status for a in held)
    assert shares[AppointmentStatus.ATTENDED] > shares[AppointmentStatus.NO_SHOW] > 0
    assert shares[AppointmentStatus.CANCELLED] > 0
    attended = [c for c in contacts.values() if c.attendance is Attendance.ATTENDED]
    assert all(c.duration_min for c in attended)


def test_planned_appointments_lie_in_the_next_three_weeks_some_today_in_office_hours(
    workspace: Workspace, summary: DemoSummary
) -> None:
    appointments: list[Appointment] = every(workspace, workspace.repos.appointments)
    planned = [a for a in appointments if a.status is AppointmentStatus.PLANNED]
    today = local_today(workspace.clock)
    days = {a.starts_at.astimezone(DANISH_TIME).date() for a in planned}

    assert today in days
    assert all(today <= day <= today + timedelta(days=21) for day in days)
    for appointment in appointments:
        local = appointment.starts_at.astimezone(DANISH_TIME)
        assert time(8, 0) <= local.time() <= time(16, 0)
        assert local.weekday() < 5
    start = datetime.combine(today, time(0), DANISH_TIME)
    assert workspace.agenda.between(start, start + timedelta(days=1))


def test_notes_are_mostly_finished_with_a_few_drafts_and_addenda(workspace: Workspace) -> None:
    populate_demo(workspace, citizens=CITIZENS, seed=SEED, notes_per_citizen=8)
    notes: list[SessionNote] = every(workspace, workspace.repos.notes)
    by_id = {n.id: n for n in notes}
    finished = [n for n in notes if n.finished]
    drafts = [n for n in notes if n.status is NoteStatus.DRAFT]
    addenda = [n for n in notes if n.corrects_id is not None]

    assert len(finished) > 0.85 * len(notes)
    assert drafts and addenda
    for addendum in addenda:
        assert addendum.corrects_id is not None
        original = by_id[addendum.corrects_id]
        assert original.finished and original.citizen_id == addendum.citizen_id
        assert addendum.occurred_at > original.occurred_at
        assert addendum.text.startswith("Tilføjelse til notat af")
    assert all(n.text.strip() and n.topics for n in finished if not n.is_addendum)
    assert all(n.contact_id for n in finished)
    assert len({n.text for n in notes}) > 0.95 * len(notes)


def test_a_finished_demo_note_is_immutable(workspace: Workspace, summary: DemoSummary) -> None:
    notes: list[SessionNote] = every(workspace, workspace.repos.notes)
    note = next(n for n in notes if n.finished)

    with pytest.raises(NoteFinishedError):
        workspace.notes.save_draft(note.id, text="ændret")
    with pytest.raises(NoteFinishedError):
        workspace.notes.discard(note.id)
    assert workspace.notes.get(note.id) == note


# -- case work ---------------------------------------------------------------------------


def test_partners_are_twelve_to_twenty_of_the_core_kinds(
    workspace: Workspace, summary: DemoSummary
) -> None:
    partners: list[Partner] = every(workspace, workspace.repos.partners)

    assert 12 <= len(partners) <= 20
    assert {"housing_social", "language_school", "debt_counselling", "employer", "health"} <= {
        p.kind.value for p in partners
    }


def test_referrals_are_each_covered_by_their_consent(
    workspace: Workspace, summary: DemoSummary
) -> None:
    consents: dict[str, Consent] = {c.id: c for c in every(workspace, workspace.repos.consents)}
    referrals: list[Referral] = every(workspace, workspace.repos.referrals)

    assert referrals
    for referral in referrals:
        consent = consents[referral.consent_id]
        assert consent.citizen_id == referral.citizen_id
        assert consent.covers(referral.partner_id, referral.referred_on)
    today = local_today(workspace.clock)
    assert any(c.withdrawn_on for c in consents.values())
    assert workspace.consents.expiring(within_days=30)
    assert all(c.given_on <= today for c in consents.values())


def test_milestones_scores_and_new_information_look_like_a_year_of_work(
    workspace: Workspace, summary: DemoSummary
) -> None:
    today = local_today(workspace.clock)
    milestones: list[Milestone] = every(workspace, workspace.repos.milestones)
    scores: list[ProgressionScore] = every(workspace, workspace.repos.scores)
    information: list[NewInformation] = every(workspace, workspace.repos.information)

    assert MilestoneKind.VIRKSOMHEDSPRAKTIK in {m.kind for m in milestones}
    assert all(m.starts_on <= today for m in milestones)
    dates = Counter((s.citizen_id, s.area) for s in scores)
    assert set(dates.values()) <= {2, 3, 4, 5}
    assert {s.citizen_id for s in scores} == {c.id for c in citizens_of(workspace)}
    assert workspace.information.open_items()
    assert any(i.handled_at for i in information)


def test_populating_an_empty_demo_writes_only_partners(workspace: Workspace) -> None:
    summary = populate_demo(workspace, citizens=0)

    assert summary.citizens == summary.notes == 0
    assert 12 <= summary.partners <= 20
    assert check_vault(workspace.vault).ok
