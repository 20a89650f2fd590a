"""The Rapporter page: the office's progress with the consultant's own citizens.

A period (this quarter unless chosen otherwise) and filters; the key figures in a
table; charts of contacts per week, milestones and progression; the caseload and
referrals; export to CSV and PDF. The figures are computed on the session's worker;
the PDF is drawn on a thread of its own with a progress bar, so the window never
waits. matplotlib is imported on the worker when the page first loads, never at
start-up. A report names no citizen: only consultants and partners.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import local_today
from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.milestones import MilestoneKind
from outreach_app.domain.partners import ReferralStatus
from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.dialogs.milestone import milestone_label
from outreach_app.ui.dialogs.score import area_label
from outreach_app.ui.errors import describe
from outreach_app.ui.models import kind_label
from outreach_app.ui.pages.case import referral_label
from outreach_app.ui.pages.note import fmt_date
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading, muted

if TYPE_CHECKING:
    from outreach_app.reporting.indicators import Period, Report, ReportFilter

log = logging.getLogger(__name__)

PRESETS = ("month", "quarter", "year", "last_quarter", "custom")


@dataclass(frozen=True)
class ReportView:
    """A computed report and the words for its PDF's title."""

    report: Report
    office: str
    consultant: str


def load_report(ws: Any, period: Period, filters: ReportFilter) -> ReportView:
    """Compute the report (runs on the session's worker)."""
    from outreach_app.services.reports import ReportService  # noqa: PLC0415
    from outreach_app.ui.charts import preload  # noqa: PLC0415 - matplotlib, off the GUI thread

    preload()
    report = ReportService(ws).report(period, filters=filters)
    return ReportView(report, ws.office().name, ws.me().name)


def period_for(preset: str, today: date, first: date, last: date) -> Period:
    from outreach_app.reporting.indicators import Period  # noqa: PLC0415

    if preset == "month":
        return Period.month_of(today)
    if preset == "year":
        return Period.year_of(today)
    if preset == "last_quarter":
        start = Period.quarter_of(today).first
        return Period.quarter_of(date.fromordinal(start.toordinal() - 1))
    if preset == "custom":
        return Period(min(first, last), max(first, last))
    return Period.quarter_of(today)


def percent(value: float | None) -> str:
    if value is None:
        return "–"
    from PySide6.QtCore import QLocale  # noqa: PLC0415

    return QLocale().toString(value * 100, "f", 1) + " %"


def decimal(value: float | None, *, signed: bool = False) -> str:
    if value is None:
        return "–"
    from PySide6.QtCore import QLocale  # noqa: PLC0415

    text = QLocale().toString(abs(value) if signed else value, "f", 1)
    if not signed:
        return text
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


class _PdfJob(QObject):
    """Writes the PDF on a thread of its own; progress and the outcome come back as
    queued signals."""

    progress = Signal(int, int)
    finished = Signal(object)  # None, or the error

    def __init__(self, view: ReportView, path: Path, language: str) -> None:
        super().__init__()
        self.view = view
        self.path = path
        self.language = language
        self.cancelled = False

    def start(self) -> None:
        threading.Thread(target=self._run, name="report-pdf", daemon=True).start()

    def _run(self) -> None:
        from outreach_app.reporting.export import write_pdf  # noqa: PLC0415

        def progress(done: int, total: int) -> bool:
            self.progress.emit(done, total)
            return not self.cancelled

        try:
            write_pdf(
                self.view.report,
                self.path,
                language=self.language,
                title=f"{self.view.office} · {self.view.consultant}",
                printed_on=date.today(),
                progress=progress,
            )
        except Exception as error:  # reported on the GUI thread
            error.__traceback__ = None
            self.finished.emit(error)
        else:
            self.finished.emit(None)


