"""CSV for Danish Excel, plain data, and the PDF report: its text holds the figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from outreach_app.reporting.export import (
    ExportCancelled,
    csv_text,
    report_data,
    report_tables,
    write_csv,
    write_pdf,
)
from outreach_app.reporting.indicators import Report, compute_report
from tests.unit.reporting.fixture import Q1, records


@pytest.fixture(scope="module")
def report() -> Report:
    return compute_report(records(), Q1)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_csv_has_a_bom_semicolons_and_danish_decimal_commas(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "rapport.csv"
    write_csv(report, path, language="da")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "Unikke borgere med kontakt;3" in text
    assert "Fremmøde (mødt / (mødt + udeblevet));50,0 %" in text
    assert "virksomhedspraktik;2;50,0 %;1;1" in text
    assert "Beboerrådgivningen;0;1;0;1;0;0;2" in text
    assert "Karin Holm;4;4;2,7" in text


def test_csv_in_english_uses_decimal_points(report: Report) -> None:
    text = csv_text(report, "en")
    assert "Attendance (attended / (attended + no-show));50.0 %" in text
    assert "work placement;2;50.0 %;1;1" in text


def test_report_data_is_json_ready_with_stable_keys(report: Report) -> None:
    data = json.loads(json.dumps(report_data(report)))
    assert data["period"] == {"from": "2026-01-01", "to": "2026-03-31"}
    assert data["citizens"] == {"unique": 3, "first_time": 2, "population": 4}
    assert data["attendance"]["rate"] == 0.5
    assert data["closer_to_work"] == 2
    language = next(a for a in data["progression"] if a["area"] == "language")
    assert language["distribution"] == {"-1": 1, "2": 2}


def test_pdf_holds_the_figures_and_reports_progress(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "rapport.pdf"
    steps: list[tuple[int, int]] = []
    pages = write_pdf(
        report, path, language="da", title="Gellerup", progress=lambda d, t: steps.append((d, t))
    )
    text = pdf_text(path)
    assert len(PdfReader(path).pages) == pages
    assert "Rapport: vejen mod arbejde" in text
    assert "1.1.2026 – 31.3.2026" in text
    assert "Borgere startet i virksomhedspraktik eller løntilskud" in text
    assert "Beboerrådgivningen" in text and "Karin Holm" in text
    assert "50,0 %" in text
    assert steps[-1][0] == steps[-1][1]
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_pdf_in_english(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(report, path, language="en")
    text = pdf_text(path)
    assert "Report: the way towards work" in text
    assert "Progression per life area" in text


def test_a_long_table_runs_over_pages(report: Report, tmp_path: Path) -> None:
    """A year of weeks (53 rows) takes two pages of the weekly table."""
    from datetime import date

    from outreach_app.reporting.indicators import Period

    year = compute_report(records(), Period(date(2026, 1, 1), date(2026, 12, 31)))
    path = tmp_path / "year.pdf"
    pages = write_pdf(year, path)
    quarter = write_pdf(report, tmp_path / "quarter.pdf")
    assert pages == quarter + 1
    assert len(report_tables(year)[3].rows) == 53


def test_a_progress_callback_can_stop_the_export(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "stopped.pdf"
    with pytest.raises(ExportCancelled):
        write_pdf(report, path, progress=lambda done, total: done < 2)
    assert not path.exists()
