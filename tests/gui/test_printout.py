"""The case view's progression chart and the citizen's printout "Det aftalte":
preview, save as PDF and print (to a PDF printer offscreen), each logged."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from outreach_app.domain.audit import AccessAction
from outreach_app.services.workspace import Workspace
from outreach_app.ui.dialogs.printout import PrintoutDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.session import Session
from tests.gui.conftest import settle
from tests.gui.test_case import open_case


def scored_citizen(ws: Workspace) -> str:
    """A demo citizen with a plan, scores and a booked meeting."""
    for hit in ws.citizens.mine():
        if len(ws.progression.history(hit.id)) >= 4 and ws.plans.get(hit.id).agreements:
            return hit.id
    raise AssertionError("no demo citizen fits")


def printed(ws: Workspace, citizen_id: str, how: str) -> bool:
    return any(
        e.action is AccessAction.PRINT and f'"{how}"' in e.detail
        for e in ws.audit.entries(citizen_id=citizen_id)  # type: ignore[arg-type]
    )


def open_printout(
    qtbot: QtBot, window: MainWindow, session: Session, citizen_id: str
) -> PrintoutDialog:
    page = open_case(qtbot, window, session, citizen_id)
    page.printout()
    dialog = page.findChild(PrintoutDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=20_000)
    return dialog


def test_the_progression_tab_draws_the_scores_over_time(
    window: MainWindow, session: Session, qtbot: QtBot
) -> None:
    """The chart is made when the tab shows (matplotlib loaded on the worker first)."""
    citizen = scored_citizen(session.workspace)
    page = open_case(qtbot, window, session, citizen, tab="progression")
    qtbot.waitUntil(lambda: page.progression.chart is not None, timeout=20_000)
    chart = page.progression.chart
    lines = chart.figure.axes[0].get_lines()
    areas = {s.area for s in session.workspace.progression.history(citizen)}
    assert len(lines) == len(areas)


def test_saving_the_printout_writes_one_page_without_personal_details_and_logs_it(
    window: MainWindow, session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    ws = session.workspace
    citizen_id = scored_citizen(ws)
    citizen = ws.citizens.get(citizen_id)
    dialog = open_printout(qtbot, window, session, citizen_id)
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    path = tmp_path / "det-aftalte.pdf"
    with qtbot.waitSignal(dialog.completed, timeout=20_000):
        dialog.save_pdf(path)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Det aftalte" in text and "Karin Holm" in text
    assert ws.plans.get(citizen_id).agreements[0][:20] in text.replace("\n", " ")
    flat = text.replace(" ", "").replace("-", "").replace("\n", "")
    for personal in (citizen.cpr, citizen.phone, citizen.last_name, citizen.first_name):
        if personal:
            assert personal.replace(" ", "") not in flat
    settle(qtbot, session)
    assert printed(ws, citizen_id, "pdf")
    dialog.reject()


def test_printing_paints_the_page_and_logs_it(
    window: MainWindow, session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """Offscreen the printer is a PDF file; the page goes on it as an image."""
    ws = session.workspace
    citizen_id = scored_citizen(ws)
    dialog = open_printout(qtbot, window, session, citizen_id)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    with qtbot.waitSignal(dialog.completed, timeout=20_000) as blocker:
        dialog.print_on(printer)
    assert blocker.args == ["printer"]
    assert (tmp_path / "printer.pdf").stat().st_size > 10_000
    assert printed(ws, citizen_id, "printer")
    dialog.reject()


def test_locking_closes_the_printout(window: MainWindow, session: Session, qtbot: QtBot) -> None:
    dialog = open_printout(qtbot, window, session, scored_citizen(session.workspace))
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        session.lock()
    settle(qtbot, session)
