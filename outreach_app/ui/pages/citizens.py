"""The Borgere page: the result of the global search, or all my citizens.

The main window calls ``search_for(text)`` at every keystroke; the search runs on the
session's worker with one key, so an older result never overtakes a newer one.
Enter in the search field calls ``open_first()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from outreach_app.services.search import CitizenHit
from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.models import CitizenHitModel, citizen_table
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import heading, muted

log = logging.getLogger(__name__)


class CitizensPage(Page):
    name = "citizens"
    kinds = frozenset({"all", "citizens"})

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self._query = ""  # what was asked last
        self._shown = ""  # what the table shows the answer to
        self._loaded = False
        self._stale = True
        self._open_when_ready = False
        self.model = CitizenHitModel(session, self)
        self.table = citizen_table(self.model, accessible_name=self.tr("Borgere"))
        self.table.activated.connect(self._open_index)
        self.table.setColumnHidden(CitizenHitModel.CPR, session.discreet)
        self.summary = muted("")
        self.empty_text = muted("")
        self.register_button = QPushButton(self.tr("Registrér ny borger"))
        self.register_button.clicked.connect(self._register)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self._empty_state())
        self._layout()

    def title(self) -> str:
        return self.tr("Borgere")

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 12)
        layout.addWidget(heading(self.title()))
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)

    def _empty_state(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 18, 0, 0)
        self.empty_text.setObjectName("h2")
        layout.addWidget(self.empty_text)
        layout.addWidget(
            muted(
                self.tr(
                    "Søg på fornavn, efternavn, CPR-nummer eller telefonnummer. "
                    "Er borgeren ny, så registrér vedkommende med det, du ved nu."
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.register_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return box

    # -- what the main window calls ------------------------------------------------------

    def search_for(self, text: str) -> None:
        """Show the citizens matching ``text`` (all my citizens when it is empty)."""
        self._query = text.strip()
        self._open_when_ready = False
        self._load()

    def open_first(self) -> None:
        """Open the top hit (Enter in the search field); with no hit, offer to register."""
        if self._loaded and self._shown == self._query:
            self._open_top()
        else:
            self._open_when_ready = True  # the answer is on its way

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.isVisible():
            self._load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        query = self._query
        self._stale = False

        def work(ws):
            return ws.citizens.search(query) if query else ws.citizens.mine()

        self.session.run(work, done=lambda hits: self._show(query, hits), key="search")

    def _show(self, query: str, hits: list[CitizenHit]) -> None:
        self._shown, self._loaded = query, True
        self.model.set_hits(hits)
        self._show_summary(query, len(hits))
        if hits:
            self.table.selectRow(0)
        self.stack.setCurrentIndex(0 if hits else 1)
        if self._open_when_ready and query == self._query:
            self._open_when_ready = False
            self._open_top()

    def _show_summary(self, query: str, count: int) -> None:
        self.summary.setVisible(count > 0)
        if query:
            self.summary.setText(
                self.tr("%n borger(e) fundet. Enter åbner den øverste.", "", count)
            )
            self.empty_text.setText(self.tr("Ingen borger fundet."))
            self.register_button.setText(self.tr("Registrér ny borger med det søgte (Enter)"))
        else:
            self.summary.setText(self.tr("Alle dine borgere: %n", "", count))
            self.empty_text.setText(self.tr("Du har ingen borgere endnu."))
            self.register_button.setText(self.tr("Registrér ny borger"))

    # -- opening --------------------------------------------------------------------------

    def _open_top(self) -> None:
        hit = self.model.hit(0)
        if hit is not None:
            self.nav.open_case(hit.id)
        elif self._query:
            self._register()

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None:
            self.nav.open_case(hit.id)

    def _register(self) -> None:
        self.nav.register_walk_in(text=self._query)

    # -- privacy ------------------------------------------------------------------------

    def redraw(self) -> None:
        self.table.setColumnHidden(CitizenHitModel.CPR, self.session.discreet)
        self.model.redraw()

    def clear(self) -> None:
        self.model.clear()
        self._query = self._shown = ""
        self._loaded = False
        self._stale = True
        self._open_when_ready = False
        self.summary.clear()
        self.empty_text.clear()
        self.stack.setCurrentIndex(0)
