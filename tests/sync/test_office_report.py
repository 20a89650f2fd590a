"""The main office's report, computed on the central service from what the laptop
synchronised, equals the consultant's own report on the laptop."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from outreach_app.reporting.export import report_data
from outreach_app.reporting.indicators import Period
from outreach_app.services.demo import populate_demo
from outreach_app.services.reports import ReportService
from tests.sync.conftest import Office


def _central_report(office: Office, out: Path, *options: str) -> None:
    """``outreach-server report`` for the office over the test's period into ``out``."""
    office.server.admin(
        "report",
        "--office",
        office.office_id,
        "--from",
        "2025-10-01",
        "--to",
        "2026-03-31",
        *options,
        "--out",
        str(out),
    )


def test_the_office_report_equals_the_laptops_own(
    office: Office, devices: Any, tmp_path: Path
) -> None:
    karin = devices(office, "Karin")
    populate_demo(karin.ws, citizens=15, seed=9)
    karin.sync()
    period = Period(date(2025, 10, 1), date(2026, 3, 31))
    out = tmp_path / "report.json"
    _central_report(office, out, "--format", "json")
    central = json.loads(out.read_text(encoding="utf-8"))
    local = json.loads(json.dumps(report_data(ReportService(karin.ws).report(period))))
    for key in (
        "contacts",
        "citizens",
        "attendance",
        "milestones",
        "progression",
        "referrals",
        "closer_to_work",
        "time_to_milestone",
    ):
        if key in local:
            assert central[key] == local[key], key
    assert central["contacts"] == local["contacts"]

    pdf = tmp_path / "report.pdf"
    _central_report(office, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
