"""Starting the desktop program: choose a profile, unlock it, show the main window.

Only Qt and the small profile module are imported before the first window shows;
the storage and services (SQLAlchemy, Alembic) load in the background while the
consultant types the passphrase."""

from __future__ import annotations

import logging
import sys
import threading
from importlib import resources

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


def warm_up() -> None:
    """Import the heavy modules in the background so unlocking does not wait for them."""

    def load_modules() -> None:
        import outreach_app.services.workspace  # noqa: F401, PLC0415

    threading.Thread(target=load_modules, name="warm-up", daemon=True).start()


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
    warm_up()
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
        return 0
    session = dialog.session
    settings.last_profile = str(session.profile.root)
    save(settings)
    from outreach_app.ui.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow(session, label=dialog.chosen_label(), idle_minutes=settings.idle_minutes)
    session.set_discreet(settings.discreet_on_start)
    window.show()
    code = int(app.exec())
    collector.stop()
    return code
