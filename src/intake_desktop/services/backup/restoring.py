"""Restoring a backup into a new folder or over a closed vault (rename, never in place)."""

from __future__ import annotations

import itertools
import os
import secrets
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Callable

import filelock
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from intake_desktop import fileio
from intake_desktop.crypto.keys import KeyRing
from intake_desktop.domain.enums import Role
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import errors as E
from intake_desktop.services.audit import AuditLog
from intake_desktop.services.backup import files
from intake_desktop.services.backup.checking import (
    _Actor,
    _check_database,
    _decrypt_body,
    _verified,
)
from intake_desktop.services.backup.constants import (
    IO_CHUNK,
    LOCK_FILE,
    MSG_BACKUP_DAMAGED,
    MSG_BACKUP_EXISTS,
    MSG_BACKUP_TOO_NEW,
    MSG_OTHER_VAULT,
    MSG_TARGET_HAS_VAULT,
    PARTIAL_SUFFIX,
    RESTORE_PARTIAL_PATTERN,
)
from intake_desktop.services.backup.model import (
    OpenedBackup,
    RestoreResult,
    VerifiedBackup,
)
from intake_desktop.services.faults import from_os_error, storage_errors
from intake_desktop.storage import migrate
from intake_desktop.storage.models import utcnow


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
            with (opener or fileio.create_exclusive)(staging) as sink:
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
        files.unlink_quietly(staging)
        raise


def _sweep_restore_leftovers(folder: Path) -> None:
    """Temporary files of a restore that was killed or lost power. Safe to remove: the caller
    holds the folder's lock file, so no other restore is writing them."""
    for entry in folder.glob(f".{VAULT_FILE}.restore-*{PARTIAL_SUFFIX}"):
        if RESTORE_PARTIAL_PATTERN.match(entry.name):
            files.unlink_quietly(entry)


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
            files.publish(staging, target)
            files.fsync_dir(into_dir)
        except E.ServiceError as exc:
            if exc.message == MSG_BACKUP_EXISTS:
                raise E.ServiceError(MSG_TARGET_HAS_VAULT, path=str(into_dir)) from exc
            raise
        except OSError as exc:
            raise from_os_error(exc, into_dir) from exc
        finally:
            if os.path.lexists(staging):
                files.unlink_quietly(staging)
        return RestoreResult(target, verified)
    finally:
        lock.release()


def _vault_id_of(db_path: Path) -> str | None:
    """The vault id of a closed vault. A plain connection (not mode=ro): a read-only connection
    to a WAL database leaves -wal/-shm files behind; this one removes them when it closes."""
    try:
        conn = files.connect_existing(db_path, timeout=5)
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
        conn = files.connect_existing(db_path, timeout=5)
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
        partial = target.with_name(files.partial_name(target.name))
        try:
            with db_path.open("rb") as source, partial.open("xb") as sink:
                shutil.copyfileobj(source, sink, IO_CHUNK)
                sink.flush()
                os.fsync(sink.fileno())
            os.rename(partial, target)
        except BaseException:
            files.unlink_quietly(partial)
            raise
    files.fsync_dir(db_path.parent)
    return target


def replace_vault_from_backup(data_dir: Path, opened: OpenedBackup, *, allow_other_vault: bool = False,
                              clock: Callable[[], datetime] = utcnow,
                              retry: files.RetryPolicy = files.RetryPolicy()) -> RestoreResult:
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
            files.with_retry(lambda: os.replace(staging, db_path), db_path, retry)
            files.fsync_dir(data_dir)
        except OSError as exc:
            raise from_os_error(exc, data_dir) from exc
        finally:
            if os.path.lexists(staging):
                files.unlink_quietly(staging)
        return RestoreResult(db_path, verified, safety)
    finally:
        lock.release()


