"""Entering a new passphrase: two fields, a live strength meter and a does-it-match hint.

Used by the first-run wizard and by the recovery dialog. The score comes from
services.accounts.passphrase_strength so the meter and the service's rule never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from intake_desktop.services.accounts import MIN_PASSPHRASE_LENGTH, passphrase_strength
from intake_desktop.ui.labels import strength_label

# Red, orange, yellow-green, green, dark green: readable on light and dark backgrounds.
_STRENGTH_COLOURS = ("#c0392b", "#e67e22", "#b7950b", "#27ae60", "#1e8449")


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class StrengthMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.caption)
        self.score = 0
        self.show_score("")

    def show_score(self, passphrase: str) -> int:
        self.score = passphrase_strength(passphrase)
        # An empty bar would hide the red warning for a weak passphrase: show one notch.
        self.bar.setValue(max(self.score, 1 if passphrase else 0))
        colour = _STRENGTH_COLOURS[self.score]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if passphrase:
            self.caption.setText(self.tr("Strength: {label}").format(label=strength_label(self.score)))
        else:
            self.caption.setText(
                self.tr("At least {count} characters; a few unrelated words are easy to remember.")
                .format(count=MIN_PASSPHRASE_LENGTH)
            )
        return self.score


class NewPassphraseFields(QObject):
    """The widgets of a new-passphrase entry; `add_rows` puts them into the caller's form, so
    their labels line up with the form's other labels."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.passphrase = password_field()
        self.repeat = password_field()
        self.meter = StrengthMeter()
        self.match_hint = QLabel()
        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self._update()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow("", self.meter)
        form.addRow(self.tr("Repeat passphrase:"), self.repeat)
        form.addRow("", self.match_hint)

    def set_enabled(self, enabled: bool) -> None:
        self.passphrase.setEnabled(enabled)
        self.repeat.setEnabled(enabled)

    def _update(self) -> None:
        self.meter.show_score(self.passphrase.text())
        if not self.repeat.text():
            self.match_hint.setText("")
        elif self.passphrases_match():
            self.match_hint.setText(self.tr("The passphrases match."))
        else:
            self.match_hint.setText(self.tr("The passphrases do not match yet."))
        self.changed.emit()

    def passphrases_match(self) -> bool:
        return self.passphrase.text() == self.repeat.text()

    def is_acceptable(self) -> bool:
        return self.meter.score > 0 and self.passphrases_match()

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
