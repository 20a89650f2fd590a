"""The Qt binding itself: a regression guard for a fault that took down the program."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_reference_to_none(qapp: object) -> None:
    """PySide6 6.12.0 released a reference to None on every void call under Python
    3.11; after a few thousand calls the interpreter aborted ('deallocating None')."""
    label = QLabel("x")
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("y")
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) >= before - 50
