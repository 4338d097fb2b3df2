"""Entering a new passphrase: two fields, a live strength meter and a does-it-match hint.

Used by the first-run wizard, the accounts screens and the recovery dialog. The estimate comes
from services/passphrases.py, the same one the services enforce, so the meter and the rule never
disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from intake_desktop.services.passphrases import MIN_PASSPHRASE_LENGTH, MSG_RULE, estimate
from intake_desktop.ui.labels import strength_label

translate = QCoreApplication.translate

# Red, orange, yellow-green, green, dark green: readable on light and dark backgrounds.
_STRENGTH_COLOURS = ("#c0392b", "#e67e22", "#b7950b", "#27ae60", "#1e8449")


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class StrengthMeter(QWidget):
    """A bar and, until the rule is met, the rule and what is still missing (it never
    disappears when typing starts); then the strength."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.caption)
        self.score = 0
        self.strength = estimate("")
        self.show_score("")

    def show_score(self, passphrase: str, user_inputs=()) -> int:
        self.strength = estimate(passphrase, user_inputs)
        self.score = self.strength.score
        # An empty bar would hide the red warning for a weak passphrase: show one notch.
        self.bar.setValue(max(self.score, 1 if passphrase else 0))
        colour = _STRENGTH_COLOURS[self.score]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if not passphrase:
            self.caption.setText(translate("Passphrase", MSG_RULE).format(count=MIN_PASSPHRASE_LENGTH))
        elif self.strength.problems:
            lines = [self.tr("Strength: {label}").format(label=strength_label(self.score))]
            lines += [translate("Passphrase", problem).format(count=MIN_PASSPHRASE_LENGTH,
                                                              missing=self.strength.missing)
                      for problem in self.strength.problems]
            self.caption.setText("\n".join(lines))
        else:
            self.caption.setText(self.tr("Strength: {label}").format(label=strength_label(self.score)))
        self.caption.setStyleSheet("color: #b03a2e;" if passphrase and self.strength.problems else "")
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
        self.user_inputs: list[str] = []
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

    def set_user_inputs(self, words) -> None:
        """Words of this account and centre an attacker would try first (user name, ...)."""
        self.user_inputs = [w for w in words if w]
        self._update()

    def _update(self) -> None:
        self.meter.show_score(self.passphrase.text(), self.user_inputs)
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
        return self.meter.strength.acceptable and self.passphrases_match()

    def why_not(self) -> str:
        """Why the passphrase cannot be used yet (for the disabled button's explanation)."""
        if not self.passphrase.text():
            return self.tr("Choose a passphrase.")
        if not self.meter.strength.acceptable:
            return self.tr("The passphrase does not meet the rule yet (see under it).")
        if not self.repeat.text():
            return self.tr("Type the passphrase again in the second field.")
        if not self.passphrases_match():
            return self.tr("The two passphrases are not the same.")
        return ""

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
