"""Small file-system helpers: bounded retry, publishing under a final name, cleanup."""

from __future__ import annotations

import errno
import os
import secrets
import sqlite3
from pathlib import Path
from typing import BinaryIO, Callable

from intake_desktop.fileio import FileBusyError, RetryPolicy, retry_while_busy
from intake_desktop.fileio import fsync_dir as _fsync_dir  # noqa: F401 - used by the package's modules
from intake_desktop.services import errors as E
from intake_desktop.services.backup.constants import (
    MSG_BACKUP_EXISTS,
    MSG_TARGET_BUSY,
    PARTIAL_SUFFIX,
)


# -- small file-system helpers ----------------------------------------------------------------
# The retry and the folder fsync are the program's one rule for Windows and POSIX (fileio.py);
# the names stay importable from here for the rest of the package.
def _with_retry(action: Callable[[], object], path: Path, policy: RetryPolicy):
    """fileio.retry_while_busy, with the backup's own message when the file stays busy."""
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


