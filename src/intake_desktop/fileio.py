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

The one writer of files that may hold personal data, `write_atomic(path, data)` (bytes, or a
function that writes to the open handle; `replace=False` never replaces an existing file):
backups, statistics reports, subject-access exports, the access-log CSV, saved letters and the
command line's files all go through it (by way of services/files.write_file). It promises:
- a temporary file in the target folder under a unique name
  (`.<final name>.<host>-<pid>-<random>.partial`), created exclusively with mode 0600 on POSIX;
  on Windows `restrict_to_owner` cuts its access list down to the user (best effort: a FAT
  stick or a share may not take an ACL; then it has the folder's);
- flushed and fsynced, optionally checked (`before_publish`), then given its final name in one
  step (`os.replace`, or a hard link when an existing file must not be replaced), retried while
  another program holds it, and the folder fsynced (`fsync_dir`);
- on every failure the temporary file is removed and the final name is untouched.

A process killed half-way (kill -9, power cut) cannot clean up, so every write first sweeps the
folder of *its own* leftovers: names of the pattern above only (other files are never touched),
and only when no live writer can own them — the host tag is this computer's and the process id
in the name is not running (nor this process: another thread of ours may be writing), or, for a
file from another computer (a shared folder) or without a process id (older versions), when it
has not changed for `STALE_SECONDS`. A writer keeps changing its file while it writes, so an
hour without a change means nobody is. A reused process id keeps a leftover until the age rule
removes it: the mistake is always on the side of keeping a file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable, TypeVar

T = TypeVar("T")

WINDOWS = sys.platform == "win32"
WINDOWS_MAX_PATH = 260  # including the drive and the terminating NUL: 259 usable characters
_SHARING_VIOLATION, _LOCK_VIOLATION = 32, 33  # winerror of a file held open by another program

PARTIAL_SUFFIX = ".partial"
STALE_SECONDS = 3600
FILE_MODE = 0o600
PARTIAL_PATTERN = re.compile(
    r"^\.(?P<final>.+)\.(?:(?P<host>[0-9a-f]{4})-(?P<pid>\d{1,10})-)?(?P<token>[0-9a-f]{8})\.partial$"
)


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


def _current_user_sid(run: Callable[..., Any] = subprocess.run) -> str | None:
    """The signed-in user's SID (whoami /user), which icacls takes whatever the language."""
    try:
        output = run(["whoami", "/user", "/fo", "csv", "/nh"], capture_output=True, text=True, timeout=30,
                     creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    fields = [field.strip().strip('"') for field in output.strip().split(",")]
    return fields[-1] if fields and fields[-1].startswith("S-1-") else None


def restrict_to_owner(path: Path | str, *, windows: bool = WINDOWS, run: Callable[..., Any] = subprocess.run) -> bool:
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
    return bool(result.returncode == 0)


def too_long_for_windows(path: Path | str) -> bool:
    """Would `path` exceed Windows' classic MAX_PATH (counted as Windows does, absolute)?"""
    text = str(path)
    if text.startswith("\\\\?\\"):  # an extended-length path: no limit
        return False
    return len(os.path.abspath(text)) >= WINDOWS_MAX_PATH


# -- names and leftovers -----------------------------------------------------------------------
def _host_tag() -> str:
    # A short digest, not the name: the tag only tells "this computer" from "another one".
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:4]


def partial_name(final_name: str) -> str:
    return f".{final_name}.{_host_tag()}-{os.getpid()}-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"


def _pid_running(pid: int) -> bool:
    """Whether a process with this id runs on this computer (True when unsure)."""
    if pid == os.getpid():
        return True  # another thread of ours may be writing it
    if pid <= 0:
        return False
    if WINDOWS:
        return _pid_running_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, belongs to someone else (EPERM), or we cannot tell
    return True


def _pid_running_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel32.GetLastError() != 87)  # ERROR_INVALID_PARAMETER: no such process
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def is_stale(entry: Path, *, now: float | None = None) -> bool:
    """Whether `entry` is a leftover of this writer that no live writer can own (see the top)."""
    match = PARTIAL_PATTERN.match(entry.name)
    if not match:
        return False
    try:
        info = entry.lstat()
    except OSError:
        return False
    if not (info.st_mode & 0o170000) == 0o100000:  # regular files only, never a link or folder
        return False
    if match["pid"] is not None and match["host"] == _host_tag() and not _pid_running(int(match["pid"])):
        return True
    return (time.time() if now is None else now) - info.st_mtime > STALE_SECONDS


def sweep_stale(folder: Path, *, now: float | None = None) -> int:
    """Remove this writer's leftovers in `folder` (see the top); returns how many. Best effort:
    a file that cannot be listed or removed stays, and the write goes on."""
    removed = 0
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return 0
    for entry in entries:
        if entry.name.endswith(PARTIAL_SUFFIX) and is_stale(entry, now=now):
            try:
                entry.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # best effort; a leftover is swept by the next write to the folder


# -- writing -------------------------------------------------------------------------------------
def create_exclusive(path: Path) -> BinaryIO:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    return os.fdopen(fd, "wb")


def publish_new(temporary: Path, final: Path) -> None:
    """Give `temporary` the name `final`, never replacing an existing file (FileExistsError).

    A hard link is atomic and refuses an existing name; where the file system has no hard
    links (FAT/exFAT sticks, some shares) we look first and rename (on Windows the rename
    itself refuses an existing name; on POSIX a race here is theoretical)."""
    try:
        os.link(temporary, final)
    except FileExistsError:
        raise
    except (OSError, NotImplementedError) as exc:
        if getattr(exc, "errno", None) in (errno.ENOSPC, errno.EIO, errno.EROFS):
            raise
        if os.path.lexists(final):
            raise FileExistsError(errno.EEXIST, "File exists", str(final)) from exc
        os.rename(temporary, final)
        return
    unlink_quietly(temporary)  # a second name for the same complete file


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], object], *, replace: bool = True,
                 before_publish: Callable[[Path], None] | None = None,
                 opener: Callable[[Path], BinaryIO] | None = None,
                 publish: Callable[[Path, Path], None] | None = None,
                 retry: RetryPolicy = RetryPolicy()) -> Path:
    """Write `data` (bytes, or a function given the open binary handle) to `path` atomically.

    `replace=False` refuses an existing file (FileExistsError, nothing written). `before_publish`
    gets the complete, fsynced temporary file (e.g. to read it back) and may raise to abandon
    it. `opener` (tests: a disk that fails) and `publish` replace the two file-system steps.
    Raises OSError (FileBusyError when a scanner held the file through every retry); the caller maps
    it to the error model (services/faults.py). Returns `path`."""
    path = Path(path)
    folder = path.parent
    sweep_stale(folder)
    temporary = folder / partial_name(path.name)
    sink: BinaryIO | None = None
    try:
        sink = retry_while_busy(lambda: (opener or create_exclusive)(temporary), path, retry)
        if callable(data):
            data(sink)
        else:
            sink.write(data)
        sink.flush()
        os.fsync(sink.fileno())
        sink.close()
        sink = None
        if WINDOWS and opener is None:
            restrict_to_owner(temporary)  # mode bits mean nothing there: the access list does
        if before_publish is not None:
            before_publish(temporary)
        step = publish or (os.replace if replace else publish_new)
        retry_while_busy(lambda: step(temporary, path), path, retry)
        fsync_dir(folder)
        return path
    finally:
        if sink is not None:
            try:
                sink.close()
            except OSError:
                pass
        if os.path.lexists(temporary):
            unlink_quietly(temporary)
