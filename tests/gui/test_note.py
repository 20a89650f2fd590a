"""The note editor: a draft from the first moment, autosave, the lock, finishing,
addenda, a full disk, network meetings, templates, discreet mode, and the fast
drop-in flow."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import AppointmentStatus, ContactKind
from outreach_app.domain.notes import Topic
from outreach_app.domain.people import Citizen
from outreach_app.services.search import fold
from outreach_app.services.workspace import Workspace
from outreach_app.storage.errors import StorageFull
from outreach_app.ui import templates
from outreach_app.ui.errors import describe
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages.case import CasePage
from outreach_app.ui.pages.note import AUTOSAVE_MS, NotePage, fmt_date
from outreach_app.ui.session import Session
from tests.gui.conftest import settle
from tests.gui.test_case import citizen, find_citizen, shown, texts_in, unlock

CTRL = Qt.KeyboardModifier.ControlModifier
__all__ = ["citizen"]  # the fixture, shared with the case tests

# -- helpers ---------------------------------------------------------------------------


def note_of(window: MainWindow) -> NotePage:
    page = window.pages["note"]
    assert isinstance(page, NotePage)
    return page


def start(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    citizen_id: str,
    *,
    kind: str = "drop_in",
    appointment_id: str | None = None,
    autosave_ms: int = 30,
) -> NotePage:
    """A new note as Ctrl+N starts it, with a short autosave delay for speed."""
    page = note_of(window)
    page.autosave_timer.setInterval(autosave_ms)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.new_note(citizen_id, kind=kind, appointment_id=appointment_id)
    settle(qtbot, session)
    return page


def load(qtbot: QtBot, window: MainWindow, session: Session, note_id: str) -> NotePage:
    page = note_of(window)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.open_note(note_id)
    settle(qtbot, session)
    return page


def stored_text(session: Session, note_id: str) -> str:
    with session.workspace.vault.read() as connection:
        return str(session.workspace.repos.notes.require(connection, note_id).text)


def finish_with_keys(qtbot: QtBot, page: NotePage) -> None:
    qtbot.keyClick(page.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


class Disk:
    """A disk that can fill up: every connection the vault's engine hands out gets
    ``PRAGMA max_page_count`` on checkout, so SQLite reports 'database or disk is
    full' once the file would grow (as in tests/unit/storage/test_failures.py)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._limit: int | None = None
        probe = sqlite3.connect(":memory:")
        self._unlimited = int(probe.execute("PRAGMA max_page_count").fetchone()[0])
        probe.close()
        event.listen(engine, "checkout", self._apply)

    def _apply(self, dbapi_connection: Any, *_: object) -> None:
        limit = self._unlimited if self._limit is None else self._limit
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit}").close()

    def fill(self) -> None:
        with self._engine.connect() as connection:
            self._limit = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())

    def free(self) -> None:
        self._limit = None

    def remove(self) -> None:
        event.remove(self._engine, "checkout", self._apply)


@pytest.fixture
def disk(session: Session) -> Iterator[Disk]:
    made = Disk(session.workspace.vault.engine)
    yield made
    made.remove()


# -- a draft from the first moment, and autosave -----------------------------------------


