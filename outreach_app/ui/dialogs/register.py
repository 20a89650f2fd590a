"""Registering a walk-in (to be built)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from outreach_app.ui.session import Session


class RegisterDialog(QDialog):
    registered = Signal(str)  # the citizen's id
    open_existing = Signal(str)

    def __init__(self, session: Session, *, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Registrér borger"))
        QVBoxLayout(self).addWidget(QLabel(self.tr("Kommer snart.")))
        del text
