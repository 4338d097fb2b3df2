"""A progress bar with a caption for slow work, hidden when nothing runs.

    bar.start(self.tr("Checking…"))      # indeterminate
    bar.step(done, total)                # stepped
    bar.stop()
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class BusyBar(QWidget):
    """An indeterminate (or stepped) progress bar with a caption, hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(260)
        self.bar.setTextVisible(False)
        self.caption = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.caption, 1)
        self._running = False
        self.hide()

    def start(self, caption: str) -> None:
        self._running = True
        self.bar.setRange(0, 0)
        self.caption.setText(caption)
        self.show()

    def step(self, done: int, total: int, caption: str | None = None) -> None:
        self._running = True
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if caption is not None:
            self.caption.setText(caption)
        self.show()

    def stop(self) -> None:
        self._running = False
        self.hide()
        self.caption.clear()

    @property
    def running(self) -> bool:
        return self._running
