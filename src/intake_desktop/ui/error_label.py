"""An in-window message line for failures, counting down a lockout ("try again in 14 seconds").

Errors are shown where the person is looking (under the passphrase field), not in a pop-up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from intake_desktop.services import errors as E
from intake_desktop.ui.messages import describe_error


def lockout_seconds(error: BaseException) -> int:
    """Seconds left if `error` is the too-many-attempts refusal, else 0."""
    if isinstance(error, E.ServiceError) and error.message == E.MSG_LOCKED_OUT:
        try:
            return max(0, int(error.params.get("seconds", 0)))
        except (TypeError, ValueError):
            return 0
    return 0


class ErrorLabel(QLabel):
    waiting_changed = Signal(bool)  # True while a lockout forbids another attempt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("color: #b03a2e;")
        self.setAccessibleName("error")
        self._seconds_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    @property
    def is_waiting(self) -> bool:
        return self._seconds_left > 0

    def show_error(self, error: BaseException) -> None:
        self._stop_countdown()
        seconds = lockout_seconds(error)
        if seconds:
            self._seconds_left = seconds
            self._render_lockout()
            self._countdown.start()
            self.waiting_changed.emit(True)
        else:
            self.setText(describe_error(error))

    def show_text(self, text: str) -> None:
        self._stop_countdown()
        self.setText(text)

    def clear(self) -> None:
        self._stop_countdown()
        super().clear()

    def _render_lockout(self) -> None:
        refusal = E.DeniedError(E.MSG_LOCKED_OUT, seconds=self._seconds_left)
        self.setText(refusal.render(QCoreApplication.translate))

    def _tick(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left > 0:
            self._render_lockout()
            return
        self._stop_countdown()
        super().clear()

    def _stop_countdown(self) -> None:
        was_waiting = self.is_waiting
        self._countdown.stop()
        self._seconds_left = 0
        if was_waiting:
            self.waiting_changed.emit(False)
