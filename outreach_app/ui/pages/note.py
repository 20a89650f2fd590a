"""The note editor: a journalnotat written while the citizen is there.

A new note is a draft in the vault from the first moment (``ws.notes.start``), so
nothing typed can be lost: it is saved three seconds after the last change, at
once when the session is about to lock and when the consultant leaves the page.
A finished note is a record: it opens read-only and is corrected by an addendum.
Typing costs nothing beyond restarting the autosave timer, so a long note stays
responsive.

The module also holds the Danish labels of the note's terms (kinds of contact,
topics, who takes the next contact) and the date helpers the case view and its
dialogs share.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QHideEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import DANISH_TIME, SystemClock
from outreach_app.domain.contacts import AppointmentStatus, Attendance, ContactKind, Initiator
from outreach_app.domain.errors import ValidationError
from outreach_app.domain.notes import SessionNote, Topic
from outreach_app.domain.plan import NextContact
from outreach_app.ui import templates
from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.errors import describe
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading, muted

log = logging.getLogger(__name__)

#: Milliseconds between the last change and the autosave.
AUTOSAVE_MS = 3000

# -- labels --------------------------------------------------------------------------------

_KIND = {
    ContactKind.DROP_IN: QT_TRANSLATE_NOOP("Labels", "åben rådgivning"),
    ContactKind.FOLLOW_UP: QT_TRANSLATE_NOOP("Labels", "opfølgningssamtale"),
    ContactKind.PHONE: QT_TRANSLATE_NOOP("Labels", "telefon"),
    ContactKind.HOME_VISIT: QT_TRANSLATE_NOOP("Labels", "hjemmebesøg"),
    ContactKind.NETWORK_MEETING: QT_TRANSLATE_NOOP("Labels", "netværksmøde"),
}
_TOPIC = {
    Topic.HEALTH: QT_TRANSLATE_NOOP("Labels", "helbred"),
    Topic.MENTAL_HEALTH: QT_TRANSLATE_NOOP("Labels", "mental sundhed"),
    Topic.LANGUAGE: QT_TRANSLATE_NOOP("Labels", "sprog"),
    Topic.NETWORK: QT_TRANSLATE_NOOP("Labels", "netværk"),
    Topic.HOUSING: QT_TRANSLATE_NOOP("Labels", "bolig"),
    Topic.ECONOMY: QT_TRANSLATE_NOOP("Labels", "økonomi"),
    Topic.DEBT: QT_TRANSLATE_NOOP("Labels", "gæld"),
    Topic.FAMILY: QT_TRANSLATE_NOOP("Labels", "familie"),
    Topic.CHILDCARE: QT_TRANSLATE_NOOP("Labels", "børnepasning"),
    Topic.EVERYDAY_COPING: QT_TRANSLATE_NOOP("Labels", "hverdagsmestring"),
    Topic.JOB_READINESS: QT_TRANSLATE_NOOP("Labels", "jobparathed"),
    Topic.JOB_SEARCH: QT_TRANSLATE_NOOP("Labels", "jobsøgning"),
    Topic.EDUCATION: QT_TRANSLATE_NOOP("Labels", "uddannelse"),
    Topic.LETTERS_AND_FORMS: QT_TRANSLATE_NOOP("Labels", "breve og blanketter"),
    Topic.BENEFITS_AND_SANCTIONS: QT_TRANSLATE_NOOP("Labels", "ydelse og sanktioner"),
    Topic.ADDICTION: QT_TRANSLATE_NOOP("Labels", "misbrug"),
    Topic.VIOLENCE: QT_TRANSLATE_NOOP("Labels", "vold"),
}
_INITIATOR = {
    Initiator.CITIZEN: QT_TRANSLATE_NOOP("Labels", "borgeren"),
    Initiator.CONSULTANT: QT_TRANSLATE_NOOP("Labels", "jobkonsulenten"),
}


def _label(text: object) -> str:
    return QCoreApplication.translate("Labels", str(text))


def kind_label(kind: ContactKind | str) -> str:
    """'åben rådgivning', 'opfølgningssamtale', ..."""
    return _label(_KIND[ContactKind(kind)])


def topic_label(topic: Topic | str) -> str:
    return _label(_TOPIC[Topic(topic)])


def initiator_label(initiator: Initiator | str) -> str:
    """Who takes the next contact: 'borgeren' or 'jobkonsulenten'."""
    return _label(_INITIATOR[Initiator(initiator)])


def ui_language() -> str:
    """'en' when the English translation is in use, else 'da'."""
    return "en" if QLocale().language() == QLocale.Language.English else "da"


# -- dates ---------------------------------------------------------------------------------


def now_of(session: Session) -> datetime:
    """The session's current time (its clock in tests, the computer's otherwise)."""
    return (session.clock or SystemClock()).now()


def today_of(session: Session) -> date:
    """Today in Danish time, as the consultant means it."""
    return now_of(session).astimezone(DANISH_TIME).date()


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def to_qdatetime(moment: datetime) -> QDateTime:
    """The moment in Danish time, as a QDateTime without a zone (what the edits show)."""
    local = moment.astimezone(DANISH_TIME)
    return QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute))


def from_qdatetime(moment: QDateTime) -> datetime:
    """A QDateTime shown in Danish time, as an aware datetime."""
    day, time = moment.date(), moment.time()
    return datetime(
        day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=DANISH_TIME
    )


def fmt_date(day: date | None) -> str:
    """The date as the screen's language writes it short (02.03.2026)."""
    if day is None:
        return ""
    return QLocale().toString(to_qdate(day), QLocale.FormatType.ShortFormat)


