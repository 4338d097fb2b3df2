"""Small file-system rules that differ between Linux and Windows (no Qt, standard library only).

- `retry_while_busy(action)`: Windows refuses to replace or delete a file another program holds
  open (virus scanners, search indexers, OneDrive open new files for a moment): bounded retry
  with a growing pause, then `FileBusyError` naming the file. Use it around `os.replace`,
  e.g. `retry_while_busy(lambda: os.replace(temporary, target), target)`.
- `fsync_dir(folder)`: make a rename durable on POSIX; Windows cannot open a folder for fsync
  (NTFS journals the rename itself), so there it does nothing.
- `restrict_to_owner(path)`: POSIX mode 0700/0600. On Windows modes mean nothing (only the
  read-only bit); the folder's access list is cut down to the user (and SYSTEM) with icacls,
  where the default data folder (%LOCALAPPDATA%) already is. Best effort: returns whether it
  worked, never raises (a folder on a FAT stick or a share may not take an ACL).
- `too_long_for_windows(path)`: Windows' classic 260-character path limit (MAX_PATH). Python
  itself is long-path aware, but other programs (Explorer, some backup tools) are not.

Tried on Linux only; the Windows branches are exercised here by tests that stand in for
Windows (tests/test_fileio.py) and are listed in docs/packaging.md for a check on a real PC.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

WINDOWS = sys.platform == "win32"
WINDOWS_MAX_PATH = 260  # including the drive and the terminating NUL: 259 usable characters
_SHARING_VIOLATION, _LOCK_VIOLATION = 32, 33  # winerror of a file held open by another program


class FileBusyError(OSError):
    """The file stayed held open by another program through every retry."""

    def __init__(self, path: Path | str, cause: OSError) -> None:
        super().__init__(cause.errno or errno.EBUSY, "in use by another program", str(path))
        self.cause = cause


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retry for a file that is momentarily held open: about 2.5 s in all by default."""

    attempts: int = 6
    first_delay: float = 0.1
    max_delay: float = 1.0
    sleep: Callable[[float], None] = time.sleep


def is_busy(exc: OSError) -> bool:
    """Held open by someone else (Windows' sharing violation shows as PermissionError)."""
    if isinstance(exc, PermissionError):
        return True
    if exc.errno in (errno.EBUSY, errno.ETXTBSY, errno.EAGAIN):
        return True
    return getattr(exc, "winerror", None) in (_SHARING_VIOLATION, _LOCK_VIOLATION)


def retry_while_busy(action: Callable[[], T], path: Path | str, policy: RetryPolicy = RetryPolicy()) -> T:
    """`action()`, retried while the file is busy; FileBusyError when it stays busy. Any
    other OSError is raised at once."""
    delay = policy.first_delay
    for attempt in range(max(1, policy.attempts)):
        try:
            return action()
        except OSError as exc:
            if not is_busy(exc):
                raise
            if attempt >= policy.attempts - 1:
                raise FileBusyError(path, exc) from exc
            policy.sleep(delay)
            delay = min(policy.max_delay, delay * 2)
    raise AssertionError("unreachable")


def replace_with_retry(source: Path | str, target: Path | str, policy: RetryPolicy = RetryPolicy()) -> None:
    """os.replace(source, target), waiting out a target another program holds open."""
    retry_while_busy(lambda: os.replace(source, target), target, policy)


def fsync_dir(folder: Path | str) -> None:
    """Flush a folder's entries (a rename or a new file) to disk; nothing on Windows."""
    if WINDOWS:
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


def _current_user_sid(run=subprocess.run) -> str | None:
    """The signed-in user's SID (whoami /user), which icacls takes whatever the language."""
    try:
        output = run(["whoami", "/user", "/fo", "csv", "/nh"], capture_output=True, text=True, timeout=30,
                     creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    fields = [field.strip().strip('"') for field in output.strip().split(",")]
    return fields[-1] if fields and fields[-1].startswith("S-1-") else None


def restrict_to_owner(path: Path | str, *, windows: bool = WINDOWS, run=subprocess.run) -> bool:
    """Only this user may open `path` (a folder: 0700; a file: 0600). Returns whether it worked."""
    path = Path(path)
    if not windows:
        try:
            os.chmod(path, 0o700 if path.is_dir() else 0o600)
            return True
        except OSError:
            return False
    sid = _current_user_sid(run)
    if sid is None:
        return False
    inherit = "(OI)(CI)" if path.is_dir() else ""
    command = ["icacls", str(path), "/inheritance:r",
               "/grant:r", f"*{sid}:{inherit}F", "/grant:r", f"*S-1-5-18:{inherit}F"]  # S-1-5-18: SYSTEM
    try:
        result = run(command, capture_output=True, text=True, timeout=60,
                     creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def too_long_for_windows(path: Path | str) -> bool:
    """Would `path` exceed Windows' classic MAX_PATH (counted as Windows does, absolute)?"""
    text = str(path)
    if text.startswith("\\\\?\\"):  # an extended-length path: no limit
        return False
    return len(os.path.abspath(text)) >= WINDOWS_MAX_PATH
