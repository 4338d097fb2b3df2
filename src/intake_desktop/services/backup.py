"""Backups: one encrypted `.ikbak` file per backup; verified before anything is used; restored
by rename, never in place. The file format is in crypto/backup_file.py and docs/backup-format.md.

What this module promises, whatever happens (power cut, kill, full disk, I/O error):
- the vault being backed up is only read (a consistent snapshot through SQLite's online
  backup API, taken into memory; other connections may keep writing);
- a backup is written under a temporary name in the target folder, flushed, fsynced and only
  then given its final name, which never replaces an existing file;
- restored data is decrypted into a scratch place (memory for `verify`, a temporary file in
  the target folder for `restore`) and used only after the whole file authenticated and the
  database passed SQLite's integrity check and the manifest's checks;
- a restore never writes over a vault: into a new folder it is published under `vault.sqlite`
  only if none exists; over the current vault, the old file first gets a second name (the
  safety copy) and the new one replaces it in one rename, so `vault.sqlite` is at every moment
  either the complete old vault or the complete restored one.
Plaintext personal data never reaches the disk: the snapshot is the vault's own pages (every
personal value is already AES-GCM ciphertext) and it is written only inside the encrypted body.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import json
import os
import re
import secrets
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

import filelock
from sqlalchemy import create_engine, select
from sqlalchemy.engine import URL
from sqlalchemy.pool import StaticPool
from sqlmodel import Session as DbSession

from intake_desktop import __version__
from intake_desktop.crypto import backup_file as bf
from intake_desktop.crypto import recovery
from intake_desktop.crypto.aead import associated_data
from intake_desktop.crypto.sealer import OWNER_COLUMN, Sealer
from intake_desktop.crypto.errors import TamperedError, WeakParametersError, WrongKeyError
from intake_desktop.crypto.kdf import KdfParams
from intake_desktop.crypto.keys import KeyRing
from intake_desktop.domain.enums import Role, SlotKind
from intake_desktop.fileio import FileBusyError, RetryPolicy, fsync_dir, retry_while_busy
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import errors as E
from intake_desktop.services.audit import COUNT_KEY, GENESIS, HEAD_KEY, AuditLog
from intake_desktop.services.faults import from_database_error, from_os_error, storage_errors
from intake_desktop.storage import migrate
from intake_desktop.storage.models import ENCRYPTED_TABLES, Account, AuditEvent, VaultMeta, new_id, utcnow

BACKUP_SUFFIX = ".ikbak"
PARTIAL_SUFFIX = ".partial"
LOCK_FILE = "vault.lock"  # the same name services/vault.py uses
LAST_GOOD_KEY = "backup_last_good_at"
MANIFEST_FORMAT = "intake-desktop backup manifest"
IO_CHUNK = 1 << 20
MAX_MANIFEST_BYTES = 4 << 20
STALE_PARTIAL_SECONDS = 3600
SQLITE_MAGIC = b"SQLite format 3\x00"
NAME_PATTERN = re.compile(
    r"^intake-(?P<vault>[0-9a-f]{8})-(?P<day>\d{8})-(?P<time>\d{6})(?:-(?P<n>\d{1,4}))?\.ikbak$"
)
# Temporary names: ".<final name>.<8 hex>.partial" (backups) and
# ".vault.sqlite.restore-<8 hex>.partial" (restores). Only the first kind is swept by rotate().
PARTIAL_PATTERN = re.compile(r"^\..+\.ikbak\.[0-9a-f]{8}\.partial$")
RESTORE_PARTIAL_PATTERN = re.compile(r"^\.vault\.sqlite\.restore-[0-9a-f]{8}\.partial$")

MSG_NOT_A_BACKUP = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not an intake-desktop backup, or its header is damaged. Nothing was changed."
)
MSG_BACKUP_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup {path} is damaged or has been tampered with. It was not used and nothing was changed.",
)
MSG_BACKUP_TOO_NEW = QT_TRANSLATE_NOOP(
    "Errors", "The backup {path} was made by a newer version of intake-desktop. Install that version to use it."
)
MSG_BACKUP_EXISTS = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} already exists. A backup never replaces another file: choose a new name."
)
MSG_TARGET_BUSY = QT_TRANSLATE_NOOP(
    "Errors",
    "{path} could not be written: the folder is read-only, or the file is held open by another "
    "program (a virus scanner or a sync tool, for example). Nothing was changed; try again.",
)
MSG_NO_FOLDER = QT_TRANSLATE_NOOP("Errors", "The folder {path} does not exist.")
MSG_NOT_IN_BACKUP = QT_TRANSLATE_NOOP(
    "Errors", "The backup has no account named {username} (accounts as of the day it was made)."
)
MSG_OTHER_VAULT = QT_TRANSLATE_NOOP("Errors", "The backup {path} belongs to another vault.")
MSG_TARGET_HAS_VAULT = QT_TRANSLATE_NOOP(
    "Errors", "There is already a vault in {path}. Restore into a new, empty folder."
)
MSG_READ_BACK_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup {path} was written, but reading it back failed: the disk or USB stick may be "
    "faulty. It was deleted; earlier backups were not touched.",
)
MSG_VALUES_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup file is intact, but {count} stored value(s) inside it fail authentication: they "
    "were already damaged in the vault when the backup was made.",
)


# -- secrets and what an opened backup holds --------------------------------------------------
@dataclass(frozen=True)
class BackupSecret:
    """What opens a backup: an account passphrase (as of the backup) or the recovery key.

    With a passphrase and no username, every account slot in the header is tried (one Argon2id
    run each). With the recovery key, `username` names the account recorded as acting in the
    restored vault's access log (default: the first administrator in the backup)."""

    kind: SlotKind
    secret: str = field(repr=False)
    username: str | None = None

    @classmethod
    def passphrase(cls, passphrase: str, username: str | None = None) -> "BackupSecret":
        return cls(SlotKind.ACCOUNT, passphrase, username)

    @classmethod
    def recovery_key(cls, key: str, username: str | None = None) -> "BackupSecret":
        return cls(SlotKind.RECOVERY, key, username)


