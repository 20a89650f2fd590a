"""The citizen's printout, "Det aftalte": a preview, then print or save as PDF.

The page is made by outreach_app.reporting.printout on the session's worker (as a
PNG for the preview and the printer, or as a PDF file), so the dialog never waits.
Printing or saving is an access-log event; only looking at the preview is not.
Everything works offline: the printer is whatever the computer has, or a PDF file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.ids import CitizenId
from outreach_app.ui.errors import describe
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, muted

log = logging.getLogger(__name__)

PREVIEW_DPI = 80
PRINT_DPI = 200


def load_printout(ws: Any, citizen_id: str) -> tuple[Any, bytes]:
    """The printout's data and its preview image (on the worker)."""
    from outreach_app.reporting.printout import printout_png  # noqa: PLC0415
    from outreach_app.services.reports import ReportService  # noqa: PLC0415

    data = ReportService(ws).printout(CitizenId(citizen_id))
    return data, printout_png(data, dpi=PREVIEW_DPI)


class PrintoutDialog(QDialog):
    """Preview of "Det aftalte" for one citizen, with Print and Save as PDF."""

    loaded = Signal()
    completed = Signal(str)  # "printer" or the PDF's path

    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.citizen_id = citizen_id
        self.data: Any = None
        self.setWindowTitle(self.tr("Det aftalte – udskrift til borgeren"))
        self.preview = QLabel(self.tr("Henter …"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Forhåndsvisning af udskriften"))
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumSize(560, 640)
        self.error = ErrorLabel()
        self.print_button = QPushButton(self.tr("Udskriv …"))
        self.print_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("Gem som PDF …"))
        close = QPushButton(self.tr("Luk"))
        self.print_button.clicked.connect(self.ask_print)
        self.pdf_button.clicked.connect(self.ask_pdf)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                self.tr(
                    "Kun planen, aktiviteterne, næste møde og dine kontaktoplysninger kommer med. "
                    "Udskriften logges."
                )
            )
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._enable(False)
        session.locked.connect(self.reject)
        session.run(lambda ws: load_printout(ws, citizen_id), done=self._loaded, error=self._failed)

    def _enable(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.pdf_button.setEnabled(on)

    def _loaded(self, result: tuple[Any, bytes]) -> None:
        self.data, png = result
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.preview.setPixmap(pixmap)
        self._enable(True)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(describe(error))
        self._enable(self.data is not None)

    # -- save as PDF -------------------------------------------------------------------

    def ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Gem som PDF"), self.tr("det-aftalte.pdf"), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        data, citizen_id = self.data, self.citizen_id
        if data is None:
            return
        self._enable(False)

        def write(ws: Any) -> str:
            from outreach_app.reporting.printout import write_printout_pdf  # noqa: PLC0415
            from outreach_app.services.reports import ReportService  # noqa: PLC0415

            write_printout_pdf(data, path)
            ReportService(ws).log_printout(CitizenId(citizen_id), how="pdf")
            return str(path)

        self.session.run(write, done=self._done, error=self._failed)

    # -- print -------------------------------------------------------------------------

    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Udskriv det aftalte"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_on(printer)

    def print_on(self, printer: QPrinter) -> None:
        """Render the page at print resolution on the worker, then paint it."""
        data, citizen_id = self.data, self.citizen_id
        if data is None:
            return
        self._enable(False)

        def render(ws: Any) -> bytes:
            from outreach_app.reporting.printout import printout_png  # noqa: PLC0415
            from outreach_app.services.reports import ReportService  # noqa: PLC0415

            png = printout_png(data, dpi=PRINT_DPI)
            ReportService(ws).log_printout(CitizenId(citizen_id), how="printer")
            return png

        self.session.run(render, done=lambda png: self._paint(printer, png), error=self._failed)

    def _paint(self, printer: QPrinter, png: bytes) -> None:
        image = QImage.fromData(png)
        painter = QPainter()
        if not painter.begin(printer):
            self._failed(RuntimeError(self.tr("Printeren kunne ikke startes.")))
            return
        try:
            page = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            size = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
        finally:
            painter.end()
        self._done("printer")

    def _done(self, what: str) -> None:
        self._enable(True)
        self.completed.emit(what)
