"""Review what synchronisation could not settle alone: conflicts (the central
service kept its value; the consultant's is shown beside it), changes the service
refused, and citizens who left this laptop."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app.ui.session import Session
from outreach_app.ui.widgets import muted

KINDS = {
    "citizens": "Borger",
    "notes": "Notat",
    "plans": "Plan",
    "contacts": "Kontakt",
    "appointments": "Aftale",
    "assignments": "Tilknytning",
    "milestones": "Milepæl",
    "scores": "Progression",
    "consents": "Samtykke",
    "referrals": "Henvisning",
    "partners": "Partner",
    "information": "Ny information",
    "consultants": "Konsulent",
    "offices": "Kontor",
}


def _kind(name: str) -> str:
    return QCoreApplication.translate("SyncReview", KINDS.get(name, name))


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class SyncReviewDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.conflicts: list[Any] = []
        self.setWindowTitle(self.tr("Synkronisering: gennemse"))
        self.resize(820, 460)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._conflict_tab(), self.tr("Konflikter"))
        self.refused = _table([self.tr("Hvad"), self.tr("Svar"), self.tr("Begrundelse")])
        self.tabs.addTab(self.refused, self.tr("Afviste ændringer"))
        self.notices = _table([self.tr("Borger"), self.tr("Hvad skete"), self.tr("Status")])
        self.tabs.addTab(self.notices, self.tr("Meddelelser"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.load()

    def _conflict_tab(self) -> QWidget:
        tab = QWidget()
        self.conflict_table = _table(
            [self.tr("Hvad"), self.tr("Felt"), self.tr("Centralens værdi"), self.tr("Din værdi")]
        )
        self.keep_service = QPushButton(self.tr("Behold centralens værdi"))
        self.keep_mine = QPushButton(self.tr("Brug min værdi"))
        self.keep_service.clicked.connect(lambda: self._resolve(keep_mine=False))
        self.keep_mine.clicked.connect(lambda: self._resolve(keep_mine=True))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep_service)
        row.addWidget(self.keep_mine)
        layout = QVBoxLayout(tab)
        layout.addWidget(
            muted(
                self.tr(
                    "Feltet blev ændret både her og på centralen. Centralens værdi vises nu; "
                    "vælg hvilken der skal gælde."
                )
            )
        )
        layout.addWidget(self.conflict_table, 1)
        layout.addLayout(row)
        return tab

    def load(self) -> None:
        def read(ws: Any) -> Any:
            from outreach_app.sync import review  # noqa: PLC0415

            found = (review.conflicts(ws), review.refused(ws), review.departures(ws))
            review.mark_seen(ws)
            return found

        self.session.run(read, done=self._show, key="sync-review")

    def _show(self, found: Any) -> None:
        conflicts, refused, departures = found
        self.conflicts = conflicts
        _fill(
            self.conflict_table,
            [
                [_kind(c.kind), c.field, _shown(c.service_value), _shown(c.device_value)]
                for c in conflicts
            ],
        )
        if conflicts:
            self.conflict_table.selectRow(0)
        for button in (self.keep_mine, self.keep_service):
            button.setEnabled(bool(conflicts))
        outcomes = {"quarantined": self.tr("Sat i karantæne"), "forbidden": self.tr("Afvist")}
        _fill(
            self.refused,
            [[_kind(r.kind), outcomes.get(r.outcome, r.outcome), r.reason] for r in refused],
        )
        what = {
            "left_scope": self.tr("Overdraget til en anden konsulent"),
            "merged": self.tr("Slået sammen med en borger med samme CPR-nummer"),
        }
        _fill(
            self.notices,
            [
                [
                    self.session.name(d.label, "", _initials(d.label)) or "–",
                    what.get(d.kind, d.kind),
                    self.tr("Fjernet fra denne bærbar") if d.done else self.tr("Venter"),
                ]
                for d in departures
            ],
        )

    def _resolve(self, *, keep_mine: bool) -> None:
        row = self.conflict_table.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict_id = self.conflicts[row].id

        def settle(ws: Any) -> None:
            from outreach_app.sync.review import resolve  # noqa: PLC0415

            resolve(ws, conflict_id, keep_mine=keep_mine)

        self.session.run(settle, done=lambda _: self.load(), changes="all")


def _initials(label: str) -> str:
    return "".join(part[0] + "." for part in label.split() if part)
