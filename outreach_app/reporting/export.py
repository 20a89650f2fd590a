"""A report as tables, as CSV (for Danish Excel), as plain data (JSON) and as a PDF.

    tables = report_tables(report, "da")
    write_csv(report, path, language="da")
    write_pdf(report, path, language="da", title="Gellerup", progress=callback)

The PDF is drawn with matplotlib's own PDF backend (no Qt), so the central service
writes the same file; ``progress(done, total)`` is called as table rows are laid
out and pages written, and a ``progress`` that returns False stops the export.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.partners import ReferralStatus
from outreach_app.reporting import charts, labels
from outreach_app.reporting.indicators import Report

log = logging.getLogger(__name__)

Progress = Callable[[int, int], object]

A4 = (8.27, 11.69)  # inches, portrait
ROW = 0.0215  # a table row's height, as a share of the page
BOTTOM = 0.07


class ExportCancelled(Exception):
    """The progress callback asked to stop; the partial file was removed."""


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: Relative column widths (the first column takes what is left).
    widths: tuple[float, ...] = ()


_WORDS = {
    "da": {
        "report": "Rapport: vejen mod arbejde",
        "period": "Periode",
        "printed": "Udskrevet",
        "key": "Nøgletal",
        "figure": "Nøgletal",
        "value": "Værdi",
        "contacts": "Kontakter i alt",
        "unique": "Unikke borgere med kontakt",
        "first_time": "Heraf borgere med første kontakt",
        "population": "Borgere i rapporten (tilknyttet i perioden)",
        "attended": "Opfølgningssamtaler: mødt",
        "no_show": "Opfølgningssamtaler: udeblevet",
        "cancelled": "Opfølgningssamtaler: aflyst",
        "unrecorded": "Opfølgningssamtaler: fremmøde ikke registreret",
        "rate": "Fremmøde (mødt / (mødt + udeblevet))",
        "closer": "Borgere startet i virksomhedspraktik eller løntilskud",
        "median": "Dage fra første kontakt til første milepæl (median)",
        "median_n": "Borgere med første milepæl i perioden",
        "weeks": "Kontakter pr. uge",
        "week": "Uge",
        "total": "I alt",
        "milestones": "Milepæle",
        "milestone": "Milepæl",
        "active": "Aktive borgere",
        "share": "Andel",
        "started": "Startet",
        "citizens_started": "Borgere startet",
        "progression": "Progression pr. livsområde",
        "area": "Livsområde",
        "citizens": "Borgere",
        "mean": "Gns. ændring",
        "better": "Bedre",
        "same": "Uændret",
        "worse": "Dårligere",
        "distribution": "Fordeling af ændringer",
        "caseload": "Sagsstamme pr. jobkonsulent",
        "consultant": "Jobkonsulent",
        "at_end": "Ved periodens slut",
        "during": "I perioden",
        "average": "Gns. pr. dag",
        "referrals": "Henvisninger pr. partner og udfald",
        "partner": "Partner",
        "unknown": "(ukendt)",
        "none": "–",
        "page": "Side",
    },
    "en": {
        "report": "Report: the way towards work",
        "period": "Period",
        "printed": "Printed",
        "key": "Key figures",
        "figure": "Figure",
        "value": "Value",
        "contacts": "Contacts in all",
        "unique": "Unique citizens in contact",
        "first_time": "Of these, citizens with a first contact",
        "population": "Citizens in the report (assigned in the period)",
        "attended": "Follow-up meetings: attended",
        "no_show": "Follow-up meetings: no-show",
        "cancelled": "Follow-up meetings: cancelled",
        "unrecorded": "Follow-up meetings: attendance not recorded",
        "rate": "Attendance (attended / (attended + no-show))",
        "closer": "Citizens who started a work placement or wage subsidy",
        "median": "Days from first contact to first milestone (median)",
        "median_n": "Citizens with a first milestone in the period",
        "weeks": "Contacts per week",
        "week": "Week",
        "total": "Total",
        "milestones": "Milestones",
        "milestone": "Milestone",
        "active": "Active citizens",
        "share": "Share",
        "started": "Started",
        "citizens_started": "Citizens started",
        "progression": "Progression per life area",
        "area": "Life area",
        "citizens": "Citizens",
        "mean": "Mean change",
        "better": "Better",
        "same": "Same",
        "worse": "Worse",
        "distribution": "Distribution of changes",
        "caseload": "Caseload per consultant",
        "consultant": "Consultant",
        "at_end": "At the period's end",
        "during": "In the period",
        "average": "Mean per day",
        "referrals": "Referrals by partner and outcome",
        "partner": "Partner",
        "unknown": "(unknown)",
        "none": "–",
        "page": "Page",
    },
}


def word(key: str, language: str) -> str:
    return _WORDS[labels.language_of(language)][key]


# -- the tables ----------------------------------------------------------------------------


def report_tables(report: Report, language: str = "da") -> list[Table]:
    """Every table of the report, in the order of the PDF and the CSV."""
    return [
        key_figures(report, language),
        milestone_table(report, language),
        progression_table(report, language),
        week_table(report, language),
        caseload_table(report, language),
        referral_table(report, language),
    ]


def period_text(report: Report, language: str) -> str:
    first, last = report.period.first, report.period.last
    return f"{labels.short_day(first, language)} – {labels.short_day(last, language)}"


def key_figures(report: Report, language: str) -> Table:
    def w(key: str) -> str:
        return word(key, language)

    attendance, wait = report.attendance, report.time_to_milestone
    rate = attendance.rate
    rows = [
        (w("contacts"), str(report.contacts.total)),
        *(
            (f"  {labels.CONTACT_KINDS[labels.language_of(language)][k]}", str(n))
            for k, n in report.contacts.by_kind.items()
        ),
        (w("unique"), str(report.citizens.unique)),
        (w("first_time"), str(report.citizens.first_time)),
        (w("population"), str(report.citizens.population)),
        (w("attended"), str(attendance.attended)),
        (w("no_show"), str(attendance.no_show)),
        (w("cancelled"), str(attendance.cancelled)),
        (w("unrecorded"), str(attendance.unrecorded)),
        (w("rate"), labels.percent(rate, language) if rate is not None else w("none")),
        (w("closer"), str(report.closer_to_work)),
        (
            w("median"),
            labels.number(wait.median_days, language)
            if wait.median_days is not None
            else w("none"),
        ),
        (w("median_n"), str(wait.citizens)),
    ]
    return Table(w("key"), (w("figure"), w("value")), tuple(rows), (0.78, 0.22))


def week_table(report: Report, language: str) -> Table:
    names = labels.CONTACT_KINDS[labels.language_of(language)]
    headers = (word("week", language), *(names[k] for k in ContactKind), word("total", language))
    rows = tuple(
        (
            f"{w.week} ({labels.short_day(w.monday, language)})",
            *(str(w.by_kind.get(k, 0)) for k in ContactKind),
            str(w.total),
        )
        for w in report.contacts.weeks
    )
    return Table(word("weeks", language), headers, rows, (0.2, *(0.13,) * 5, 0.15))


def milestone_table(report: Report, language: str) -> Table:
    names = labels.MILESTONES[labels.language_of(language)]
    rows = tuple(
        (
            names[m.kind],
            str(m.active),
            labels.percent(m.share, language),
            str(m.started),
            str(m.citizens_started),
        )
        for m in report.milestones
    )
    headers = ("milestone", "active", "share", "started", "citizens_started")
    return Table(
        word("milestones", language),
        tuple(word(h, language) for h in headers),
        rows,
        (0.34, 0.17, 0.13, 0.13, 0.23),
    )


def progression_table(report: Report, language: str) -> Table:
    names = labels.AREAS[labels.language_of(language)]
    rows = tuple(
        (
            names[a.area],
            str(a.citizens),
            labels.signed(a.mean_change, language)
            if a.mean_change is not None
            else word("none", language),
            str(a.improved),
            str(a.unchanged),
            str(a.worsened),
            "  ".join(f"{_delta(c)}: {n}" for c, n in a.distribution.items()),
        )
        for a in report.progression
    )
    headers = ("area", "citizens", "mean", "better", "same", "worse", "distribution")
    return Table(
        word("progression", language),
        tuple(word(h, language) for h in headers),
        rows,
        (0.2, 0.1, 0.12, 0.08, 0.09, 0.1, 0.31),
    )


def _delta(change: int) -> str:
    return f"+{change}" if change > 0 else ("±0" if change == 0 else f"−{-change}")


def caseload_table(report: Report, language: str) -> Table:
    rows = tuple(
        (
            c.name or word("unknown", language),
            str(c.at_end),
            str(c.during),
            labels.number(c.average, language),
        )
        for c in report.caseload
    )
    headers = ("consultant", "at_end", "during", "average")
    return Table(
        word("caseload", language),
        tuple(word(h, language) for h in headers),
        rows,
        (0.4, 0.2, 0.2, 0.2),
    )


def referral_table(report: Report, language: str) -> Table:
    statuses = labels.REFERRAL_STATUSES[labels.language_of(language)]
    headers = (word("partner", language), *(statuses[s] for s in ReferralStatus))
    rows = tuple(
        (
            r.partner_name or word("unknown", language),
            *(str(r.by_status.get(s, 0)) for s in ReferralStatus),
            str(r.total),
        )
        for r in report.referrals
    )
    return Table(
        word("referrals", language),
        (*headers, word("total", language)),
        rows,
        (0.32, *(0.095,) * 6, 0.11),
    )


# -- CSV and plain data ----------------------------------------------------------------------


def csv_text(report: Report, language: str = "da") -> str:
    """The tables one after another, each under its title, separated by a blank line;
    ``;`` between fields and a decimal comma in Danish, as Danish Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([word("report", language)])
    writer.writerow([word("period", language), period_text(report, language)])
    for table in report_tables(report, language):
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.headers)
        writer.writerows(table.rows)
    return buffer.getvalue()


