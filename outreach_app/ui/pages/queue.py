"""The Åben rådgivning page: who is waiting at the drop-in, in arrival order.

A person is put in the queue with what they said (often a first name) or as a
citizen found by search. Serving opens the case (after finding or registering the
citizen if needed); "Gået" takes someone who left off the list. The waiting time is
counted on the screen every minute from the arrival time, without asking the vault.

``QueueList``, ``QueueActions`` and ``CitizenPickerDialog`` are shared with the
I dag page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.queue import QueueEntry
from outreach_app.services.search import CitizenHit
from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.models import (
    CitizenHitModel,
    ElidedLabel,
    alive,
    citizen_table,
    hit_name,
    label_text,
    local_time,
    now_of,
    waited_minutes,
)
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading, muted

log = logging.getLogger(__name__)

TICK_MS = 60_000


@dataclass(frozen=True, slots=True)
class QueueRow:
    """A waiting person with the citizen they are linked to (if any)."""

    entry: QueueEntry
    hit: CitizenHit | None


def load_queue(ws: Any) -> list[QueueRow]:
    """Everyone waiting, with names from the in-memory index (runs on the worker)."""
    return [
        QueueRow(entry, ws.citizens.hit(entry.citizen_id) if entry.citizen_id else None)
        for entry in ws.queue.waiting()
    ]


def card(title: QLabel | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A white box with an optional title; returns the box and its layout."""
    box = QFrame()
    box.setObjectName("card")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(14, 10, 14, 12)
    if title is not None:
        layout.addWidget(title)
    return box, layout


# -- the list of waiting people ---------------------------------------------------------


