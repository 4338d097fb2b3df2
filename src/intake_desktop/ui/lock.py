"""The lock screen shown inside the main window: the same account's passphrase, nothing else.

Unlocking re-derives the key (session.resume) on a worker thread. Switching account is not
offered here on purpose: a locked window belongs to the person who locked it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from intake_desktop.services.session import Session
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.passphrase_fields import password_field


class LockScreen(QWidget):
    unlocked = Signal()

    def __init__(self, session: Session, centre_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session

        title = QLabel(self.tr("Locked"))
        heading = QFont(self.font())
        heading.setPointSizeF(heading.pointSizeF() * 1.8)
        heading.setBold(True)
        title.setFont(heading)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        centre = QLabel(centre_name)
        centre.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explanation = QLabel(self.tr(
            "The records are locked and their keys have been removed from memory. "
            "{name}, enter your passphrase to continue."
        ).format(name=session.display_name))
        explanation.setWordWrap(True)
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.passphrase = password_field()
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.submit)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.error = ErrorLabel()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.waiting_changed.connect(lambda waiting: self.unlock_button.setEnabled(not waiting))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()

        box = QWidget()
        # A fixed width (not a maximum plus centring) lets the word-wrapped explanation
        # get the height it needs; otherwise its second line is cut off.
        box.setFixedWidth(440)
        column = QVBoxLayout(box)
        column.addWidget(title)
        column.addWidget(centre)
        column.addSpacing(8)
        column.addWidget(explanation)
        column.addSpacing(12)
        column.addWidget(self.passphrase)
        column.addWidget(self.error)
        column.addWidget(self.busy)
        column.addWidget(self.unlock_button)

        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(box)
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addLayout(row)
        outer.addStretch(2)

    def prepare(self) -> None:
        """Called each time the window locks."""
        self.passphrase.clear()
        self.error.clear()
        self._set_busy(False)
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and not self.error.is_waiting)

    def submit(self) -> None:
        if self.busy.isVisible() or self.error.is_waiting:
            return
        passphrase = self.passphrase.text()
        self.error.clear()
        self._set_busy(True)
        session = self._session
        run_in_background(
            lambda: session.resume(passphrase), on_success=self._succeeded, on_failure=self._failed
        )

    def _succeeded(self, _result: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.error.show_error(error)
        self.passphrase.setFocus()
