"""Everything a widget tree shows as text, to check what a bystander could read."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)  # Qt hides their tree API
    columns = 1 if isinstance(model, QAbstractListModel) else max(1, model.columnCount(parent))
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in ROLES:
                value = model.data(index, role)
                if value:
                    yield str(value)
            if not flat and model.hasChildren(index):
                yield from model_texts(model, index)


def widget_texts(widget: QWidget) -> Iterator[str]:
    """Text of ``widget`` and every child, visible or not (hidden text can be shown)."""
    for child in [widget, *widget.findChildren(QWidget)]:
        yield from _own_texts(child)


def _own_texts(child: QWidget) -> Iterator[str]:
    yield child.windowTitle()
    yield child.toolTip()
    if isinstance(child, QLabel | QAbstractButton | QLineEdit):
        yield child.text()
    elif isinstance(child, QPlainTextEdit | QTextEdit):
        yield child.toPlainText()
    elif isinstance(child, QComboBox):
        yield from (child.itemText(i) for i in range(child.count()))
    elif isinstance(child, QTabWidget):
        yield from (child.tabText(i) for i in range(child.count()))
    if isinstance(child, QAbstractItemView) and child.model() is not None:
        yield from model_texts(child.model())


def shown_text(widget: QWidget) -> str:
    return "\n".join(t for t in widget_texts(widget) if t)
