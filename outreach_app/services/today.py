"""What the consultant needs today: the walk-in queue and the reminders.

Reminders are derived from the records every time (nothing to keep in step):
a missed meeting with no contact since, a follow-up the consultant promised that is
due, new information from outside that suggests an extra meeting, a consent that
is about to expire, and notes left unfinished. They are found with plaintext
columns only (times, statuses, ids), so the Today view is ready fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import Connection, and_, exists, select

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import AppointmentStatus, Attendance
from outreach_app.domain.ids import CitizenId, new_id
from outreach_app.domain.queue import QueueEntry, QueueStatus
from outreach_app.services.context import Context
from outreach_app.storage import schema

MISSED_LOOKBACK = timedelta(days=30)
CONSENT_WARNING_DAYS = 30


class ReminderKind(StrEnum):
    MISSED_MEETING = "missed_meeting"
    FOLLOW_UP_DUE = "follow_up_due"
    NEW_INFORMATION = "new_information"
    CONSENT_EXPIRING = "consent_expiring"
    UNFINISHED_NOTE = "unfinished_note"


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: ReminderKind
    citizen_id: CitizenId
    at: datetime
    ref_id: str


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The start of ``day`` and of the next day, Danish time, as aware datetimes."""
    start = datetime.combine(day, time.min, tzinfo=DANISH_TIME)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=DANISH_TIME)


@lru_cache(maxsize=1024)
def _start_of(day: date) -> datetime:
    """``day_bounds(day)[0]``, remembered: many consents expire on the same few days."""
    return day_bounds(day)[0]


class QueueService:
    """The drop-in queue of this laptop, kept in the vault so a lock loses nothing."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def arrive(self, *, label: str = "", citizen_id: CitizenId | None = None) -> QueueEntry:
        entry = QueueEntry(
            id=new_id(), arrived_at=self._ctx.now(), label=label, citizen_id=citizen_id
        )
        with self._ctx.vault.write() as connection:
            self._ctx.repos.queue.add(connection, entry, now=self._ctx.now())
        return entry

    def link(self, entry_id: str, citizen_id: CitizenId) -> QueueEntry:
        return self._change(entry_id, lambda e: e.linked(citizen_id))

    def served(self, entry_id: str) -> QueueEntry:
        return self._change(entry_id, lambda e: e.done(QueueStatus.SERVED, self._ctx.now()))

    def left(self, entry_id: str) -> QueueEntry:
        return self._change(entry_id, lambda e: e.done(QueueStatus.LEFT, self._ctx.now()))

    def waiting(self) -> list[QueueEntry]:
        """Everyone waiting today, first come first."""
        start, end = day_bounds(self._ctx.today())
        table = schema.walkin_queue
        with self._ctx.read() as connection:
            return self._ctx.repos.queue.find(
                connection,
                table.c.status == QueueStatus.WAITING.value,
                table.c.arrived_at >= start,
                table.c.arrived_at < end,
                order_by=(table.c.arrived_at,),
            )

    def _change(self, entry_id: str, change: Callable[[QueueEntry], QueueEntry]) -> QueueEntry:
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.queue.require(connection, entry_id)
            after = change(before)
            self._ctx.repos.queue.save(connection, before, after, now=self._ctx.now())
        return after


class ReminderService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def today(self) -> list[Reminder]:
        """Every reminder for now, oldest first."""
        now = self._ctx.now()
        with self._ctx.read() as connection:
            found = [
                *self._missed(connection, now),
                *self._follow_ups(connection, now),
                *self._information(connection),
                *self._consents(connection),
                *self._drafts(connection),
            ]
        return sorted(found, key=lambda r: r.at)

    def _missed(self, connection: Connection, now: datetime) -> list[Reminder]:
        """No-shows in the last 30 days with no contact since."""
        a, c = schema.appointments, schema.contacts
        later = exists().where(
            c.c.citizen_id == a.c.citizen_id,
            c.c.occurred_at > a.c.starts_at,
            c.c.deleted_at.is_(None),
            (c.c.attendance.is_(None)) | (c.c.attendance == Attendance.ATTENDED.value),
        )
        query = select(a.c.id, a.c.citizen_id, a.c.starts_at).where(
            a.c.status == AppointmentStatus.NO_SHOW.value,
            a.c.deleted_at.is_(None),
            a.c.starts_at >= now - MISSED_LOOKBACK,
            ~later,
        )
        return [
            Reminder(ReminderKind.MISSED_MEETING, CitizenId(citizen), at, row_id)
            for row_id, citizen, at in connection.execute(query).all()
        ]

    def _follow_ups(self, connection: Connection, now: datetime) -> list[Reminder]:
        """Plans whose next contact is due by the end of today, with nothing booked ahead
        and no contact since the time that was agreed."""
        p, a, c = schema.plans, schema.appointments, schema.contacts
        _, end = day_bounds(self._ctx.today())
        booked = exists().where(
            a.c.citizen_id == p.c.citizen_id,
            a.c.starts_at >= now,
            a.c.status == AppointmentStatus.PLANNED.value,
            a.c.deleted_at.is_(None),
        )
        met = exists().where(
            c.c.citizen_id == p.c.citizen_id,
            c.c.occurred_at >= p.c.next_contact_at,
            c.c.deleted_at.is_(None),
        )
        query = select(p.c.id, p.c.citizen_id, p.c.next_contact_at).where(
            p.c.next_contact_at.is_not(None),
            p.c.next_contact_at < end,
            p.c.next_contact_at >= now - MISSED_LOOKBACK,
            p.c.deleted_at.is_(None),
            ~booked,
            ~met,
        )
        return [
            Reminder(ReminderKind.FOLLOW_UP_DUE, CitizenId(citizen), at, row_id)
            for row_id, citizen, at in connection.execute(query).all()
        ]

    def _information(self, connection: Connection) -> list[Reminder]:
        i = schema.information
        query = select(i.c.id, i.c.citizen_id, i.c.received_at).where(
            i.c.handled_at.is_(None), i.c.deleted_at.is_(None)
        )
        return [
            Reminder(ReminderKind.NEW_INFORMATION, CitizenId(citizen), at, row_id)
            for row_id, citizen, at in connection.execute(query).all()
        ]

    def _consents(self, connection: Connection) -> list[Reminder]:
        k = schema.consents
        today = self._ctx.today()
        query = select(k.c.id, k.c.citizen_id, k.c.expires_on).where(
            k.c.withdrawn_on.is_(None),
            k.c.deleted_at.is_(None),
            k.c.expires_on >= today,
            k.c.expires_on <= today + timedelta(days=CONSENT_WARNING_DAYS),
        )
        return [
            Reminder(ReminderKind.CONSENT_EXPIRING, CitizenId(citizen), _start_of(expires), row_id)
            for row_id, citizen, expires in connection.execute(query).all()
        ]

    def _drafts(self, connection: Connection) -> list[Reminder]:
        n = schema.notes
        query = select(n.c.id, n.c.citizen_id, n.c.updated_at).where(
            and_(n.c.status == "draft", n.c.consultant_id == self._ctx.me, n.c.deleted_at.is_(None))
        )
        return [
            Reminder(ReminderKind.UNFINISHED_NOTE, CitizenId(citizen), at, row_id)
            for row_id, citizen, at in connection.execute(query).all()
        ]
