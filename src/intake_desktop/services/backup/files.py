"""The file-system steps of backups and restores, on top of fileio (the program's one writer):
bounded retry, publishing under a final name, cleanup of temporary database files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable, TypeVar

from intake_desktop import fileio
from intake_desktop.fileio import RetryPolicy, fsync_dir, partial_name
from intake_desktop.services import errors as E
from intake_desktop.services.backup.constants import MSG_BACKUP_EXISTS
from intake_desktop.services.files import MSG_TARGET_BUSY

__all__ = ["RetryPolicy", "fsync_dir", "partial_name", "publish", "with_retry", "connect_existing",
           "unlink_quietly"]

T = TypeVar("T")


def with_retry(action: Callable[[], T], path: Path, policy: RetryPolicy) -> T:
    """fileio.retry_while_busy, with a held file reported as MSG_TARGET_BUSY naming `path`."""
    try:
        return fileio.retry_while_busy(action, path, policy)
    except fileio.FileBusyError as exc:
        raise E.ServiceError(MSG_TARGET_BUSY, path=str(path)) from exc


def publish(temporary: Path, final: Path) -> None:
    """Give `temporary` the name `final`, never replacing an existing file (MSG_BACKUP_EXISTS)."""
    try:
        fileio.publish_new(temporary, final)
    except FileExistsError as exc:
        raise E.ServiceError(MSG_BACKUP_EXISTS, path=str(final)) from exc


def connect_existing(db_path: Path, timeout: float = 30) -> sqlite3.Connection:
    """A plain connection to a database that must already exist (sqlite3.connect would
    quietly create an empty one). The URI is percent-encoded, so any folder name works."""
    return sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=rw", uri=True, timeout=timeout)


def unlink_quietly(path: Path) -> None:
    """A temporary database file and the journal files SQLite may have made beside it."""
    for candidate in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        fileio.unlink_quietly(candidate)
