"""Booking an appointment (aftale) with a citizen, or moving and correcting one."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import BOOKING_GRACE, AppointmentStatus, ContactKind, Initiator
from outreach_app.domain.errors import ValidationError
from outreach_app.ui.dialogs.citizen_picker import CitizenField, follow, session_now, when_alive
from outreach_app.ui.dialogs.consent import from_qdate, min_width, text_edit, to_qdate
from outreach_app.ui.errors import describe
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading

log = logging.getLogger(__name__)

BOOKABLE = (
    ContactKind.FOLLOW_UP,
    ContactKind.PHONE,
    ContactKind.HOME_VISIT,
    ContactKind.NETWORK_MEETING,
)


def kind_label(kind: ContactKind | str) -> str:
    """The kind of contact in the consultant's words."""
    labels = {
        ContactKind.DROP_IN: QCoreApplication.translate("Agenda", "Åben rådgivning"),
        ContactKind.FOLLOW_UP: QCoreApplication.translate("Agenda", "Opfølgningssamtale"),
        ContactKind.PHONE: QCoreApplication.translate("Agenda", "Telefonsamtale"),
        ContactKind.HOME_VISIT: QCoreApplication.translate("Agenda", "Hjemmebesøg"),
        ContactKind.NETWORK_MEETING: QCoreApplication.translate("Agenda", "Netværksmøde"),
    }
    return labels.get(ContactKind(kind), str(kind))


def status_label(status: AppointmentStatus | str) -> str:
    labels = {
        AppointmentStatus.PLANNED: QCoreApplication.translate("Agenda", "Planlagt"),
        AppointmentStatus.ATTENDED: QCoreApplication.translate("Agenda", "Mødt"),
        AppointmentStatus.NO_SHOW: QCoreApplication.translate("Agenda", "Udeblev"),
        AppointmentStatus.CANCELLED: QCoreApplication.translate("Agenda", "Aflyst"),
    }
    return labels.get(AppointmentStatus(status), str(status))


def next_whole_hour(now: datetime) -> datetime:
    """The next whole hour after ``now``, in Danish time."""
    local = now.astimezone(DANISH_TIME)
    return local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


