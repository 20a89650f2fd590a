"""Synchronisation in the desktop: runs by itself, never blocks the screen, and says
where it stands in the status bar.

A sync runs on its own thread (network waits must not hold up the vault worker that
serves the screens); the vault's writes are short transactions, so the consultant
keeps working meanwhile. It starts shortly after unlocking, every few minutes, when
the network comes back, and on "Synkroniser nu". After a failure the pause grows,
up to half an hour.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from outreach_app.ui.session import Session

log = logging.getLogger(__name__)

INTERVAL_MS = 5 * 60 * 1000
FIRST_MS = 3000
MAX_PAUSE_MS = 30 * 60 * 1000
CLOSE_WAIT_SECONDS = 40.0

#: The last error's class (kept in the vault) in the consultant's words.
ERRORS: dict[str, object] = {
    "Unreachable": QT_TRANSLATE_NOOP(
        "Sync", "Centralen kan ikke nås. Ændringerne gemmes her og sendes senere."
    ),
    "Unavailable": QT_TRANSLATE_NOOP(
        "Sync", "Centralen er optaget eller nede. Ændringerne sendes senere."
    ),
    "BadAnswer": QT_TRANSLATE_NOOP(
        "Sync", "Centralen svarede noget uforståeligt. Intet er tabt; der prøves igen senere."
    ),
    "CertificateMismatch": QT_TRANSLATE_NOOP(
        "Sync",
        "Serveren viste et andet certifikat end centralens. Intet blev sendt. Kontakt IT.",
    ),
    "ProtocolMismatch": QT_TRANSLATE_NOOP(
        "Sync", "Centralen kræver en nyere udgave af programmet. Kontakt IT."
    ),
    "Unauthorised": QT_TRANSLATE_NOOP(
        "Sync", "Centralen kender ikke denne bærbar. Bed hovedkontoret om en ny tilmelding."
    ),
    "NotEnrolled": QT_TRANSLATE_NOOP("Sync", "Denne bærbar er ikke tilmeldt centralen."),
}


def error_words(code: str) -> str:
    text = ERRORS.get(code)
    if text is None:
        return QCoreApplication.translate("Sync", "Synkroniseringen mislykkedes.")
    return QCoreApplication.translate("Sync", str(text))


class _Relay(QObject):
    finished = Signal(object, object)  # report, error


class SyncController(QObject):
    """Starts syncs and tells the window how things stand."""

    overview_changed = Signal(object)  # outreach_app.sync.review.Overview
    running_changed = Signal(bool)
    synced = Signal(object)  # the SyncReport of a completed sync
    failed = Signal(str)  # the error's class name
    destroyed_vault = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.enrolled = False
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync")
        self._future: Future[None] | None = None
        self._failures = 0
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        session.unlocked.connect(self._unlocked)
        session.about_to_lock.connect(self.timer.stop)
        session.close_guards.append(self.wait)
        # loading Qt's network-information plugin takes ~13 ms: not before the window shows
        QTimer.singleShot(0, self._watch_network)

    @property
    def running(self) -> bool:
        return self._future is not None and not self._future.done()

    # -- starting ---------------------------------------------------------------------

    def _unlocked(self) -> None:
        self.refresh()
        self._schedule(FIRST_MS)

    def _schedule(self, milliseconds: int) -> None:
        if not self.session.is_locked:
            self.timer.start(milliseconds)

    @Slot()
    def sync_now(self) -> None:
        workspace = self.session.workspace
        if workspace is None or self.running or not self.enrolled:
            return
        self.running_changed.emit(True)
        self._future = self._executor.submit(self._run, workspace)

    def _run(self, workspace: Any) -> None:
        """On the sync thread."""
        from outreach_app.sync.engine import SyncEngine  # noqa: PLC0415 - only when enrolled

        try:
            report = SyncEngine(workspace).run()
        except Exception as error:
            error.__traceback__ = None
            self._relay.finished.emit(None, error)
        else:
            self._relay.finished.emit(report, None)

    @Slot(object, object)
    def _finished(self, report: Any, error: BaseException | None) -> None:
        self.running_changed.emit(False)
        if report is not None and report.destroyed:
            self.destroyed_vault.emit()
            return
        if error is not None:
            self._failures += 1
            log.warning("sync failed: %s", type(error).__name__)
            self.failed.emit(type(error).__name__)
            pause = min(INTERVAL_MS * 2 ** (self._failures - 1), MAX_PAUSE_MS)
            self._schedule(pause if getattr(error, "transient", False) else MAX_PAUSE_MS)
        else:
            self._failures = 0
            if report.citizens_changed:
                self.session.run(lambda ws: ws.reload_index(), changes="all")
            self.synced.emit(report)
            self._schedule(INTERVAL_MS)
        self.refresh()

    # -- status -----------------------------------------------------------------------

    def refresh(self) -> None:
        def overview(ws: Any) -> Any:
            from outreach_app.sync.review import overview as read  # noqa: PLC0415

            return read(ws)

        self.session.run(overview, done=self._show, key="sync-overview", background=True)

    def _show(self, overview: Any) -> None:
        self.enrolled = bool(overview.enrolled)
        self.overview_changed.emit(overview)

    # -- network and closing --------------------------------------------------------------

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415
        except ImportError:
            return
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        if reachability == QNetworkInformation.Reachability.Online:
            self._failures = 0
            self._schedule(FIRST_MS)

    def wait(self) -> None:
        """Let a running sync finish before the vault closes (runs on the vault worker)."""
        future = self._future
        if future is not None:
            wait_for([future], timeout=CLOSE_WAIT_SECONDS)

    def shutdown(self) -> None:
        self.timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)


def when(moment: datetime | None) -> str:
    """A sync time as the status bar shows it."""
    if moment is None:
        return QCoreApplication.translate("Sync", "aldrig")
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d.%m. %H:%M")
