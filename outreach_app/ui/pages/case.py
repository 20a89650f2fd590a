"""The case view: one citizen's record.

A header with who the citizen is (name, CPR masked until revealed, phone, the
consultant, target group, status) and the frequent actions, then five tabs:
the timeline of everything that happened, the plan (Min Plan), progression,
consents and referrals, and the citizen's details. The case loads in one
operation; every read of a record is logged by the services.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import (
    Appointment,
    AppointmentStatus,
    Attendance,
    Contact,
    ContactKind,
    Initiator,
)
from outreach_app.domain.cpr import parse_cpr
from outreach_app.domain.errors import DuplicateCpr, InvalidCpr, ValidationError
from outreach_app.domain.information import InformationSource, NewInformation
from outreach_app.domain.milestones import Milestone
from outreach_app.domain.notes import SessionNote
from outreach_app.domain.partners import Consent, Referral, ReferralStatus
from outreach_app.domain.people import (
    Assignment,
    Citizen,
    CitizenStatus,
    Consultant,
    Language,
    TargetGroup,
)
from outreach_app.domain.plan import Activity, ActivityStatus, NextContact, Plan
from outreach_app.domain.progression import LifeArea, ProgressionScore
from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.dialogs.milestone import milestone_label
from outreach_app.ui.dialogs.score import area_label
from outreach_app.ui.errors import describe
from outreach_app.ui.pages.note import (
    datetime_edit,
    fmt_date,
    fmt_datetime,
    from_qdatetime,
    initiator_label,
    kind_label,
    now_of,
    to_qdatetime,
    today_of,
)
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading, muted

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: The tabs, in order, by the names other pages use with ``open_case(..., tab=)``.
TABS = ("timeline", "plan", "progression", "referrals", "details")
_TAB_ALIASES = {
    "tidslinje": "timeline",
    "notes": "timeline",
    "consents": "referrals",
    "henvisninger": "referrals",
    "samtykker": "referrals",
    "detaljer": "details",
    "scores": "progression",
    "milestones": "progression",
}

# -- labels --------------------------------------------------------------------------------

_TARGET = {
    TargetGroup.AKTIVITETSPARAT: QT_TRANSLATE_NOOP("Labels", "aktivitetsparat"),
    TargetGroup.UDDANNELSESPARAT: QT_TRANSLATE_NOOP("Labels", "uddannelsesparat"),
    TargetGroup.JOBPARAT: QT_TRANSLATE_NOOP("Labels", "jobparat"),
    TargetGroup.RESSOURCEFORLOEB: QT_TRANSLATE_NOOP("Labels", "ressourceforløb"),
    TargetGroup.SYGEDAGPENGE: QT_TRANSLATE_NOOP("Labels", "sygedagpenge"),
    TargetGroup.FLEKSJOB_VISITERET: QT_TRANSLATE_NOOP("Labels", "visiteret til fleksjob"),
    TargetGroup.OTHER: QT_TRANSLATE_NOOP("Labels", "andet"),
}
_STATUS = {
    CitizenStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "aktiv"),
    CitizenStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "afsluttet"),
}
_LANGUAGE = {
    Language.DANISH: QT_TRANSLATE_NOOP("Labels", "dansk"),
    Language.ENGLISH: QT_TRANSLATE_NOOP("Labels", "engelsk"),
}
_ACTIVITY = {
    ActivityStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "planlagt"),
    ActivityStatus.ONGOING: QT_TRANSLATE_NOOP("Labels", "i gang"),
    ActivityStatus.DONE: QT_TRANSLATE_NOOP("Labels", "gennemført"),
    ActivityStatus.STOPPED: QT_TRANSLATE_NOOP("Labels", "stoppet"),
}
_REFERRAL = {
    ReferralStatus.SENT: QT_TRANSLATE_NOOP("Labels", "sendt"),
    ReferralStatus.ACCEPTED: QT_TRANSLATE_NOOP("Labels", "accepteret"),
    ReferralStatus.STARTED: QT_TRANSLATE_NOOP("Labels", "startet"),
    ReferralStatus.COMPLETED: QT_TRANSLATE_NOOP("Labels", "gennemført"),
    ReferralStatus.DECLINED: QT_TRANSLATE_NOOP("Labels", "afvist"),
    ReferralStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "annulleret"),
}
_ATTENDANCE = {
    Attendance.ATTENDED: QT_TRANSLATE_NOOP("Labels", "mødt"),
    Attendance.NO_SHOW: QT_TRANSLATE_NOOP("Labels", "udeblevet"),
    Attendance.CANCELLED: QT_TRANSLATE_NOOP("Labels", "aflyst"),
}
_SOURCE = {
    InformationSource.DOCTOR: QT_TRANSLATE_NOOP("Labels", "lægen"),
    InformationSource.HOUSING: QT_TRANSLATE_NOOP("Labels", "boligforeningen"),
    InformationSource.EMPLOYER: QT_TRANSLATE_NOOP("Labels", "arbejdsgiveren"),
    InformationSource.PARTNER: QT_TRANSLATE_NOOP("Labels", "en partner"),
    InformationSource.CITIZEN: QT_TRANSLATE_NOOP("Labels", "borgeren"),
    InformationSource.AUTHORITY: QT_TRANSLATE_NOOP("Labels", "en myndighed"),
    InformationSource.OTHER: QT_TRANSLATE_NOOP("Labels", "andre"),
}


def _label(table: dict[Any, Any], value: Any) -> str:
    return QCoreApplication.translate("Labels", str(table[value]))


def target_label(group: TargetGroup | None) -> str:
    """'aktivitetsparat', 'visiteret til fleksjob', ...; '' when not known."""
    return _label(_TARGET, TargetGroup(group)) if group else ""


def status_label(status: CitizenStatus) -> str:
    return _label(_STATUS, CitizenStatus(status))


def activity_label(status: ActivityStatus) -> str:
    return _label(_ACTIVITY, ActivityStatus(status))


def referral_label(status: ReferralStatus) -> str:
    return _label(_REFERRAL, ReferralStatus(status))


def format_phone(phone: str | None) -> str:
    """'12 34 56 78' for a Danish number, a foreign number as it is."""
    if not phone:
        return ""
    if len(phone) == 8 and phone.isdigit():
        return " ".join(phone[i : i + 2] for i in range(0, 8, 2))
    return phone


_DATE = re.compile(r"^\s*(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_day(text: str) -> date | None:
    """A date typed as 2.3.2026, 02-03-26, 2/3 2026 or 2026-03-02; None if empty.
    Raises ValueError for anything else."""
    if not text.strip():
        return None
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE.match(text):
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if year < 100 else 0
    else:
        raise ValueError("not a date")
    return date(year, month, day)


def _local_noon(day: date) -> datetime:
    return datetime.combine(day, time(12, 0), DANISH_TIME)


# -- loading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseData:
    """Everything the case view shows, read in one operation."""

    citizen: Citizen
    me_id: str
    consultant: Consultant | None
    plan: Plan
    notes: list[SessionNote]
    contacts: list[Contact]
    milestones: list[Milestone]
    scores: list[ProgressionScore]
    consents: list[Consent]
    referrals: list[Referral]
    information: list[NewInformation]
    assignments: list[Assignment]
    appointments: list[Appointment]
    consultants: dict[str, str] = field(default_factory=dict)
    partners: dict[str, str] = field(default_factory=dict)
    now: datetime | None = None

    def partner(self, partner_id: str | None) -> str:
        return self.partners.get(partner_id, "") if partner_id else ""


def load_case(ws: Any, citizen_id: str) -> CaseData:
    """Read the citizen's case (runs on the worker thread)."""
    citizen = ws.citizens.get(citizen_id)
    assignments = ws.assignments.history(citizen_id)
    current = ws.assignments.current(citizen_id)
    me = ws.me()
    consultants = {me.id: me.name}
    for assignment in assignments:
        if assignment.consultant_id not in consultants:
            other = ws.assignments.consultant(assignment.consultant_id)
            consultants[assignment.consultant_id] = other.name if other else ""
    consultant = None
    if current is not None:
        consultant = me if current.consultant_id == me.id else None
        consultant = consultant or ws.assignments.consultant(current.consultant_id)
    return CaseData(
        citizen=citizen,
        me_id=me.id,
        consultant=consultant,
        plan=ws.plans.get(citizen_id),
        notes=ws.notes.for_citizen(citizen_id),
        contacts=ws.contacts.for_citizen(citizen_id),
        milestones=ws.milestones.for_citizen(citizen_id),
        scores=ws.progression.history(citizen_id),
        consents=ws.consents.for_citizen(citizen_id),
        referrals=ws.referrals.for_citizen(citizen_id),
        information=ws.information.for_citizen(citizen_id),
        assignments=assignments,
        appointments=ws.agenda.for_citizen(citizen_id),
        consultants=consultants,
        partners={p.id: p.name for p in ws.partners.list(active_only=False)},
        now=ws.clock.now(),
    )


