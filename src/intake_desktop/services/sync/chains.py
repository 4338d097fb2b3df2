"""Each PC's access log travels through the hub, so any PC can check every PC's chain.

Every PC keeps its own HMAC chain (services/audit.py); all PCs share the DEK, hence the audit
key, so any of them can recompute another PC's MACs. At each round a PC uploads its new events
(hub_audit: pc, position, payload sealed under the hub key with the pc and position in its
associated data) and reads the others' new events, checking that they continue the chain from
the last event it saw of that PC. `verify()` (run by `audit verify`) reads every chain on the
hub from the start. Caught: an edited event (AEAD or MAC), a dropped or reordered event (the
chain's prev_mac links and the positions), and a chain cut back below what this PC already saw
(remembered per PC in `sync.audit_seen`). The chain doubles as each PC's writer log: a push
records an event naming every (table, row id, hub version) it put on the hub, so a PC reading
that event knows which rows must reach it (writerlog.py). Not caught: a tail the server withholds that no other
PC has seen yet (the same limit as for rows, docs/architecture.md).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlmodel import col

from intake_desktop.crypto.aead import associated_data
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.audit import GENESIS, _canonical
from intake_desktop.services.sync import state, writerlog
from intake_desktop.storage import hub as H
from intake_desktop.storage.models import AuditEvent

PUSH_ACTION = "sync.push"       # the writer log: an event naming every row a push put on the hub
SENT_KEY = "sync.audit_sent"   # how many of this PC's events are on the hub
SEEN_KEY = "sync.audit_seen"   # {pc: [count, head mac]} of the other PCs' chains seen so far

MSG_REMOTE_CHANGED = QT_TRANSLATE_NOOP(
    "Errors", "The centre server's copy of the access log of PC {pc}: event {idx} was changed.")
MSG_REMOTE_BROKEN = QT_TRANSLATE_NOOP(
    "Errors", "The centre server's copy of the access log of PC {pc}: events are missing or out of order "
    "before event {idx}.")
MSG_REMOTE_CUT = QT_TRANSLATE_NOOP(
    "Errors", "The centre server's copy of the access log of PC {pc} ends at event {count}, but this PC has "
    "already seen {seen} events of it.")


@dataclass(frozen=True)
class ChainProblem:
    pc: str
    error: E.DamagedError


def _aad(pc_id: str, idx: int) -> bytes:
    return f"intake-desktop|hub-audit|v1|{pc_id}|{idx}".encode()


def _encode(event: AuditEvent) -> bytes:
    at = event.at.isoformat() if isinstance(event.at, datetime) else str(event.at)
    return json.dumps({"id": event.id, "at": at, "account_id": event.account_id, "action": event.action,
                       "case_id": event.case_id, "details": base64.b64encode(event.details).decode("ascii"),
                       "prev_mac": event.prev_mac, "mac": event.mac}, separators=(",", ":")).encode()


def _decode(blob: bytes) -> AuditEvent:
    data = json.loads(blob)
    return AuditEvent(id=data["id"], at=datetime.fromisoformat(data["at"]), account_id=data["account_id"],
                      action=data["action"], case_id=data["case_id"], details=base64.b64decode(data["details"]),
                      prev_mac=data["prev_mac"], mac=data["mac"])


def _seen(db) -> dict[str, list]:
    value = state.get(db, SEEN_KEY)
    return json.loads(value) if value else {}


def push(db, keyring, hub, pc_id: str) -> int:
    """Upload this PC's events the hub does not have yet (the hub commits first; a crash means
    the same positions are offered again and ignored)."""
    sent = int(state.get(db, SENT_KEY) or 0)
    events = db.exec(select(AuditEvent).order_by(col(AuditEvent.seq)).offset(sent)).scalars().all()
    if not events:
        return 0
    cipher = keyring.cipher("hub")
    rows = [{"pc_id": pc_id, "idx": sent + i + 1, "payload": cipher.encrypt(_encode(e), _aad(pc_id, sent + i + 1))}
            for i, e in enumerate(events)]
    with hub.begin() as connection:
        connection.execute(pg_insert(H.hub_audit).on_conflict_do_nothing(index_elements=["pc_id", "idx"]), rows)
    state.put(db, SENT_KEY, str(sent + len(rows)))
    return len(rows)


def _check(keyring, pc_id: str, rows, count: int, head: str,
           pushed: list | None = None) -> tuple[list[E.DamagedError], int, str]:
    """Continue PC `pc_id`'s chain from (count, head) over `rows` (idx, payload) in idx order.
    The rows named by that PC's "sync.push" events are added to `pushed` (the writer log)."""
    problems: list[E.DamagedError] = []
    cipher = keyring.cipher("hub")
    short = pc_id[:8]
    for idx, payload in rows:
        if idx != count + 1:
            problems.append(E.DamagedError(MSG_REMOTE_BROKEN, pc=short, idx=count + 1))
            return problems, count, head
        try:
            event = _decode(cipher.decrypt(bytes(payload), _aad(pc_id, idx)))
        except (TamperedError, ValueError, KeyError):
            problems.append(E.DamagedError(MSG_REMOTE_CHANGED, pc=short, idx=idx))
            return problems, count, head
        if event.prev_mac != head:
            problems.append(E.DamagedError(MSG_REMOTE_BROKEN, pc=short, idx=idx))
            return problems, count, head
        if keyring.mac("audit", _canonical(event, event.prev_mac)).hex() != event.mac:
            problems.append(E.DamagedError(MSG_REMOTE_CHANGED, pc=short, idx=idx))
            return problems, count, head
        count, head = idx, event.mac
        if pushed is not None and event.action == PUSH_ACTION:
            pushed.extend(_pushed_rows(keyring, event))
    return problems, count, head


