"""The access log: append-only events chained with an HMAC under the vault's audit key.

Each event's MAC covers its own fields, a hash of its encrypted details and the previous MAC;
the newest MAC and the event count are kept in vault_meta. Editing, deleting, reordering or
cutting off events therefore breaks `verify()`.
"""

from __future__ import annotations

import hashlib
import json
import socket
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session as DbSession

from intake_desktop.crypto.aead import associated_data
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults, integrity
from intake_desktop.services.changes import Change
from intake_desktop.services.faults import storage_errors
from intake_desktop.storage.models import AuditEvent, VaultMeta, new_id, utcnow

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
COUNT_KEY = "audit_count"


# What `audit verify` can find wrong with the chain itself (context "AuditProblems").
CHAIN_BROKEN = QT_TRANSLATE_NOOP("AuditProblems", "chain broken before this event")
EVENT_CHANGED = QT_TRANSLATE_NOOP("AuditProblems", "event was changed")
NEWEST_MISSING = QT_TRANSLATE_NOOP("AuditProblems", "newest events are missing")
COUNT_MISMATCH = QT_TRANSLATE_NOOP("AuditProblems", "number of events does not match")


@dataclass(frozen=True)
class AuditProblem:
    seq: int | None
    reason: str  # English: a chain message above, or the row check's error rendered
    error: E.ServiceError | None = None  # the row check's problem, to render in the user's language

    def render(self, translate=lambda context, text: text) -> str:
        return self.error.render(translate) if self.error else translate("AuditProblems", self.reason)


def _canonical(event: AuditEvent, prev_mac: str) -> bytes:
    at = event.at.isoformat() if isinstance(event.at, datetime) else str(event.at)
    fields = [
        event.id, at.replace("+00:00", ""), event.account_id or "", event.action, event.case_id or "",
        hashlib.sha256(event.details).hexdigest(), prev_mac,
    ]
    return json.dumps(fields, separators=(",", ":")).encode()


class AuditLog:
    def __init__(self, session) -> None:
        self._session = session

    def record(self, action: str, *, case_id: str | None = None, details: dict | None = None,
               at: datetime | None = None, db: DbSession | None = None) -> None:
        """Append one event. Pass `db` to make it part of a larger transaction."""
        change = Change(action, case_id)
        # A stand-in actor (a vault written to from a backup's key) has no listeners.
        hub = getattr(self._session, "changes", None)
        if db is None:
            try:
                with storage_errors(self._session.vault.db_path), self._session.db() as own:
                    self._append(own, action, case_id, details, at)
                    own.commit()
            except E.ServiceError as error:
                if error.message == E.MSG_DISK_FULL:  # reading is allowed only if it is logged
                    raise E.ServiceError(faults.MSG_DISK_FULL_ACCESS_LOG) from error
                raise
            if hub is not None:
                hub.publish(change)
        else:
            self._append(db, action, case_id, details, at)
            if hub is not None:
                hub.publish_after_commit(db, change)

    def _append(self, db: DbSession, action, case_id, details, at) -> None:
        keyring = self._session.keyring
        head = db.get(VaultMeta, HEAD_KEY)
        count = db.get(VaultMeta, COUNT_KEY)
        prev_mac = head.value if head else GENESIS
        event_id = new_id()
        body = dict(details or {})
        body.setdefault("workstation", socket.gethostname())
        sealed = keyring.cipher("fields").encrypt_json(body, associated_data("audit_event", "details", event_id, 1))
        event = AuditEvent(
            id=event_id, at=at or utcnow(), account_id=self._session.account_id, action=action,
            case_id=case_id, details=sealed, prev_mac=prev_mac, mac="",
        )
        event.mac = keyring.mac("audit", _canonical(event, prev_mac)).hex()
        db.add(event)
        new_count = int(count.value) + 1 if count else 1
        db.merge(VaultMeta(key=HEAD_KEY, value=event.mac))
        db.merge(VaultMeta(key=COUNT_KEY, value=str(new_count)))
        # The sealed row-integrity state names the log's head, so rows and log roll back together
        # or not at all (services/integrity.py).
        integrity.bind_audit_head(db, keyring, event.mac, new_count)

    def verify(self) -> list[AuditProblem]:
        keyring = self._session.keyring
        problems: list[AuditProblem] = []
        prev_mac = GENESIS
        seen = 0
        with self._session.db() as db:
            events = db.exec(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
            for event in events:
                seen += 1
                if event.prev_mac != prev_mac:
                    problems.append(AuditProblem(event.seq, CHAIN_BROKEN))
                expected = keyring.mac("audit", _canonical(event, event.prev_mac)).hex()
                if expected != event.mac:
                    problems.append(AuditProblem(event.seq, EVENT_CHANGED))
                prev_mac = event.mac
            head = db.get(VaultMeta, HEAD_KEY)
            count = db.get(VaultMeta, COUNT_KEY)
        if (head.value if head else GENESIS) != prev_mac:
            problems.append(AuditProblem(None, NEWEST_MISSING))
        if int(count.value if count else 0) != seen:
            problems.append(AuditProblem(None, COUNT_MISMATCH))
        return problems + self._row_problems()

    def _row_problems(self) -> list[AuditProblem]:
        """The whole-vault row check (services/integrity.py), in the same report."""
        with self._session.db() as db:
            found = integrity.check(db, self._session.keyring)
        if found is None:  # a vault not yet sealed: its first normal unlock seals it
            return []
        return [AuditProblem(None, error.render(), error) for error in map(integrity.error_for, found)]

    def details(self, event: AuditEvent) -> dict:
        with storage_errors(self._session.vault.db_path):
            return self._session.keyring.cipher("fields").decrypt_json(
                event.details, associated_data("audit_event", "details", event.id, 1)
            )