class ReportsPage(Page):
    name = "reports"
    kinds = frozenset({"all", "agenda", "notes", "case", "citizens", "referrals", "consents"})

    report_loaded = Signal()
    exported = Signal(str)  # the file's path

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self.view: ReportView | None = None
        self.job: _PdfJob | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.charts: dict[str, Any] = {}
        self._stale = True
        self._build()

    def title(self) -> str:
        return self.tr("Rapporter")

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 12)
        layout.addWidget(heading(self.title()))
        layout.addLayout(self._controls())
        self.summary = muted("")
        self.error = ErrorLabel()
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._key_table())
        self.tabs = QTabWidget()
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])
        layout.addWidget(splitter, 1)
        self.caseload = _table(
            [
                self.tr("Jobkonsulent"),
                self.tr("Ved periodens slut"),
                self.tr("I perioden"),
                self.tr("Gns. pr. dag"),
            ],
            self.tr("Sagsstamme"),
        )
        self.referrals = _table(
            [self.tr("Partner"), *(referral_label(s) for s in ReferralStatus), self.tr("I alt")],
            self.tr("Henvisninger"),
        )
        self.chart_tabs = {
            "contacts": self.tr("Kontakter pr. uge"),
            "milestones": self.tr("Milepæle"),
            "progression": self.tr("Progression"),
        }
        for key, label in self.chart_tabs.items():
            holder = QWidget()
            holder.setObjectName(key)
            QVBoxLayout(holder)
            self.tabs.addTab(holder, label)
        self.tabs.addTab(self.caseload, self.tr("Sagsstamme"))
        self.tabs.addTab(self.referrals, self.tr("Henvisninger"))

    def _controls(self) -> QHBoxLayout:
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Periode"))
        names = {
            "month": self.tr("Denne måned"),
            "quarter": self.tr("Dette kvartal"),
            "year": self.tr("Dette år"),
            "last_quarter": self.tr("Sidste kvartal"),
            "custom": self.tr("Selvvalgt periode"),
        }
        for key in PRESETS:
            self.preset.addItem(names[key], key)
        self.preset.setCurrentIndex(PRESETS.index("quarter"))
        self.first = _date_edit(self.tr("Fra dato"))
        self.last = _date_edit(self.tr("Til dato"))
        self.contact_kind = QComboBox()
        self.contact_kind.setAccessibleName(self.tr("Kontaktform"))
        self.contact_kind.addItem(self.tr("Alle kontaktformer"), None)
        for kind in ContactKind:
            self.contact_kind.addItem(kind_label(kind.value), kind.value)
        self.milestone = QComboBox()
        self.milestone.setAccessibleName(self.tr("Milepæl"))
        self.milestone.addItem(self.tr("Alle milepæle"), None)
        for milestone in MilestoneKind:
            self.milestone.addItem(milestone_label(milestone), milestone.value)
        self.csv_button = QPushButton(self.tr("Eksportér CSV …"))
        self.pdf_button = QPushButton(self.tr("Eksportér PDF …"))
        self.csv_button.clicked.connect(self.ask_csv)
        self.pdf_button.clicked.connect(self.ask_pdf)
        for widget in (self.preset, self.contact_kind, self.milestone):
            widget.currentIndexChanged.connect(self._criteria_changed)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._criteria_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Periode:")))
        for control in (self.preset, self.first, self.last):
            row.addWidget(control)
        row.addSpacing(12)
        row.addWidget(self.contact_kind)
        row.addWidget(self.milestone)
        row.addStretch(1)
        row.addWidget(self.csv_button)
        row.addWidget(self.pdf_button)
        self._set_buttons(False)
        return row

    def _key_table(self) -> QTableWidget:
        self.key = _table([self.tr("Nøgletal"), self.tr("Værdi")], self.tr("Nøgletal"), stretch=0)
        return self.key

    # -- loading -----------------------------------------------------------------------

    def criteria(self) -> tuple[Period, ReportFilter]:
        from outreach_app.reporting.indicators import ReportFilter  # noqa: PLC0415

        today = self._today()
        period = period_for(
            str(self.preset.currentData()), today, _day(self.first.date()), _day(self.last.date())
        )
        kind, milestone = self.contact_kind.currentData(), self.milestone.currentData()
        filters = ReportFilter(
            contact_kinds=frozenset({ContactKind(kind)}) if kind else None,
            milestone_kinds=frozenset({MilestoneKind(milestone)}) if milestone else None,
        )
        return period, filters

    def _today(self) -> date:
        workspace = self.session.workspace
        return local_today(workspace.clock) if workspace is not None else date.today()

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self.session.is_locked:
            return
        period, filters = self.criteria()
        self._show_period(period)
        self.session.run(
            lambda ws: load_report(ws, period, filters),
            done=self._loaded,
            error=self._failed,
            key="report",
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _criteria_changed(self, *_args: object) -> None:
        custom = self.preset.currentData() == "custom"
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        self.refresh()

    def _show_period(self, period: Period) -> None:
        custom = self.preset.currentData() == "custom"
        for edit, day in ((self.first, period.first), (self.last, period.last)):
            if not custom:
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
            edit.setEnabled(custom)

    def _loaded(self, view: ReportView) -> None:
        if self.session.is_locked:
            return
        self.view = view
        self.error.clear()
        self.redraw()
        self._set_buttons(True)
        self.report_loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(describe(error))

    # -- showing -----------------------------------------------------------------------

    def redraw(self) -> None:
        if self.view is None:
            return
        report = self.view.report
        self.summary.setText(
            self.tr("%s – %s · %s borgere tilknyttet i perioden")
            % (
                fmt_date(report.period.first),
                fmt_date(report.period.last),
                report.citizens.population,
            )
        )
        _fill(self.key, self.key_rows(report))
        _fill(
            self.caseload,
            [
                (c.name or "–", str(c.at_end), str(c.during), decimal(c.average))
                for c in report.caseload
            ],
        )
        _fill(
            self.referrals,
            [
                (
                    r.partner_name or "–",
                    *(str(r.by_status[s]) for s in ReferralStatus),
                    str(r.total),
                )
                for r in report.referrals
            ],
        )
        self._draw_charts(report)

    def key_rows(self, report: Report) -> list[tuple[str, str]]:
        attendance, wait = report.attendance, report.time_to_milestone
        rows = [
            (self.tr("Kontakter i alt"), str(report.contacts.total)),
            *((f"    {kind_label(k.value)}", str(n)) for k, n in report.contacts.by_kind.items()),
            (self.tr("Unikke borgere med kontakt"), str(report.citizens.unique)),
            (self.tr("Heraf med første kontakt"), str(report.citizens.first_time)),
            (self.tr("Opfølgningssamtaler: mødt"), str(attendance.attended)),
            (self.tr("Opfølgningssamtaler: udeblevet"), str(attendance.no_show)),
            (self.tr("Opfølgningssamtaler: aflyst"), str(attendance.cancelled)),
            (self.tr("Fremmøde"), percent(attendance.rate)),
            (self.tr("Startet i praktik eller løntilskud"), str(report.closer_to_work)),
        ]
        rows += [
            (self.tr("Aktive i %s") % milestone_label(m.kind), f"{m.active} ({percent(m.share)})")
            for m in report.milestones
            if m.active or m.kind in _ALWAYS
        ]
        rows += [
            (
                self.tr("Ændring i %s (%n borgere)", "", a.citizens) % area_label(a.area),
                decimal(a.mean_change, signed=True),
            )
            for a in report.progression
            if a.citizens
        ]
        rows.append((self.tr("Dage til første milepæl (median)"), decimal(wait.median_days)))
        return rows

    def _draw_charts(self, report: Report) -> None:
        from outreach_app.reporting import charts as drawings  # noqa: PLC0415
        from outreach_app.ui.charts import Chart  # noqa: PLC0415

        drawers = {
            "contacts": drawings.contacts_per_week,
            "milestones": drawings.milestones,
            "progression": drawings.progression,
        }
        for key, draw in drawers.items():
            chart = self.charts.get(key)
            if chart is None:
                chart = Chart(name=self.chart_tabs[key])
                self.charts[key] = chart
                holder = self.tabs.findChild(QWidget, key)
                if holder is not None and holder.layout() is not None:
                    holder.layout().addWidget(chart)  # type: ignore[union-attr]
            chart.show_drawing(_drawing(draw, report))

    def _set_buttons(self, on: bool) -> None:
        self.csv_button.setEnabled(on)
        self.pdf_button.setEnabled(on)

    # -- export ------------------------------------------------------------------------

    def ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Eksportér rapport som CSV"), "rapport.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Eksportér rapport som PDF"), "rapport.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_pdf(Path(path))

    def export_csv(self, path: Path) -> None:
        if self.view is None:
            return
        report = self.view.report
        from outreach_app.ui.charts import ui_language  # noqa: PLC0415

        language = ui_language()

        def write(ws: Any) -> str:
            from outreach_app.reporting.export import write_csv  # noqa: PLC0415
            from outreach_app.services.reports import ReportService  # noqa: PLC0415

            write_csv(report, path, language=language)
            ReportService(ws).log_export(report.period, what="csv")
            return str(path)

        self.session.run(write, done=self._exported, error=self._failed)

    def export_pdf(self, path: Path) -> None:
        """Write the PDF on its own thread, with a progress bar that can stop it."""
        if self.view is None or self.job is not None:
            return
        from outreach_app.ui.charts import ui_language  # noqa: PLC0415

        self.job = _PdfJob(self.view, path, ui_language())
        dialog = QProgressDialog(self.tr("Laver PDF …"), self.tr("Annullér"), 0, 100, self)
        dialog.setWindowTitle(self.tr("Eksportér rapport"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._cancel_pdf)
        self.progress_dialog = dialog
        self.job.progress.connect(self._pdf_progress)
        self.job.finished.connect(self._pdf_done)
        self._set_buttons(False)
        dialog.open()
        self.job.start()

    def _pdf_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(min(done, total - 1))

    def _cancel_pdf(self) -> None:
        if self.job is not None:
            self.job.cancelled = True

    def _pdf_done(self, error: BaseException | None) -> None:
        job, self.job = self.job, None
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self._cancel_pdf)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self._set_buttons(self.view is not None)
        if job is None:
            return
        if error is not None:
            if job.cancelled:
                self.nav.say(self.tr("PDF'en blev ikke lavet."))
            else:
                self._failed(error)
            return
        period = job.view.report.period
        self.session.run(
            lambda ws: _log_export(ws, period, "pdf"),
            done=lambda _: self._exported(str(job.path)),
            error=self._failed,
        )

    def _exported(self, path: str) -> None:
        self.nav.say(self.tr("Rapporten er gemt: %s") % Path(path).name)
        self.exported.emit(path)

    # -- privacy -----------------------------------------------------------------------

    def clear(self) -> None:
        self.view = None
        self.summary.clear()
        self.error.clear()
        for table in (self.key, self.caseload, self.referrals):
            table.setRowCount(0)
        for chart in self.charts.values():
            chart.clear()
        self._set_buttons(False)
        self._stale = True


_ALWAYS = frozenset({MilestoneKind.VIRKSOMHEDSPRAKTIK, MilestoneKind.LOENTILSKUD})


def _drawing(draw: Any, report: Report) -> Any:
    def on(ax: Any, language: str) -> None:
        draw(ax, report, language)

    return on


def _log_export(ws: Any, period: Period, what: str) -> None:
    from outreach_app.services.reports import ReportService  # noqa: PLC0415

    ReportService(ws).log_export(period, what=what)


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    edit.setEnabled(False)
    return edit


def _table(headers: list[str], name: str, *, stretch: int = 0) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
