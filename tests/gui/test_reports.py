"""The Rapporter page: figures on the demo data, filters, charts, CSV and PDF export
off the GUI thread (with progress), and matplotlib kept out of start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from outreach_app.domain.audit import AccessAction
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages.reports import ReportsPage
from outreach_app.ui.session import Session
from tests.gui.conftest import settle


def open_reports(window: MainWindow, qtbot: QtBot) -> ReportsPage:
    with qtbot.waitSignal(window.pages["reports"].report_loaded, timeout=20_000):
        window.show_page("reports")
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage)
    return page


def cell(page: ReportsPage, label: str) -> str:
    for row in range(page.key.rowCount()):
        if page.key.item(row, 0).text().strip() == label:
            return page.key.item(row, 1).text()
    raise AssertionError(f"no row {label!r}")


def test_matplotlib_is_not_imported_at_start_up() -> None:
    """The main window's modules load without matplotlib or the reporting package."""
    code = (
        "import sys, outreach_app.ui.main_window, outreach_app.ui.pages.case;"
        "bad = [m for m in sys.modules if m.startswith(('matplotlib', 'outreach_app.reporting'))];"
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_page_shows_this_quarters_figures(window: MainWindow, qtbot: QtBot) -> None:
    """Default period: this quarter; the key figures match the report service's."""
    page = open_reports(window, qtbot)
    report = page.view.report  # type: ignore[union-attr]
    assert report.period.first.month == 1 and report.period.last.month == 3
    assert cell(page, "Kontakter i alt") == str(report.contacts.total)
    assert cell(page, "Startet i praktik eller løntilskud") == str(report.closer_to_work)
    assert page.caseload.rowCount() == 1
    assert set(page.charts) == {"contacts", "milestones", "progression"}
    assert page.csv_button.isEnabled() and page.pdf_button.isEnabled()


def test_filters_and_presets_recompute(window: MainWindow, qtbot: QtBot) -> None:
    page = open_reports(window, qtbot)
    all_contacts = page.view.report.contacts.total  # type: ignore[union-attr]
    with qtbot.waitSignal(page.report_loaded, timeout=20_000):
        page.contact_kind.setCurrentIndex(1)  # drop-ins
    drop_ins = page.view.report.contacts.total  # type: ignore[union-attr]
    assert 0 < drop_ins < all_contacts
    with qtbot.waitSignal(page.report_loaded, timeout=20_000):
        page.preset.setCurrentIndex(page.preset.findData("year"))
    assert page.view.report.period.days == 365  # type: ignore[union-attr]


def test_csv_export_writes_the_file_and_logs_it(
    window: MainWindow, session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_reports(window, qtbot)
    path = tmp_path / "rapport.csv"
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.export_csv(path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    settle(qtbot, session)
    assert session.workspace.audit.entries()[-1].action is AccessAction.EXPORT


def test_pdf_export_runs_with_progress_and_logs_it(
    window: MainWindow, session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    """The PDF is written off the GUI thread; the progress dialog shows and closes."""
    page = open_reports(window, qtbot)
    path = tmp_path / "rapport.pdf"
    with qtbot.waitSignal(page.exported, timeout=60_000):
        page.export_pdf(path)
        assert page.progress_dialog is not None
        assert not page.pdf_button.isEnabled()
    assert page.progress_dialog is None
    text = "".join(p.extract_text() or "" for p in PdfReader(path).pages)
    assert "Rapport: vejen mod arbejde" in text
    assert str(page.view.report.contacts.total) in text  # type: ignore[union-attr]
    settle(qtbot, session)
    assert session.workspace.audit.entries()[-1].action is AccessAction.EXPORT


def test_locking_clears_the_page(window: MainWindow, session: Session, qtbot: QtBot) -> None:
    page = open_reports(window, qtbot)
    session.lock()
    settle(qtbot, session)
    assert page.view is None and page.key.rowCount() == 0
