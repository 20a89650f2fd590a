"""Plan, milestones, progression, partners, consents, referrals and the access log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.clock import ManualClock, local_today
from outreach_app.domain.errors import ConsentMissing, ValidationError
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.partners import PartnerKind, ReferralStatus
from outreach_app.domain.plan import Activity, ActivityStatus
from outreach_app.domain.progression import LifeArea
from outreach_app.services.workspace import Workspace


@pytest.fixture
def citizen_id(workspace: Workspace) -> str:
    return workspace.citizens.register(first_name="Yusuf", last_name="Demir").id


def test_the_plan_keeps_agreements_and_activities_field_by_field(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    today = local_today(clock)
    activity = Activity(
        title="Danskundervisning to dage om ugen", starts_on=today, status=ActivityStatus.ONGOING
    )
    workspace.plans.update(
        citizen_id, goal="Praktik i et køkken", agreements=("Yusuf ringer til sprogskolen",)
    )
    plan = workspace.plans.update(citizen_id, activities=(activity,))
    assert plan.goal == "Praktik i et køkken"
    assert workspace.plans.get(citizen_id).activities == (activity,)
    with pytest.raises(ValidationError):
        workspace.plans.update(citizen_id, updated_at=clock.now())


def test_milestones_have_dates_and_an_end(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    start = local_today(clock) - timedelta(days=30)
    milestone = workspace.milestones.add(
        citizen_id, MilestoneKind.VIRKSOMHEDSPRAKTIK, starts_on=start, note="Praktik i Netto"
    )
    ended = workspace.milestones.end(milestone.id, local_today(clock))
    assert workspace.milestones.for_citizen(citizen_id) == [ended]
    with pytest.raises(ValidationError):
        workspace.milestones.end(milestone.id, start - timedelta(days=1))


def test_progression_is_a_dated_history_per_life_area(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    today = local_today(clock)
    workspace.progression.score(citizen_id, LifeArea.LANGUAGE, 3, on=today - timedelta(90))
    workspace.progression.score(citizen_id, LifeArea.LANGUAGE, 5, on=today)
    workspace.progression.score(citizen_id, LifeArea.HEALTH, 6, on=today - timedelta(30))
    history = workspace.progression.history(citizen_id)
    assert [(s.area, s.score) for s in history] == [
        (LifeArea.LANGUAGE, 3),
        (LifeArea.HEALTH, 6),
        (LifeArea.LANGUAGE, 5),
    ]
    with pytest.raises(ValidationError):
        workspace.progression.score(citizen_id, LifeArea.HEALTH, 11)


def test_a_referral_needs_a_consent_that_covers_the_partner(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    """Sharing information with a partner needs the citizen's consent."""
    school = workspace.partners.add("Sprogcenter Vest", PartnerKind.LANGUAGE_SCHOOL)
    cafe = workspace.partners.add("Café Fællesskab", PartnerKind.CIVIL_SOCIETY)
    with pytest.raises(ConsentMissing):
        workspace.referrals.refer(citizen_id, school.id, purpose="Sprog", consent_id=None)
    consent = workspace.consents.give(
        citizen_id, "Oplysninger om sprogniveau", partner_id=school.id
    )
    with pytest.raises(ConsentMissing):
        workspace.referrals.refer(citizen_id, cafe.id, purpose="Job", consent_id=consent.id)
    referral = workspace.referrals.refer(
        citizen_id, school.id, purpose="Sprog", consent_id=consent.id
    )
    closed = workspace.referrals.move(referral.id, ReferralStatus.COMPLETED, outcome="Bestået")
    assert closed.closed_on == local_today(clock)
    assert workspace.referrals.for_citizen(citizen_id) == [closed]


def test_a_withdrawn_consent_stops_new_referrals(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    school = workspace.partners.add("Sprogcenter Vest", PartnerKind.LANGUAGE_SCHOOL)
    consent = workspace.consents.give(
        citizen_id, "Sprog", partner_id=school.id, given_on=local_today(clock) - timedelta(days=5)
    )
    workspace.consents.withdraw(consent.id)
    with pytest.raises(ConsentMissing):
        workspace.referrals.refer(citizen_id, school.id, purpose="Sprog", consent_id=consent.id)


def test_partners_are_listed_by_name_and_can_be_made_inactive(workspace: Workspace) -> None:
    b = workspace.partners.add("Boligsocialt team", PartnerKind.HOUSING_SOCIAL)
    a = workspace.partners.add(
        "Aarhus Gældsrådgivning",
        PartnerKind.DEBT_COUNSELLING,
        contact_person="Lene",
        phone="87 65 43 21",
    )
    assert [p.id for p in workspace.partners.list()] == [a.id, b.id]
    workspace.partners.update(b.id, active=False)
    assert [p.id for p in workspace.partners.list()] == [a.id]
    assert len(workspace.partners.list(active_only=False)) == 2


def test_every_write_is_logged_with_the_citizen_and_the_chain_verifies(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    workspace.milestones.add(citizen_id, MilestoneKind.LOENTILSKUD, starts_on=date(2026, 1, 5))
    workspace.progression.score(citizen_id, LifeArea.NETWORK, 4)
    workspace.consents.give(citizen_id, "Generelt samtykke")
    logged = [(e.action, e.citizen_id) for e in workspace.audit.entries()[-3:]]
    assert logged == [
        (AccessAction.MILESTONE_WRITE, citizen_id),
        (AccessAction.SCORE_WRITE, citizen_id),
        (AccessAction.CONSENT_WRITE, citizen_id),
    ]
    assert all(e.consultant_id == workspace.me_id for e in workspace.audit.entries())
    assert workspace.audit.verify() == []
    assert [e.seq for e in workspace.audit.entries()] == list(range(1, workspace.audit.count() + 1))
    assert workspace.audit.entries(citizen_id=citizen_id, since=clock.now()) != []
