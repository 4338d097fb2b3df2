"""The GUI's one bridge to services/changes.py: committed changes as a Qt signal.

The hub may call from any thread (a backup runs on a worker); emitting a signal of a QObject
that lives on the GUI thread queues the call there, and a change made on the GUI thread is
delivered at once (a save is followed by its reload before anything else happens). Bursts
(saving an intake writes the intake, the person and the case summary) are left to the
receivers: the index loader already folds reloads asked for during a reload into one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from intake_desktop.services.changes import Change


class ChangeBridge(QObject):
    changed = Signal(frozenset, frozenset)  # topics ("backup", "consent", ...), case ids
    _arrived = Signal(str, str)  # action, case id: from any thread to ours

    def __init__(self, hub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived.connect(self._deliver)
        stop = self._stop = hub.subscribe(self._relay)
        self.destroyed.connect(lambda *_: stop())

    def _relay(self, change: Change) -> None:  # any thread
        self._arrived.emit(change.action, change.case_id or "")

    def _deliver(self, action: str, case_id: str) -> None:  # the GUI thread
        self.changed.emit(frozenset({Change(action).topic}), frozenset({case_id} if case_id else ()))

    def stop(self) -> None:
        self._stop()
