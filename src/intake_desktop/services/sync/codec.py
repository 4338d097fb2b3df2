"""Rows as they travel: which tables sync, how a stored row becomes one sealed payload, and back.

A payload is the row exactly as the local vault stores it (clear columns as SQLite returns them,
sealed documents as their ciphertext bytes), as canonical JSON, then sealed with AES-GCM under
the centre's "hub" key (HKDF from the shared DEK). Its associated data binds the table, the row
id and the hub version, so the server cannot edit a payload, move it to another row, or pass an
old payload off as a newer version; it can only replay an older (version, payload) pair, which
the receiver catches by version (rounds.py). Nothing is decrypted on the way: the sealed
documents inside stay sealed under their own field AEAD.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import TableClause, column, table

from intake_desktop.crypto.errors import TamperedError

AAD_PREFIX = "intake-desktop|hub-row|v1"


@dataclass(frozen=True)
class SyncedTable:
    name: str
    key: tuple[str, ...]          # primary key columns (row id = their values joined by "|")
    local: tuple[tuple[str, object], ...] = ()  # (column, value for a new row): kept per PC, never sent
    bootstrap: bool = False       # also sent in clear for `join` (a new PC logs in before it has the key)
    where: str = ""               # only these rows sync (SQL condition)


# vault_meta entries every PC shares; the rest (integrity state, access-log head, sync state,
# letter high-water mark, last backup) belong to one PC.
CENTRE_META = ("centre_name", "centre_profile", "created_at", "retention_years")

# Parents before children: pulled rows are written in this order, deletions in the reverse one.
TABLES: tuple[SyncedTable, ...] = (
    SyncedTable("vault_meta", ("key",), where="key IN (%s)" % ", ".join(f"'{k}'" for k in CENTRE_META)),
    # A failed login counts on the PC where it happened (the lockout is per PC, like the log).
    SyncedTable("account", ("id",), local=(("failed_attempts", 0), ("last_failed_at", None)), bootstrap=True),
    SyncedTable("key_slot", ("id",), bootstrap=True),
    SyncedTable("partner", ("id",)),
    SyncedTable("custom_form", ("id",)),
    SyncedTable("person", ("id",)),
    SyncedTable("case_file", ("id",)),
    SyncedTable("case_share", ("case_id", "account_id")),
    SyncedTable("intake_record", ("id",)),
    SyncedTable("session_note", ("id",)),
    SyncedTable("service_plan", ("id",)),
    SyncedTable("follow_up", ("id",)),
    SyncedTable("consent", ("id",)),
    SyncedTable("referral", ("id",)),
    SyncedTable("letter", ("id",)),
)
BY_NAME = {t.name: t for t in TABLES}
ORDER = {t.name: i for i, t in enumerate(TABLES)}


def columns_of(connection, name: str) -> list[str]:
    return [r[1] for r in connection.exec_driver_sql(f'PRAGMA table_info("{name}")')]


def synced_columns(connection, spec: SyncedTable) -> list[str]:
    local = {name for name, _ in spec.local}
    return [c for c in columns_of(connection, spec.name) if c not in local]


def new_row(spec: SyncedTable, values: dict) -> dict:
    """The values of a row arriving on this PC for the first time: the sender's, plus this
    PC's own starting values of its local columns."""
    return {**dict(spec.local), **values}


def row_id_of(spec: SyncedTable, values: dict) -> str:
    return "|".join(str(values[k]) for k in spec.key)


def key_of(spec: SyncedTable, row_id: str) -> dict:
    return dict(zip(spec.key, row_id.split("|"), strict=True))


def encode(values: dict) -> bytes:
    """Canonical bytes of one row (sorted columns; bytes as {"b": base64})."""
    def plain(value):
        if isinstance(value, (bytes, bytearray, memoryview)):
            return {"b": base64.b64encode(bytes(value)).decode("ascii")}
        return value
    return json.dumps({k: plain(v) for k, v in sorted(values.items())}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def decode(blob: bytes) -> dict:
    try:
        data = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise TamperedError("payload is not a row") from exc
    if not isinstance(data, dict):
        raise TamperedError("payload is not a row")
    return {k: base64.b64decode(v["b"]) if isinstance(v, dict) else v for k, v in data.items()}


def digest(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


def _aad(tbl: str, row_id: str, version: int) -> bytes:
    return f"{AAD_PREFIX}|{tbl}|{row_id}|{version}".encode()


def seal(keyring, tbl: str, row_id: str, version: int, encoded: bytes) -> bytes:
    return keyring.cipher("hub").encrypt(encoded, _aad(tbl, row_id, version))


def open_sealed(keyring, tbl: str, row_id: str, version: int, blob: bytes) -> bytes:
    """The row's bytes; TamperedError if the payload was edited, moved or relabelled."""
    return keyring.cipher("hub").decrypt(bytes(blob), _aad(tbl, row_id, version))


def read_rows(connection, spec: SyncedTable) -> Iterator[tuple[str, bytes]]:
    """(row id, encoded row) of every synced row of one table, as stored."""
    names = synced_columns(connection, spec)
    sql = "SELECT " + ", ".join(f'"{c}"' for c in names) + f' FROM "{spec.name}"'
    if spec.where:
        sql += f" WHERE {spec.where}"
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        for values in cursor.execute(sql):
            row = dict(zip(names, values, strict=True))
            yield row_id_of(spec, row), encode(row)
    finally:
        cursor.close()


def lightweight(spec: SyncedTable, names) -> TableClause:
    """A column-typed-nothing table: values go to SQLite exactly as they came (a DateTime stays
    the text SQLite stored), so the row and its integrity MAC are byte for byte the sender's."""
    return table(spec.name, *(column(n) for n in names))