def fmt_time(moment: datetime) -> str:
    return moment.astimezone(DANISH_TIME).strftime("%H:%M")


def fmt_datetime(moment: datetime) -> str:
    local = moment.astimezone(DANISH_TIME)
    return f"{fmt_date(local.date())} {local.strftime('%H:%M')}"


def datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QCoreApplication.translate("Labels", "dd.MM.yyyy HH:mm"))
    return edit


TAG_STYLE = """
QPushButton#tag { border: 1px solid #b9c6cd; border-radius: 9px; padding: 2px 10px;
                  background: white; color: #2b3a42; }
QPushButton#tag:checked { background: #1f5f7a; border: 1px solid #1f5f7a; color: white; }
QPushButton#tag:disabled { color: #7d8a91; }
QPushButton#tag:checked:disabled { background: #5f8a9c; color: white; }
"""


# -- what the worker thread hands back -----------------------------------------------------


@dataclass(eq=False)
class _Ref:
    """The note being edited, as the worker thread sees it. The start operation sets
    ``id`` on the worker thread, so a save queued before the draft existed still
    reaches it (operations run one after another)."""

    id: str | None = None
    appointment_id: str | None = None
    contact_id: str | None = None


@dataclass(frozen=True)
class _Opened:
    note: SessionNote
    name: tuple[str, str, str]  # first, last, initials
    original: SessionNote | None = None
    partners: list[tuple[str, str]] = field(default_factory=list)  # id, name


@dataclass(frozen=True)
class _Finished:
    note: SessionNote
    attendance_recorded: bool


def _name_of(ws: Any, citizen_id: str) -> tuple[str, str, str]:
    hit = ws.citizens.hit(citizen_id)
    return (hit.first_name, hit.last_name, hit.initials) if hit else ("", "", "")


def _partners(ws: Any) -> list[tuple[str, str]]:
    return [(p.id, p.name) for p in ws.partners.list()]


def _start_note(ws: Any, citizen_id: str, kind: ContactKind, ref: _Ref) -> _Opened:
    extra: dict[str, Any] = {}
    if ref.appointment_id:
        found = [a for a in ws.agenda.for_citizen(citizen_id) if a.id == ref.appointment_id]
        if found:
            kind = found[0].kind
            extra = {
                "occurred_at": found[0].starts_at,
                "duration_min": found[0].duration_min,
                "contact_id": found[0].contact_id,
            }
    note = ws.notes.start(citizen_id, kind=kind, **extra)
    ref.id = note.id
    return _Opened(note, _name_of(ws, citizen_id), None, _partners(ws))


def _open_note(ws: Any, note_id: str) -> _Opened:
    note = ws.notes.get(note_id)
    original = ws.notes.get(note.corrects_id) if note.corrects_id else None
    partners = [] if note.finished else _partners(ws)
    return _Opened(note, _name_of(ws, note.citizen_id), original, partners)


