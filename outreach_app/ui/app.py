"""Starting the desktop program: choose a profile, unlock it, show the main window.

This is the first, small version of the desktop; the full screens come with the
desktop issue (#3)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from outreach_app.services.workspace import Workspace
from outreach_app.storage.errors import UnlockThrottled, VaultError, WrongPassphraseError
from outreach_app.storage.profile import Profile, demo_profile, list_profiles

log = logging.getLogger(__name__)


class UnlockDialog(QDialog):
    """Asks for the passphrase until the vault opens or the user gives up."""

    def __init__(self, profile: Profile, label: str) -> None:
        super().__init__()
        self.profile = profile
        self.workspace: Workspace | None = None
        self.setWindowTitle(self.tr("Lås op – Outreach"))
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Adgangsfrase"))
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #a40000")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lås op"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annullér"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Profil: %s") % label))
        layout.addWidget(QLabel(self.tr("Adgangsfrase:")))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _try(self) -> None:
        try:
            self.workspace = Workspace.open(self.profile, self.passphrase.text())
        except WrongPassphraseError as exc:
            wait = self.tr(" Vent %d sekunder før næste forsøg.") % exc.retry_after
            self.message.setText(
                self.tr("Forkert adgangsfrase.") + (wait if exc.retry_after else "")
            )
            self.passphrase.selectAll()
            return
        except UnlockThrottled as exc:
            self.message.setText(
                self.tr("For mange forkerte forsøg. Vent %d sekunder.") % exc.retry_after
            )
            return
        except VaultError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class MainWindow(QMainWindow):
    """A first main window: find a citizen by name, CPR or phone."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(self.tr("Outreach – %s") % workspace.office().name)
        self.search = QLineEdit(placeholderText=self.tr("Søg: navn, CPR eller telefon"))
        self.search.textChanged.connect(self._refresh)
        self.results = QListWidget()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        self.setCentralWidget(body)
        self.resize(720, 520)
        self._refresh("")

    def _refresh(self, text: str) -> None:
        hits = (
            self.workspace.citizens.search(text) if text.strip() else self.workspace.citizens.mine()
        )
        self.results.clear()
        for hit in hits[:500]:
            self.results.addItem(f"{hit.display_name}    {hit.masked_cpr}")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.workspace.close()
        super().closeEvent(event)


def _choose_profile(profile: Profile | None) -> tuple[Profile, str] | None:
    if profile is not None:
        return profile, profile.root.name
    found = list_profiles()
    if found:
        return found[0].profile, found[0].label
    demo = demo_profile()
    return (demo, "Demo") if demo.exists() else None


def run(*, profile: Profile | None) -> int:
    """Run the desktop program until its window closes; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Outreach")
    chosen = _choose_profile(profile)
    if chosen is None:
        QMessageBox.information(
            None, "Outreach", "Der er ingen profil endnu. Opret en med 'outreach-app init'."
        )
        return 1
    dialog = UnlockDialog(*chosen)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.workspace is None:
        return 0
    window = MainWindow(dialog.workspace)
    window.show()
    return int(app.exec())
