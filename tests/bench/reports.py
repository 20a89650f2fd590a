"""Benchmark of the reports: a year's report on the encrypted vault against the same
computation on the unencrypted baseline (same data), and a 1,000-row PDF.

Target: a year's report at 10,000 citizens in at most 1 s in the app. The PDF is
written on a thread of its own in the app (with a progress bar), so its time is
reported, not held to a target.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from outreach_app.domain.clock import local_today
from outreach_app.domain.ids import PartnerId
from outreach_app.domain.partners import ReferralStatus
from outreach_app.reporting.export import report_tables, write_pdf
from outreach_app.reporting.indicators import Period, ReferralFigures
from outreach_app.services.reports import ReportService
from tests.bench.vault import Store, compare, interleaved, median_ms, opened

TARGET_MS = 1000.0
PDF_ROWS = 1000


def measure_year(enc: Store, plain: Store, repeat: int) -> dict[str, Any]:
    with opened(enc) as ws_enc, opened(plain) as ws_plain:
        today = local_today(ws_enc.clock)
        year = Period(today - timedelta(days=364), today)
        samples = interleaved(
            lambda: ReportService(ws_enc).report(year),
            lambda: ReportService(ws_plain).report(year),
            repeat,
        )
        report = ReportService(ws_enc).report(year)
    result = compare("report_year", *samples)
    result["target_ms"] = TARGET_MS
    result["meets_target"] = result["median_ms"] <= TARGET_MS
    result["citizens"] = report.citizens.population
    result["contacts"] = report.contacts.total
    return result


def measure_pdf(enc: Store, repeat: int) -> dict[str, Any]:
    """A report whose tables hold 1,000 rows (referrals to 1,000 partners added to a
    real year's report), written as a PDF with a progress callback."""
    with opened(enc) as ws:
        today = local_today(ws.clock)
        report = ReportService(ws).report(Period(today - timedelta(days=364), today))
    rows = tuple(
        ReferralFigures(PartnerId(f"p{i}"), f"Partner {i:04d}", {s: i % 3 for s in ReferralStatus})
        for i in range(PDF_ROWS - len(report.contacts.weeks) - 30)
    )
    big = dataclasses.replace(report, referrals=rows)
    samples: list[float] = []
    calls = [0]

    def count(done: int, total: int) -> None:
        calls[0] += 1

    with tempfile.TemporaryDirectory(prefix="outreach-pdf-") as folder:
        for index in range(repeat):
            path = Path(folder) / f"r{index}.pdf"
            started = time.perf_counter()
            pages = write_pdf(big, path, printed_on=date.today(), progress=count)
            samples.append(time.perf_counter() - started)
    table_rows = sum(len(t.rows) for t in report_tables(big))
    return {
        "median_ms": median_ms(samples),
        "samples": len(samples),
        "table_rows": table_rows,
        "pages": pages,
        "progress_calls_per_pdf": calls[0] // max(repeat, 1),
    }


def measure(enc: Store, plain: Store, *, quick: bool = False) -> dict[str, Any]:
    return {
        "report_year": measure_year(enc, plain, 3 if quick else 9),
        "pdf_1000_rows": measure_pdf(enc, 1 if quick else 3),
    }