def _meeting_contact(ws: Any, note: SessionNote, ref: _Ref) -> tuple[str | None, bool]:
    """The contact of the booked meeting the note is about; recording the attendance
    now if the meeting is still planned (a note about it means it took place)."""
    found = [a for a in ws.agenda.for_citizen(note.citizen_id) if a.id == ref.appointment_id]
    if not found:
        return None, False
    if found[0].contact_id is not None:
        return found[0].contact_id, False
    if found[0].status is not AppointmentStatus.PLANNED:
        return None, False
    result = ws.agenda.record_attendance(found[0].id, Attendance.ATTENDED)
    return result.contact.id, True


def _finish_note(ws: Any, ref: _Ref, partner_id: str | None, fields: dict[str, Any]) -> _Finished:
    note = ws.notes.get(ref.id)
    recorded = False
    if note.contact_id is None and ref.contact_id is None:
        if partner_id is not None:
            contact = ws.contacts.record(
                note.citizen_id,
                kind=ContactKind.NETWORK_MEETING,
                occurred_at=fields.get("occurred_at", note.occurred_at),
                duration_min=fields.get("duration_min"),
                partner_id=partner_id,
            )
            ref.contact_id = contact.id
        elif ref.appointment_id:
            ref.contact_id, recorded = _meeting_contact(ws, note, ref)
    return _Finished(ws.notes.finish(ref.id, contact_id=ref.contact_id, **fields), recorded)


# -- the page ------------------------------------------------------------------------------


