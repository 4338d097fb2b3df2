"""Asking why: closing a case (reason and outcome), re-opening it, clearing a crisis flag.

The services refuse an empty closure reason or crisis-clearing reason; the dialog keeps its
OK button off until there is one, so the refusal is never the first thing a counsellor sees.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)


class ReasonDialog(QDialog):
    submitted = Signal(str, str)  # reason, outcome ("" when not asked)

    def __init__(self, title: str, explanation: str, action: str, *, ask_outcome: bool = False,
                 reason_required: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._required = reason_required
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.outcome = QPlainTextEdit()
        self.outcome.setTabChangesFocus(True)
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.setPlaceholderText(self.tr("e.g. goes out weekly, started a job programme"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        if ask_outcome:
            form.addRow(self.tr("&Outcome:"), self.outcome)
        else:
            self.outcome.hide()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        self.reason.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        self._update_ok()
        self.resize(480, 300 if ask_outcome else 220)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason.toPlainText().strip()) or not self._required)

    def _submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        reason, outcome = self.reason.toPlainText(), self.outcome.toPlainText()
        self.accept()
        self.submitted.emit(reason, outcome)
