"""The note editor (to be built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import heading


class NotePage(Page):
    name = "note"

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self.note_id: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Notat")))
        layout.addWidget(QLabel(self.tr("Kommer snart.")))
        layout.addStretch(1)

    def start(self, citizen_id: str, *, kind: str, appointment_id: str | None) -> None:
        del citizen_id, kind, appointment_id

    def load(self, note_id: str) -> None:
        self.note_id = note_id
