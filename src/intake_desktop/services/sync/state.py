"""This PC's sync state in its own vault: which server, which PC, how far it has pulled, where
each row stood with the hub (sync_row), and the conflicts waiting for a choice (sync_conflict).

All of it is per PC and never sent. The server's password, if stored, is sealed (AEAD under the
vault's field key), never in clear settings.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlmodel import col

from intake_desktop.crypto.aead import associated_data
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.storage.models import SyncConflict, SyncRow, VaultMeta

URL_KEY = "sync.url"
PC_KEY = "sync.pc_id"
EPOCH_KEY = "sync.epoch"
LAST_SEQ_KEY = "sync.last_seq"
LAST_SYNC_KEY = "sync.last_sync_at"
PASSWORD_KEY = "sync.password"
TOMBSTONE = "-"  # base_hash of a row the hub holds as deleted


@dataclass(frozen=True)
class Base:
    version: int
    hash: str


def get(db, key: str) -> str | None:
    row = db.get(VaultMeta, key)
    return row.value if row is not None else None


def put(db, key: str, value: str) -> None:
    db.merge(VaultMeta(key=key, value=value))


def configured(db) -> bool:
    return get(db, EPOCH_KEY) is not None


def last_seq(db) -> int:
    return int(get(db, LAST_SEQ_KEY) or 0)


def last_sync_at(db) -> datetime | None:
    value = get(db, LAST_SYNC_KEY)
    return datetime.fromisoformat(value) if value else None


def bases(db) -> dict[tuple[str, str], Base]:
    return {(r.tbl, r.row_id): Base(r.base_version, r.base_hash)
            for r in db.exec(select(SyncRow)).scalars()}


def set_base(db, tbl: str, row_id: str, version: int, hash_: str) -> None:
    db.merge(SyncRow(tbl=tbl, row_id=row_id, base_version=version, base_hash=hash_))


def conflict_keys(db) -> set[tuple[str, str]]:
    return {(r.tbl, r.row_id) for r in db.exec(select(col(SyncConflict.tbl), col(SyncConflict.row_id))).all()}


def drop_conflict(db, tbl: str, row_id: str) -> None:
    db.execute(delete(SyncConflict).where(col(SyncConflict.tbl) == tbl, col(SyncConflict.row_id) == row_id))


def _password_aad() -> bytes:
    return associated_data("vault_meta", "value", PASSWORD_KEY, 1)


def store_password(db, keyring, password: str) -> None:
    blob = keyring.cipher("fields").encrypt(password.encode("utf-8"), _password_aad())
    put(db, PASSWORD_KEY, base64.b64encode(blob).decode("ascii"))


def load_password(db, keyring) -> str | None:
    value = get(db, PASSWORD_KEY)
    if not value:
        return None
    try:
        return keyring.cipher("fields").decrypt(base64.b64decode(value), _password_aad()).decode("utf-8")
    except (TamperedError, ValueError):
        return None