def _pushed_rows(keyring, event: AuditEvent) -> list:
    details = keyring.cipher("fields").decrypt_json(
        event.details, associated_data("audit_event", "details", event.id, 1))
    return [r for r in details.get("rows", []) if isinstance(r, list) and len(r) == 3]


def pull(db, keyring, hub, own_pc: str) -> list[E.DamagedError]:
    """Read and check the other PCs' new events; remember how far each chain is known good, and
    what rows they say they pushed (checked at the next pull: services/sync/writerlog.py)."""
    seen = _seen(db)
    pushed: list = []
    c = H.hub_audit.c
    problems: list[E.DamagedError] = []
    with hub.begin() as connection:
        pcs = [r[0] for r in connection.execute(select(c.pc_id).distinct())]
        for pc in pcs:
            if pc == own_pc:
                continue
            count, head = seen.get(pc, [0, GENESIS])
            total = connection.execute(select(func.count()).where(c.pc_id == pc)).scalar_one()
            if total < count:
                problems.append(E.DamagedError(MSG_REMOTE_CUT, pc=pc[:8], count=total, seen=count))
                continue
            rows = connection.execute(select(c.idx, c.payload).where(c.pc_id == pc, c.idx > count)
                                      .order_by(c.idx)).all()
            found, count, head = _check(keyring, pc, rows, count, head, pushed)
            problems += found
            seen[pc] = [count, head]
        for pc, (count, _) in seen.items():
            if pc not in pcs and count:
                problems.append(E.DamagedError(MSG_REMOTE_CUT, pc=pc[:8], count=0, seen=count))
    state.put(db, SEEN_KEY, json.dumps(seen))
    writerlog.expect(db, pushed)
    return problems


def verify(db, keyring, hub, own_pc: str) -> list[E.DamagedError]:
    """Every chain on the hub from its first event (this PC's own included)."""
    seen = _seen(db)
    sent = int(state.get(db, SENT_KEY) or 0)
    c = H.hub_audit.c
    problems: list[E.DamagedError] = []
    with hub.begin() as connection:
        pcs = {r[0] for r in connection.execute(select(c.pc_id).distinct())} | set(seen) | ({own_pc} if sent else set())
        for pc in sorted(pcs):
            rows = connection.execute(select(c.idx, c.payload).where(c.pc_id == pc).order_by(c.idx)).all()
            found, count, _ = _check(keyring, pc, rows, 0, GENESIS)
            problems += found
            known = sent if pc == own_pc else seen.get(pc, [0, GENESIS])[0]
            if not found and count < known:
                problems.append(E.DamagedError(MSG_REMOTE_CUT, pc=pc[:8], count=count, seen=known))
    return problems
