"""One change notification for everything that shows derived state.

Every write the services make is recorded in the access log (services/audit.py), so the log is
where a change becomes known: once the write's transaction has committed, the vault's
ChangeHub tells its listeners which action happened ("backup.create", "consent.record", ...)
and for which case. Screens that show derived state (the home page's backup line and lists, the
case list, an open case) subscribe once through the GUI's one bridge (ui/change_bridge.py)
instead of each save wiring its own reload. Reads (case.view, cases.list, ...) change nothing
and are not announced. No Qt here: listeners may be called on any thread (a backup runs on a
worker), so a GUI listener must hand the call over to its own thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from sqlmodel import Session as DbSession

log = logging.getLogger(__name__)

# Access-log actions that only read: nothing derived from the data changes.
READ_ACTIONS = frozenset({
    "case.view", "cases.list", "audit.view", "audit.verify", "audit.export", "person.export", "stats.report",
    "consent_form.print", "letter.print", "login.failed", "lock", "attachment.view", "attachment.save",
    "reply_slip.print", "correction_notice.print", "case.view_conflict",
})


@dataclass(frozen=True)
class Change:
    action: str  # the access-log action, e.g. "backup.create"
    case_id: str | None = None

    @property
    def topic(self) -> str:
        """What changed: the action's first part ("backup", "consent", "person", ...)."""
        return self.action.split(".", 1)[0]


Listener = Callable[[Change], None]


class ChangeHub:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every committed change; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
        return unsubscribe

    def publish(self, change: Change) -> None:
        if change.action in READ_ACTIONS:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:
                log.exception("a change listener failed on %s", change.action)

    def publish_after_commit(self, db: DbSession, change: Change) -> None:
        """Announce `change` once `db` (an SQLAlchemy session) commits; never if it rolls back."""
        from sqlalchemy import event

        pending = db.info.setdefault("pending_changes", [])
        pending.append(change)
        if len(pending) > 1:
            return  # the listener below is already waiting for this transaction

        def committed(session: DbSession) -> None:
            changes = list(session.info.pop("pending_changes", []))
            for item in changes:
                self.publish(item)

        def rolled_back(session: DbSession, _previous_transaction: object) -> None:
            session.info.pop("pending_changes", None)

        event.listen(db, "after_commit", committed, once=True)
        event.listen(db, "after_soft_rollback", rolled_back, once=True)
