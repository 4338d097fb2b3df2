"""Whole-vault integrity: a keyed set digest of every sealed row, kept in step by every write.

AEAD binds each sealed value to its table, row, owner and version, but cannot see a row put
back to an older (version, ciphertext) pair, a row deleted, or an old row inserted again. So
the vault keeps, per sealed table, the number of rows and the XOR of a keyed MAC of each row
(crypto/rowset.py), over every stored column of the row. That state is sealed (encrypted and
authenticated) in vault_meta together with the access log's head and count, so rolling back
rows together with an old copy of the state also needs the access log cut back to match.

Keeping it in step: `Tracker` sees every write to a sealed table made through a vault
session's database session (ORM objects at flush, INSERT/UPDATE/DELETE statements as they
run), reads each touched row before its first change and again at commit, and applies the
difference inside the same transaction. Callers do nothing. Checked at unlock (`check`) and by
`audit verify`; see docs/architecture.md, "Whole-vault integrity".
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from intake_desktop.crypto.aead import FieldCipher, associated_data
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.crypto.rowset import SetDigest, fold, row_mac
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.storage.models import AuditEvent, VaultMeta

STATE_KEY = "row_integrity"
INIT_ACTION = "integrity.init"
FORMAT = 2

# The columns each format covers, frozen: a column added to a sealed table later must go into
# a new format (tests/test_integrity.py fails until it does), and the first unlock after that
# upgrade checks the rows with the old format before sealing them under the new one.
COLUMNS: dict[int, dict[str, tuple[str, ...]]] = {
    1: {
        "case_file": ("id", "person_id", "case_number", "stage", "counsellor_id", "is_demo",
                      "created_at", "updated_at", "closed_at", "version", "data"),
        "consent": ("id", "case_id", "created_at", "created_by", "updated_at", "version", "data"),
        "draft": ("id", "account_id", "slot", "updated_at", "version", "data"),
        "follow_up": ("id", "case_id", "created_at", "created_by", "updated_at", "version", "data"),
        "intake_record": ("id", "case_id", "form_id", "form_version", "form_hash", "created_at",
                          "created_by", "updated_at", "version", "data"),
        "letter": ("id", "number", "case_id", "partner_id", "created_at", "created_by", "pdf_sha256",
                   "version", "data"),
        "person": ("id", "created_at", "updated_at", "version", "data"),
        "referral": ("id", "case_id", "created_at", "created_by", "updated_at", "version", "data", "status"),
        "service_plan": ("id", "case_id", "created_at", "created_by", "updated_at", "version", "data"),
        "session_note": ("id", "case_id", "created_at", "created_by", "updated_at", "version", "data"),
    },
}
# Format 2: format 1 plus the attachments of a case (metadata rows and their sealed chunks).
COLUMNS[2] = {
    **COLUMNS[1],
    "attachment": ("id", "case_id", "created_at", "created_by", "updated_at", "version", "data"),
    "attachment_chunk": ("id", "attachment_id", "case_id", "idx", "version", "data"),
}
# The clear column naming the case (or person) a row belongs to, to name it in a report.
CASE_COLUMN = {t: "case_id" for t in COLUMNS[FORMAT] if "case_id" in COLUMNS[FORMAT][t]}

_ID_BATCH = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class Problem:
    """What the check found. kind: "missing", "added", "changed" (rows of `table`), or
    "state" (the sealed state is missing, damaged, or older than the access log)."""

    kind: str
    table: str | None = None
    case: str | None = None


@dataclass
class State:
    tables: dict[str, SetDigest]
    audit_head: str
    audit_count: int
    format: int = FORMAT

    def to_json(self) -> dict:
        return {"format": self.format, "audit": [self.audit_head, self.audit_count],
                "tables": {name: digest.to_json() for name, digest in sorted(self.tables.items())}}

    @classmethod
    def from_json(cls, data) -> "State":
        try:
            head, count = data["audit"]
            return cls({name: SetDigest.from_json(d) for name, d in data["tables"].items()},
                       str(head), int(count), int(data["format"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise TamperedError("integrity state is malformed") from exc


def _aad() -> bytes:
    return associated_data("vault_meta", "value", STATE_KEY, 1)


def _cipher(keyring) -> FieldCipher:
    return keyring.cipher("fields")


def load_state(db, keyring) -> State | None:
    row = db.get(VaultMeta, STATE_KEY)
    if row is None:
        return None
    try:
        blob = base64.b64decode(row.value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise TamperedError("integrity state is not base64") from exc
    return State.from_json(_cipher(keyring).decrypt_json(blob, _aad()))


def store_state(db, keyring, state: State) -> None:
    blob = _cipher(keyring).encrypt_json(state.to_json(), _aad())
    db.merge(VaultMeta(key=STATE_KEY, value=base64.b64encode(blob).decode("ascii")))


def _audit_position(db) -> tuple[str, int]:
    from intake_desktop.services.audit import COUNT_KEY, GENESIS, HEAD_KEY

    head = db.get(VaultMeta, HEAD_KEY)
    count = db.get(VaultMeta, COUNT_KEY)
    return (head.value if head else GENESIS), int(count.value if count else 0)


def bind_audit_head(db, keyring, head: str, count: int) -> None:
    """The access log moved on (AuditLog._append): re-seal the state with its new head. A vault
    that has no state yet (before its first unlock after the upgrade) is left as it is."""
    state = load_state(db, keyring)
    if state is not None:
        state.audit_head, state.audit_count = head, count
        store_state(db, keyring, state)


# -- reading rows as stored ----------------------------------------------------------------------
def _select(table: str, columns: tuple[str, ...]) -> str:
    # The sealed document last: that is the row shape crypto/rowset.py folds.
    ordered = [c for c in columns if c != "data"] + ["data"]
    return "SELECT " + ", ".join(f'"{c}"' for c in ordered) + f' FROM "{table}"'


def _cursor(connection):
    """A plain DB-API cursor inside the session's transaction: rows come as tuples, with none
    of SQLAlchemy's per-row work (this is the hot loop of the unlock check)."""
    return connection.connection.dbapi_connection.cursor()