# -- the timeline --------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline. ``preview`` is free text, hidden in discreet mode."""

    at: datetime
    when: str
    what: str
    preview: str = ""
    note_id: str | None = None
    draft: bool = False


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _note_entries(data: CaseData) -> Iterable[TimelineEntry]:
    by_id = {note.id: note for note in data.notes}
    for note in data.notes:
        if note.is_addendum:
            original = by_id.get(note.corrects_id) if note.corrects_id else None
            day = original.occurred_at.astimezone(DANISH_TIME).date() if original else None
            what = translate("CasePage", "Tilføjelse til notat af %s") % fmt_date(day)
        else:
            what = translate("CasePage", "Notat – %s") % kind_label(note.kind)
        if not note.finished:
            what = translate("CasePage", "%s · Udkast") % what
        yield TimelineEntry(
            note.occurred_at,
            fmt_datetime(note.occurred_at),
            what,
            _first_line(note.text),
            note_id=note.id,
            draft=not note.finished,
        )


def _contact_entries(data: CaseData) -> Iterable[TimelineEntry]:
    noted = {note.contact_id for note in data.notes if note.contact_id}
    for contact in data.contacts:
        if contact.id in noted:
            continue  # the note's line stands for its contact
        what = translate("CasePage", "Kontakt – %s") % kind_label(contact.kind)
        if contact.attendance is not None:
            what = f"{what} ({_label(_ATTENDANCE, contact.attendance)})"
        partner = data.partner(contact.partner_id)
        if partner:
            what = translate("CasePage", "%s med %s") % (what, partner)
        yield TimelineEntry(contact.occurred_at, fmt_datetime(contact.occurred_at), what)


def _other_entries(data: CaseData) -> Iterable[TimelineEntry]:
    for milestone in data.milestones:
        what = translate("CasePage", "Milepæl – %s") % milestone_label(milestone.kind)
        if partner := data.partner(milestone.partner_id):
            what = translate("CasePage", "%s hos %s") % (what, partner)
        if milestone.ends_on:
            what = translate("CasePage", "%s (til %s)") % (what, fmt_date(milestone.ends_on))
        at = _local_noon(milestone.starts_on)
        yield TimelineEntry(at, fmt_date(milestone.starts_on), what, milestone.note)
    for referral in data.referrals:
        what = translate("CasePage", "Henvisning til %s – %s") % (
            data.partner(referral.partner_id),
            referral_label(referral.status),
        )
        at = _local_noon(referral.referred_on)
        yield TimelineEntry(at, fmt_date(referral.referred_on), what, referral.purpose)
    for assignment in data.assignments:
        name = data.consultants.get(assignment.consultant_id, "")
        what = translate("CasePage", "Jobkonsulent: %s") % (name or translate("CasePage", "ukendt"))
        yield TimelineEntry(
            assignment.started_at, fmt_datetime(assignment.started_at), what, assignment.reason
        )
    for item in data.information:
        what = translate("CasePage", "Ny information fra %s") % _label(_SOURCE, item.source)
        if item.handled_at is None:
            what = translate("CasePage", "%s – ikke behandlet") % what
        yield TimelineEntry(item.received_at, fmt_datetime(item.received_at), what, item.summary)


def timeline(data: CaseData) -> list[TimelineEntry]:
    """Contacts, notes, milestones, referrals, assignment changes and new
    information, newest first."""
    entries = [*_note_entries(data), *_contact_entries(data), *_other_entries(data)]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


