"""`session.backup`: backups of the session's own vault."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import BinaryIO, Callable

from intake_desktop import __version__, fileio
from intake_desktop.crypto import backup_file as bf
from intake_desktop.services import errors as E
from intake_desktop.services.audit import COUNT_KEY, GENESIS, HEAD_KEY
from intake_desktop.services.backup.checking import verify_backup
from intake_desktop.services.backup.constants import (
    BACKUP_SUFFIX,
    IO_CHUNK,
    LAST_GOOD_KEY,
    MANIFEST_FORMAT,
    MSG_BACKUP_EXISTS,
    MSG_NO_FOLDER,
    MSG_READ_BACK_FAILED,
)
from intake_desktop.services.backup.files import RetryPolicy
from intake_desktop.services.backup.model import (
    BackupInfo,
    BackupResult,
    RestoreResult,
    VerifiedBackup,
    _parse_time,
)
from intake_desktop.services.backup.names import backup_name, parse_backup_name
from intake_desktop.services.backup.opening import (
    open_backup_with_session,
    read_backup_info,
)
from intake_desktop.services.backup.restoring import restore_backup
from intake_desktop.services.backup.rotation import (
    RotationPolicy,
    RotationResult,
    plan_rotation,
)
from intake_desktop.services.backup.snapshot import take_snapshot
from intake_desktop.services.faults import (
    from_database_error,
    from_os_error,
    storage_errors,
)
from intake_desktop.services.files import write_file
from intake_desktop.storage.models import VaultMeta, new_id, utcnow


def _is_backup_partial(name: str) -> bool:
    match = fileio.PARTIAL_PATTERN.match(name)
    return bool(match) and match["final"].endswith(BACKUP_SUFFIX)


DAILY = timedelta(days=1)
RUN_STEPS = 3  # create, check, rotate


@dataclass(frozen=True)
class BackupRun:
    """What `BackupService.run` did: the backup, its full check (if asked), the rotation (if asked)."""

    result: BackupResult
    verified: VerifiedBackup | None = None
    rotation: RotationResult | None = None


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
                           opener, retry, check)
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
               opener: Callable[[Path], BinaryIO] | None, retry: RetryPolicy,
               check: Callable[[Path, Path], None] | None = None) -> int:
        """Through the program's one writer: temporary name, write, fsync, `check`, then the
        final name, which never replaces an existing file."""
        written = 0

        def write(sink: BinaryIO) -> None:
            nonlocal written
            writer = bf.BackupWriter(sink, header, file_key)
            writer.write(bf.manifest_prefix(manifest))
            view = memoryview(data)
            for start in range(0, len(view), IO_CHUNK):
                writer.write(view[start:start + IO_CHUNK])
            writer.finish()
            written = writer.bytes_written

        write_file(final, write, replace=False, opener=opener, retry=retry,
                   exists=lambda path: E.ServiceError(MSG_BACKUP_EXISTS, path=str(path)),
                   before_publish=None if check is None else (lambda temporary: check(temporary, final)))
        return written

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

    # -- the whole job, as the screens and the command line ask for it ---------------------------
    def due(self, folder: Path | None, *, now: datetime | None = None) -> bool:
        """The automatic backup's policy: a folder is chosen, the session is open, and the last
        good backup is a day old (or there is none)."""
        if folder is None or self._session.is_locked:
            return False
        last = self.last_good()
        return last is None or (now or datetime.now(timezone.utc)) - last >= DAILY

    def run(self, folder: Path, *, rotation: RotationPolicy | None = None, full_check: bool = False,
            progress: Callable[[int, int], None] | None = None) -> BackupRun:
        """Create a backup in `folder` (read back and checked before it gets its name), then with
        `full_check` open every value in it again, then with `rotation` remove old backups.
        `progress(done, RUN_STEPS)` after each step."""
        step = progress or (lambda _done, _total: None)
        step(0, RUN_STEPS)
        result = self.create(folder)
        step(1, RUN_STEPS)
        verified = self.verify(result.path) if full_check else None
        step(2, RUN_STEPS)
        rotated = self.rotate(folder, rotation) if rotation is not None else None
        step(RUN_STEPS, RUN_STEPS)
        return BackupRun(result, verified, rotated)

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
                elif _is_backup_partial(entry.name) and fileio.is_stale(entry, now=now()):
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