@dataclass(frozen=True)
class BackupInfo:
    """What the clear header says (readable without a key; not authenticated until opened)."""

    path: Path
    backup_id: str
    vault_id: str
    centre_name: str
    created_at: datetime
    app_version: str
    schema_revision: str
    usernames: tuple[str, ...]
    has_recovery_slot: bool
    size: int


@dataclass(frozen=True)
class VerifiedBackup:
    info: BackupInfo
    table_counts: dict[str, int]
    audit_count: int
    audit_head: str
    database_bytes: int
    audit_problems: int  # problems of the audit chain inside the backup (as the vault had them)
    values_checked: int  # encrypted values opened by a deep check (0 when not deep)
    damaged_values: int  # of those, how many failed authentication

    @property
    def case_count(self) -> int:
        return self.table_counts.get("case_file", 0)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    backup_id: str
    created_at: datetime
    size: int
    table_counts: dict[str, int]
    verified: bool

    @property
    def case_count(self) -> int:
        return self.table_counts.get("case_file", 0)


@dataclass(frozen=True)
class RestoreResult:
    vault_path: Path
    verified: VerifiedBackup
    safety_copy: Path | None = None


class OpenedBackup:
    """A backup whose header was read and whose file key was recovered. Holds keys: `close()`
    (or `with`) drops them. Nothing of the body has been read yet."""

    def __init__(self, path: Path, parsed: bf.ParsedHeader, keyring: KeyRing, file_key: bytes, *,
                 account_id: str | None, username: str | None, role: str | None, via: SlotKind,
                 owns_keyring: bool) -> None:
        self.path = Path(path)
        self.parsed = parsed
        self.keyring = keyring
        self.file_key = file_key
        self.account_id = account_id
        self.username = username
        self.role = role
        self.via = via
        self._owns_keyring = owns_keyring

    @property
    def header(self) -> bf.BackupHeader:
        return self.parsed.header

    def info(self) -> BackupInfo:
        return _info(self.path, self.header)

    def close(self) -> None:
        if self._owns_keyring:
            self.keyring.close()
        self.file_key = b""

    def __enter__(self) -> "OpenedBackup":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


@dataclass(frozen=True)
class _Place:
    engine: object
    db_path: Path


class _Actor:
    """The little of a Session that AuditLog needs (keys, a database, who acts), over any
    engine: a restored vault before it is published, or a snapshot being verified."""

    def __init__(self, engine, keyring: KeyRing, account_id: str | None, db_path: Path | str = ":memory:") -> None:
        self._engine = engine
        self.vault = _Place(engine, Path(db_path))
        self.keyring = keyring
        self.account_id = account_id

    def db(self) -> DbSession:
        return DbSession(self._engine, expire_on_commit=False)


# -- small file-system helpers ----------------------------------------------------------------
def _with_retry(action: Callable[[], object], path: Path, policy: RetryPolicy):
    """fileio.retry_while_busy, with the service's message when the file stays busy."""
    try:
        return retry_while_busy(action, path, policy)
    except FileBusyError as exc:
        raise E.ServiceError(MSG_TARGET_BUSY, path=str(path)) from exc


def _publish(temporary: Path, final: Path) -> None:
    """Give `temporary` the name `final`, never replacing an existing file.

    A hard link is atomic and refuses an existing name; where the file system has no hard
    links (FAT/exFAT sticks, some shares) we look first and rename (on Windows the rename
    itself refuses an existing name; on POSIX a race here is theoretical)."""
    try:
        os.link(temporary, final)
    except FileExistsError as exc:
        raise E.ServiceError(MSG_BACKUP_EXISTS, path=str(final)) from exc
    except (OSError, NotImplementedError) as exc:
        if getattr(exc, "errno", None) in (errno.ENOSPC, errno.EIO, errno.EROFS):
            raise
        if os.path.lexists(final):
            raise E.ServiceError(MSG_BACKUP_EXISTS, path=str(final)) from exc
        try:
            os.rename(temporary, final)
        except FileExistsError as exists:
            raise E.ServiceError(MSG_BACKUP_EXISTS, path=str(final)) from exists
        return
    try:
        os.unlink(temporary)
    except OSError:
        pass  # a second name for the same complete file; swept as a stale partial later


