"""The Kalender page: the week, its navigation, booking, moving, cancelling and
recording attendance, driven through the widgets against a real vault."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import AppointmentStatus, Attendance, ContactKind
from outreach_app.services.today import ReminderKind
from outreach_app.services.workspace import Workspace
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages.agenda import CARD_ROLE, ID_ROLE, AgendaPage
from outreach_app.ui.session import Session
from tests.gui.conftest import settle

MONDAY = date(2026, 3, 2)


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot, session: Session) -> AgendaPage:
    window.show_page("agenda")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settle(qtbot, session)
    agenda = window.pages["agenda"]
    assert isinstance(agenda, AgendaPage)
    return agenda


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def week_of(ws: Workspace, monday: date) -> list[Any]:
    first = datetime.combine(monday, time.min, tzinfo=DANISH_TIME)
    return ws.agenda.between(first, first + timedelta(days=7), include_cancelled=True)


def cards(page: AgendaPage) -> dict[str, Any]:
    """Every card shown, by appointment id."""
    found = {}
    for column in page.columns:
        for row in range(column.list.count()):
            item = column.list.item(row)
            if item.data(ID_ROLE):
                found[item.data(ID_ROLE)] = item.data(CARD_ROLE)
    return found


def texts(root: QWidget) -> list[str]:
    """Everything a person could read in the widget tree (labels, buttons, list items)."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        found.append(widget.toolTip())
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                card = item.data(CARD_ROLE)
                found += [item.text(), item.toolTip(), *(vars_of(card) if card else [])]
    return found


def vars_of(card: Any) -> list[str]:
    return [card.when, card.name, card.kind, card.place, card.badge]


def typeable(ws: Workspace, skip: int = 0) -> Any:
    """A citizen whose name QTest can type (plain letters; Qt's test keyboard knows
    no ş or Đ), with a last name."""
    plain = [h for h in ws.citizens.mine() if h.display_name.isascii() and h.last_name]
    return plain[skip]


def first_today(ws: Workspace) -> Any:
    """The first planned appointment today (the demo books some from 09:00)."""
    return next(
        a for a in week_of(ws, MONDAY) if a.starts_at.astimezone(DANISH_TIME).date() == MONDAY
    )


def test_week_view_navigation_and_week_numbers(
    page: AgendaPage, qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    """This week with its number and every appointment; forrige / næste / i dag move by
    whole weeks (also with Alt+arrows); weekends appear only when something is booked."""
    assert page.week_label.text() == "Uge 10, 2.–6. marts 2026"
    expected = week_of(demo_workspace, MONDAY)
    assert expected
    assert set(cards(page)) == {a.id for a in expected}
    assert [c.isVisible() for c in page.columns] == [True] * 5 + [False] * 2
    assert page.columns[0].property("today") is True
    assert page.summary.text().startswith(f"Aftaler: {len(expected)}")

    click(qtbot, page.following)
    settle(qtbot, session)
    assert page.week_label.text() == "Uge 11, 9.–13. marts 2026"
    assert set(cards(page)) == {a.id for a in week_of(demo_workspace, date(2026, 3, 9))}
    click(qtbot, page.previous)
    click(qtbot, page.previous)
    settle(qtbot, session)
    assert page.week_label.text() == "Uge 9, 23.–27. februar 2026"
    assert set(cards(page)) == {a.id for a in week_of(demo_workspace, date(2026, 2, 23))}
    with qtbot.waitSignal(page.following.clicked):  # a shortcut animates the click
        qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, session)
    assert page.monday == MONDAY
    click(qtbot, page.following)
    click(qtbot, page.this_week)
    settle(qtbot, session)
    assert page.week_label.text() == "Uge 10, 2.–6. marts 2026"

    saturday = datetime(2026, 3, 7, 10, 0, tzinfo=DANISH_TIME)
    citizen = demo_workspace.citizens.mine()[0]
    demo_workspace.agenda.book(citizen.id, kind=ContactKind.HOME_VISIT, starts_at=saturday)
    session.changed.emit("agenda")
    settle(qtbot, session)
    assert page.columns[5].isVisible()
    assert not page.columns[6].isVisible()
    assert page.week_label.text() == "Uge 10, 2.–7. marts 2026"

    assert page.week_title(date(2026, 3, 30), date(2026, 4, 3)) == (
        "Uge 14, 30. marts – 3. april 2026"
    )
    assert page.week_title(date(2025, 12, 29), date(2026, 1, 2)) == (
        "Uge 1, 29. december 2025 – 2. januar 2026"
    )


