"""Recording the citizen's consent (samtykke) to share information with partners."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.ui.dialogs.citizen_picker import CitizenName, follow, session_today, when_alive
from outreach_app.ui.errors import describe
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading, muted

log = logging.getLogger(__name__)

NO_EXPIRY, SIX_MONTHS, TWELVE_MONTHS, OTHER_DATE = range(4)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def min_width(widget: QWidget, *, chars: int) -> QSpacerItem:
    """An invisible item that keeps a dialog at least ``chars`` characters wide (unlike
    setMinimumWidth, it leaves the layout free to ask for more)."""
    width = widget.fontMetrics().averageCharWidth() * chars
    return QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)


def text_edit(placeholder: str, name: str, lines: int) -> QPlainTextEdit:
    """A short multi-line field in which Tab moves on (it is a form, not an editor)."""
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    margins = edit.contentsMargins()
    frame = edit.document().documentMargin() * 2 + margins.top() + margins.bottom()
    edit.setFixedHeight(int(edit.fontMetrics().lineSpacing() * lines + frame + 4))
    return edit


class ConsentDialog(QDialog):
    """The citizen consents to sharing some information, for a purpose, with one
    partner or with partners in general. Saved with ``ws.consents.give``."""

    given = Signal(str)  # the consent's id

    def __init__(
        self,
        session: Session,
        citizen_id: str,
        *,
        partner_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.citizen_id = citizen_id
        self._partner_id = partner_id
        self._today = session_today(session)
        self.setWindowTitle(self.tr("Samtykke"))
        self.setModal(True)
        self._build()
        self._wire()
        follow(session.locked, self, self._locked)
        self.finished.connect(self.deleteLater)
        self.save.setDefault(True)  # now that it is in the dialog
        session.run(
            lambda ws: ws.partners.list(active_only=False),
            done=when_alive(self, self._partners_loaded),
        )

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.citizen = CitizenName(self.session, self.citizen_id)
        self.scope = text_edit(
            self.tr("Fx: oplysninger om helbred og økonomi, så partneren kan hjælpe med et budget"),
            self.tr("Hvad må deles, og til hvilket formål"),
            3,
        )
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("Partner"))
        self.partner.addItem(self.tr("Ingen bestemt partner (generelt samtykke)"), None)
        self.given_on = self._date_edit(self.tr("Givet den"))
        self.given_on.setMaximumDate(to_qdate(self._today))
        self.given_on.setDate(to_qdate(self._today))
        self.expiry = QComboBox()
        self.expiry.setAccessibleName(self.tr("Udløb"))
        for text in (
            self.tr("Intet udløb"),
            self.tr("Om 6 måneder"),
            self.tr("Om 12 måneder"),
            self.tr("Anden dato"),
        ):
            self.expiry.addItem(text)
        self.expires_on = self._date_edit(self.tr("Udløber den"))
        self.details = text_edit(
            self.tr("Fx: givet mundtligt ved mødet, underskrevet blanket i mappen"),
            self.tr("Detaljer"),
            2,
        )
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = self.buttons.addButton(
            self.tr("Gem samtykke"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._lay_out()
        self.expiry.setCurrentIndex(TWELVE_MONTHS)
        self._expiry_chosen(TWELVE_MONTHS)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(QCoreApplication.translate("Labels", "d. MMMM yyyy"))
        edit.setAccessibleName(name)
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Borger"), self.citizen)
        form.addRow(self.tr("Hvad må deles, og hvorfor"), self.scope)
        form.addRow(self.tr("Med hvem"), self.partner)
        form.addRow(self.tr("Givet den"), self.given_on)
        expiry = QHBoxLayout()
        expiry.addWidget(self.expiry)
        expiry.addWidget(self.expires_on, 1)
        form.addRow(self.tr("Udløber"), expiry)
        form.addRow(self.tr("Detaljer"), self.details)
        layout = QVBoxLayout(self)
        layout.addItem(min_width(self, chars=72))
        layout.addWidget(heading(self.tr("Borgerens samtykke"), level=2))
        layout.addWidget(
            muted(
                self.tr(
                    "Samtykket gælder kun de oplysninger og det formål, der står her. "
                    "Borgeren kan altid trække det tilbage."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for first, second in (
            (self.scope, self.partner),
            (self.partner, self.given_on),
            (self.given_on, self.expiry),
            (self.expiry, self.expires_on),
            (self.expires_on, self.details),
            (self.details, self.save),
        ):
            self.setTabOrder(first, second)
        self.scope.setFocus()

    def _wire(self) -> None:
        self.expiry.currentIndexChanged.connect(self._expiry_chosen)
        self.given_on.dateChanged.connect(
            lambda _d: self._expiry_chosen(self.expiry.currentIndex())
        )
        self.expires_on.dateChanged.connect(self._expiry_typed)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.scope.textChanged.connect(self.error.clear)

    # -- behaviour ------------------------------------------------------------------------

    def _partners_loaded(self, partners: list[Any]) -> None:
        for partner in partners:
            if partner.active or partner.id == self._partner_id:
                self.partner.addItem(partner.name, partner.id)
        if self._partner_id:
            index = self.partner.findData(self._partner_id)
            self.partner.setCurrentIndex(max(0, index))

    def _expiry_chosen(self, index: int) -> None:
        given = self.given_on.date()
        self.expires_on.setMinimumDate(given)
        self.expires_on.blockSignals(True)
        if index == SIX_MONTHS:
            self.expires_on.setDate(given.addMonths(6))
        elif index in (TWELVE_MONTHS, NO_EXPIRY):
            self.expires_on.setDate(given.addMonths(12))
        self.expires_on.blockSignals(False)
        self.expires_on.setEnabled(index != NO_EXPIRY)

    def _expiry_typed(self, _day: QDate) -> None:
        if self.expiry.currentIndex() != OTHER_DATE:
            self.expiry.blockSignals(True)
            self.expiry.setCurrentIndex(OTHER_DATE)
            self.expiry.blockSignals(False)

    def partner_id(self) -> str | None:
        return self.partner.currentData()

    def expires(self) -> date | None:
        if self.expiry.currentIndex() == NO_EXPIRY:
            return None
        return from_qdate(self.expires_on.date())

    def _submit(self) -> None:
        scope = self.scope.toPlainText().strip()
        if not scope:
            self.error.show_error(
                self.tr("Skriv, hvilke oplysninger borgeren siger ja til at dele, og hvorfor.")
            )
            self.scope.setFocus()
            return
        given_on = from_qdate(self.given_on.date())
        expires_on = self.expires()
        if expires_on is not None and expires_on < given_on:
            self.error.show_error(self.tr("Udløbsdatoen kan ikke ligge før samtykket blev givet."))
            return
        citizen_id, partner_id = self.citizen_id, self.partner_id()
        details = self.details.toPlainText().strip()
        self.save.setEnabled(False)
        self.session.run(
            lambda ws: ws.consents.give(
                citizen_id,
                scope,
                partner_id=partner_id,
                given_on=given_on,
                expires_on=expires_on,
                details=details,
            ),
            done=when_alive(self, self._saved),
            error=when_alive(self, self._failed),
            changes="consents",
        )

    def _saved(self, consent: Any) -> None:
        log.info("consent %s given", consent.id)
        self.given.emit(consent.id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self.error.show_error(describe(error))

    def _locked(self) -> None:
        """Nothing personal stays on screen over the lock (closing deletes the dialog)."""
        self.reject()