def test_a_new_note_is_a_draft_at_once_and_autosaves_three_seconds_after_typing(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """The draft is in the vault before anything is typed; typing starts the 3 s
    timer; the save reports 'Gemt hh:mm' and the vault has the text."""
    page = start(qtbot, window, session, citizen.id, autosave_ms=AUTOSAVE_MS)
    assert page.autosave_timer.interval() == 3000
    assert page.note_id in [d.id for d in session.workspace.notes.drafts()]
    assert page.badge.text() == "Udkast"
    assert page.who.text() == citizen.display_name
    qtbot.keyClicks(page.text, "Borger kom med et brev fra Udbetaling Danmark.")
    assert page.autosave_timer.isActive()
    with qtbot.waitSignal(page.saved, timeout=8_000):
        pass  # the timer fires on its own
    assert page.state.text() == "Gemt 09:00"
    assert stored_text(session, page.note_id or "") == page.text.toPlainText()


def test_the_draft_is_saved_on_leaving_the_page(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = start(qtbot, window, session, citizen.id, autosave_ms=AUTOSAVE_MS)
    qtbot.keyClicks(page.text, "Halvt notat")
    with qtbot.waitSignal(page.saved):
        window.show_page("today")
    assert stored_text(session, page.note_id or "") == "Halvt notat"


def test_a_long_note_costs_nothing_per_keystroke(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    citizen: Citizen,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With 100 kB in the editor, typing runs no operation and reads no field; one
    save follows when the typing stops."""
    page = start(qtbot, window, session, citizen.id)
    page.text.insertPlainText(("Lang samtale om bolig, gæld og helbred. " * 40 + "\n") * 64)
    assert len(page.text.toPlainText()) > 100_000
    with qtbot.waitSignal(page.saved, timeout=10_000):
        pass
    runs: list[object] = []
    original_run = session.run
    monkeypatch.setattr(session, "run", lambda *a, **k: (runs.append(a), original_run(*a, **k)))
    monkeypatch.setattr(page, "fields", lambda: pytest.fail("fields read while typing"))
    page.autosave_timer.setInterval(60_000)
    qtbot.keyClicks(page.text, "og så noget mere")
    assert runs == []
    monkeypatch.undo()
    page.autosave_timer.setInterval(10)
    page.autosave_timer.start()
    with qtbot.waitSignal(page.saved, timeout=10_000):
        pass
    assert stored_text(session, page.note_id or "").endswith("og så noget mere")


# -- the lock --------------------------------------------------------------------------------


def test_nothing_typed_before_the_lock_is_missing_after_unlock(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """Autosaved text and text typed a moment before the lock (no autosave yet) are
    both there after unlock, with the cursor where it was; while locked, the page
    holds no personal text."""
    page = start(qtbot, window, session, citizen.id)
    qtbot.keyClicks(page.text, "Første del, gemt automatisk. ")
    with qtbot.waitSignal(page.saved):
        pass
    page.autosave_timer.setInterval(60_000)
    qtbot.keyClicks(page.text, "Anden del, skrevet lige før låsen.")
    page.agreements.setPlainText("Borger tager brevet med.")
    expected = page.text.toPlainText()
    cursor = page.text.textCursor()
    cursor.setPosition(12)
    page.text.setTextCursor(cursor)
    note_id = page.note_id
    session.lock()
    session.wait()
    settle(qtbot, session)
    assert page.note_id == note_id
    for secret in ("Første del", "Anden del", "Borger tager", citizen.first_name):
        assert not shown(page, secret), secret
    assert page.text.toPlainText() == ""
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        unlock(qtbot, session)
    assert page.text.toPlainText() == expected
    assert page.agreements.toPlainText() == "Borger tager brevet med."
    assert page.text.textCursor().position() == 12
    assert not page.read_only
    assert stored_text(session, note_id or "") == expected


# -- finishing -------------------------------------------------------------------------------


def test_finishing_makes_the_note_a_read_only_record_and_returns_to_the_case(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """Ctrl+Enter finishes with the current fields (no autosave needed first): the
    contact is recorded, the next contact goes to the plan, the case shows again,
    and the note opens read-only with 'Skriv tilføjelse'."""
    page = start(qtbot, window, session, citizen.id, autosave_ms=60_000)
    activate(qtbot, window)
    page.kind.setCurrentIndex(page.kind.findData(ContactKind.PHONE.value))
    page.duration.setValue(15)
    qtbot.mouseClick(page.tags[Topic.HOUSING], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.tags[Topic.DEBT], Qt.MouseButton.LeftButton)
    page.next_on.setChecked(True)
    page.next_kind.setCurrentIndex(page.next_kind.findData(ContactKind.FOLLOW_UP.value))
    qtbot.keyClicks(page.agreements, "Borger sender kontoudtog.")
    page.text.setFocus()
    qtbot.keyClicks(page.text, "Samtale om huslejerestance.")
    case = window.pages["case"]
    assert isinstance(case, CasePage)
    with qtbot.waitSignal(page.finished, timeout=10_000):
        finish_with_keys(qtbot, page)
    settle(qtbot, session)
    assert window.stack.currentWidget() is case
    assert page.read_only
    note = session.workspace.notes.get(page.note_id)
    assert note.finished
    assert (note.kind, note.duration_min, note.text) == (
        ContactKind.PHONE,
        15,
        "Samtale om huslejerestance.",
    )
    assert set(note.topics) == {Topic.HOUSING, Topic.DEBT}
    assert note.agreements == "Borger sender kontoudtog."
    assert note.contact_id is not None
    assert session.workspace.plans.get(citizen.id).next_contact == note.next_contact

    load(qtbot, window, session, note.id)
    assert page.read_only and page.text.isReadOnly()
    assert not page.finish_button.isVisible() and not page.save_button.isVisible()
    assert page.addendum_button.isVisible()
    assert page.badge.text() == "Afsluttet"
    assert not page.kind.isEnabled()
    qtbot.keyClicks(page.text, "ændring")
    assert page.text.toPlainText() == "Samtale om huslejerestance."


def test_an_empty_note_is_not_finished(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = start(qtbot, window, session, citizen.id)
    activate(qtbot, window)
    page.text.setFocus()
    finish_with_keys(qtbot, page)
    settle(qtbot, session)
    assert page.error.text() == "Skriv notatet, før du afslutter det."
    assert window.stack.currentWidget() is page
    assert not session.workspace.notes.get(page.note_id).finished


def test_an_addendum_corrects_a_finished_note_which_stays_as_it_was(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    original = next(n for n in demo_workspace.notes.for_citizen(citizen.id) if n.finished)
    page = load(qtbot, window, session, original.id)
    page.autosave_timer.setInterval(30)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.addendum_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert page.note_id != original.id
    assert not page.read_only
    assert page.original_box.isVisible()
    day = fmt_date(original.occurred_at.astimezone(DANISH_TIME).date())
    assert page.original_title.text() == f"Tilføjelse til notat af {day}"
    assert page.original_text.toPlainText() == original.text
    assert page.badge.text() == "Tilføjelse – udkast"
    qtbot.keyClicks(page.text, "Rettelse: borger var på besøg i praktikken tirsdag.")
    with qtbot.waitSignal(page.finished, timeout=10_000):
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    addendum = session.workspace.notes.get(page.note_id)
    assert addendum.finished and addendum.corrects_id == original.id
    assert session.workspace.notes.get(original.id).text == original.text


def test_a_draft_from_the_timeline_opens_editable_and_saves(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    draft = next(n for n in demo_workspace.notes.for_citizen(citizen.id) if not n.finished)
    page = load(qtbot, window, session, draft.id)
    page.autosave_timer.setInterval(30)
    assert not page.read_only
    assert page.text.toPlainText() == draft.text
    page.text.moveCursor(page.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.text, " Tilføjet i dag.")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        pass
    assert stored_text(session, draft.id) == draft.text + " Tilføjet i dag."


# -- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_keeps_the_text_says_so_and_the_next_autosave_retries(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, disk: Disk
) -> None:
    page = start(qtbot, window, session, citizen.id)
    disk.fill()
    big = "Lang samtale om bolig og gæld. 🙂 " * 4_000
    page.text.insertPlainText(big)
    with qtbot.waitSignal(page.save_failed, timeout=10_000) as failure:
        pass
    assert isinstance(failure.args[0], StorageFull)
    assert page.error.text() == describe(StorageFull())
    assert page.error.text().startswith("Disken er fuld")
    assert page.state.text() == "Ikke gemt"
    assert page.text.toPlainText() == big
    assert stored_text(session, page.note_id or "") == ""
    disk.free()
    with qtbot.waitSignal(page.saved, timeout=10_000):
        pass  # the next autosave tries again by itself
    assert not page.error.isVisible()
    assert stored_text(session, page.note_id or "") == big


# -- network meetings ------------------------------------------------------------------------


def test_a_network_meeting_asks_for_its_partner_and_records_the_contact(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = start(qtbot, window, session, citizen.id, kind="network_meeting")
    assert page.partner.isVisible()
    qtbot.keyClicks(page.text, "Møde med boligsocial medarbejder om huslejen.")
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    assert page.error.text() == "Vælg den partner, netværksmødet var med."
    assert window.stack.currentWidget() is page
    page.partner.setCurrentIndex(1)
    partner_id = page.partner.currentData()
    with qtbot.waitSignal(page.finished, timeout=10_000):
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    note = session.workspace.notes.get(page.note_id)
    assert note.finished and note.kind is ContactKind.NETWORK_MEETING
    contact = next(
        c for c in session.workspace.contacts.for_citizen(citizen.id) if c.id == note.contact_id
    )
    assert (contact.kind, contact.partner_id) == (ContactKind.NETWORK_MEETING, partner_id)


def test_a_note_for_a_booked_meeting_takes_its_kind_and_time_and_records_attendance(
    qtbot: QtBot, window: MainWindow, session: Session, demo_workspace: Workspace
) -> None:
    today = demo_workspace.clock.now()
    hit = find_citizen(
        demo_workspace,
        lambda ws, h: any(
            a.status is AppointmentStatus.PLANNED
            and a.starts_at.date() == today.date()
            and a.kind is not ContactKind.NETWORK_MEETING
            for a in ws.agenda.for_citizen(h.id)
        ),
    )
    meeting = next(
        a
        for a in demo_workspace.agenda.for_citizen(hit.id)
        if a.status is AppointmentStatus.PLANNED and a.starts_at.date() == today.date()
    )
    page = start(qtbot, window, session, hit.id, appointment_id=meeting.id)
    assert page.kind.currentData() == meeting.kind.value
    assert page.duration.value() == meeting.duration_min
    qtbot.keyClicks(page.text, "Opfølgning som aftalt.")
    with qtbot.waitSignal(page.finished, timeout=10_000):
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    after = next(a for a in session.workspace.agenda.for_citizen(hit.id) if a.id == meeting.id)
    assert after.status is AppointmentStatus.ATTENDED
    note = session.workspace.notes.get(page.note_id)
    assert note.contact_id == after.contact_id
    assert note.occurred_at == meeting.starts_at


# -- templates, discarding, discreet mode ------------------------------------------------------


def test_the_template_menu_inserts_the_template_at_the_cursor(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = start(qtbot, window, session, citizen.id)
    actions = page.template_button.menu().actions()
    assert [a.text() for a in actions] == ["åben rådgivning", "opfølgningssamtale", "netværksmøde"]
    qtbot.keyClicks(page.text, "Før skabelonen. ")
    actions[1].trigger()
    expected = templates.template("follow_up", "da")
    assert expected
    assert page.text.toPlainText() == "Før skabelonen. " + expected


def test_discarding_a_draft_asks_first(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = start(qtbot, window, session, citizen.id)
    note_id = page.note_id
    qtbot.keyClicks(page.text, "Forkert borger.")
    for yes in (False, True):
        qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
        boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1
        which = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        qtbot.mouseClick(boxes[0].button(which), Qt.MouseButton.LeftButton)
        settle(qtbot, session)
        settle(qtbot, session)
        drafts = [d.id for d in session.workspace.notes.drafts()]
        assert (note_id in drafts) is not yes
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages["case"])


def test_discreet_mode_shows_initials_in_the_header_and_keeps_the_text(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = start(qtbot, window, session, citizen.id)
    qtbot.keyClicks(page.text, "Det, konsulenten skriver.")
    session.set_discreet(True)
    assert page.who.text() == citizen.initials
    assert not shown(page, citizen.first_name)
    assert not shown(page, citizen.last_name)
    assert page.text.toPlainText() == "Det, konsulenten skriver."
    session.set_discreet(False)
    assert page.who.text() == citizen.display_name


# -- the fast flow ---------------------------------------------------------------------------


def test_find_a_walk_in_and_finish_a_drop_in_note_in_three_actions(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """Typing excluded: Enter in the search field opens the case (1), Ctrl+N starts a
    drop-in note with the cursor in the text (2), Ctrl+Enter finishes it and shows
    the case again (3)."""
    activate(qtbot, window)
    case = window.pages["case"]
    note = note_of(window)
    window.focus_search()
    qtbot.keyClicks(window.search, fold(citizen.display_name))  # as typed at the counter
    settle(qtbot, session)
    with qtbot.waitSignal(case.case_loaded, timeout=10_000):  # type: ignore[attr-defined]
        qtbot.keyClick(window.search, Qt.Key.Key_Return)  # 1
    settle(qtbot, session)
    with qtbot.waitSignal(note.loaded, timeout=10_000):
        qtbot.keyClick(
            window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
        )  # 2
    qtbot.waitUntil(note.text.hasFocus)
    qtbot.keyClicks(window.focusWidget(), "Hjælp til at læse brev fra kommunen.")
    with qtbot.waitSignal(note.finished, timeout=10_000):
        qtbot.keyClick(
            window.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )  # 3
    settle(qtbot, session)
    assert window.stack.currentWidget() is case
    finished = session.workspace.notes.get(note.note_id)
    assert finished.finished and finished.kind is ContactKind.DROP_IN
    assert finished.text == "Hjælp til at læse brev fra kommunen."


def test_no_personal_text_remains_in_the_editor_after_the_lock(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    """A finished note with its addendum open: after lock() neither text, nor the
    name, nor the original is in any widget of the page."""
    original = next(n for n in demo_workspace.notes.for_citizen(citizen.id) if n.finished)
    page = load(qtbot, window, session, original.id)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.addendum_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    qtbot.keyClicks(page.text, "Tilføjelsens tekst.")
    session.lock()
    session.wait()
    settle(qtbot, session)
    first_line = original.text.strip().splitlines()[0]
    leftovers = [
        t
        for t in texts_in(page)
        if first_line in t or "Tilføjelsens" in t or citizen.first_name in t
    ]
    assert leftovers == []
    assert not [w for w in page.findChildren(QPushButton) if w.text() == citizen.first_name]
    assert isinstance(page, QWidget)