def _rows_by_id(connection, table: str, ids: list[str], fmt: int = FORMAT):
    """The stored rows with these ids, streamed one at a time (a bulk import holds no batch of
    ciphertext for this)."""
    select_sql = _select(table, COLUMNS[fmt][table])
    cursor = _cursor(connection)
    try:
        for start in range(0, len(ids), _ID_BATCH):
            chunk = ids[start:start + _ID_BATCH]
            cursor.execute(f"{select_sql} WHERE id IN ({', '.join('?' * len(chunk))})", tuple(chunk))
            yield from cursor
    finally:
        cursor.close()


def _existing(connection) -> set[str]:
    return {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}


def scan(connection, key: bytes, fmt: int = FORMAT) -> dict[str, SetDigest]:
    """Fold every row of every sealed table (one pass per table)."""
    existing = _existing(connection)
    found = {}
    for table, columns in COLUMNS[fmt].items():
        if table not in existing:
            found[table] = SetDigest()
            continue
        cursor = _cursor(connection)
        try:
            found[table] = fold(key, table, cursor.execute(_select(table, columns)))
        finally:
            cursor.close()
    return found


# -- keeping the state in step ----------------------------------------------------------------------
@dataclass
class Tracker:
    """The change one transaction made to each sealed table's digest: for every write, the MACs
    of the touched rows as they were just before it are XORed out and as they are just after it
    XORed in. Nothing else is kept, so a bulk import holds no row in memory for this."""

    key: bytes
    delta: dict[str, SetDigest] = field(default_factory=dict)
    _flushing: dict[str, list[str]] = field(default_factory=dict)

    def _fold(self, connection, table: str, ids: list[str], sign: int) -> None:
        delta = self.delta.setdefault(table, SetDigest())
        for values in _rows_by_id(connection, table, ids):
            delta.count += sign
            delta.value ^= row_mac(self.key, table, values)

    def before(self, connection, table: str, ids) -> list[str]:
        ids = [i for i in dict.fromkeys(ids) if i is not None]
        self._fold(connection, table, ids, -1)
        return ids

    def after(self, connection, table: str, ids: list[str]) -> None:
        self._fold(connection, table, ids, +1)

    @property
    def changed(self) -> bool:
        return any(d.count or d.value for d in self.delta.values())

    def finish(self, db, keyring) -> set[str]:
        """At commit: apply the transaction's change to the sealed state, with the log's head.
        Returns the tables whose rows changed."""
        changed = {t: d for t, d in self.delta.items() if d.count or d.value}
        self.delta.clear()
        if not changed:
            return set()
        state = load_state(db, keyring)
        if state is None:  # not yet established (first unlock after the upgrade runs first)
            return set(changed)
        for table, delta in changed.items():
            digest = state.tables.setdefault(table, SetDigest())
            digest.count += delta.count
            digest.value ^= delta.value
        state.audit_head, state.audit_count = _audit_position(db)
        store_state(db, keyring, state)
        return set(changed)

    def reset(self) -> None:
        self.delta.clear()
        self._flushing.clear()