class NotePage(Page):
    """Writing a note, reading a finished one, and writing an addendum to it."""

    name = "note"
    kinds = frozenset({"all"})

    saved = Signal(str)  # note id, after a save reached the vault
    save_failed = Signal(object)  # the error
    loaded = Signal(str)  # note id, the editor shows the note
    finished = Signal(str)  # note id

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self.note_id: str | None = None
        self.citizen_id: str | None = None
        self._note: SessionNote | None = None
        self._original: SessionNote | None = None
        self._name: tuple[str, str, str] = ("", "", "")
        self._ref = _Ref()
        self._edits = 0
        self._saved_edits = 0
        self._filling = False
        self._time_edited = False
        self._read_only = False
        self._restore: tuple[int, int] | None = None
        self._focus_text = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self._build()
        self._shortcuts()
        session.about_to_lock.connect(self._before_lock)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setStyleSheet(TAG_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 12)
        layout.addLayout(self._header())
        self.original_box = self._original_box()
        layout.addWidget(self.original_box)
        body = QHBoxLayout()
        body.addLayout(self._text_column(), 3)
        body.addWidget(self._side_panel(), 2)
        layout.addLayout(body, 1)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        self._connect_edits()
        self._set_tab_order()

    def _header(self) -> QHBoxLayout:
        self.title_label = heading(self.tr("Notat"))
        self.who = QLabel()
        self.who.setObjectName("h2")
        self.who.setAccessibleName(self.tr("Borger"))
        self.badge = QLabel()
        self.badge.setObjectName("badge")
        self.badge.hide()
        self.state = QLabel()
        self.state.setObjectName("muted")
        self.state.setAccessibleName(self.tr("Gemmestatus"))
        row = QHBoxLayout()
        row.addWidget(self.title_label)
        row.addWidget(self.who)
        row.addWidget(self.badge)
        row.addStretch(1)
        row.addWidget(self.state)
        return row

    def _original_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("card")
        self.original_title = QLabel()
        self.original_title.setObjectName("h2")
        self.original_text = QPlainTextEdit()
        self.original_text.setReadOnly(True)
        self.original_text.setAccessibleName(self.tr("Det oprindelige notat"))
        lines = self.original_text.fontMetrics().lineSpacing()
        self.original_text.setMaximumHeight(lines * 7)
        column = QVBoxLayout(box)
        column.addWidget(self.original_title)
        column.addWidget(self.original_text)
        box.hide()
        return box

    def _text_column(self) -> QVBoxLayout:
        self.template_button = QToolButton()
        self.template_button.setText(self.tr("Skabelon"))
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_button.setAccessibleName(self.tr("Indsæt skabelon"))
        menu = QMenu(self.template_button)
        for kind in templates.KINDS:
            action = menu.addAction(kind_label(kind))
            action.triggered.connect(lambda _checked=False, k=kind: self.insert_template(k))
        self.template_button.setMenu(menu)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Notatets tekst"))
        self.text.setPlaceholderText(self.tr("Hvad skete der, og hvad blev aftalt?"))
        self.text.setTabChangesFocus(True)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Notatets tekst"), level=2))
        top.addStretch(1)
        top.addWidget(self.template_button)
        column = QVBoxLayout()
        column.addLayout(top)
        column.addWidget(self.text, 1)
        return column

    def _side_panel(self) -> QScrollArea:
        panel = QWidget()
        form = QFormLayout(panel)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(4, 0, 8, 0)
        self.kind = QComboBox()
        for kind in ContactKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.when = datetime_edit()
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSpecialValueText(self.tr("ikke angivet"))
        self.duration.setSuffix(self.tr(" min."))
        self.partner = QComboBox()
        self.partner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.partner.setMinimumContentsLength(14)
        self.partner_label = QLabel(self.tr("&Partner:"))
        self.partner_label.setBuddy(self.partner)
        self.partner_hint = muted(
            self.tr("Et netværksmøde registreres med den partner, det var med.")
        )
        self.agreements = QPlainTextEdit()
        self.agreements.setTabChangesFocus(True)
        self.agreements.setMaximumHeight(self.agreements.fontMetrics().lineSpacing() * 6)
        self.agreements.setPlaceholderText(self.tr("Hvad gør borgeren, og hvad gør du?"))
        partner = QVBoxLayout()
        partner.setContentsMargins(0, 0, 0, 0)
        partner.addWidget(self.partner)
        partner.addWidget(self.partner_hint)
        form.addRow(self.tr("&Type:"), self.kind)
        form.addRow(self.partner_label, partner)
        form.addRow(self.tr("T&idspunkt:"), self.when)
        form.addRow(self.tr("&Varighed:"), self.duration)
        form.addRow(self.tr("Emner:"), self._tags())
        form.addRow(self.tr("&Aftaler:"), self.agreements)
        self._next_contact_rows(form)
        self._show_partner(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panel)
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(panel.minimumSizeHint().width() + bar)
        return scroll

    def _tags(self) -> QWidget:
        """The topics as checkable tags, two to a row (a plain Qt grid: a layout written
        in Python would call into Qt on every layout pass)."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.tags: dict[Topic, QPushButton] = {}
        for index, topic in enumerate(Topic):
            tag = QPushButton(topic_label(topic))
            tag.setObjectName("tag")
            tag.setCheckable(True)
            tag.setAccessibleName(self.tr("Emne: %s") % topic_label(topic))
            grid.addWidget(tag, *divmod(index, 2))
            self.tags[topic] = tag
        return box

    def _next_contact_rows(self, form: QFormLayout) -> None:
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
        form.addRow(heading(self.tr("Næste kontakt"), level=2))
        form.addRow("", self.next_on)
        form.addRow(self.tr("Hvornår:"), self.next_at)
        form.addRow(self.tr("Hvordan:"), self.next_kind)
        form.addRow(self.tr("Hvem tager den:"), self.next_who)
        self.next_on.toggled.connect(self._next_enabled)
        self._next_enabled(False)

    def _buttons(self) -> QHBoxLayout:
        self.discard_button = QPushButton(self.tr("Kassér udkast"))
        self.discard_button.clicked.connect(self.discard)
        self.back_button = QPushButton(self.tr("Tilbage til sagen"))
        self.back_button.clicked.connect(self.back_to_case)
        self.save_button = QPushButton(self.tr("Gem nu (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_now)
        self.finish_button = QPushButton(self.tr("Afslut notat (Ctrl+Enter)"))
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self.finish)
        self.addendum_button = QPushButton(self.tr("Skriv tilføjelse"))
        self.addendum_button.setDefault(True)
        self.addendum_button.clicked.connect(self.write_addendum)
        self.addendum_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.discard_button)
        row.addStretch(1)
        for button in (self.back_button, self.save_button, self.finish_button):
            row.addWidget(button)
        row.addWidget(self.addendum_button)
        return row

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+Return", self.finish),
            ("Ctrl+Enter", self.finish),
            ("Ctrl+S", self.save_now),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    def _connect_edits(self) -> None:
        self.text.textChanged.connect(self._edited)
        self.agreements.textChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.when.dateTimeChanged.connect(self._time_changed)
        self.duration.valueChanged.connect(self._edited)
        for tag in self.tags.values():
            tag.toggled.connect(self._edited)
        for signal in (
            self.next_on.toggled,
            self.next_at.dateTimeChanged,
            self.next_kind.currentIndexChanged,
            self.next_who.currentIndexChanged,
        ):
            signal.connect(self._edited)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.text,
            self.kind,
            self.when,
            self.duration,
            self.partner,
            *self.tags.values(),
            self.agreements,
            self.next_on,
            self.next_at,
            self.next_kind,
            self.next_who,
            self.finish_button,
            self.save_button,
            self.back_button,
            self.discard_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- opening -------------------------------------------------------------------------------

    def start(
        self, citizen_id: str, *, kind: str = "drop_in", appointment_id: str | None = None
    ) -> None:
        """A new draft for the citizen; the consultant can type at once."""
        self._leave_current()
        self._reset()
        ref = self._ref = _Ref(appointment_id=appointment_id)
        self.citizen_id = citizen_id
        self.note_id = None
        self._filling = True
        self._fill_kind(ContactKind(kind))
        self.when.setDateTime(to_qdatetime(now_of(self.session)))
        self._fill_next(None)
        self._filling = False
        self._set_read_only(False)
        self._set_state(self.tr("Opretter udkast …"))
        self._focus_text = True
        self.text.setFocus()
        chosen = ContactKind(kind)
        self.session.run(
            lambda ws: _start_note(ws, citizen_id, chosen, ref),
            done=lambda opened: self._started(opened, ref),
            error=lambda error: self._failed(error, ref),
            changes="notes",
            key="note-open",
        )

    def load(self, note_id: str) -> None:
        """Open an existing note: a draft to go on writing, a finished note to read."""
        if note_id != self.note_id:
            self._leave_current()
            self._reset()
            self._ref = _Ref(id=note_id)
            self.note_id = note_id
        self._fetch()

    def refresh(self) -> None:
        """Read the note again from the vault (after unlock); never over unsaved typing."""
        if self.note_id is None or self._dirty:
            return
        if self._note is not None and self._restore is None:
            self._restore = self._cursor_and_scroll()
        self._fetch()

    def _fetch(self) -> None:
        ref = self._ref
        note_id = self.note_id
        if note_id is None:
            return
        self._set_read_only(True)  # nothing can be typed over the note before it is shown
        self.addendum_button.hide()
        self._set_state(self.tr("Henter notatet …"))
        self.session.run(
            lambda ws: _open_note(ws, note_id),
            done=lambda opened: self._opened(opened, ref),
            error=lambda error: self._failed(error, ref),
            key="note-open",
        )

    def _started(self, opened: _Opened, ref: _Ref) -> None:
        if ref is not self._ref:
            return
        note = opened.note
        self.note_id = note.id
        self._note = note
        self._name = opened.name
        self._fill_partners(opened.partners)
        self._filling = True
        self._fill_kind(note.kind)
        self.when.setDateTime(to_qdatetime(note.occurred_at))
        self.duration.setValue(note.duration_min or 0)
        self._filling = False
        self._time_edited = False
        self.redraw()
        self._set_state(self.tr("Udkast oprettet %s") % fmt_time(note.created_at))
        if self._dirty:
            self.autosave_timer.start()
        log.info("note %s started", note.id)
        self.loaded.emit(note.id)

    def _opened(self, opened: _Opened, ref: _Ref) -> None:
        if ref is not self._ref or self._dirty:
            return
        note = opened.note
        self._note, self._original, self._name = note, opened.original, opened.name
        self.citizen_id = note.citizen_id
        self._fill_partners(opened.partners)
        self._fill(note)
        self._set_read_only(note.finished)
        self.redraw()
        state = self.tr("Afsluttet %s") % fmt_datetime(note.finished_at) if note.finished_at else ""
        self._set_state(state or self.tr("Gemt %s") % fmt_time(note.updated_at))
        self._restore_position()
        self.loaded.emit(note.id)

    def _failed(self, error: BaseException, ref: _Ref) -> None:
        if ref is self._ref:
            self._set_state("")
            self.error.show_error(describe(error))

    # -- filling and reading the fields --------------------------------------------------------

    def _reset(self) -> None:
        """An empty editor (nothing of the previous note left)."""
        self.autosave_timer.stop()
        self._filling = True
        for edit in (self.text, self.agreements, self.original_text):
            edit.clear()
        for tag in self.tags.values():
            tag.setChecked(False)
        self.duration.setValue(0)
        self.next_on.setChecked(False)
        self.partner.clear()
        self._filling = False
        self._note = self._original = None
        self._name = ("", "", "")
        self._edits = self._saved_edits = 0
        self._time_edited = False
        self._restore = None
        self.original_box.hide()
        self.error.clear()
        self.who.clear()
        self.badge.hide()
        self._set_state("")

    def _fill(self, note: SessionNote) -> None:
        self._filling = True
        self._fill_kind(note.kind)
        self.when.setDateTime(to_qdatetime(note.occurred_at))
        self.duration.setValue(note.duration_min or 0)
        for topic, tag in self.tags.items():
            tag.setChecked(topic in note.topics)
        self.text.setPlainText(note.text)
        self.agreements.setPlainText(note.agreements)
        self._fill_next(note.next_contact)
        self.original_text.setPlainText(self._original.text if self._original else "")
        self._filling = False
        self._time_edited = False
        self._edits = self._saved_edits = 0

    def _fill_kind(self, kind: ContactKind) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind.value)))
        self._update_partner_row()

    def _fill_next(self, next_contact: NextContact | None) -> None:
        self.next_on.setChecked(next_contact is not None)
        if next_contact is None:
            self.next_at.setDateTime(to_qdatetime(now_of(self.session) + timedelta(days=7)))
            return
        self.next_at.setDateTime(to_qdatetime(next_contact.at))
        self.next_kind.setCurrentIndex(max(0, self.next_kind.findData(next_contact.kind.value)))
        self.next_who.setCurrentIndex(max(0, self.next_who.findData(next_contact.initiator.value)))

    def _fill_partners(self, partners: Iterable[tuple[str, str]]) -> None:
        self.partner.clear()
        self.partner.addItem(self.tr("Vælg partner …"), None)
        for partner_id, name in partners:
            self.partner.addItem(name, partner_id)

    def fields(self) -> dict[str, Any]:
        """The draft's fields as the editor shows them now."""
        values: dict[str, Any] = {
            "kind": ContactKind(self.kind.currentData()),
            "duration_min": self.duration.value() or None,
            "topics": tuple(t for t, tag in self.tags.items() if tag.isChecked()),
            "text": self.text.toPlainText(),
            "agreements": self.agreements.toPlainText(),
            "next_contact": self._next_contact(),
        }
        if self._time_edited:
            values["occurred_at"] = from_qdatetime(self.when.dateTime())
        return values

    def _next_contact(self) -> NextContact | None:
        if not self.next_on.isChecked():
            return None
        return NextContact(
            at=from_qdatetime(self.next_at.dateTime()),
            kind=ContactKind(self.next_kind.currentData()),
            initiator=Initiator(self.next_who.currentData()),
        )

    # -- editing -------------------------------------------------------------------------------

    @property
    def _dirty(self) -> bool:
        return self._edits != self._saved_edits

    @property
    def read_only(self) -> bool:
        return self._read_only

    def _edited(self, *_args: object) -> None:
        if self._filling or self._read_only:
            return
        self._edits += 1
        self.autosave_timer.start()

    def _time_changed(self, *_args: object) -> None:
        if not self._filling:
            self._time_edited = True
        self._edited()

    def _kind_changed(self, *_args: object) -> None:
        self._update_partner_row()
        self._edited()

    def _update_partner_row(self) -> None:
        needs = (
            self.kind.currentData() == ContactKind.NETWORK_MEETING.value
            and not self._read_only
            and (self._note is None or self._note.contact_id is None)
            and self._ref.contact_id is None
        )
        self._show_partner(needs)

    def _show_partner(self, shown: bool) -> None:
        for widget in (self.partner, self.partner_label, self.partner_hint):
            widget.setVisible(shown)

    def _next_enabled(self, on: bool) -> None:
        editable = on and not self._read_only
        for widget in (self.next_at, self.next_kind, self.next_who):
            widget.setEnabled(editable)

    def insert_template(self, kind: str | None = None) -> None:
        """Insert the template of ``kind`` (default: the note's kind) at the cursor."""
        if self._read_only:
            return
        chosen = kind or str(self.kind.currentData())
        text = templates.template(chosen, ui_language())
        if not text:
            self.nav.say(self.tr("Der er ingen skabelon for denne type."))
            return
        self.text.insertPlainText(text)
        self.text.setFocus()

    def _set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        addendum = self._note is not None and self._note.is_addendum
        self.text.setReadOnly(read_only)
        self.agreements.setReadOnly(read_only)
        fixed: list[QWidget] = [self.kind, self.when]
        for widget in fixed:
            widget.setEnabled(not read_only and not addendum)
        editable: list[QWidget] = [self.duration, self.next_on, self.template_button]
        for widget in editable + list(self.tags.values()):
            widget.setEnabled(not read_only)
        self._next_enabled(self.next_on.isChecked())
        for widget in (self.finish_button, self.save_button, self.discard_button):
            widget.setVisible(not read_only)
        self.addendum_button.setVisible(read_only)
        self._update_partner_row()

    # -- saving --------------------------------------------------------------------------------

    def save_now(self) -> None:
        """Save the draft if anything changed since the last save."""
        self.autosave_timer.stop()
        if not self._dirty or self._read_only or self.session.is_locked:
            return
        ref, edits, values = self._ref, self._edits, self.fields()
        self._set_state(self.tr("Gemmer …"))
        self.session.run(
            lambda ws: ws.notes.save_draft(ref.id, **values),
            done=lambda note: self._saved(note, edits, ref),
            error=lambda error: self._save_failed(error, ref),
            key="autosave",
        )

    def _saved(self, note: SessionNote, edits: int, ref: _Ref) -> None:
        if ref is not self._ref:
            return
        self._note = note
        self._saved_edits = max(self._saved_edits, edits)
        self.error.clear()
        self._set_state(self.tr("Gemt %s") % fmt_time(note.updated_at))
        self.saved.emit(note.id)

    def _save_failed(self, error: BaseException, ref: _Ref) -> None:
        if ref is not self._ref:
            return
        self._set_state(self.tr("Ikke gemt"))
        self.error.show_error(describe(error))
        if self._dirty and not self._read_only:
            self.autosave_timer.start()  # the next autosave tries again
        self.save_failed.emit(error)

    def _set_state(self, text: str) -> None:
        self.state.setText(text)

    def _before_lock(self) -> None:
        self.save_now()

    def _leave_current(self) -> None:
        if self.note_id is not None or self._ref.id is not None or self._dirty:
            self.save_now()

    # -- finishing -----------------------------------------------------------------------------

    def finish(self) -> None:
        """Finish the note (it becomes a record) and go back to the case."""
        if self._read_only or self.session.is_locked or self.note_id is None:
            return
        if not self.text.toPlainText().strip():
            self.error.show_error(self.tr("Skriv notatet, før du afslutter det."))
            self.text.setFocus()
            return
        chosen, partner_id = self._chosen_partner()
        if not chosen:
            return
        self.autosave_timer.stop()
        ref, values, edits = self._ref, self.fields(), self._edits
        self.finish_button.setEnabled(False)
        for edit in (self.text, self.agreements):
            edit.setReadOnly(True)  # what is typed now would not be in the record
        self._set_state(self.tr("Afslutter …"))
        self.session.run(
            lambda ws: _finish_note(ws, ref, partner_id, values),
            done=lambda result: self._finished(result, ref, edits),
            error=lambda error: self._finish_failed(error, ref),
            changes="notes",
        )

    def _chosen_partner(self) -> tuple[bool, str | None]:
        """Whether the note can be finished, and the partner of a network meeting
        whose contact is still to be recorded."""
        if not self._partner_needed():
            return True, None
        partner_id = self.partner.currentData()
        if partner_id:
            return True, str(partner_id)
        self.error.show_error(self.tr("Vælg den partner, netværksmødet var med."))
        self.partner.setFocus()
        return False, None

    def _partner_needed(self) -> bool:
        return (
            self.kind.currentData() == ContactKind.NETWORK_MEETING.value
            and self._note is not None
            and self._note.contact_id is None
            and self._ref.contact_id is None
        )

    def _finished(self, result: _Finished, ref: _Ref, edits: int) -> None:
        if result.attendance_recorded:
            self.session.changed.emit("agenda")
        if ref is not self._ref:
            return
        self._note = result.note
        self._saved_edits = max(self._saved_edits, edits)
        self.finish_button.setEnabled(True)
        self.error.clear()
        self._set_read_only(True)
        self.redraw()
        self._set_state(self.tr("Afsluttet %s") % fmt_time(result.note.updated_at))
        log.info("note %s finished", result.note.id)
        # after the session's 'changed' signal, so the case is read once, when shown
        QTimer.singleShot(0, lambda: self._back_after_finish(result.note))

    def _back_after_finish(self, note: SessionNote) -> None:
        self.nav.open_case(note.citizen_id, tab="timeline")
        self.finished.emit(note.id)

    def _finish_failed(self, error: BaseException, ref: _Ref) -> None:
        self.finish_button.setEnabled(True)
        if ref is not self._ref:
            return
        self._set_read_only(False)
        self._set_state(self.tr("Ikke afsluttet"))
        if isinstance(error, ValidationError) and error.field == "contact":
            self._show_partner(True)
            self.error.show_error(self.tr("Vælg den partner, netværksmødet var med."))
            return
        self.error.show_error(describe(error))

    def write_addendum(self) -> None:
        """Start an addendum to the finished note shown and open it."""
        if self._note is None or not self._note.finished:
            return
        note_id = self._note.id
        self.session.run(
            lambda ws: ws.notes.addendum(note_id),
            done=self._addendum_started,
            error=lambda error: self.error.show_error(describe(error)),
            changes="notes",
        )

    def _addendum_started(self, draft: SessionNote) -> None:
        self.load(draft.id)
        self._focus_text = True
        self.text.setFocus()

    def discard(self) -> None:
        """Throw the draft away, after asking."""
        if self._read_only or self.note_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Kassér udkast"),
            self.tr("Vil du kassere dette udkast? Teksten kan ikke findes igen."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Kassér"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Behold"))
        box.finished.connect(lambda result: self._discard_answered(result, box))
        box.open()

    def _discard_answered(self, result: int, box: QMessageBox) -> None:
        box.deleteLater()
        if result != QMessageBox.StandardButton.Yes.value or self.note_id is None:
            return
        self.autosave_timer.stop()
        note_id, citizen_id = self.note_id, self.citizen_id
        self._ref = _Ref()
        self._reset()
        self.note_id = None

        def gone(_result: object) -> None:
            if citizen_id:
                QTimer.singleShot(0, lambda: self.nav.open_case(citizen_id, tab="timeline"))

        self.session.run(
            lambda ws: ws.notes.discard(note_id),
            done=gone,
            error=lambda error: self.error.show_error(describe(error)),
            changes="notes",
        )

    def back_to_case(self) -> None:
        if self.citizen_id:
            self.nav.open_case(self.citizen_id)

    # -- what the screen shows -----------------------------------------------------------------

    def redraw(self) -> None:
        first, last, initials = self._name
        self.who.setText(self.session.name(first, last, initials) if initials else "")
        note = self._note
        if note is None:
            self.badge.hide()
            return
        if note.finished:
            self.badge.setText(self.tr("Afsluttet"))
        elif note.is_addendum:
            self.badge.setText(self.tr("Tilføjelse – udkast"))
        else:
            self.badge.setText(self.tr("Udkast"))
        self.badge.show()
        self.title_label.setText(self.tr("Tilføjelse") if note.is_addendum else self.tr("Notat"))
        self._show_original()

    def _show_original(self) -> None:
        original = self._original
        self.original_box.setVisible(original is not None)
        if original is not None:
            self.original_title.setText(
                self.tr("Tilføjelse til notat af %s")
                % fmt_date(original.occurred_at.astimezone(DANISH_TIME).date())
            )

    def clear(self) -> None:
        """Forget the text (the session locked); the note's id stays, so ``refresh``
        after unlock opens it again where the cursor was."""
        if self._note is not None:
            self._restore = self._cursor_and_scroll()
        restore = self._restore
        self._reset()
        self._restore = restore
        self.partner.clear()

    def _cursor_and_scroll(self) -> tuple[int, int]:
        return self.text.textCursor().position(), self.text.verticalScrollBar().value()

    def _restore_position(self) -> None:
        if self._restore is None:
            return
        position, scroll = self._restore
        self._restore = None
        cursor = self.text.textCursor()
        cursor.setPosition(min(position, len(self.text.toPlainText())))
        self.text.setTextCursor(cursor)
        QTimer.singleShot(0, lambda: self.text.verticalScrollBar().setValue(scroll))

    # -- events --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._focus_text:
            self._focus_text = False
            QTimer.singleShot(0, self._focus_editor)

    def _focus_editor(self) -> None:
        if self.isVisible() and not self._read_only:
            self.text.setFocus()
            self.text.moveCursor(QTextCursor.MoveOperation.End)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.save_now()
        super().hideEvent(event)
