"""Adding a local partner to the directory, or correcting one."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.partners import PartnerKind
from outreach_app.ui.dialogs.citizen_picker import follow, when_alive
from outreach_app.ui.dialogs.consent import min_width, text_edit
from outreach_app.ui.errors import describe
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading

log = logging.getLogger(__name__)


def partner_kind_label(kind: PartnerKind | str) -> str:
    """The kind of partner in the consultant's words."""
    labels = {
        PartnerKind.CIVIL_SOCIETY: QCoreApplication.translate("Partners", "Civilsamfund"),
        PartnerKind.HOUSING_SOCIAL: QCoreApplication.translate("Partners", "Boligsocial indsats"),
        PartnerKind.HEALTH: QCoreApplication.translate("Partners", "Sundhed"),
        PartnerKind.DEBT_COUNSELLING: QCoreApplication.translate("Partners", "Gældsrådgivning"),
        PartnerKind.LANGUAGE_SCHOOL: QCoreApplication.translate("Partners", "Sprogskole"),
        PartnerKind.EMPLOYER: QCoreApplication.translate("Partners", "Virksomhed"),
        PartnerKind.EDUCATION: QCoreApplication.translate("Partners", "Uddannelse"),
        PartnerKind.OTHER: QCoreApplication.translate("Partners", "Andet"),
    }
    return labels.get(PartnerKind(kind), str(kind))


class PartnerDialog(QDialog):
    """Name (required), kind, contact person, phone, e-mail, address, note, active."""

    saved = Signal(str)  # the partner's id

    def __init__(
        self, session: Session, *, partner: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.partner = partner
        self.setWindowTitle(self.tr("Redigér partner") if partner else self.tr("Ny partner"))
        self.setModal(True)
        self._build()
        self._fill()
        follow(session.locked, self, self.reject)
        self.finished.connect(self.deleteLater)
        self.save.setDefault(True)  # now that it is in the dialog

    def _build(self) -> None:
        self.name = self._line(self.tr("Navn"), self.tr("Fx Café Fællesbordet"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Type"))
        for kind in PartnerKind:
            self.kind.addItem(partner_kind_label(kind), kind.value)
        self.contact_person = self._line(self.tr("Kontaktperson"), "")
        self.phone = self._line(self.tr("Telefon"), "")
        self.email = self._line(self.tr("E-mail"), "")
        self.address = self._line(self.tr("Adresse"), "")
        self.note = text_edit(
            self.tr("Hvad tilbyder partneren, og hvordan samarbejder I?"), self.tr("Note"), 3
        )
        self.active = QCheckBox(self.tr("Aktiv (vises i listen og kan få henvisninger)"))
        self.active.setChecked(True)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = self.buttons.addButton(self.tr("Gem"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self.error.clear)
        self.email.textChanged.connect(self.error.clear)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Navn"), self.name),
            (self.tr("Type"), self.kind),
            (self.tr("Kontaktperson"), self.contact_person),
            (self.tr("Telefon"), self.phone),
            (self.tr("E-mail"), self.email),
            (self.tr("Adresse"), self.address),
            (self.tr("Note"), self.note),
        ):
            form.addRow(label, widget)
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.addItem(min_width(self, chars=64))
        title = self.tr("Redigér partner") if self.partner else self.tr("Ny partner")
        layout.addWidget(heading(title, level=2))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 40)
        return edit

    def _fill(self) -> None:
        partner = self.partner
        self.name.setFocus()
        if partner is None:
            return
        self.name.setText(partner.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(partner.kind.value)))
        self.contact_person.setText(partner.contact_person)
        self.phone.setText(partner.phone)
        self.email.setText(partner.email)
        self.address.setText(partner.address)
        self.note.setPlainText(partner.note)
        self.active.setChecked(partner.active)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "kind": PartnerKind(self.kind.currentData()),
            "contact_person": self.contact_person.text().strip(),
            "phone": self.phone.text().strip(),
            "email": self.email.text().strip(),
            "address": self.address.text().strip(),
            "note": self.note.toPlainText().strip(),
            "active": self.active.isChecked(),
        }

    def _problem(self, values: dict[str, Any]) -> str | None:
        if not values["name"]:
            self.name.setFocus()
            return self.tr("Skriv partnerens navn.")
        email = values["email"]
        if email and ("@" not in email or " " in email):
            self.email.setFocus()
            return self.tr("E-mailadressen ser forkert ud (fx navn@eksempel.dk).")
        return None

    def _submit(self) -> None:
        values = self._problem_free_values()
        if values is None:
            return
        self.save.setEnabled(False)
        if self.partner is None:
            name, kind = values.pop("name"), values.pop("kind")
            work = lambda ws: ws.partners.add(name, kind, **values)  # noqa: E731
        else:
            partner_id = self.partner.id
            work = lambda ws: ws.partners.update(partner_id, **values)  # noqa: E731
        self.session.run(
            work,
            done=when_alive(self, self._saved),
            error=when_alive(self, self._failed),
            changes="partners",
        )

    def _problem_free_values(self) -> dict[str, Any] | None:
        values = self.values()
        problem = self._problem(values)
        if problem is not None:
            self.error.show_error(problem)
            return None
        return values

    def _saved(self, partner: Any) -> None:
        log.info("partner %s saved", partner.id)
        self.saved.emit(partner.id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self.error.show_error(describe(error))
