"""The Borgere page: search as you type, Enter opens the top hit, nothing found
offers to register, discreet mode and the lock."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.services.workspace import Workspace
from outreach_app.ui.dialogs.register import RegisterDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.models import CitizenHitModel
from outreach_app.ui.pages.citizens import CitizensPage
from outreach_app.ui.session import Session
from tests.gui.conftest import settle


def page_of(window: MainWindow) -> CitizensPage:
    """The window's Borgere page."""
    page = window.pages["citizens"]
    assert isinstance(page, CitizensPage)
    return page


def names_shown(page: CitizensPage) -> list[str]:
    model = page.model
    return [model.index(r, CitizenHitModel.NAME).data() for r in range(model.rowCount())]


def texts_in(widget: QWidget) -> list[str]:
    """Every text a person (or a screen reader) could see in the widget tree."""
    found: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QPushButton | QLineEdit):
            found.append(child.text())
        found += [child.accessibleName(), child.toolTip()]
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    found.append(str(model.index(row, column).data() or ""))
    return found


@pytest.fixture
def opened(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The citizens whose case the page asked to open."""
    calls: list[str] = []
    monkeypatch.setattr(window, "open_case", lambda cid, tab=None: calls.append(cid))
    return calls


class FakeNav:
    """The main window as the page sees it; records where the page wants to go."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self.calls.append((name, args, kwargs))


@pytest.fixture
def nav() -> FakeNav:
    return FakeNav()


@pytest.fixture
def page(qtbot: QtBot, session: Session, nav: FakeNav) -> CitizensPage:
    """The page on its own (the main window's other pages are not needed here)."""
    citizens = CitizensPage(session, nav)
    qtbot.addWidget(citizens)
    citizens.resize(900, 600)
    citizens.show()
    settle(qtbot, session)
    return citizens


def find(qtbot: QtBot, page: CitizensPage, session: Session, text: str) -> CitizensPage:
    """What the main window does at each keystroke, for the whole text at once."""
    page.search_for(text)
    settle(qtbot, session)
    return page


def search(qtbot: QtBot, window: MainWindow, session: Session, text: str) -> CitizensPage:
    window.focus_search()
    qtbot.keyClicks(window.search, text)
    settle(qtbot, session)
    return page_of(window)


def test_typing_a_name_shows_the_matching_citizens(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    """Each keystroke narrows the list; accents and case do not matter."""
    page = search(qtbot, window, session, "soren")
    assert window.stack.currentWidget() is page
    assert "Søren Ærøbo" in names_shown(page)
    assert all("Søren" in name for name in names_shown(page))
    assert page.summary.text().startswith("1 borger(e) fundet") or "fundet" in page.summary.text()


def test_an_empty_search_lists_all_my_citizens_by_name(page: CitizensPage) -> None:
    """With nothing typed the page is the consultant's caseload."""
    shown = names_shown(page)
    assert len(shown) == 40
    assert shown[0] == "Abdikarim Farah"
    assert page.summary.text() == "Alle dine borgere: 40"
    statuses = {page.model.index(r, 2).data() for r in range(40)}
    assert statuses == {"aktiv"}
    cprs = [page.model.index(r, 1).data() for r in range(40)]
    assert all(c == "" or c.endswith("-xxxx") for c in cprs)


def test_enter_in_the_search_opens_the_top_hit(
    qtbot: QtBot, window: MainWindow, session: Session, opened: list[str]
) -> None:
    """Ctrl+F, type, Enter: the case is open in three actions."""
    page = search(qtbot, window, session, "Ærøbo")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert opened == [page.model.hit(0).id]


def test_enter_before_the_answer_arrives_still_opens_the_right_citizen(
    qtbot: QtBot, window: MainWindow, session: Session, opened: list[str], demo_workspace: Workspace
) -> None:
    """A fast typist does not get the hit of an older, shorter query."""
    window.focus_search()
    qtbot.keyClicks(window.search, "Dragan")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    settle(qtbot, session)
    assert opened == [demo_workspace.citizens.search("Dragan")[0].id]


def test_a_search_by_phone_number_finds_the_citizen(
    qtbot: QtBot, page: CitizensPage, session: Session, demo_workspace: Workspace
) -> None:
    """Phone numbers are looked up through their blind index."""
    hit = demo_workspace.citizens.mine()[3]
    phone = demo_workspace.citizens.get(hit.id).phone
    assert phone
    find(qtbot, page, session, phone)
    assert [page.model.hit(r).id for r in range(page.model.rowCount())] == [hit.id]


def test_double_click_and_enter_in_the_table_open_the_case(
    qtbot: QtBot, page: CitizensPage, session: Session, nav: FakeNav
) -> None:
    """The list works with the mouse and with the keyboard."""
    find(qtbot, page, session, "Hanne")
    hits = [page.model.hit(0), page.model.hit(1)]
    assert page.model.rowCount() == 2 and None not in hits
    rect = page.table.visualRect(page.model.index(1, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.calls == []  # one click selects
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert nav.calls == [
        ("open_case", (hits[1].id,), {}),  # type: ignore[union-attr]
        ("open_case", (hits[0].id,), {}),  # type: ignore[union-attr]
    ]


def test_nothing_found_offers_to_register_with_what_was_typed(
    qtbot: QtBot, page: CitizensPage, session: Session, nav: FakeNav
) -> None:
    """A clear message, and one click to register the walk-in with the query."""
    find(qtbot, page, session, "Zacharias Ørnebjerg")
    assert page.model.rowCount() == 0
    assert page.stack.currentIndex() == 1
    assert page.empty_text.text() == "Ingen borger fundet."
    assert not page.summary.isVisible()
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    assert nav.calls == [("register_walk_in", (), {"text": "Zacharias Ørnebjerg"})]


def test_enter_with_no_hit_opens_the_register_dialog(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    """Typing a CPR number nobody has and pressing Enter starts the registration."""
    page = search(qtbot, window, session, "010190-4321")
    assert page.model.rowCount() == 0
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    dialog = window.findChild(RegisterDialog)
    assert dialog is not None and dialog.cpr.text() == "010190-4321"
    dialog.reject()


def test_discreet_mode_shows_initials_and_hides_the_cpr(
    qtbot: QtBot, page: CitizensPage, session: Session, demo_workspace: Workspace
) -> None:
    """Other people in the room see neither names nor CPR numbers."""
    assert page.model.rowCount() == 40
    session.set_discreet(True)
    full_names = [h.display_name for h in demo_workspace.citizens.mine() if " " in h.display_name]
    texts = " | ".join(texts_in(page))
    assert not [name for name in full_names if name in texts]
    assert "xxxx" not in texts
    assert page.table.isColumnHidden(CitizenHitModel.CPR)
    assert "A.F." in names_shown(page)
    session.set_discreet(False)
    assert "Abdikarim Farah" in names_shown(page)
    assert not page.table.isColumnHidden(CitizenHitModel.CPR)


def test_locking_empties_the_page(qtbot: QtBot, page: CitizensPage, session: Session) -> None:
    """Nothing personal stays in the widgets behind the lock screen."""
    find(qtbot, page, session, "Louise")
    assert page.model.rowCount() == 2
    session.lock()
    settle(qtbot, session)
    assert page.model.rowCount() == 0
    assert not any("Louise" in text for text in texts_in(page))


def test_the_table_takes_ten_thousand_hits_without_a_widget_per_row(
    page: CitizensPage, demo_workspace: Workspace
) -> None:
    """The model is reset with a plain list; the view keeps uniform rows and never
    measures all rows for column widths."""
    hit = demo_workspace.citizens.mine()[0]
    many: list[Any] = [hit] * 10_000
    page.model.set_hits(many)
    assert page.model.rowCount() == 10_000
    assert page.table.verticalHeader().sectionResizeMode(0).name == "Fixed"
    assert page.table.horizontalHeader().sectionResizeMode(0).name == "Stretch"
    assert not page.table.findChildren(QPushButton)