def test_new_appointment_refuses_the_past_then_is_booked_and_shown_in_its_week(
    page: AgendaPage, qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    """Ctrl+B, find the citizen, Enter; a time in the past is refused inline and
    everything typed stays; a later time is booked and its week is shown."""
    citizen = typeable(demo_workspace, 3)
    before = len(demo_workspace.agenda.for_citizen(citizen.id))
    with qtbot.waitSignal(page.new_button.clicked):
        qtbot.keyClick(page, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    picker = dialog.citizen.picker
    assert picker is not None
    qtbot.keyClicks(picker.search, citizen.display_name)
    settle(qtbot, session)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert dialog.citizen.citizen_id == citizen.id
    assert dialog.kind.hasFocus()
    dialog.start.setTime(QTime(8, 0))
    qtbot.keyClicks(dialog.place, "Kontoret i beboerhuset")
    qtbot.keyClicks(dialog.note, "Medbring lægeattest")
    click(qtbot, dialog.save)
    assert dialog.error.text().startswith("Et nyt møde kan ikke ligge i fortiden")
    assert dialog.note.toPlainText() == "Medbring lægeattest"
    assert dialog.place.text() == "Kontoret i beboerhuset"
    assert dialog.citizen.citizen_id == citizen.id
    settle(qtbot, session)
    assert len(demo_workspace.agenda.for_citizen(citizen.id)) == before

    dialog.day.setDate(QDate(2026, 3, 18))
    dialog.start.setTime(QTime(11, 0))
    with qtbot.waitSignal(dialog.saved) as saved:
        click(qtbot, dialog.save)
    settle(qtbot, session)
    booked = next(a for a in demo_workspace.agenda.for_citizen(citizen.id) if a.id == saved.args[0])
    assert booked.starts_at == datetime(2026, 3, 18, 11, 0, tzinfo=DANISH_TIME)
    assert booked.note == "Medbring lægeattest"
    assert page.week_label.text() == "Uge 12, 16.–20. marts 2026"
    card = cards(page)[booked.id]
    assert card.when == "11:00–11:30"
    assert card.name == citizen.display_name
    assert card.place == "Kontoret i beboerhuset"
    selected = page.selected_row()
    assert selected is not None and selected.appointment.id == booked.id


def test_move_and_cancel_the_selected_appointment(
    page: AgendaPage, qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    """F2 moves (the dialog in edit mode); Aflys asks first, then marks it cancelled."""
    target = next(a for a in week_of(demo_workspace, MONDAY) if a.starts_at.day == 4)
    assert page.select(target.id)
    assert page.move_button.isEnabled()
    with qtbot.waitSignal(page.move_button.clicked):
        qtbot.keyClick(page.columns[2].list, Qt.Key.Key_F2)
    dialog = page.dialog
    assert dialog is not None and dialog.appointment.id == target.id
    dialog.day.setDate(QDate(2026, 3, 5))
    dialog.start.setTime(QTime(14, 45))
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save)
    settle(qtbot, session)
    [after] = [a for a in week_of(demo_workspace, MONDAY) if a.id == target.id]
    assert after.starts_at == datetime(2026, 3, 5, 14, 45, tzinfo=DANISH_TIME)
    thursday = page.columns[3].list
    assert target.id in [thursday.item(i).data(ID_ROLE) for i in range(thursday.count())]
    assert cards(page)[target.id].when.startswith("14:45")

    assert page.selected_row() is not None
    click(qtbot, page.cancel_button)
    assert page.confirm is not None and page.confirm.isVisible()
    assert "torsdag 5. marts kl. 14:45" in page.confirm.text()
    page.confirm.reject()  # "Behold aftalen"
    settle(qtbot, session)
    [kept] = [a for a in week_of(demo_workspace, MONDAY) if a.id == target.id]
    assert kept.status is AppointmentStatus.PLANNED
    click(qtbot, page.cancel_button)
    click(qtbot, page.confirm_yes)
    settle(qtbot, session)
    [cancelled] = [a for a in week_of(demo_workspace, MONDAY) if a.id == target.id]
    assert cancelled.status is AppointmentStatus.CANCELLED
    assert cards(page)[target.id].badge == "Aflyst"
    assert "aflyst: 1" in page.summary.text()
    assert not page.cancel_button.isEnabled()
    assert not page.move_button.isEnabled()


def test_attendance_no_show_and_the_reminder_on_the_today_page(
    page: AgendaPage, qtbot: QtBot, session: Session, demo_workspace: Workspace, gui_clock: Any
) -> None:
    """Mødt/Udeblev only once a meeting has begun; a no-show leaves a reminder to
    contact the citizen (ws.reminders.today(), which the Today page shows)."""
    today = [a for a in week_of(demo_workspace, MONDAY) if a.starts_at.day == 2]
    first, second = today[0], today[1]
    page.select(second.id)
    assert not page.attended_button.isEnabled()
    page.select(first.id)
    assert page.attended_button.isEnabled()
    click(qtbot, page.attended_button)
    settle(qtbot, session)
    [attended] = [a for a in week_of(demo_workspace, MONDAY) if a.id == first.id]
    assert attended.status is AppointmentStatus.ATTENDED
    contacts = demo_workspace.contacts.for_citizen(first.citizen_id)
    assert any(
        c.appointment_id == first.id and c.attendance is Attendance.ATTENDED for c in contacts
    )
    assert cards(page)[first.id].badge == "Mødt"
    assert not page.attended_button.isEnabled()
    assert "mødt: 1" in page.summary.text()

    gui_clock.advance(timedelta(hours=3))  # noon: the second meeting is over
    page.redraw()
    assert cards(page)[second.id].badge == "Fremmøde?"
    page.select(second.id)
    with qtbot.waitSignal(page.no_show_button.clicked):
        qtbot.keyClick(page.columns[0].list, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, session)
    [missed] = [a for a in week_of(demo_workspace, MONDAY) if a.id == second.id]
    assert missed.status is AppointmentStatus.NO_SHOW
    assert cards(page)[second.id].badge == "Udeblev"
    reminders = demo_workspace.reminders.today()
    assert any(
        r.kind is ReminderKind.MISSED_MEETING
        and r.ref_id == second.id
        and r.citizen_id == second.citizen_id
        for r in reminders
    )


def test_double_click_opens_the_case_and_write_note_starts_one(
    page: AgendaPage,
    qtbot: QtBot,
    window: MainWindow,
    demo_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str] = []
    started: list[tuple[str, str, str | None]] = []
    monkeypatch.setattr(window, "open_case", lambda citizen_id, tab=None: opened.append(citizen_id))
    monkeypatch.setattr(
        window,
        "new_note",
        lambda citizen_id, kind="drop_in", appointment_id=None: started.append(
            (citizen_id, kind, appointment_id)
        ),
    )
    listing = page.columns[1].list
    item = listing.item(0)
    rect = listing.visualItemRect(item)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    appointment = next(a for a in week_of(demo_workspace, MONDAY) if a.id == item.data(ID_ROLE))
    assert opened == [appointment.citizen_id]
    click(qtbot, page.note_button)
    assert started == [(appointment.citizen_id, appointment.kind.value, appointment.id)]
    qtbot.keyClick(listing, Qt.Key.Key_Right)  # arrows move between the days
    assert page.columns[2].list.hasFocus()
    selected = page.selected_row()
    assert selected is not None
    assert local_day(selected.appointment) == date(2026, 3, 4)


def local_day(appointment: Any) -> date:
    return appointment.starts_at.astimezone(DANISH_TIME).date()


def test_discreet_mode_shows_initials_and_lock_empties_the_week(
    page: AgendaPage, qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    rows = week_of(demo_workspace, MONDAY)
    hits = [demo_workspace.citizens.hit(a.citizen_id) for a in rows]
    names = {h.display_name for h in hits if h is not None}
    page.select(rows[0].id)
    assert any(name in " ".join(texts(page)) for name in names)
    session.set_discreet(True)
    shown = " ".join(texts(page))
    assert not [name for name in names if name in shown]
    assert hits[0] is not None and hits[0].initials in shown
    session.set_discreet(False)
    assert hits[0].display_name in " ".join(texts(page))

    session.lock()
    settle(qtbot, session)
    shown = " ".join(texts(page))
    assert not [name for name in names if name in shown]
    assert all(column.list.count() == 0 for column in page.columns)
    assert page.rows == []
    assert not page.attended_button.isEnabled()
