"""The page shown while the case list is decrypted for the first time after sign-in.

A progress bar while the index loader works (ui/index_loader.py), and on failure the error
model's message (never a traceback) with "Try again", which asks for the load again (`retry`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from intake_desktop.ui.error_label import ErrorLabel


class LoadingPage(QWidget):
    retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Decrypting the case list…"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(420)
        self.error = ErrorLabel()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(lambda: self.retry.emit())
        self.retry_button.hide()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.label)
        layout.addWidget(self.bar, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addWidget(self.retry_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def begin(self) -> None:
        """A load started: a busy bar until the first progress arrives."""
        self.bar.setRange(0, 0)
        self.error.clear()
        self.retry_button.hide()

    def progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def failed(self, error: BaseException) -> None:
        self.bar.setRange(0, 1)
        self.error.show_error(error)
        self.retry_button.show()
