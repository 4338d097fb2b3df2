"""Decrypting a backup's body and checking the database inside it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, cast

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session as DbSession

from intake_desktop.crypto import backup_file as bf
from intake_desktop.crypto.aead import associated_data
from intake_desktop.crypto.chunks import chunk_aad
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.crypto.keys import KeyRing
from intake_desktop.crypto.sealer import OWNER_COLUMN, Sealer
from intake_desktop.services import errors as E
from intake_desktop.services.audit import COUNT_KEY, GENESIS, HEAD_KEY, AuditLog
from intake_desktop.services.backup.constants import (
    IO_CHUNK,
    MANIFEST_FORMAT,
    MAX_MANIFEST_BYTES,
    MSG_BACKUP_DAMAGED,
    SQLITE_MAGIC,
)
from intake_desktop.services.backup.model import OpenedBackup, VerifiedBackup
from intake_desktop.services.backup.snapshot import (
    _slot_copies,
    _table_counts,
    _user_tables,
)
from intake_desktop.storage.models import ENCRYPTED_TABLES


@dataclass(frozen=True)
class _Place:
    engine: object
    db_path: Path


class _Actor:
    """The little of a Session that AuditLog needs (keys, a database, who acts), over any
    engine: a restored vault before it is published, or a snapshot being verified."""

    def __init__(self, engine: Engine, keyring: KeyRing, account_id: str | None, db_path: Path | str = ":memory:") -> None:
        self._engine = engine
        self.vault = _Place(engine, Path(db_path))
        self.keyring = keyring
        self.account_id = account_id

    def db(self) -> DbSession:
        return DbSession(self._engine, expire_on_commit=False)


# -- decrypting and checking the body -------------------------------------------------------------
class _BodySplitter:
    """Splits decrypted body bytes into the manifest and the database image, hashing the
    database as it passes. Nothing it collects is trusted until the stream is finalized."""

    # The image is stored exactly as SQLite wrote it (WAL mode: header bytes 18-19 = 2). The
    # scratch copy is switched to rollback mode (1, 1): it then needs no -wal/-shm files, and
    # it is the only mode an in-memory database opens in. The vault engine switches a restored
    # vault back to WAL the first time it opens it.
    JOURNAL_MODE_BYTES = (18, 19)

    def __init__(self, sink: Callable[[bytes], None], path: Path) -> None:
        self._sink = sink
        self._path = path
        self._head = bytearray()
        self.manifest_bytes: bytes | None = None
        self.database_bytes = 0
        self._hash = hashlib.sha256()

    def feed(self, data: bytes) -> None:
        if self.manifest_bytes is None:
            self._head += data
            size = bf.MANIFEST_LENGTH.size
            if len(self._head) < size:
                return
            (length,) = bf.MANIFEST_LENGTH.unpack(bytes(self._head[:size]))
            if length > MAX_MANIFEST_BYTES:
                raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(self._path))
            if len(self._head) < size + length:
                return
            self.manifest_bytes = bytes(self._head[size:size + length])
            data = bytes(self._head[size + length:])
            self._head = bytearray()
        if not data:
            return
        self._hash.update(data)
        offset = self.database_bytes
        if offset <= max(self.JOURNAL_MODE_BYTES):
            patched = bytearray(data)
            for position in self.JOURNAL_MODE_BYTES:
                if 0 <= position - offset < len(patched):
                    patched[position - offset] = 1
            data = bytes(patched)
        self.database_bytes += len(data)
        self._sink(data)

    @property
    def database_sha256(self) -> str:
        return self._hash.hexdigest()


def _decrypt_body(opened: OpenedBackup, sink: Callable[[bytes], None]) -> dict[str, Any]:
    """Decrypt the whole body into `sink`, authenticate it to the end, then check and return
    the manifest. Raises DamagedError for anything that does not add up. Errors of the sink
    (a full disk while restoring) propagate unchanged for the caller to report."""
    path = opened.path
    decryptor = bf.BodyDecryptor(opened.file_key, opened.parsed.digest)
    splitter = _BodySplitter(sink, path)

    def read_error(exc: OSError) -> E.ServiceError:
        return E.ServiceError(E.MSG_IO, path=str(path), reason=exc.strerror or str(exc))

    try:
        try:
            source = path.open("rb")
            source.seek(opened.parsed.body_offset)
        except OSError as exc:
            raise read_error(exc) from exc
        with source:
            while True:
                try:
                    chunk = source.read(IO_CHUNK)
                except OSError as exc:
                    raise read_error(exc) from exc
                if not chunk:
                    break
                splitter.feed(decryptor.update(chunk))
        splitter.feed(decryptor.finalize())
    except TamperedError as exc:
        raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path)) from exc
    # From here on the whole body is authenticated: it is exactly what the creator wrote.
    try:
        manifest = json.loads((splitter.manifest_bytes or b"").decode("utf-8"))
        header = opened.header
        ok = (
            manifest.get("format") == MANIFEST_FORMAT
            and manifest["backup_id"] == header.backup_id
            and manifest["vault_id"] == header.vault_id
            and manifest["created_at"] == header.created_at
            and manifest["schema_revision"] == header.schema_revision
            and manifest["database"]["bytes"] == splitter.database_bytes
            and manifest["database"]["sha256"] == splitter.database_sha256
            and isinstance(manifest["tables"], dict)
            and isinstance(manifest["audit"]["count"], int)
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path)) from exc
    if not ok:
        raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path))
    return cast(dict[str, Any], manifest)


@dataclass(frozen=True)
class _Checked:
    counts: dict[str, int]
    audit_problems: int
    values_checked: int
    damaged_values: int


def _engine_over(conn: sqlite3.Connection) -> Engine:
    return create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)


def _deep_check(conn: sqlite3.Connection, keyring: KeyRing) -> tuple[int, int]:
    """Open every sealed value where it stands (with its owner bound, as the services do)."""
    sealer = Sealer(keyring.cipher("fields"))
    cipher = keyring.cipher("fields")
    tables = set(_user_tables(conn))
    checked = damaged = 0
    for table in (t for t in ENCRYPTED_TABLES if t in tables):
        owner = OWNER_COLUMN.get(table)
        owner_sql = f'"{owner}"' if owner else "NULL"
        for row_id, version, owner_id, blob in conn.execute(f'SELECT id, version, {owner_sql}, data FROM "{table}"'):
            checked += 1
            try:
                sealer.open(table, row_id, version, bytes(blob), owner=owner_id)
            except (TamperedError, ValueError):
                damaged += 1
    if "attachment_chunk" in tables:  # raw sealed chunks, each bound to its place (crypto/chunks.py)
        last = dict(conn.execute("SELECT attachment_id, MAX(idx) FROM attachment_chunk GROUP BY attachment_id"))
        for attachment_id, case_id, index, blob in conn.execute(
                "SELECT attachment_id, case_id, idx, data FROM attachment_chunk"):
            checked += 1
            try:
                cipher.decrypt(bytes(blob), chunk_aad(attachment_id, case_id, index, index == last[attachment_id]))
            except TamperedError:
                damaged += 1
    for row_id, blob in conn.execute("SELECT id, details FROM audit_event"):
        checked += 1
        try:
            cipher.decrypt(bytes(blob), associated_data("audit_event", "details", row_id, 1))
        except TamperedError:
            damaged += 1
    return checked, damaged


def _check_database(conn: sqlite3.Connection, opened: OpenedBackup, manifest: dict[str, Any], *, deep: bool) -> _Checked:
    """SQLite's own checks, then the manifest against the database it describes."""
    path = opened.path
    header = opened.header
    try:
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path))
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path))
        counts = _table_counts(conn)
        meta = dict(conn.execute("SELECT key, value FROM vault_meta").fetchall())
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        slot_ids = {(s.id, s.wrapped) for s in _slot_copies(conn)}
    except sqlite3.DatabaseError as exc:
        raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path)) from exc
    audit = manifest["audit"]
    consistent = (
        counts == manifest["tables"]
        and meta.get("vault_id") == header.vault_id
        and (revision[0] if revision else "") == header.schema_revision
        and meta.get(HEAD_KEY, GENESIS) == audit["head"]
        and int(meta.get(COUNT_KEY, "0")) == audit["count"]
        and slot_ids == {(s.id, s.wrapped) for s in header.slots}
    )
    if not consistent:
        raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path))
    engine = _engine_over(conn)
    try:
        problems = AuditLog(_Actor(engine, opened.keyring, opened.account_id)).verify()
    finally:
        engine.dispose(close=False)
    checked = damaged = 0
    if deep:
        checked, damaged = _deep_check(conn, opened.keyring)
    return _Checked(counts, len(problems), checked, damaged)


