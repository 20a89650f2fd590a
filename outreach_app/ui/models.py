"""Qt item models and small display helpers shared by the pages.

The models sit over plain Python lists: a page filters or loads in Python and hands
the new list to the model, which resets (no QSortFilterProxyModel: 5-20x slower
over a Python model). Names go through ``session.name``, so discreet mode shows
initials, and ``redraw()`` repaints without loading anything again.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
)

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.services.search import CitizenHit
from outreach_app.ui.session import Session
from outreach_app.ui.style import MUTED

Index = QModelIndex | QPersistentModelIndex

#: Item roles as plain ints: data() is called for every cell and role on each paint.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
TEXT_ROLES = frozenset({DISPLAY, Qt.ItemDataRole.AccessibleTextRole.value})


def _tr(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("Labels", ...)."""
    return QCoreApplication.translate("Labels", str(text))


# -- words for the domain's values ------------------------------------------------------

_KINDS = {
    "drop_in": QT_TRANSLATE_NOOP("Labels", "åben rådgivning"),
    "follow_up": QT_TRANSLATE_NOOP("Labels", "opfølgningssamtale"),
    "phone": QT_TRANSLATE_NOOP("Labels", "telefon"),
    "home_visit": QT_TRANSLATE_NOOP("Labels", "hjemmebesøg"),
    "network_meeting": QT_TRANSLATE_NOOP("Labels", "netværksmøde"),
}
_APPOINTMENT_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("Labels", "planlagt"),
    "attended": QT_TRANSLATE_NOOP("Labels", "mødt"),
    "no_show": QT_TRANSLATE_NOOP("Labels", "udeblev"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "aflyst"),
}
_CITIZEN_STATUSES = {
    "active": QT_TRANSLATE_NOOP("Labels", "aktiv"),
    "closed": QT_TRANSLATE_NOOP("Labels", "afsluttet"),
}
_COLUMNS = (
    QT_TRANSLATE_NOOP("Labels", "Navn"),
    QT_TRANSLATE_NOOP("Labels", "CPR-nummer"),
    QT_TRANSLATE_NOOP("Labels", "Status"),
)


def _label(table: dict[str, object], value: str) -> str:
    text = table.get(str(value))
    return _tr(text) if text else str(value)


def kind_label(kind: str) -> str:
    """A kind of contact or appointment in Danish (lower case, as in a sentence)."""
    return _label(_KINDS, kind)


def appointment_status_label(status: str) -> str:
    return _label(_APPOINTMENT_STATUSES, status)


def citizen_status_label(status: str) -> str:
    return _label(_CITIZEN_STATUSES, status)


# -- time --------------------------------------------------------------------------------


def now_of(session: Session) -> datetime:
    """The current time as the session sees it (a fixed clock in tests)."""
    clock = session.clock
    if clock is None and session.workspace is not None:
        clock = session.workspace.clock
    return clock.now() if clock is not None else datetime.now(UTC)


def local_time(moment: datetime) -> str:
    """'09.15' (Danish) or '09:15' (English): a time of day in Danish time."""
    local = moment.astimezone(DANISH_TIME)
    pattern = QCoreApplication.translate("Labels", "HH.mm")
    return QLocale().toString(QTime(local.hour, local.minute), pattern)


def long_date(day: date) -> str:
    """'mandag 2. marts 2026' in the screen's language."""
    return _format(day, QCoreApplication.translate("Labels", "dddd d. MMMM yyyy"))


def short_date(day: date, today: date) -> str:
    """'i dag', 'i går', 'i morgen', otherwise '27. feb. 2026'."""
    relative = {
        today: QCoreApplication.translate("Labels", "i dag"),
        today - timedelta(days=1): QCoreApplication.translate("Labels", "i går"),
        today + timedelta(days=1): QCoreApplication.translate("Labels", "i morgen"),
    }
    if day in relative:
        return relative[day]
    return _format(day, QCoreApplication.translate("Labels", "d. MMM yyyy"))


def _format(day: date, pattern: str) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def waited_minutes(arrived_at: datetime, now: datetime) -> int:
    return max(0, int((now - arrived_at).total_seconds() // 60))


def alive(widget: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback`` for a background result, skipped when ``widget`` was deleted in the
    meantime (a dialog closed before its answer came)."""

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call


# -- names ---------------------------------------------------------------------------


def hit_name(session: Session, hit: CitizenHit | None) -> str:
    """A search hit's name as the screen may show it now."""
    if hit is None:
        return QCoreApplication.translate("Labels", "Ukendt borger")
    return session.name(hit.first_name, hit.last_name, hit.initials)


def label_initials(label: str) -> str:
    """Initials of a free text (e.g. the first name said at the queue)."""
    words = label.split()
    if not words:
        return ""
    letters = [words[0][0], words[-1][0]] if len(words) > 1 else [words[0][0]]
    return ".".join(letter.upper() for letter in letters) + "."


def label_text(session: Session, label: str) -> str:
    """A free-text label as the screen may show it now (initials when discreet)."""
    return label_initials(label) if session.discreet else label


# -- widgets ----------------------------------------------------------------------------


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with '…' when narrow (the whole text
    stays in the tooltip and the accessible name); optionally a link."""

    def __init__(self, text: str = "", *, link: bool = False, min_chars: int = 8) -> None:
        super().__init__()
        self._full = ""
        self._link = link
        self._shown_for: tuple[str, int] | None = None  # (text, width) last elided
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * min_chars))
        if link:
            self.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), self.minimumWidth())
        if self._shown_for == (self._full, width):
            return  # layouts resize often; the text only changes with the width
        self._shown_for = (self._full, width)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        self.setText(f'<a href="open">{html.escape(shown)}</a>' if self._link else shown)


# -- citizens --------------------------------------------------------------------------


class CitizenHitModel(QAbstractTableModel):
    """Search hits as a table: name (initials when discreet), masked CPR (empty when
    discreet), status. Reset with ``set_hits``; repaint with ``redraw``."""

    NAME, CPR, STATUS = range(3)

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._hits: list[CitizenHit] = []
        self._muted = QBrush(QColor(MUTED))

    # the list

    def set_hits(self, hits: Sequence[CitizenHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def hit(self, row: int) -> CitizenHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    @property
    def hits(self) -> list[CitizenHit]:
        return list(self._hits)

    def redraw(self) -> None:
        """Discreet mode changed: show every cell again."""
        if self._hits:
            last = self.index(len(self._hits) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    # the model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in TEXT_ROLES and role != FOREGROUND:  # most calls: cheap int test
            return None
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role in TEXT_ROLES:
            return self._text(hit, index.column())
        return self._muted if hit.status == "closed" else None

    def _text(self, hit: CitizenHit, column: int) -> str:
        if column == self.NAME:
            return hit_name(self.session, hit)
        if column == self.CPR:
            return "" if self.session.discreet else hit.masked_cpr
        return citizen_status_label(hit.status)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _tr(_COLUMNS[section])


def citizen_table(model: CitizenHitModel, *, accessible_name: str) -> QTableView:
    """A fast table over citizen hits: uniform rows, whole-row selection, no per-row
    widgets, column widths from the font (never measured over all rows)."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(CitizenHitModel.NAME, QHeaderView.ResizeMode.Stretch)
    metrics = view.fontMetrics()
    header.resizeSection(CitizenHitModel.CPR, metrics.horizontalAdvance("000000-xxxx   CPR"))
    header.resizeSection(CitizenHitModel.STATUS, metrics.horizontalAdvance("afsluttet  MMM"))
    return view
