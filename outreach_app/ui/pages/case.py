"""The case view (to be built): one citizen's record."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import heading


class CasePage(Page):
    name = "case"

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self.citizen_id: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Borger")))
        layout.addWidget(QLabel(self.tr("Kommer snart.")))
        layout.addStretch(1)

    def show_citizen(self, citizen_id: str, tab: str | None = None) -> None:
        self.citizen_id = citizen_id
        del tab
