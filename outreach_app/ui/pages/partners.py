"""The Partnere page (to be built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import heading


class PartnersPage(Page):
    name = "partners"

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(QLabel(self.tr("Kommer snart.")))
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Partnere")