def write_csv(report: Report, path: Path, *, language: str = "da") -> None:
    """UTF-8 with a byte-order mark, so Excel reads æ, ø and å right."""
    path.write_text(csv_text(report, language), encoding="utf-8-sig", newline="")


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, with stable keys (the enums' values)."""
    return {
        "period": {"from": report.period.first.isoformat(), "to": report.period.last.isoformat()},
        "filter": {
            "contact_kinds": _values(report.filter.contact_kinds),
            "milestone_kinds": _values(report.filter.milestone_kinds),
        },
        "contacts": {
            "total": report.contacts.total,
            "by_kind": {k.value: n for k, n in report.contacts.by_kind.items()},
            "weeks": [
                {
                    "year": w.year,
                    "week": w.week,
                    "monday": w.monday.isoformat(),
                    "by_kind": {k.value: n for k, n in w.by_kind.items()},
                    "total": w.total,
                }
                for w in report.contacts.weeks
            ],
        },
        "citizens": {
            "unique": report.citizens.unique,
            "first_time": report.citizens.first_time,
            "population": report.citizens.population,
        },
        "attendance": {
            "attended": report.attendance.attended,
            "no_show": report.attendance.no_show,
            "cancelled": report.attendance.cancelled,
            "unrecorded": report.attendance.unrecorded,
            "rate": report.attendance.rate,
        },
        "milestones": [
            {
                "kind": m.kind.value,
                "active": m.active,
                "share": m.share,
                "started": m.started,
                "citizens_started": m.citizens_started,
            }
            for m in report.milestones
        ],
        "closer_to_work": report.closer_to_work,
        "progression": [
            {
                "area": a.area.value,
                "citizens": a.citizens,
                "mean_change": a.mean_change,
                "distribution": {str(c): n for c, n in a.distribution.items()},
            }
            for a in report.progression
        ],
        "caseload": [
            {
                "consultant_id": c.consultant_id,
                "name": c.name,
                "at_end": c.at_end,
                "during": c.during,
                "average": c.average,
            }
            for c in report.caseload
        ],
        "time_to_milestone": {
            "citizens": report.time_to_milestone.citizens,
            "median_days": report.time_to_milestone.median_days,
            "before_first_contact": report.time_to_milestone.before_first_contact,
        },
        "referrals": [
            {
                "partner_id": r.partner_id,
                "partner": r.partner_name,
                "by_status": {s.value: n for s, n in r.by_status.items()},
                "total": r.total,
            }
            for r in report.referrals
        ],
    }


def _values(kinds: frozenset[Any] | None) -> list[str] | None:
    return None if kinds is None else sorted(k.value for k in kinds)


# -- PDF -------------------------------------------------------------------------------------


def write_pdf(
    report: Report,
    path: Path,
    *,
    language: str = "da",
    title: str = "",
    printed_on: date | None = None,
    progress: Progress | None = None,
) -> int:
    """The report as an A4 PDF: the key figures and the charts first, then every
    table (long ones over several pages). Returns the number of pages."""
    from matplotlib import rc_context  # noqa: PLC0415 - only when a PDF is made
    from matplotlib.backends.backend_pdf import PdfPages  # noqa: PLC0415

    tables = report_tables(report, language)
    writer = _PdfWriter(
        report,
        language=language,
        title=title,
        printed_on=printed_on,
        progress=progress,
        tables=tables,
    )
    try:
        with rc_context(PDF_STYLE), PdfPages(path, metadata=writer.metadata()) as pdf:
            writer.write(pdf)
    except ExportCancelled:
        path.unlink(missing_ok=True)
        raise
    return writer.pages


#: Embedded TrueType fonts (text can be searched, copied and read by screen readers).
PDF_STYLE: Any = {"pdf.fonttype": 42, "font.family": "DejaVu Sans", "axes.titleweight": "bold"}


class _PdfWriter:
    def __init__(
        self,
        report: Report,
        *,
        language: str,
        title: str,
        printed_on: date | None,
        progress: Progress | None,
        tables: Sequence[Table],
    ) -> None:
        self.report = report
        self.language = language
        self.title = title
        self.printed_on = printed_on
        self.progress = progress
        self.tables = tables
        charts_pages = 2
        self.total = sum(max(1, len(t.rows)) for t in tables[1:]) + charts_pages
        self.done = 0
        self.pages = 0
        self.figure: Any = None  # the page tables are being written on
        self.y = 0.0  # where on it the next table goes

    def metadata(self) -> dict[str, Any]:
        return {"Title": word("report", self.language), "Creator": "outreach-app"}

    def step(self, count: int) -> None:
        self.done += count
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise ExportCancelled

    def write(self, pdf: Any) -> None:
        self.front_page(pdf)
        self.step(1)
        self.chart_page(pdf)
        self.step(1)
        for table in self.tables[1:]:
            self.flow_table(pdf, table)
        if self.figure is not None:
            self.save(pdf, self.figure)

    def new_page(self) -> Any:
        from matplotlib.figure import Figure  # noqa: PLC0415

        figure = Figure(figsize=A4)
        self.pages += 1
        figure.text(
            0.92,
            0.03,
            f"{word('page', self.language)} {self.pages}",
            ha="right",
            fontsize=8,
            color="#5c6770",
        )
        return figure

    def save(self, pdf: Any, figure: Any) -> None:
        pdf.savefig(figure)

    def front_page(self, pdf: Any) -> None:
        figure = self.new_page()
        figure.text(0.08, 0.95, word("report", self.language), fontsize=18, weight="bold")
        period = f"{word('period', self.language)}: {period_text(self.report, self.language)}"
        subtitle = f"{self.title} · {period}" if self.title else period
        figure.text(0.08, 0.925, subtitle, fontsize=11, color="#333333")
        if self.printed_on is not None:
            printed = labels.short_day(self.printed_on, self.language)
            figure.text(
                0.08,
                0.905,
                f"{word('printed', self.language)} {printed}",
                fontsize=8,
                color="#5c6770",
            )
        bottom = _draw_table(figure, self.tables[0], top=0.88, font=9.5, row_height=0.021)
        axes = figure.add_axes((0.1, 0.08, 0.85, min(0.3, bottom - 0.14)))
        charts.contacts_per_week(axes, self.report, self.language)
        self.save(pdf, figure)

    def chart_page(self, pdf: Any) -> None:
        figure = self.new_page()
        top = figure.add_axes((0.36, 0.57, 0.58, 0.36))
        charts.milestones(top, self.report, self.language)
        bottom = figure.add_axes((0.36, 0.1, 0.58, 0.36))
        charts.progression(bottom, self.report, self.language)
        self.save(pdf, figure)

    def flow_table(self, pdf: Any, table: Table) -> None:
        """Tables follow each other down the pages; a long one goes on over the next
        page under its title again. A table never starts with fewer than four rows'
        room left."""
        rows = table.rows or ((word("none", self.language),),)
        start = 0
        while start < len(rows):
            room = int((self.y - BOTTOM) / ROW) - 3 if self.figure is not None else 0
            if room < min(4, len(rows) - start):
                self.turn_page(pdf)
                room = int((self.y - BOTTOM) / ROW) - 3
            chunk = rows[start : start + room]
            part = Table(table.title, table.headers, chunk, table.widths)
            self.y = _draw_table(self.figure, part, top=self.y, font=8.5, row_height=ROW)
            self.y -= ROW
            start += len(chunk)
            self.step(len(chunk) if table.rows else 1)

    def turn_page(self, pdf: Any) -> None:
        if self.figure is not None:
            self.save(pdf, self.figure)
        self.figure = self.new_page()
        self.y = 0.93


def _draw_table(figure: Any, table: Table, *, top: float, font: float, row_height: float) -> float:
    """Write the table as text on the page from ``top`` down; returns where it ended."""
    left, width = 0.08, 0.84
    widths = table.widths or (1 / len(table.headers),) * len(table.headers)
    scale = width / sum(widths)
    xs = [left]
    for w in widths[:-1]:
        xs.append(xs[-1] + w * scale)
    figure.text(left, top, table.title, fontsize=font + 3, weight="bold")
    y = top - row_height * 1.5
    _row(figure, table.headers, xs=xs, widths=widths, scale=scale, y=y, font=font, bold=True)
    y -= row_height * 0.45
    figure.add_artist(_rule(figure, left, left + width, y))
    for row in table.rows:
        y -= row_height
        _row(figure, row, xs=xs, widths=widths, scale=scale, y=y, font=font, bold=False)
    return y - row_height


def _row(
    figure: Any,
    cells: Sequence[str],
    *,
    xs: Sequence[float],
    widths: Sequence[float],
    scale: float,
    y: float,
    font: float,
    bold: bool,
) -> None:
    for index, cell in enumerate(cells):
        if index >= len(xs):
            break
        room = widths[index] * scale * A4[0] * 72  # points
        figure.text(
            xs[index],
            y,
            _fit(cell, room, font, bold=bold),
            fontsize=font,
            weight="bold" if bold else "normal",
        )


def _fit(text: str, room_points: float, font: float, *, bold: bool = False) -> str:
    """Cut a cell's text to its column (DejaVu Sans is about 0.6 em wide a letter,
    bold about 0.7), leaving a letter's gap to the next column."""
    most = max(3, int(room_points / (font * (0.7 if bold else 0.6))) - 1)
    return text if len(text) <= most else text[: most - 1] + "…"


def _rule(figure: Any, x0: float, x1: float, y: float) -> Any:
    from matplotlib.lines import Line2D  # noqa: PLC0415

    return Line2D([x0, x1], [y, y], transform=figure.transFigure, color="#b3c1ca", linewidth=0.6)
