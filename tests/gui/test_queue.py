"""The Åben rådgivning page: putting people in the queue, the waiting time counted
on screen, serving (open, find or register), "Gået", discreet mode and the lock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.domain.clock import ManualClock
from outreach_app.domain.queue import QueueStatus
from outreach_app.services.workspace import Workspace
from outreach_app.storage import schema
from outreach_app.ui.dialogs.register import RegisterDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages.queue import CitizenPickerDialog, QueueList, QueuePage
from outreach_app.ui.session import Session
from tests.gui.conftest import settle


class FakeNav:
    """The main window as the page sees it; records the cases it was asked to open."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def open_case(self, citizen_id: str, *, tab: str | None = None) -> None:
        self.opened.append(citizen_id)

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


@pytest.fixture
def nav() -> FakeNav:
    return FakeNav()


@pytest.fixture
def opened(nav: FakeNav) -> list[str]:
    return nav.opened


@pytest.fixture
def page(qtbot: QtBot, session: Session, nav: FakeNav) -> QueuePage:
    """The page on its own (the main window's other pages are not needed here)."""
    queue = QueuePage(session, nav)
    qtbot.addWidget(queue)
    queue.show()
    settle(qtbot, session)
    return queue


def row_texts(queue: QueueList) -> list[list[str]]:
    """The text of each row of the list, cell by cell."""
    grid = queue.grid
    rows: list[list[str]] = []
    for row in range(len(queue.rows)):
        cells = []
        for column in range(grid.columnCount()):
            item = grid.itemAtPosition(row, column)
            widget = item.widget() if item is not None else None
            if widget is not None:
                labels = [widget, *widget.findChildren(QWidget)]
                cells.append(" ".join(w.text() for w in labels if isinstance(w, QLabel)))
        rows.append(cells)
    return rows


def button(queue: QueueList, row: int, text: str) -> QPushButton:
    for column in range(queue.grid.columnCount()):
        item = queue.grid.itemAtPosition(row, column)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QPushButton) and widget.text() == text:
            return widget
    raise AssertionError(f"no button {text} in row {row}")


def add(qtbot: QtBot, page: QueuePage, session: Session, label: str) -> None:
    qtbot.keyClicks(page.label, label)
    qtbot.keyClick(page.label, Qt.Key.Key_Return)
    settle(qtbot, session)


def statuses(ws: Workspace) -> dict[str, str]:
    with ws.vault.read() as connection:
        rows = connection.execute(
            schema.walkin_queue.select().with_only_columns(
                schema.walkin_queue.c.id, schema.walkin_queue.c.status
            )
        )
        return {r.id: r.status for r in rows}


def test_enter_in_the_name_field_puts_the_person_in_the_queue(
    qtbot: QtBot, page: QueuePage, session: Session, demo_workspace: Workspace
) -> None:
    """Type what they said, Enter: they are on the list, first come first."""
    add(qtbot, page, session, "Fatima")
    add(qtbot, page, session, "Mand med brev")
    texts = row_texts(page.list)
    assert [cells[1] for cells in texts] == ["Fatima ikke slået op", "Mand med brev ikke slået op"]
    assert texts[0][0] == "09.00" and texts[0][2] == "venter 0 min"
    assert page.label.text() == ""
    assert page.count.text() == "Venter nu: 2"
    assert [e.label for e in demo_workspace.queue.waiting()] == ["Fatima", "Mand med brev"]


def test_an_empty_name_is_refused_inline(
    qtbot: QtBot, page: QueuePage, session: Session, demo_workspace: Workspace
) -> None:
    """Enter with nothing typed says what is missing and adds nobody."""
    qtbot.keyClick(page.label, Qt.Key.Key_Return)
    settle(qtbot, session)
    assert page.error.isVisible()
    assert demo_workspace.queue.waiting() == []
    assert page.list.empty.isVisible()


