"""Reports on the consultant's own citizens, and the citizen's printout.

    reports = ReportService(ws)
    report = reports.report(Period(date(2026, 1, 1), date(2026, 3, 31)))
    data = reports.printout(citizen_id)      # "Det aftalte"
    reports.log_printout(citizen_id, how="pdf")

The figures come from ``outreach_app.reporting`` (the central service computes the
same ones from the same code). This module only reads their inputs from the vault,
and reads no more than they need: plaintext columns where they suffice, and of the
encrypted ones only a milestone's kind, and a score only for the first and the
latest score of each citizen and life area. Notes, names and CPR numbers are never
opened for a report. Reading the inputs is not logged per citizen (no record is
shown); exporting a report and printing a citizen's page are logged.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, select

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.clock import DANISH_TIME, local_today
from outreach_app.domain.contacts import AppointmentStatus, Attendance, ContactKind
from outreach_app.domain.errors import NotFound
from outreach_app.domain.ids import CitizenId
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.partners import ReferralStatus
from outreach_app.domain.people import Language, active_assignment
from outreach_app.domain.progression import LifeArea
from outreach_app.reporting.facts import (
    AppointmentFact,
    AssignmentFact,
    ContactFact,
    DayOfIso,
    MilestoneFact,
    ReferralFact,
    ReportFacts,
    ScoreFact,
)
from outreach_app.reporting.indicators import (
    Period,
    Report,
    ReportFilter,
    compute_report,
    for_consultant,
)
from outreach_app.reporting.printout import PrintoutActivity, PrintoutData, PrintoutMeeting
from outreach_app.services.workspace import Workspace
from outreach_app.storage import schema
from outreach_app.storage.codec import FieldCodec

log = logging.getLogger(__name__)


def period_bounds(period: Period) -> tuple[datetime, datetime]:
    """The first moment of the period and of the day after it, Danish time."""
    start = datetime.combine(period.first, time.min, tzinfo=DANISH_TIME)
    end = datetime.combine(period.last + timedelta(days=1), time.min, tzinfo=DANISH_TIME)
    return start, end


class ReportService:
    """The consultant's reports, computed on the open vault."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # -- reports ---------------------------------------------------------------------------

    def report(self, period: Period, *, filters: ReportFilter | None = None) -> Report:
        """Every indicator for the citizens assigned to this consultant in ``period``."""
        return compute_report(self.facts(period), period, filters=filters)

    def facts(self, period: Period) -> ReportFacts:
        """What the report needs, for this consultant's citizens in the period."""
        with self._ws.vault.read() as connection:
            reader = _FactReader(connection, self._ws.vault.codec, period)
            everything = ReportFacts(
                contacts=reader.contacts(),
                appointments=reader.appointments(),
                milestones=reader.milestones(),
                scores=reader.scores(),
                referrals=reader.referrals(),
                assignments=reader.assignments(),
                partners={p.id: p.name for p in self._ws.repos.partners.find(connection)},
                consultants={c.id: c.name for c in self._ws.repos.consultants.find(connection)},
            )
        return for_consultant(everything, self._ws.me_id, period)

    def log_export(self, period: Period, *, what: str) -> None:
        """An export of the report (CSV, PDF) is an access-log event."""
        detail = json.dumps(
            {"report": what, "from": period.first.isoformat(), "to": period.last.isoformat()}
        )
        with self._ws.vault.write() as connection:
            self._ws.audit.record(connection, AccessAction.EXPORT, detail=detail)

    # -- the citizen's printout ------------------------------------------------------------------

    def printout(self, citizen_id: CitizenId) -> PrintoutData:
        """What "Det aftalte" says for the citizen; reading it is logged as a read."""
        now = self._ws.clock.now()
        repos = self._ws.repos
        with self._ws.vault.write() as connection:
            language = self._language(connection, citizen_id)
            plans = repos.plans.find(connection, schema.plans.c.citizen_id == citizen_id)
            meeting = self._next_meeting(connection, citizen_id, now)
            history = repos.assignments.find(
                connection, schema.assignments.c.citizen_id == citizen_id
            )
            current = active_assignment(history)
            consultant = repos.consultants.get(
                connection, current.consultant_id if current else self._ws.me_id
            ) or repos.consultants.require(connection, self._ws.me_id)
            office = repos.offices.get(connection, consultant.office_id)
            self._ws.audit.record(connection, AccessAction.CITIZEN_READ, citizen_id=citizen_id)
        plan = plans[0] if plans else None
        if meeting is None and plan is not None and plan.next_contact is not None:
            upcoming = plan.next_contact
            if upcoming.at >= now:
                meeting = PrintoutMeeting(
                    at=upcoming.at,
                    kind=upcoming.kind,
                    initiator=upcoming.initiator,
                    booked=False,
                )
        return PrintoutData(
            language=language,
            printed_on=local_today(self._ws.clock),
            consultant_name=consultant.name,
            consultant_phone=consultant.phone,
            office_name=office.name if office else "",
            goal=plan.goal if plan else "",
            agreements=plan.agreements if plan else (),
            activities=tuple(
                PrintoutActivity(
                    title=a.title, starts_on=a.starts_on, ends_on=a.ends_on, status=a.status
                )
                for a in (plan.activities if plan else ())
            ),
            next_meeting=meeting,
        )

    def _language(self, connection: Connection, citizen_id: CitizenId) -> str:
        """The citizen's language ('da' or 'en'); nothing else of the record is opened."""
        table = schema.citizens
        sealed = connection.execute(
            select(table.c.language).where(table.c.id == citizen_id, table.c.deleted_at.is_(None))
        ).scalar()
        if sealed is None:
            raise NotFound("citizen", citizen_id)
        value = self._ws.vault.codec.open(
            sealed, table="citizens", column="language", row_id=citizen_id
        )
        return "en" if value == Language.ENGLISH.value else "da"

    def _next_meeting(
        self, connection: Connection, citizen_id: CitizenId, now: datetime
    ) -> PrintoutMeeting | None:
        table = schema.appointments
        found = self._ws.repos.appointments.find(
            connection,
            table.c.citizen_id == citizen_id,
            table.c.status == AppointmentStatus.PLANNED.value,
            table.c.starts_at >= now,
            order_by=(table.c.starts_at,),
        )
        if not found:
            return None
        first = found[0]
        return PrintoutMeeting(
            at=first.starts_at, kind=first.kind, place=first.place, initiator=first.initiator
        )

    def log_printout(self, citizen_id: CitizenId, *, how: str) -> None:
        """Printing the page (or saving it as a PDF) is an access-log event."""
        with self._ws.vault.write() as connection:
            self._ws.repos.citizens.require(connection, citizen_id)
            self._ws.audit.record(
                connection,
                AccessAction.PRINT,
                citizen_id=citizen_id,
                detail=json.dumps({"printout": "det_aftalte", "how": how}),
            )
        log.info("printout %s of a citizen's plan", how)


