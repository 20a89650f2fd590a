"""A new milestone: a step towards work or education (virksomhedspraktik, løntilskud,
ordinært job, ...), from a date, maybe to a date, maybe with a partner."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.milestones import Milestone, MilestoneKind
from outreach_app.domain.partners import Partner
from outreach_app.ui.dialogs.citizen_picker import when_alive
from outreach_app.ui.errors import describe
from outreach_app.ui.pages.note import from_qdate, to_qdate, today_of
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel

log = logging.getLogger(__name__)

_KIND = {
    MilestoneKind.VIRKSOMHEDSPRAKTIK: QT_TRANSLATE_NOOP("Labels", "virksomhedspraktik"),
    MilestoneKind.LOENTILSKUD: QT_TRANSLATE_NOOP("Labels", "løntilskud"),
    MilestoneKind.SMAAJOB: QT_TRANSLATE_NOOP("Labels", "småjob / få timer"),
    MilestoneKind.ORDINAERT_JOB: QT_TRANSLATE_NOOP("Labels", "ordinært job"),
    MilestoneKind.FLEKSJOB: QT_TRANSLATE_NOOP("Labels", "fleksjob"),
    MilestoneKind.UDDANNELSE: QT_TRANSLATE_NOOP("Labels", "uddannelse"),
    MilestoneKind.IPS: QT_TRANSLATE_NOOP("Labels", "IPS"),
    MilestoneKind.RESSOURCEFORLOEB: QT_TRANSLATE_NOOP("Labels", "ressourceforløb"),
    MilestoneKind.AFKLARING_FOERTIDSPENSION: QT_TRANSLATE_NOOP(
        "Labels", "afklaring til førtidspension"
    ),
}


def milestone_label(kind: MilestoneKind | str) -> str:
    return QCoreApplication.translate("Labels", str(_KIND[MilestoneKind(kind)]))


class MilestoneDialog(QDialog):
    """Records a milestone for the citizen; emits ``added(milestone_id)`` once saved."""

    added = Signal(str)

    def __init__(self, session: Session, citizen_id: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.citizen_id = citizen_id
        self.setWindowTitle(self.tr("Ny milepæl"))
        self.kind = QComboBox()
        for kind in MilestoneKind:
            self.kind.addItem(milestone_label(kind), kind.value)
        today = to_qdate(today_of(session))
        self.starts = QDateEdit(today)
        self.ends = QDateEdit(today)
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QCoreApplication.translate("Labels", "dd.MM.yyyy"))
        self.has_end = QCheckBox(self.tr("Slutter"))
        self.has_end.toggled.connect(self.ends.setEnabled)
        self.ends.setEnabled(False)
        self.ends.setAccessibleName(self.tr("Slutdato"))
        self.partner = QComboBox()
        self.partner.addItem(self.tr("Ingen partner"), None)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Fx antal timer om ugen (valgfrit)"))
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Gem milepæl"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annullér"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        session.locked.connect(self.reject)
        self.finished.connect(self.deleteLater)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 34)
        session.run(lambda ws: ws.partners.list(), done=when_alive(self, self._partners))

    def _lay_out(self) -> None:
        ends = QHBoxLayout()
        ends.addWidget(self.has_end)
        ends.addWidget(self.ends, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Milepæl:"), self.kind)
        form.addRow(self.tr("&Fra:"), self.starts)
        form.addRow(self.tr("Til:"), ends)
        form.addRow(self.tr("&Partner:"), self.partner)
        form.addRow(self.tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _partners(self, partners: list[Partner]) -> None:
        for partner in partners:
            self.partner.addItem(partner.name, partner.id)

    def accept(self) -> None:
        """Save the milestone; the dialog closes when it is in the vault."""
        citizen_id = self.citizen_id
        kind = MilestoneKind(self.kind.currentData())
        starts = from_qdate(self.starts.date())
        ends = from_qdate(self.ends.date()) if self.has_end.isChecked() else None
        partner_id, note = self.partner.currentData(), self.note.text()
        if ends is not None and ends < starts:
            self.error.show_error(self.tr("Slutdatoen ligger før startdatoen."))
            self.ends.setFocus()
            return
        self.buttons.setEnabled(False)
        self.error.clear()
        self.session.run(
            lambda ws: ws.milestones.add(
                citizen_id, kind, starts_on=starts, ends_on=ends, partner_id=partner_id, note=note
            ),
            done=when_alive(self, self._saved),
            error=when_alive(self, self._failed),
            changes="citizens",
        )

    def _saved(self, milestone: Milestone) -> None:
        self.buttons.setEnabled(True)
        log.info("milestone %s saved", milestone.id)
        self.added.emit(milestone.id)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(describe(error))
