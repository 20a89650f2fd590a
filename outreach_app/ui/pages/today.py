"""The I dag page: today's appointments, who is waiting, and what needs doing.

Everything the page shows is gathered in one background operation that reads only
plaintext columns and the in-memory name index (no record is decrypted), so the
page is ready at once even with 10,000 citizens; then it is drawn.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import DANISH_TIME, local_today
from outreach_app.domain.contacts import Appointment, AppointmentStatus, Attendance, ContactKind
from outreach_app.services.search import CitizenHit
from outreach_app.services.today import Reminder, ReminderKind, day_bounds
from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.models import (
    DISPLAY,
    FOREGROUND,
    TEXT_ROLES,
    ElidedLabel,
    appointment_status_label,
    hit_name,
    kind_label,
    local_time,
    long_date,
    short_date,
)
from outreach_app.ui.pages.queue import QueueActions, QueueList, QueueRow, card, load_queue
from outreach_app.ui.session import Session
from outreach_app.ui.style import ERROR
from outreach_app.ui.widgets import heading, muted

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

#: The order reminders are listed in: what costs the citizen most if forgotten first.
REMINDER_ORDER = (
    ReminderKind.MISSED_MEETING,
    ReminderKind.FOLLOW_UP_DUE,
    ReminderKind.NEW_INFORMATION,
    ReminderKind.CONSENT_EXPIRING,
    ReminderKind.UNFINISHED_NOTE,
)
QUEUE_ROWS_ON_TODAY = 5


@dataclass(frozen=True, slots=True)
class TodayData:
    """Everything the page shows, gathered in one go on the worker."""

    today: date
    appointments: list[Appointment]
    queue: list[QueueRow]
    reminders: list[Reminder]
    names: dict[str, CitizenHit | None]


def load_today(ws: Any) -> TodayData:
    """Today's appointments, the queue and the reminders (plaintext columns and the
    in-memory name index only)."""
    today = local_today(ws.clock)
    start, end = day_bounds(today)
    appointments = ws.agenda.between(start, end, include_cancelled=True)
    reminders = sorted(ws.reminders.today(), key=lambda r: REMINDER_ORDER.index(r.kind))
    ids = {a.citizen_id for a in appointments} | {r.citizen_id for r in reminders}
    names = {i: ws.citizens.hit(i) for i in ids}
    return TodayData(today, appointments, load_queue(ws), reminders, names)


# -- reminders ----------------------------------------------------------------------------


class ReminderModel(QAbstractTableModel):
    """Reminders as a table: what, who (initials when discreet), when."""

    WHAT, WHO, WHEN = range(3)

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Reminder] = []
        self.names: dict[str, CitizenHit | None] = {}
        self.today = date.min
        self._urgent = QBrush(QColor(ERROR))

    def set_rows(
        self, rows: list[Reminder], names: dict[str, CitizenHit | None], today: date
    ) -> None:
        self.beginResetModel()
        self.rows, self.names, self.today = rows, names, today
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], {}, date.min)

    def redraw(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 2))

    def reminder(self, row: int) -> Reminder | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in TEXT_ROLES and role != FOREGROUND:  # most calls: cheap int test
            return None
        if not index.isValid():
            return None
        reminder = self.rows[index.row()]
        if role in TEXT_ROLES:
            return self._text(reminder, index.column())
        urgent = index.column() == self.WHAT and reminder.kind is ReminderKind.MISSED_MEETING
        return self._urgent if urgent else None

    def _text(self, reminder: Reminder, column: int) -> str:
        if column == self.WHAT:
            return reminder_text(reminder)
        if column == self.WHO:
            return hit_name(self.session, self.names.get(reminder.citizen_id))
        return short_date(reminder.at.astimezone(DANISH_TIME).date(), self.today)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Påmindelse"), self.tr("Borger"), self.tr("Hvornår"))[section]


_REMINDERS: dict[ReminderKind, object] = {
    ReminderKind.MISSED_MEETING: QT_TRANSLATE_NOOP(
        "Reminders", "Udeblev fra møde – kontakt borgeren"
    ),
    ReminderKind.FOLLOW_UP_DUE: QT_TRANSLATE_NOOP("Reminders", "Opfølgning aftalt"),
    ReminderKind.NEW_INFORMATION: QT_TRANSLATE_NOOP(
        "Reminders", "Ny information – overvej et ekstra møde"
    ),
    ReminderKind.UNFINISHED_NOTE: QT_TRANSLATE_NOOP("Reminders", "Notat ikke afsluttet"),
}
_FILTERS: dict[ReminderKind | None, object] = {
    None: QT_TRANSLATE_NOOP("Reminders", "Alle"),
    ReminderKind.MISSED_MEETING: QT_TRANSLATE_NOOP("Reminders", "Udeblevne"),
    ReminderKind.FOLLOW_UP_DUE: QT_TRANSLATE_NOOP("Reminders", "Opfølgning"),
    ReminderKind.NEW_INFORMATION: QT_TRANSLATE_NOOP("Reminders", "Ny information"),
    ReminderKind.CONSENT_EXPIRING: QT_TRANSLATE_NOOP("Reminders", "Samtykker"),
    ReminderKind.UNFINISHED_NOTE: QT_TRANSLATE_NOOP("Reminders", "Notater"),
}


def reminder_text(reminder: Reminder) -> str:
    """What the reminder asks for, in words."""
    if reminder.kind is ReminderKind.CONSENT_EXPIRING:
        expires = long_date(reminder.at.astimezone(DANISH_TIME).date())
        return QCoreApplication.translate("Reminders", "Samtykke udløber %s") % expires
    return QCoreApplication.translate("Reminders", str(_REMINDERS[reminder.kind]))


def filter_label(kind: ReminderKind | None) -> str:
    return QCoreApplication.translate("Reminders", str(_FILTERS[kind]))


class ClickTable(QTableView):
    """A table whose rows open with one click or Enter."""

    opened = Signal(int)  # the row

    def __init__(self) -> None:
        super().__init__()
        self.clicked.connect(lambda index: self.opened.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


# -- the page -----------------------------------------------------------------------------


class TodayPage(Page):
    name = "today"
    loaded = Signal()  # the page shows fresh data
    #: Reminders derive from notes, plans, information and consents, so most changes count.
    kinds = frozenset(
        {"all", "agenda", "queue", "notes", "citizens", "consents", "plans", "information"}
    )

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self.data: TodayData | None = None
        self._stale = True
        self._note_focus: str | None = None  # the appointment just marked "Mødt"
        self.note_buttons: dict[str, QPushButton] = {}
        self.queue_actions = QueueActions(session, nav, self)
        self.date_label = muted("")
        self._appointments_part()
        self._queue_part()
        self._reminders_part()
        self._layout()

    def title(self) -> str:
        return self.tr("I dag")

    # -- building -----------------------------------------------------------------------

    def _appointments_part(self) -> None:
        self.appointments_title = heading(self.tr("Aftaler i dag"), level=2)
        self.appointments_grid = QGridLayout()
        self.appointments_grid.setHorizontalSpacing(14)
        self.appointments_grid.setVerticalSpacing(6)
        self.appointments_grid.setColumnStretch(1, 1)
        self.appointments_grid.setColumnStretch(2, 2)
        self.no_appointments = muted(self.tr("Ingen aftaler i dag."))

    def _queue_part(self) -> None:
        self.queue_title = heading(self.tr("Venter i åben rådgivning"), level=2)
        self.queue_list = QueueList(self.session, limit=QUEUE_ROWS_ON_TODAY)
        self.queue_list.serve_requested.connect(self.queue_actions.serve)
        self.queue_list.left_requested.connect(self.queue_actions.left)
        self.serve_first = QPushButton(self.tr("Betjen den første"))
        self.serve_first.clicked.connect(self.serve_next)
        self.open_queue = QPushButton(self.tr("Til åben rådgivning"))
        self.open_queue.clicked.connect(lambda: self.nav.show_page("queue"))

    def _reminders_part(self) -> None:
        self.reminders_title = heading(self.tr("Påmindelser"), level=2)
        self.reminder_model = ReminderModel(self.session, self)
        self.reminders = ClickTable()
        self.reminders.setModel(self.reminder_model)
        self.reminders.setAccessibleName(self.tr("Påmindelser"))
        self.reminders.opened.connect(self._open_reminder)
        _plain_table(self.reminders)
        self.reminders.setMinimumHeight(7 * self.reminders.verticalHeader().defaultSectionSize())
        self.no_reminders = muted(self.tr("Ingen påmindelser – alt er fulgt op."))
        self.filters = QTabBar()
        self.filters.setAccessibleName(self.tr("Vis påmindelser om"))
        self.filters.setDrawBase(False)
        self.filters.setExpanding(False)
        self.filters.setUsesScrollButtons(True)
        self.filters.currentChanged.connect(lambda _i: self._show_reminders())
        self._filter_kinds: list[ReminderKind | None] = []

    def _layout(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 6, 16, 12)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addWidget(self.date_label, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        layout.addWidget(self._appointments_card())
        layout.addWidget(self._queue_card())
        layout.addWidget(self._reminders_card(), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _appointments_card(self) -> QFrame:
        box, inner = card(self.appointments_title)
        inner.addLayout(self.appointments_grid)
        inner.addWidget(self.no_appointments)
        return box

    def _queue_card(self) -> QFrame:
        box, inner = card(self.queue_title)
        inner.addWidget(self.queue_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.serve_first)
        buttons.addWidget(self.open_queue)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        return box

    def _reminders_card(self) -> QFrame:
        box, inner = card(self.reminders_title)
        inner.addWidget(self.filters)
        inner.addWidget(self.reminders, 1)
        inner.addWidget(self.no_reminders)
        return box

    # -- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        if self.isVisible():
            self._load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._load()
        self.queue_list.tick()

    def _load(self) -> None:
        self._stale = False
        self.session.run(load_today, done=self._loaded, key="today")

    def _loaded(self, data: TodayData) -> None:
        self.data = data
        self.redraw()
        self.loaded.emit()

    def redraw(self) -> None:
        data = self.data
        if data is None:
            return
        self.date_label.setText(long_date(data.today))
        self._show_appointments(data)
        self._show_queue(data)
        self._show_reminders()

    # -- appointments ------------------------------------------------------------------

    def _show_appointments(self, data: TodayData) -> None:
        _empty_grid(self.appointments_grid)
        self.note_buttons.clear()
        for number, appointment in enumerate(data.appointments):
            self._appointment_row(number, appointment, data.names.get(appointment.citizen_id))
        count = len(data.appointments)
        self.appointments_title.setText(self.tr("Aftaler i dag (%d)") % count)
        self.no_appointments.setVisible(count == 0)
        focus = self.note_buttons.get(self._note_focus or "")
        if focus is not None:
            focus.setFocus()
        self._note_focus = None

    def _appointment_row(
        self, number: int, appointment: Appointment, hit: CitizenHit | None
    ) -> None:
        when = QLabel(local_time(appointment.starts_at))
        bold = QFont(when.font())
        bold.setBold(True)
        when.setFont(bold)
        name = ElidedLabel(hit_name(self.session, hit), link=True)
        name.setToolTip(self.tr("Åbn sagen"))
        citizen_id = appointment.citizen_id
        name.linkActivated.connect(lambda _link: self.nav.open_case(citizen_id))
        detail = ElidedLabel(self._detail(appointment))
        detail.setObjectName("muted")
        status = QLabel(appointment_status_label(appointment.status))
        status.setObjectName("badge" if appointment.status is AppointmentStatus.PLANNED else "")
        cells: list[QWidget] = [when, name, detail, status, self._actions(appointment, hit)]
        for column, widget in enumerate(cells):
            self.appointments_grid.addWidget(widget, number, column)

    def _detail(self, appointment: Appointment) -> str:
        """'opfølgningssamtale · Lokalet over vaskeriet' (a home visit's place, often
        an address, is left out in discreet mode)."""
        parts = [kind_label(appointment.kind)]
        private_place = appointment.kind is ContactKind.HOME_VISIT and self.session.discreet
        if appointment.place and not private_place:
            parts.append(appointment.place)
        return " · ".join(parts)

    def _actions(self, appointment: Appointment, hit: CitizenHit | None) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        who = hit_name(self.session, hit)
        if appointment.status is AppointmentStatus.PLANNED:
            for text, attendance in (
                (self.tr("Mødt"), Attendance.ATTENDED),
                (self.tr("Udeblev"), Attendance.NO_SHOW),
                (self.tr("Aflyst"), Attendance.CANCELLED),
            ):
                button = QPushButton(text)
                button.setAccessibleName(f"{text}: {who}")
                button.clicked.connect(
                    lambda _c=False, a=appointment, at=attendance: self.record(a, at)
                )
                row.addWidget(button)
        elif appointment.status is AppointmentStatus.ATTENDED:
            button = QPushButton(self.tr("Skriv notat"))
            button.setAccessibleName(self.tr("Skriv notat: %s") % who)
            button.clicked.connect(lambda _c=False, a=appointment: self.write_note(a))
            self.note_buttons[appointment.id] = button
            row.addWidget(button)
        row.addStretch(1)
        return box

    def record(self, appointment: Appointment, attendance: Attendance) -> None:
        """One click: the attendance is recorded (and the contact made)."""
        appointment_id = appointment.id
        if attendance is Attendance.ATTENDED:
            self._note_focus = appointment_id
        messages = {
            Attendance.ATTENDED: self.tr(
                "Registreret som mødt. Skriv notatet nu med »Skriv notat«."
            ),
            Attendance.NO_SHOW: self.tr("Registreret som udeblevet. Husk at kontakte borgeren."),
            Attendance.CANCELLED: self.tr("Registreret som aflyst."),
        }
        self.session.run(
            lambda ws: ws.agenda.record_attendance(appointment_id, attendance),
            done=lambda _r: self.nav.say(messages[attendance]),
            changes="agenda",
        )

    def write_note(self, appointment: Appointment) -> None:
        self.nav.new_note(
            appointment.citizen_id, kind=appointment.kind.value, appointment_id=appointment.id
        )

    # -- queue -------------------------------------------------------------------------

    def _show_queue(self, data: TodayData) -> None:
        self.queue_title.setText(self.tr("Venter i åben rådgivning (%d)") % len(data.queue))
        self.queue_list.set_rows(data.queue)
        self.serve_first.setEnabled(bool(data.queue))

    def serve_next(self) -> None:
        """Serve the person who has waited longest."""
        if self.data is not None and self.data.queue:
            self.queue_actions.serve(self.data.queue[0])

    # -- reminders ---------------------------------------------------------------------

    def _show_reminders(self) -> None:
        data = self.data
        if data is None:
            return
        counts = {kind: 0 for kind in REMINDER_ORDER}
        for reminder in data.reminders:
            counts[reminder.kind] += 1
        wanted = self._update_filters(len(data.reminders), counts)
        rows = [r for r in data.reminders if wanted is None or r.kind is wanted]
        self.reminder_model.set_rows(rows, data.names, data.today)
        self.reminders_title.setText(self.tr("Påmindelser (%d)") % len(data.reminders))
        self.reminders.setVisible(bool(data.reminders))
        self.filters.setVisible(bool(data.reminders))
        self.no_reminders.setVisible(not data.reminders)

    def _update_filters(self, total: int, counts: dict[ReminderKind, int]) -> ReminderKind | None:
        """One tab for all and one per kind that has reminders; keeps the chosen one."""
        current = self.filters.currentIndex()
        wanted = self._filter_kinds[current] if 0 <= current < len(self._filter_kinds) else None
        kinds: list[ReminderKind | None] = [None, *(k for k in REMINDER_ORDER if counts[k])]
        if wanted not in kinds:
            wanted = None
        self.filters.blockSignals(True)
        while self.filters.count():
            self.filters.removeTab(0)
        for kind in kinds:
            count = total if kind is None else counts[kind]
            self.filters.addTab(f"{filter_label(kind)} ({count})")
        self._filter_kinds = kinds
        self.filters.setCurrentIndex(kinds.index(wanted))
        self.filters.blockSignals(False)
        return wanted

    def _open_reminder(self, row: int) -> None:
        reminder = self.reminder_model.reminder(row)
        if reminder is None:
            return
        if reminder.kind is ReminderKind.UNFINISHED_NOTE:
            self.nav.open_note(reminder.ref_id)
        else:
            self.nav.open_case(reminder.citizen_id)

    # -- privacy -----------------------------------------------------------------------

    def clear(self) -> None:
        self.data = None
        self._stale = True
        _empty_grid(self.appointments_grid)
        self.note_buttons.clear()
        self.queue_list.clear()
        self.reminder_model.clear()
        self.date_label.clear()


# -- helpers ------------------------------------------------------------------------------


def _empty_grid(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # out of the widget tree at once
            widget.deleteLater()


def _plain_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.setCursor(Qt.CursorShape.PointingHandCursor)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(ReminderModel.WHAT, QHeaderView.ResizeMode.Stretch)
    metrics = view.fontMetrics()
    header.resizeSection(ReminderModel.WHO, metrics.horizontalAdvance("M" * 14))
    header.resizeSection(ReminderModel.WHEN, metrics.horizontalAdvance("28. sep. 2026   MM"))
