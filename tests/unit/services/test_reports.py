"""The report service: the fast reader gives the same report as full domain records,
the printout holds only what it may, and printing and exporting are logged."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import literal_column

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.clock import ManualClock, local_today
from outreach_app.domain.contacts import Attendance, ContactKind
from outreach_app.domain.ids import ConsultantId
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.people import Language
from outreach_app.domain.plan import Activity, ActivityStatus
from outreach_app.domain.progression import LifeArea
from outreach_app.reporting.indicators import (
    Period,
    Report,
    ReportFilter,
    ReportRecords,
    compute_report,
    for_consultant,
)
from outreach_app.reporting.printout import write_printout_pdf
from outreach_app.services.demo import populate_demo
from outreach_app.services.reports import ReportService
from outreach_app.services.workspace import Workspace


def all_records(ws: Workspace) -> ReportRecords:
    """Every record through the repositories, fully opened (the slow, simple way)."""
    repos = ws.repos
    with ws.vault.read() as connection:
        return ReportRecords(
            contacts=repos.contacts.find(connection),
            appointments=repos.appointments.find(connection),
            milestones=repos.milestones.find(connection),
            scores=repos.scores.find(
                connection,
                # the order of entry: of two scores given in one instant, the later row
                order_by=(
                    repos.scores.table.c.scored_on,
                    repos.scores.table.c.created_at,
                    literal_column("scores.rowid"),
                ),
            ),
            referrals=repos.referrals.find(connection),
            partners=repos.partners.find(connection),
            assignments=repos.assignments.find(connection),
            consultants={c.id: c.name for c in repos.consultants.find(connection)},
        )


FILTERS = [
    None,
    ReportFilter(contact_kinds=frozenset({ContactKind.DROP_IN, ContactKind.PHONE})),
    ReportFilter(
        contact_kinds=frozenset({ContactKind.FOLLOW_UP}),
        milestone_kinds=frozenset({MilestoneKind.VIRKSOMHEDSPRAKTIK, MilestoneKind.LOENTILSKUD}),
    ),
    ReportFilter(contact_kinds=frozenset(), milestone_kinds=frozenset()),
]


def slow_report(ws: Workspace, period: Period, filters: ReportFilter | None) -> Report:
    """The straightforward computation: every record opened, one fact at a time."""
    facts = for_consultant(all_records(ws).facts(), ws.me_id, period)
    return compute_report(facts, period, filters=filters)


@pytest.mark.parametrize("months", [3, 12])
def test_the_service_reports_what_the_full_records_give(workspace: Workspace, months: int) -> None:
    """The reader sums up in SQL, opens only some columns and only the first and
    latest scores; the figures are the same as from every record opened in full,
    with and without filters."""
    populate_demo(workspace, citizens=30, seed=3)
    today = local_today(workspace.clock)
    period = Period(today - timedelta(days=30 * months), today)
    service = ReportService(workspace)
    for filters in FILTERS:
        fast = service.report(period, filters=filters)
        assert fast == slow_report(workspace, period, filters)
    fast = service.report(period)
    assert fast.citizens.population == 30
    assert fast.contacts.total > 0
    assert fast.citizens.unique > 0
    assert any(a.citizens for a in fast.progression)
    assert fast.attendance.attended > 0


def test_citizens_handed_over_count_as_in_the_full_records(
    workspace: Workspace, clock: ManualClock
) -> None:
    """Citizens handed to another consultant: before the period they are someone
    else's (the reader then keeps the consultant's own citizens in SQL); during it
    they belong to both."""
    populate_demo(workspace, citizens=20, seed=5)
    handed = [hit.id for hit in workspace.citizens.mine()[:3]]
    for citizen in handed:
        workspace.assignments.hand_over(citizen, ConsultantId("someone-else"), reason="flyttet")
    clock.advance(timedelta(days=2))
    today = local_today(clock)
    service = ReportService(workspace)
    for period in (Period(today - timedelta(days=1), today), Period.year_of(today)):
        for filters in FILTERS:
            assert service.report(period, filters=filters) == slow_report(
                workspace, period, filters
            )
    recent = service.report(Period(today - timedelta(days=1), today))
    assert recent.citizens.population == 20 - len(handed)
    assert service.report(Period.year_of(today)).citizens.population == 20


def test_the_reader_agrees_with_the_full_records_at_the_edges(
    workspace: Workspace, clock: ManualClock
) -> None:
    """Where the reader takes shortcuts: scores given in one instant (the later entry
    is the later score) and back-dated scores entered afterwards; contacts late in
    the evening (the UTC hour decides the Danish day, in winter and in summer); a
    first meeting the citizen did not come to; a citizen assigned only after the
    period, whose records must stay out."""
    ws = workspace
    first, second = (ws.citizens.register(first_name=name).id for name in ("Aya", "Bo"))
    meeting = ws.agenda.book(
        second, kind=ContactKind.FOLLOW_UP, starts_at=clock.now() + timedelta(days=1)
    )
    clock.advance(timedelta(days=2))
    ws.agenda.record_attendance(meeting.id, Attendance.NO_SHOW)
    utc = [
        datetime(2026, 3, 3, 22, 59, 59, tzinfo=UTC),  # 23:59:59 on 3 March in Denmark
        datetime(2026, 3, 3, 23, 0, tzinfo=UTC),  # 00:00 on 4 March
        datetime(2026, 5, 31, 21, 59, 59, tzinfo=UTC),  # 23:59:59 on 31 May (summer time)
        datetime(2026, 5, 31, 22, 0, tzinfo=UTC),  # 00:00 on 1 June
    ]
    for moment, kind in zip(utc, (ContactKind.DROP_IN, ContactKind.PHONE) * 2, strict=True):
        ws.contacts.record(first, kind=kind, occurred_at=moment)
    ws.contacts.record(second, kind=ContactKind.DROP_IN, occurred_at=utc[1])
    ws.contacts.record(second, kind=ContactKind.PHONE, occurred_at=datetime(2026, 4, 1, tzinfo=UTC))
    area, other = LifeArea.JOB_READINESS, LifeArea.HEALTH
    for score, on in ((3, date(2026, 4, 1)), (5, date(2026, 4, 1)), (7, date(2026, 3, 15))):
        ws.progression.score(first, area, score, on=on)  # one instant: the clock stands
    for score, on in ((2, date(2026, 3, 20)), (4, date(2026, 3, 20)), (6, date(2026, 5, 1))):
        ws.progression.score(second, other, score, on=on)
    ws.progression.score(second, area, 1, on=date(2026, 3, 20))  # a single score
    ws.milestones.add(second, MilestoneKind.SMAAJOB, starts_on=date(2026, 4, 15))
    clock.advance(timedelta(days=120))
    late = ws.citizens.register(first_name="Cy").id
    ws.contacts.record(late, kind=ContactKind.DROP_IN, occurred_at=utc[1])
    for score in (1, 9):
        ws.progression.score(late, area, score, on=date(2026, 4, 2))

    service = ReportService(ws)
    for period in (
        Period(date(2026, 3, 4), date(2026, 5, 31)),
        Period(date(2026, 3, 3), date(2026, 6, 1)),
        Period(date(2026, 4, 1), date(2026, 4, 1)),
    ):
        for filters in FILTERS:
            assert service.report(period, filters=filters) == slow_report(ws, period, filters)
    spring = service.report(Period(date(2026, 3, 4), date(2026, 5, 31)))
    assert spring.citizens.population == 2
    assert spring.contacts.by_kind[ContactKind.PHONE] == 2  # 4 March, 1 April; 1 June is out
    assert spring.contacts.by_kind[ContactKind.DROP_IN] == 2  # 31 May, and Bo on 4 March
    assert spring.citizens.first_time == 1  # Bo; Aya came on 3 March already
    assert spring.attendance.no_show == 0  # Bo's meeting was on 3 March
    changes = {a.area: dict(a.distribution) for a in spring.progression}
    assert changes[area] == {-2: 1}  # 7 on 15 March (entered last) to 5, the later of 1 April
    assert changes[other] == {4: 1}  # 2, the earlier of 20 March, to 6
    assert spring.time_to_milestone.citizens == 1
    # from Bo's first contact that took place (the drop-in on 4 March, not the missed
    # meeting on 3 March nor the call on 1 April) to 15 April
    assert spring.time_to_milestone.median_days == 42


def test_reading_a_report_logs_no_citizen_read(workspace: Workspace) -> None:
    populate_demo(workspace, citizens=5, seed=3)
    before = workspace.audit.count()
    ReportService(workspace).report(Period.year_of(local_today(workspace.clock)))
    assert workspace.audit.count() == before


def test_an_export_is_logged_without_a_citizen(workspace: Workspace) -> None:
    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    ReportService(workspace).log_export(period, what="csv")
    last = workspace.audit.entries()[-1]
    assert last.action is AccessAction.EXPORT and last.citizen_id is None
    assert '"csv"' in last.detail


def make_case(ws: Workspace, clock: ManualClock, *, language: Language = Language.DANISH) -> str:
    citizen = ws.citizens.register(
        first_name="Mette",
        last_name="Sørensen",
        cpr="241288-1234",
        phone="22334455",
        address="Bygaden 1",
        language=language,
    )
    ws.plans.update(
        citizen.id,
        goal="Praktik i et køkken",
        agreements=("Du går til dansk tirsdag og torsdag.", "Vi ringer til caféen."),
        activities=(Activity(title="Danskundervisning", status=ActivityStatus.ONGOING),),
    )
    ws.agenda.book(
        citizen.id,
        kind=ContactKind.FOLLOW_UP,
        starts_at=clock.now() + timedelta(days=7),
        place="Jobcentret, mødelokale 2",
        note="Hemmelig note om helbred",
    )
    return citizen.id


def test_the_printout_holds_the_plan_the_meeting_and_the_consultant(
    workspace: Workspace, clock: ManualClock, tmp_path: Path
) -> None:
    """And nothing else about the citizen: no name, CPR, phone, address or note."""
    citizen = make_case(workspace, clock)
    data = ReportService(workspace).printout(citizen)  # type: ignore[arg-type]
    assert data.language == "da"
    assert data.consultant_name == "Karin Holm"
    assert data.next_meeting is not None and data.next_meeting.place == "Jobcentret, mødelokale 2"
    path = tmp_path / "det-aftalte.pdf"
    write_printout_pdf(data, path)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in (
        "Det aftalte",
        "Du går til dansk tirsdag og torsdag.",
        "Danskundervisning",
        "Jobcentret, mødelokale 2",
        "Karin Holm",
        "Praktik i et køkken",
    ):
        assert expected in text
    flat = text.replace(" ", "").replace("-", "")
    for forbidden in (
        "2412881234",
        "241288",
        "22334455",
        "Mette",
        "Sørensen",
        "Bygaden",
        "Hemmelig",
    ):
        assert forbidden not in flat


def test_an_english_speaking_citizen_gets_the_printout_in_english(
    workspace: Workspace, clock: ManualClock, tmp_path: Path
) -> None:
    citizen = make_case(workspace, clock, language=Language.ENGLISH)
    data = ReportService(workspace).printout(citizen)  # type: ignore[arg-type]
    path = tmp_path / "agreed.pdf"
    write_printout_pdf(data, path)
    text = PdfReader(path).pages[0].extract_text()
    assert "What we agreed" in text and "Your job consultant" in text


def test_printing_is_an_access_log_event(workspace: Workspace, clock: ManualClock) -> None:
    citizen = make_case(workspace, clock)
    ReportService(workspace).log_printout(citizen, how="printer")  # type: ignore[arg-type]
    last = workspace.audit.entries(citizen_id=citizen)[-1]  # type: ignore[arg-type]
    assert last.action is AccessAction.PRINT
    assert "printer" in last.detail