class QueueList(QWidget):
    """The waiting people as rows: arrival, name, minutes waited, Betjen, Gået."""

    serve_requested = Signal(object)  # QueueRow
    left_requested = Signal(object)  # QueueRow

    def __init__(self, session: Session, *, limit: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.limit = limit
        self.rows: list[QueueRow] = []
        self._waits: list[tuple[QLabel, datetime]] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setColumnStretch(1, 1)
        self.empty = muted(self.tr("Ingen venter lige nu."))
        self.more = muted("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.empty)
        layout.addWidget(self.more)
        self.more.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.rows = list(rows)
        self.redraw()

    def clear(self) -> None:
        self.set_rows([])

    def redraw(self) -> None:
        self._remove_widgets()
        shown = self.rows if self.limit is None else self.rows[: self.limit]
        for number, row in enumerate(shown):
            self._add(number, row)
        hidden = len(self.rows) - len(shown)
        self.more.setText(self.tr("… og %n mere i køen", "", hidden))
        self.more.setVisible(hidden > 0)
        self.empty.setVisible(not self.rows)
        if self.rows:
            self.timer.start()
        else:
            self.timer.stop()

    def _remove_widgets(self) -> None:
        self._waits.clear()
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # out of the widget tree at once
                widget.deleteLater()

    def _add(self, number: int, row: QueueRow) -> None:
        entry = row.entry
        arrived = QLabel(local_time(entry.arrived_at))
        arrived.setToolTip(self.tr("Ankom"))
        name = self.name_of(row)
        wait = QLabel()
        wait.setObjectName("badge")
        serve = QPushButton(self.tr("Betjen"))
        serve.setAccessibleName(self.tr("Betjen %s") % name)
        serve.clicked.connect(lambda: self.serve_requested.emit(row))
        gone = QPushButton(self.tr("Gået"))
        gone.setAccessibleName(self.tr("%s er gået") % name)
        gone.setToolTip(self.tr("Personen gik, før der blev tid"))
        gone.clicked.connect(lambda: self.left_requested.emit(row))
        for column, widget in enumerate((arrived, self._name_cell(row, name), wait, serve, gone)):
            self.grid.addWidget(widget, number, column)
        self._waits.append((wait, entry.arrived_at))
        self._show_wait(wait, entry.arrived_at, now_of(self.session))

    def name_of(self, row: QueueRow) -> str:
        if row.hit is not None:
            return hit_name(self.session, row.hit)
        return label_text(self.session, row.entry.label)

    def _name_cell(self, row: QueueRow, name: str) -> QWidget:
        cell = QWidget()
        layout = QHBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ElidedLabel(name), 1)
        if row.hit is None:
            hint = muted(self.tr("ikke slået op"))
            hint.setWordWrap(False)
            hint.setToolTip(self.tr("Personen er endnu ikke fundet eller registreret som borger"))
            layout.addWidget(hint)
        return cell

    def tick(self) -> None:
        """A minute passed: count the waiting times again (no vault access)."""
        now = now_of(self.session)
        for label, arrived in self._waits:
            self._show_wait(label, arrived, now)

    def _show_wait(self, label: QLabel, arrived: datetime, now: datetime) -> None:
        label.setText(self.tr("venter %d min") % waited_minutes(arrived, now))


# -- finding the citizen ----------------------------------------------------------------


class CitizenPickerDialog(QDialog):
    """Search a citizen and pick one (Enter picks the top hit)."""

    chosen = Signal(object)  # CitizenHit
    register_requested = Signal()

    def __init__(
        self,
        session: Session,
        *,
        text: str = "",
        intro: str = "",
        allow_register: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.intro = muted(intro)
        self.intro.setVisible(bool(intro))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Find borger"))
        self._asked: str | None = None
        self._answered: str | None = None
        self._choose_when_ready = False
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Søg efter borger"))
        self.search.setPlaceholderText(self.tr("Navn, CPR eller telefon"))
        self.search.setClearButtonEnabled(True)
        self.model = CitizenHitModel(session, self)
        self.table = citizen_table(self.model, accessible_name=self.tr("Fundne borgere"))
        self.table.setColumnHidden(CitizenHitModel.CPR, session.discreet)
        self.table.activated.connect(self._choose_index)
        self.hint = muted("")
        self.choose_button = QPushButton(self.tr("Vælg"))
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.choose)
        self.register_button = QPushButton(self.tr("Registrér ny borger"))
        self.register_button.setAutoDefault(False)
        self.register_button.setVisible(allow_register)
        self.register_button.clicked.connect(self._register)
        self.allow_register = allow_register
        cancel = QPushButton(self.tr("Annullér"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self._layout(cancel)
        self.search.textChanged.connect(self._search)
        session.locked.connect(self._locked)
        self.search.setText(text)
        if not text:
            self._search("")
        self.search.selectAll()
        self.search.setFocus()

    def _layout(self, cancel: QPushButton) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.register_button)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(50 * em, 32 * em)
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.choose_button)

    def _search(self, text: str) -> None:
        query = text.strip()
        self._asked = query
        self._choose_when_ready = False
        if not query:
            self._show(query, [])
            return
        self.session.run(
            lambda ws: ws.citizens.search(query),
            done=alive(self, lambda hits: self._show(query, hits)),
            key="picker",
        )

    def _show(self, query: str, hits: list[CitizenHit]) -> None:
        self._answered = query
        self.model.set_hits(hits)
        if hits:
            self.table.selectRow(0)
        if not query:
            self.hint.setText(self.tr("Skriv navn, CPR-nummer eller telefonnummer."))
        elif hits:
            self.hint.setText(self.tr("%n borger(e) fundet", "", len(hits)))
        elif self.allow_register:
            self.hint.setText(self.tr("Ingen borger fundet. Registrér personen som ny borger."))
        else:
            self.hint.setText(self.tr("Ingen borger fundet."))
        if self._choose_when_ready and query == self._asked:
            self._choose_when_ready = False
            self.choose()

    def choose(self) -> None:
        """Pick the selected (or top) hit; with none, register when that is offered."""
        if self._answered != self._asked:
            self._choose_when_ready = True
            return
        row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else 0
        hit = self.model.hit(row)
        if hit is not None:
            self.chosen.emit(hit)
            self.accept()
        elif self.allow_register and self._asked:
            self._register()

    def _choose_index(self, index: QModelIndex) -> None:
        self.table.setCurrentIndex(index)
        self.choose()

    def _register(self) -> None:
        self.register_requested.emit()
        self.accept()

    def _locked(self) -> None:
        self.model.clear()
        self.search.clear()
        self.reject()


# -- serving ---------------------------------------------------------------------------


class QueueActions(QObject):
    """Serving and dropping waiting people, the same from every page."""

    def __init__(self, session: Session, nav: Navigator, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.nav = nav
        self.parent_widget = parent

    def serve(self, row: QueueRow) -> None:
        """Open the person's case; find or register the citizen first if needed."""
        entry = row.entry
        if entry.citizen_id is not None:
            self._serve_as(entry, entry.citizen_id)
            return
        picker = CitizenPickerDialog(
            self.session,
            text=entry.label,
            intro=self.tr(
                "Find borgeren, der venter, og tryk Enter. "
                "Er personen ikke registreret, så registrér vedkommende som ny borger."
            ),
            allow_register=True,
            parent=self.parent_widget,
        )
        picker.setWindowTitle(self.tr("Betjen: find borgeren"))
        picker.chosen.connect(lambda hit: self._serve_as(entry, hit.id))
        picker.register_requested.connect(
            lambda: self.nav.register_walk_in(text=entry.label, queue_entry=entry.id)
        )
        picker.open()

    def _serve_as(self, entry: QueueEntry, citizen_id: str) -> None:
        def work(ws):
            if entry.citizen_id != citizen_id:
                ws.queue.link(entry.id, citizen_id)
            return ws.queue.served(entry.id)

        self.session.run(work, done=lambda _e: self.nav.open_case(citizen_id), changes="queue")

    def left(self, row: QueueRow) -> None:
        entry_id = row.entry.id
        self.session.run(
            lambda ws: ws.queue.left(entry_id),
            done=lambda _e: self.nav.say(self.tr("Fjernet fra køen.")),
            changes="queue",
        )


# -- the page ------------------------------------------------------------------------


class QueuePage(Page):
    name = "queue"
    kinds = frozenset({"all", "queue", "citizens"})

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self._stale = True
        self._picked: CitizenHit | None = None
        self.queue_actions = QueueActions(session, nav, self)
        self.error = ErrorLabel()
        self.label = QLineEdit()
        self.label.setAccessibleName(self.tr("Navn eller kendetegn"))
        self.label.setPlaceholderText(self.tr("Fx det fornavn, personen siger"))
        self.label.setMaxLength(200)
        self.label.returnPressed.connect(self.add)
        self.label.textEdited.connect(lambda _t: self.error.clear())
        self.pick_button = QPushButton(self.tr("Find kendt borger …"))
        self.pick_button.clicked.connect(self.pick)
        self.picked_label = QLabel()
        self.unpick_button = QPushButton(self.tr("Fjern"))
        self.unpick_button.setAccessibleName(self.tr("Fjern valgt borger"))
        self.unpick_button.clicked.connect(lambda: self._set_picked(None))
        self.add_button = QPushButton(self.tr("Sæt i kø"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add)
        self.count = heading("", level=2)
        self.list = QueueList(session)
        self.list.serve_requested.connect(self.queue_actions.serve)
        self.list.left_requested.connect(self.queue_actions.left)
        self._layout()
        self._set_picked(None)

    def title(self) -> str:
        return self.tr("Åben rådgivning")

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 12)
        layout.addWidget(heading(self.title()))
        layout.addWidget(self._arrival_card())
        box, inner = card(self.count)
        inner.addWidget(self.list)
        layout.addWidget(box)
        layout.addStretch(1)
        for before, after in (
            (self.label, self.add_button),
            (self.add_button, self.pick_button),
            (self.pick_button, self.unpick_button),
        ):
            self.setTabOrder(before, after)

    def _arrival_card(self) -> QFrame:
        box, inner = card(heading(self.tr("Ny i køen"), level=2))
        inner.addWidget(
            muted(
                self.tr(
                    "Skriv det navn, personen siger, og tryk Enter. "
                    "Kender du borgeren, kan du finde vedkommende med det samme."
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.add_button)
        inner.addLayout(row)
        picked = QHBoxLayout()
        picked.addWidget(self.pick_button)
        picked.addWidget(self.picked_label, 1)
        picked.addWidget(self.unpick_button)
        inner.addLayout(picked)
        inner.addWidget(self.error)
        return box

    # -- adding ------------------------------------------------------------------------

    def add(self) -> None:
        label = self.label.text().strip()
        picked = self._picked
        if not label and picked is None:
            self.error.show_error(self.tr("Skriv et navn, eller find en kendt borger."))
            self.label.setFocus()
            return
        citizen_id = picked.id if picked is not None else None
        self.add_button.setEnabled(False)
        self.session.run(
            lambda ws: ws.queue.arrive(label=label, citizen_id=citizen_id),
            done=self._added,
            error=self._refused,
            changes="queue",
        )

    def _added(self, _entry: QueueEntry) -> None:
        self.add_button.setEnabled(True)
        self.label.clear()
        self._set_picked(None)
        self.error.clear()
        self.label.setFocus()
        self.nav.say(self.tr("Sat i kø."))

    def _refused(self, error: BaseException) -> None:
        from outreach_app.ui.errors import describe  # noqa: PLC0415

        self.add_button.setEnabled(True)
        self.error.show_error(describe(error))

    def pick(self) -> None:
        picker = CitizenPickerDialog(self.session, text=self.label.text(), parent=self)
        picker.chosen.connect(self._picked_in_dialog)
        picker.open()

    def _picked_in_dialog(self, hit: CitizenHit) -> None:
        self._set_picked(hit)
        self.label.setFocus()

    def _set_picked(self, hit: CitizenHit | None) -> None:
        self._picked = hit
        self.picked_label.setText(
            self.tr("Borger: %s") % hit_name(self.session, hit) if hit is not None else ""
        )
        self.unpick_button.setVisible(hit is not None)

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
        self.list.tick()
        self.label.setFocus()

    def _load(self) -> None:
        self._stale = False
        self.session.run(load_queue, done=self._show, key="queue-page")

    def _show(self, rows: list[QueueRow]) -> None:
        self.count.setText(self.tr("Venter nu: %n", "", len(rows)))
        self.list.set_rows(rows)

    # -- privacy -----------------------------------------------------------------------

    def redraw(self) -> None:
        self.list.redraw()
        self._set_picked(self._picked)

    def clear(self) -> None:
        self.list.clear()
        self.label.clear()
        self._set_picked(None)
        self.error.clear()
        self.count.clear()
        self._stale = True
