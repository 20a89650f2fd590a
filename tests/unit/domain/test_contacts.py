"""Contacts (what happened) and appointments (what is booked)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import (
    BOOKING_GRACE,
    Appointment,
    AppointmentStatus,
    Attendance,
    Contact,
    ContactKind,
)
from outreach_app.domain.errors import DomainError, ValidationError
from outreach_app.domain.ids import (
    AppointmentId,
    CitizenId,
    ConsultantId,
    ContactId,
    PartnerId,
    new_id,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=DANISH_TIME)
CITIZEN = CitizenId(new_id())
KARIN = ConsultantId(new_id())
PARTNER = PartnerId(new_id())
APPOINTMENT = AppointmentId(new_id())
CONTACT = ContactId(new_id())


def _contact(**changes: object) -> Contact:
    fields: dict[str, object] = {
        "id": ContactId(new_id()),
        "citizen_id": CITIZEN,
        "consultant_id": KARIN,
        "kind": ContactKind.DROP_IN,
        "occurred_at": NOW,
    }
    fields.update(changes)
    return Contact(**fields)  # type: ignore[arg-type]


def _appointment(**changes: object) -> Appointment:
    fields: dict[str, object] = {
        "id": APPOINTMENT,
        "citizen_id": CITIZEN,
        "consultant_id": KARIN,
        "kind": ContactKind.FOLLOW_UP,
        "starts_at": NOW + timedelta(days=7),
    }
    fields.update(changes)
    return Appointment(**fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------- Contact


def test_a_drop_in_contact_has_no_attendance() -> None:
    """A drop-in is simply a visit: unscheduled, with no attendance to record."""
    contact = _contact(duration_min=10)
    assert not contact.scheduled
    assert contact.attendance is None


@pytest.mark.parametrize("attendance", list(Attendance))
def test_a_scheduled_contact_carries_its_attendance(attendance: Attendance) -> None:
    """A contact that comes from an appointment records whether the citizen came."""
    contact = _contact(
        kind=ContactKind.FOLLOW_UP, appointment_id=APPOINTMENT, attendance=attendance
    )
    assert contact.scheduled
    assert contact.attendance is attendance


def test_attendance_without_an_appointment_is_refused() -> None:
    """A no-show only exists for a booked meeting; attendance on an unscheduled
    contact would make the attendance rate wrong."""
    with pytest.raises(ValidationError) as caught:
        _contact(kind=ContactKind.PHONE, attendance=Attendance.NO_SHOW)
    assert caught.value.field == "attendance"


def test_a_scheduled_contact_without_attendance_is_refused() -> None:
    """A contact linked to an appointment always says whether the citizen came."""
    with pytest.raises(ValidationError) as caught:
        _contact(kind=ContactKind.FOLLOW_UP, appointment_id=APPOINTMENT)
    assert caught.value.field == "attendance"


def test_a_drop_in_is_never_scheduled() -> None:
    """A drop-in linked to an appointment is a contradiction and is refused."""
    with pytest.raises(ValidationError) as caught:
        _contact(
            kind=ContactKind.DROP_IN, appointment_id=APPOINTMENT, attendance=Attendance.ATTENDED
        )
    assert caught.value.field == "kind"


def test_a_network_meeting_needs_a_partner() -> None:
    """A network meeting is held with a partner; without one it is refused."""
    with pytest.raises(ValidationError) as caught:
        _contact(kind=ContactKind.NETWORK_MEETING)
    assert caught.value.field == "partner"
    meeting = _contact(kind=ContactKind.NETWORK_MEETING, partner_id=PARTNER)
    assert meeting.partner_id == PARTNER


@pytest.mark.parametrize("minutes", [1, 30, 24 * 60, None])
def test_durations_from_one_minute_to_a_day_are_accepted(minutes: int | None) -> None:
    """A contact lasts between 1 minute and 24 hours, or its duration is unknown."""
    assert _contact(duration_min=minutes).duration_min == minutes


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60 + 1, 100_000])
def test_durations_outside_one_minute_to_a_day_are_refused(minutes: int) -> None:
    """Zero, negative or multi-day durations are typing mistakes."""
    with pytest.raises(ValidationError) as caught:
        _contact(duration_min=minutes)
    assert caught.value.field == "duration"
    with pytest.raises(ValidationError):
        _appointment(duration_min=minutes)


def test_a_contact_time_must_be_timezone_aware() -> None:
    """A naive time would be read differently on the laptop and the server."""
    with pytest.raises(ValueError, match="aware"):
        _contact(occurred_at=datetime(2026, 3, 2, 9, 0))


# ---------------------------------------------------------------- Appointment


def test_an_appointment_is_planned_and_ends_after_its_duration() -> None:
    """A new appointment is planned, booked by the consultant, 30 minutes long."""
    appointment = _appointment(duration_min=45)
    assert appointment.status is AppointmentStatus.PLANNED
    assert appointment.ends_at == appointment.starts_at + timedelta(minutes=45)


def test_a_drop_in_cannot_be_booked() -> None:
    """Open counselling needs no appointment: a drop-in appointment is refused."""
    with pytest.raises(ValidationError) as caught:
        _appointment(kind=ContactKind.DROP_IN)
    assert caught.value.field == "kind"


def test_booking_in_the_future_or_within_the_grace_is_allowed() -> None:
    """A meeting booked as it begins (up to BOOKING_GRACE ago) is accepted."""
    _appointment(starts_at=NOW + timedelta(days=1)).check_bookable(NOW)
    _appointment(starts_at=NOW).check_bookable(NOW)
    _appointment(starts_at=NOW - BOOKING_GRACE).check_bookable(NOW)


def test_booking_in_the_past_is_refused() -> None:
    """An appointment that started longer ago than the grace cannot be booked: it
    would be a no-show before anyone could come."""
    late = _appointment(starts_at=NOW - BOOKING_GRACE - timedelta(seconds=1))
    with pytest.raises(ValidationError) as caught:
        late.check_bookable(NOW)
    assert caught.value.field == "starts_at"
    with pytest.raises(ValidationError):
        _appointment(starts_at=NOW - timedelta(days=1)).check_bookable(NOW)


def test_moving_a_planned_appointment_changes_only_its_time() -> None:
    """Moving keeps the appointment (id, citizen, kind) and changes when it starts."""
    appointment = _appointment(place="Lokale 2")
    moved = appointment.moved(NOW + timedelta(days=14), now=NOW)
    assert moved.starts_at == NOW + timedelta(days=14)
    assert moved.id == appointment.id
    assert moved.place == "Lokale 2"
    assert moved.status is AppointmentStatus.PLANNED


def test_moving_an_appointment_into_the_past_is_refused() -> None:
    """A move follows the same rule as a booking."""
    with pytest.raises(ValidationError):
        _appointment().moved(NOW - timedelta(hours=1), now=NOW)


def test_cancelling_a_planned_appointment_marks_it_cancelled() -> None:
    """A cancelled appointment stays in the history with its status."""
    assert _appointment().cancelled().status is AppointmentStatus.CANCELLED


@pytest.mark.parametrize(
    ("attendance", "status"),
    [
        (Attendance.ATTENDED, AppointmentStatus.ATTENDED),
        (Attendance.NO_SHOW, AppointmentStatus.NO_SHOW),
        (Attendance.CANCELLED, AppointmentStatus.CANCELLED),
    ],
)
def test_recording_attendance_sets_status_and_links_the_contact(
    attendance: Attendance, status: AppointmentStatus
) -> None:
    """Recording what happened closes the appointment and links the contact."""
    recorded = _appointment().recorded(attendance, CONTACT)
    assert recorded.status is status
    assert recorded.contact_id == CONTACT


@pytest.mark.parametrize(
    "closed",
    [
        _appointment().cancelled(),
        _appointment().recorded(Attendance.ATTENDED, CONTACT),
        _appointment().recorded(Attendance.NO_SHOW, CONTACT),
    ],
)
def test_an_appointment_no_longer_planned_cannot_change(closed: Appointment) -> None:
    """Attendance is recorded once; a cancelled or recorded appointment is not moved,
    cancelled again, or recorded again."""
    with pytest.raises(DomainError):
        closed.moved(NOW + timedelta(days=1), now=NOW)
    with pytest.raises(DomainError):
        closed.cancelled()
    with pytest.raises(DomainError):
        closed.recorded(Attendance.ATTENDED, ContactId(new_id()))


def test_appointment_place_and_note_are_short_texts() -> None:
    """Place and note are limited to 2,000 characters."""
    with pytest.raises(ValidationError):
        _appointment(note="n" * 2_001)
    with pytest.raises(ValidationError):
        _appointment(place="p" * 2_001)
