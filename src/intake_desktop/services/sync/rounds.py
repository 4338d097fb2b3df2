"""One sync round: push this PC's changes, then pull everyone else's.

The outbox is computed, not recorded: every synced row is read and hashed, and compared with
where it stood with the hub (state.Base). A row that differs is pushed by compare-and-swap on
the hub version; a lost swap leaves the row for the pull, which turns it into a conflict (both
versions kept). Pulled rows are written through the vault's own database session (VaultDb), so
the whole-vault integrity digest follows every row that arrives, in the same transaction as the
new pull position: a PC killed mid-pull has applied nothing, and one killed mid-push finds its
own writes on the hub at the next pull and adopts them (same bytes: no conflict, no duplicate).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update

from intake_desktop.crypto.errors import TamperedError
from intake_desktop.services.sync import codec, state, writerlog
from intake_desktop.services.sync import errors as SE
from intake_desktop.services.sync.hubclient import Hub, HubRow
from intake_desktop.storage.models import SyncConflict, utcnow

Key = tuple[str, str]


@dataclass
class Counts:
    pulled: int = 0
    pushed: int = 0
    conflicts: int = 0
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (table, row id, why)


def snapshot(db) -> dict[Key, bytes]:
    """Every synced row of this vault as it is stored now, encoded."""
    connection = db.connection()
    rows: dict[Key, bytes] = {}
    for spec in codec.TABLES:
        for row_id, encoded in codec.read_rows(connection, spec):
            rows[(spec.name, row_id)] = encoded
    return rows


def _is_dirty(current: bytes | None, base: state.Base | None) -> bool:
    if base is None:
        return current is not None
    if current is None:
        return base.hash != state.TOMBSTONE
    return codec.digest(current) != base.hash


def waiting(db) -> list[tuple[Key, bytes | None, int]]:
    """Local changes not yet on the hub: (key, encoded row or None for a deletion, base version)."""
    rows = snapshot(db)
    bases = state.bases(db)
    held = state.conflict_keys(db)
    out = []
    for key in sorted(set(rows) | set(bases), key=lambda k: (codec.ORDER.get(k[0], 99), k[1])):
        if key in held or key[0] not in codec.BY_NAME:
            continue
        current, base = rows.get(key), bases.get(key)
        if _is_dirty(current, base):
            out.append((key, current, base.version if base else 0))
    return out


# -- push ----------------------------------------------------------------------------------
def push(db, keyring, hub: Hub, pc_id: str, counts: Counts) -> list[list]:
    """Returns [table, row id, hub version] of every row put on the hub (the writer log)."""
    pending = waiting(db)
    if not pending:
        return []
    won: list[tuple[Key, int, str]] = []
    with hub.begin(writing=True) as connection:
        for (tbl, row_id), encoded, base in pending:
            spec = codec.BY_NAME[tbl]
            payload = codec.seal(keyring, tbl, row_id, base + 1, encoded) if encoded is not None else None
            bootstrap = encoded if (spec.bootstrap and encoded is not None) else None
            if hub.put(connection, pc_id, tbl, row_id, base, payload, bootstrap):
                won.append(((tbl, row_id), base + 1, codec.digest(encoded) if encoded is not None else state.TOMBSTONE))
        hub.seen(connection, pc_id)
    # The hub has committed; now this PC's record of it. A crash in between is healed by the
    # next pull (our own rows come back with our bytes: adopted, not a conflict).
    for (tbl, row_id), version, hash_ in won:
        state.set_base(db, tbl, row_id, version, hash_)
    db.commit()
    counts.pushed += len(won)
    return [[tbl, row_id, version] for (tbl, row_id), version, _ in won]


# -- pull ----------------------------------------------------------------------------------
def _where_key(spec: codec.SyncedTable, t, row_id: str):
    return [t.c[name] == value for name, value in codec.key_of(spec, row_id).items()]


def apply_row(db, tbl: str, row_id: str, encoded: bytes | None) -> None:
    """Write one row as the sender stored it (None: delete it), through the vault session."""
    spec = codec.BY_NAME[tbl]
    if encoded is None:
        t = codec.lightweight(spec, spec.key)
        db.execute(delete(t).where(*_where_key(spec, t, row_id)))
        return
    values = codec.decode(encoded)
    t = codec.lightweight(spec, list(values))
    exists = db.execute(select(t.c[spec.key[0]]).where(*_where_key(spec, t, row_id))).first()
    if exists is None:
        values = codec.new_row(spec, values)
        db.execute(insert(codec.lightweight(spec, list(values))).values(**values))
    else:
        db.execute(update(t).where(*_where_key(spec, t, row_id)).values(**values))


def _open(keyring, row: HubRow) -> bytes | None:
    if row.tombstone:
        if row.payload is not None:
            raise TamperedError("a tombstone with content")
        return None
    if row.payload is None:
        raise TamperedError("a row without content")
    encoded = codec.open_sealed(keyring, row.tbl, row.row_id, row.version, row.payload)
    if codec.row_id_of(codec.BY_NAME[row.tbl], codec.decode(encoded)) != row.row_id:
        raise TamperedError("the row's content names another row")
    return encoded


def pull(db, keyring, hub: Hub, counts: Counts) -> None:
    """Apply every hub row after this PC's pull position, in one local transaction."""
    db.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # rows come in seq order
    rows = snapshot(db)
    bases = state.bases(db)
    held = state.conflict_keys(db)
    position = state.last_seq(db)
    with hub.begin() as connection:
        for row in hub.rows_since(connection, position):
            position = max(position, row.seq)
            key = (row.tbl, row.row_id)
            if row.tbl not in codec.BY_NAME:
                counts.rejected.append((row.tbl, row.row_id, "table"))
                continue
            base = bases.get(key)
            if base is not None and row.version <= base.version:
                if row.version < base.version:  # an older version replayed by the server
                    counts.rejected.append((row.tbl, row.row_id, "rolled back"))
                continue  # our own write coming back, or one we already have
            try:
                theirs = _open(keyring, row)
            except TamperedError:
                counts.rejected.append((row.tbl, row.row_id, "tampered"))
                continue
            current = rows.get(key)
            if key not in held and (not _is_dirty(current, base) or current == theirs):
                apply_row(db, row.tbl, row.row_id, theirs)
                if theirs is None:
                    rows.pop(key, None)
                else:
                    rows[key] = theirs
                new_base = state.Base(row.version, codec.digest(theirs) if theirs is not None else state.TOMBSTONE)
                bases[key] = new_base
                state.set_base(db, row.tbl, row.row_id, new_base.version, new_base.hash)
                counts.pulled += 1
            elif current == theirs:  # a held conflict that the other side resolved our way
                state.drop_conflict(db, *key)
                state.set_base(db, row.tbl, row.row_id, row.version, codec.digest(theirs) if theirs else state.TOMBSTONE)
            else:
                db.merge(SyncConflict(tbl=row.tbl, row_id=row.row_id, theirs_version=row.version,
                                      theirs_pc=row.writer_pc, theirs_tombstone=row.tombstone,
                                      theirs_payload=row.payload, detected_at=utcnow()))
                held.add(key)
                counts.conflicts += 1
    counts.rejected += writerlog.check(db)
    tampered = [r for r in counts.rejected if r[2] != "rolled back"]
    if tampered:
        # Rows that fail their seal would leave holes (a case without its person, ...): nothing
        # of this pull is applied, and the server is reported.
        db.rollback()
        dropped = [r for r in tampered if r[2] == "dropped"]
        if dropped:
            raise SE.HubRefusedError(SE.MSG_DROPPED_ROWS, count=len(dropped))
        raise SE.HubRefusedError(SE.MSG_TAMPERED_ROWS, count=len(tampered))
    state.put(db, state.LAST_SEQ_KEY, str(position))
    state.put(db, state.LAST_SYNC_KEY, utcnow().isoformat())
    db.commit()
