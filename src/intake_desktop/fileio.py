"""The one way the program writes a file that may hold personal data (Qt-free, no services).

    write_atomic(path, data)                        # bytes, or a function that writes to the handle
    write_atomic(path, data, replace=False)         # never replaces an existing file (FileExistsError)

Every output goes through here: backups, statistics reports, subject-access exports, the
access-log CSV, saved letters and the command line's files. What it promises:
- the data goes to a temporary file in the target folder under a unique name
  (`.<final name>.<host>-<pid>-<random>.partial`), created exclusively with mode 0600 (owner
  only) on POSIX. On Windows the mode bits cannot express that: the file inherits the ACL of
  its folder (a user's own folders are owner-only by default; a shared folder is as shared as
  the admin made it) — nothing here widens or narrows it;
- the file is flushed and fsynced, optionally checked (`before_publish`), then given its final
  name in one step (`os.replace`, or a hard link when an existing file must not be replaced),
  and the folder is fsynced so the name survives a power cut (skipped on Windows, which
  cannot open a folder for fsync; NTFS journals the rename);
- on every failure (an exception, a full disk, a check that fails) the temporary file is
  removed, and the final name is untouched: it is the complete old file or the complete new one.

A process killed half-way (kill -9, power cut) cannot clean up, so every write first sweeps the
folder of *its own* leftovers: names of the pattern above only (other files are never touched),
and only when no live writer can own them — the host tag is this computer's and the process
id in the name is not running (or is not this process: a live thread of ours may be writing),
or, for a file written elsewhere (a shared folder) or with no process id (older versions), when
it has not changed for `STALE_SECONDS`. A writer keeps changing its file while it writes, so an
hour without a change means nobody is. A reused process id keeps a leftover until the age rule
removes it: the mistake is always on the side of keeping a file.

`replace_with_retry` and `RetryPolicy`: on Windows a virus scanner or sync tool may hold a new
file for a moment; renames and opens are retried for about 2.5 s before giving up (`BusyError`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, TypeVar

PARTIAL_SUFFIX = ".partial"
STALE_SECONDS = 3600
FILE_MODE = 0o600
PARTIAL_PATTERN = re.compile(
    r"^\.(?P<final>.+)\.(?:(?P<host>[0-9a-f]{4})-(?P<pid>\d{1,10})-)?(?P<token>[0-9a-f]{8})\.partial$"
)

T = TypeVar("T")


class BusyError(OSError):
    """The file stayed held by another program (a scanner, a sync tool) through every retry."""


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retry for a target that is momentarily held open (virus scanners and sync tools
    on Windows open new files for a moment). About 2.5 s in all by default."""

    attempts: int = 6
    first_delay: float = 0.1
    max_delay: float = 1.0
    sleep: Callable[[float], None] = time.sleep


NO_RETRY = RetryPolicy(attempts=1)


def is_busy(exc: OSError) -> bool:
    """A sharing violation or a momentary lock (Windows), not a real failure."""
    if isinstance(exc, PermissionError):
        return True
    if exc.errno in (errno.EBUSY, errno.ETXTBSY, errno.EAGAIN):
        return True
    return getattr(exc, "winerror", None) in (32, 33)  # sharing / lock violation


def with_retry(action: Callable[[], T], policy: RetryPolicy = RetryPolicy()) -> T:
    """`action()`, retried while it fails with a busy error; BusyError after the last try."""
    delay = policy.first_delay
    attempts = max(1, policy.attempts)
    for attempt in range(attempts):
        try:
            return action()
        except OSError as exc:
            if not is_busy(exc):
                raise
            if attempt >= attempts - 1:
                raise BusyError(exc.errno or errno.EBUSY, exc.strerror or str(exc), exc.filename) from exc
            policy.sleep(delay)
            delay = min(policy.max_delay, delay * 2)
    raise AssertionError("unreachable")


def replace_with_retry(source: Path, target: Path, policy: RetryPolicy = RetryPolicy()) -> None:
    with_retry(lambda: os.replace(source, target), policy)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable. Skipped on Windows (a folder cannot be opened for
    fsync; NTFS journals renames) and where the file system refuses (network shares)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # the file itself was fsynced
    finally:
        os.close(fd)


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
    if os.name == "nt":
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
    Raises OSError (BusyError when a scanner held the file through every retry); the caller maps
    it to the error model (services/faults.py). Returns `path`."""
    path = Path(path)
    folder = path.parent
    sweep_stale(folder)
    temporary = folder / partial_name(path.name)
    sink: BinaryIO | None = None
    try:
        sink = with_retry(lambda: (opener or create_exclusive)(temporary), retry)
        if callable(data):
            data(sink)
        else:
            sink.write(data)
        sink.flush()
        os.fsync(sink.fileno())
        sink.close()
        sink = None
        if before_publish is not None:
            before_publish(temporary)
        step = publish or (os.replace if replace else publish_new)
        with_retry(lambda: step(temporary, path), retry)
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
