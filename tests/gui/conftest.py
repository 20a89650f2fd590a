"""Fixtures for the desktop tests: real widgets offscreen, a real vault with
synthetic data, a fixed clock, and a way to wait for background operations."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from outreach_app.crypto.recovery import RecoveryPrivateKey
from outreach_app.domain.clock import ManualClock
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage.profile import Profile
from outreach_app.ui import i18n, style
from outreach_app.ui.collector import GuiThreadCollector
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.session import Session
from tests.conftest import PASSPHRASE, START, fast_kdf


def settle(qtbot: QtBot, session: Session, timeout: int = 10_000) -> None:
    """Wait until every background operation has delivered its result."""
    if session.busy:
        with qtbot.waitSignal(session.settled, timeout=timeout):
            pass


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings and profiles of the tests live in their own folder."""
    monkeypatch.setenv("OUTREACH_HOME", str(tmp_path / "home"))


@pytest.fixture
def gui_clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def language() -> str:
    return "da"


@pytest.fixture(scope="session")
def _collector(qapp: object) -> Iterator[GuiThreadCollector]:
    """As in the program: cycles are collected on the GUI thread only."""
    collector = GuiThreadCollector()
    yield collector
    collector.stop()


@pytest.fixture
def app(qapp: object, language: str, _collector: GuiThreadCollector) -> object:
    i18n.install(language)
    style.apply(qapp)  # type: ignore[arg-type]
    return qapp


@pytest.fixture
def empty_workspace(tmp_path: Path, gui_clock: ManualClock) -> Iterator[Workspace]:
    profile = Profile(tmp_path / "home" / "profiles" / "profil-1")
    ws = Workspace.create(
        profile,
        PASSPHRASE,
        NewProfile("Karin Holm", "Gellerup"),
        recovery=RecoveryPrivateKey.generate().public,
        clock=gui_clock,
        kdf=fast_kdf(),
    )
    yield ws
    if ws.is_open:
        ws.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One vault with 40 synthetic citizens, made once; each test opens a copy."""
    from outreach_app.services.demo import populate_demo

    folder = tmp_path_factory.mktemp("template") / "profil-1"
    ws = Workspace.create(
        Profile(folder),
        PASSPHRASE,
        NewProfile("Karin Holm", "Gellerup"),
        recovery=RecoveryPrivateKey.generate().public,
        clock=ManualClock(START),
        kdf=fast_kdf(),
    )
    populate_demo(ws, citizens=40, seed=5)
    ws.close()
    return folder


@pytest.fixture
def demo_workspace(
    demo_template: Path, tmp_path: Path, gui_clock: ManualClock
) -> Iterator[Workspace]:
    target = tmp_path / "home" / "profiles" / "profil-1"
    shutil.copytree(demo_template, target)
    ws = Workspace.open(Profile(target), PASSPHRASE, clock=gui_clock)
    yield ws
    if ws.is_open:
        ws.close()


@pytest.fixture
def session(app: object, demo_workspace: Workspace, qtbot: QtBot) -> Iterator[Session]:
    session = Session(demo_workspace.vault.profile, clock=demo_workspace.clock)
    session.resume(demo_workspace)
    yield session
    session.wait()


@pytest.fixture
def window(session: Session, qtbot: QtBot) -> Iterator[MainWindow]:
    window = MainWindow(session, label="Gellerup")
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, session)
    yield window
    session.wait()
