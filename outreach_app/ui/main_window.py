"""The main window: navigation, the search field, the pages, the status area and
the lock screen."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app.ui.base import Page
from outreach_app.ui.dialogs.register import RegisterDialog
from outreach_app.ui.pages.agenda import AgendaPage
from outreach_app.ui.pages.case import CasePage
from outreach_app.ui.pages.citizens import CitizensPage
from outreach_app.ui.pages.note import NotePage
from outreach_app.ui.pages.partners import PartnersPage
from outreach_app.ui.pages.queue import QueuePage
from outreach_app.ui.pages.reports import ReportsPage
from outreach_app.ui.pages.today import TodayPage
from outreach_app.ui.privacy import ClipboardGuard, IdleWatcher, SessionLockWatcher
from outreach_app.ui.session import Session
from outreach_app.ui.sync_status import SyncController, error_words, when
from outreach_app.ui.unlock import UnlockPanel
from outreach_app.ui.widgets import heading

log = logging.getLogger(__name__)

NAV_PAGES = ("today", "citizens", "queue", "agenda", "partners", "reports")
PAGE_KINDS: dict[str, type[Page]] = {
    "today": TodayPage,
    "citizens": CitizensPage,
    "queue": QueuePage,
    "agenda": AgendaPage,
    "partners": PartnersPage,
    "reports": ReportsPage,
    "case": CasePage,
    "note": NotePage,
}


class _Pages(dict[str, Page]):
    """The window's pages by name, each made on first use."""

    def __init__(self, make: Callable[[str], Page]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, name: str) -> Page:
        page = self._make(name)
        self[name] = page
        return page


