"""Starting the desktop program: choose a profile, unlock it, show the main window.

Only Qt and the small profile module are imported before the first window shows;
the storage and services (SQLAlchemy, Alembic), the main window's modules and the
sync status's load in the background while the consultant types the passphrase, and
then the main window is built, still locked and hidden, so that unlocking only has
to open the vault and fill the Today page."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from importlib import resources
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from outreach_app.storage.profile import Profile, ProfileInfo, data_home, list_profiles
from outreach_app.ui import i18n, style
from outreach_app.ui.collector import GuiThreadCollector
from outreach_app.ui.settings import UiSettings, load, save
from outreach_app.ui.unlock import StartDialog

log = logging.getLogger(__name__)


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    app.setApplicationName("Outreach")
    app.setOrganizationName("outreach-app")
    icon = resources.files("outreach_app.resources") / "icons" / "outreach-app-256.png"
    app.setWindowIcon(QIcon(str(icon)))
    app.setDesktopFileName("outreach-app")  # lets Wayland match the window to its menu entry
    return app


def prepare(app: QApplication, settings: UiSettings) -> None:
    """Language and look, before any window exists."""
    i18n.install(settings.language)
    style.apply(app)


class _Loaded(QObject):
    """Tells the GUI thread that the warm-up thread has imported everything."""

    done = Signal()


def warm_up(ready: Callable[[], None] | None = None) -> None:
    """Import the heavy modules in the background so unlocking does not wait for them;
    then ``ready()`` runs on the GUI thread. (Only modules are loaded on that thread:
    no Qt object is made there.)"""
    relay = _Loaded()
    if ready is not None:
        relay.done.connect(ready, Qt.ConnectionType.QueuedConnection)

    def load_modules() -> None:
        import outreach_app.services.workspace  # noqa: PLC0415
        import outreach_app.sync.review  # noqa: PLC0415 - the status bar's, after unlock
        import outreach_app.ui.main_window  # noqa: F401, PLC0415

        relay.done.emit()

    _warm_ups.append(relay)  # kept alive until the signal is delivered
    threading.Thread(target=load_modules, name="warm-up", daemon=True).start()


_warm_ups: list[_Loaded] = []


class WindowInWaiting:
    """The main window for the profile chosen in the start dialog, built (locked, not
    shown) while the passphrase is typed: building it takes longer than anything but
    the key derivation, and it holds nothing personal until the vault is open. A
    different profile chosen gets a window of its own; the unused one is dropped."""

    def __init__(self, dialog: StartDialog, settings: UiSettings) -> None:
        self._dialog = dialog
        self._settings = settings
        self._loaded = False
        self._finished = False  # the window was taken or the dialog closed
        self.window: Any = None
        self.shown: Any = None
        dialog.session_changed.connect(self.prepare)

    def modules_loaded(self) -> None:
        self._loaded = True
        self.prepare()

    def prepare(self) -> None:
        """Build the window for the dialog's session, if the modules are loaded (until
        then the GUI thread stays free for the dialog)."""
        session = self._dialog.session
        if self._finished or not self._loaded or session is None or self._for(session):
            return
        self.discard()
        self.window = main_window(session, self._dialog.chosen_label(), self._settings)

    def show(self) -> None:
        """The profile is open: show its window (the one built while waiting, or a new
        one for a profile just made)."""
        session = self._dialog.session
        if session is None:
            return
        if not self._for(session):
            self.discard()
            self.window = main_window(session, self._dialog.chosen_label(), self._settings)
        self.shown, self.window = self.window, None
        self._finished = True
        self.shown.show()

    def discard(self) -> None:
        """Drop the window built for nothing (another profile, or the dialog closed)."""
        if self.window is not None:
            self.window.deleteLater()
            self.window = None

    def finish(self) -> None:
        self._finished = True
        self.discard()

    def _for(self, session: Any) -> bool:
        return self.window is not None and self.window.session is session


def main_window(session: Any, label: str, settings: UiSettings) -> Any:
    from outreach_app.ui.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow(session, label=label, idle_minutes=settings.idle_minutes)
    session.set_discreet(settings.discreet_on_start)
    return window


def profiles_for(profile: Profile | None) -> list[ProfileInfo]:
    found = list_profiles()
    if profile is not None and all(p.profile.root != profile.root for p in found):
        found.insert(0, ProfileInfo(profile, profile.root.name))
    return found


def recovery_key() -> object | None:
    from outreach_app.services.orgkey import find_recovery_public_key  # noqa: PLC0415

    return find_recovery_public_key()


def run(*, profile: Profile | None) -> int:
    """Run the desktop program until its window closes; returns the exit code."""
    from outreach_app.logsetup import configure  # noqa: PLC0415

    configure(log_dir=data_home() / "logs")
    app = application()
    collector = GuiThreadCollector(app)
    settings = load()
    prepare(app, settings)
    preferred = str(profile.root) if profile else settings.last_profile
    dialog = StartDialog(profiles_for(profile), preferred=preferred, recovery_key=recovery_key)
    dialog.show()
    waiting = WindowInWaiting(dialog, settings)
    dialog.accepted.connect(waiting.show)  # at once: the Today page starts loading
    warm_up(ready=waiting.modules_loaded)
    if dialog.exec() != QDialog.DialogCode.Accepted or waiting.shown is None:
        waiting.finish()
        return 0
    window = waiting.shown
    settings.last_profile = str(window.session.profile.root)
    save(settings)
    code = int(app.exec())
    collector.stop()
    return code