def _connect_existing(db_path: Path, timeout: float = 30) -> sqlite3.Connection:
    """A plain connection to a database that must already exist (sqlite3.connect would
    quietly create an empty one). The URI is percent-encoded, so any folder name works."""
    return sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=rw", uri=True, timeout=timeout)


def _unlink_quietly(path: Path) -> None:
    for candidate in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # best effort: it is ciphertext under a name nothing reads


def _partial_name(final_name: str) -> str:
    return f".{final_name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}"


def _default_opener(path: Path) -> BinaryIO:
    return open(path, "xb")  # noqa: SIM115 - closed by the caller


# -- names and rotation (pure) ----------------------------------------------------------------
def backup_name(vault_id: str, created_local: datetime, n: int = 1) -> str:
    suffix = "" if n <= 1 else f"-{n}"
    return f"intake-{vault_id[:8]}-{created_local:%Y%m%d-%H%M%S}{suffix}{BACKUP_SUFFIX}"


@dataclass(frozen=True)
class ParsedName:
    vault_prefix: str
    when: datetime  # local time, naive, from the name


def parse_backup_name(name: str) -> ParsedName | None:
    match = NAME_PATTERN.match(name)
    if not match:
        return None
    try:
        when = datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    if match["n"]:
        when = when + timedelta(microseconds=int(match["n"]))  # keeps same-second names ordered
    return ParsedName(match["vault"], when)


@dataclass(frozen=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class RotationPlan:
    keep: tuple[str, ...]
    delete: tuple[str, ...]


def plan_rotation(backups: Iterable[tuple[str, datetime]], policy: RotationPolicy = RotationPolicy()) -> RotationPlan:
    """Which backups to keep: the newest of each of the last `daily` days that have a backup,
    of the last `weekly` ISO weeks and of the last `monthly` months; the newest backup always.

    Pure: works on (name, time) pairs only. Ties in time are broken by name."""
    items = sorted(set(backups), key=lambda item: (item[1], item[0]), reverse=True)
    keep: set[str] = set()
    if items:
        keep.add(items[0][0])
    buckets: tuple[tuple[int, Callable[[datetime], object]], ...] = (
        (policy.daily, lambda when: when.date()),
        (policy.weekly, lambda when: when.isocalendar()[:2]),
        (policy.monthly, lambda when: (when.year, when.month)),
    )
    for limit, bucket_of in buckets:
        seen: set[object] = set()
        for name, when in items:
            if len(seen) >= limit:
                break
            bucket = bucket_of(when)
            if bucket not in seen:
                seen.add(bucket)
                keep.add(name)
    names_in_order = [name for name, _ in items]
    return RotationPlan(
        keep=tuple(n for n in names_in_order if n in keep),
        delete=tuple(n for n in names_in_order if n not in keep),
    )


@dataclass(frozen=True)
class RotationResult:
    kept: tuple[str, ...]
    deleted: tuple[str, ...]
    stale_partials_removed: int


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
    source = _connect_existing(db_path)
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


# -- reading the header and opening -------------------------------------------------------------
def _parse_time(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise TamperedError("backup time is not valid") from exc
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _info(path: Path, header: bf.BackupHeader) -> BackupInfo:
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    return BackupInfo(
        path=Path(path), backup_id=header.backup_id, vault_id=header.vault_id,
        centre_name=header.centre_name, created_at=_parse_time(header.created_at),
        app_version=header.app_version, schema_revision=header.schema_revision,
        usernames=tuple(s.username for s in header.slots if s.kind == SlotKind.ACCOUNT.value and s.username),
        has_recovery_slot=any(s.kind == SlotKind.RECOVERY.value for s in header.slots),
        size=size,
    )


def _read_parsed(path: Path) -> bf.ParsedHeader:
    path = Path(path)
    try:
        with path.open("rb") as source:
            return bf.read_header(source)
    except bf.UnsupportedVersionError as exc:
        raise E.ServiceError(MSG_BACKUP_TOO_NEW, path=str(path)) from exc
    except TamperedError as exc:
        raise E.DamagedError(MSG_NOT_A_BACKUP, path=str(path)) from exc
    except FileNotFoundError as exc:
        raise E.ServiceError(E.MSG_IO, path=str(path), reason=exc.strerror or str(exc)) from exc
    except OSError as exc:
        raise from_os_error(exc, path) from exc


def read_backup_info(path: Path) -> BackupInfo:
    """The clear header of a backup, for lists and the restore dialog. No key needed."""
    parsed = _read_parsed(path)
    try:
        return _info(path, parsed.header)
    except TamperedError as exc:
        raise E.DamagedError(MSG_NOT_A_BACKUP, path=str(path)) from exc


def _file_key(path: Path, parsed: bf.ParsedHeader, keyring: KeyRing) -> bytes:
    try:
        return bf.unwrap_file_key(parsed.header, keyring.purpose_key("backup"))
    except TamperedError as exc:
        raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path)) from exc


