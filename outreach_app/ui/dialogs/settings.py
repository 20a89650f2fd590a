"""Settings: language, lock after idle time, discreet mode at start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from outreach_app.ui.settings import UiSettings, load, save
from outreach_app.ui.widgets import muted


class SettingsDialog(QDialog):
    """Changes take effect at once, except the language (at the next start)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Indstillinger"))
        self.settings = load()
        self.language = QComboBox()
        self.language.addItem("Dansk", "da")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.idle = QSpinBox(minimum=1, maximum=120, suffix=self.tr(" min."))
        self.idle.setValue(self.settings.idle_minutes)
        self.discreet = QCheckBox(self.tr("Start i diskret visning"))
        self.discreet.setChecked(self.settings.discreet_on_start)
        form = QFormLayout()
        form.addRow(self.tr("Sprog:"), self.language)
        form.addRow("", muted(self.tr("Sproget skiftes, næste gang programmet starter.")))
        form.addRow(self.tr("Lås efter inaktivitet:"), self.idle)
        form.addRow("", self.discreet)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> UiSettings:
        return UiSettings(
            language=str(self.language.currentData()),
            idle_minutes=self.idle.value(),
            discreet_on_start=self.discreet.isChecked(),
            last_profile=self.settings.last_profile,
        )

    def accept(self) -> None:
        save(self.chosen())
        super().accept()
