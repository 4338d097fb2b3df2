"""Small file-system helpers: bounded retry, publishing under a final name, cleanup."""

from __future__ import annotations

import errno
import os
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from intake_desktop.services import errors as E
from intake_desktop.services.backup.constants import (
    MSG_BACKUP_EXISTS,
    MSG_TARGET_BUSY,
    PARTIAL_SUFFIX,
)


# -- small file-system helpers ----------------------------------------------------------------
@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retry for a target that is momentarily held open (virus scanners and sync tools
    on Windows open new files for a moment). About 2.5 s in all by default."""

    attempts: int = 6
    first_delay: float = 0.1
    max_delay: float = 1.0
    sleep: Callable[[float], None] = time.sleep


def _is_busy(exc: OSError) -> bool:
    if isinstance(exc, PermissionError):
        return True
    if exc.errno in (errno.EBUSY, errno.ETXTBSY, errno.EAGAIN):
        return True
    return getattr(exc, "winerror", None) in (32, 33)  # sharing / lock violation


def _with_retry(action: Callable[[], object], path: Path, policy: RetryPolicy):
    delay = policy.first_delay
    for attempt in range(max(1, policy.attempts)):
        try:
            return action()
        except OSError as exc:
            if not _is_busy(exc):
                raise
            if attempt >= policy.attempts - 1:
                raise E.ServiceError(MSG_TARGET_BUSY, path=str(path)) from exc
            policy.sleep(delay)
            delay = min(policy.max_delay, delay * 2)
    raise AssertionError("unreachable")


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals renames
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) refuse; the file itself was fsynced
    finally:
        os.close(fd)


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


