# ruff: noqa: F811 - pytest fixtures imported from tests.sync.conftest are parameters here
"""The desktop's synchronisation: Sync now, the status bar, and the page a laptop
offline too long shows instead of the work. Against the real central service."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.session import Session
from tests.gui.conftest import settle
from tests.sync.conftest import (  # noqa: F401 - fixtures
    Device,
    Office,
    devices,
    office,
    pg_cluster,
    server,
)
from tests.sync.test_end_to_end import walk_in

SHOTS = Path("build/screenshots")


@pytest.fixture
def karin(office: Office, devices: Any) -> Device:
    device: Device = devices(office, "Karin")
    walk_in(device, "Ayaan")
    return device


@contextmanager
def window_of(device: Device, qtbot: QtBot) -> Iterator[MainWindow]:
    """The desktop's main window on the laptop's open vault, shown; its sync worker
    stopped on leaving."""
    session = Session(device.ws.vault.profile, clock=device.clock)
    window = MainWindow(session, label="Gellerup")
    qtbot.addWidget(window)
    session.resume(device.ws)
    window.show()
    settle(qtbot, session)
    try:
        yield window
    finally:
        window.sync.wait()
        session.wait()
        window.sync.shutdown()


@pytest.fixture
def synced_window(app: object, karin: Device, qtbot: QtBot) -> Iterator[MainWindow]:
    with window_of(karin, qtbot) as window:
        yield window


def sync_now(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(
        window.sync.running_changed, timeout=30_000, check_params_cb=lambda r: not r
    ):
        window.sync_button.click()
    settle(qtbot, window.session)


def test_sync_now_sends_everything_and_says_when(
    synced_window: MainWindow, qtbot: QtBot, karin: Device
) -> None:
    window = synced_window
    assert window.sync_button.isVisible()
    assert "venter" in window.pending_label.text()
    sync_now(qtbot, window)
    assert karin.ws.pending_changes() == 0
    assert window.pending_label.text().startswith("0 ")
    assert window.sync_label.text().startswith("Synkroniseret: ")
    assert "mislykkedes" not in window.sync_label.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "sync_status_da.png"))


def test_an_unreachable_service_is_said_in_words_and_keeps_the_changes(
    synced_window: MainWindow, qtbot: QtBot, karin: Device
) -> None:
    karin.point_at("https://127.0.0.1:9")  # nothing listens there
    sync_now(qtbot, synced_window)
    assert "mislykkedes" in synced_window.sync_label.text()
    assert "kan ikke nås" in synced_window.sync_label.toolTip()
    assert karin.ws.pending_changes() > 0


def test_a_laptop_offline_too_long_shows_only_the_sync_page(
    synced_window: MainWindow, qtbot: QtBot, karin: Device
) -> None:
    window = synced_window
    karin.clock.advance(timedelta(days=15))
    window.sync.refresh()
    qtbot.waitUntil(lambda: window.outer.currentIndex() == 2, timeout=5000)
    assert not window.actions_by_name["Ctrl+N"].isEnabled()
    assert "15 dage" in window.must_sync_text.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "must_sync_da.png"))
    sync_now(qtbot, window)
    qtbot.waitUntil(lambda: window.outer.currentIndex() == 0, timeout=5000)
    assert window.actions_by_name["Ctrl+N"].isEnabled()


def test_a_new_profile_made_with_an_enrolment_code_is_enrolled(
    app: object, office: Office, qtbot: QtBot
) -> None:
    from outreach_app.sync import state as sync_state
    from outreach_app.ui.unlock import StartDialog
    from tests.conftest import PASSPHRASE

    dialog = StartDialog([], recovery_key=lambda: None)  # no recovery key file on this laptop
    qtbot.addWidget(dialog)
    form = dialog.form
    form.name.setText("Karin Holm")
    form.office.setText("Gellerup")
    form.passphrase.setText(PASSPHRASE)
    form.repeat.setText(PASSPHRASE)
    form.code.setText(office.code("Karin"))
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        form.button.click()
    assert dialog.session is not None
    workspace = dialog.session.workspace
    state = sync_state.load(workspace.vault)
    assert state is not None and workspace.me_id == office.consultant("Karin")
    dialog.session.close()


def test_a_second_laptop_receives_the_walk_in_on_sync_now_and_finds_it(
    app: object, office: Office, devices: Any, karin: Device, qtbot: QtBot
) -> None:
    """The walk-in written on Karin's laptop reaches her second laptop through the
    service: Sync now in the second laptop's window, then a search finds her."""
    from tests.gui.test_citizens import names_shown, search

    karin.sync()
    with window_of(devices(office, "Karin"), qtbot) as window:
        session = window.session
        assert "Ayaan" not in names_shown(search(qtbot, window, session, "Ayaan"))
        sync_now(qtbot, window)
        window.search.clear()
        assert "Ayaan" in names_shown(search(qtbot, window, session, "Ayaan"))
        assert "mislykkedes" not in window.sync_label.text()
