"""The case view: the header and the CPR reveal, each tab with the demo data, editing
the plan and the details, scores and milestones, consents and referrals, discreet
mode and the lock."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from outreach_app.domain.audit import AccessAction
from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.cpr import parse_cpr
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.partners import ReferralStatus
from outreach_app.domain.people import Citizen, TargetGroup
from outreach_app.domain.progression import LifeArea
from outreach_app.services.search import CitizenHit
from outreach_app.services.workspace import Workspace
from outreach_app.ui.dialogs.appointment import AppointmentDialog
from outreach_app.ui.dialogs.consent import ConsentDialog
from outreach_app.ui.dialogs.milestone import MilestoneDialog
from outreach_app.ui.dialogs.referral import ReferralDialog
from outreach_app.ui.dialogs.score import ScoreDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages.case import TABS, CasePage, format_phone
from outreach_app.ui.pages.note import NotePage, fmt_date
from outreach_app.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.gui.conftest import settle
from tests.gui.texts import widget_texts

# -- helpers ---------------------------------------------------------------------------


def case_of(window: MainWindow) -> CasePage:
    page = window.pages["case"]
    assert isinstance(page, CasePage)
    return page


def open_case(
    qtbot: QtBot, window: MainWindow, session: Session, citizen_id: str, tab: str | None = None
) -> CasePage:
    page = case_of(window)
    with qtbot.waitSignal(page.case_loaded, timeout=10_000):
        window.open_case(citizen_id, tab=tab)
    settle(qtbot, session)
    return page


def find_citizen(ws: Workspace, wanted: Callable[[Workspace, CitizenHit], bool]) -> CitizenHit:
    """The first of the demo citizens (by name) that ``wanted`` accepts."""
    for hit in ws.citizens.mine():
        if wanted(ws, hit):
            return hit
    raise AssertionError("no demo citizen fits")


def full_case(ws: Workspace, hit: CitizenHit) -> bool:
    """A citizen with a CPR number, a phone, a draft, milestones, consents, referrals."""
    citizen = ws.citizens.get(hit.id)
    return bool(
        citizen.cpr
        and citizen.phone
        and any(not n.finished for n in ws.notes.for_citizen(hit.id))
        and ws.milestones.for_citizen(hit.id)
        and ws.referrals.for_citizen(hit.id)
        and any(c.withdrawn_on is None for c in ws.consents.for_citizen(hit.id))
    )


_CHOSEN: dict[str, str] = {}


@pytest.fixture
def citizen(demo_workspace: Workspace) -> Citizen:
    """A citizen with a full case (the demo data depend only on the seed, so the
    choice is made once and found again by name)."""
    name = _CHOSEN.get("full")
    if name is None:
        name = _CHOSEN.setdefault("full", find_citizen(demo_workspace, full_case).display_name)
    hit = next(h for h in demo_workspace.citizens.mine() if h.display_name == name)
    return demo_workspace.citizens.get(hit.id)


def texts_in(widget: QWidget) -> list[str]:
    """Every text a person (or a screen reader) could see in the widget tree: the
    shared walk (tests/gui/texts.py) plus placeholders, accessible names and the
    headers of the tables."""
    found = list(widget_texts(widget))
    for child in [widget, *widget.findChildren(QWidget)]:
        found.append(child.accessibleName())
        if isinstance(child, QLineEdit | QPlainTextEdit):
            found.append(child.placeholderText())
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            for column in range(
                model.columnCount(QModelIndex()) if not isinstance(model, QAbstractListModel) else 1
            ):
                found.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    return [text for text in found if text]


def personal_texts(ws: Workspace, citizen: Citizen) -> list[str]:
    """What must not be on screen in discreet mode or after the lock."""
    words = [citizen.first_name, citizen.last_name]
    if citizen.cpr:
        words.append(citizen.cpr[:6])
    if citizen.phone:
        words += [citizen.phone, format_phone(citizen.phone)]
    previews = [
        n.text.strip().splitlines()[0] for n in ws.notes.for_citizen(citizen.id) if n.text.strip()
    ]
    return [w for w in words if w] + previews


def shown(page: QWidget, needle: str) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
    return any(pattern.search(text) for text in texts_in(page))


def button(widget: QWidget, text: str) -> QPushButton:
    for candidate in widget.findChildren(QPushButton):
        if candidate.text() == text and candidate.isVisible():
            return candidate
    raise AssertionError(f"no button {text!r}")


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def timeline_rows(page: CasePage) -> list[tuple[str, str, str]]:
    tree = page.timeline.tree
    return [
        tuple(tree.topLevelItem(i).text(c) for c in range(3))  # type: ignore[misc]
        for i in range(tree.topLevelItemCount())
    ]


def answer(qtbot: QtBot, parent: QWidget, yes: bool) -> None:
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    which = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
    click(qtbot, box.button(which))


def unlock(qtbot: QtBot, session: Session) -> None:
    errors: list[BaseException] = []
    with qtbot.waitSignal(session.unlocked, timeout=20_000):
        session.unlock(PASSPHRASE, done=lambda: None, error=errors.append)
    assert not errors
    settle(qtbot, session)


# -- the header --------------------------------------------------------------------------


def test_the_header_says_who_the_citizen_is_and_the_read_is_logged(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """Name, CPR as DDMMYY-xxxx, phone grouped in pairs, the consultant (me), the
    target group in Danish and the status; the full CPR is nowhere; the services
    logged the reads of the record."""
    page = open_case(qtbot, window, session, citizen.id)
    assert window.stack.currentWidget() is page
    assert page.name_label.text() == citizen.display_name
    assert page.cpr_value.text() == f"{(citizen.cpr or '')[:6]}-xxxx"
    assert page.phone_value.text() == format_phone(citizen.phone)
    assert page.consultant_value.text() == "Karin Holm (dig)"
    expected_group = {
        TargetGroup.AKTIVITETSPARAT: "aktivitetsparat",
        TargetGroup.UDDANNELSESPARAT: "uddannelsesparat",
        TargetGroup.JOBPARAT: "jobparat",
        TargetGroup.RESSOURCEFORLOEB: "ressourceforløb",
        TargetGroup.SYGEDAGPENGE: "sygedagpenge",
        TargetGroup.FLEKSJOB_VISITERET: "visiteret til fleksjob",
        TargetGroup.OTHER: "andet",
        None: "ikke angivet",
    }[citizen.target_group]
    assert page.target_value.text() == expected_group
    assert page.status_badge.text() == "aktiv"
    assert page.drafts_label.isVisible()
    assert page.note_button.text() == "Nyt notat (Ctrl+N)"
    assert not shown(page, parse_cpr(citizen.cpr or "").formatted)
    actions = {e.action for e in session.workspace.audit.entries(citizen_id=citizen.id)}
    assert {AccessAction.CITIZEN_READ, AccessAction.NOTES_READ} <= actions


def test_revealing_the_cpr_is_logged_and_hidden_again_on_leaving_and_in_discreet_mode(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """'Vis' shows DDMMYY-SSSS and writes a cpr.reveal entry to the access log; on
    another page and back the number is masked again; discreet mode hides it and
    offers no 'Vis'."""
    page = open_case(qtbot, window, session, citizen.id)
    full = parse_cpr(citizen.cpr or "").formatted
    with qtbot.waitSignal(page.cpr_revealed):
        click(qtbot, page.reveal_button)
    assert page.cpr_value.text() == full
    assert page.reveal_button.text() == "Skjul"
    settle(qtbot, session)
    log = session.workspace.audit.entries(citizen_id=citizen.id)
    assert AccessAction.CPR_REVEAL in [entry.action for entry in log]
    window.show_page("today")
    settle(qtbot, session)
    window.open_case(citizen.id)
    settle(qtbot, session)
    assert page.cpr_value.text() == f"{full[:6]}-xxxx"
    with qtbot.waitSignal(page.cpr_revealed):
        click(qtbot, page.reveal_button)
    click(qtbot, page.reveal_button)  # 'Skjul'
    assert page.cpr_value.text() == f"{full[:6]}-xxxx"
    with qtbot.waitSignal(page.cpr_revealed):
        click(qtbot, page.reveal_button)
    session.set_discreet(True)
    assert page.cpr_value.text() == "skjult"
    assert not page.reveal_button.isVisible()
    page.toggle_cpr()
    settle(qtbot, session)
    assert not shown(page, full[:6])


def test_copying_the_cpr_and_the_phone_uses_the_guarded_clipboard(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """Both copy buttons put the number on the clipboard through the window's guard
    (which clears it after 30 s); copying the CPR is logged like revealing it and
    leaves it masked on screen."""
    page = open_case(qtbot, window, session, citizen.id)
    click(qtbot, page.copy_cpr_button)
    settle(qtbot, session)
    assert QApplication.clipboard().text() == parse_cpr(citizen.cpr or "").formatted
    assert page.cpr_value.text().endswith("xxxx")
    actions = [e.action for e in session.workspace.audit.entries(citizen_id=citizen.id)]
    assert AccessAction.CPR_REVEAL in actions
    click(qtbot, page.copy_phone_button)
    assert QApplication.clipboard().text() == citizen.phone
    QApplication.clipboard().clear()


# -- the timeline --------------------------------------------------------------------------


def test_the_timeline_lists_everything_that_happened_newest_first(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    """Notes (kind, first line, drafts marked 'Udkast'), contacts without a note,
    milestones, referrals, the assignment and new information, newest first."""
    page = open_case(qtbot, window, session, citizen.id)
    rows = timeline_rows(page)
    assert page.current_tab() == "timeline"
    assert len(rows) == len(page.timeline.entries) > 5
    times = [entry.at for entry in page.timeline.entries]
    assert times == sorted(times, reverse=True)
    notes = demo_workspace.notes.for_citizen(citizen.id)
    draft = next(n for n in notes if not n.finished)
    draft_row = next(r for r in rows if "Udkast" in r[1])
    assert draft_row[2] == draft.text.strip().splitlines()[0]
    whats = " | ".join(r[1] for r in rows)
    for part in ("Notat – ", "Milepæl – ", "Henvisning til ", "Jobkonsulent: Karin Holm"):
        assert part in whats
    originals = [n for n in notes if not n.is_addendum]
    assert sum(1 for r in rows if r[1].startswith("Notat – ")) == len(originals)
    info = demo_workspace.information.for_citizen(citizen.id)
    assert sum(1 for r in rows if r[1].startswith("Ny information fra ")) == len(info)


def test_an_addendum_is_marked_with_the_date_of_the_note_it_corrects(
    qtbot: QtBot, window: MainWindow, session: Session, demo_workspace: Workspace
) -> None:
    hit = find_citizen(
        demo_workspace, lambda ws, h: any(n.is_addendum for n in ws.notes.for_citizen(h.id))
    )
    notes = demo_workspace.notes.for_citizen(hit.id)
    addendum = next(n for n in notes if n.is_addendum)
    original = next(n for n in notes if n.id == addendum.corrects_id)
    page = open_case(qtbot, window, session, hit.id)
    day = fmt_date(original.occurred_at.astimezone(DANISH_TIME).date())
    assert any(r[1] == f"Tilføjelse til notat af {day}" for r in timeline_rows(page))


def test_a_note_in_the_timeline_opens_with_a_double_click_or_enter(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = open_case(qtbot, window, session, citizen.id)
    tree = page.timeline.tree
    index = next(i for i, e in enumerate(page.timeline.entries) if e.note_id)
    note_page = window.pages["note"]
    assert isinstance(note_page, NotePage)
    with qtbot.waitSignal(note_page.loaded, timeout=10_000):
        rect = tree.visualItemRect(tree.topLevelItem(index))
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is note_page
    assert note_page.note_id == page.timeline.entries[index].note_id
    open_case(qtbot, window, session, citizen.id)
    tree.setCurrentItem(tree.topLevelItem(index))
    tree.setFocus()
    with qtbot.waitSignal(note_page.loaded, timeout=10_000):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is note_page


def test_open_case_goes_to_the_tab_asked_for(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    for tab in TABS:
        page = open_case(qtbot, window, session, citizen.id, tab=tab)
        assert page.current_tab() == tab
    page = open_case(qtbot, window, session, citizen.id, tab="consents")
    assert page.current_tab() == "referrals"


# -- the plan --------------------------------------------------------------------------------


def test_the_plan_is_shown_edited_in_place_and_saved(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    """The tab shows goal, agreements, activities and next contact; a goal typed,
    an agreement and an activity added and the next contact set to a call the
    citizen makes are saved with one click on 'Gem plan'."""
    plan = demo_workspace.plans.get(citizen.id)
    page = open_case(qtbot, window, session, citizen.id, tab="plan")
    tab = page.plan
    assert tab.goal.toPlainText() == plan.goal
    shown_agreements = [tab.agreements.item(i).text() for i in range(tab.agreements.count())]
    assert shown_agreements == list(plan.agreements)
    assert tab.activities.rowCount() == len(plan.activities)
    for row, activity in enumerate(plan.activities):
        assert tab.activities.item(row, 0).text() == activity.title
        assert tab.activities.item(row, 1).text() == fmt_date(activity.starts_on)
    assert tab.next_on.isChecked() == (plan.next_contact is not None)
    assert not tab.save_button.isEnabled()

    tab.goal.selectAll()
    qtbot.keyClicks(tab.goal, "Praktik i en butik inden sommerferien.")
    assert tab.save_button.isEnabled()
    click(qtbot, button(tab, "Tilføj aftale"))
    tab.agreements.item(tab.agreements.count() - 1).setText("Borger ringer til a-kassen.")
    click(qtbot, button(tab, "Tilføj aktivitet"))
    row = tab.activities.rowCount() - 1
    tab.activities.item(row, 0).setText("Danskundervisning")
    tab.activities.item(row, 1).setText("9.3.2026")
    tab.activities.item(row, 2).setText("2026-06-30")
    tab.next_on.setChecked(True)
    tab.next_kind.setCurrentIndex(tab.next_kind.findData("phone"))
    tab.next_who.setCurrentIndex(tab.next_who.findData("citizen"))
    with qtbot.waitSignal(page.plan_saved):
        click(qtbot, tab.save_button)
    settle(qtbot, session)
    saved = session.workspace.plans.get(citizen.id)
    assert saved.goal == "Praktik i en butik inden sommerferien."
    assert saved.agreements == (*plan.agreements, "Borger ringer til a-kassen.")
    assert saved.activities[-1].title == "Danskundervisning"
    assert (str(saved.activities[-1].starts_on), str(saved.activities[-1].ends_on)) == (
        "2026-03-09",
        "2026-06-30",
    )
    assert saved.next_contact is not None
    assert (saved.next_contact.kind.value, saved.next_contact.initiator.value) == (
        "phone",
        "citizen",
    )
    assert not tab.save_button.isEnabled()
    assert tab.goal.toPlainText() == saved.goal


def test_a_wrong_date_in_the_plan_is_said_inline_and_nothing_typed_is_lost(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = open_case(qtbot, window, session, citizen.id, tab="plan")
    tab = page.plan
    before = session.workspace.plans.get(citizen.id)
    tab.goal.selectAll()
    qtbot.keyClicks(tab.goal, "Nyt mål")
    click(qtbot, button(tab, "Tilføj aktivitet"))
    row = tab.activities.rowCount() - 1
    tab.activities.item(row, 0).setText("Jobsøgning")
    tab.activities.item(row, 1).setText("32.13.2026")
    click(qtbot, tab.save_button)
    settle(qtbot, session)
    assert tab.error.isVisible()
    assert tab.error.text() == f"Aktivitet {row + 1}: skriv datoerne som dd.mm.åååå."
    assert tab.goal.toPlainText() == "Nyt mål"
    assert tab.activities.item(row, 1).text() == "32.13.2026"
    assert session.workspace.plans.get(citizen.id).goal == before.goal
    session.changed.emit("citizens")  # a refresh from elsewhere keeps the typing
    settle(qtbot, session)
    assert tab.goal.toPlainText() == "Nyt mål"


# -- progression ---------------------------------------------------------------------------


def test_progression_shows_scores_per_area_and_date_and_a_new_score_is_added(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    """One row per life area, one column per date, then the latest score and the
    change since the first; 'Ny score' adds today's column."""
    history = demo_workspace.progression.history(citizen.id)
    page = open_case(qtbot, window, session, citizen.id, tab="progression")
    table = page.progression.table
    days = sorted({s.scored_on for s in history})
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == [fmt_date(d) for d in days] + ["Seneste", "Ændring"]
    labels = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert labels == [
        "helbred",
        "mental sundhed",
        "sprog",
        "netværk",
        "bolig",
        "økonomi",
        "familie",
        "hverdagsmestring",
        "jobparathed",
    ]
    for row, area in enumerate(LifeArea):
        scores = [s.score for s in history if s.area is area]
        assert table.item(row, len(days)).text() == (str(scores[-1]) if scores else "")
        if len(scores) > 1:
            delta = scores[-1] - scores[0]
            change = f"+{delta}" if delta > 0 else "±0" if delta == 0 else f"−{-delta}"
            assert table.item(row, len(days) + 1).text() == change
    milestones = demo_workspace.milestones.for_citizen(citizen.id)
    assert page.progression.milestones.rowCount() == len(milestones)
    qtbot.waitUntil(lambda: page.progression.chart is not None, timeout=20_000)  # scores over time

    click(qtbot, page.score_button)
    dialog = page.findChild(ScoreDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.area.setCurrentIndex(dialog.area.findData(LifeArea.HOUSING.value))
    dialog.score.setValue(7)
    qtbot.keyClicks(dialog.note, "Har fået en lejlighed.")
    with qtbot.waitSignal(page.case_loaded, timeout=10_000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    settle(qtbot, session)
    scores = session.workspace.progression.history(citizen.id)
    assert (scores[-1].area, scores[-1].score, scores[-1].note) == (
        LifeArea.HOUSING,
        7,
        "Har fået en lejlighed.",
    )
    row = list(LifeArea).index(LifeArea.HOUSING)
    assert table.item(row, table.columnCount() - 2).text() == "7"
    assert table.horizontalHeaderItem(table.columnCount() - 3).text() == "02.03.2026"


def test_a_new_milestone_shows_in_progression_and_the_timeline(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """An end before the start is refused in the dialog; a løntilskud with a partner
    is saved and shown."""
    page = open_case(qtbot, window, session, citizen.id)
    click(qtbot, page.milestone_button)
    dialog = page.findChild(MilestoneDialog)
    assert dialog is not None
    settle(qtbot, session)
    dialog.kind.setCurrentIndex(dialog.kind.findData(MilestoneKind.LOENTILSKUD.value))
    dialog.partner.setCurrentIndex(1)
    partner = dialog.partner.currentText()
    dialog.has_end.setChecked(True)
    dialog.ends.setDate(dialog.starts.date().addDays(-3))
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    click(qtbot, save)
    assert dialog.error.text() == "Slutdatoen ligger før startdatoen."
    assert dialog.isVisible()
    dialog.has_end.setChecked(False)
    with qtbot.waitSignal(page.case_loaded, timeout=10_000):
        click(qtbot, save)
    settle(qtbot, session)
    assert any(r[1] == f"Milepæl – løntilskud hos {partner}" for r in timeline_rows(page))
    table = page.progression.milestones
    assert (table.item(0, 0).text(), table.item(0, 2).text()) == ("løntilskud", "i gang")


# -- consents and referrals --------------------------------------------------------------------


def test_consents_and_referrals_are_listed_withdrawn_and_moved(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    """The tab lists both; 'Tilbagekald' asks first and withdraws from today; a
    referral gets a new status."""
    consents = demo_workspace.consents.for_citizen(citizen.id)
    referrals = demo_workspace.referrals.for_citizen(citizen.id)
    page = open_case(qtbot, window, session, citizen.id, tab="referrals")
    tab = page.referrals
    assert [tab.consents.item(r, 0).text() for r in range(tab.consents.rowCount())] == [
        c.scope for c in consents
    ]
    assert [tab.referrals.item(r, 1).text() for r in range(tab.referrals.rowCount())] == [
        r.purpose for r in referrals
    ]
    assert tab.referrals.item(0, 2).text() == fmt_date(referrals[0].referred_on)

    row = next(i for i, c in enumerate(consents) if c.withdrawn_on is None)
    click(qtbot, tab.withdraw_button)
    assert tab.error.text() == "Vælg først det samtykke, der skal tilbagekaldes."
    tab.consents.selectRow(row)
    click(qtbot, tab.withdraw_button)
    answer(qtbot, page, yes=False)
    settle(qtbot, session)
    assert session.workspace.consents.for_citizen(citizen.id)[row].withdrawn_on is None
    click(qtbot, tab.withdraw_button)
    with qtbot.waitSignal(page.case_loaded, timeout=10_000):
        answer(qtbot, page, yes=True)
    settle(qtbot, session)
    assert str(session.workspace.consents.for_citizen(citizen.id)[row].withdrawn_on) == "2026-03-02"
    assert tab.consents.item(row, 4).text() == "02.03.2026"

    tab.referrals.selectRow(0)
    tab.new_status.setCurrentIndex(tab.new_status.findData(ReferralStatus.COMPLETED.value))
    with qtbot.waitSignal(page.case_loaded, timeout=10_000):
        click(qtbot, tab.move_button)
    settle(qtbot, session)
    moved = session.workspace.referrals.for_citizen(citizen.id)[0]
    assert moved.status is ReferralStatus.COMPLETED
    assert tab.referrals.item(0, 3).text() == "gennemført"


def test_the_consent_referral_and_booking_dialogs_open_for_this_citizen(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """'Giv samtykke', 'Ny henvisning' and 'Book møde' open the shared dialogs for the
    citizen; when one of them saves, the case is read again."""
    page = open_case(qtbot, window, session, citizen.id, tab="referrals")
    for label, kind, signal in (
        ("Giv samtykke", ConsentDialog, "given"),
        ("Ny henvisning", ReferralDialog, "referred"),
        ("Book møde", AppointmentDialog, "saved"),
    ):
        click(qtbot, button(window, label))
        dialogs = [d for d in page.findChildren(kind) if d.isVisible()]
        assert len(dialogs) == 1, label
        settle(qtbot, session)
        with qtbot.waitSignal(page.case_loaded, timeout=10_000):
            getattr(dialogs[0], signal).emit("x")
        dialogs[0].reject()
        settle(qtbot, session)


# -- details -------------------------------------------------------------------------------------


def test_the_details_are_edited_and_saved(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = open_case(qtbot, window, session, citizen.id, tab="details")
    tab = page.details
    assert tab.first.text() == citizen.first_name
    assert tab.cpr.text() == ""  # the full number is never put on screen here
    assert tab.cpr.placeholderText().startswith(f"{(citizen.cpr or '')[:6]}-xxxx")
    tab.address.selectAll()
    qtbot.keyClicks(tab.address, "Gudrunsvej 12, 2. th.")
    tab.phone.selectAll()
    qtbot.keyClicks(tab.phone, "+45 22 33 44 55")
    tab.target.setCurrentIndex(tab.target.findData(TargetGroup.JOBPARAT.value))
    with qtbot.waitSignal(page.details_saved):
        qtbot.keyClick(tab.phone, Qt.Key.Key_Return)
    settle(qtbot, session)
    stored = session.workspace.citizens.get(citizen.id)
    assert stored.address == "Gudrunsvej 12, 2. th."
    assert stored.phone == "22334455"
    assert stored.target_group is TargetGroup.JOBPARAT
    assert stored.cpr == citizen.cpr
    assert page.phone_value.text() == "22 33 44 55"
    assert page.target_value.text() == "jobparat"
    assert tab.state.text() == "Oplysningerne er gemt."


def test_bad_details_are_said_inline_and_nothing_typed_is_lost(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """An impossible CPR is said as soon as the number is complete (and not before);
    a CPR in the future too; an empty first name is refused in words."""
    page = open_case(qtbot, window, session, citizen.id, tab="details")
    tab = page.details
    tab.address.selectAll()
    qtbot.keyClicks(tab.address, "Ny adresse 1")
    qtbot.keyClicks(tab.cpr, "32019")
    assert not tab.cpr_error.isVisible()  # not before the number is complete
    qtbot.keyClicks(tab.cpr, "9-1234")
    assert tab.cpr_error.isVisible()
    assert "CPR-nummeret skal være 10 cifre" in tab.cpr_error.text()
    click(qtbot, tab.save_button)
    settle(qtbot, session)
    assert (tab.cpr.text(), tab.address.text()) == ("320199-1234", "Ny adresse 1")
    assert session.workspace.citizens.get(citizen.id).address == citizen.address
    tab.cpr.selectAll()
    qtbot.keyClicks(tab.cpr, "010127-4234")  # born next year
    assert tab.cpr_error.isVisible()
    tab.cpr.selectAll()
    qtbot.keyClick(tab.cpr, Qt.Key.Key_Backspace)
    assert not tab.cpr_error.isVisible()
    tab.first.selectAll()
    qtbot.keyClick(tab.first, Qt.Key.Key_Backspace)
    click(qtbot, tab.save_button)
    settle(qtbot, session)
    assert tab.error.text() == "Fornavn: kontrollér feltet."
    assert tab.address.text() == "Ny adresse 1"
    assert tab.save_button.isEnabled()


def test_a_cpr_number_another_citizen_has_offers_to_open_that_citizen(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    other = find_citizen(
        demo_workspace, lambda ws, h: h.id != citizen.id and bool(ws.citizens.get(h.id).cpr)
    )
    other_cpr = parse_cpr(demo_workspace.citizens.get(other.id).cpr or "").formatted
    page = open_case(qtbot, window, session, citizen.id, tab="details")
    tab = page.details
    tab.email.selectAll()
    qtbot.keyClicks(tab.email, "ny@post.example")
    qtbot.keyClicks(tab.cpr, other_cpr)
    assert not tab.cpr_error.isVisible()
    click(qtbot, tab.save_button)
    settle(qtbot, session)
    assert tab.error.text() == "Der findes allerede en borger med dette CPR-nummer."
    assert tab.open_existing.isVisible()
    assert (tab.cpr.text(), tab.email.text()) == (other_cpr, "ny@post.example")
    assert session.workspace.citizens.get(citizen.id).cpr == citizen.cpr
    with qtbot.waitSignal(page.case_loaded, timeout=10_000):
        click(qtbot, tab.open_existing)
    assert page.citizen_id == other.id


# -- privacy ------------------------------------------------------------------------------------


def test_discreet_mode_shows_initials_and_hides_cpr_phone_and_previews(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    """No name, CPR, phone or note preview in any widget of the case, in any tab;
    switching back shows them again without reading the case again."""
    page = open_case(qtbot, window, session, citizen.id, tab="details")
    secrets = personal_texts(demo_workspace, citizen)
    assert shown(page, citizen.first_name)
    session.set_discreet(True)
    assert page.name_label.text() == citizen.initials
    assert [s for s in secrets if shown(page, s)] == []
    assert page.timeline.tree.headerItem().text(2) == "Indhold (skjult i diskret visning)"
    assert not session.busy  # nothing was read again
    session.set_discreet(False)
    assert page.name_label.text() == citizen.display_name
    assert page.details.first.text() == citizen.first_name
    assert shown(page, secrets[-1])


def test_typing_in_the_details_survives_discreet_mode_and_refreshes(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = open_case(qtbot, window, session, citizen.id, tab="details")
    tab = page.details
    tab.address.selectAll()
    qtbot.keyClicks(tab.address, "Halvskrevet adresse")
    session.set_discreet(True)
    assert tab.address.text() == ""
    session.changed.emit("citizens")
    settle(qtbot, session)
    session.set_discreet(False)
    assert tab.address.text() == "Halvskrevet adresse"
    assert tab.dirty


def test_the_lock_clears_the_case_and_unlocking_returns_to_it(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen, demo_workspace: Workspace
) -> None:
    """After lock() no personal text is left in any widget of the case page; the
    citizen's id stays, so after unlock the same case opens on the same tab."""
    secrets = personal_texts(demo_workspace, citizen)
    plan_goal = demo_workspace.plans.get(citizen.id).goal
    page = open_case(qtbot, window, session, citizen.id, tab="plan")
    with qtbot.waitSignal(page.cpr_revealed):
        click(qtbot, page.reveal_button)
    session.lock()
    session.wait()
    settle(qtbot, session)
    assert [s for s in [*secrets, plan_goal] if shown(page, s)] == []
    assert not shown(page, (citizen.cpr or "")[6:])
    assert page.citizen_id == citizen.id
    with qtbot.waitSignal(page.case_loaded, timeout=20_000):
        unlock(qtbot, session)
    assert page.current_tab() == "plan"
    assert page.name_label.text() == citizen.display_name
    assert page.plan.goal.toPlainText() == plan_goal
    assert page.cpr_value.text().endswith("-xxxx")


def test_changes_while_the_case_is_hidden_are_read_when_it_is_shown(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    """A hidden case page does not read (and log) the case on every change."""
    page = open_case(qtbot, window, session, citizen.id)
    window.show_page("today")
    settle(qtbot, session)
    calls: list[str] = []
    original = page.refresh
    page.refresh = lambda: (calls.append("x"), original())  # type: ignore[method-assign]
    session.changed.emit("notes")
    assert calls == []
    with qtbot.waitSignal(page.case_loaded, timeout=10_000):
        window.show_page("case")
    assert calls == ["x"]


def test_ctrl_n_on_the_case_starts_a_drop_in_note_with_the_cursor_in_the_text(
    qtbot: QtBot, window: MainWindow, session: Session, citizen: Citizen
) -> None:
    page = open_case(qtbot, window, session, citizen.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    note = window.pages["note"]
    assert isinstance(note, NotePage)
    with qtbot.waitSignal(note.loaded, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(note.text.hasFocus)
    assert window.stack.currentWidget() is note
    assert note.kind.currentData() == "drop_in"
    settle(qtbot, session)
    assert note.note_id in [d.id for d in session.workspace.notes.drafts()]
