"""``make screenshots``: every main screen and dialog on synthetic demo data, in
Danish and English, normal and discreet, rendered offscreen to PNG files.

    python -m tests.gui.screenshots --out build/screenshots
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from outreach_app.crypto.kdf import KdfParams, new_salt
from outreach_app.crypto.recovery import RecoveryPrivateKey
from outreach_app.domain.clock import DANISH_TIME, ManualClock
from outreach_app.services.demo import populate_demo
from outreach_app.services.workspace import NewProfile, Workspace
from outreach_app.storage.profile import Profile, ProfileInfo
from outreach_app.ui import i18n, style
from outreach_app.ui.collector import GuiThreadCollector
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.session import Session
from outreach_app.ui.unlock import StartDialog

log = logging.getLogger(__name__)

PASSPHRASE = "skærmbilleder til dokumentation"
MOMENT = datetime(2026, 3, 3, 10, 15, tzinfo=DANISH_TIME)  # a Tuesday morning


def settle(session: Session) -> None:
    """Let every background operation finish and its result reach the screen."""
    for _ in range(50):
        session.wait()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not session.busy:
            break
    QCoreApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    QCoreApplication.processEvents()
    widget.grab().save(str(path))
    log.info("%s", path.name)


def make_workspace(folder: Path, clock: ManualClock) -> Workspace:
    profile = Profile(folder / "profiles" / "demo")
    ws = Workspace.create(
        profile,
        PASSPHRASE,
        NewProfile("Karin Holm", "Gellerup"),
        recovery=RecoveryPrivateKey.generate().public,
        clock=clock,
        kdf=KdfParams(8 * 1024, 1, 1, new_salt()),
    )
    populate_demo(ws, citizens=150, seed=1)
    return ws


@contextmanager
def window_for(workspace: Workspace, *, discreet: bool) -> Iterator[tuple[MainWindow, Session]]:
    session = Session(workspace.vault.profile, clock=workspace.clock)
    session.resume(workspace)
    window = MainWindow(session, label="Gellerup")
    window.resize(1280, 800)
    window.show()
    session.set_discreet(discreet)
    settle(session)
    try:
        yield window, session
    finally:
        session.wait()
        window.hide()
        window.deleteLater()


def pages(window: MainWindow, session: Session, out: Path, prefix: str) -> None:
    for name in ("today", "citizens", "queue", "agenda", "partners", "reports"):
        window.show_page(name)
        window.pages[name].refresh()
        settle(session)
        save(window, out / f"{prefix}-{name}.png")
    reports_tabs(window, session, out, prefix)
    window.search.setText("ah")
    settle(session)
    save(window, out / f"{prefix}-search.png")
    window.search.clear()
    settle(session)


def reports_tabs(window: MainWindow, session: Session, out: Path, prefix: str) -> None:
    """Each chart and table of the Rapporter page (the first is in -reports.png)."""
    tabs = window.pages["reports"].findChild(QTabWidget)
    if tabs is None:
        return
    for index in range(1, tabs.count()):
        tabs.setCurrentIndex(index)
        settle(session)
        save(window, out / f"{prefix}-reports-{index + 1}.png")
    tabs.setCurrentIndex(0)


def case_and_note(window: MainWindow, session: Session, out: Path, prefix: str) -> None:
    citizen = _busiest_citizen(session)
    window.open_case(citizen)
    settle(session)
    tabs = window.pages["case"].findChild(QTabWidget)
    for index in range(tabs.count() if tabs else 1):
        if tabs:
            tabs.setCurrentIndex(index)
        settle(session)
        settle(session)  # the progression chart loads matplotlib on the worker first
        save(window, out / f"{prefix}-case-{index + 1}.png")
    window.new_note(citizen)
    settle(session)
    save(window, out / f"{prefix}-note.png")


def _busiest_citizen(session: Session) -> str:
    """The citizen with the most notes, so every tab of the case has content."""
    query = (
        "SELECT citizen_id, count(*) AS n FROM notes GROUP BY citizen_id ORDER BY n DESC LIMIT 1"
    )
    with session.workspace.vault.read() as connection:
        return str(connection.exec_driver_sql(query).scalar_one())


def dialogs(window: MainWindow, session: Session, out: Path, prefix: str) -> None:
    """Each dialog, opened the way a consultant opens it."""
    citizen = session.workspace.citizens.mine()[0].id
    for name, make in _dialog_makers(window, session, citizen).items():
        dialog = make()
        if dialog is None:
            continue
        dialog.show()
        settle(session)
        save(dialog, out / f"{prefix}-dialog-{name}.png")
        dialog.reject()
        dialog.deleteLater()


def _dialog_makers(
    window: MainWindow, session: Session, citizen: str
) -> dict[str, Callable[[], QDialog | None]]:
    def maker(module: str, cls: str, **kwargs: object) -> Callable[[], QDialog | None]:
        def make() -> QDialog | None:
            try:
                imported = __import__(f"outreach_app.ui.dialogs.{module}", fromlist=[cls])
            except ImportError:
                return None
            return getattr(imported, cls)(session, parent=window, **kwargs)

        return make

    from outreach_app.ui.dialogs.settings import SettingsDialog

    return {
        "register": maker("register", "RegisterDialog", text="Amina 22 33 44 55"),
        "appointment": maker("appointment", "AppointmentDialog", citizen_id=citizen),
        "consent": lambda: _positional("consent", "ConsentDialog", session, citizen, window),
        "referral": maker("referral", "ReferralDialog", citizen_id=citizen),
        "partner": maker("partner", "PartnerDialog"),
        "settings": lambda: SettingsDialog(window),
    }


def _positional(
    module: str, cls: str, session: Session, citizen: str, parent: QWidget
) -> QDialog | None:
    try:
        imported = __import__(f"outreach_app.ui.dialogs.{module}", fromlist=[cls])
    except ImportError:
        return None
    return getattr(imported, cls)(session, citizen, parent=parent)


def start_and_lock(workspace: Workspace, out: Path, prefix: str) -> None:
    dialog = StartDialog(
        [ProfileInfo(workspace.vault.profile, "Gellerup")], recovery_key=lambda: None
    )
    dialog.show()
    QCoreApplication.processEvents()
    save(dialog, out / f"{prefix}-start.png")
    dialog.reject()
    dialog.deleteLater()


def lock_screen(window: MainWindow, session: Session, out: Path, prefix: str) -> None:
    session.lock()
    settle(session)
    save(window, out / f"{prefix}-locked.png")


def run(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    collector = GuiThreadCollector(app)
    style.apply(app)  # type: ignore[arg-type]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="outreach-shots-") as folder:
        os.environ["OUTREACH_HOME"] = folder
        clock = ManualClock(MOMENT)
        workspace = make_workspace(Path(folder), clock)
        for language in ("da", "en"):
            i18n.install(language)
            start_and_lock(workspace, out, language)
            for discreet in (False, True):
                prefix = f"{language}-{'discreet' if discreet else 'normal'}"
                with window_for(workspace, discreet=discreet) as (window, session):
                    pages(window, session, out, prefix)
                    case_and_note(window, session, out, prefix)
                    dialogs(window, session, out, prefix)
        with window_for(workspace, discreet=False) as (window, session):
            lock_screen(window, session, out, "da")
    collector.stop()
    QTimer.singleShot(0, app.quit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.gui.screenshots")
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("outreach_app").setLevel(logging.WARNING)
    run(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