def _verified(opened: OpenedBackup, manifest: dict[str, Any], checked: _Checked) -> VerifiedBackup:
    return VerifiedBackup(
        info=opened.info(), table_counts=checked.counts, audit_count=manifest["audit"]["count"],
        audit_head=manifest["audit"]["head"], database_bytes=manifest["database"]["bytes"],
        audit_problems=checked.audit_problems, values_checked=checked.values_checked,
        damaged_values=checked.damaged_values,
    )


def verify_backup(opened: OpenedBackup, *, deep: bool = True) -> VerifiedBackup:
    """Full check of a backup in memory; nothing is written anywhere.

    Decrypt and authenticate the whole body, then run SQLite's integrity and foreign-key
    checks on an in-memory copy, compare the manifest (table counts, schema revision, audit
    head and count, key slots) with that copy, re-check the audit chain and, with `deep`, open
    every encrypted value. Memory use: about twice the database size."""
    image = bytearray()
    manifest = _decrypt_body(opened, image.extend)
    if len(image) < 100 or bytes(image[:16]) != SQLITE_MAGIC:
        raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(opened.path))
    conn = sqlite3.connect(":memory:")
    try:
        try:
            conn.deserialize(image)
        except sqlite3.DatabaseError as exc:
            raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(opened.path)) from exc
        del image
        checked = _check_database(conn, opened, manifest, deep=deep)
    finally:
        conn.close()
    return _verified(opened, manifest, checked)


