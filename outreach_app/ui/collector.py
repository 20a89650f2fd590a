"""Python's cycle collector, run on the GUI thread only.

The collector normally runs in whichever thread happens to allocate; if it frees a
reference cycle that holds a Qt object while a worker thread is running, Qt deletes
that object on the wrong thread and the program crashes. So automatic collection is
switched off and a timer on the GUI thread collects instead, generation by
generation, as often as Python would."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
