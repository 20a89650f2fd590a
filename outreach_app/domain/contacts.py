"""Contacts (what happened) and appointments (what is booked)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from outreach_app.domain.clock import require_aware
from outreach_app.domain.errors import DomainError, ValidationError
from outreach_app.domain.ids import (
    AppointmentId,
    CitizenId,
    ConsultantId,
    ContactId,
    PartnerId,
)
from outreach_app.domain.rules import Private, duration, optional_text

#: How far in the past a new appointment may start (a meeting booked as it begins).
BOOKING_GRACE = timedelta(minutes=15)


class ContactKind(StrEnum):
    DROP_IN = "drop_in"
    FOLLOW_UP = "follow_up"
    PHONE = "phone"
    HOME_VISIT = "home_visit"
    NETWORK_MEETING = "network_meeting"


class Attendance(StrEnum):
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class AppointmentStatus(StrEnum):
    PLANNED = "planned"
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class Initiator(StrEnum):
    """Who takes the next step: the citizen calls, or the consultant does."""

    CITIZEN = "citizen"
    CONSULTANT = "consultant"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Contact(Private):
    """A contact with a citizen. Scheduled contacts come from an appointment and
    carry its attendance; a drop-in never does."""

    id: ContactId
    citizen_id: CitizenId
    consultant_id: ConsultantId
    kind: ContactKind
    occurred_at: datetime
    duration_min: int | None = None
    partner_id: PartnerId | None = None
    appointment_id: AppointmentId | None = None
    attendance: Attendance | None = None

    def __post_init__(self) -> None:
        require_aware(self.occurred_at, "occurred_at")
        duration(self.duration_min)
        if (self.appointment_id is None) != (self.attendance is None):
            raise ValidationError("attendance", "only a scheduled contact carries attendance")
        if self.kind is ContactKind.DROP_IN and self.appointment_id is not None:
            raise ValidationError("kind", "a drop-in is never scheduled")
        if self.kind is ContactKind.NETWORK_MEETING and self.partner_id is None:
            raise ValidationError("partner", "a network meeting names the partner")

    @property
    def scheduled(self) -> bool:
        return self.appointment_id is not None


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Appointment(Private):
    """A booked meeting or call. Attendance is recorded once, after the time."""

    id: AppointmentId
    citizen_id: CitizenId
    consultant_id: ConsultantId
    kind: ContactKind
    starts_at: datetime
    duration_min: int = 30
    place: str = ""
    note: str = ""
    initiator: Initiator = Initiator.CONSULTANT
    status: AppointmentStatus = AppointmentStatus.PLANNED
    contact_id: ContactId | None = None
    partner_id: PartnerId | None = None

    def __post_init__(self) -> None:
        require_aware(self.starts_at, "starts_at")
        duration(self.duration_min)
        optional_text("place", self.place)
        optional_text("note", self.note)
        if self.kind is ContactKind.DROP_IN:
            raise ValidationError("kind", "a drop-in has no appointment")

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_min)

    def check_bookable(self, now: datetime) -> None:
        """A new or moved appointment does not start in the past."""
        if self.starts_at < now - BOOKING_GRACE:
            raise ValidationError("starts_at", "an appointment cannot be booked in the past")

    def moved(self, starts_at: datetime, *, now: datetime) -> Appointment:
        self._require_planned()
        moved = dataclasses.replace(self, starts_at=starts_at)
        moved.check_bookable(now)
        return moved

    def cancelled(self) -> Appointment:
        self._require_planned()
        return dataclasses.replace(self, status=AppointmentStatus.CANCELLED)

    def recorded(self, attendance: Attendance, contact_id: ContactId) -> Appointment:
        """The appointment after attendance was recorded as ``attendance``."""
        self._require_planned()
        return dataclasses.replace(
            self, status=AppointmentStatus(attendance.value), contact_id=contact_id
        )

    def _require_planned(self) -> None:
        if self.status is not AppointmentStatus.PLANNED:
            raise DomainError("the appointment is no longer planned")