def open_backup(path: Path, secret: BackupSecret) -> OpenedBackup:
    """Read the header and open it with a passphrase or the recovery key (Argon2id with the
    slot copies in the header, i.e. the secrets that were valid when the backup was made).

    Raises DamagedError (exit 4) for a damaged header, DeniedError (exit 3) for a wrong secret."""
    path = Path(path)
    parsed = _read_parsed(path)
    header = parsed.header
    if secret.kind is SlotKind.RECOVERY:
        try:
            raw = recovery.secret_bytes(secret.secret)
        except recovery.RecoveryKeyFormatError as exc:
            raise E.DeniedError(E.MSG_BAD_RECOVERY_KEY) from exc
        candidates = [s for s in header.slots if s.kind == SlotKind.RECOVERY.value]
        wrong = E.MSG_WRONG_RECOVERY_KEY
    else:
        if not secret.secret:
            raise E.DeniedError(E.MSG_EMPTY_PASSPHRASE)
        raw = secret.secret.encode()
        candidates = [s for s in header.slots if s.kind == SlotKind.ACCOUNT.value]
        if secret.username is not None:
            candidates = [s for s in candidates if s.username == secret.username]
            if not candidates:
                raise E.DeniedError(MSG_NOT_IN_BACKUP, username=secret.username)
        wrong = E.MSG_WRONG_PASSPHRASE
    if not candidates:
        raise E.DamagedError(MSG_NOT_A_BACKUP, path=str(path))
    for slot in candidates:
        if not bf.params_within_bounds(slot.params):  # before Argon2id allocates anything
            raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path))
        try:
            dek = slot.open(raw, header.vault_id)
        except WrongKeyError:
            continue
        except WeakParametersError as exc:  # a tampered slot must not downgrade the KDF
            raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path)) from exc
        keyring = KeyRing(dek, header.vault_id)
        try:
            file_key = _file_key(path, parsed, keyring)
        except BaseException:
            keyring.close()
            raise
        account_id, username, role = slot.account_id, slot.username, slot.role
        if slot.kind == SlotKind.RECOVERY.value:
            account_id, username, role = _recovery_actor(header, secret.username)
        return OpenedBackup(path, parsed, keyring, file_key, account_id=account_id, username=username,
                            role=role, via=SlotKind(slot.kind), owns_keyring=True)
    raise E.DeniedError(wrong)


def _recovery_actor(header: bf.BackupHeader, username: str | None) -> tuple[str | None, str | None, str | None]:
    accounts = sorted(
        (s for s in header.slots if s.kind == SlotKind.ACCOUNT.value and s.account_id),
        key=lambda s: (s.role != Role.ADMIN.value, s.username or ""),
    )
    if username is not None:
        accounts = [s for s in accounts if s.username == username]
        if not accounts:
            raise E.DeniedError(MSG_NOT_IN_BACKUP, username=username)
    if not accounts:
        return None, None, Role.ADMIN.value
    # The recovery key stands in for an administrator, as in Vault.unlock_with_recovery.
    return accounts[0].account_id, accounts[0].username, Role.ADMIN.value


def open_backup_with_session(path: Path, session) -> OpenedBackup:
    """Open a backup of the session's own vault with the session's key (no KDF run)."""
    path = Path(path)
    parsed = _read_parsed(path)
    keyring = session.keyring
    if parsed.header.vault_id != keyring.vault_id:
        raise E.ServiceError(MSG_OTHER_VAULT, path=str(path))
    file_key = _file_key(path, parsed, keyring)
    return OpenedBackup(path, parsed, keyring, file_key, account_id=session.account_id,
                        username=session.username, role=session.role.value, via=SlotKind.ACCOUNT,
                        owns_keyring=False)


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


def _decrypt_body(opened: OpenedBackup, sink: Callable[[bytes], None]) -> dict:
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
    return manifest


@dataclass(frozen=True)
class _Checked:
    counts: dict[str, int]
    audit_problems: int
    values_checked: int
    damaged_values: int


def _engine_over(conn: sqlite3.Connection):
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
    for row_id, blob in conn.execute("SELECT id, details FROM audit_event"):
        checked += 1
        try:
            cipher.decrypt(bytes(blob), associated_data("audit_event", "details", row_id, 1))
        except TamperedError:
            damaged += 1
    return checked, damaged


def _check_database(conn: sqlite3.Connection, opened: OpenedBackup, manifest: dict, *, deep: bool) -> _Checked:
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


def _verified(opened: OpenedBackup, manifest: dict, checked: _Checked) -> VerifiedBackup:
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


