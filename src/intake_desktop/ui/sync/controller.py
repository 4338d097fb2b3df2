"""When sync rounds run, and keeping their outcome for the screens that show it.

One `SyncController` per main window. It never blocks the UI thread on the server: every round
runs through ui/background.py, one at a time. Triggers:
- `sync_soon()` at unlock and after each committed change (a short delay folds a burst of
  writes, e.g. saving an intake writes three rows, into one round);
- a timer every few minutes while unlocked;
- `sync_now()` from the dialog (no delay).
A trigger that arrives while a round runs asks for one more round after it, never a second
concurrent one. Changes that arrive *during* a round are the round's own pulls (the change hub
delivers them before the round's result) and do not start another round.
At lock the timer stops and the outcome of a round in flight is dropped.

The local facts (`session.sync.status()`: last sync, changes waiting, conflicts) are read on a
worker too: counting the changes that wait means hashing every synced row, a second or more at
100k cases. Screens show `facts`, the newest known, and follow `status_changed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from intake_desktop.services import errors as E
from intake_desktop.ui.background import BackgroundTask, Latest, run_in_background

DEFAULT_INTERVAL_MINUTES = 5
SETTLE_MS = 2000  # after a save: wait this long for the rest of a burst of writes
MAX_FOLLOW_UPS = 3  # rounds started by themselves in a row (changes left waiting), then the timer


@dataclass(frozen=True)
class LastOutcome:
    """The newest round's outcome: a result, or the error that stopped it."""

    at: datetime
    result: object | None = None  # services.sync.SyncResult
    error: BaseException | None = None

    @property
    def refused(self) -> bool:
        """The server was refused as damaged or rolled back: a person must act."""
        return isinstance(self.error, E.DamagedError)


class SyncController(QObject):
    started = Signal()
    finished = Signal()  # after every round, whatever its outcome (read `last`)
    status_changed = Signal()  # local facts may have changed (a save made a change wait)

    def __init__(self, session, parent: QObject | None = None, *,
                 interval_minutes: int = DEFAULT_INTERVAL_MINUTES, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self.session = session
        self.last: LastOutcome | None = None
        self.facts = None  # services.sync.SyncStatus, the newest read
        self._reading = Latest()
        self._task: BackgroundTask | None = None
        self._again = False
        self._follow_ups = 0
        self._active = True
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, interval_minutes) * 60_000)
        self.timer.timeout.connect(self.sync_now)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self.sync_now)

    # -- state ---------------------------------------------------------------------------------
    @property
    def configured(self) -> bool:
        if self.session.is_locked:
            return False
        try:
            return bool(self.session.sync.is_configured)
        except E.ServiceError:
            return False

    @property
    def running(self) -> bool:
        return self._task is not None

    def refresh_facts(self) -> None:
        """Read the local facts again, off the UI thread (`status_changed` when they arrive)."""
        if not self.configured:
            self.facts = None
            self.status_changed.emit()
            return
        self._reading.run(self.session.sync.status, on_success=self._facts_read,
                          on_failure=lambda _error: None)  # the next round or save reads again

    def _facts_read(self, facts) -> None:
        self.facts = facts
        self.status_changed.emit()

    # -- triggers ------------------------------------------------------------------------------
    def start(self) -> None:
        """After unlock (and when a server was just set up): sync at once, then every few minutes."""
        self._active = True
        self.refresh_facts()
        if self.configured:
            self.timer.start()
            self.sync_now()

    def stop(self) -> None:
        """At lock: no more rounds; a round in flight is let go and its outcome dropped."""
        self._active = False
        self.timer.stop()
        self.settle.stop()
        self._again = False
        self._reading.cancel()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def local_change(self) -> None:
        """A change was committed on this PC: it waits to be pushed."""
        if self.running:
            return  # the round's own pulls, delivered before its result
        if self._active and self.configured:
            self.settle.start()  # the round reads the facts again when it ends

    def sync_soon(self) -> None:
        if self._active and self.configured:
            self.settle.start()

    def sync_now(self) -> bool:
        """Start a round now (False when none can start: locked or not configured)."""
        self.settle.stop()
        if not (self._active and self.configured):
            return False
        if self.running:
            self._again = True
            return True
        if not self.timer.isActive():
            self.timer.start()
        self._reading.cancel()
        self._task = run_in_background(self._round, on_success=self._done, on_failure=self._failed)
        self.started.emit()
        return True

    def _round(self):
        """On the worker: the round, then the facts it leaves (one trip off the UI thread)."""
        sync = self.session.sync
        result = sync.run()
        try:
            facts = sync.status()
        except E.ServiceError:
            facts = None
        return result, facts

    # -- outcome -------------------------------------------------------------------------------
    def _done(self, outcome) -> None:
        result, facts = outcome
        if facts is not None:
            self.facts = facts
        self._finish(LastOutcome(at=getattr(result, "at", None) or datetime.now().astimezone(), result=result))

    def _failed(self, error: BaseException) -> None:
        self._finish(LastOutcome(at=datetime.now().astimezone(), error=error))
        self.refresh_facts()  # a failed round may still have changed nothing; the count stays right

    def _finish(self, outcome: LastOutcome) -> None:
        self._task = None
        self.last = outcome
        again, self._again = self._again, False
        if outcome.error is None and not again:
            again = self._changes_left_behind()
        self._follow_ups = self._follow_ups + 1 if again else 0
        self.finished.emit()
        self.status_changed.emit()
        if again and outcome.error is None and self._follow_ups <= MAX_FOLLOW_UPS:
            self.sync_soon()

    def _changes_left_behind(self) -> bool:
        """A save made while the round ran was taken for one of its pulls: if changes still wait
        and the round refused none (no conflict, no rejection), one more round pushes them."""
        result = self.last.result if self.last else None
        if result is None:
            return False
        if getattr(result, "conflicts", 0) or getattr(result, "rejected", 0):
            return False
        return bool(self.facts is not None and self.facts.waiting)
