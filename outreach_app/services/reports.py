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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from contextlib import closing
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, select

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.clock import DANISH_TIME, local_today
from outreach_app.domain.contacts import AppointmentStatus, Attendance, ContactKind
from outreach_app.domain.errors import NotFound
from outreach_app.domain.ids import CitizenId, ConsultantId, PartnerId
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.partners import ReferralStatus
from outreach_app.domain.people import Language, active_assignment
from outreach_app.domain.progression import LifeArea
from outreach_app.reporting.facts import (
    AssignmentFact,
    DayOfIso,
    MilestoneFact,
    PeriodFacts,
)
from outreach_app.reporting.indicators import (
    Period,
    Report,
    ReportFilter,
    assigned_days,
    report_from,
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
        """Every indicator for the citizens assigned to this consultant in ``period``:
        the same report as ``compute_report(for_consultant(facts, me, period), period)``
        on every record of the vault, summed up in SQL instead."""
        return report_from(self.period_facts(period), period, filters=filters)

    def period_facts(self, period: Period) -> PeriodFacts:
        """What the report needs, summed up for this consultant's citizens in the period."""
        with self._ws.vault.read() as connection:
            reader = _PeriodReader(connection, self._ws.vault.codec, period, self._ws.me_id)
            return reader.read(
                partners={p.id: p.name for p in self._ws.repos.partners.find(connection)},
                consultants={c.id: c.name for c in self._ws.repos.consultants.find(connection)},
            )

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


class _PeriodReader:
    """Sums up one period's facts with plain SQL over the vault's columns.

    The result equals ``period_facts(for_consultant(facts, me, period), period)`` on
    every record of the vault (tests hold them to it). A year holds some 100,000
    contacts: SQLite hands them over as one text of UTC hours and kinds and per kind
    a JSON array of citizens, counted and collected in C without a Python object per
    contact (a UTC hour decides the Danish day). Follow-up meetings and referrals are
    counted in SQL. Some 80,000 scores are streamed in one pass that keeps the first
    and latest of each citizen and life area; of the encrypted columns only those
    scores and a milestone's kind are opened."""

    def __init__(
        self, connection: Connection, codec: FieldCodec, period: Period, consultant_id: str
    ) -> None:
        self._connection = connection
        self._codec = codec
        self._period = period
        self._me = consultant_id
        start, end = period_bounds(period)
        self._start = _stamp(start)
        self._end = _stamp(end)
        self._last = period.last.isoformat()
        self._day = DayOfIso()
        #: The parameters of the condition that keeps the consultant's citizens only:
        #: (1, ...) when every citizen of the vault is theirs, else (0, their ids).
        self._mine: tuple[int, str] = (0, "[]")

    def read(
        self, partners: Mapping[PartnerId, str], consultants: Mapping[ConsultantId, str]
    ) -> PeriodFacts:
        assignments = self.assignments()
        population = frozenset(a.citizen_id for a in assignments)
        self._mine = self._only(population)
        per_day, during = self.contacts()
        milestones = self.milestones()
        return PeriodFacts(
            population=population,
            contacts_per_day=per_day,
            in_contact=during,
            in_contact_before=self.contacted_before(),
            first_contact=self.first_contacts(
                {m.citizen_id for m in milestones if m.starts_on in self._period}
            ),
            follow_ups=self.follow_ups(),
            milestones=milestones,
            score_changes=self.score_changes(),
            assignments=assignments,
            referrals=self.referrals(),
            partners=partners,
            consultants=consultants,
        )

    def _cursor(self) -> Any:
        """A cursor of the SQLite driver: rows as plain tuples, fetched in C."""
        return self._connection.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def _rows(self, sql: str, *params: object) -> list[Any]:
        with closing(self._cursor()) as cursor:
            return list(cursor.execute(sql, params).fetchall())

    def _only(self, citizens: frozenset[str]) -> tuple[int, str]:
        """The parameters of ``(? OR +citizen_id IN (SELECT value FROM json_each(?)))``
        that keep rows of ``citizens`` only. Every citizen of an assignment is in the
        vault (citizen_id is a foreign key), so when the vault holds as many citizens,
        it holds no other: every row is theirs and the test is skipped."""
        ((count,),) = self._rows("SELECT count(*) FROM citizens")
        return (1, "[]") if count == len(citizens) else (0, json.dumps(sorted(citizens)))

    def assignments(self) -> list[AssignmentFact]:
        """This consultant's assignments that hold on a day of the period (one that
        starts after the period's end cannot, and is left out in SQL)."""
        rows = self._rows(
            "SELECT citizen_id, consultant_id, substr(started_at, 1, 13), substr(ended_at, 1, 13)"
            " FROM assignments WHERE deleted_at IS NULL AND consultant_id = ? AND started_at < ?",
            self._me,
            self._end,
        )
        day = self._day.of_hour
        facts = (
            AssignmentFact(citizen, consultant, day(started), day(ended) - _DAY if ended else None)
            for citizen, consultant, started, ended in rows
        )
        return [a for a in facts if assigned_days(a, self._period) is not None]

    def contacts(
        self,
    ) -> tuple[dict[tuple[date, ContactKind], int], dict[ContactKind, frozenset[str]]]:
        """Contacts of the period that took place: per (Danish day, kind), and per kind
        the citizens. SQLite hands over the UTC hour and kind of every contact as one
        text (``2026-03-31T22drop_in``, joined by commas: neither a stored timestamp
        nor a kind has one) and, per kind, a JSON array of the citizens: split, parsed,
        counted and collected in C, no row per contact. A UTC hour decides the day."""
        kinds = tuple(ContactKind)
        per_kind = ", ".join(["json_group_array(citizen_id) FILTER (WHERE kind = ?)"] * len(kinds))
        ((hours, *seen),) = self._rows(
            # only placeholders and constant text are joined
            "SELECT group_concat(substr(occurred_at, 1, 13) || kind),"  # noqa: S608
            f" {per_kind} FROM contacts"
            " WHERE deleted_at IS NULL AND +occurred_at >= ? AND +occurred_at < ?"
            " AND (attendance IS NULL OR attendance = ?)"
            " AND (? OR +citizen_id IN (SELECT value FROM json_each(?)))",
            *(kind.value for kind in kinds),
            self._start,
            self._end,
            Attendance.ATTENDED.value,
            *self._mine,
        )
        per_day: Counter[tuple[date, ContactKind]] = Counter()
        day = self._day.of_hour
        for hour_and_kind, n in Counter(hours.split(",") if hours else ()).items():
            kind = _KINDS.get(hour_and_kind[13:])
            if kind is not None:
                per_day[(day(hour_and_kind[:13]), kind)] += n
        citizens = {
            kind: frozenset(found)
            for kind, array in zip(kinds, seen, strict=True)
            if (found := json.loads(array))
        }
        return dict(per_day), citizens

    def contacted_before(self) -> dict[ContactKind, frozenset[str]]:
        """Per kind, the citizens with a contact that took place before the period."""
        rows = self._rows(
            "SELECT DISTINCT kind, citizen_id FROM contacts"
            " WHERE deleted_at IS NULL AND occurred_at < ?"
            " AND (attendance IS NULL OR attendance = ?)"
            " AND (? OR +citizen_id IN (SELECT value FROM json_each(?)))",
            self._start,
            Attendance.ATTENDED.value,
            *self._mine,
        )
        return _by_kind(rows)

    def first_contacts(self, citizens: set[str]) -> dict[str, date]:
        """The day of the first contact that took place, up to the period's end, of each
        of ``citizens`` (those whose first milestone may lie in the period). Each one's
        contacts are walked in time order in the (citizen, time) index up to the first
        that took place: a row or two per citizen instead of all of them."""
        if not citizens:
            return {}
        rows = self._rows(
            "SELECT value, (SELECT occurred_at FROM contacts"
            " WHERE citizen_id = value AND occurred_at < ? AND deleted_at IS NULL"
            " AND (attendance IS NULL OR attendance = ?) ORDER BY occurred_at LIMIT 1)"
            " FROM json_each(?)",
            self._end,
            Attendance.ATTENDED.value,
            json.dumps(sorted(citizens)),
        )
        day = self._day
        return {citizen: day(first) for citizen, first in rows if first is not None}

    def follow_ups(self) -> dict[AppointmentStatus, int]:
        """Follow-up meetings of the period per status (place and note are not opened)."""
        statuses = tuple(AppointmentStatus)
        ((*counts,),) = self._rows(
            # "+starts_at": a year is most of the table, which a scan reads 3x faster
            # than the time index does
            "SELECT total(status = ?), total(status = ?), total(status = ?), total(status = ?)"
            " FROM appointments"
            " WHERE deleted_at IS NULL AND kind = ? AND +starts_at >= ? AND +starts_at < ?"
            " AND (? OR +citizen_id IN (SELECT value FROM json_each(?)))",
            *(status.value for status in statuses),
            ContactKind.FOLLOW_UP.value,
            self._start,
            self._end,
            *self._mine,
        )
        return {status: int(n) for status, n in zip(statuses, counts, strict=True) if n}

    def milestones(self) -> list[MilestoneFact]:
        """Milestones begun by the period's end; of each only the kind is opened."""
        rows = self._rows(
            "SELECT id, citizen_id, kind, starts_on, ends_on FROM milestones"
            " WHERE deleted_at IS NULL AND starts_on <= ?"
            " AND (? OR +citizen_id IN (SELECT value FROM json_each(?)))",
            self._last,
            *self._mine,
        )
        open_ = self._codec.open
        return [
            MilestoneFact(
                citizen,
                MilestoneKind(open_(sealed, table="milestones", column="kind", row_id=row_id)),
                date.fromisoformat(starts),
                date.fromisoformat(ends) if ends else None,
            )
            for row_id, citizen, sealed, starts, ends in rows
        ]

    def score_changes(self) -> dict[LifeArea, dict[int, int]]:
        """Per life area, the change from each citizen's first to latest score up to
        the period's end: chosen by the plaintext dates, then only those two scores are
        opened. (Every row read is of a citizen of the population.)"""
        with closing(self._cursor()) as cursor:
            # streamed: of 100,000 rows only the first and latest of each key are kept
            first, latest = _first_and_latest(
                cursor.execute(
                    "SELECT citizen_id || ':' || area, scored_on || created_at, id, score"
                    " FROM scores WHERE deleted_at IS NULL AND scored_on <= ?"
                    " AND (? OR +citizen_id IN (SELECT value FROM json_each(?)))"
                    " ORDER BY rowid",
                    (self._last, *self._mine),
                )
            )
        changes: dict[str, Counter[int]] = defaultdict(Counter)
        open_ = self._codec.open
        for key, (_, _, was_id, was) in first.items():
            _, _, now_id, now = latest[key]
            if now_id != was_id:
                change = int(open_(now, table="scores", column="score", row_id=now_id)) - int(
                    open_(was, table="scores", column="score", row_id=was_id)
                )
                changes[key.rpartition(":")[2]][change] += 1
        return {_AREAS[area]: dict(counter) for area, counter in changes.items()}

    def referrals(self) -> dict[tuple[str, ReferralStatus], int]:
        """Referrals made in the period per (partner, status)."""
        rows = self._rows(
            "SELECT partner_id, status, count(*) FROM referrals"
            " WHERE deleted_at IS NULL AND referred_on >= ? AND referred_on <= ?"
            " AND (? OR +citizen_id IN (SELECT value FROM json_each(?)))"
            " GROUP BY partner_id, status",
            self._period.first.isoformat(),
            self._last,
            *self._mine,
        )
        return {(partner, ReferralStatus(status)): n for partner, status, n in rows}


_DAY = timedelta(days=1)
_KINDS = {k.value: k for k in ContactKind}
_AREAS = {a.value: a for a in LifeArea}


def _first_and_latest(rows: Iterable[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Per key, the first and the latest of ``(key, order, ...)`` rows given in rowid
    order: by ``order``, and of rows with the same ``order`` the one with the lower
    rowid is the earlier. (Scores give ``scored_on || created_at`` as order: both are
    written in fixed width, so the joined text sorts as the pair.)

    One pass over the rows as they are fetched, instead of sorting them: for a
    year's 80,000 scores, SQLite's sort or a sort here (which also leaves the rows
    scattered in memory for every pass after it) took about four times as long."""
    first: dict[str, Any] = {}
    latest: dict[str, Any] = {}
    for row in rows:
        key = row[0]
        was = first.get(key)
        if was is None:
            first[key] = latest[key] = row
        elif row[1] < was[1]:
            first[key] = row
        elif row[1] >= latest[key][1]:
            latest[key] = row
    return first, latest


def _by_kind(pairs: Iterable[tuple[str, str]]) -> dict[ContactKind, frozenset[str]]:
    """(kind, citizen) pairs as the citizens of each kind."""
    citizens: dict[str, set[str]] = defaultdict(set)
    for kind, citizen in pairs:
        citizens[kind].add(citizen)
    return {_KINDS[kind]: frozenset(found) for kind, found in citizens.items()}


def _stamp(moment: datetime) -> str:
    """A moment as the vault stores it (UTC, ISO, microseconds), for comparisons."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
