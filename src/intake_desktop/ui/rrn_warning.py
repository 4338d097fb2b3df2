"""A warning under free-text fields when a resident registration number is typed into them.

The centre may not record 주민등록번호 (no legal basis); letters and exports mask one anyway
(domain/rrn.py), but the counsellor should take it out of the note now. The line keeps its
place when hidden, so the fields around it do not move while someone types or clicks.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from intake_desktop.domain.rrn import contains_rrn


class RrnWarning(QLabel):
    def __init__(self, *fields: QLineEdit | QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self.setObjectName("rrn_warning")
        self.setWordWrap(True)
        self.setStyleSheet("#rrn_warning { color: #b03a2e; font-weight: bold; }")
        self.setText(self.tr("⚠ This looks like a resident registration number (주민등록번호). The centre may "
                             "not record it: please delete it. Letters and exports print it masked."))
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        for field in self._fields:
            field.textChanged.connect(self.check)
        self.check()

    def check(self, *_args) -> None:
        self.setVisible(any(contains_rrn(_text_of(field)) for field in self._fields))


def _text_of(field: QWidget) -> str:
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText()
    if isinstance(field, QLineEdit):
        return field.text()
    return field.toPlainText() if hasattr(field, "toPlainText") else ""
