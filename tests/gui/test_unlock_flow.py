"""From pressing "Lås op" to the Today page: the main window is built, locked and
hidden, while the passphrase is typed; the Today page loads before the status bar's
bookkeeping; and background work waits for the rest, is not queued twice, and is
dropped when the session locks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from outreach_app.domain.clock import ManualClock
from outreach_app.storage.profile import Profile, ProfileInfo
from outreach_app.ui import app as desktop
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages import today as today_page
from outreach_app.ui.session import Session
from outreach_app.ui.settings import UiSettings
from outreach_app.ui.unlock import StartDialog, UnlockPanel
from tests.conftest import PASSPHRASE
from tests.gui.conftest import settle


@pytest.fixture
def profiles(demo_template: Path, tmp_path: Path) -> list[ProfileInfo]:
    """Two closed profiles with the demo data (their vaults' snapshots stored)."""
    found = []
    for name in ("profil-1", "profil-2"):
        target = tmp_path / "home" / "profiles" / name
        shutil.copytree(demo_template, target)
        found.append(ProfileInfo(Profile(target), name))
    return found


@pytest.fixture
def order(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the worker ran, of the Today page's load and the status bar's overview."""
    from outreach_app.sync import review

    ran: list[str] = []
    load_today, overview = today_page.load_today, review.overview

    def today(ws: Any) -> Any:
        ran.append("today")
        return load_today(ws)

    def status(ws: Any) -> Any:
        ran.append("overview")
        return overview(ws)

    monkeypatch.setattr(today_page, "load_today", today)
    monkeypatch.setattr(review, "overview", status)
    return ran


@pytest.fixture
def locked_window(
    app: object, profiles: list[ProfileInfo], gui_clock: ManualClock, qtbot: QtBot
) -> Iterator[MainWindow]:
    session = Session(profiles[0].profile, clock=gui_clock)
    window = MainWindow(session, label="Gellerup")
    qtbot.addWidget(window)
    yield window
    session.close()


def test_a_window_built_before_unlocking_shows_today_once_opened(
    locked_window: MainWindow, qtbot: QtBot, order: list[str]
) -> None:
    """Built while locked it holds nothing and starts nothing; opened, the Today page's
    data is read first and the status bar's after it."""
    window, session = locked_window, locked_window.session
    today = window.pages["today"]
    qtbot.wait(20)
    assert session.is_locked and not window.isVisible()
    assert getattr(today, "data", None) is None and order == []
    failures: list[BaseException] = []
    session.unlock(PASSPHRASE, done=window.show, error=failures.append)
    qtbot.waitUntil(lambda: getattr(today, "data", None) is not None, timeout=20_000)
    settle(qtbot, session)
    assert failures == []
    assert window.isVisible() and window.outer.currentIndex() == 0
    assert order[0] == "today" and order.count("overview") >= 1
    assert window.pending_label.text(), "the status bar was filled in after"


def test_background_work_waits_for_the_rest(session: Session, qtbot: QtBot) -> None:
    ran: list[str] = []
    session.run(lambda _ws: ran.append("background"), background=True, key="b")
    session.run(lambda _ws: ran.append("first"))
    session.run(lambda _ws: ran.append("second"))
    settle(qtbot, session)
    assert ran == ["first", "second", "background"]


def test_background_work_not_started_is_not_queued_twice(session: Session, qtbot: QtBot) -> None:
    ran: list[str] = []
    shown: list[object] = []
    for _ in range(3):
        session.run(lambda _ws: ran.append("b"), background=True, key="b", done=shown.append)
    session.run(lambda _ws: ran.append("c"), background=True, key="c")
    settle(qtbot, session)
    assert ran == ["b", "c"]
    assert len(shown) == 1, "its result is delivered"


def test_locking_drops_background_work_not_started(session: Session, qtbot: QtBot) -> None:
    """The status bar's reading is for the workspace being closed: it is dropped, and
    nothing fails for want of a vault."""
    ran: list[str] = []
    failed: list[object] = []
    session.failed.connect(failed.append)
    session.run(lambda _ws: ran.append("background"), background=True, key="b")
    with qtbot.waitSignal(session.settled, timeout=10_000):
        session.lock()
    qtbot.wait(50)
    assert ran == [] and failed == []
    assert session.is_locked and not session.busy


def test_the_start_dialog_gets_a_window_in_waiting(
    app: object, profiles: list[ProfileInfo], qtbot: QtBot, order: list[str]
) -> None:
    """Once the modules are loaded, the chosen profile's window is built (locked, not
    shown); another profile chosen gets its own; unlocking shows the one built."""
    dialog = StartDialog(
        profiles, preferred=str(profiles[0].profile.root), recovery_key=lambda: None
    )
    qtbot.addWidget(dialog)
    waiting = desktop.WindowInWaiting(dialog, UiSettings(discreet_on_start=True))
    dialog.accepted.connect(waiting.show)
    assert waiting.window is None, "nothing is built before the modules are loaded"
    waiting.modules_loaded()
    first = waiting.window
    assert first is not None and first.session is dialog.session
    assert first.session.is_locked and not first.isVisible()
    assert first.session.discreet
    dialog.chooser.setCurrentIndex(1)
    second = waiting.window
    assert second is not first and second.session is dialog.session
    assert second.session.profile == profiles[1].profile
    panel = dialog.pages.currentWidget()
    assert isinstance(panel, UnlockPanel)
    panel.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        panel.button.click()
    assert waiting.shown is second and second.isVisible()
    today = second.pages["today"]
    qtbot.waitUntil(lambda: getattr(today, "data", None) is not None, timeout=20_000)
    waiting.modules_loaded()  # late: builds nothing more
    assert waiting.window is None
    second.session.close()
    second.sync.shutdown()
    second.close()


def test_warm_up_loads_the_modules_and_says_so(app: object, qtbot: QtBot) -> None:
    loaded: list[bool] = []
    desktop.warm_up(ready=lambda: loaded.append(True))
    qtbot.waitUntil(lambda: loaded == [True], timeout=60_000)
