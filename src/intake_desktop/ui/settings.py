"""Per-user settings (QSettings, an INI file in the user's config folder) and their dialog.

Only preferences live here, never personal data: the idle timeout, the UI language and the
font size. A language change applies at the next start (the dialog says so): retranslating
every open window live would add a lot of code for something done once. The font size applies
at once (ui/font_size.py), because someone who needs larger text needs it now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from intake_desktop.paths import settings_dir
from intake_desktop.ui.font_size import FONT_POINTS_MAX, FONT_POINTS_MIN, SYSTEM_DEFAULT
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
        self.path = path  # other preference groups (e.g. backups) live in the same file

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

    @property
    def font_points(self) -> int:
        """Application font size in points; 0 keeps the platform's size."""
        try:
            value = int(self._store.value("ui/font_points", SYSTEM_DEFAULT))
        except (TypeError, ValueError):
            return SYSTEM_DEFAULT
        return value if FONT_POINTS_MIN <= value <= FONT_POINTS_MAX else SYSTEM_DEFAULT

    @font_points.setter
    def font_points(self, points: int) -> None:
        points = int(points)
        if points and not FONT_POINTS_MIN <= points <= FONT_POINTS_MAX:
            points = max(FONT_POINTS_MIN, min(FONT_POINTS_MAX, points))
        self._store.setValue("ui/font_points", points)
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

        # The spin box's lowest value stands for "the system's size" (shown as text).
        self.font_points = QSpinBox()
        self.font_points.setRange(FONT_POINTS_MIN - 1, FONT_POINTS_MAX)
        self.font_points.setSpecialValueText(self.tr("System default"))
        self.font_points.setSuffix(self.tr(" pt"))
        self.font_points.setValue(settings.font_points or FONT_POINTS_MIN - 1)
        self.font_points.setAccessibleName(self.tr("Text size"))

        restart_note = QLabel(self.tr("A new language is used from the next start."))
        restart_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Lock after inactivity:"), self.idle_minutes)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Text size:"), self.font_points)

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
        points = self.font_points.value()
        self._settings.font_points = SYSTEM_DEFAULT if points < FONT_POINTS_MIN else points
        super().accept()