def track(db: OrmSession, tracker: Tracker) -> None:
    """Attach `tracker` to one database session: every sealed-table write is seen."""
    db.info["integrity_tracker"] = tracker


def tracker_of(db) -> Tracker | None:
    return db.info.get("integrity_tracker")


def before_flush(db, _context, _instances) -> None:
    """ORM objects about to be written: their rows as they are now."""
    tracker = tracker_of(db)
    if tracker is None:
        return
    by_table: dict[str, list[str]] = {}
    for obj in (*db.new, *db.dirty, *db.deleted):
        table = getattr(obj, "__tablename__", None)
        if table in COLUMNS[FORMAT]:
            by_table.setdefault(table, []).append(getattr(obj, "id", None))
    for table, ids in by_table.items():
        new_ids = {getattr(o, "id", None) for o in db.new}
        existing = [i for i in ids if i not in new_ids]  # a new row is not in the table yet
        tracker.before(db.connection(), table, existing)
        tracker._flushing.setdefault(table, []).extend(i for i in ids if i is not None)


def after_flush(db, _context) -> None:
    tracker = tracker_of(db)
    if tracker is None:
        return
    flushed, tracker._flushing = tracker._flushing, {}
    for table, ids in flushed.items():
        tracker.after(db.connection(), table, list(dict.fromkeys(ids)))


def do_orm_execute(state):
    """INSERT / UPDATE / DELETE statements on a sealed table: fold the touched rows around it."""
    tracker = tracker_of(state.session)
    if tracker is None or not (state.is_insert or state.is_update or state.is_delete):
        return None
    statement = state.statement
    table = getattr(statement.table, "name", None)
    if table not in COLUMNS[FORMAT]:
        return None
    connection = state.session.connection()
    if state.is_insert:  # new ids: nothing to fold out (a taken id fails the insert)
        params = state.parameters
        rows = params if isinstance(params, list) else [params] if params else [statement.compile().params]
        ids = [i for i in dict.fromkeys(r.get("id") for r in rows) if i is not None]
    else:
        query = select(statement.table.c.id)
        if statement.whereclause is not None:
            query = query.where(statement.whereclause)
        ids = tracker.before(connection, table, [r[0] for r in connection.execute(query)])
    result = state.invoke_statement()
    tracker.after(connection, table, ids)
    return result


# -- checking ---------------------------------------------------------------------------------------
def _orphans(connection, table: str) -> list[str]:
    """Cases named by rows whose owner row is gone (FKs are off in a tamperer's sqlite3)."""
    if table == "person":
        query = ("SELECT case_number FROM case_file WHERE person_id NOT IN (SELECT id FROM person) "
                 "ORDER BY case_number")
    elif table == "case_file":
        parts = [f'SELECT DISTINCT case_id FROM "{t}" WHERE case_id NOT IN (SELECT id FROM case_file)'
                 for t in CASE_COLUMN]
        query = " UNION ".join(parts)
    else:
        return []
    return [r[0] for r in connection.exec_driver_sql(query)]


def _case_of(connection, table: str) -> str | None:
    names = _orphans(connection, table)
    return ", ".join(names[:5]) if names else None


def compare(connection, key: bytes, state: State) -> list[Problem]:
    found = scan(connection, key, state.format)
    problems = []
    for table in COLUMNS[state.format]:
        expected = state.tables.get(table, SetDigest())
        actual = found[table]
        if actual.count < expected.count:
            problems.append(Problem("missing", table, _case_of(connection, table)))
        elif actual.count > expected.count:
            problems.append(Problem("added", table))
        elif actual.value != expected.value:
            problems.append(Problem("changed", table))
    return problems