class _FactReader:
    """Reads the facts of one period with plain SQL over the vault's columns."""

    def __init__(self, connection: Connection, codec: FieldCodec, period: Period) -> None:
        self._connection = connection
        self._codec = codec
        self._period = period
        start, end = period_bounds(period)
        self._start = _stamp(start)
        self._end = _stamp(end)
        self._last = period.last.isoformat()
        self._day = DayOfIso()

    def _rows(self, sql: str, *params: object) -> list[Any]:
        """Rows as the SQLite driver gives them (plain tuples, fetched in C): a year of
        contacts is a hundred thousand rows."""
        cursor = self._connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            return list(cursor.execute(sql, params).fetchall())
        finally:
            cursor.close()

    def contacts(self) -> list[ContactFact]:
        """Every contact up to the period's end (first contacts lie before it)."""
        day, kinds = self._day, {k.value: k for k in ContactKind}
        rows = self._rows(
            "SELECT citizen_id, kind, occurred_at, attendance FROM contacts"
            " WHERE deleted_at IS NULL AND occurred_at < ?",
            self._end,
        )
        attended = Attendance.ATTENDED.value
        return [
            ContactFact(citizen, kinds[kind], day(at), attendance in (None, attended))
            for citizen, kind, at, attendance in rows
        ]

    def appointments(self) -> list[AppointmentFact]:
        """Follow-up meetings of the period (their place and note are not opened)."""
        day = self._day
        rows = self._rows(
            # "+starts_at": a year is most of the table, which a scan reads 3x faster
            # than the time index does
            "SELECT citizen_id, starts_at, status FROM appointments"
            " WHERE deleted_at IS NULL AND kind = ? AND +starts_at >= ? AND +starts_at < ?",
            ContactKind.FOLLOW_UP.value,
            self._start,
            self._end,
        )
        follow_up, statuses = ContactKind.FOLLOW_UP, {s.value: s for s in AppointmentStatus}
        return [
            AppointmentFact(citizen, follow_up, day(at), statuses[status])
            for citizen, at, status in rows
        ]

    def milestones(self) -> list[MilestoneFact]:
        """Milestones begun by the period's end; of each only the kind is opened."""
        rows = self._rows(
            "SELECT id, citizen_id, kind, starts_on, ends_on FROM milestones"
            " WHERE deleted_at IS NULL AND starts_on <= ?",
            self._last,
        )
        return [
            MilestoneFact(
                citizen,
                MilestoneKind(self._open(sealed, "milestones", "kind", row_id)),
                date.fromisoformat(starts),
                date.fromisoformat(ends) if ends else None,
            )
            for row_id, citizen, sealed, starts, ends in rows
        ]

    def scores(self) -> list[ScoreFact]:
        """Each citizen's first and latest score per life area up to the period's end:
        chosen by the plaintext dates, then only those scores are opened."""
        rows = self._rows(
            "SELECT id, citizen_id, area, scored_on, score FROM scores"
            " WHERE deleted_at IS NULL AND scored_on <= ? ORDER BY scored_on, created_at",
            self._last,
        )
        first: dict[tuple[str, str], int] = {}
        last: dict[tuple[str, str], int] = {}
        for position, (_, citizen, area, _, _) in enumerate(rows):
            first.setdefault((citizen, area), position)
            last[(citizen, area)] = position
        areas = {a.value: a for a in LifeArea}
        return [
            ScoreFact(
                rows[p][1],
                areas[rows[p][2]],
                date.fromisoformat(rows[p][3]),
                int(self._open(rows[p][4], "scores", "score", rows[p][0])),
            )
            for p in sorted({*first.values(), *last.values()})
        ]

    def referrals(self) -> list[ReferralFact]:
        rows = self._rows(
            "SELECT citizen_id, partner_id, referred_on, status FROM referrals"
            " WHERE deleted_at IS NULL AND referred_on >= ? AND referred_on <= ?",
            self._period.first.isoformat(),
            self._last,
        )
        return [
            ReferralFact(citizen, partner, date.fromisoformat(on), ReferralStatus(status))
            for citizen, partner, on, status in rows
        ]

    def assignments(self) -> list[AssignmentFact]:
        rows = self._rows(
            "SELECT citizen_id, consultant_id, started_at, ended_at FROM assignments"
            " WHERE deleted_at IS NULL"
        )
        day = self._day
        return [
            AssignmentFact(
                citizen,
                consultant,
                day(started),
                day(ended) - timedelta(days=1) if ended else None,
            )
            for citizen, consultant, started, ended in rows
        ]

    def _open(self, sealed: bytes, table: str, column: str, row_id: str) -> Any:
        return self._codec.open(sealed, table=table, column=column, row_id=row_id)


def _stamp(moment: datetime) -> str:
    """A moment as the vault stores it (UTC, ISO, microseconds), for comparisons."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
