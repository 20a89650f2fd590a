"""The Kalender page: the consultant's week of appointments, one column per day.

Monday to Friday are always shown, Saturday and Sunday only when something is booked
on them. Each appointment is a card (time, citizen, kind, place, status); the bar
under the week acts on the selected card: move, cancel, record attendance, write the
note. A no-show is recorded as such, and the Today page then reminds the consultant
to contact the citizen (``ws.reminders.today()`` derives it from the no-show).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import AppointmentStatus, Attendance, ContactKind
from outreach_app.ui import style
from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.dialogs.appointment import AppointmentDialog, kind_label, status_label
from outreach_app.ui.dialogs.citizen_picker import session_now, shown_name
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import heading, muted

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
#: Attendance can be recorded from this long before the start (the citizen is early).
ATTENDANCE_LEAD = timedelta(minutes=15)

#: The left edge of a card, by what it needs: (edge colour, badge background, text).
COLOURS = {
    "planned": (style.ACCENT, "", ""),
    "overdue": ("#c98a00", "#fff4d6", "#6b4e00"),
    AppointmentStatus.ATTENDED.value: ("#2e7d4f", "#e3f3e8", "#1f5a38"),
    AppointmentStatus.NO_SHOW.value: (style.ERROR, "#fbe4e4", style.ERROR),
    AppointmentStatus.CANCELLED.value: ("#9aa5ad", "#eceff1", style.MUTED),
}


@dataclass(frozen=True, slots=True)
class Row:
    """One appointment with what the card shows of it."""

    appointment: Any
    hit: Any  # CitizenHit | None
    partner: str


@dataclass(frozen=True, slots=True)
class Card:
    """The text of one card, as the screen may show it now."""

    when: str
    name: str
    kind: str
    place: str
    badge: str
    state: str  # a key of COLOURS


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def load_week(ws: Any, monday: date) -> list[Row]:
    """The week's appointments, cancelled ones too, with names (worker thread)."""
    first = datetime.combine(monday, time.min, tzinfo=DANISH_TIME)
    last = datetime.combine(monday + timedelta(days=7), time.min, tzinfo=DANISH_TIME)
    appointments = ws.agenda.between(first, last, include_cancelled=True)
    partners: dict[str, str] = {}
    if any(a.partner_id for a in appointments):
        partners = {p.id: p.name for p in ws.partners.list(active_only=False)}
    return [
        Row(a, ws.citizens.hit(a.citizen_id), partners.get(a.partner_id or "", ""))
        for a in appointments
    ]


def local(moment: datetime) -> datetime:
    return moment.astimezone(DANISH_TIME)


def day_name(day: date, *, short: bool = False) -> str:
    """'Mandag' (or 'Man.'), in the screen's language (Qt's locale, set by i18n)."""
    form = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    name = QLocale().dayName(day.isoweekday(), form)
    return name[:1].upper() + name[1:]


def month_name(month: int) -> str:
    return QLocale().monthName(month)


def short_month(month: int) -> str:
    """'mar.'; Qt's short names already end in a full stop where the language wants one."""
    return QLocale().monthName(month, QLocale.FormatType.ShortFormat)