def test_the_waiting_time_is_counted_every_minute_without_the_vault(
    qtbot: QtBot,
    page: QueuePage,
    session: Session,
    gui_clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The minute timer only recounts from the arrival time."""
    add(qtbot, page, session, "Fatima")
    gui_clock.advance(timedelta(minutes=12))
    calls: list[object] = []
    with monkeypatch.context() as patch:
        patch.setattr(session, "run", lambda *a, **k: calls.append(a))
        assert page.list.timer.isActive() and page.list.timer.interval() == 60_000
        page.list.timer.timeout.emit()
    assert row_texts(page.list)[0][2] == "venter 12 min"
    assert calls == []


def test_gaaet_takes_the_person_off_the_list(
    qtbot: QtBot, page: QueuePage, session: Session, demo_workspace: Workspace
) -> None:
    """Someone who left is no longer waiting (and is kept as 'left' in the vault)."""
    add(qtbot, page, session, "Fatima")
    entry = demo_workspace.queue.waiting()[0]
    qtbot.mouseClick(button(page.list, 0, "Gået"), Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert page.list.rows == []
    assert statuses(demo_workspace)[entry.id] == QueueStatus.LEFT


def test_serving_a_known_citizen_opens_the_case(
    qtbot: QtBot,
    page: QueuePage,
    session: Session,
    demo_workspace: Workspace,
    opened: list[str],
) -> None:
    """A person found before their turn is served with one click."""
    hit = demo_workspace.citizens.search("Ayşe")[0]
    entry = demo_workspace.queue.arrive(citizen_id=hit.id)
    session.changed.emit("queue")
    settle(qtbot, session)
    assert row_texts(page.list)[0][1] == "Ayşe Şahin"
    qtbot.mouseClick(button(page.list, 0, "Betjen"), Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert opened == [hit.id]
    assert statuses(demo_workspace)[entry.id] == QueueStatus.SERVED
    assert page.list.rows == []


def test_serving_someone_unknown_finds_them_by_what_they_said(
    qtbot: QtBot,
    page: QueuePage,
    session: Session,
    demo_workspace: Workspace,
    opened: list[str],
) -> None:
    """Betjen, Enter: the search is prefilled with the label and Enter picks the top hit."""
    add(qtbot, page, session, "Dragan")
    entry = demo_workspace.queue.waiting()[0]
    qtbot.mouseClick(button(page.list, 0, "Betjen"), Qt.MouseButton.LeftButton)
    picker = page.findChildren(CitizenPickerDialog)[-1]
    assert picker.search.text() == "Dragan"
    settle(qtbot, session)
    assert picker.model.rowCount() == 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    settle(qtbot, session)
    hit = demo_workspace.citizens.search("Dragan")[0]
    assert opened == [hit.id]
    assert statuses(demo_workspace)[entry.id] == QueueStatus.SERVED


def test_serving_someone_new_registers_them_and_serves_the_entry(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    demo_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nobody found: register with the label, Enter saves, the case opens, the entry
    is linked to the new citizen and served (through the main window)."""
    opened: list[str] = []
    monkeypatch.setattr(window, "open_case", lambda cid, tab=None: opened.append(cid))
    page = window.pages["queue"]
    assert isinstance(page, QueuePage)
    window.show_page("queue")
    settle(qtbot, session)
    add(qtbot, page, session, "Ubah")
    entry = demo_workspace.queue.waiting()[0]
    qtbot.mouseClick(button(page.list, 0, "Betjen"), Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    picker = window.findChildren(CitizenPickerDialog)[-1]
    assert picker.model.rowCount() == 0 and picker.register_button.isVisible()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # nothing found: Enter registers
    dialog = window.findChildren(RegisterDialog)[-1]
    assert dialog.first.text() == "Ubah"
    with qtbot.waitSignal(dialog.registered) as registered:
        qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
    settle(qtbot, session)
    citizen_id = registered.args[0]
    assert opened == [citizen_id]
    assert statuses(demo_workspace)[entry.id] == QueueStatus.SERVED
    with demo_workspace.vault.read() as connection:
        assert demo_workspace.repos.queue.require(connection, entry.id).citizen_id == citizen_id
    assert page.list.rows == []


def test_a_known_citizen_can_be_picked_when_putting_them_in_the_queue(
    qtbot: QtBot,
    page: QueuePage,
    session: Session,
    demo_workspace: Workspace,
) -> None:
    """Find kendt borger: the entry is linked, so serving later opens the case at once."""
    qtbot.keyClicks(page.label, "Hans-Jurgen")
    qtbot.mouseClick(page.pick_button, Qt.MouseButton.LeftButton)
    picker = page.findChildren(CitizenPickerDialog)[-1]
    settle(qtbot, session)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert page.picked_label.text() == "Borger: Hans-Jürgen Müller"
    qtbot.keyClick(page.label, Qt.Key.Key_Return)
    settle(qtbot, session)
    hit = demo_workspace.citizens.search("Hans-Jürgen")[0]
    assert [e.citizen_id for e in demo_workspace.queue.waiting()] == [hit.id]
    assert page.picked_label.text() == ""


def test_discreet_mode_shows_initials_of_names_and_labels(
    qtbot: QtBot, page: QueuePage, session: Session, demo_workspace: Workspace
) -> None:
    """Neither a citizen's name nor the name said at the counter is on the screen."""
    add(qtbot, page, session, "Fatima Hassan")
    hit = demo_workspace.citizens.search("Søren")[0]
    demo_workspace.queue.arrive(citizen_id=hit.id)
    session.changed.emit("queue")
    settle(qtbot, session)
    session.set_discreet(True)
    texts = [cells[1] for cells in row_texts(page.list)]
    assert texts == ["F.H. ikke slået op", "S.Æ."]
    everything = [
        text
        for w in page.findChildren(QWidget)
        for text in (getattr(w, "text", lambda: "")(), w.toolTip(), w.accessibleName())
    ]
    assert not [t for t in everything if "Fatima" in t or "Søren" in t]


def test_locking_empties_the_page(
    qtbot: QtBot, page: QueuePage, session: Session, demo_workspace: Workspace
) -> None:
    """Behind the lock screen no waiting person is named."""
    add(qtbot, page, session, "Fatima")
    qtbot.keyClicks(page.label, "Halima")
    session.lock()
    settle(qtbot, session)
    assert page.list.rows == [] and page.label.text() == ""
    assert not [w for w in page.findChildren(QLabel) if "Fatima" in w.text()]
