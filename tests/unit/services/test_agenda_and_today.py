"""The agenda, attendance, the walk-in queue and the Today reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from outreach_app.domain.clock import DANISH_TIME, ManualClock, local_today
from outreach_app.domain.contacts import AppointmentStatus, Attendance, ContactKind, Initiator
from outreach_app.domain.errors import DomainError, ValidationError
from outreach_app.domain.information import InformationSource
from outreach_app.domain.plan import NextContact
from outreach_app.domain.queue import QueueStatus
from outreach_app.services.today import ReminderKind
from outreach_app.services.workspace import Workspace


@pytest.fixture
def citizen_id(workspace: Workspace) -> str:
    return workspace.citizens.register(first_name="Hodan", last_name="Warsame").id


def at(clock: ManualClock, days: int, hour: int = 10) -> datetime:
    day = clock.now().astimezone(DANISH_TIME).date() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=DANISH_TIME)


def kinds(ws: Workspace) -> list[ReminderKind]:
    return [r.kind for r in ws.reminders.today()]


def test_an_appointment_in_the_past_is_refused(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    with pytest.raises(ValidationError):
        workspace.agenda.book(citizen_id, kind=ContactKind.FOLLOW_UP, starts_at=at(clock, -1))
    assert workspace.agenda.for_citizen(citizen_id) == []


def test_book_move_and_cancel(workspace: Workspace, citizen_id: str, clock: ManualClock) -> None:
    booked = workspace.agenda.book(
        citizen_id, kind=ContactKind.FOLLOW_UP, starts_at=at(clock, 2), place="Kontoret i Gellerup"
    )
    moved = workspace.agenda.move(booked.id, at(clock, 3, 13))
    assert workspace.agenda.between(at(clock, 3, 0), at(clock, 4, 0)) == [moved]
    cancelled = workspace.agenda.cancel(booked.id)
    assert cancelled.status is AppointmentStatus.CANCELLED
    assert workspace.agenda.between(at(clock, 0, 0), at(clock, 7, 0)) == []
    with pytest.raises(DomainError):
        workspace.agenda.move(booked.id, at(clock, 5))


def test_attendance_makes_a_scheduled_contact(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    booked = workspace.agenda.book(
        citizen_id, kind=ContactKind.FOLLOW_UP, starts_at=at(clock, 0, 11)
    )
    clock.advance(timedelta(hours=3))
    result = workspace.agenda.record_attendance(booked.id, Attendance.ATTENDED)
    assert result.appointment.status is AppointmentStatus.ATTENDED
    assert result.contact.attendance is Attendance.ATTENDED
    assert result.contact.appointment_id == booked.id
    with pytest.raises(DomainError):
        workspace.agenda.record_attendance(booked.id, Attendance.NO_SHOW)


def test_a_no_show_asks_for_contact_until_there_is_one(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    """A missed meeting should lead to contact, not only to a mark."""
    booked = workspace.agenda.book(
        citizen_id, kind=ContactKind.FOLLOW_UP, starts_at=at(clock, 0, 10)
    )
    clock.advance(timedelta(hours=2))
    workspace.agenda.record_attendance(booked.id, Attendance.NO_SHOW)
    reminders = workspace.reminders.today()
    assert [(r.kind, r.citizen_id, r.ref_id) for r in reminders] == [
        (ReminderKind.MISSED_MEETING, citizen_id, booked.id)
    ]
    clock.advance(timedelta(hours=1))
    workspace.contacts.record(citizen_id, kind=ContactKind.PHONE)
    assert ReminderKind.MISSED_MEETING not in kinds(workspace)


def test_a_follow_up_the_consultant_promised_is_due_until_booked_or_held(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    promise = NextContact(
        at=at(clock, 0, 15), kind=ContactKind.PHONE, initiator=Initiator.CONSULTANT
    )
    workspace.plans.update(citizen_id, next_contact=promise)
    assert kinds(workspace) == [ReminderKind.FOLLOW_UP_DUE]
    workspace.agenda.book(citizen_id, kind=ContactKind.PHONE, starts_at=at(clock, 1))
    assert kinds(workspace) == []


def test_a_follow_up_far_ahead_is_not_due_today(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    promise = NextContact(
        at=at(clock, 10), kind=ContactKind.FOLLOW_UP, initiator=Initiator.CONSULTANT
    )
    workspace.plans.update(citizen_id, next_contact=promise)
    assert kinds(workspace) == []


def test_new_information_suggests_a_meeting_until_handled(
    workspace: Workspace, citizen_id: str
) -> None:
    item = workspace.information.register(
        citizen_id, InformationSource.DOCTOR, summary="Lægeattest modtaget"
    )
    assert kinds(workspace) == [ReminderKind.NEW_INFORMATION]
    workspace.information.mark_handled(item.id)
    assert kinds(workspace) == []


def test_a_consent_about_to_expire_is_a_reminder(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    today = clock.now().astimezone(DANISH_TIME).date()
    workspace.consents.give(
        citizen_id, "Deling med sprogskolen", expires_on=today + timedelta(days=10)
    )
    workspace.consents.give(citizen_id, "Deling med lægen", expires_on=today + timedelta(days=100))
    assert kinds(workspace) == [ReminderKind.CONSENT_EXPIRING]


def test_an_unfinished_note_is_a_reminder(workspace: Workspace, citizen_id: str) -> None:
    note = workspace.notes.start(citizen_id, text="halvt skrevet")
    assert [(r.kind, r.ref_id) for r in workspace.reminders.today()] == [
        (ReminderKind.UNFINISHED_NOTE, note.id)
    ]


def test_the_queue_keeps_arrival_order_and_survives_in_the_vault(
    workspace: Workspace, citizen_id: str, clock: ManualClock
) -> None:
    first = workspace.queue.arrive(label="Kvinde med brev")
    clock.advance(timedelta(minutes=4))
    second = workspace.queue.arrive(citizen_id=citizen_id)
    assert [e.id for e in workspace.queue.waiting()] == [first.id, second.id]
    workspace.queue.link(first.id, citizen_id)
    assert workspace.queue.served(first.id).status is QueueStatus.SERVED
    workspace.queue.left(second.id)
    assert workspace.queue.waiting() == []
    with pytest.raises(DomainError):
        workspace.queue.served(second.id)


def test_yesterdays_queue_is_not_todays(workspace: Workspace, clock: ManualClock) -> None:
    workspace.queue.arrive(label="Gik hjem")
    clock.advance(timedelta(days=1))
    assert workspace.queue.waiting() == []


def test_a_queue_entry_needs_a_name_or_a_citizen(workspace: Workspace) -> None:
    with pytest.raises(DomainError):
        workspace.queue.arrive(label="  ")


def test_local_dates_follow_danish_time(clock: ManualClock) -> None:
    """Just before midnight in Copenhagen is still that day, whatever UTC says."""
    clock.set(datetime(2026, 3, 2, 23, 30, tzinfo=DANISH_TIME))
    assert local_today(clock) == date(2026, 3, 2)