# -- restoring ------------------------------------------------------------------------------------
def _acquire(folder: Path) -> filelock.FileLock:
    lock = filelock.FileLock(str(folder / LOCK_FILE), timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise E.ServiceError(E.MSG_IN_USE) from exc
    except OSError as exc:
        raise from_os_error(exc, folder) from exc
    return lock


def _stage(opened: OpenedBackup, folder: Path, *, action_details: dict,
           opener: Callable[[Path], BinaryIO] | None = None) -> tuple[Path, VerifiedBackup]:
    """Decrypt into a temporary file in `folder`, check it, append the restore event to its
    access log and fsync it. Returns the temporary path; the caller publishes it. On any
    failure the temporary file is removed and the exception propagates."""
    if opened.header.schema_revision not in migrate.known_revisions():
        raise E.ServiceError(MSG_BACKUP_TOO_NEW, path=str(opened.path))
    _sweep_restore_leftovers(folder)
    staging = folder / f".{VAULT_FILE}.restore-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    try:
        try:
            with (opener or _default_opener)(staging) as sink:
                manifest = _decrypt_body(opened, sink.write)
                sink.flush()
                os.fsync(sink.fileno())
        except OSError as exc:
            raise from_os_error(exc, folder) from exc
        conn = sqlite3.connect(str(staging))
        try:
            checked = _check_database(conn, opened, manifest, deep=False)
        except sqlite3.DatabaseError as exc:
            raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(opened.path)) from exc
        finally:
            conn.close()
        verified = _verified(opened, manifest, checked)
        _record_restore(staging, opened, action_details)
        try:
            with staging.open("rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            raise from_os_error(exc, folder) from exc
        return staging, verified
    except BaseException:
        _unlink_quietly(staging)
        raise


def _sweep_restore_leftovers(folder: Path) -> None:
    """Temporary files of a restore that was killed or lost power. Safe to remove: the caller
    holds the folder's lock file, so no other restore is writing them."""
    for entry in folder.glob(f".{VAULT_FILE}.restore-*{PARTIAL_SUFFIX}"):
        if RESTORE_PARTIAL_PATTERN.match(entry.name):
            _unlink_quietly(entry)


def _record_restore(db_path: Path, opened: OpenedBackup, details: dict) -> None:
    """Append the restore to the restored vault's own access log, before it is published."""
    if opened.account_id is None:
        return
    # URL.create, not storage.engine.sqlite_url: that string form breaks on "?" or "%xx" in a
    # folder name (reported to the lead).
    engine = create_engine(URL.create("sqlite", database=str(db_path)))
    keyring = KeyRing(opened.keyring.data_key(), opened.header.vault_id)
    try:
        with storage_errors(db_path):
            AuditLog(_Actor(engine, keyring, opened.account_id, db_path)).record("backup.restore", details=details)
    finally:
        keyring.close()
        engine.dispose()
    if Path(f"{db_path}-journal").exists() or Path(f"{db_path}-wal").exists():
        raise E.ServiceError(E.MSG_IN_USE)


def _restore_details(opened: OpenedBackup, **extra) -> dict:
    return {"backup_id": opened.header.backup_id, "file": opened.path.name,
            "backup_created_at": opened.header.created_at, "via": opened.via.value, **extra}


def restore_backup(opened: OpenedBackup, into_dir: Path, *,
                   opener: Callable[[Path], BinaryIO] | None = None) -> RestoreResult:
    """Restore into a folder that holds no vault (created if missing). The backup is fully
    verified first; the vault appears under its final name only when complete and fsynced."""
    into_dir = Path(into_dir)
    target = into_dir / VAULT_FILE
    if os.path.lexists(target) or os.path.lexists(f"{target}-wal"):
        raise E.ServiceError(MSG_TARGET_HAS_VAULT, path=str(into_dir))
    try:
        into_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise from_os_error(exc, into_dir) from exc
    lock = _acquire(into_dir)
    try:
        staging, verified = _stage(opened, into_dir, action_details=_restore_details(opened, into="new folder"),
                                   opener=opener)
        try:
            _publish(staging, target)
            fsync_dir(into_dir)
        except E.ServiceError as exc:
            if exc.message == MSG_BACKUP_EXISTS:
                raise E.ServiceError(MSG_TARGET_HAS_VAULT, path=str(into_dir)) from exc
            raise
        except OSError as exc:
            raise from_os_error(exc, into_dir) from exc
        finally:
            if os.path.lexists(staging):
                _unlink_quietly(staging)
        return RestoreResult(target, verified)
    finally:
        lock.release()


def _vault_id_of(db_path: Path) -> str | None:
    """The vault id of a closed vault. A plain connection (not mode=ro): a read-only connection
    to a WAL database leaves -wal/-shm files behind; this one removes them when it closes."""
    try:
        conn = _connect_existing(db_path, timeout=5)
        try:
            row = conn.execute("SELECT value FROM vault_meta WHERE key = 'vault_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _quiesce(db_path: Path) -> bool:
    """Fold the WAL into the main file so the file alone is the whole vault; True if done.

    We hold the lock file, so no other intake-desktop has the vault open; a foreign program
    holding it makes this fail cleanly (IN_USE). A vault too damaged to open is no reason to
    refuse a restore, which is what it needs: then False, and its WAL is kept beside the
    safety copy instead."""
    try:
        conn = _connect_existing(db_path, timeout=5)
        try:
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise E.ServiceError(E.MSG_IN_USE) from exc
        return False
    wal = Path(f"{db_path}-wal")
    if busy or (wal.exists() and wal.stat().st_size > 0):
        raise E.ServiceError(E.MSG_IN_USE)
    return True


def _safety_copy(db_path: Path, stamp: str) -> Path:
    target = db_path.with_name(f"{db_path.name}.before-restore-{stamp}.bak")
    for n in itertools.count(2):
        if not os.path.lexists(target):
            break
        target = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}.bak")
    try:
        os.link(db_path, target)  # a second name for the same file: instant, atomic
    except (OSError, NotImplementedError):
        partial = target.with_name(_partial_name(target.name))
        try:
            with db_path.open("rb") as source, partial.open("xb") as sink:
                shutil.copyfileobj(source, sink, IO_CHUNK)
                sink.flush()
                os.fsync(sink.fileno())
            os.rename(partial, target)
        except BaseException:
            _unlink_quietly(partial)
            raise
    fsync_dir(db_path.parent)
    return target


def replace_vault_from_backup(data_dir: Path, opened: OpenedBackup, *, allow_other_vault: bool = False,
                              clock: Callable[[], datetime] = utcnow,
                              retry: RetryPolicy = RetryPolicy()) -> RestoreResult:
    """Put a backup in place of the vault in `data_dir` (for the GUI's restore dialog).

    The vault must be closed (this takes its lock file). Order: verify into a temporary file in
    the data folder; fold the current vault's WAL into its file; give the current file a second
    name (`vault.sqlite.before-restore-<time>.bak`, the safety copy); rename the new file over
    `vault.sqlite`; fsync the folder. A power cut at any point leaves `vault.sqlite` complete
    (old or new) and the safety copy, once made, intact. Needs an administrator's passphrase
    (as of the backup) or the recovery key."""
    if opened.role != Role.ADMIN.value:
        raise E.DeniedError(E.MSG_ROLE_REQUIRED, role=Role.ADMIN.value)
    data_dir = Path(data_dir)
    db_path = data_dir / VAULT_FILE
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise from_os_error(exc, data_dir) from exc
    lock = _acquire(data_dir)
    try:
        current = os.path.lexists(db_path)
        if current and not allow_other_vault:
            current_id = _vault_id_of(db_path)
            if current_id is not None and current_id != opened.header.vault_id:
                raise E.ServiceError(MSG_OTHER_VAULT, path=str(opened.path))
        staging, verified = _stage(opened, data_dir, action_details=_restore_details(opened, into="replace"))
        safety = None
        try:
            if current:
                _quiesce(db_path)
                safety = _safety_copy(db_path, clock().astimezone().strftime("%Y%m%d-%H%M%S"))
                # A WAL left now belongs to a vault too damaged to checkpoint: it goes with the
                # safety copy (SQLite finds a database's WAL by name), never onto the new file.
                wal = Path(f"{db_path}-wal")
                if wal.exists() and wal.stat().st_size > 0:
                    os.replace(wal, Path(f"{safety}-wal"))
                for stale in (wal, Path(f"{db_path}-shm")):
                    stale.unlink(missing_ok=True)
            _with_retry(lambda: os.replace(staging, db_path), db_path, retry)
            fsync_dir(data_dir)
        except OSError as exc:
            raise from_os_error(exc, data_dir) from exc
        finally:
            if os.path.lexists(staging):
                _unlink_quietly(staging)
        return RestoreResult(db_path, verified, safety)
    finally:
        lock.release()


# -- recording in a vault that is not open in this process -----------------------------------------
def record_in_vault(data_dir: Path, opened: OpenedBackup, action: str, details: dict) -> bool:
    """Best effort, for the command line: append `action` to the access log of the vault in
    `data_dir` when it is the backup's own vault and not in use. The data key from the backup
    is the vault's (it is never rotated); that is checked against the newest audit event
    before anything is written. Returns whether the event was recorded."""
    from intake_desktop.services.vault import Vault  # here: vault.py must not depend on us

    if opened.account_id is None or not Vault.exists(data_dir):
        return False
    try:
        vault = Vault.open(data_dir)
    except E.ServiceError:
        return False
    keyring = KeyRing(opened.keyring.data_key(), opened.header.vault_id)
    try:
        if vault.vault_id != opened.header.vault_id:
            return False
        actor = _Actor(vault.engine, keyring, opened.account_id, vault.db_path)
        with storage_errors(vault.db_path), actor.db() as db:
            newest = db.exec(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalars().first()
            if newest is None or db.get(Account, opened.account_id) is None:
                return False
        try:
            keyring.cipher("fields").decrypt(
                newest.details, associated_data("audit_event", "details", newest.id, 1)
            )
        except TamperedError:
            return False  # not this vault's key after all: write nothing
        with storage_errors(vault.db_path):
            AuditLog(actor).record(action, details=details)
        return True
    except E.ServiceError:
        return False
    finally:
        keyring.close()
        vault.close()


# -- the service an unlocked session uses --------------------------------------------------------
class BackupService:
    """Backups of the session's own vault. Any signed-in account may make and verify backups
    (a backup holds nothing its key slots do not already open); restoring over the vault is
    `replace_vault_from_backup`, for administrators, with the vault closed."""

    def __init__(self, session) -> None:
        self._session = session

    # -- create ---------------------------------------------------------------------------------
    def _final_path(self, target: Path, created_local: datetime) -> Path:
        target = Path(target)
        if target.is_dir():
            for n in itertools.count(1):
                candidate = target / backup_name(self._session.keyring.vault_id, created_local, n)
                if not os.path.lexists(candidate):
                    return candidate
        if os.path.lexists(target):
            raise E.ServiceError(MSG_BACKUP_EXISTS, path=str(target))
        if target.suffix.lower() != BACKUP_SUFFIX:
            # "--out D:\\backups" for a folder that is not there: say so, rather than write a
            # file called "backups".
            raise E.ServiceError(MSG_NO_FOLDER, path=str(target))
        if not target.parent.is_dir():
            raise E.ServiceError(MSG_NO_FOLDER, path=str(target.parent))
        return target

    def create(self, target: Path, *, opener: Callable[[Path], BinaryIO] | None = None,
               retry: RetryPolicy = RetryPolicy(), verify: bool = True,
               clock: Callable[[], datetime] = utcnow) -> BackupResult:
        """Write a backup to `target`: a new file name, or a folder (then the name is
        `intake-<vault>-<YYYYMMDD-HHMMSS>.ikbak`, local time). With `verify`, the written file
        is read back and fully checked (in memory) before it counts as the last good backup."""
        keyring = self._session.keyring
        vault_id = keyring.vault_id
        db_path = self._session.vault.db_path
        try:
            snapshot = take_snapshot(db_path)
        except sqlite3.Error as exc:
            raise from_database_error(exc, db_path) from exc
        except OSError as exc:
            raise from_os_error(exc, db_path) from exc
        if snapshot.meta.get("vault_id") != vault_id:
            raise E.DamagedError(E.MSG_NOT_A_VAULT, path=str(db_path))
        created = clock()
        final = self._final_path(target, created.astimezone())
        backup_id = new_id()
        created_at = created.astimezone(timezone.utc).isoformat()
        manifest = {
            "format": MANIFEST_FORMAT, "version": 1, "backup_id": backup_id, "vault_id": vault_id,
            "created_at": created_at, "app_version": __version__,
            "schema_revision": snapshot.schema_revision, "tables": snapshot.counts,
            "audit": {"head": snapshot.meta.get(HEAD_KEY, GENESIS), "count": int(snapshot.meta.get(COUNT_KEY, "0"))},
            "database": {"bytes": len(snapshot.data), "sha256": hashlib.sha256(snapshot.data).hexdigest()},
        }
        file_key = bf.new_file_key()
        header = bf.BackupHeader(
            backup_id=backup_id, vault_id=vault_id, centre_name=snapshot.meta.get("centre_name", ""),
            created_at=created_at, app_version=__version__, schema_revision=snapshot.schema_revision,
            slots=snapshot.slots,
            wrapped_file_key=bf.wrap_file_key(file_key, keyring.purpose_key("backup"), vault_id, backup_id),
        )
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        check = self._read_back if verify else None
        size = self._write(final, header, file_key, manifest_bytes, snapshot.data,
                           opener or _default_opener, retry, check)
        del snapshot
        verified = verify
        # The file is complete and in place; if this last write fails (the vault is busy or
        # its disk full) the error says so, and the backup file stays valid.
        with storage_errors(db_path), self._session.db() as db:
            if verified:
                self._mark_good(db, created_at)
            self._session.audit.record(
                "backup.create", db=db,
                details={"backup_id": backup_id, "file": str(final), "bytes": size,
                         "cases": manifest["tables"].get("case_file", 0), "verified": verified},
            )
            db.commit()
        return BackupResult(final, backup_id, _parse_time(created_at), size, manifest["tables"], verified)

    def _read_back(self, temporary: Path, final: Path) -> None:
        """Read the written file back and check it fully (in memory) before it gets its name.
        (From the page cache, mostly: it proves what was written, not the medium.)"""
        try:
            with open_backup_with_session(temporary, self._session) as opened:
                verify_backup(opened, deep=False)
        except E.DamagedError as exc:
            raise E.ServiceError(MSG_READ_BACK_FAILED, path=str(final)) from exc

    @staticmethod
    def _write(final: Path, header: bf.BackupHeader, file_key: bytes, manifest: bytes, data: bytes,
               opener: Callable[[Path], BinaryIO], retry: RetryPolicy,
               check: Callable[[Path, Path], None] | None = None) -> int:
        """Temporary name, write, flush, fsync, close, `check`, then the final name."""
        temporary = final.with_name(_partial_name(final.name))
        sink = None
        try:
            sink = _with_retry(lambda: opener(temporary), temporary, retry)
            writer = bf.BackupWriter(sink, header, file_key)
            writer.write(bf.manifest_prefix(manifest))
            view = memoryview(data)
            for start in range(0, len(view), IO_CHUNK):
                writer.write(view[start:start + IO_CHUNK])
            writer.finish()
            sink.flush()
            os.fsync(sink.fileno())
            sink.close()
            sink = None
            if check is not None:
                check(temporary, final)
            _with_retry(lambda: _publish(temporary, final), final, retry)
            fsync_dir(final.parent)
            return writer.bytes_written
        except OSError as exc:
            raise from_os_error(exc, final) from exc
        finally:
            if sink is not None:
                try:
                    sink.close()
                except OSError:
                    pass
            if os.path.lexists(temporary):
                _unlink_quietly(temporary)

    def _mark_good(self, db, created_at: str) -> None:
        row = db.get(VaultMeta, LAST_GOOD_KEY)
        if row is None or _parse_time(row.value) < _parse_time(created_at):
            db.merge(VaultMeta(key=LAST_GOOD_KEY, value=created_at))

    # -- verify and restore with the session's key ----------------------------------------------
    def verify(self, path: Path, *, deep: bool = True) -> VerifiedBackup:
        """Full check of a backup of this vault (no passphrase needed: the session has the key).
        A backup found good becomes the last good one if it is newer. Recorded in the log."""
        with open_backup_with_session(path, self._session) as opened:
            result = verify_backup(opened, deep=deep)
        with storage_errors(self._session.vault.db_path), self._session.db() as db:
            if result.damaged_values == 0:
                self._mark_good(db, result.info.created_at.isoformat())
            self._session.audit.record(
                "backup.verify", db=db,
                details={"backup_id": result.info.backup_id, "file": str(Path(path)),
                         "audit_problems": result.audit_problems, "damaged_values": result.damaged_values},
            )
            db.commit()
        return result

    def restore_into(self, path: Path, into_dir: Path) -> RestoreResult:
        """Restore a backup of this vault into a new folder (e.g. to look something up)."""
        with open_backup_with_session(path, self._session) as opened:
            result = restore_backup(opened, into_dir)
        self._session.audit.record(
            "backup.restore", details={"backup_id": result.verified.info.backup_id, "file": str(Path(path)),
                                       "into": str(Path(into_dir))},
        )
        return result

    def last_good(self) -> datetime | None:
        with self._session.db() as db:
            row = db.get(VaultMeta, LAST_GOOD_KEY)
        return _parse_time(row.value) if row else None

    def list_backups(self, folder: Path) -> list[BackupInfo]:
        """Readable backups of this vault in `folder`, newest first (headers only)."""
        found = []
        for path in sorted(Path(folder).glob(f"*{BACKUP_SUFFIX}")):
            try:
                info = read_backup_info(path)
            except E.ServiceError:
                continue
            if info.vault_id == self._session.keyring.vault_id:
                found.append(info)
        return sorted(found, key=lambda i: i.created_at, reverse=True)

    # -- rotation -------------------------------------------------------------------------------
    def rotate(self, folder: Path, policy: RotationPolicy = RotationPolicy(),
               now: Callable[[], float] = time.time) -> RotationResult:
        """Delete this vault's automatically named backups in `folder` that `plan_rotation`
        does not keep, and temporary files of interrupted runs older than an hour. Files with
        other names are never touched."""
        prefix = self._session.keyring.vault_id[:8]
        folder = Path(folder)
        entries = []
        stale = 0
        try:
            for entry in folder.iterdir():
                parsed = parse_backup_name(entry.name)
                if parsed and parsed.vault_prefix == prefix and entry.is_file():
                    entries.append((entry.name, parsed.when))
                elif PARTIAL_PATTERN.match(entry.name) and entry.is_file():
                    if now() - entry.stat().st_mtime > STALE_PARTIAL_SECONDS:
                        entry.unlink(missing_ok=True)
                        stale += 1
            plan = plan_rotation(entries, policy)
            deleted = []
            for name in plan.delete:
                (folder / name).unlink(missing_ok=True)
                deleted.append(name)
        except OSError as exc:
            raise from_os_error(exc, folder) from exc
        if deleted or stale:
            self._session.audit.record("backup.rotate", details={"deleted": deleted, "partials": stale})
        return RotationResult(plan.keep, tuple(deleted), stale)
