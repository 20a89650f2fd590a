"""The program's look: calm colours, readable type, clear focus. Sizes are in
points and ems so the screens scale to 200 %."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

ACCENT = "#1f5f7a"
ACCENT_LIGHT = "#e3eef3"
ERROR = "#a4161a"
MUTED = "#5c6770"

STYLE = f"""
QWidget {{ font-size: 10.5pt; }}
QLabel#h1 {{ font-size: 15pt; font-weight: bold; margin: 4px 0 6px 0; }}
QLabel#h2 {{ font-size: 12pt; font-weight: bold; margin: 6px 0 2px 0; }}
QLabel#error {{ color: {ERROR}; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#badge {{ background: {ACCENT_LIGHT}; color: {ACCENT}; border-radius: 6px;
               padding: 1px 8px; }}
QLabel#warning {{ background: #fff4d6; color: #6b4e00; border-radius: 6px; padding: 4px 8px; }}
QListWidget#nav {{ background: {ACCENT}; color: white; border: none; outline: none;
                   font-size: 11pt; padding-top: 8px; }}
QListWidget#nav::item {{ padding: 9px 14px; border-left: 4px solid transparent; }}
QListWidget#nav::item:selected {{ background: #174a5f; border-left: 4px solid #f2c14e;
                                  color: white; }}
QListWidget#nav::item:hover {{ background: #236a88; }}
QFrame#card {{ background: white; border: 1px solid #d5dde2; border-radius: 8px; }}
QPushButton {{ padding: 5px 12px; }}
QPushButton:default {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT};
                       border-radius: 4px; }}
QPushButton:default:disabled {{ background: #9bb3bf; border-color: #9bb3bf; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QLineEdit#search {{ padding: 6px 8px; font-size: 11.5pt; }}
QTabBar::tab {{ padding: 6px 14px; }}
QScrollBar:vertical {{ background: #eef2f4; width: 0.9em; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: #eef2f4; height: 0.9em; margin: 0; border: none; }}
QScrollBar::handle:vertical {{ background: #b3c1ca; border-radius: 4px; min-height: 2em;
                               margin: 2px; }}
QScrollBar::handle:horizontal {{ background: #b3c1ca; border-radius: 4px; min-width: 2em;
                                 margin: 2px; }}
QScrollBar::handle:hover {{ background: #8fa3b0; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