class CardDelegate(QStyledItemDelegate):
    """Paints an appointment as a card; an item without a card is the empty-day note."""

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.lineSpacing()
        pad = line // 2
        lines = 4 if index.data(CARD_ROLE) is not None else 2
        return QSize(option.fontMetrics.averageCharWidth() * 16, line * lines + pad * 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CARD_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if card is None:
            painter.setPen(QColor(style.MUTED))
            painter.drawText(option.rect, Qt.AlignmentFlag.AlignCenter, index.data())
        else:
            self._card(painter, option, card)
        painter.restore()

    def _card(self, painter: QPainter, option: QStyleOptionViewItem, card: Card) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(style.ACCENT if selected else "#d5dde2"), 2 if selected else 1))
        painter.setBrush(QColor(style.ACCENT_LIGHT if selected else "white"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(COLOURS[card.state][0]))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 3, 3)
        line = option.fontMetrics.lineSpacing()
        text = rect.adjusted(line // 2 + 6, line // 2, -(line // 2), -(line // 2))
        cancelled = card.state == AppointmentStatus.CANCELLED.value
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setStrikeOut(cancelled)
        plain = QFont(option.font)
        plain.setStrikeOut(cancelled)
        pill = self._pill_font(option)
        pill_width = self._pill_width(pill, card.badge)
        on_top = QFontMetrics(bold).horizontalAdvance(card.when) + pill_width + 6 <= text.width()
        ink = QColor(style.MUTED if cancelled else "#1b2a33")
        self._text(
            painter, bold, ink, QRect(text.left(), text.top(), text.width(), line), card.when
        )
        if card.badge and on_top:
            self._pill(
                painter, pill, card, QRect(text.right() - pill_width, text.top(), pill_width, line)
            )
        self._text(
            painter, bold, ink, QRect(text.left(), text.top() + line, text.width(), line), card.name
        )
        kind = QRect(text.left(), text.top() + line * 2, text.width(), line)
        if card.badge and not on_top:  # a narrow column: the status goes before the kind
            self._pill(painter, pill, card, QRect(kind.left(), kind.top(), pill_width, line))
            kind.setLeft(kind.left() + pill_width + 4)
        muted_ink = QColor(style.MUTED)
        self._text(painter, plain, muted_ink, kind, card.kind)
        place = QRect(text.left(), text.top() + line * 3, text.width(), line)
        self._text(painter, plain, muted_ink, place, card.place)

    @staticmethod
    def _text(painter: QPainter, font: QFont, ink: QColor, where: QRect, value: str) -> None:
        """One line, elided with the font it is drawn in."""
        painter.setFont(font)
        painter.setPen(ink)
        elided = QFontMetrics(font).elidedText(value, Qt.TextElideMode.ElideRight, where.width())
        painter.drawText(where, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)

    @staticmethod
    def _pill_font(option: QStyleOptionViewItem) -> QFont:
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
        small.setBold(True)
        return small

    @staticmethod
    def _pill_width(font: QFont, badge: str) -> int:
        if not badge:
            return 0
        metrics = QFontMetrics(font)
        return metrics.horizontalAdvance(badge) + metrics.height()

    @staticmethod
    def _pill(painter: QPainter, font: QFont, card: Card, where: QRect) -> None:
        """The status in a small coloured pill."""
        _edge, background, ink = COLOURS[card.state]
        height = QFontMetrics(font).height() + 2
        pill = QRect(where.left(), where.center().y() - height // 2, where.width(), height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(QColor(ink))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, card.badge)


class DayColumn(QFrame):
    """One day: its date on top, its appointments as cards below."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayColumn")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)
        self.day = date.min
        self._is_today = False
        self.title = QLabel()
        self.title.setObjectName("dayTitle")
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.today = QLabel(self.tr("I dag"))
        self.today.setObjectName("badge")
        self.list = QListWidget()
        self.list.setObjectName("dayList")
        self.list.setItemDelegate(CardDelegate(self.list))
        self.list.setSpacing(3)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.today)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)

    def set_day(self, day: date, *, today: bool) -> None:
        self.day = day
        self._is_today = today
        self.title.setProperty("today", today)
        self.setProperty("today", today)
        self.list.setAccessibleName(self.tr("Aftaler %s") % self._long_title())
        for widget in (self, self.title):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _long_title(self) -> str:
        day = self.day
        return self.tr("%s %d. %s") % (day_name(day), day.day, short_month(day.month))

    def _short_title(self) -> str:
        day = self.day
        return self.tr("%s %d.") % (day_name(day, short=True), day.day)

    def _room(self) -> int:
        return self.width() - self.count.sizeHint().width() - 28

    def _title_width(self) -> int:
        bold = QFont(self.title.font())
        bold.setBold(True)
        return QFontMetrics(bold).horizontalAdvance(self._long_title())

    def long_fits(self) -> bool:
        return self._title_width() <= self._room()

    def show_title(self, *, long: bool) -> None:
        """The long title ('Mandag 2. mar.') with the 'I dag' badge when there is room
        for it (the column's colour says 'today' anyway), or the short one ('Man. 2.')."""
        badge = self.today.sizeHint().width() + 6
        fits_badge = long and self._title_width() + badge <= self._room()
        self.today.setVisible(self._is_today and fits_badge)
        self.title.setText(self._long_title() if long else self._short_title())
        self.title.setToolTip(self._long_title())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.resized.emit()


class AgendaPage(Page):
    """The week's appointments and what to do with them."""

    name = "agenda"
    kinds = frozenset({"all", "agenda", "citizens", "partners"})

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self.monday = monday_of(self._today())
        self.rows: list[Row] = []
        self._loaded_monday: date | None = None
        self._selected: str | None = None
        self._stale = True
        self.dialog: AppointmentDialog | None = None
        self.confirm: QMessageBox | None = None
        self._build()
        self._wire()
        self._show_week()

    def title(self) -> str:
        return self.tr("Kalender")

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.previous = QPushButton(self.tr("‹ Forrige uge"))
        self.previous.setShortcut(QKeySequence("Alt+Left"))
        self.previous.setToolTip(self.tr("Forrige uge (Alt+Venstre)"))
        self.this_week = QPushButton(self.tr("I dag"))
        self.this_week.setShortcut(QKeySequence("Alt+Home"))
        self.this_week.setToolTip(self.tr("Denne uge (Alt+Home)"))
        self.following = QPushButton(self.tr("Næste uge ›"))
        self.following.setShortcut(QKeySequence("Alt+Right"))
        self.following.setToolTip(self.tr("Næste uge (Alt+Højre)"))
        self.week_label = heading("", level=2)
        self.summary = muted("")
        self.summary.setWordWrap(False)
        self.new_button = QPushButton(self.tr("Ny aftale (Ctrl+B)"))
        self.new_button.setShortcut(QKeySequence("Ctrl+B"))
        self.new_button.setDefault(True)
        self.columns = [DayColumn() for _ in range(7)]
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = self._action(
            self.tr("Åbn sag"), "", self.tr("Åbn borgerens sag (Enter)")
        )
        self.note_button = self._action(
            self.tr("Skriv notat"), "", self.tr("Skriv journalnotat til aftalen")
        )
        self.move_button = self._action(self.tr("Flyt"), "F2", self.tr("Flyt eller ret (F2)"))
        self.cancel_button = self._action(self.tr("Aflys"), "Del", self.tr("Aflys aftalen (Del)"))
        self.attended_button = self._action(
            self.tr("Mødt"), "Ctrl+M", self.tr("Borgeren mødte op (Ctrl+M)")
        )
        self.no_show_button = self._action(
            self.tr("Udeblev"), "Ctrl+U", self.tr("Borgeren udeblev (Ctrl+U)")
        )
        self._lay_out()

    def _action(self, text: str, keys: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        if keys:
            button.setShortcut(QKeySequence(keys))
        button.setToolTip(tip)
        button.setEnabled(False)
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addStretch(1)
        top.addWidget(self.new_button)
        bar = QHBoxLayout()
        for button in (self.previous, self.this_week, self.following):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.week_label)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        week = QHBoxLayout()
        week.setSpacing(6)
        for column in self.columns:
            week.addWidget(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 12)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addSpacing(4)
        layout.addLayout(week, 1)
        layout.addWidget(self._detail_card())
        self.setStyleSheet(
            "QFrame#dayColumn { background: #eef2f4; border-radius: 8px; }"
            'QFrame#dayColumn[today="true"] { background: #dde9ef; }'
            "QLabel#dayTitle { font-weight: bold; padding: 2px 0; }"
            f'QLabel#dayTitle[today="true"] {{ color: {style.ACCENT}; }}'
            "QListWidget#dayList { background: transparent; border: none; }"
        )

    def _detail_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)
        for button in (
            self.move_button,
            self.cancel_button,
            self.attended_button,
            self.no_show_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        return card

    def _wire(self) -> None:
        self.previous.clicked.connect(lambda: self.go_to(self.monday - timedelta(days=7)))
        self.following.clicked.connect(lambda: self.go_to(self.monday + timedelta(days=7)))
        self.this_week.clicked.connect(lambda: self.go_to(monday_of(self._today())))
        self.new_button.clicked.connect(self.new_appointment)
        self.open_button.clicked.connect(self.open_case)
        self.note_button.clicked.connect(self.write_note)
        self.move_button.clicked.connect(self.move_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.attended_button.clicked.connect(lambda: self.record(Attendance.ATTENDED))
        self.no_show_button.clicked.connect(lambda: self.record(Attendance.NO_SHOW))
        for column in self.columns:
            column.list.currentItemChanged.connect(self._current_changed)
            column.list.itemActivated.connect(lambda _item: self.open_case())
            column.list.installEventFilter(self)
            column.resized.connect(self._fit_titles)

    # -- time -------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return session_now(self.session)

    def _today(self) -> date:
        return local(self._now()).date()

    # -- loading -------------------------------------------------------------------------------

    def go_to(self, monday: date) -> None:
        """Show the week starting ``monday``."""
        self.monday = monday_of(monday)
        self._selected = None
        self.rows = []
        self._show_week()
        self._load()

    def refresh(self) -> None:
        if self.isVisible():
            self._load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._load()
        else:
            self._show_week()  # time has passed: 'today' and attendance may have changed

    def _load(self) -> None:
        self._stale = False
        monday = self.monday
        self.session.run(
            lambda ws: load_week(ws, monday),
            done=lambda rows: self._loaded(monday, rows),
            key="agenda-week",
        )

    def _loaded(self, monday: date, rows: list[Row]) -> None:
        if monday != self.monday:
            return
        self.rows, self._loaded_monday = rows, monday
        self._show_week()

    # -- drawing ----------------------------------------------------------------------------------

    def redraw(self) -> None:
        self._show_week()

    def clear(self) -> None:
        """Forget the week's names and times (the session was locked)."""
        self.rows = []
        self._loaded_monday = None
        self._selected = None
        self._stale = True
        self.dialog = None  # it closes itself on lock
        self._show_week()  # empty days, no counts, weekend columns hidden
        self.details.clear()
        self.summary.clear()
        self._enable(None)

    def _show_week(self) -> None:
        days = [self.monday + timedelta(days=i) for i in range(7)]
        by_day: dict[date, list[Row]] = {day: [] for day in days}
        for row in self.rows:
            by_day.setdefault(local(row.appointment.starts_at).date(), []).append(row)
        today = self._today()
        for column, day in zip(self.columns, days, strict=True):
            column.set_day(day, today=day == today)
            self._fill(column, by_day[day])
            column.setVisible(day.weekday() < 5 or bool(by_day[day]))
        shown = [d for d, c in zip(days, self.columns, strict=True) if not c.isHidden()]
        self.week_label.setText(self.week_title(shown[0], shown[-1]))
        self.summary.setText(self._summary())
        self._fit_titles()
        self._reselect()

    def _fit_titles(self) -> None:
        """Long day titles in every column, or short ones in all of them."""
        shown = [c for c in self.columns if not c.isHidden()]
        long = all(c.long_fits() for c in shown)
        for column in shown:
            column.show_title(long=long)

    def week_title(self, first: date, last: date) -> str:
        """'Uge 10, 2.–6. marts 2026'."""
        week = first.isocalendar().week
        if first.year != last.year:
            span = self.tr("%d. %s %d – %d. %s %d") % (
                first.day, month_name(first.month), first.year,
                last.day, month_name(last.month), last.year,
            )  # fmt: skip
        elif first.month != last.month:
            span = self.tr("%d. %s – %d. %s %d") % (
                first.day, month_name(first.month), last.day, month_name(last.month), last.year
            )  # fmt: skip
        else:
            span = self.tr("%d.–%d. %s %d") % (
                first.day,
                last.day,
                month_name(last.month),
                last.year,
            )
        return self.tr("Uge %d, %s") % (week, span)

    def _summary(self) -> str:
        if self._loaded_monday != self.monday:
            return self.tr("Henter ugens aftaler …")
        counts = {status: 0 for status in AppointmentStatus}
        for row in self.rows:
            counts[row.appointment.status] += 1
        total = len(self.rows) - counts[AppointmentStatus.CANCELLED]
        parts = [self.tr("Aftaler: %d") % total]
        if counts[AppointmentStatus.ATTENDED]:
            parts.append(self.tr("mødt: %d") % counts[AppointmentStatus.ATTENDED])
        if counts[AppointmentStatus.NO_SHOW]:
            parts.append(self.tr("udeblev: %d") % counts[AppointmentStatus.NO_SHOW])
        if counts[AppointmentStatus.CANCELLED]:
            parts.append(self.tr("aflyst: %d") % counts[AppointmentStatus.CANCELLED])
        return "  ·  ".join(parts)

    def _fill(self, column: DayColumn, rows: list[Row]) -> None:
        listing = column.list
        listing.blockSignals(True)
        listing.clear()
        for row in rows:
            card = self.card(row)
            item = QListWidgetItem(self._spoken(card))
            item.setData(ID_ROLE, row.appointment.id)
            item.setData(CARD_ROLE, card)
            item.setToolTip(self._spoken(card))
            listing.addItem(item)
        if not rows and self._loaded_monday == self.monday:
            empty = QListWidgetItem(self.tr("Ingen aftaler"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            listing.addItem(empty)
        listing.blockSignals(False)
        active = [r for r in rows if r.appointment.status is not AppointmentStatus.CANCELLED]
        column.count.setText(str(len(active)) if active else "")

    def card(self, row: Row) -> Card:
        appointment = row.appointment
        start, end = local(appointment.starts_at), local(appointment.ends_at)
        kind = kind_label(appointment.kind)
        if appointment.kind is ContactKind.NETWORK_MEETING and row.partner:
            kind = self.tr("%s med %s") % (kind, row.partner)
        state = appointment.status.value
        badge = status_label(appointment.status) if state != "planned" else ""
        if state == "planned" and self._needs_attendance(appointment):
            state, badge = "overdue", self.tr("Fremmøde?")
        return Card(
            when=f"{start:%H:%M}–{end:%H:%M}",
            name=shown_name(self.session, row.hit),
            kind=kind,
            place=appointment.place,
            badge=badge,
            state=state,
        )

    def _spoken(self, card: Card) -> str:
        parts = [card.when, card.name, card.kind, card.place, card.badge]
        return ", ".join(p for p in parts if p)

    def _needs_attendance(self, appointment: Any) -> bool:
        """Planned, and its end has passed: attendance should be recorded."""
        return appointment.status is AppointmentStatus.PLANNED and appointment.ends_at < self._now()

    # -- selection --------------------------------------------------------------------------------

    def selected_row(self) -> Row | None:
        return next((r for r in self.rows if r.appointment.id == self._selected), None)

    def select(self, appointment_id: str) -> bool:
        """Select the appointment's card; False if it is not in the week shown."""
        for column in self.columns:
            for index in range(column.list.count()):
                item = column.list.item(index)
                if item.data(ID_ROLE) == appointment_id:
                    column.list.setCurrentItem(item)
                    return True
        return False

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None or current.data(ID_ROLE) is None:
            return
        sender = current.listWidget()
        for column in self.columns:
            if column.list is not sender:
                column.list.blockSignals(True)
                column.list.setCurrentRow(-1)
                column.list.clearSelection()
                column.list.blockSignals(False)
        self._selected = current.data(ID_ROLE)
        self._show_selected()

    def _reselect(self) -> None:
        if self._selected and not self.select(self._selected):
            self._selected = None
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.selected_row()
        self._enable(row)
        if row is None:
            self.details.setText(
                self.tr("Vælg en aftale for at flytte den, aflyse den eller registrere fremmøde.")
                if self.rows
                else self.tr("Ingen aftaler denne uge. Book en ny med «Ny aftale».")
            )
            return
        self.details.setText(self._describe(row))

    def _describe(self, row: Row) -> str:
        appointment = row.appointment
        start, end = local(appointment.starts_at), local(appointment.ends_at)
        card = self.card(row)
        text = self.tr("%s %d. %s kl. %s–%s") % (
            day_name(start.date()), start.day, month_name(start.month),
            f"{start:%H:%M}", f"{end:%H:%M}",
        )  # fmt: skip
        parts = [text, card.name, card.kind]
        if appointment.place:
            parts.append(appointment.place)
        parts.append(status_label(appointment.status))
        line = "  ·  ".join(parts)
        if appointment.note and not self.session.discreet:
            line += "\n" + self.tr("Bemærkning: %s") % appointment.note
        return line

    def _enable(self, row: Row | None) -> None:
        appointment = row.appointment if row else None
        planned = appointment is not None and appointment.status is AppointmentStatus.PLANNED
        started = (
            planned
            and row is not None
            and row.appointment.starts_at - ATTENDANCE_LEAD <= self._now()
        )
        self.open_button.setEnabled(appointment is not None)
        self.note_button.setEnabled(
            appointment is not None and appointment.status is not AppointmentStatus.CANCELLED
        )
        self.move_button.setEnabled(planned)
        self.cancel_button.setEnabled(planned)
        self.attended_button.setEnabled(started)
        self.no_show_button.setEnabled(started)
        tip = "" if started or not planned else self.tr("Fremmøde registreres, når mødet begynder.")
        for button in (self.attended_button, self.no_show_button):
            button.setStatusTip(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Left and right arrows move between the days."""
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QListWidget):
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
            if step is not None and not event.modifiers():
                self._step_day(watched, step)
                return True
        return super().eventFilter(watched, event)

    def _step_day(self, listing: QListWidget, step: int) -> None:
        visible = [c for c in self.columns if not c.isHidden()]
        here = next(i for i, c in enumerate(visible) if c.list is listing)
        target = visible[max(0, min(len(visible) - 1, here + step))].list
        row = min(max(0, listing.currentRow()), target.count() - 1)
        target.setFocus()
        if target.count() and target.item(row).data(ID_ROLE) is not None:
            target.setCurrentRow(row)

    # -- actions ---------------------------------------------------------------------------

    def new_appointment(self) -> None:
        self._open_dialog(AppointmentDialog(self.session, parent=self))

    def move_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.appointment.status is AppointmentStatus.PLANNED:
            self._open_dialog(
                AppointmentDialog(self.session, appointment=row.appointment, parent=self)
            )

    def _open_dialog(self, dialog: AppointmentDialog) -> None:
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()

    def _saved(self, appointment_id: str) -> None:
        """Show the week of the appointment just saved, with its card selected."""
        dialog = self.dialog
        week = monday_of(dialog.starts_at().date()) if dialog is not None else self.monday
        if week != self.monday:
            self.go_to(week)
        self._selected = appointment_id
        self.nav.say(self.tr("Aftalen er gemt."))

    def open_case(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.nav.open_case(row.appointment.citizen_id)

    def write_note(self) -> None:
        row = self.selected_row()
        if row is not None:
            appointment = row.appointment
            self.nav.new_note(
                appointment.citizen_id, kind=appointment.kind.value, appointment_id=appointment.id
            )

    def cancel_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.appointment.status is not AppointmentStatus.PLANNED:
            return
        start = local(row.appointment.starts_at)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Aflys aftale"),
            self.tr("Aflys aftalen %s %d. %s kl. %s?")
            % (
                QLocale().dayName(start.date().isoweekday()),  # lower case in Danish
                start.day,
                month_name(start.month),
                f"{start:%H:%M}",
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(self.tr("Husk at give borgeren besked om aflysningen."))
        self.confirm_yes = box.addButton(
            self.tr("Aflys aftalen"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("Behold aftalen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.confirm_yes)
        appointment_id = row.appointment.id
        box.accepted.connect(lambda: self._cancel(appointment_id))
        box.finished.connect(box.deleteLater)
        self.confirm = box
        box.open()

    def _cancel(self, appointment_id: str) -> None:
        self.session.run(
            lambda ws: ws.agenda.cancel(appointment_id),
            done=lambda _a: self.nav.say(self.tr("Aftalen er aflyst.")),
            changes="agenda",
        )

    def record(self, attendance: Attendance) -> None:
        """Record that the citizen came (or did not) to the selected appointment."""
        row = self.selected_row()
        if row is None or not self.attended_button.isEnabled():
            return
        appointment_id = row.appointment.id
        self.session.run(
            lambda ws: ws.agenda.record_attendance(appointment_id, attendance),
            done=lambda _r: self._recorded(attendance),
            changes="agenda",
        )

    def _recorded(self, attendance: Attendance) -> None:
        if attendance is Attendance.NO_SHOW:
            self.nav.say(
                self.tr(
                    "Udeblivelse registreret. Påmindelsen om at kontakte borgeren står på I dag."
                )
            )
        else:
            self.nav.say(self.tr("Fremmøde registreret. Skriv notatet med «Skriv notat»."))