def has_been_established(db, keyring) -> bool:
    """Did this vault ever have the state? Yes if the log records its sealing at an upgrade,
    or the vault was created by a program that seals it from the start (its creation event
    says so, in its encrypted details)."""
    if db.exec(select(AuditEvent.seq).where(AuditEvent.action == INIT_ACTION).limit(1)).first() is not None:
        return True
    created = db.exec(select(AuditEvent).where(AuditEvent.action == "vault.create").limit(1)).scalars().first()
    if created is None:
        return False
    try:
        details = _cipher(keyring).decrypt_json(
            created.details, associated_data("audit_event", "details", created.id, 1))
    except TamperedError:
        return True  # the audit check reports it; refuse to re-seal over a damaged log
    return isinstance(details, dict) and "integrity" in details


def check(db, keyring, *, rows: bool = True) -> list[Problem] | None:
    """Compare the vault's rows with the sealed state. None: no state yet and never had one
    (a vault from before this check; the caller establishes it).

    `rows=False` checks only the sealed state itself (it opens, is in the current format and
    matches the access log's head): milliseconds, where the rows take seconds at 100k cases.
    The caller then checks the rows soon after, in one read transaction (`check_rows_now`)."""
    try:
        state = load_state(db, keyring)
    except TamperedError:
        return [Problem("state")]
    if state is None:
        return [Problem("state")] if has_been_established(db, keyring) else None
    if state.format not in COLUMNS or (state.audit_head, state.audit_count) != _audit_position(db):
        return [Problem("state")]
    if not rows and state.format == FORMAT:
        return []
    key = keyring.purpose_key("integrity")
    problems = compare(db.connection(), key, state)
    if not problems and state.format != FORMAT:  # an upgraded program: re-seal in the new format
        state.tables, state.format = scan(db.connection(), key), FORMAT
        store_state(db, keyring, state)
    return problems


def check_rows_now(engine, keyring) -> list[Problem]:
    """The whole check in one read-only transaction, for a check running beside the app: a
    snapshot of the sealed state and of every row as of one moment (WAL), without taking the
    write lock, so the person's saves go on meanwhile (they make a newer snapshot)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("BEGIN")  # deferred: a reader, never the write lock
        try:
            from sqlmodel import Session as DbSession

            with DbSession(bind=connection) as db:
                problems = check(db, keyring)
        finally:
            connection.exec_driver_sql("ROLLBACK")
    return [Problem("state")] if problems is None else problems


def establish(db, keyring) -> int:
    """Seal the state over the rows as they are now (a vault's first unlock with this check).
    Returns the number of rows covered."""
    tables = scan(db.connection(), keyring.purpose_key("integrity"))
    head, count = _audit_position(db)
    store_state(db, keyring, State(tables, head, count))
    return sum(d.count for d in tables.values())


MSG_ROWS_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "Records were deleted from the vault outside intake-desktop (table {table}). "
    "Nothing was changed; restore the last good backup.")
MSG_ROWS_MISSING_CASE = QT_TRANSLATE_NOOP(
    "Errors", "Records of case {case} were deleted from the vault outside intake-desktop (table {table}). "
    "Nothing was changed; restore the last good backup.")
MSG_ROWS_ADDED = QT_TRANSLATE_NOOP(
    "Errors", "Records were added to the vault outside intake-desktop, for example an old record put back "
    "(table {table}). Nothing was changed; restore the last good backup.")
MSG_ROWS_CHANGED = QT_TRANSLATE_NOOP(
    "Errors", "A record in the vault was changed or rolled back to an older version outside intake-desktop "
    "(table {table}). Nothing was changed; restore the last good backup.")
MSG_STATE = QT_TRANSLATE_NOOP(
    "Errors", "The vault's integrity record is missing or damaged, or part of the vault was rolled back. "
    "Nothing was changed; restore the last good backup.")


def error_for(problem: Problem) -> E.DamagedError:
    if problem.kind == "missing" and problem.case:
        return E.DamagedError(MSG_ROWS_MISSING_CASE, table=problem.table, case=problem.case)
    message = {"missing": MSG_ROWS_MISSING, "added": MSG_ROWS_ADDED, "changed": MSG_ROWS_CHANGED}
    if problem.kind in message:
        return E.DamagedError(message[problem.kind], table=problem.table)
    return E.DamagedError(MSG_STATE)
