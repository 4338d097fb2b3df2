"""A consistent in-memory copy of a vault database while others keep using it."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from intake_desktop.crypto import backup_file as bf
from intake_desktop.crypto.kdf import KdfParams
from intake_desktop.services.backup import files


# -- snapshot ---------------------------------------------------------------------------------
@dataclass
class _Snapshot:
    data: bytes
    counts: dict[str, int]
    meta: dict[str, str]
    schema_revision: str
    slots: tuple[bf.SlotCopy, ...]


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [name for (name,) in rows]


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _user_tables(conn)}


def _slot_copies(conn: sqlite3.Connection) -> tuple[bf.SlotCopy, ...]:
    rows = conn.execute(
        "SELECT k.id, k.kind, k.account_id, k.kdf_params, k.wrapped_key, a.username, a.role "
        "FROM key_slot k LEFT JOIN account a ON a.id = k.account_id "
        "ORDER BY k.kind, a.username, k.id"
    ).fetchall()
    return tuple(
        bf.SlotCopy(id=r[0], kind=r[1], account_id=r[2], username=r[5], role=r[6],
                    params=KdfParams.from_json(json.loads(r[3])), wrapped=bytes(r[4]))
        for r in rows
    )


def take_snapshot(db_path: Path) -> _Snapshot:
    """A consistent copy of the vault database, in memory, while others keep using it.

    `Connection.backup` with all pages in one step copies under one read transaction; in WAL
    mode that never blocks writers and never sees half a transaction."""
    source = files.connect_existing(db_path)
    try:
        memory = sqlite3.connect(":memory:")
        try:
            source.backup(memory)
        except BaseException:
            memory.close()
            raise
    finally:
        source.close()
    try:
        meta = dict(memory.execute("SELECT key, value FROM vault_meta").fetchall())
        revision = memory.execute("SELECT version_num FROM alembic_version").fetchone()
        snapshot = _Snapshot(
            data=b"", counts=_table_counts(memory), meta=meta,
            schema_revision=revision[0] if revision else "", slots=_slot_copies(memory),
        )
        snapshot.data = memory.serialize()
        return snapshot
    finally:
        memory.close()


