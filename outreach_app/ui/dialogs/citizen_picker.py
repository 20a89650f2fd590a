"""Choosing the citizen a dialog is about: a search field with a short list of hits,
or, when the citizen is already known, just the citizen's name.

Both show initials instead of names in discreet mode and forget what they show
when the session locks. Also here: the small helpers the case-work dialogs share.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.ui.session import Session

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole
#: Fewer letters than this are not searched (a single letter matches half the office).
MIN_QUERY = 2


def when_alive(widget: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback`` for a background result, skipped if ``widget`` was deleted meanwhile
    (a dialog closed before its data arrived)."""

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call


def follow(signal: Any, widget: QObject, slot: Callable[..., None]) -> None:
    """Connect a signal of the long-lived session to a slot of a short-lived widget (a
    dialog's): skipped once the widget is deleted, and disconnected when it goes."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            slot(*args)

    def forget(*_: Any) -> None:
        with contextlib.suppress(RuntimeError, RuntimeWarning, TypeError):
            signal.disconnect(call)  # (the session may be gone first, on quitting)

    signal.connect(call)
    widget.destroyed.connect(forget)


def session_now(session: Session) -> datetime:
    """The current time as the session's clock tells it (a fixed clock in tests)."""
    clock = session.clock
    return clock.now() if clock is not None else datetime.now(UTC)


def session_today(session: Session) -> date:
    """Today in Danish time, by the session's clock."""
    return session_now(session).astimezone(DANISH_TIME).date()


def shown_name(session: Session, hit: Any) -> str:
    """A citizen's name (a CitizenHit or Citizen) as the screen may show it now."""
    if hit is None:
        return QCoreApplication.translate("CitizenPicker", "Ukendt borger")
    return hit.initials if session.discreet else hit.display_name


class CitizenPicker(QWidget):
    """A search field over ``ws.citizens.search`` and the hits below it."""

    chosen = Signal(str)  # the citizen's id, "" when nothing is chosen
    picked = Signal(str)  # Enter or a double-click on a hit: the choice is made

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._hits: list[Any] = []
        self._key = f"citizen-picker-{id(self)}"
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Søg på navn, CPR-nummer eller telefon"))
        self.search.setAccessibleName(self.tr("Søg efter borger"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Fundne borgere"))
        self.results.setMinimumHeight(self.fontMetrics().height() * 5)
        self.results.setMaximumHeight(self.fontMetrics().height() * 8)
        self.status = QLabel(self.tr("Skriv mindst to tegn for at søge."))
        self.status.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self.setFocusProxy(self.search)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.search.textChanged.connect(self._typed)
        self.search.installEventFilter(self)
        self.results.currentItemChanged.connect(self._current_changed)
        self.results.itemActivated.connect(lambda item: self.picked.emit(item.data(ID_ROLE)))
        follow(session.discreet_changed, self, self._discreet_changed)
        follow(session.locked, self, self.clear)

    @property
    def citizen_id(self) -> str | None:
        item = self.results.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _typed(self, text: str) -> None:
        query = text.strip()
        if len(query) < MIN_QUERY:
            self._show([])
            self.status.setText(self.tr("Skriv mindst to tegn for at søge."))
            return
        self.session.run(
            lambda ws: ws.citizens.search(query, limit=50),
            done=when_alive(self, self._found),
            key=self._key,
        )

    def _found(self, hits: list[Any]) -> None:
        self._show(hits)
        if hits:
            self.status.setText(self.tr("Borgere fundet: %d") % len(hits))
        else:
            self.status.setText(self.tr("Ingen borgere passer på søgningen."))

    def _show(self, hits: list[Any]) -> None:
        chosen = self.citizen_id
        self._hits = hits
        self.results.blockSignals(True)
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(self._line(hit))
            item.setData(ID_ROLE, hit.id)
            self.results.addItem(item)
            if hit.id == chosen:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)
        if self.citizen_id != chosen:
            self.chosen.emit(self.citizen_id or "")

    def _line(self, hit: Any) -> str:
        if self.session.discreet:
            return hit.initials
        return f"{hit.display_name}   {hit.masked_cpr}".rstrip()

    def _current_changed(self, current: QListWidgetItem | None, *_: object) -> None:
        self.chosen.emit(current.data(ID_ROLE) if current is not None else "")

    def _discreet_changed(self, _on: bool) -> None:
        self._show(self._hits)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Down in the search field moves to the hits; Enter chooses the top hit."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.results.count():
                    if self.results.currentItem() is None:
                        self.results.setCurrentRow(0)
                    self.picked.emit(self.citizen_id or "")
                return True  # Enter here never sends the dialog
            if event.key() == Qt.Key.Key_Down and self.results.count():
                if self.results.currentItem() is None:
                    self.results.setCurrentRow(0)
                self.results.setFocus()
                return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        """Forget the query and the hits (the session was locked)."""
        self._hits = []
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.results.clear()


class CitizenName(QLabel):
    """The name of a known citizen, loaded in the background, initials when discreet."""

    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.citizen_id = citizen_id
        self._hit: Any = None
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setStyleSheet("font-weight: bold;")
        follow(session.discreet_changed, self, self._redraw)
        follow(session.locked, self, self.clear)
        session.run(lambda ws: ws.citizens.hit(citizen_id), done=when_alive(self, self._loaded))

    def _loaded(self, hit: Any) -> None:
        self._hit = hit
        self._redraw()

    def _redraw(self, *_: object) -> None:
        text = shown_name(self.session, self._hit)
        self.setText(text)
        self.setAccessibleName(text)

    def clear(self) -> None:
        self._hit = None
        super().clear()


class CitizenField(QWidget):
    """The citizen of a dialog: fixed (a name) when given, otherwise a picker."""

    changed = Signal(str)
    picked = Signal(str)

    def __init__(
        self, session: Session, citizen_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._fixed = citizen_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picker: CitizenPicker | None = None
        self.name: CitizenName | None = None
        if citizen_id:
            self.name = CitizenName(session, citizen_id)
            layout.addWidget(self.name)
        else:
            self.picker = CitizenPicker(session)
            self.picker.chosen.connect(self.changed)
            self.picker.picked.connect(self.picked)
            layout.addWidget(self.picker)
            self.setFocusProxy(self.picker)

    @property
    def citizen_id(self) -> str | None:
        if self.picker is not None:
            return self.picker.citizen_id
        return self._fixed
