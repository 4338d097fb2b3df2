"""Per-user settings (QSettings, an INI file in the user's config folder) and their dialog.

Only preferences live here, never personal data: the idle timeout and the UI language.
A language change applies at the next start (the dialog says so): retranslating every open
window live would add a lot of code for something done once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from intake_desktop.paths import settings_dir
from intake_desktop.ui.i18n import DEFAULT_LANGUAGE, normalise_language

IDLE_MINUTES_DEFAULT = 10
IDLE_MINUTES_MIN = 1
IDLE_MINUTES_MAX = 60
# Shown in their own language whatever the UI language is, so anyone can find theirs.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}


class AppSettings:
    def __init__(self, path: Path | None = None) -> None:
        path = Path(path) if path else settings_dir() / "settings.ini"
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def idle_minutes(self) -> int:
        try:
            value = int(self._store.value("lock/idle_minutes", IDLE_MINUTES_DEFAULT))
        except (TypeError, ValueError):
            value = IDLE_MINUTES_DEFAULT
        return max(IDLE_MINUTES_MIN, min(IDLE_MINUTES_MAX, value))

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._store.setValue("lock/idle_minutes", max(IDLE_MINUTES_MIN, min(IDLE_MINUTES_MAX, int(minutes))))
        self._store.sync()

    @property
    def language(self) -> str:
        return normalise_language(str(self._store.value("ui/language", DEFAULT_LANGUAGE)))

    @language.setter
    def language(self, language: str) -> None:
        self._store.setValue("ui/language", normalise_language(language))
        self._store.sync()


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(380)

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(IDLE_MINUTES_MIN, IDLE_MINUTES_MAX)
        self.idle_minutes.setValue(settings.idle_minutes)
        self.idle_minutes.setSuffix(self.tr(" min"))

        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        restart_note = QLabel(self.tr("A new language is used from the next start."))
        restart_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Lock after inactivity:"), self.idle_minutes)
        form.addRow(self.tr("Language:"), self.language)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(restart_note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self._settings.idle_minutes = self.idle_minutes.value()
        self._settings.language = self.language.currentData()
        super().accept()
