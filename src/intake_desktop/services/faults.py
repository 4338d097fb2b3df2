"""Turn low-level storage failures into the service errors people are shown."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from pathlib import Path
from typing import Iterator

from sqlalchemy import exc as sa_exc

from intake_desktop.crypto.errors import TamperedError
from intake_desktop.fileio import FileBusyError
from intake_desktop.services import errors as E

_ERROR_FILENAME_EXCED_RANGE = 206  # Windows: the path is longer than MAX_PATH


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


def from_database_error(exc: Exception, path: Path | str) -> E.ServiceError:
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return E.ServiceError(E.MSG_DISK_FULL)
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
