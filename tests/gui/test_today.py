"""The I dag page: today's appointments with one-click attendance, the queue, the
reminders, the empty states, discreet mode and the lock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.domain.contacts import AppointmentStatus, Attendance, ContactKind
from outreach_app.domain.ids import CitizenId
from outreach_app.domain.queue import QueueStatus
from outreach_app.services.today import Reminder, ReminderKind
from outreach_app.services.workspace import Workspace
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.models import ElidedLabel
from outreach_app.ui.pages.queue import CitizenPickerDialog
from outreach_app.ui.pages.today import TodayPage, reminder_text
from outreach_app.ui.session import Session
from tests.conftest import START
from tests.gui.conftest import settle


class FakeNav:
    """The main window as the page sees it; records where the page wants to go."""

    def __init__(self) -> None:
        self.all: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self.all.append((name, args, kwargs))

    @property
    def calls(self) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
        """Everything but status-bar messages."""
        return [call for call in self.all if call[0] != "say"]


@pytest.fixture
def spy() -> FakeNav:
    return FakeNav()


@pytest.fixture
def page(qtbot: QtBot, session: Session, spy: FakeNav) -> TodayPage:
    """The page on its own (the main window's other pages are not needed here)."""
    today = TodayPage(session, spy)
    qtbot.addWidget(today)
    today.resize(1000, 900)
    today.show()
    settle(qtbot, session)
    return today


def texts_in(widget: QWidget) -> list[str]:
    """Every text a person (or a screen reader) could see in the widget tree."""
    found: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, ElidedLabel):
            found.append(child.full_text())
        if isinstance(child, QLabel | QPushButton):
            found.append(child.text())
        found += [child.accessibleName(), child.toolTip()]
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    found.append(str(model.index(row, column).data() or ""))
    return found


def appointment_rows(page: TodayPage) -> list[list[str]]:
    grid = page.appointments_grid
    rows = []
    for row in range(grid.rowCount()):
        cells = []
        for column in range(grid.columnCount()):
            item = grid.itemAtPosition(row, column)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            if isinstance(widget, ElidedLabel):
                cells.append(widget.full_text())
            elif isinstance(widget, QLabel):
                cells.append(widget.text())
            else:
                buttons = widget.findChildren(QPushButton)
                cells.append(" ".join(b.text() for b in buttons))
        if cells:
            rows.append(cells)
    return rows


def action(page: TodayPage, row: int, text: str) -> QPushButton:
    item = page.appointments_grid.itemAtPosition(row, 4)
    assert item is not None and item.widget() is not None
    for button in item.widget().findChildren(QPushButton):
        if button.text() == text:
            return button
    raise AssertionError(f"no {text} in row {row}")


def test_the_day_starts_with_todays_appointments_queue_and_reminders(
    qtbot: QtBot, page: TodayPage, demo_workspace: Workspace
) -> None:
    """Time, name, kind in Danish, place, status and the three attendance buttons."""
    rows = appointment_rows(page)
    assert rows[0] == [
        "09.15",
        "Habtom Negash",
        "opfølgningssamtale · Lokalet over vaskeriet",
        "planlagt",
        "Mødt Udeblev Aflyst",
    ]
    assert [r[0] for r in rows] == ["09.15", "10.30", "12.15", "13.15"]
    assert rows[2][2] == "telefon · Telefon"
    assert page.appointments_title.text() == "Aftaler i dag (4)"
    assert page.date_label.text() == "mandag 2. marts 2026"
    assert page.queue_list.empty.isVisible() and not page.serve_first.isEnabled()
    assert page.reminder_model.rowCount() == 10
    assert page.reminder_model.index(0, 0).data() == "Ny information – overvej et ekstra møde"
    tabs = [page.filters.tabText(i) for i in range(page.filters.count())]
    assert tabs == ["Alle (10)", "Ny information (3)", "Notater (7)"]


