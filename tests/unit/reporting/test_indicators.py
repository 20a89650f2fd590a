"""Every indicator against the hand-computed fixture (tests/unit/reporting/fixture.py)."""

from __future__ import annotations

from datetime import date

import pytest

from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.partners import ReferralStatus
from outreach_app.domain.progression import LifeArea
from outreach_app.reporting.facts import ReportFacts
from outreach_app.reporting.indicators import (
    Period,
    Report,
    ReportFilter,
    ReportRecords,
    compute_report,
    for_consultant,
    time_to_milestone,
)
from tests.unit.reporting.fixture import P1, P2, Q1, K, L, records


@pytest.fixture(scope="module")
def report() -> Report:
    return compute_report(records(), Q1)


def test_period_weeks_cover_iso_weeks_across_the_new_year() -> None:
    """1 Jan 2026 is a Thursday of ISO week 1, whose Monday lies in 2025."""
    weeks = Q1.weeks()
    assert weeks[0] == (2026, 1)
    assert weeks[-1] == (2026, 14)
    assert len(weeks) == 14
    assert Q1.days == 90


def test_period_presets() -> None:
    day = date(2026, 3, 3)
    assert Period.month_of(day) == Period(date(2026, 3, 1), date(2026, 3, 31))
    assert Period.quarter_of(day) == Q1
    assert Period.quarter_of(date(2026, 12, 31)) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert Period.year_of(day) == Period(date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_contacts_per_week_by_kind(report: Report) -> None:
    """Six contacts took place (a no-show is not a contact; 1 Apr is outside); the one
    at 00:30 on 1 Jan Danish time is in week 1 although it is 31 Dec in UTC."""
    by_week = {w.week: w for w in report.contacts.weeks}
    assert report.contacts.total == 6
    assert report.contacts.by_kind == {
        ContactKind.DROP_IN: 2,
        ContactKind.FOLLOW_UP: 1,
        ContactKind.PHONE: 1,
        ContactKind.HOME_VISIT: 1,
        ContactKind.NETWORK_MEETING: 1,
    }
    assert by_week[1].total == 1
    assert by_week[2].total == 3
    assert by_week[2].by_kind[ContactKind.FOLLOW_UP] == 1
    assert by_week[6].total == 0  # A's missed meeting
    assert by_week[8].by_kind[ContactKind.HOME_VISIT] == 1
    assert by_week[14].by_kind[ContactKind.NETWORK_MEETING] == 1
    assert by_week[1].monday == date(2025, 12, 29)
    assert sum(w.total for w in report.contacts.weeks) == 6


def test_unique_and_first_time_citizens(report: Report) -> None:
    """A, B and C were in contact; B and C for the first time (A was in 2025). D
    (no contacts) is in the population; E (not assigned in the period) is not."""
    assert report.citizens.unique == 3
    assert report.citizens.first_time == 2
    assert report.citizens.population == 4


def test_attendance_at_follow_up_meetings(report: Report) -> None:
    """Follow-ups in the period: attended 5 Jan, no-show 2 Feb, cancelled 2 Mar,
    unrecorded 10 Mar; the phone call and April's meeting do not count."""
    attendance = report.attendance
    assert (attendance.attended, attendance.no_show) == (1, 1)
    assert (attendance.cancelled, attendance.unrecorded) == (1, 1)
    assert attendance.rate == 0.5


def test_milestones_active_and_started(report: Report) -> None:
    """Praktik: A's spans the start, B's spans the end: 2 of 4 active, 1 started.
    Løntilskud: A, started 1 Feb. Uddannelse starts after; E's job is not counted."""
    praktik = report.milestone(MilestoneKind.VIRKSOMHEDSPRAKTIK)
    loen = report.milestone(MilestoneKind.LOENTILSKUD)
    assert praktik is not None and loen is not None
    assert (praktik.active, praktik.share, praktik.started) == (2, 0.5, 1)
    assert (loen.active, loen.share, loen.started, loen.citizens_started) == (1, 0.25, 1, 1)
    assert report.milestone(MilestoneKind.UDDANNELSE).active == 0  # type: ignore[union-attr]
    assert report.milestone(MilestoneKind.ORDINAERT_JOB).active == 0  # type: ignore[union-attr]
    assert report.closer_to_work == 2
    assert len(report.milestones) == len(MilestoneKind)


def test_progression_per_life_area(report: Report) -> None:
    """Language: A 3→5 (+2; May's 9 is after the period), B 4→3 (−1), C 5→7 the same
    day (+2): mean 1.0. Health: C 2→5 (+3); A has one score only. E is not counted."""
    language = report.area(LifeArea.LANGUAGE)
    health = report.area(LifeArea.HEALTH)
    assert language is not None and health is not None
    assert language.citizens == 3
    assert language.mean_change == pytest.approx(1.0)
    assert language.distribution == {-1: 1, 2: 2}
    assert (language.improved, language.unchanged, language.worsened) == (2, 0, 1)
    assert (health.citizens, health.mean_change) == (1, 3.0)
    housing = report.area(LifeArea.HOUSING)
    assert housing is not None and housing.mean_change is None and housing.citizens == 0


def test_caseload_with_a_reassignment_mid_period(report: Report) -> None:
    """K: A 90 days, B 45 (from 15 Feb), C 81 (from 10 Jan), D 31: 247/90 a day.
    L: B from 1 Jan to 14 Feb, 45 days: 0.5 a day, none at the end."""
    rows = {c.consultant_id: c for c in report.caseload}
    assert (rows[K].at_end, rows[K].during) == (4, 4)
    assert rows[K].average == pytest.approx(247 / 90)
    assert rows[K].name == "Karin Holm"
    assert (rows[L].at_end, rows[L].during) == (0, 1)
    assert rows[L].average == pytest.approx(0.5)
    assert [c.consultant_id for c in report.caseload] == [K, L]


def test_time_from_first_contact_to_first_milestone(report: Report) -> None:
    """B: 6 Jan → 15 Mar, 68 days; C: 1 Jan → 1 Mar, 59 days; median 63.5. A's first
    milestone lies before the period; E is not in the population."""
    wait = report.time_to_milestone
    assert (wait.citizens, wait.median_days, wait.before_first_contact) == (2, 63.5, 0)


def test_a_milestone_before_the_first_contact_is_counted_apart() -> None:
    facts = ReportRecords(
        contacts=records().contacts[5:6],  # B's first contact, 6 Jan
        milestones=[m for m in records().milestones if m.citizen_id.endswith("b")],
    ).facts()
    early = facts.milestones[0]._replace(starts_on=date(2026, 1, 2))
    wait = time_to_milestone(facts.contacts, [early], Q1)
    assert (wait.citizens, wait.median_days, wait.before_first_contact) == (0, None, 1)


def test_referrals_by_partner_and_outcome(report: Report) -> None:
    """P1: accepted and completed in the period; P2: one sent on the last day (the
    declined one was in 2025)."""
    first, second = report.referrals
    assert (first.partner_id, first.partner_name, first.total) == (P1, "Beboerrådgivningen", 2)
    assert first.by_status[ReferralStatus.ACCEPTED] == 1
    assert first.by_status[ReferralStatus.COMPLETED] == 1
    assert (second.partner_id, second.total, second.by_status[ReferralStatus.SENT]) == (P2, 1, 1)
    assert second.by_status[ReferralStatus.DECLINED] == 0


def test_a_period_without_any_records_gives_zeros_not_errors() -> None:
    """No contacts, no citizens: every week is listed with 0, the rate is None and no
    share divides by zero."""
    empty = compute_report(ReportRecords(), Q1)
    assert len(empty.contacts.weeks) == 14
    assert empty.contacts.total == 0
    assert empty.citizens.unique == empty.citizens.population == 0
    assert empty.attendance.rate is None
    assert all(m.share == 0.0 for m in empty.milestones)
    assert empty.time_to_milestone.median_days is None
    assert empty.caseload == () and empty.referrals == ()


def test_a_quarter_with_no_contacts_keeps_the_population() -> None:
    """The fixture's citizens in the next quarter: only A's 1 Apr drop-in is a
    contact; the caseload is still there."""
    q2 = Period(date(2026, 4, 1), date(2026, 6, 30))
    later = compute_report(records(), q2)
    assert later.contacts.total == 1
    assert later.citizens.unique == 1 and later.citizens.first_time == 0
    assert later.citizens.population == 4


def test_filters_narrow_contacts_and_milestones() -> None:
    """Drop-ins only: B and C, both first-time; follow-up attendance is not shown.
    Praktik only: one milestone row, and only B moved into praktik or løntilskud."""
    drop_ins = compute_report(
        records(),
        Q1,
        filters=ReportFilter(
            contact_kinds=frozenset({ContactKind.DROP_IN}),
            milestone_kinds=frozenset({MilestoneKind.VIRKSOMHEDSPRAKTIK}),
        ),
    )
    assert drop_ins.contacts.total == 2
    assert (drop_ins.citizens.unique, drop_ins.citizens.first_time) == (2, 2)
    assert drop_ins.attendance.rate is None
    assert [m.kind for m in drop_ins.milestones] == [MilestoneKind.VIRKSOMHEDSPRAKTIK]
    assert drop_ins.closer_to_work == 1


def test_one_consultants_report_holds_their_citizens_in_the_period() -> None:
    """L had only B (until 15 Feb): B's contacts and praktik, L's caseload alone."""
    facts = for_consultant(records().facts(), L, Q1)
    report = compute_report(facts, Q1)
    assert report.citizens.population == 1
    assert report.contacts.total == 2
    assert report.milestone(MilestoneKind.VIRKSOMHEDSPRAKTIK).share == 1.0  # type: ignore[union-attr]
    assert [c.consultant_id for c in report.caseload] == [L]
    mine = compute_report(for_consultant(records().facts(), K, Q1), Q1)
    assert mine.citizens.population == 4 and [c.consultant_id for c in mine.caseload] == [K]


def test_records_and_their_facts_give_the_same_report() -> None:
    built = records()
    assert compute_report(built, Q1) == compute_report(
        ReportFacts.of(
            contacts=built.contacts,
            appointments=built.appointments,
            milestones=built.milestones,
            scores=built.scores,
            referrals=built.referrals,
            partners=built.partners,
            assignments=built.assignments,
            consultants=built.consultants,
        ),
        Q1,
    )
