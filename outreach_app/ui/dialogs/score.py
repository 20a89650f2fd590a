"""A new progression score: one life area, 1 to 10, on a day, with a short note."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.progression import LifeArea, ProgressionScore
from outreach_app.ui.dialogs.citizen_picker import when_alive
from outreach_app.ui.errors import describe
from outreach_app.ui.pages.note import from_qdate, to_qdate, today_of
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, muted

log = logging.getLogger(__name__)

_AREA = {
    LifeArea.HEALTH: QT_TRANSLATE_NOOP("Labels", "helbred"),
    LifeArea.MENTAL_HEALTH: QT_TRANSLATE_NOOP("Labels", "mental sundhed"),
    LifeArea.LANGUAGE: QT_TRANSLATE_NOOP("Labels", "sprog"),
    LifeArea.NETWORK: QT_TRANSLATE_NOOP("Labels", "netværk"),
    LifeArea.HOUSING: QT_TRANSLATE_NOOP("Labels", "bolig"),
    LifeArea.ECONOMY: QT_TRANSLATE_NOOP("Labels", "økonomi"),
    LifeArea.FAMILY: QT_TRANSLATE_NOOP("Labels", "familie"),
    LifeArea.EVERYDAY_COPING: QT_TRANSLATE_NOOP("Labels", "hverdagsmestring"),
    LifeArea.JOB_READINESS: QT_TRANSLATE_NOOP("Labels", "jobparathed"),
}


def area_label(area: LifeArea | str) -> str:
    """The life area in the screen's language ('helbred', 'mental sundhed', ...)."""
    return QCoreApplication.translate("Labels", str(_AREA[LifeArea(area)]))


class ScoreDialog(QDialog):
    """Records a score for the citizen; emits ``scored(score_id)`` once it is saved."""

    scored = Signal(str)

    def __init__(
        self,
        session: Session,
        citizen_id: str,
        *,
        area: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.citizen_id = citizen_id
        self.setWindowTitle(self.tr("Ny score"))
        self.area = QComboBox()
        for each in LifeArea:
            self.area.addItem(area_label(each), each.value)
        if area is not None:
            self.area.setCurrentIndex(max(0, self.area.findData(LifeArea(area).value)))
        self.score = QSpinBox()
        self.score.setRange(1, 10)
        self.score.setValue(5)
        self.day = QDateEdit(to_qdate(today_of(session)))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(QCoreApplication.translate("Labels", "dd.MM.yyyy"))
        self.day.setMaximumDate(to_qdate(today_of(session)))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Hvad bygger scoren på? (valgfrit)"))
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Gem score"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annullér"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        session.locked.connect(self.reject)
        self.finished.connect(self.deleteLater)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 34)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Livsområde:"), self.area)
        score = QVBoxLayout()
        score.setContentsMargins(0, 0, 0, 0)
        score.addWidget(self.score)
        score.addWidget(muted(self.tr("1 er det sværeste, 10 det bedste.")))
        score_label = QLabel(self.tr("&Score:"))
        score_label.setBuddy(self.score)
        form.addRow(score_label, score)
        form.addRow(self.tr("&Dato:"), self.day)
        form.addRow(self.tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Save the score; the dialog closes when it is in the vault."""
        citizen_id = self.citizen_id
        area = LifeArea(self.area.currentData())
        score, day, note = self.score.value(), from_qdate(self.day.date()), self.note.text()
        self.buttons.setEnabled(False)
        self.error.clear()
        self.session.run(
            lambda ws: ws.progression.score(citizen_id, area, score, on=day, note=note),
            done=when_alive(self, self._saved),
            error=when_alive(self, self._failed),
            changes="citizens",
        )

    def _saved(self, entry: ProgressionScore) -> None:
        self.buttons.setEnabled(True)
        log.info("score %s saved", entry.id)
        self.scored.emit(entry.id)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(describe(error))
