"""Charts on screen: matplotlib's Qt canvas, drawn by the same functions as the PDF.

This module imports matplotlib, so the pages import it only when a chart is first
shown (never at start-up); ``preload`` imports it on the session's worker before
that, so the GUI thread does not wait for the import.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

Draw = Callable[[Any, str], None]


def preload() -> None:
    """Import what the charts need (run on a worker thread)."""
    import outreach_app.reporting.charts  # noqa: F401, PLC0415


def ui_language() -> str:
    """'da' or 'en', as the program's translations were installed."""
    return "en" if QLocale().language() == QLocale.Language.English else "da"


class Chart(QWidget):
    """One matplotlib figure on a Qt canvas; ``show_drawing`` redraws it."""

    def __init__(
        self, *, width: float = 6.0, height: float = 3.2, name: str = "", parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.figure = Figure(figsize=(width, height), layout="constrained")
        self.figure.set_facecolor("white")
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(int(height * 60))
        self.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def show_drawing(self, draw: Draw) -> None:
        self.figure.clear()
        axes = self.figure.add_subplot()
        draw(axes, ui_language())
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]

    def clear(self) -> None:
        self.figure.clear()
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
