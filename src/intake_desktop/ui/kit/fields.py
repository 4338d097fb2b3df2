"""Small editors shared by many screens."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit


def short_text_edit(lines: int = 2) -> QPlainTextEdit:
    """A plain-text box `lines` high, where Tab moves on (as in a form) instead of typing a tab."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setFixedHeight(height)
    return edit
