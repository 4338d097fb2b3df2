"""Keeping unsaved answers encrypted while the counsellor types (session.drafts).

A draft is written a few seconds after the last change (and at least every half minute while
changes keep coming), never while the session is locked, and thrown away after a save.
One slot per intake: "intake:<case id>:<record id or 'new'>".
"""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from intake_desktop.services import errors as E

log = logging.getLogger(__name__)

DELAY_MS = 5_000  # after the last change
MAX_WAIT_MS = 30_000  # however busy the typing


def draft_slot(case_id: str, record_id: str | None) -> str:
    return f"intake:{case_id}:{record_id or 'new'}"


class Autosaver(QObject):
    saved = Signal()
    failed = Signal(object)  # the ServiceError

    def __init__(self, session, slot: str, state: Callable[[], dict], parent: QObject | None = None, *,
                 wanted: Callable[[], bool] = lambda: True, delay_ms: int = DELAY_MS,
                 max_wait_ms: int = MAX_WAIT_MS) -> None:
        super().__init__(parent)
        self._session = session
        self.slot = slot
        self._state = state
        self._wanted = wanted  # asked when the timer fires: is there still anything to keep?
        self.delay_ms = delay_ms
        self.max_wait_ms = max_wait_ms
        self.paused = False
        self._first_change: float | None = None
        self._last_change: float | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._due)
        self.last_saved_at: float | None = None

    def set_delay(self, delay_ms: int, max_wait_ms: int | None = None) -> None:
        self.delay_ms = delay_ms
        self.max_wait_ms = max_wait_ms if max_wait_ms is not None else max(delay_ms, self.max_wait_ms)

    def schedule(self) -> None:
        """Something changed: save a little later (sooner if changes have kept coming).

        The timer is started once and re-armed when it fires, not restarted per keystroke."""
        if self.paused:
            return
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        self._last_change = now
        if not self.timer.isActive():
            self.timer.start(self.delay_ms)

    def _due(self) -> None:
        now = time.monotonic()
        quiet_ms = (now - (self._last_change or now)) * 1000
        busy_ms = (now - (self._first_change or now)) * 1000
        if quiet_ms < self.delay_ms and busy_ms < self.max_wait_ms:
            # typing went on: wait for a pause, but never longer than max_wait_ms in all
            self.timer.start(int(max(1, min(self.delay_ms - quiet_ms, self.max_wait_ms - busy_ms))))
            return
        if self._wanted():
            self.flush()
        else:
            self._first_change = None

    def pending(self) -> bool:
        return self.timer.isActive()

    def flush(self) -> bool:
        """Write the draft now. False if nothing could be written (locked session, disk error)."""
        self.timer.stop()
        self._first_change = None
        if self.paused or self._session.is_locked:
            return False
        try:
            self._session.drafts.save(self.slot, self._state())
        except E.ServiceError as error:
            log.error("could not keep a draft of the intake: %s", type(error).__name__)
            self.failed.emit(error)
            return False
        self.last_saved_at = time.time()
        self.saved.emit()
        return True

    def cancel(self) -> None:
        self.timer.stop()
        self._first_change = None

    def load(self) -> dict | None:
        if self._session.is_locked:
            return None
        try:
            return self._session.drafts.load(self.slot)
        except E.ServiceError as error:
            self.failed.emit(error)
            return None

    def discard(self, slot: str | None = None) -> None:
        self.cancel()
        if self._session.is_locked:
            return
        try:
            self._session.drafts.discard(slot or self.slot)
        except E.ServiceError as error:
            self.failed.emit(error)
