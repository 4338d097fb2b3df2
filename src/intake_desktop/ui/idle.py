"""Idle detection for auto-lock: any keyboard, mouse, wheel or touch input anywhere resets it.

Installed as an event filter on the application, so dialogs and menus count too. The filter
only restarts a clock (no timer juggling per event); a one-second tick compares the clock with
the timeout, which also drives the countdown in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.InputMethod, QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    remaining_changed = Signal(int)  # whole seconds left before the auto-lock
    timed_out = Signal()

    def __init__(self, timeout_seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout = timeout_seconds
        self._since_input = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._check)
        self._filtering = False

    @property
    def timeout_seconds(self) -> int:
        return self._timeout

    def set_timeout_seconds(self, seconds: int) -> None:
        self._timeout = max(1, int(seconds))
        self._since_input.restart()
        self._check()

    def start(self) -> None:
        if not self._filtering:
            QApplication.instance().installEventFilter(self)
            self._filtering = True
        self._since_input.start()
        self._tick.start()
        self.remaining_changed.emit(self._timeout)

    def stop(self) -> None:
        self._tick.stop()
        if self._filtering:
            QApplication.instance().removeEventFilter(self)
            self._filtering = False

    def is_running(self) -> bool:
        return self._tick.isActive()

    def remaining_seconds(self) -> int:
        elapsed = self._since_input.elapsed() // 1000 if self._since_input.isValid() else 0
        return max(0, self._timeout - int(elapsed))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT_EVENTS:
            self._since_input.restart()
        return False

    def _check(self) -> None:
        if not self._tick.isActive():
            return
        remaining = self.remaining_seconds()
        self.remaining_changed.emit(remaining)
        if remaining <= 0:
            self.stop()
            self.timed_out.emit()
