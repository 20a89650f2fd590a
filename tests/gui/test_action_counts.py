"""How many actions the counter's two most common flows take, driven by keyboard
through the real main window: clicks and shortcuts count, typing does not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.domain.notes import NoteStatus
from outreach_app.services.workspace import Workspace
from outreach_app.ui.main_window import MainWindow
from tests.gui.conftest import settle

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


class Actions:
    """Sends keys to whatever has the keyboard focus, as a person would, and counts."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.count = 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
        self.count += 1
        self.qtbot.keyClick(self.focused(), key, modifier)
        settle(self.qtbot, self.window.session)
        QApplication.processEvents()  # window activation and focus changes are events

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)
        settle(self.qtbot, self.window.session)


def finished_notes(ws: Workspace, citizen_id: str) -> list[str]:
    return [n.text for n in ws.notes.for_citizen(citizen_id) if n.status is NoteStatus.FINISHED]


def a_plainly_named_citizen(ws: Workspace) -> tuple[str, str]:
    """A citizen whose full name is unique and typeable on any keyboard."""
    hits = ws.citizens.mine()
    names = [f"{h.first_name} {h.last_name}" for h in hits]
    for hit, name in zip(hits, names, strict=True):
        if hit.last_name and name.isascii() and names.count(name) == 1:
            return hit.id, name
    raise AssertionError("the demo data has no plainly named citizen")


def test_finding_a_walk_in_and_finishing_a_drop_in_note_takes_at_most_six_actions(
    window: MainWindow, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    citizen_id, name = a_plainly_named_citizen(demo_workspace)
    window.activateWindow()
    window.setFocus()
    act = Actions(qtbot, window)
    act.key(Qt.Key.Key_F, CTRL)  # to the search field
    act.type(name)
    act.key(Qt.Key.Key_Return)  # opens the first hit
    assert window.stack.currentWidget() is window.pages["case"]
    act.key(Qt.Key.Key_N, CTRL)  # a drop-in note, cursor in its text
    act.type("Hjalp med et brev fra Udbetaling Danmark. Ringer tirsdag.")
    act.key(Qt.Key.Key_Return, CTRL)  # finished
    assert act.count <= 6, act.count
    assert "Hjalp med et brev fra Udbetaling Danmark. Ringer tirsdag." in finished_notes(
        demo_workspace, citizen_id
    )


def test_registering_a_walk_in_and_finishing_a_note_takes_at_most_ten_actions(
    window: MainWindow, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    window.activateWindow()
    window.setFocus()
    act = Actions(qtbot, window)
    act.key(Qt.Key.Key_R, CTRL)  # the register dialog, cursor in the first name
    act.type("Ayaan")
    while act.focused().accessibleName() != "Telefon" and act.count < 8:
        act.key(Qt.Key.Key_Tab)  # on past the last name to the phone number
    act.type("22 33 44 55")
    act.key(Qt.Key.Key_Return)  # registered; the case opens
    act.key(Qt.Key.Key_N, CTRL)
    act.type("Første besøg. Vil gerne have hjælp til CV.")
    act.key(Qt.Key.Key_Return, CTRL)
    assert act.count <= 10, act.count
    found = demo_workspace.citizens.search("22334455")
    assert [h.first_name for h in found] == ["Ayaan"]
    assert finished_notes(demo_workspace, found[0].id) == [
        "Første besøg. Vil gerne have hjælp til CV."
    ]