class TimelineTab(QWidget):
    def __init__(self, page: CasePage) -> None:
        super().__init__()
        self.page = page
        self.entries: list[TimelineEntry] = []
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Tidslinje"))
        self.tree.setHeaderLabels([self.tr("Tidspunkt"), self.tr("Hændelse"), self.tr("Indhold")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        self.empty = muted(self.tr("Der er ikke sket noget i sagen endnu."))
        self.hint = muted(self.tr("Dobbeltklik på et notat (eller tryk Enter) for at åbne det."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        self.empty.hide()

    def fill(self, entries: list[TimelineEntry]) -> None:
        self.entries = entries
        self.redraw()

    def redraw(self) -> None:
        discreet = self.page.session.discreet
        self.tree.clear()
        items = []
        for entry in self.entries:
            preview = "" if discreet else entry.preview
            item = QTreeWidgetItem([entry.when, entry.what, preview])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.note_id)
            if entry.draft:
                font = QFont(item.font(1))
                font.setItalic(True)
                item.setFont(1, font)
                item.setForeground(1, QBrush(QColor("#8a5a00")))
            if entry.note_id:
                item.setToolTip(1, self.tr("Åbn notatet med dobbeltklik eller Enter"))
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.headerItem().setText(
            2, self.tr("Indhold (skjult i diskret visning)") if discreet else self.tr("Indhold")
        )
        self.empty.setVisible(not self.entries and self.page.data is not None)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        note_id = item.data(0, Qt.ItemDataRole.UserRole)
        if note_id:
            self.page.nav.open_note(str(note_id))

    def clear(self) -> None:
        self.entries = []
        self.tree.clear()
        self.empty.hide()


# -- the plan ------------------------------------------------------------------------------


class PlanTab(QWidget):
    """The plan in the structure of Min Plan, edited in place and saved with one button."""

    def __init__(self, page: CasePage) -> None:
        super().__init__()
        self.page = page
        self.dirty = False
        self._filling = False
        self.goal = QPlainTextEdit()
        self.goal.setAccessibleName(self.tr("Mål"))
        self.goal.setTabChangesFocus(True)
        self.goal.setMaximumHeight(self.goal.fontMetrics().lineSpacing() * 4)
        self.goal.setPlaceholderText(self.tr("Hvad vil borgeren gerne nå?"))
        self.agreements = QListWidget()
        self.agreements.setAccessibleName(self.tr("Aftaler"))
        self.activities = QTableWidget(0, 4)
        self.activities.setAccessibleName(self.tr("Aktiviteter"))
        self.activities.setHorizontalHeaderLabels(
            [self.tr("Aktivitet"), self.tr("Start"), self.tr("Slut"), self.tr("Status")]
        )
        self.activities.verticalHeader().hide()
        header = self.activities.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.activities.setColumnWidth(3, self._status_combo(None).sizeHint().width() + 4)
        self.next_on = QCheckBox(self.tr("Næste kontakt er aftalt"))
        self.next_at = datetime_edit()
        self.next_at.setAccessibleName(self.tr("Næste kontakt, tidspunkt"))
        self.next_kind = QComboBox()
        self.next_kind.setAccessibleName(self.tr("Næste kontakt, type"))
        for kind in ContactKind:
            self.next_kind.addItem(kind_label(kind), kind.value)
        self.next_who = QComboBox()
        self.next_who.setAccessibleName(self.tr("Hvem tager kontakten"))
        for initiator in (Initiator.CONSULTANT, Initiator.CITIZEN):
            self.next_who.addItem(initiator_label(initiator), initiator.value)
        self.error = ErrorLabel()
        self.state = muted("")
        self.save_button = QPushButton(self.tr("Gem plan"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self._lay_out()
        self._connect()
        self._set_dirty(False)

    def _lay_out(self) -> None:
        add_agreement = QPushButton(self.tr("Tilføj aftale"))
        add_agreement.clicked.connect(self.add_agreement)
        remove_agreement = QPushButton(self.tr("Fjern aftale"))
        remove_agreement.clicked.connect(self._remove_agreement)
        add_activity = QPushButton(self.tr("Tilføj aktivitet"))
        add_activity.clicked.connect(self.add_activity)
        remove_activity = QPushButton(self.tr("Fjern aktivitet"))
        remove_activity.clicked.connect(self._remove_activity)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(heading(self.tr("Mål"), level=2))
        column.addWidget(self.goal)
        column.addWidget(heading(self.tr("Det har vi aftalt"), level=2))
        column.addWidget(muted(self.tr("Dobbeltklik på en aftale for at rette den.")))
        column.addWidget(self.agreements)
        column.addLayout(_row(add_agreement, remove_agreement, stretch=True))
        column.addWidget(heading(self.tr("Aktiviteter"), level=2))
        column.addWidget(self.activities)
        column.addLayout(_row(add_activity, remove_activity, stretch=True))
        column.addWidget(heading(self.tr("Næste kontakt"), level=2))
        column.addLayout(self._next_contact_form())
        column.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolling(inner), 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

    def _next_contact_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.next_on)
        form.addRow(self.tr("Hvornår:"), self.next_at)
        form.addRow(self.tr("Hvordan:"), self.next_kind)
        form.addRow(self.tr("Hvem tager kontakten:"), self.next_who)
        return form

    def _connect(self) -> None:
        self.goal.textChanged.connect(self._edited)
        self.agreements.itemChanged.connect(self._edited)
        self.activities.itemChanged.connect(self._edited)
        self.next_on.toggled.connect(self._next_toggled)
        self.next_at.dateTimeChanged.connect(self._edited)
        self.next_kind.currentIndexChanged.connect(self._edited)
        self.next_who.currentIndexChanged.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        if dirty:
            self.state.setText(self.tr("Ændringer er ikke gemt endnu."))

    def _next_toggled(self, on: bool) -> None:
        for widget in (self.next_at, self.next_kind, self.next_who):
            widget.setEnabled(on)
        self._edited()

    # -- filling and reading -------------------------------------------------------------------

    def fill(self, plan: Plan) -> None:
        """Show the plan, unless the consultant has unsaved changes in it."""
        if self.dirty:
            return
        self._filling = True
        self.goal.setPlainText(plan.goal)
        self.agreements.clear()
        for agreement in plan.agreements:
            self._agreement_item(agreement)
        self.activities.setRowCount(0)
        for activity in plan.activities:
            self._activity_row(activity)
        self._fill_next(plan.next_contact)
        self._filling = False
        self._fit()
        self.error.clear()
        self._set_dirty(False)
        self.state.setText(self.tr("Senest ændret %s") % fmt_datetime(plan.updated_at))

    def _fill_next(self, next_contact: NextContact | None) -> None:
        self.next_on.setChecked(next_contact is not None)
        for widget in (self.next_at, self.next_kind, self.next_who):
            widget.setEnabled(next_contact is not None)
        if next_contact is None:
            self.next_at.setDateTime(to_qdatetime(now_of(self.page.session)))
            return
        self.next_at.setDateTime(to_qdatetime(next_contact.at))
        self.next_kind.setCurrentIndex(max(0, self.next_kind.findData(next_contact.kind.value)))
        self.next_who.setCurrentIndex(max(0, self.next_who.findData(next_contact.initiator.value)))

    def _agreement_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.agreements.addItem(item)
        return item

    def _activity_row(self, activity: Activity | None) -> int:
        row = self.activities.rowCount()
        self.activities.insertRow(row)
        values = (
            (activity.title, fmt_date(activity.starts_on), fmt_date(activity.ends_on))
            if activity
            else ("", "", "")
        )
        for column, value in enumerate(values):
            self.activities.setItem(row, column, QTableWidgetItem(value))
        status = self._status_combo(activity)
        status.currentIndexChanged.connect(self._edited)
        self.activities.setCellWidget(row, 3, status)
        return row

    def _status_combo(self, activity: Activity | None) -> QComboBox:
        status = QComboBox()
        status.setAccessibleName(self.tr("Aktivitetens status"))
        for each in ActivityStatus:
            status.addItem(activity_label(each), each.value)
        if activity is not None:
            status.setCurrentIndex(max(0, status.findData(activity.status.value)))
        return status

    def _fit(self) -> None:
        rows = min(max(self.agreements.count(), 3), 12)
        line = max(self.agreements.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.agreements.setFixedHeight(rows * line + 2 * self.agreements.frameWidth() + 4)
        combos = [self.activities.cellWidget(r, 3) for r in range(self.activities.rowCount())]
        widths = [combo.sizeHint().width() for combo in combos if combo is not None]
        if widths:
            self.activities.setColumnWidth(3, max(widths) + 6)
        _fit_rows(self.activities, least=2)

    def add_agreement(self) -> None:
        item = self._agreement_item("")
        self._fit()
        self.agreements.setCurrentItem(item)
        self.agreements.editItem(item)
        self._edited()

    def _remove_agreement(self) -> None:
        row = self.agreements.currentRow()
        if row >= 0:
            self.agreements.takeItem(row)
            self._fit()
            self._edited()

    def add_activity(self) -> None:
        row = self._activity_row(None)
        self._fit()
        self.activities.setCurrentCell(row, 0)
        item = self.activities.item(row, 0)
        if item is not None:
            self.activities.editItem(item)
        self._edited()

    def _remove_activity(self) -> None:
        row = self.activities.currentRow()
        if row >= 0:
            self.activities.removeRow(row)
            self._fit()
            self._edited()

    def values(self) -> dict[str, Any]:
        """The plan's fields as shown; ValueError names a row that is not right."""
        agreements = tuple(
            text
            for i in range(self.agreements.count())
            if (text := self.agreements.item(i).text().strip())
        )
        activities = tuple(
            activity for row in range(self.activities.rowCount()) if (activity := self._read(row))
        )
        next_contact = None
        if self.next_on.isChecked():
            next_contact = NextContact(
                at=from_qdatetime(self.next_at.dateTime()),
                kind=ContactKind(self.next_kind.currentData()),
                initiator=Initiator(self.next_who.currentData()),
            )
        return {
            "goal": self.goal.toPlainText().strip(),
            "agreements": agreements,
            "activities": activities,
            "next_contact": next_contact,
        }

    def _read(self, row: int) -> Activity | None:
        cells = [self.activities.item(row, c) for c in range(3)]
        title, starts, ends = (cell.text().strip() if cell else "" for cell in cells)
        if not (title or starts or ends):
            return None
        if not title:
            raise ValueError(self.tr("Aktivitet %d mangler en titel.") % (row + 1))
        try:
            first, last = parse_day(starts), parse_day(ends)
        except ValueError:
            raise ValueError(
                self.tr("Aktivitet %d: skriv datoerne som dd.mm.åååå.") % (row + 1)
            ) from None
        if first is None and last is not None:
            raise ValueError(self.tr("Aktivitet %d: en slutdato kræver en startdato.") % (row + 1))
        if first and last and last < first:
            raise ValueError(self.tr("Aktivitet %d slutter, før den starter.") % (row + 1))
        status = self.activities.cellWidget(row, 3)
        assert isinstance(status, QComboBox)
        return Activity(
            title=title, starts_on=first, ends_on=last, status=ActivityStatus(status.currentData())
        )

    def save(self) -> None:
        citizen_id = self.page.citizen_id
        if citizen_id is None:
            return
        try:
            values = self.values()
        except (ValueError, ValidationError) as problem:
            text = describe(problem) if isinstance(problem, ValidationError) else str(problem)
            self.error.show_error(text)
            return
        self.error.clear()
        self.save_button.setEnabled(False)
        self.state.setText(self.tr("Gemmer …"))
        self.page.session.run(
            lambda ws: ws.plans.update(citizen_id, **values),
            done=self._saved,
            error=self._failed,
            changes="citizens",
        )

    def _saved(self, plan: Plan) -> None:
        self._set_dirty(False)
        self.state.setText(self.tr("Planen er gemt %s.") % fmt_datetime(plan.updated_at))
        self.page.plan_saved.emit()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.state.setText(self.tr("Planen er ikke gemt."))
        self.error.show_error(describe(error))

    def clear(self) -> None:
        self._filling = True
        self.goal.clear()
        self.agreements.clear()
        self.activities.setRowCount(0)
        self.next_on.setChecked(False)
        self._filling = False
        self.error.clear()
        self.state.clear()
        self._set_dirty(False)


# -- progression ---------------------------------------------------------------------------


class ProgressionTab(QWidget):
    """Scores per life area over time, and the milestones."""

    def __init__(self, page: CasePage) -> None:
        super().__init__()
        self.page = page
        self.table = QTableWidget(len(LifeArea), 0)
        self.table.setAccessibleName(self.tr("Scorer pr. livsområde"))
        self.table.setVerticalHeaderLabels([area_label(a) for a in LifeArea])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.milestones = QTableWidget(0, 5)
        self.milestones.setAccessibleName(self.tr("Milepæle"))
        self.milestones.setHorizontalHeaderLabels(
            [
                self.tr("Milepæl"),
                self.tr("Fra"),
                self.tr("Til"),
                self.tr("Partner"),
                self.tr("Note"),
            ]
        )
        self.milestones.verticalHeader().hide()
        self.milestones.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.milestones.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.no_scores = muted(self.tr("Der er ikke givet nogen scorer endnu. Brug “Ny score”."))
        self.no_milestones = muted(self.tr("Ingen milepæle endnu. Brug “Ny milepæl”."))
        #: The chart of the scores over time, made when the tab is first shown with
        #: scores (matplotlib is imported on the worker first, never at start-up).
        self.chart_slot = QVBoxLayout()
        self.chart: Any = None
        self._chart_scores: list[ProgressionScore] | None = None
        self._lay_out()

    def _lay_out(self) -> None:
        score = QPushButton(self.tr("Ny score"))
        score.clicked.connect(self.page.new_score)
        milestone = QPushButton(self.tr("Ny milepæl"))
        milestone.clicked.connect(self.page.new_milestone)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(self.tr("Scorer pr. livsområde"), level=2))
        layout.addWidget(
            muted(self.tr("1 er det sværeste, 10 det bedste. Ændring: siden første score."))
        )
        layout.addWidget(self.table)
        layout.addWidget(self.no_scores)
        layout.addLayout(_row(score, stretch=True))
        layout.addLayout(self.chart_slot)
        layout.addWidget(heading(self.tr("Milepæle"), level=2))
        layout.addWidget(self.milestones)
        layout.addWidget(self.no_milestones)
        layout.addLayout(_row(milestone, stretch=True))
        layout.addStretch(1)
        QVBoxLayout(self).addWidget(_scrolling(inner))

    def fill(self, data: CaseData) -> None:
        self._fill_scores(data.scores)
        self._fill_milestones(data)
        self._chart_scores = list(data.scores)
        self._draw_chart()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._draw_chart()

    def _draw_chart(self) -> None:
        """Draw the scores over time, once the tab is on screen."""
        scores = self._chart_scores
        if scores is None or not self.isVisible():
            return
        if "outreach_app.ui.charts" not in sys.modules:
            self.page.session.submit(_import_charts, done=lambda _: self._draw_chart())
            return
        from outreach_app.reporting.charts import score_history  # noqa: PLC0415
        from outreach_app.ui.charts import Chart  # noqa: PLC0415

        self._chart_scores = None
        if self.chart is None:
            self.chart = Chart(width=7.0, height=2.8, name=self.tr("Scorer over tid"))
            self.chart_slot.addWidget(heading(self.tr("Scorer over tid"), level=2))
            self.chart_slot.addWidget(self.chart)
        self.chart.setVisible(bool(scores))
        self.chart.show_drawing(
            lambda ax, language: score_history(ax, scores, language, title=False)
        )

    def _fill_scores(self, scores: list[ProgressionScore]) -> None:
        days = sorted({s.scored_on for s in scores})
        latest: dict[tuple[LifeArea, date], int] = {}
        for entry in scores:  # oldest first: a later score the same day wins
            latest[(entry.area, entry.scored_on)] = entry.score
        self.table.clearContents()
        self.table.setColumnCount(len(days) + 2)
        self.table.setHorizontalHeaderLabels(
            [fmt_date(d) for d in days] + [self.tr("Seneste"), self.tr("Ændring")]
        )
        for row, area in enumerate(LifeArea):
            series = [latest.get((area, d)) for d in days]
            for column, value in enumerate(series):
                self._cell(row, column, "" if value is None else str(value))
            given = [v for v in series if v is not None]
            last = str(given[-1]) if given else ""
            change = _change(given[-1] - given[0]) if len(given) > 1 else ""
            self._cell(row, len(days), last, bold=True)
            self._cell(row, len(days) + 1, change)
        self.no_scores.setVisible(not scores)
        _fit_rows(self.table, least=len(LifeArea), scrollbar=len(days) > 8)

    def _cell(self, row: int, column: int, text: str, *, bold: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, column, item)

    def _fill_milestones(self, data: CaseData) -> None:
        ordered = sorted(data.milestones, key=lambda m: m.starts_on, reverse=True)
        self.milestones.setRowCount(len(ordered))
        for row, milestone in enumerate(ordered):
            values = (
                milestone_label(milestone.kind),
                fmt_date(milestone.starts_on),
                fmt_date(milestone.ends_on) or self.tr("i gang"),
                data.partner(milestone.partner_id),
                milestone.note,
            )
            for column, value in enumerate(values):
                self.milestones.setItem(row, column, QTableWidgetItem(value))
        self.no_milestones.setVisible(not ordered)
        _fit_rows(self.milestones)

    def clear(self) -> None:
        self.table.clearContents()
        self.table.setColumnCount(0)
        self.milestones.setRowCount(0)
        self._chart_scores = None
        if self.chart is not None:
            self.chart.clear()


def _import_charts() -> None:
    """On the worker: load matplotlib's Qt canvas before the GUI thread needs it."""
    import outreach_app.ui.charts  # noqa: F401, PLC0415


def _change(delta: int) -> str:
    return f"+{delta}" if delta > 0 else ("±0" if delta == 0 else f"−{-delta}")


# -- consents and referrals ----------------------------------------------------------------


class ReferralsTab(QWidget):
    """The citizen's consents and the referrals that rest on them."""

    def __init__(self, page: CasePage) -> None:
        super().__init__()
        self.page = page
        self.consents = _table(
            [
                self.tr("Omfang"),
                self.tr("Partner"),
                self.tr("Givet"),
                self.tr("Udløber"),
                self.tr("Tilbagekaldt"),
            ],
            self.tr("Samtykker"),
            stretch=0,
        )
        self.referrals = _table(
            [self.tr("Partner"), self.tr("Formål"), self.tr("Henvist"), self.tr("Status")],
            self.tr("Henvisninger"),
        )
        self.new_status = QComboBox()
        self.new_status.setAccessibleName(self.tr("Ny status for henvisningen"))
        for status in ReferralStatus:
            self.new_status.addItem(referral_label(status), status.value)
        self.error = ErrorLabel()
        self.no_consents = muted(
            self.tr("Borgeren har ikke givet samtykke til at dele oplysninger.")
        )
        self.no_referrals = muted(self.tr("Ingen henvisninger endnu."))
        self._lay_out()

    def _lay_out(self) -> None:
        give = QPushButton(self.tr("Giv samtykke"))
        give.clicked.connect(self.page.give_consent)
        self.withdraw_button = QPushButton(self.tr("Tilbagekald"))
        self.withdraw_button.clicked.connect(self.withdraw)
        refer = QPushButton(self.tr("Ny henvisning"))
        refer.clicked.connect(self.page.new_referral)
        self.move_button = QPushButton(self.tr("Skift status"))
        self.move_button.clicked.connect(self.move_referral)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Samtykker"), level=2))
        layout.addWidget(self.consents, 1)
        layout.addWidget(self.no_consents)
        layout.addLayout(_row(give, self.withdraw_button, stretch=True))
        layout.addWidget(heading(self.tr("Henvisninger"), level=2))
        layout.addWidget(self.referrals, 1)
        layout.addWidget(self.no_referrals)
        status_row = _row(refer, stretch=True)
        status_row.addWidget(QLabel(self.tr("Valgt henvisning:")))
        status_row.addWidget(self.new_status)
        status_row.addWidget(self.move_button)
        layout.addLayout(status_row)
        layout.addWidget(self.error)

    def fill(self, data: CaseData) -> None:
        self.consents.setRowCount(len(data.consents))
        for row, consent in enumerate(data.consents):
            partner = data.partner(consent.partner_id) or self.tr("partnerne i omfanget")
            values = (
                consent.scope,
                partner,
                fmt_date(consent.given_on),
                fmt_date(consent.expires_on) or self.tr("udløber ikke"),
                fmt_date(consent.withdrawn_on),
            )
            _fill_row(self.consents, row, values, consent.id)
        self.referrals.setRowCount(len(data.referrals))
        for row, referral in enumerate(data.referrals):
            cells = (
                data.partner(referral.partner_id),
                referral.purpose,
                fmt_date(referral.referred_on),
                referral_label(referral.status),
            )
            _fill_row(self.referrals, row, cells, referral.id)
        self.no_consents.setVisible(not data.consents)
        self.no_referrals.setVisible(not data.referrals)

    def withdraw(self) -> None:
        consent_id = _selected(self.consents)
        if consent_id is None:
            self.error.show_error(self.tr("Vælg først det samtykke, der skal tilbagekaldes."))
            return
        self.error.clear()
        self.page.confirm(
            self.tr("Tilbagekald samtykke"),
            self.tr("Borgeren tilbagekalder samtykket fra i dag. Der kan ikke deles mere på det."),
            self.tr("Tilbagekald"),
            lambda: self._withdraw(consent_id),
        )

    def _withdraw(self, consent_id: str) -> None:
        self.page.session.run(
            lambda ws: ws.consents.withdraw(consent_id),
            done=lambda _consent: self.page.nav.say(self.tr("Samtykket er tilbagekaldt.")),
            error=lambda error: self.error.show_error(describe(error)),
            changes="consents",
        )

    def move_referral(self) -> None:
        referral_id = _selected(self.referrals)
        if referral_id is None:
            self.error.show_error(self.tr("Vælg først den henvisning, der skal have ny status."))
            return
        self.error.clear()
        status = ReferralStatus(self.new_status.currentData())
        self.page.session.run(
            lambda ws: ws.referrals.move(referral_id, status),
            done=lambda _referral: self.page.nav.say(self.tr("Henvisningen har fået ny status.")),
            error=lambda error: self.error.show_error(describe(error)),
            changes="referrals",
        )

    def clear(self) -> None:
        self.consents.setRowCount(0)
        self.referrals.setRowCount(0)
        self.error.clear()


def _table(headers: list[str], name: str, *, stretch: int = 1) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill_row(table: QTableWidget, row: int, values: Iterable[str], record_id: str) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        item.setToolTip(value)
        table.setItem(row, column, item)


def _selected(table: QTableWidget) -> str | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def _scrolling(inner: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(inner)
    return scroll


def _fit_rows(
    table: QTableWidget, *, least: int = 1, most: int = 15, scrollbar: bool = False
) -> None:
    """Make the table as tall as its rows (within limits), so the page scrolls, not
    the table; sizes come from the font, so they follow the scaling."""
    table.resizeRowsToContents()
    header = table.verticalHeader()
    shown = min(max(table.rowCount(), least), most)
    rows = sum(header.sectionSize(i) for i in range(min(shown, table.rowCount())))
    rows += max(0, shown - table.rowCount()) * header.defaultSectionSize()
    height = table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth()
    if scrollbar:
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height)


def _row(*widgets: QWidget, stretch: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.addStretch(1)
    return row


# -- details -------------------------------------------------------------------------------


class DetailsTab(QWidget):
    """The citizen's details, edited in place; hidden behind a cover in discreet mode."""

    def __init__(self, page: CasePage) -> None:
        super().__init__()
        self.page = page
        self.dirty = False
        self._filling = False
        self._citizen: Citizen | None = None
        self._stash: dict[str, Any] | None = None
        self._existing: str | None = None
        self.first = QLineEdit()
        self.last = QLineEdit()
        self.cpr = QLineEdit()
        self.cpr_error = ErrorLabel()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.target = QComboBox()
        self.target.addItem(self.tr("ikke angivet"), None)
        for group in TargetGroup:
            self.target.addItem(target_label(group), group.value)
        self.language = QComboBox()
        for language in Language:
            self.language.addItem(_label(_LANGUAGE, language), language.value)
        self.status = QComboBox()
        for status in CitizenStatus:
            self.status.addItem(status_label(status), status.value)
        self.error = ErrorLabel()
        self.open_existing = QPushButton(self.tr("Åbn den borger, der har CPR-nummeret"))
        self.open_existing.clicked.connect(self._open_existing)
        self.open_existing.hide()
        self.state = muted("")
        self.save_button = QPushButton(self.tr("Gem oplysninger"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._form())
        self.stack.addWidget(self._cover())
        QVBoxLayout(self).addWidget(self.stack)
        self._connect()
        self._set_dirty(False)

    def _form(self) -> QWidget:
        form = QFormLayout()
        form.addRow(self.tr("&Fornavn:"), self.first)
        form.addRow(self.tr("&Efternavn:"), self.last)
        cpr = QVBoxLayout()
        cpr.setContentsMargins(0, 0, 0, 0)
        cpr.addWidget(self.cpr)
        cpr.addWidget(self.cpr_error)
        cpr_label = QLabel(self.tr("&CPR-nummer:"))
        cpr_label.setBuddy(self.cpr)
        form.addRow(cpr_label, cpr)
        form.addRow(self.tr("&Telefon:"), self.phone)
        form.addRow(self.tr("E-&mail:"), self.email)
        form.addRow(self.tr("&Adresse:"), self.address)
        form.addRow(self.tr("&Målgruppe:"), self.target)
        form.addRow(self.tr("&Sprog:"), self.language)
        form.addRow(self.tr("Sta&tus:"), self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.save_button)
        box = QWidget()
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.open_existing, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        column.addLayout(bottom)
        return box

    def _cover(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.addStretch(1)
        text = muted(
            self.tr(
                "Oplysningerne er skjult i diskret visning. "
                "Slå diskret visning fra (Ctrl+D) for at se og rette dem."
            )
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(text)
        column.addStretch(2)
        return box

    def _connect(self) -> None:
        for edit in (self.first, self.last, self.phone, self.email, self.address):
            edit.textEdited.connect(self._edited)
        self.cpr.textEdited.connect(self._cpr_typed)
        self.cpr.editingFinished.connect(self._cpr_done)
        for combo in (self.target, self.language, self.status):
            combo.currentIndexChanged.connect(self._edited)
        for edit in (self.first, self.last, self.cpr, self.phone, self.email, self.address):
            edit.returnPressed.connect(self.save)

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        if dirty:
            self.state.setText(self.tr("Ændringer er ikke gemt endnu."))

    # -- the CPR number, checked as it is typed ------------------------------------------------

    def _cpr_problem(self) -> str | None:
        text = self.cpr.text().strip()
        if not text:
            return None
        try:
            parse_cpr(text, today=today_of(self.page.session))
        except InvalidCpr as problem:
            return describe(problem)
        return None

    def _cpr_typed(self, text: str) -> None:
        """Say what is wrong once the number is complete; while it is being typed
        (or corrected) say nothing."""
        self._edited()
        problem = self._cpr_problem()
        complete = sum(c.isdigit() for c in text) >= 10 or len(text.strip()) > 11
        if problem is not None and complete:
            self.cpr_error.show_error(problem)
        else:
            self.cpr_error.clear()

    def _cpr_done(self) -> None:
        problem = self._cpr_problem()
        if problem is not None:
            self.cpr_error.show_error(problem)

    # -- filling and reading -------------------------------------------------------------------

    def fill(self, citizen: Citizen) -> None:
        """Show the citizen's details, unless the consultant is editing them."""
        if self.dirty and self._citizen is not None and self._citizen.id == citizen.id:
            return
        self._citizen = citizen
        values = self._values_of(citizen)
        if self.stack.currentIndex() == 1:  # covered in discreet mode
            self._stash = values
        else:
            self._set_values(values)
        self._set_dirty(False)
        self.error.clear()
        self.open_existing.hide()

    def _values_of(self, citizen: Citizen) -> dict[str, Any]:
        return {
            "first": citizen.first_name,
            "last": citizen.last_name,
            "cpr": "",
            "phone": citizen.phone or "",
            "email": citizen.email,
            "address": citizen.address,
            "target": citizen.target_group.value if citizen.target_group else None,
            "language": citizen.language.value,
            "status": citizen.status.value,
            "masked": f"{citizen.cpr[:6]}-xxxx" if citizen.cpr else "",
        }

    def _form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: edit.text() for key, edit in self._edits().items()}
        values.update(
            target=self.target.currentData(),
            language=self.language.currentData(),
            status=self.status.currentData(),
            masked=self._citizen.cpr[:6] + "-xxxx" if self._citizen and self._citizen.cpr else "",
        )
        return values

    def _edits(self) -> dict[str, QLineEdit]:
        return {
            "first": self.first,
            "last": self.last,
            "cpr": self.cpr,
            "phone": self.phone,
            "email": self.email,
            "address": self.address,
        }

    def _set_values(self, values: dict[str, Any]) -> None:
        self._filling = True
        for key, edit in self._edits().items():
            edit.setText(values[key])
        for combo, key in ((self.target, "target"), (self.language, "language")):
            combo.setCurrentIndex(max(0, combo.findData(values[key])))
        self.status.setCurrentIndex(max(0, self.status.findData(values["status"])))
        masked = values["masked"]
        self.cpr.setPlaceholderText(
            self.tr("%s – skriv hele nummeret for at rette det") % masked
            if masked
            else self.tr("DDMMÅÅ-XXXX")
        )
        self._filling = False

    def changes(self) -> dict[str, Any]:
        """What the consultant changed, as ``ws.citizens.update`` takes it."""
        citizen = self._citizen
        assert citizen is not None
        texts = {
            "first_name": (self.first.text().strip(), citizen.first_name),
            "last_name": (self.last.text().strip(), citizen.last_name),
            "phone": (self.phone.text().strip(), citizen.phone or ""),
            "email": (self.email.text().strip(), citizen.email),
            "address": (self.address.text().strip(), citizen.address),
        }
        changes: dict[str, Any] = {k: new for k, (new, old) in texts.items() if new != old}
        target = self.target.currentData()
        if target != (citizen.target_group.value if citizen.target_group else None):
            changes["target_group"] = TargetGroup(target) if target else None
        if self.language.currentData() != citizen.language.value:
            changes["language"] = Language(self.language.currentData())
        if self.status.currentData() != citizen.status.value:
            changes["status"] = CitizenStatus(self.status.currentData())
        if self.cpr.text().strip():
            changes["cpr"] = self.cpr.text().strip()
        return changes

    def save(self) -> None:
        if self._citizen is None or self.page.session.discreet:
            return
        problem = self._cpr_problem()
        if problem is not None:
            self.cpr_error.show_error(problem)
            self.cpr.setFocus()
            return
        changes = self.changes()
        if not changes:
            self.state.setText(self.tr("Der er ingen ændringer at gemme."))
            return
        citizen_id = self._citizen.id
        self.error.clear()
        self.open_existing.hide()
        self.save_button.setEnabled(False)
        self.state.setText(self.tr("Gemmer …"))
        self.page.session.run(
            lambda ws: ws.citizens.update(citizen_id, **changes),
            done=self._saved,
            error=self._failed,
            changes="citizens",
        )

    def _saved(self, citizen: Citizen) -> None:
        self._set_dirty(False)
        self.fill(citizen)
        self.state.setText(self.tr("Oplysningerne er gemt."))
        self.page.details_saved.emit()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.state.setText(self.tr("Oplysningerne er ikke gemt."))
        if isinstance(error, InvalidCpr):
            self.cpr_error.show_error(describe(error))
            return
        self.error.show_error(describe(error))
        if isinstance(error, DuplicateCpr):
            self._existing = str(error.existing_id)
            self.open_existing.show()

    def _open_existing(self) -> None:
        if self._existing:
            self.page.nav.open_case(self._existing)

    # -- discreet mode and lock ----------------------------------------------------------------

    def set_discreet(self, on: bool) -> None:
        """Cover the form (and take the names out of its fields) or show it again."""
        if on and self.stack.currentIndex() == 0:
            self._stash = self._form_values()
            self._filling = True
            for edit in self._edits().values():
                edit.clear()
            self.cpr.setPlaceholderText("")
            self._filling = False
            self.stack.setCurrentIndex(1)
        elif not on and self.stack.currentIndex() == 1:
            if self._stash is not None:
                self._set_values(self._stash)
            self._stash = None
            self.stack.setCurrentIndex(0)

    def clear(self) -> None:
        self._filling = True
        for edit in self._edits().values():
            edit.clear()
        self.cpr.setPlaceholderText("")
        self._filling = False
        self._stash = None
        self._citizen = None
        self._existing = None
        for label in (self.error, self.cpr_error):
            label.clear()
        self.open_existing.hide()
        self.state.clear()
        self._set_dirty(False)


# -- the page ------------------------------------------------------------------------------


class CasePage(Page):
    """One citizen's case."""

    name = "case"
    kinds = frozenset(
        {"all", "citizens", "notes", "agenda", "partners", "consents", "referrals", "case"}
    )

    case_loaded = Signal(str)  # citizen id, after the case was shown
    plan_saved = Signal()
    details_saved = Signal()
    cpr_revealed = Signal()

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self.citizen_id: str | None = None
        self.data: CaseData | None = None
        self._revealed: str | None = None
        self._stale = False
        self._expect_change = False
        self._build()

    def title(self) -> str:
        return self.tr("Borger")

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.timeline = TimelineTab(self)
        self.plan = PlanTab(self)
        self.progression = ProgressionTab(self)
        self.referrals = ReferralsTab(self)
        self.details = DetailsTab(self)
        self.tabs.addTab(self.timeline, self.tr("&Tidslinje"))
        self.tabs.addTab(self.plan, self.tr("&Plan"))
        self.tabs.addTab(self.progression, self.tr("P&rogression"))
        self.tabs.addTab(self.referrals, self.tr("&Henvisninger og samtykker"))
        self.tabs.addTab(self.details, self.tr("&Detaljer"))
        self.nothing = muted(
            self.tr("Ingen borger er valgt. Find en borger med søgefeltet øverst (Ctrl+F).")
        )
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._header())
        column.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.nothing)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 12)
        layout.addWidget(self.stack)

    def _header(self) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        self.name_label = heading("")
        self.name_label.setAccessibleName(self.tr("Borgerens navn"))
        self.status_badge = QLabel()
        self.status_badge.setObjectName("badge")
        self.drafts_label = QLabel()
        self.drafts_label.setObjectName("warning")
        self.drafts_label.hide()
        top = _row(self.name_label, self.status_badge, stretch=True)
        top.addWidget(self.drafts_label)
        layout = QVBoxLayout(card)
        layout.addLayout(top)
        layout.addLayout(self._facts())
        layout.addLayout(self._actions())
        return card

    def _facts(self) -> QGridLayout:
        self.cpr_value = QLabel()
        self.cpr_value.setAccessibleName(self.tr("CPR-nummer"))
        self.reveal_button = QPushButton(self.tr("Vis"))
        self.reveal_button.setAccessibleName(self.tr("Vis hele CPR-nummeret"))
        self.reveal_button.clicked.connect(self.toggle_cpr)
        self.copy_cpr_button = QPushButton(self.tr("Kopiér"))
        self.copy_cpr_button.setAccessibleName(self.tr("Kopiér CPR-nummeret"))
        self.copy_cpr_button.clicked.connect(self.copy_cpr)
        self.phone_value = QLabel()
        self.phone_value.setAccessibleName(self.tr("Telefon"))
        self.copy_phone_button = QPushButton(self.tr("Kopiér"))
        self.copy_phone_button.setAccessibleName(self.tr("Kopiér telefonnummeret"))
        self.copy_phone_button.clicked.connect(self.copy_phone)
        self.consultant_value = QLabel()
        self.target_value = QLabel()
        self.next_value = QLabel()
        self.next_value.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        cells: list[tuple[str, list[QWidget]]] = [
            (self.tr("CPR:"), [self.cpr_value, self.reveal_button, self.copy_cpr_button]),
            (self.tr("Telefon:"), [self.phone_value, self.copy_phone_button]),
            (self.tr("Jobkonsulent:"), [self.consultant_value]),
            (self.tr("Målgruppe:"), [self.target_value]),
        ]
        for index, (label, widgets) in enumerate(cells):
            row, column = divmod(index, 2)
            grid.addWidget(_muted_label(label), row, column * 2)
            cell = _row(*widgets, stretch=True)
            cell.setSpacing(6)
            cell.insertSpacing(1, 6)
            grid.addLayout(cell, row, column * 2 + 1)
        grid.addWidget(_muted_label(self.tr("Næste aftale:")), 2, 0)
        grid.addWidget(self.next_value, 2, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def _actions(self) -> QHBoxLayout:
        self.note_button = QPushButton(self.tr("Nyt notat (Ctrl+N)"))
        self.note_button.setDefault(True)
        self.note_button.clicked.connect(self.new_note)
        self.book_button = QPushButton(self.tr("Book møde"))
        self.book_button.clicked.connect(self.book)
        self.milestone_button = QPushButton(self.tr("Ny milepæl"))
        self.milestone_button.clicked.connect(self.new_milestone)
        self.score_button = QPushButton(self.tr("Ny score"))
        self.score_button.clicked.connect(self.new_score)
        self.printout_button = QPushButton(self.tr("Det aftalte (udskrift) …"))
        self.printout_button.setAccessibleName(self.tr("Udskriv det aftalte til borgeren"))
        self.printout_button.clicked.connect(self.printout)
        row = _row(
            self.note_button,
            self.book_button,
            self.milestone_button,
            self.score_button,
            stretch=True,
        )
        row.addWidget(self.printout_button)
        return row

    # -- showing a case ------------------------------------------------------------------------

    def show_citizen(self, citizen_id: str, tab: str | None = None) -> None:
        """Show the citizen's case, on ``tab`` (a name of TABS) or where it was."""
        if citizen_id != self.citizen_id:
            self._forget()
            self.citizen_id = citizen_id
            self.tabs.setCurrentIndex(0)
        self._hide_cpr()
        if tab is not None:
            self.select_tab(tab)
        self._stale = False
        self.refresh()

    def select_tab(self, tab: str) -> None:
        key = _TAB_ALIASES.get(tab.casefold(), tab.casefold())
        if key in TABS:
            self.tabs.setCurrentIndex(TABS.index(key))
        else:
            log.warning("no case tab %s", key)

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def refresh(self) -> None:
        citizen_id = self.citizen_id
        if citizen_id is None or self.session.is_locked:
            return
        self.session.run(
            lambda ws: load_case(ws, citizen_id),
            done=self._loaded,
            error=self._load_failed,
            key="case",
        )

    def _on_changed(self, kind: str) -> None:
        if kind != "all" and kind not in self.kinds:
            return
        self._expect_change = False
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # read again when shown (each read is logged)

    def _loaded(self, data: CaseData) -> None:
        if data.citizen.id != self.citizen_id or self.session.is_locked:
            return
        self.data = data
        self.stack.setCurrentIndex(1)
        self.plan.fill(data.plan)
        self.details.fill(data.citizen)
        self.progression.fill(data)
        self.referrals.fill(data)
        self.timeline.fill(timeline(data))
        self.redraw()
        self.case_loaded.emit(data.citizen.id)

    def _load_failed(self, error: BaseException) -> None:
        self.nav.say(describe(error))
        log.warning("case could not be loaded: %s", type(error).__name__)

    # -- what the header shows -----------------------------------------------------------------

    def redraw(self) -> None:
        data = self.data
        discreet = self.session.discreet
        if discreet:
            self._hide_cpr()
        self.details.set_discreet(discreet)
        if data is None:
            return
        citizen = data.citizen
        self.name_label.setText(
            self.session.name(citizen.first_name, citizen.last_name, citizen.initials)
        )
        self.status_badge.setText(status_label(citizen.status))
        self._draw_cpr()
        self._draw_phone()
        self.consultant_value.setText(self._consultant_text(data))
        self.target_value.setText(target_label(citizen.target_group) or self.tr("ikke angivet"))
        self.next_value.setText(self._next_text(data))
        drafts = sum(1 for note in data.notes if not note.finished)
        self.drafts_label.setText(self.tr("%n notat(er) er ikke afsluttet", "", drafts))
        self.drafts_label.setVisible(drafts > 0)
        self.timeline.redraw()

    def _draw_cpr(self) -> None:
        assert self.data is not None
        cpr = self.data.citizen.cpr
        discreet = self.session.discreet
        if not cpr:
            self.cpr_value.setText(self.tr("ikke registreret"))
        elif discreet:
            self.cpr_value.setText(self.tr("skjult"))
        else:
            self.cpr_value.setText(self._revealed or f"{cpr[:6]}-xxxx")
        self.reveal_button.setVisible(bool(cpr) and not discreet)
        self.reveal_button.setText(self.tr("Skjul") if self._revealed else self.tr("Vis"))
        self.copy_cpr_button.setVisible(bool(cpr))

    def _draw_phone(self) -> None:
        assert self.data is not None
        phone = self.data.citizen.phone
        if not phone:
            self.phone_value.setText(self.tr("ikke registreret"))
        elif self.session.discreet:
            self.phone_value.setText(self.tr("skjult"))
        else:
            self.phone_value.setText(format_phone(phone))
        self.copy_phone_button.setVisible(bool(phone))

    def _consultant_text(self, data: CaseData) -> str:
        if data.consultant is None:
            return self.tr("ingen")
        if data.consultant.id == data.me_id:
            return self.tr("%s (dig)") % data.consultant.name
        return data.consultant.name

    def _next_text(self, data: CaseData) -> str:
        now = data.now or now_of(self.session)
        planned = [
            a
            for a in data.appointments
            if a.status is AppointmentStatus.PLANNED and a.starts_at >= now
        ]
        if planned:
            first = min(planned, key=lambda a: a.starts_at)
            return self.tr("%s – %s") % (fmt_datetime(first.starts_at), kind_label(first.kind))
        upcoming = data.plan.next_contact
        if upcoming is not None and upcoming.at >= now:
            return self.tr("%s – %s (%s tager kontakt)") % (
                fmt_datetime(upcoming.at),
                kind_label(upcoming.kind),
                initiator_label(upcoming.initiator),
            )
        return self.tr("ingen aftalt")

    # -- the CPR number and the phone number ---------------------------------------------------

    def toggle_cpr(self) -> None:
        """Reveal the full CPR number (logged) or mask it again."""
        if self._revealed:
            self._hide_cpr()
            return
        if self.session.discreet or self.citizen_id is None:
            return
        citizen_id = self.citizen_id
        self.session.run(
            lambda ws: ws.citizens.reveal_cpr(citizen_id),
            done=lambda cpr: self._show_cpr(citizen_id, cpr),
            key="reveal",
        )

    def _show_cpr(self, citizen_id: str, cpr: str) -> None:
        if citizen_id != self.citizen_id or self.session.discreet or not self.isVisible():
            return
        self._revealed = cpr or None
        if self.data is not None:
            self._draw_cpr()
        self.cpr_revealed.emit()

    def _hide_cpr(self) -> None:
        if self._revealed is None:
            return
        self._revealed = None
        if self.data is not None:
            self._draw_cpr()

    def copy_cpr(self) -> None:
        """Copy the full CPR number (reading it is logged like revealing it)."""
        if self.citizen_id is None:
            return
        citizen_id = self.citizen_id
        self.session.run(
            lambda ws: ws.citizens.reveal_cpr(citizen_id),
            done=lambda cpr: self.nav.copy_sensitive(cpr) if cpr else None,
        )

    def copy_phone(self) -> None:
        if self.data is not None and self.data.citizen.phone:
            self.nav.copy_sensitive(self.data.citizen.phone)

    # -- actions -------------------------------------------------------------------------------

    def new_note(self) -> None:
        if self.citizen_id is not None:
            self.nav.new_note(self.citizen_id)

    def book(self) -> None:
        from outreach_app.ui.dialogs.appointment import AppointmentDialog  # noqa: PLC0415

        if self.citizen_id is None:
            return
        dialog = AppointmentDialog(self.session, citizen_id=self.citizen_id, parent=self)
        dialog.saved.connect(self._after_dialog)
        dialog.open()

    def new_milestone(self) -> None:
        from outreach_app.ui.dialogs.milestone import MilestoneDialog  # noqa: PLC0415

        if self.citizen_id is None:
            return
        dialog = MilestoneDialog(self.session, self.citizen_id, parent=self)
        dialog.added.connect(self._after_dialog)
        dialog.open()

    def new_score(self) -> None:
        from outreach_app.ui.dialogs.score import ScoreDialog  # noqa: PLC0415

        if self.citizen_id is None:
            return
        dialog = ScoreDialog(self.session, self.citizen_id, parent=self)
        dialog.scored.connect(self._after_dialog)
        dialog.open()

    def printout(self) -> None:
        """The citizen's page "Det aftalte": preview, then print or save (logged)."""
        from outreach_app.ui.dialogs.printout import PrintoutDialog  # noqa: PLC0415

        if self.citizen_id is None:
            return
        dialog = PrintoutDialog(self.session, self.citizen_id, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def give_consent(self) -> None:
        from outreach_app.ui.dialogs.consent import ConsentDialog  # noqa: PLC0415

        if self.citizen_id is None:
            return
        dialog = ConsentDialog(self.session, self.citizen_id, parent=self)
        dialog.given.connect(self._after_dialog)
        dialog.open()

    def new_referral(self) -> None:
        from outreach_app.ui.dialogs.referral import ReferralDialog  # noqa: PLC0415

        if self.citizen_id is None:
            return
        dialog = ReferralDialog(self.session, citizen_id=self.citizen_id, parent=self)
        dialog.referred.connect(self._after_dialog)
        dialog.open()

    def _after_dialog(self, *_ids: object) -> None:
        """A dialog saved something: read the case again, unless the session's
        ``changed`` signal (which normally follows at once) already did."""
        self._expect_change = True
        QTimer.singleShot(0, self._refresh_if_unchanged)

    def _refresh_if_unchanged(self) -> None:
        if self._expect_change:
            self._expect_change = False
            self.refresh()

    def confirm(self, title: str, text: str, yes: str, then: Callable[[], None]) -> None:
        """Ask before something that cannot be undone; ``then`` runs on yes."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Fortryd"))

        def answered(result: int) -> None:
            box.deleteLater()
            if result == QMessageBox.StandardButton.Yes.value:
                then()

        box.finished.connect(answered)
        box.open()

    # -- privacy -------------------------------------------------------------------------------

    def _forget(self) -> None:
        """Empty every widget of the case (another citizen, or the session locked)."""
        self.data = None
        self._revealed = None
        for label in (
            self.name_label,
            self.status_badge,
            self.cpr_value,
            self.phone_value,
            self.consultant_value,
            self.target_value,
            self.next_value,
            self.drafts_label,
        ):
            label.clear()
        self.drafts_label.hide()
        for tab in (self.timeline, self.plan, self.progression, self.referrals, self.details):
            tab.clear()
        self.stack.setCurrentIndex(0)

    def clear(self) -> None:
        """Forget everything personal; ``citizen_id`` and the tab stay, so ``refresh``
        after unlock shows the same case again."""
        self._forget()
        if self.citizen_id is not None:
            self.stack.setCurrentIndex(1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self._hide_cpr()  # leaving the case hides the CPR number again
        super().hideEvent(event)


def _muted_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("muted")
    return label
