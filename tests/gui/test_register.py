"""Registering a walk-in: prefill from the search text, Enter saves and the case
opens, the CPR number checked while typing and on save, a registered CPR number
offers the existing citizen, and nothing typed is lost on an error."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from outreach_app.services.workspace import Workspace
from outreach_app.ui.dialogs.register import RegisterDialog, cpr_problem, split_text
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.session import Session
from tests.conftest import START
from tests.gui.conftest import settle

TODAY = START.date()


@pytest.fixture
def opened(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The citizens whose case the main window was asked to open."""
    calls: list[str] = []
    monkeypatch.setattr(window, "open_case", lambda cid, tab=None: calls.append(cid))
    return calls


@pytest.fixture
def open_dialog(qtbot: QtBot, session: Session) -> Iterator[Callable[..., RegisterDialog]]:
    """Opens the dialog on its own, as the main window does (it deletes itself when
    closed, so it is closed here only if a test left it open)."""
    made: list[RegisterDialog] = []

    def make(text: str = "") -> RegisterDialog:
        dialog = RegisterDialog(session, text=text)
        dialog.open()
        qtbot.waitExposed(dialog)
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        if shiboken6.isValid(dialog):
            dialog.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {}),
        ("Hodan", {"first": "Hodan", "last": ""}),
        ("Hodan Abdi Warsame", {"first": "Hodan", "last": "Abdi Warsame"}),
        ("  محمد Al-Hassan ", {"first": "محمد", "last": "Al-Hassan"}),
        ("20 12 34 56", {"phone": "20 12 34 56"}),
        ("+45 20123456", {"phone": "+45 20123456"}),
        ("2012", {"phone": "2012"}),
        ("010190-1234", {"cpr": "010190-1234"}),
        ("0101901234", {"cpr": "0101901234"}),
        ("Amina 22 33 44 55", {"first": "Amina", "last": "", "phone": "22 33 44 55"}),
        ("Amina Jama 010190-1234", {"first": "Amina", "last": "Jama", "cpr": "010190-1234"}),
    ],
)
def test_the_search_text_lands_in_the_right_field(text: str, expected: dict[str, str]) -> None:
    """A phone number goes to Telefon, a CPR number to CPR, words to the names."""
    assert split_text(text) == expected


@pytest.mark.parametrize(
    ("typed", "complete", "problem"),
    [
        ("", True, ""),
        ("01", False, ""),
        ("0101", False, ""),
        ("3102", False, "date"),  # 31 February, seen after four digits
        ("0113", False, "date"),  # month 13
        ("290201", False, "date"),  # 29 February in a year that is never a leap year
        ("290200", False, ""),  # 2000 was a leap year (1900 was not; the 7th digit decides)
        ("010190-12", False, ""),
        ("010190-12", True, "short"),
        ("010190-123456", False, "long"),
        ("01a190", False, "chars"),
        ("0101 90 1234", False, "form"),
        ("010190-1234", True, ""),
        ("010130-4234", True, "future"),  # born 2030
    ],
)
def test_cpr_feedback_while_typing(typed: str, complete: bool, problem: str) -> None:
    """Impossible dates and wrong lengths are named at once; an unfinished number is
    not nagged about until the field is left or saved."""
    assert cpr_problem(typed, complete=complete, today=TODAY) == problem


