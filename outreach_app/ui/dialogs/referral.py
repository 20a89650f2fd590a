"""Referring a citizen to a local partner (henvisning). A referral shares information
about the citizen, so it needs a consent that covers the partner today; the dialog
offers the citizen's covering consents and a way to record one on the spot."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import local_today
from outreach_app.domain.errors import ConsentMissing
from outreach_app.ui.dialogs.citizen_picker import CitizenField, follow, when_alive
from outreach_app.ui.dialogs.consent import ConsentDialog, min_width, text_edit
from outreach_app.ui.errors import describe
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading

log = logging.getLogger(__name__)


def covering_consents(ws: Any, citizen_id: str, partner_id: str) -> list[Any]:
    """The citizen's consents that allow sharing with the partner today (worker thread)."""
    today = local_today(ws.clock)
    return [c for c in ws.consents.for_citizen(citizen_id) if c.covers(partner_id, today)]


def short_date(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


class ReferralDialog(QDialog):
    """Refer a citizen to a partner, with the consent that allows it."""

    referred = Signal(str)  # the referral's id

    def __init__(
        self,
        session: Session,
        *,
        citizen_id: str | None = None,
        partner_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._partner_id = partner_id
        self._select_consent: str | None = None
        self._key = f"referral-consents-{id(self)}"
        self.consent_dialog: ConsentDialog | None = None
        self.setWindowTitle(self.tr("Henvis borger"))
        self.setModal(True)
        self._build(citizen_id)
        self._wire()
        follow(session.locked, self, self.reject)
        self.finished.connect(self.deleteLater)
        self.send.setDefault(True)  # now that it is in the dialog
        self._load_partners()

    # -- building -----------------------------------------------------------------------

    def _build(self, citizen_id: str | None) -> None:
        self.citizen = CitizenField(self.session, citizen_id)
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("Partner"))
        self.partner.setPlaceholderText(self.tr("Vælg partner"))
        self.partner_name = QLabel()
        self.partner_name.setStyleSheet("font-weight: bold;")
        # A given partner is shown as a name; the (hidden) list still holds its id.
        hidden = self.partner if self._partner_id is not None else self.partner_name
        hidden.setParent(self)
        hidden.hide()
        self.purpose = text_edit(
            self.tr("Fx: praktik i køkkenet 3 dage om ugen for at afprøve arbejdstider"),
            self.tr("Formål"),
            3,
        )
        self.consent = QComboBox()
        self.consent.setAccessibleName(self.tr("Samtykke"))
        self.consent.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.consent.setMinimumContentsLength(20)
        self.consent.currentTextChanged.connect(self.consent.setToolTip)
        self.give_consent = QPushButton(self.tr("Giv samtykke nu…"))
        self.give_consent.setAutoDefault(False)
        self.consent_state = QLabel()
        self.consent_state.setObjectName("warning")
        self.consent_state.setWordWrap(True)
        self.consent_state.hide()
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(
            self.tr("Henvis"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._lay_out()

    def _lay_out(self) -> None:
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.give_consent)
        consent_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Borger"), self.citizen)
        fixed = self._partner_id is not None
        form.addRow(self.tr("Partner"), self.partner_name if fixed else self.partner)
        form.addRow(self.tr("Formål"), self.purpose)
        form.addRow(self.tr("Samtykke"), self.consent)
        form.addRow("", self.consent_state)
        form.addRow("", consent_row)
        layout = QVBoxLayout(self)
        layout.addItem(min_width(self, chars=80))
        layout.addWidget(heading(self.tr("Henvisning til partner"), level=2))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for first, second in (
            (self.citizen, self.partner),
            (self.partner, self.purpose),
            (self.purpose, self.consent),
            (self.consent, self.give_consent),
            (self.give_consent, self.send),
        ):
            self.setTabOrder(first, second)
        if self.citizen.picker is not None:
            self.citizen.setFocus()
        else:
            self.purpose.setFocus()

    def _wire(self) -> None:
        self.citizen.changed.connect(lambda _id: self._load_consents())
        self.citizen.picked.connect(lambda _id: self._after_citizen())
        self.partner.currentIndexChanged.connect(lambda _i: self._load_consents())
        self.give_consent.clicked.connect(self._open_consent)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.purpose.textChanged.connect(self.error.clear)
        self.consent.activated.connect(lambda _i: self.error.clear())

    # -- loading --------------------------------------------------------------------------

    def _load_partners(self) -> None:
        self.session.run(
            lambda ws: ws.partners.list(active_only=False),
            done=when_alive(self, self._partners_loaded),
        )

    def _partners_loaded(self, partners: list[Any]) -> None:
        self.partner.blockSignals(True)
        for partner in partners:
            if partner.active or partner.id == self._partner_id:
                self.partner.addItem(partner.name, partner.id)
        self.partner.setCurrentIndex(self.partner.findData(self._partner_id))
        self.partner.blockSignals(False)
        self.partner_name.setText(self.partner.currentText())
        self._load_consents()

    def _after_citizen(self) -> None:
        (self.purpose if self.partner.isHidden() else self.partner).setFocus()

    def citizen_id(self) -> str | None:
        return self.citizen.citizen_id

    def partner_id(self) -> str | None:
        return self.partner.currentData()

    def _load_consents(self) -> None:
        citizen_id, partner_id = self.citizen_id(), self.partner_id()
        if not citizen_id or not partner_id:
            self._consents_loaded([])
            return
        self.session.run(
            lambda ws: covering_consents(ws, citizen_id, partner_id),
            done=when_alive(self, self._consents_loaded),
            key=self._key,
        )

    def _consents_loaded(self, consents: list[Any]) -> None:
        self.consent.clear()
        for consent in consents:
            self.consent.addItem(self._consent_text(consent), consent.id)
        wanted = self.consent.findData(self._select_consent) if self._select_consent else 0
        self.consent.setCurrentIndex(max(0, wanted) if consents else -1)
        self._select_consent = None
        ready = bool(self.citizen_id() and self.partner_id())
        self.consent.setEnabled(bool(consents))
        if not consents:
            self.consent.setPlaceholderText(self.tr("Intet samtykke"))
        self.consent_state.setVisible(ready and not consents)
        self.consent_state.setText(
            self.tr(
                "Borgeren har ikke et gyldigt samtykke til at dele oplysninger med denne "
                "partner. Giv samtykke nu, hvis borgeren siger ja."
            )
        )

    def _consent_text(self, consent: Any) -> str:
        scope = " ".join(consent.scope.split())
        if len(scope) > 60:
            scope = scope[:59] + "…"
        if consent.expires_on is None:
            period = self.tr("givet %s") % short_date(consent.given_on)
        else:
            period = self.tr("givet %s, udløber %s") % (
                short_date(consent.given_on),
                short_date(consent.expires_on),
            )
        kind = self.tr("Generelt") if consent.partner_id is None else self.tr("Til partneren")
        return f"{kind}: {scope} ({period})"

    # -- giving consent on the spot ---------------------------------------------------------

    def _open_consent(self) -> None:
        citizen_id = self.citizen_id()
        if not citizen_id:
            self.error.show_error(self.tr("Vælg først borgeren."))
            return
        dialog = ConsentDialog(self.session, citizen_id, partner_id=self.partner_id(), parent=self)
        dialog.given.connect(self._consent_given)
        self.consent_dialog = dialog
        dialog.open()

    def _consent_given(self, consent_id: str) -> None:
        self._select_consent = consent_id
        self.error.clear()
        self._load_consents()
        self.send.setFocus()

    # -- sending -----------------------------------------------------------------------------

    def _missing(self) -> str | None:
        if not self.citizen_id():
            return self.tr("Vælg borgeren, der skal henvises.")
        if not self.partner_id():
            return self.tr("Vælg partneren, borgeren henvises til.")
        if not self.purpose.toPlainText().strip():
            return self.tr("Skriv formålet med henvisningen.")
        if self.consent.currentData() is None:
            return self._consent_message()
        return None

    def _consent_message(self) -> str:
        return self.tr(
            "Henvisningen kræver borgerens samtykke til at dele oplysninger med denne "
            "partner. Vælg et samtykke, eller giv samtykke nu."
        )

    def _submit(self) -> None:
        problem = self._missing()
        if problem is not None:
            self.error.show_error(problem)
            return
        citizen_id, partner_id = self.citizen_id(), self.partner_id()
        purpose = self.purpose.toPlainText().strip()
        consent_id = self.consent.currentData()
        self.send.setEnabled(False)
        self.session.run(
            lambda ws: ws.referrals.refer(
                citizen_id, partner_id, purpose=purpose, consent_id=consent_id
            ),
            done=when_alive(self, self._sent),
            error=when_alive(self, self._failed),
            changes="referrals",
        )

    def _sent(self, referral: Any) -> None:
        log.info("referral %s sent", referral.id)
        self.referred.emit(referral.id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.send.setEnabled(True)
        if isinstance(error, ConsentMissing):
            self.error.show_error(self._consent_message())
            self._load_consents()
        else:
            self.error.show_error(describe(error))
