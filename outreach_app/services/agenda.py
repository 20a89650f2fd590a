"""Contacts and the agenda: booking, moving, cancelling, and recording attendance."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.contacts import (
    Appointment,
    AppointmentStatus,
    Attendance,
    Contact,
    ContactKind,
    Initiator,
)
from outreach_app.domain.ids import AppointmentId, CitizenId, ContactId, PartnerId, new_id
from outreach_app.services.context import Context
from outreach_app.storage import schema


@dataclass(frozen=True, slots=True)
class AttendanceResult:
    appointment: Appointment
    contact: Contact


class ContactService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def record(
        self,
        citizen_id: CitizenId,
        *,
        kind: ContactKind,
        occurred_at: datetime | None = None,
        duration_min: int | None = None,
        partner_id: PartnerId | None = None,
    ) -> Contact:
        """A contact that was not booked: a drop-in, a call, a network meeting."""
        now = self._ctx.now()
        contact = Contact(
            id=ContactId(new_id()),
            citizen_id=citizen_id,
            consultant_id=self._ctx.me,
            kind=kind,
            occurred_at=occurred_at or now,
            duration_min=duration_min,
            partner_id=partner_id,
        )
        with self._ctx.write(AccessAction.CONTACT_WRITE, citizen_id) as connection:
            self._ctx.repos.citizens.require(connection, citizen_id)
            self._ctx.repos.contacts.add(connection, contact, now=now)
        return contact

    def for_citizen(self, citizen_id: CitizenId) -> list[Contact]:
        table = schema.contacts
        with self._ctx.write(AccessAction.CITIZEN_READ, citizen_id) as connection:
            return self._ctx.repos.contacts.find(
                connection, table.c.citizen_id == citizen_id, order_by=(table.c.occurred_at.desc(),)
            )

    def between(self, first: datetime, last: datetime) -> list[Contact]:
        """Every contact in [first, last) (for reports; not a read of any one record)."""
        table = schema.contacts
        with self._ctx.read() as connection:
            return self._ctx.repos.contacts.find(
                connection,
                table.c.occurred_at >= first,
                table.c.occurred_at < last,
                order_by=(table.c.occurred_at,),
            )


class AgendaService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def book(
        self,
        citizen_id: CitizenId,
        *,
        kind: ContactKind,
        starts_at: datetime,
        duration_min: int = 30,
        place: str = "",
        note: str = "",
        initiator: Initiator = Initiator.CONSULTANT,
        partner_id: PartnerId | None = None,
    ) -> Appointment:
        """Book a meeting or call; a time in the past is refused."""
        appointment = Appointment(
            id=AppointmentId(new_id()),
            citizen_id=citizen_id,
            consultant_id=self._ctx.me,
            kind=kind,
            starts_at=starts_at,
            duration_min=duration_min,
            place=place,
            note=note,
            initiator=initiator,
            partner_id=partner_id,
        )
        appointment.check_bookable(self._ctx.now())
        with self._ctx.write(AccessAction.APPOINTMENT_WRITE, citizen_id) as connection:
            self._ctx.repos.citizens.require(connection, citizen_id)
            self._ctx.repos.appointments.add(connection, appointment, now=self._ctx.now())
        return appointment

    def move(self, appointment_id: AppointmentId, starts_at: datetime) -> Appointment:
        return self._change(appointment_id, lambda a: a.moved(starts_at, now=self._ctx.now()))

    def cancel(self, appointment_id: AppointmentId) -> Appointment:
        return self._change(appointment_id, lambda a: a.cancelled())

    def edit(self, appointment_id: AppointmentId, **changes: Any) -> Appointment:
        """Change kind, partner, place, note, duration or initiator of a planned appointment."""
        allowed = {"place", "note", "duration_min", "initiator", "kind", "partner_id"}
        return self._change(
            appointment_id,
            lambda a: dataclasses.replace(a, **{k: v for k, v in changes.items() if k in allowed}),
        )

    def record_attendance(
        self, appointment_id: AppointmentId, attendance: Attendance
    ) -> AttendanceResult:
        """Mark the appointment attended, no-show or cancelled; this makes the contact
        that the reports count (a no-show also asks for contact with the citizen)."""
        now = self._ctx.now()
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.appointments.require(connection, appointment_id)
            contact = Contact(
                id=ContactId(new_id()),
                citizen_id=before.citizen_id,
                consultant_id=self._ctx.me,
                kind=before.kind,
                occurred_at=before.starts_at,
                duration_min=before.duration_min if attendance is Attendance.ATTENDED else None,
                partner_id=before.partner_id,
                appointment_id=before.id,
                attendance=attendance,
            )
            after = before.recorded(attendance, contact.id)
            self._ctx.repos.contacts.add(connection, contact, now=now)
            self._ctx.repos.appointments.save(connection, before, after, now=now)
            self._ctx.audit.record(
                connection, AccessAction.APPOINTMENT_WRITE, citizen_id=before.citizen_id
            )
        return AttendanceResult(after, contact)

    def between(
        self, first: datetime, last: datetime, *, include_cancelled: bool = False
    ) -> list[Appointment]:
        """Appointments starting in [first, last), in time order."""
        table = schema.appointments
        where = [table.c.starts_at >= first, table.c.starts_at < last]
        if not include_cancelled:
            where.append(table.c.status != AppointmentStatus.CANCELLED.value)
        with self._ctx.read() as connection:
            return self._ctx.repos.appointments.find(
                connection, *where, order_by=(table.c.starts_at,)
            )

    def for_citizen(self, citizen_id: CitizenId) -> list[Appointment]:
        table = schema.appointments
        with self._ctx.read() as connection:
            return self._ctx.repos.appointments.find(
                connection, table.c.citizen_id == citizen_id, order_by=(table.c.starts_at,)
            )

    def _change(
        self, appointment_id: AppointmentId, change: Callable[[Appointment], Appointment]
    ) -> Appointment:
        with self._ctx.vault.write() as connection:
            before = self._ctx.repos.appointments.require(connection, appointment_id)
            after = change(before)
            self._ctx.repos.appointments.save(connection, before, after, now=self._ctx.now())
            self._ctx.audit.record(
                connection, AccessAction.APPOINTMENT_WRITE, citizen_id=before.citizen_id
            )
        return after
