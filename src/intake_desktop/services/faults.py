"""Turn low-level storage failures into the service errors people are shown."""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Iterator

from sqlalchemy import exc as sa_exc

from intake_desktop.crypto.errors import TamperedError
from intake_desktop.fileio import FileBusyError
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E

_ERROR_FILENAME_EXCED_RANGE = 206  # Windows: the path is longer than MAX_PATH

MSG_DISK_FULL_OPEN = QT_TRANSLATE_NOOP(
    "Errors", "The disk holding {path} is full: the vault cannot be opened until some space is freed "
    "(even reading needs a little room). Nothing was changed.")
MSG_DISK_FULL_ACCESS_LOG = QT_TRANSLATE_NOOP(
    "Errors", "The disk is full, so this access cannot be written to the access log, which the law "
    "requires; nothing was shown or changed. Free some space and try again.")


def from_os_error(exc: OSError, path: Path | str) -> E.ServiceError:
    if isinstance(exc, FileBusyError):
        return E.ServiceError(E.MSG_FILE_BUSY, path=str(path))
    if getattr(exc, "winerror", None) == _ERROR_FILENAME_EXCED_RANGE:
        return E.ServiceError(E.MSG_PATH_TOO_LONG, path=str(path))
    if exc.errno == errno.ENOSPC:
        return E.ServiceError(E.MSG_DISK_FULL)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return E.ServiceError(E.MSG_READ_ONLY, path=str(path))
    return E.ServiceError(E.MSG_IO, path=str(path), reason=exc.strerror or str(exc))


# Below this much free space, an I/O error or a file SQLite cannot create (its -shm index) is
# put down to the full disk: opening a WAL vault needs 32 KiB for -shm and more for -wal.
LOW_SPACE_BYTES = 256 * 1024


def disk_nearly_full(path: Path | str) -> bool:
    folder = Path(path)
    if not folder.is_dir():
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def from_database_error(exc: Exception, path: Path | str) -> E.ServiceError:
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return E.ServiceError(E.MSG_DISK_FULL)
    if ("disk i/o error" in text or "unable to open" in text) and disk_nearly_full(path):
        # Not damage: SQLite could not create its shared-memory index (-shm) or write-ahead log.
        return E.ServiceError(MSG_DISK_FULL_OPEN, path=str(path))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return E.ServiceError(E.MSG_READ_ONLY, path=str(path))
    if "locked" in text or "busy" in text:
        return E.ServiceError(E.MSG_IN_USE)
    return E.DamagedError(E.MSG_NOT_A_VAULT, path=str(path))


@contextlib.contextmanager
def storage_errors(path: Path | str) -> Iterator[None]:
    """Wrap a unit of storage work; the transaction inside has already rolled back on error."""
    try:
        yield
    except E.ServiceError:
        raise
    except TamperedError as exc:
        raise E.DamagedError() from exc
    except (sa_exc.DBAPIError, sqlite3.Error) as exc:
        raise from_database_error(exc, path) from exc
    except OSError as exc:
        raise from_os_error(exc, path) from exc