def test_ctrl_r_first_name_phone_enter_registers_and_opens_the_case(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    demo_workspace: Workspace,
    opened: list[str],
) -> None:
    """The short flow at the counter: Ctrl+R, type, Tab, Tab, type, Enter."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChildren(RegisterDialog)[-1]
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.first.hasFocus)
    qtbot.keyClicks(dialog.first, "Ubah")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.phone
    qtbot.keyClicks(dialog.phone, "28 55 01 77")
    with qtbot.waitSignal(dialog.registered) as registered:
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    settle(qtbot, session)
    citizen_id = registered.args[0]
    assert opened == [citizen_id]
    citizen = demo_workspace.citizens.get(citizen_id)
    assert (citizen.first_name, citizen.last_name, citizen.phone) == ("Ubah", "", "28550177")
    assert demo_workspace.citizens.search("28550177")[0].id == citizen_id


def test_prefilled_from_the_search_field_and_focus_on_the_first_empty_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    """What the consultant searched for is not typed twice (Ctrl+R after a search)."""
    window.search.setText("Hodan Warsame")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChildren(RegisterDialog)[-1]
    assert (dialog.first.text(), dialog.last.text()) == ("Hodan", "Warsame")
    assert dialog.focusWidget() is dialog.phone
    dialog.reject()


def test_an_empty_first_name_is_refused_inline(
    qtbot: QtBot,
    session: Session,
    demo_workspace: Workspace,
    open_dialog: Callable[..., RegisterDialog],
) -> None:
    """Nothing is saved, the message says what to do, the phone stays typed."""
    dialog = open_dialog("20 12 34 56")
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
    settle(qtbot, session)
    assert dialog.isVisible()
    assert dialog.first_error.isVisible() and "fornavn" in dialog.first_error.text()
    assert dialog.focusWidget() is dialog.first
    assert dialog.phone.text() == "20 12 34 56"
    assert len(demo_workspace.citizens.mine()) == 40
    qtbot.keyClicks(dialog.first, "Amina")
    assert not dialog.first_error.isVisible()
    dialog.reject()


def test_an_impossible_cpr_date_is_named_while_typing(
    qtbot: QtBot, session: Session, open_dialog: Callable[..., RegisterDialog]
) -> None:
    """31 February is refused before the number is complete."""
    dialog = open_dialog("Amina")
    dialog.cpr.setFocus()
    qtbot.keyClicks(dialog.cpr, "3102")
    assert dialog.cpr_error.isVisible()
    assert "rigtig dato" in dialog.cpr_error.text()
    qtbot.keyClick(dialog.cpr, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.cpr, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.cpr, "01")
    assert not dialog.cpr_error.isVisible()
    dialog.reject()


def test_a_short_cpr_is_refused_on_save_and_nothing_is_lost(
    qtbot: QtBot,
    session: Session,
    demo_workspace: Workspace,
    open_dialog: Callable[..., RegisterDialog],
) -> None:
    """Enter with nine digits: an inline message, every field still filled."""
    dialog = open_dialog("Amina Jama")
    dialog.phone.setText("20 11 22 33")
    dialog.cpr.setFocus()
    qtbot.keyClicks(dialog.cpr, "010190-123")
    assert not dialog.cpr_error.isVisible()  # still typing
    qtbot.keyClick(dialog.cpr, Qt.Key.Key_Return)
    settle(qtbot, session)
    assert dialog.isVisible()
    assert "10 cifre" in dialog.cpr_error.text()
    assert dialog.focusWidget() is dialog.cpr
    fields = (dialog.first.text(), dialog.last.text(), dialog.phone.text(), dialog.cpr.text())
    assert fields == ("Amina", "Jama", "20 11 22 33", "010190-123")
    assert len(demo_workspace.citizens.mine()) == 40
    dialog.reject()


def test_a_bad_phone_number_is_refused_inline(
    qtbot: QtBot, session: Session, open_dialog: Callable[..., RegisterDialog]
) -> None:
    """Letters in the phone number get a message next to the field."""
    dialog = open_dialog("Amina")
    dialog.phone.setText("20 ab")
    dialog.save()
    settle(qtbot, session)
    assert dialog.phone_error.isVisible() and dialog.focusWidget() is dialog.phone
    dialog.reject()


def test_a_registered_cpr_offers_to_open_that_citizen(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    demo_workspace: Workspace,
    opened: list[str],
) -> None:
    """No double registration: the existing citizen is one click (or Enter) away, and
    the main window opens that case."""
    existing = next(h for h in demo_workspace.citizens.mine() if h.masked_cpr)
    cpr = demo_workspace.citizens.reveal_cpr(existing.id)
    window.register_walk_in(text="Ny Person")
    dialog = window.findChildren(RegisterDialog)[-1]
    dialog.cpr.setText(cpr)
    qtbot.keyClick(dialog.cpr, Qt.Key.Key_Return)
    settle(qtbot, session)
    assert dialog.isVisible() and dialog.duplicate.isVisible()
    assert dialog.first.text() == "Ny" and dialog.cpr.text() == cpr
    assert len(demo_workspace.citizens.mine()) == 40
    with qtbot.waitSignal(dialog.open_existing) as signal:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [existing.id]
    assert opened == [existing.id]
    assert not dialog.isVisible()


def test_changing_the_cpr_after_a_duplicate_makes_enter_save_again(
    qtbot: QtBot,
    session: Session,
    demo_workspace: Workspace,
    open_dialog: Callable[..., RegisterDialog],
) -> None:
    """The offer disappears as soon as the number is corrected."""
    existing = next(h for h in demo_workspace.citizens.mine() if h.masked_cpr)
    dialog = open_dialog("Ny Person")
    dialog.cpr.setText(demo_workspace.citizens.reveal_cpr(existing.id))
    dialog.save()
    settle(qtbot, session)
    assert dialog.open_button.isDefault()
    dialog.cpr.setText("010190-1234")
    assert not dialog.duplicate.isVisible()
    assert dialog.save_button.isDefault()
    dialog.reject()


def test_long_emoji_and_arabic_names_are_kept_whole(
    qtbot: QtBot,
    session: Session,
    demo_workspace: Workspace,
    open_dialog: Callable[..., RegisterDialog],
) -> None:
    """The field scrolls instead of cutting; the whole name (100 characters) is saved."""
    for name in (
        "Cabdiraxmaan Maxamed Xuseen Cabdullaahi Warsame Faarax Guuleed Samatar Aadan Jaamac",
        "Zainab 🌸✨ Al-Rubaie",
        "عبد الرحمن بن محمد الحسن",
    ):
        first = (name + " " + "x" * 100)[:100]
        dialog = open_dialog()
        dialog.first.insert(first)  # as typed or pasted (QTest cannot type emoji)
        assert dialog.first.text() == first
        with qtbot.waitSignal(dialog.registered) as registered:
            qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
        settle(qtbot, session)
        assert demo_workspace.citizens.get(registered.args[0]).first_name == first.strip()


def test_locking_closes_the_dialog_and_forgets_what_was_typed(
    qtbot: QtBot, session: Session, open_dialog: Callable[..., RegisterDialog]
) -> None:
    """A form with a name and a CPR number does not stay on a locked screen."""
    dialog = open_dialog("Amina Jama")
    with qtbot.waitSignal(dialog.rejected):
        session.lock()
    assert dialog.first.text() == "" and dialog.last.text() == ""
    settle(qtbot, session)


def test_escape_closes_without_saving(
    qtbot: QtBot,
    session: Session,
    demo_workspace: Workspace,
    open_dialog: Callable[..., RegisterDialog],
) -> None:
    """Esc is the way out."""
    dialog = open_dialog("Amina")
    qtbot.keyClick(dialog.first, Qt.Key.Key_Escape)
    settle(qtbot, session)
    assert not dialog.isVisible()
    assert len(demo_workspace.citizens.mine()) == 40
