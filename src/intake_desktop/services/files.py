"""Writing a file the user asked for, with the error model: fileio.write_atomic, mapped.

Every service, the command line and the screens save through `write_file`, so every file with
personal data is written the same way (fileio.py says how) and fails with the same messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Callable

from intake_desktop import fileio
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.faults import from_os_error

MSG_TARGET_BUSY = QT_TRANSLATE_NOOP(
    "Errors",
    "{path} could not be written: the folder is read-only, or the file is held open by another "
    "program (a virus scanner or a sync tool, for example). Nothing was changed; try again.",
)


def write_file(path: Path, data: bytes | Callable[[BinaryIO], object], *, replace: bool = True,
               exists: Callable[[Path], E.ServiceError] | None = None,
               before_publish: Callable[[Path], None] | None = None,
               opener: Callable[[Path], BinaryIO] | None = None,
               retry: fileio.RetryPolicy = fileio.RetryPolicy()) -> Path:
    """fileio.write_atomic with failures as ServiceErrors: a full disk, a read-only folder, a
    file held by a scanner (MSG_TARGET_BUSY), and, with `replace=False`, an existing file
    (`exists(path)`, by default an I/O error naming it). ServiceErrors raised by
    `before_publish` pass unchanged."""
    path = Path(path)
    try:
        return fileio.write_atomic(path, data, replace=replace, before_publish=before_publish, opener=opener,
                                   retry=retry)
    except FileExistsError as exc:
        if exists is not None:
            raise exists(path) from exc
        raise from_os_error(exc, path) from exc
    except fileio.FileBusyError as exc:
        raise E.ServiceError(MSG_TARGET_BUSY, path=str(path)) from exc
    except OSError as exc:
        raise from_os_error(exc, path) from exc
