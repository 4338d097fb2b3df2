"""The case search box. Korean input methods hold the syllable being composed (김 while typing
ㄱ-ㅣ-ㅁ) outside QLineEdit.text(); this field includes it, so results follow every keystroke
instead of lagging one syllable behind."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 80  # below what a person notices; coalesces fast typing at 100k cases


class SearchField(QLineEdit):
    query_changed = Signal(str)  # debounced

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._preedit = ""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.emit_now)
        self.textChanged.connect(lambda _text: self._debounce.start())
        self.returnPressed.connect(self.emit_now)

    def current_query(self) -> str:
        text = self.text()
        if not self._preedit:
            return text
        cursor = self.cursorPosition()
        return text[:cursor] + self._preedit + text[cursor:]

    def emit_now(self) -> None:
        self._debounce.stop()
        self.query_changed.emit(self.current_query())

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        super().inputMethodEvent(event)
        preedit = event.preeditString()
        if preedit != self._preedit:
            self._preedit = preedit
            self._debounce.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)

    def reset(self) -> None:
        """Forget the query without announcing it (used when locking)."""
        self._debounce.stop()
        self._preedit = ""
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
