"""The in-process desktop measurements of the benchmark (run by tests.bench.probe)."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

import outreach_app.sync.review  # noqa: F401 - loaded before unlocking, as ui.app.warm_up does
from outreach_app.storage.profile import Profile
from outreach_app.ui import i18n, style
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.session import Session
from tests.bench.vault import PASSPHRASE, open_plain


def app() -> QApplication:
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    i18n.install("da")
    style.apply(application)
    return application


def wait_until(done: Callable[[], bool], timeout: float = 60.0) -> None:
    """Run the event loop until ``done()``. The loop sleeps between events (a busy
    loop here would take the interpreter from the worker thread being measured)."""
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(2)
    check.timeout.connect(lambda: loop.quit() if done() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(int(timeout * 1000))
    check.start()
    if not done():
        loop.exec()
    check.stop()
    if not done():
        raise TimeoutError("the desktop did not get ready")


def open_session(profile: Profile, *, encrypted: bool) -> Session:
    """Unlock as the program does (the worker thread runs the KDF and the index)."""
    session = Session(profile)
    unlock(session, profile, encrypted=encrypted, then=lambda: None)
    wait_until(lambda: not session.is_locked)
    return session


def unlock(
    session: Session, profile: Profile, *, encrypted: bool, then: Callable[[], None]
) -> None:
    """Press "Lås op": open the vault on the worker; ``then()`` when it is open (the
    program closes its start dialog and shows the main window at that moment)."""
    if encrypted:
        session.unlock(PASSPHRASE, done=then, error=_raise)
    else:

        def opened(workspace: Any) -> None:
            session.resume(workspace)
            then()

        session.submit(lambda: open_plain(profile), done=opened, error=_raise)


def _raise(error: BaseException) -> None:
    raise error


def ready_window(session: Session) -> MainWindow:
    """The main window, shown, with the Today page painted with its data."""
    window = MainWindow(session, label="Bench")
    window.show()
    today = window.pages["today"]
    wait_until(lambda: getattr(today, "data", None) is not None)
    window.repaint()
    return window


def today_once(profile: Profile, *, encrypted: bool) -> float:
    """Seconds from pressing "Lås op" to the Today page painted with its data. As in
    the program (ui.app), the main window is built, locked and hidden, while the start
    dialog waits for the passphrase, and shown when the vault is open."""
    session = Session(profile)
    window = MainWindow(session, label="Bench")
    today = window.pages["today"]
    QApplication.processEvents()  # the window's own start-up timers, before the press
    started = time.perf_counter()
    unlock(session, profile, encrypted=encrypted, then=window.show)
    wait_until(lambda: getattr(today, "data", None) is not None)
    window.repaint()
    elapsed = time.perf_counter() - started
    session.close()
    window.deleteLater()
    QApplication.processEvents()
    return elapsed


def search_samples(profile: Profile, *, encrypted: bool, queries: list[str]) -> list[float]:
    session = open_session(profile, encrypted=encrypted)
    window = ready_window(session)
    samples = []
    for query in queries:
        started = time.perf_counter()
        window.search.setText(query)
        wait_until(lambda: not session.busy)
        window.repaint()
        samples.append(time.perf_counter() - started)
    session.close()
    return samples


def measure(metric: str, folder: str, *, encrypted: bool, repeat: int) -> None:
    app()
    profile = Profile(Path(folder))
    samples: list[Any]
    if metric == "today":
        samples = [today_once(profile, encrypted=encrypted) for _ in range(repeat)]
    else:
        queries = json.loads(os.environ.get("OUTREACH_BENCH_QUERIES", "[]"))
        samples = search_samples(profile, encrypted=encrypted, queries=queries)
    sys.stdout.write(json.dumps(samples) + "\n")


def memory(folder: str, *, encrypted: bool) -> None:
    """Resident memory with the Today view shown and every citizen listed."""
    app()
    session = open_session(Profile(Path(folder)), encrypted=encrypted)
    window = ready_window(session)
    window.show_page("citizens")
    window.pages["citizens"].refresh()
    wait_until(lambda: not session.busy)
    window.repaint()
    sys.stdout.write(f"{resident_mb():.1f}\n")
    session.close()


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no /proc/self/status on this system")