class MainWindow(QMainWindow):
    """One consultant's desktop."""

    page_shown = Signal(str)

    def __init__(self, session: Session, *, label: str, idle_minutes: int = 5) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr("Outreach – %s") % label)
        self.clipboard = ClipboardGuard(self)
        self.idle = IdleWatcher(idle_minutes, self)
        self.idle.idle.connect(session.lock)
        self.os_lock = SessionLockWatcher(self)
        self.os_lock.session_locked.connect(session.lock)
        self.sync = SyncController(session, self)
        self._build(label)
        self._actions()
        self._menus()
        self.sync.overview_changed.connect(self._show_sync)
        self.sync.running_changed.connect(self._sync_running)
        self.sync.synced.connect(self._synced)
        self.sync.destroyed_vault.connect(self._withdrawn)
        session.locked.connect(self._show_lock)
        session.unlocked.connect(self._show_work)
        session.failed.connect(self._failed)
        session.changed.connect(lambda _kind: self._refresh_status())
        self.resize(1180, 760)
        self.show_page("today")
        QTimer.singleShot(0, self._refresh_status)  # after the Today page's own loading
        if not session.is_locked:  # a window built before unlocking starts at unlocking
            QTimer.singleShot(0, self.idle.restart)

    # -- building ---------------------------------------------------------------------

    def _build(self, label: str) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(210)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Find borger: navn, CPR eller telefon  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Søg efter borger"))
        self.search.setClearButtonEnabled(True)
        self.stack = QStackedWidget()
        self.pages = _Pages(self._make_page)
        titles = self._titles()
        for name in NAV_PAGES:
            self.nav.addItem(titles[name])
        self.nav.currentRowChanged.connect(lambda row: self.show_page(NAV_PAGES[row]))
        self.nav.itemClicked.connect(lambda item: self.show_page(NAV_PAGES[self.nav.row(item)]))
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self._search_entered)
        self.unlock_panel = UnlockPanel(self.session, label)
        self.unlock_panel.unlocked.connect(self._show_work)
        self.outer = QStackedWidget()
        self.outer.addWidget(self._work_area())
        self.outer.addWidget(self._lock_area())
        self.outer.addWidget(self._must_sync_area())
        self.setCentralWidget(self.outer)
        self._status_bar()

    def _titles(self) -> dict[str, str]:
        return {
            "today": self.tr("I dag"),
            "citizens": self.tr("Borgere"),
            "queue": self.tr("Åben rådgivning"),
            "agenda": self.tr("Kalender"),
            "partners": self.tr("Partnere"),
            "reports": self.tr("Rapporter"),
        }

    def _make_page(self, name: str) -> Page:
        """Pages are built the first time they are needed, so the window opens fast."""
        page = PAGE_KINDS[name](self.session, self)
        self.stack.addWidget(page)
        if not self.session.is_locked:
            page.refresh()
        return page

    def _work_area(self) -> QWidget:
        area = QWidget()
        top = QHBoxLayout()
        top.setContentsMargins(12, 10, 12, 6)
        top.addWidget(self.search, 1)
        register = QPushButton(self.tr("Ny borger (Ctrl+R)"))
        register.clicked.connect(lambda: self.register_walk_in(text=self.search.text()))
        top.addWidget(register)
        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(top)
        body.addWidget(self.stack, 1)
        row = QHBoxLayout(area)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addLayout(body, 1)
        return area

    def _lock_area(self) -> QWidget:
        area = QWidget()
        layout = QHBoxLayout(area)
        layout.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        self.unlock_panel.setMaximumWidth(440)
        column.addWidget(self.unlock_panel)
        column.addStretch(2)
        layout.addLayout(column)
        layout.addStretch(1)
        return area

    def _must_sync_area(self) -> QWidget:
        """Shown instead of the work when the laptop has been offline too long."""
        area = QWidget()
        self.must_sync_text = QLabel()
        self.must_sync_text.setWordWrap(True)
        self.must_sync_text.setMaximumWidth(520)
        self.must_sync_error = QLabel()
        self.must_sync_error.setWordWrap(True)
        self.must_sync_error.setObjectName("error")
        self.must_sync_error.setMaximumWidth(520)
        button = QPushButton(self.tr("Synkroniser nu"))
        button.clicked.connect(self.sync.sync_now)
        lock = QPushButton(self.tr("Lås (Ctrl+L)"))
        lock.clicked.connect(self.session.lock)
        buttons = QHBoxLayout()
        buttons.addWidget(button)
        buttons.addWidget(lock)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(heading(self.tr("Synkroniser før du arbejder videre")))
        column.addWidget(self.must_sync_text)
        column.addWidget(self.must_sync_error)
        column.addLayout(buttons)
        column.addStretch(2)
        layout = QHBoxLayout(area)
        layout.addStretch(1)
        layout.addLayout(column)
        layout.addStretch(1)
        return area

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.pending_label = QLabel()
        self.sync_label = QLabel(self.tr("Ikke tilmeldt centralen"))
        self.sync_label.setObjectName("sync_status")
        self.review_button = QPushButton()
        self.review_button.setFlat(True)
        self.review_button.setVisible(False)
        self.review_button.clicked.connect(self.open_sync_review)
        self.sync_button = QPushButton(self.tr("Synkroniser nu"))
        self.sync_button.setFlat(True)
        self.sync_button.setVisible(False)
        self.sync_button.clicked.connect(self.sync.sync_now)
        self.discreet_label = QLabel(self.tr("Diskret visning"))
        self.discreet_label.setObjectName("badge")
        self.discreet_label.setVisible(False)
        lock = QPushButton(self.tr("Lås (Ctrl+L)"))
        lock.setFlat(True)
        lock.clicked.connect(self.session.lock)
        for widget in (
            self.discreet_label,
            self.pending_label,
            self.sync_label,
            self.review_button,
            self.sync_button,
            lock,
        ):
            bar.addPermanentWidget(widget)
        self.session.discreet_changed.connect(self.discreet_label.setVisible)

    def _actions(self) -> None:
        shortcuts = [
            (self.tr("Søg"), "Ctrl+F", self.focus_search),
            (
                self.tr("Ny borger"),
                "Ctrl+R",
                lambda: self.register_walk_in(text=self.search.text()),
            ),
            (self.tr("Nyt notat"), "Ctrl+N", self._new_note_here),
            (self.tr("Lås"), "Ctrl+L", self.session.lock),
            (self.tr("Synkroniser nu"), "Ctrl+Shift+S", self.sync.sync_now),
            (
                self.tr("Diskret visning"),
                "Ctrl+D",
                lambda: self.session.set_discreet(not self.session.discreet),
            ),
        ]
        titles = self._titles()
        shortcuts += [
            (titles[n], f"Ctrl+{i}", partial(self.show_page, n))
            for i, n in enumerate(NAV_PAGES, start=1)
        ]
        self.actions_by_name: dict[str, QAction] = {}
        for text, keys, slot in shortcuts:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[keys] = action

    def _menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Outreach"))
        settings = menu.addAction(self.tr("Indstillinger …"))
        settings.triggered.connect(self.open_settings)
        keys = menu.addAction(self.tr("Genvejstaster"))
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_shortcuts)
        menu.addSeparator()
        menu.addAction(self.actions_by_name["Ctrl+L"])
        menu.addAction(self.actions_by_name["Ctrl+D"])
        menu.addAction(self.actions_by_name["Ctrl+Shift+S"])
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("Afslut"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.actions_by_name["Ctrl+D"].setCheckable(True)
        self.session.discreet_changed.connect(self.actions_by_name["Ctrl+D"].setChecked)

    def open_settings(self) -> None:
        from outreach_app.ui.dialogs.settings import SettingsDialog  # noqa: PLC0415

        dialog = SettingsDialog(self)
        if dialog.exec():
            self.idle.set_minutes(dialog.chosen().idle_minutes)

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b></td>"
            f"<td>&nbsp;&nbsp;{action.text()}</td></tr>"
            for action in self.actions_by_name.values()
        )
        extra = self.tr(
            "Enter i søgefeltet åbner den første borger. Ctrl+Enter afslutter et notat."
        )
        QMessageBox.information(
            self, self.tr("Genvejstaster"), f"<table>{rows}</table><p>{extra}</p>"
        )

    # -- navigation (the Navigator protocol) ------------------------------------------------

    def show_page(self, name: str) -> None:
        page = self.pages[name]
        self.stack.setCurrentWidget(page)
        self.nav.blockSignals(True)
        if name in NAV_PAGES:
            self.nav.setCurrentRow(NAV_PAGES.index(name))
        else:  # a case or a note: no entry is highlighted (the current row stays, so the
            self.nav.clearSelection()  # list never jumps to a page when it gets the focus)
        self.nav.blockSignals(False)
        self.page_shown.emit(name)

    def open_case(self, citizen_id: str, *, tab: str | None = None) -> None:
        case = self.pages["case"]
        assert isinstance(case, CasePage)
        case.show_citizen(citizen_id, tab)
        self.show_page("case")

    def new_note(
        self, citizen_id: str, *, kind: str = "drop_in", appointment_id: str | None = None
    ) -> None:
        note = self.pages["note"]
        assert isinstance(note, NotePage)
        note.start(citizen_id, kind=kind, appointment_id=appointment_id)
        self.show_page("note")

    def open_note(self, note_id: str) -> None:
        note = self.pages["note"]
        assert isinstance(note, NotePage)
        note.load(note_id)
        self.show_page("note")

    def register_walk_in(self, *, text: str = "", queue_entry: str | None = None) -> None:
        dialog = RegisterDialog(self.session, text=text, parent=self)
        dialog.registered.connect(lambda citizen_id: self._registered(citizen_id, queue_entry))
        dialog.open_existing.connect(lambda citizen_id: self._registered(citizen_id, queue_entry))
        dialog.open()
        dialog.activateWindow()  # the keyboard goes to the dialog at once

    def _registered(self, citizen_id: str, queue_entry: str | None) -> None:
        self.activateWindow()  # the keyboard comes back from the closed dialog
        if queue_entry:  # registered while serving a waiting person: they are served now
            self.session.run(
                lambda ws: (ws.queue.link(queue_entry, citizen_id), ws.queue.served(queue_entry)),
                changes="queue",
            )
        self.open_case(citizen_id)

    def copy_sensitive(self, value: str) -> None:
        self.clipboard.copy(value)
        self.say(self.tr("Kopieret. Udklipsholderen ryddes om 30 sekunder."))

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_typed(self, text: str) -> None:
        citizens = self.pages["citizens"]
        if hasattr(citizens, "search_for"):
            citizens.search_for(text)
        if text.strip() and self.stack.currentWidget() is not citizens:
            self.show_page("citizens")

    def _search_entered(self) -> None:
        citizens = self.pages["citizens"]
        if hasattr(citizens, "open_first"):
            citizens.open_first()

    def _new_note_here(self) -> None:
        case = self.pages.get("case")
        if not isinstance(case, CasePage) or self.stack.currentWidget() is not case:
            self.say(self.tr("Åbn en borger først; så skriver Ctrl+N et notat til borgeren."))
            return
        if case.citizen_id and not self.session.is_locked:
            self.new_note(case.citizen_id)

    # -- lock and status ------------------------------------------------------------------

    def _show_lock(self) -> None:
        self.search.clear()
        self.outer.setCurrentIndex(1)
        self.idle.stop()
        self.unlock_panel.focus()

    def _show_work(self) -> None:
        self.outer.setCurrentIndex(0)
        self.idle.restart()
        self._refresh_status()

    def _refresh_status(self) -> None:
        if self.session.is_locked:
            return
        self.sync.refresh()  # its overview carries the pending count

    # -- synchronisation ------------------------------------------------------------------

    def _show_sync(self, overview: Any) -> None:
        self._show_pending(overview.pending)
        self.sync_button.setVisible(overview.enrolled)
        if not overview.enrolled:
            self.sync_label.setText(self.tr("Ikke tilmeldt centralen"))
            self.sync_label.setToolTip("")
            self.review_button.setVisible(False)
            return
        text = self.tr("Synkroniseret: %s") % when(overview.last_success)
        if overview.last_error:
            text += " – " + self.tr("seneste forsøg mislykkedes")
        self.sync_label.setText(text)
        self.sync_label.setToolTip(error_words(overview.last_error) if overview.last_error else "")
        waiting = overview.conflicts + overview.refused + overview.notices
        self.review_button.setVisible(waiting > 0)
        self.review_button.setText(self.tr("Gennemse (%n)", "", waiting))
        self._must_sync(overview)

    def _must_sync(self, overview: Any) -> None:
        if overview.must_sync and not self.session.is_locked:
            self.must_sync_text.setText(
                self.tr(
                    "Denne bærbar har ikke været synkroniseret i %n dag(e). Af hensyn til "
                    "borgernes data kan den først bruges igen, når den har været forbundet "
                    "til centralen. Forbind til kontorets netværk og synkroniser.",
                    "",
                    overview.days_without_sync,
                )
            )
            self.must_sync_error.setText(
                error_words(overview.last_error) if overview.last_error else ""
            )
            self.outer.setCurrentIndex(2)
            self._work_actions(enabled=False)
        elif self.outer.currentIndex() == 2:
            self.outer.setCurrentIndex(0)
            self._work_actions(enabled=True)

    def _work_actions(self, *, enabled: bool) -> None:
        """While the laptop must sync, only locking and syncing are at hand."""
        for keys, action in self.actions_by_name.items():
            if keys not in ("Ctrl+L", "Ctrl+Shift+S"):
                action.setEnabled(enabled)

    def _sync_running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running)
        self.sync_button.setText(
            self.tr("Synkroniserer …") if running else self.tr("Synkroniser nu")
        )

    def _synced(self, report: Any) -> None:
        self._refresh_status()
        if report.removed:
            self.say(self.tr("%n borger(e) er ikke længere på denne bærbar", "", report.removed))

    def open_sync_review(self) -> None:
        from outreach_app.ui.dialogs.sync_review import SyncReviewDialog  # noqa: PLC0415

        SyncReviewDialog(self.session, self).exec()
        self._refresh_status()

    def _withdrawn(self) -> None:
        self.session.workspace = None
        QMessageBox.information(
            self,
            self.tr("Bærbaren er frameldt"),
            self.tr(
                "Hovedkontoret har frameldt denne bærbar. Dine ændringer er sendt til "
                "centralen, og borgernes data er slettet fra bærbaren."
            ),
        )
        self.close()

    def _show_pending(self, count: int) -> None:
        self.pending_label.setText(self.tr("%n ændring(er) venter på synkronisering", "", count))

    def _failed(self, error: BaseException) -> None:
        from outreach_app.ui.errors import describe  # noqa: PLC0415

        QMessageBox.warning(self, self.tr("Det lykkedes ikke"), describe(error))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.session.close()
        self.sync.shutdown()
        super().closeEvent(event)
