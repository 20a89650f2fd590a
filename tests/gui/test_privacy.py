"""Privacy at the counter: lock (shortcut, idle, the computer's lock), discreet mode,
and the clipboard — checked on the whole main window with real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from outreach_app.services.workspace import Workspace
from outreach_app.ui.main_window import NAV_PAGES, MainWindow
from outreach_app.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.gui.conftest import settle
from tests.gui.texts import shown_text


def full_names(workspace_names: list[tuple[str, str]]) -> list[str]:
    return [f"{first} {last}" for first, last in workspace_names if last]


def names_of(window: MainWindow) -> list[tuple[str, str]]:
    ws = window.session.workspace
    assert ws is not None
    return [(h.first_name, h.last_name) for h in ws.citizens.mine()]


def visit_every_page(window: MainWindow, qtbot: QtBot, citizen_id: str) -> None:
    for name in NAV_PAGES:
        window.show_page(name)
        window.pages[name].refresh()
        settle(qtbot, window.session)
    window.open_case(citizen_id)
    settle(qtbot, window.session)


def unlock(qtbot: QtBot, session: Session) -> None:
    with qtbot.waitSignal(session.unlocked, timeout=10_000):
        session.unlock(PASSPHRASE, done=lambda: None, error=lambda e: None)
    settle(qtbot, session)


def test_ctrl_l_locks_and_no_name_is_left_on_any_page(
    window: MainWindow, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    names = full_names(names_of(window))
    visit_every_page(window, qtbot, demo_workspace.citizens.mine()[0].id)
    assert any(n in shown_text(window) for n in names), "the test must see names first"
    with qtbot.waitSignal(window.session.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.session)
    assert window.session.workspace is None
    assert not demo_workspace.is_open, "the keys are dropped"
    text = shown_text(window)
    assert [n for n in names if n in text] == []


def test_unlocking_returns_to_the_same_case(
    window: MainWindow, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    hit = demo_workspace.citizens.mine()[3]
    window.open_case(hit.id)
    settle(qtbot, window.session)
    window.session.lock()
    settle(qtbot, window.session)
    unlock(qtbot, window.session)
    assert window.stack.currentWidget() is window.pages["case"]
    assert hit.first_name in shown_text(window.pages["case"])


def test_the_lock_screen_tells_a_wrong_passphrase_in_words(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.session.lock()
    settle(qtbot, window.session)
    panel = window.unlock_panel
    qtbot.keyClicks(panel.passphrase, "ikke den rigtige")
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    settle(qtbot, window.session)
    assert "Forkert adgangsfrase" in panel.message.text()
    assert window.session.is_locked


def test_idle_time_locks_the_session(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.session.locked, timeout=5_000):
        window.idle.set_interval(100)
    assert window.outer.currentIndex() == 1


def test_the_computers_screen_lock_locks_the_session(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.session.locked):
        window.os_lock.screensaver_changed(True)


def test_discreet_mode_shows_initials_on_every_page(
    window: MainWindow, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    names = full_names(names_of(window))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.session.discreet
    visit_every_page(window, qtbot, demo_workspace.citizens.mine()[0].id)
    text = shown_text(window)
    assert [n for n in names if n in text] == []
    assert window.discreet_label.isVisibleTo(window)


def test_a_copied_cpr_leaves_the_clipboard_after_the_timeout(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.clipboard._timer.setInterval(100)  # 30 s in use
    window.copy_sensitive("010190-1234")
    assert QGuiApplication.clipboard().text() == "010190-1234"
    with qtbot.waitSignal(window.clipboard.expired) as expired:
        pass
    assert expired.args == [True]
    assert QGuiApplication.clipboard().text() == ""


def test_the_clipboard_is_left_alone_if_something_else_was_copied_since(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.clipboard._timer.setInterval(100)
    window.copy_sensitive("22334455")
    QGuiApplication.clipboard().setText("en anden tekst")
    with qtbot.waitSignal(window.clipboard.expired) as expired:
        pass
    assert expired.args == [False]
    assert QGuiApplication.clipboard().text() == "en anden tekst"