class AppointmentDialog(QDialog):
    """Book a new appointment (``ws.agenda.book``) or, with ``appointment``, move it
    (``ws.agenda.move``) and correct the rest (``ws.agenda.edit``)."""

    saved = Signal(str)  # the appointment's id

    def __init__(
        self,
        session: Session,
        *,
        citizen_id: str | None = None,
        appointment: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.appointment = appointment
        self._auto_place = ""
        self.setWindowTitle(self.tr("Flyt aftale") if appointment else self.tr("Ny aftale"))
        self.setModal(True)
        self._build(appointment.citizen_id if appointment else citizen_id)
        self._wire()
        self._fill()
        follow(session.locked, self, self.reject)
        self.finished.connect(self.deleteLater)
        self.save.setDefault(True)  # now that it is in the dialog
        session.run(lambda ws: ws.partners.list(), done=when_alive(self, self._partners_loaded))

    # -- building -----------------------------------------------------------------------

    def _build(self, citizen_id: str | None) -> None:
        self.citizen = CitizenField(self.session, citizen_id)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Type"))
        for kind in BOOKABLE:
            self.kind.addItem(kind_label(kind), kind.value)
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("Partner"))
        self.partner.setPlaceholderText(self.tr("Vælg partner"))
        self.partner_label = QLabel(self.tr("Med partner"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(QCoreApplication.translate("Labels", "dddd d. MMMM yyyy"))
        self.day.setAccessibleName(self.tr("Dato"))
        longest = self.day.fontMetrics().horizontalAdvance("onsdag 30. september 2026")
        self.day.setMinimumWidth(longest + self.day.fontMetrics().height() * 3)
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName(self.tr("Klokkeslæt"))
        self.duration = QSpinBox()
        self.duration.setRange(5, 8 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min."))
        self.duration.setAccessibleName(self.tr("Varighed i minutter"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("Fx kontoret i beboerhuset"))
        self.place.setAccessibleName(self.tr("Sted"))
        self.initiator = QComboBox()
        self.initiator.setAccessibleName(self.tr("Initiativ"))
        self.initiator.addItem(self.tr("Jobkonsulenten"), Initiator.CONSULTANT.value)
        self.initiator.addItem(self.tr("Borgeren"), Initiator.CITIZEN.value)
        self.note = text_edit(
            self.tr("Fx: tolk bestilt, medbring lægeattest"), self.tr("Bemærkning"), 2
        )
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        text = self.tr("Gem ændringer") if self.appointment else self.tr("Book aftale")
        self.save = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        self._lay_out()

    def _lay_out(self) -> None:
        when = QHBoxLayout()
        when.addWidget(self.day, 1)
        when.addWidget(QLabel(self.tr("kl.")))
        when.addWidget(self.start)
        form = QFormLayout()
        form.addRow(self.tr("Borger"), self.citizen)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.partner_label, self.partner)
        form.addRow(self.tr("Dato og tid"), when)
        form.addRow(self.tr("Varighed"), self.duration)
        form.addRow(self.tr("Sted"), self.place)
        form.addRow(self.tr("Initiativ fra"), self.initiator)
        form.addRow(self.tr("Bemærkning"), self.note)
        layout = QVBoxLayout(self)
        layout.addItem(min_width(self, chars=64))
        title = self.tr("Flyt eller ret aftalen") if self.appointment else self.tr("Ny aftale")
        layout.addWidget(heading(title, level=2))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        chain: list[QWidget] = [self.citizen, self.kind, self.partner, self.day, self.start]
        chain += [self.duration, self.place, self.initiator, self.note, self.save]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _wire(self) -> None:
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.citizen.picked.connect(lambda _id: self.kind.setFocus())
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.day, self.start):
            edit.dateTimeChanged.connect(lambda _v: self.error.clear())
        self.partner.currentIndexChanged.connect(lambda _i: self.error.clear())

    def _fill(self) -> None:
        existing = self.appointment
        if existing is None:
            starts = next_whole_hour(session_now(self.session))
            self.duration.setValue(30)
            self.citizen.setFocus()
        else:
            starts = existing.starts_at.astimezone(DANISH_TIME)
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(max(0, self.kind.findData(existing.kind.value)))
            self.kind.blockSignals(False)
            self.duration.setValue(existing.duration_min)
            self.place.setText(existing.place)
            self.initiator.setCurrentIndex(self.initiator.findData(existing.initiator.value))
            self.note.setPlainText(existing.note)
            self.day.setFocus()
        self.day.setDate(to_qdate(starts.date()))
        self.start.setTime(QTime(starts.hour, starts.minute))
        if existing is not None and existing.place == self._suggested_place():
            self._auto_place = existing.place  # the suggestion, not typed
        self._kind_changed()

    # -- behaviour ------------------------------------------------------------------------

    def _partners_loaded(self, partners: list[Any]) -> None:
        for partner in partners:
            self.partner.addItem(partner.name, partner.id)
        wanted = self.appointment.partner_id if self.appointment else None
        self.partner.setCurrentIndex(self.partner.findData(wanted) if wanted else -1)

    def kind_value(self) -> ContactKind:
        return ContactKind(self.kind.currentData())

    def _kind_changed(self, *_: object) -> None:
        network = self.kind_value() is ContactKind.NETWORK_MEETING
        self.partner.setVisible(network)
        self.partner_label.setVisible(network)
        suggested = self._suggested_place()
        if self.place.text() == self._auto_place:  # never overwrite what was typed
            self.place.setText(suggested)
            self._auto_place = suggested

    def _suggested_place(self) -> str:
        return {
            ContactKind.PHONE: self.tr("Telefon"),
            ContactKind.HOME_VISIT: self.tr("Hjemme hos borger"),
        }.get(self.kind_value(), "")

    def starts_at(self) -> datetime:
        clock = self.start.time()
        return datetime.combine(
            from_qdate(self.day.date()), time(clock.hour(), clock.minute()), tzinfo=DANISH_TIME
        )

    def _moved(self) -> bool:
        return self.appointment is None or self.starts_at() != self.appointment.starts_at

    def _problem(self) -> str | None:
        if not self.citizen.citizen_id:
            return self.tr("Vælg borgeren, aftalen er med.")
        if self.kind_value() is ContactKind.NETWORK_MEETING and not self.partner.currentData():
            return self.tr("Vælg partneren, netværksmødet holdes med.")
        if self._moved() and self.starts_at() < session_now(self.session) - BOOKING_GRACE:
            return self._past_message()
        return None

    def _past_message(self) -> str:
        if self.appointment is None:
            return self.tr("Et nyt møde kan ikke ligge i fortiden. Vælg en senere dato eller tid.")
        return self.tr("Mødet kan ikke flyttes til fortiden. Vælg en senere dato eller tid.")

    def _details(self) -> dict[str, Any]:
        network = self.kind_value() is ContactKind.NETWORK_MEETING
        return {
            "kind": self.kind_value(),
            "duration_min": self.duration.value(),
            "place": self.place.text().strip(),
            "note": self.note.toPlainText().strip(),
            "initiator": Initiator(self.initiator.currentData()),
            "partner_id": self.partner.currentData() if network else None,
        }

    def _submit(self) -> None:
        problem = self._problem()
        if problem is not None:
            self.error.show_error(problem)
            return
        self.save.setEnabled(False)
        self.session.run(
            self._work(),
            done=when_alive(self, self._saved),
            error=when_alive(self, self._failed),
            changes="agenda",
        )

    def _work(self) -> Any:
        details, starts_at = self._details(), self.starts_at()
        citizen_id = self.citizen.citizen_id
        if self.appointment is None:
            return lambda ws: ws.agenda.book(citizen_id, starts_at=starts_at, **details)
        appointment_id, moved = self.appointment.id, self._moved()

        def change(ws: Any) -> Any:
            if moved:
                ws.agenda.move(appointment_id, starts_at)
            return ws.agenda.edit(appointment_id, **details)

        return change

    def _saved(self, appointment: Any) -> None:
        log.info("appointment %s saved", appointment.id)
        self.saved.emit(appointment.id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        if isinstance(error, ValidationError) and error.field == "starts_at":
            self.error.show_error(self._past_message())
        else:
            self.error.show_error(describe(error))