def test_moedt_records_attendance_and_offers_the_note(
    qtbot: QtBot, page: TodayPage, session: Session, demo_workspace: Workspace, spy: FakeNav
) -> None:
    """One click on Mødt; then Skriv notat opens a note for that meeting."""
    first = demo_workspace.agenda.between(START, START + timedelta(hours=12))[0]
    qtbot.mouseClick(action(page, 0, "Mødt"), Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    stored = next(
        a for a in demo_workspace.agenda.for_citizen(first.citizen_id) if a.id == first.id
    )
    assert stored.status is AppointmentStatus.ATTENDED
    assert appointment_rows(page)[0][3:] == ["mødt", "Skriv notat"]
    note_button = page.note_buttons[first.id]
    assert page.focusWidget() is note_button
    qtbot.mouseClick(note_button, Qt.MouseButton.LeftButton)
    assert spy.calls == [
        (
            "new_note",
            (first.citizen_id,),
            {"kind": ContactKind.FOLLOW_UP.value, "appointment_id": first.id},
        )
    ]


def test_udeblev_asks_for_contact_in_the_reminders(
    qtbot: QtBot, page: TodayPage, session: Session, demo_workspace: Workspace
) -> None:
    """A no-show is not only a mark: 'kontakt borgeren' appears at the top."""
    qtbot.mouseClick(action(page, 0, "Udeblev"), Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert appointment_rows(page)[0][3] == "udeblev"
    model = page.reminder_model
    assert model.index(0, 0).data() == "Udeblev fra møde – kontakt borgeren"
    assert model.index(0, 1).data() == "Habtom Negash"
    assert model.index(0, 2).data() == "i dag"


def test_aflyst_stays_visible_as_cancelled(
    qtbot: QtBot, page: TodayPage, session: Session, demo_workspace: Workspace
) -> None:
    """A cancelled meeting is shown as such, without buttons."""
    qtbot.mouseClick(action(page, 1, "Aflyst"), Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert appointment_rows(page)[1][3:] == ["aflyst", ""]
    contacts = demo_workspace.contacts.between(START, START + timedelta(hours=12))
    assert [c.attendance for c in contacts] == [Attendance.CANCELLED]


def test_a_name_opens_the_case(qtbot: QtBot, page: TodayPage, spy: FakeNav) -> None:
    """The citizen's name in the agenda is a link to the case."""
    item = page.appointments_grid.itemAtPosition(0, 1)
    assert item is not None
    link = item.widget()
    assert isinstance(link, ElidedLabel)
    link.linkActivated.emit("open")
    assert spy.calls[0][0] == "open_case"


def test_a_reminder_opens_the_case_or_the_unfinished_note(
    qtbot: QtBot, page: TodayPage, spy: FakeNav
) -> None:
    """One click on a reminder goes where the work is; Enter does the same."""
    model = page.reminder_model
    info = model.reminder(0)
    draft = model.reminder(model.rowCount() - 1)
    assert info is not None and info.kind is ReminderKind.NEW_INFORMATION
    assert draft is not None and draft.kind is ReminderKind.UNFINISHED_NOTE
    view = page.reminders
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0, 0)).center()
    )
    view.setCurrentIndex(model.index(model.rowCount() - 1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert spy.calls == [
        ("open_case", (info.citizen_id,), {}),
        ("open_note", (draft.ref_id,), {}),
    ]


def test_the_reminder_tabs_filter_by_kind(qtbot: QtBot, page: TodayPage) -> None:
    """Notater (7) shows only the unfinished notes."""
    page.filters.setCurrentIndex(2)
    model = page.reminder_model
    assert model.rowCount() == 7
    assert {model.index(r, 0).data() for r in range(7)} == {"Notat ikke afsluttet"}


def test_every_kind_of_reminder_is_said_in_words() -> None:
    """The texts the consultant acts on."""
    at = START
    texts = {kind: reminder_text(Reminder(kind, CitizenId("c"), at, "r")) for kind in ReminderKind}
    assert texts == {
        ReminderKind.MISSED_MEETING: "Udeblev fra møde – kontakt borgeren",
        ReminderKind.FOLLOW_UP_DUE: "Opfølgning aftalt",
        ReminderKind.NEW_INFORMATION: "Ny information – overvej et ekstra møde",
        ReminderKind.CONSENT_EXPIRING: "Samtykke udløber mandag 2. marts 2026",
        ReminderKind.UNFINISHED_NOTE: "Notat ikke afsluttet",
    }


def test_serving_the_first_in_the_queue(
    qtbot: QtBot,
    page: TodayPage,
    session: Session,
    demo_workspace: Workspace,
    gui_clock: Any,
    spy: FakeNav,
) -> None:
    """The queue shows arrival and minutes waited; 'Betjen den første' finds the
    person by what they said and opens the case."""
    first = demo_workspace.queue.arrive(label="Deeqa")
    gui_clock.advance(timedelta(minutes=9))
    demo_workspace.queue.arrive(label="Mand med brev")
    session.changed.emit("queue")
    settle(qtbot, session)
    assert len(page.queue_list.rows) == 2
    assert page.queue_title.text() == "Venter i åben rådgivning (2)"
    waits = [label.text() for label, _at in page.queue_list._waits]
    assert waits == ["venter 9 min", "venter 0 min"]
    qtbot.mouseClick(page.serve_first, Qt.MouseButton.LeftButton)
    picker = page.findChildren(CitizenPickerDialog)[-1]
    settle(qtbot, session)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    settle(qtbot, session)
    hit = demo_workspace.citizens.search("Deeqa")[0]
    assert spy.calls == [("open_case", (hit.id,), {})]
    served = [e.id for e in demo_workspace.queue.waiting()]
    assert first.id not in served and len(served) == 1
    assert page.queue_list.rows[0].entry.label == "Mand med brev"


def test_gaaet_from_the_today_page(
    qtbot: QtBot, page: TodayPage, session: Session, demo_workspace: Workspace
) -> None:
    """Someone who left is taken off the list with one click."""
    entry = demo_workspace.queue.arrive(label="Fatima")
    session.changed.emit("queue")
    settle(qtbot, session)
    gone = [b for b in page.queue_list.findChildren(QPushButton) if b.text() == "Gået"]
    qtbot.mouseClick(gone[0], Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert demo_workspace.queue.waiting() == []
    assert page.queue_list.empty.isVisible()
    with demo_workspace.vault.read() as connection:
        stored = demo_workspace.repos.queue.require(connection, entry.id)
    assert stored.status is QueueStatus.LEFT


def test_discreet_mode_hides_every_name(
    qtbot: QtBot, page: TodayPage, session: Session, demo_workspace: Workspace
) -> None:
    """Initials in the agenda, the queue and the reminders; no full name anywhere."""
    hit = demo_workspace.citizens.search("Søren")[0]
    demo_workspace.queue.arrive(citizen_id=hit.id)
    demo_workspace.queue.arrive(label="Fatima Hassan")
    session.changed.emit("queue")
    settle(qtbot, session)
    full_names = [h.display_name for h in demo_workspace.citizens.mine() if " " in h.display_name]
    assert [n for n in full_names if n in " | ".join(texts_in(page))]  # shown normally
    session.set_discreet(True)
    shown = " | ".join(texts_in(page))
    assert not [name for name in full_names if name in shown]
    assert "Fatima" not in shown
    assert appointment_rows(page)[0][1] == "H.N."
    assert page.reminder_model.index(0, 1).data() == "S.H."


def test_locking_empties_the_page(
    qtbot: QtBot, page: TodayPage, session: Session, demo_workspace: Workspace
) -> None:
    """Nothing personal is left in the widgets behind the lock screen."""
    demo_workspace.queue.arrive(label="Fatima")
    session.changed.emit("queue")
    settle(qtbot, session)
    session.lock()
    settle(qtbot, session)
    shown = " | ".join(texts_in(page))
    assert "Habtom" not in shown and "Fatima" not in shown
    assert page.reminder_model.rowCount() == 0 and page.appointments_grid.count() == 0


@pytest.fixture
def empty_page(app: object, empty_workspace: Workspace, qtbot: QtBot) -> Iterator[TodayPage]:
    session = Session(empty_workspace.vault.profile, clock=empty_workspace.clock)
    session.resume(empty_workspace)
    page = TodayPage(session, FakeNav())
    qtbot.addWidget(page)
    page.show()
    settle(qtbot, session)
    yield page
    session.wait()


def test_an_empty_day_says_so(empty_page: TodayPage) -> None:
    """A new profile: friendly words instead of empty boxes."""
    page = empty_page
    assert page.no_appointments.isVisible()
    assert page.no_appointments.text() == "Ingen aftaler i dag."
    assert page.queue_list.empty.isVisible()
    assert page.no_reminders.isVisible() and not page.reminders.isVisible()
    assert page.reminders_title.text() == "Påmindelser (0)"


def test_the_main_window_opens_on_today(window: MainWindow) -> None:
    """I dag is the first page of the day, filled without being asked."""
    today = window.pages["today"]
    assert isinstance(today, TodayPage)
    assert window.stack.currentWidget() is today
    assert len(appointment_rows(today)) == 4
