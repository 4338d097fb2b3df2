"""The program's one writer (fileio.py) and its error mapping (services/files.py)."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from intake_desktop import fileio
from intake_desktop.services import errors as E
from intake_desktop.services.files import MSG_TARGET_BUSY, write_file

POSIX = os.name != "nt"


def _partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(fileio.PARTIAL_SUFFIX))


def _dead_pid() -> int:
    """The id of a process that has just ended (so no live writer owns it)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_writes_bytes_and_streams(tmp_path):
    assert fileio.write_atomic(tmp_path / "a.bin", b"abc") == tmp_path / "a.bin"
    assert (tmp_path / "a.bin").read_bytes() == b"abc"
    fileio.write_atomic(tmp_path / "a.bin", lambda handle: handle.write(b"new"))
    assert (tmp_path / "a.bin").read_bytes() == b"new"
    assert _partials(tmp_path) == []


@pytest.mark.skipif(not POSIX, reason="mode bits: Windows files inherit the folder's ACL (fileio.py)")
def test_files_are_owner_only_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        fileio.write_atomic(tmp_path / "report.csv", b"x")
        (tmp_path / "replaced.csv").write_bytes(b"old")
        os.chmod(tmp_path / "replaced.csv", 0o644)
        fileio.write_atomic(tmp_path / "replaced.csv", b"new")
    finally:
        os.umask(old)
    for name in ("report.csv", "replaced.csv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old letter")

    def half_then_fail(handle):
        handle.write(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(E.ServiceError) as caught:
        write_file(target, half_then_fail)
    assert caught.value.message == E.MSG_DISK_FULL
    assert target.read_bytes() == b"old letter"
    assert _partials(tmp_path) == []


def test_a_failed_check_or_fsync_abandons_the_file(tmp_path, monkeypatch):
    target = tmp_path / "backup.bin"

    def refuse(temporary: Path) -> None:
        assert temporary.read_bytes() == b"data" and temporary.parent == tmp_path
        raise E.DamagedError()

    with pytest.raises(E.DamagedError):
        write_file(target, b"data", before_publish=refuse)
    assert not target.exists() and _partials(tmp_path) == []

    def failing_fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(E.ServiceError) as caught:
        write_file(target, b"data")
    assert caught.value.message == E.MSG_IO
    assert not target.exists() and _partials(tmp_path) == []


def test_no_replace_refuses_an_existing_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"keep me")
    with pytest.raises(E.UsageError):
        write_file(target, b"new", replace=False, exists=lambda p: E.UsageError(f"{p} exists"))
    with pytest.raises(FileExistsError):
        fileio.write_atomic(target, b"new", replace=False)
    assert target.read_bytes() == b"keep me" and _partials(tmp_path) == []
    write_file(tmp_path / "fresh.pdf", b"new", replace=False)
    assert (tmp_path / "fresh.pdf").read_bytes() == b"new"


def test_a_file_held_open_for_good_is_reported_as_busy(tmp_path):
    sleeps: list[float] = []

    def held(path):
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(path))

    with pytest.raises(E.ServiceError) as caught:
        write_file(tmp_path / "x.csv", b"x", opener=held,
                   retry=fileio.RetryPolicy(attempts=3, sleep=sleeps.append))
    assert caught.value.message == MSG_TARGET_BUSY and sleeps == [0.1, 0.2]


# -- leftovers of killed writers -----------------------------------------------------------------
def _leftover(folder: Path, final: str, *, host: str | None = None, pid: int | None = None,
              age: float = 0) -> Path:
    tag = "" if pid is None else f"{host or fileio._host_tag()}-{pid}-"
    path = folder / f".{final}.{tag}0a1b2c3d{fileio.PARTIAL_SUFFIX}"
    path.write_bytes(b"ciphertext")
    if age:
        when = time.time() - age
        os.utime(path, (when, when))
    return path


def test_the_next_write_sweeps_only_its_own_dead_leftovers(tmp_path):
    other_host = "ffff" if fileio._host_tag() != "ffff" else "eeee"
    dead = _leftover(tmp_path, "a.ikbak", pid=_dead_pid())
    old_foreign = _leftover(tmp_path, "b.pdf", host=other_host, pid=4242, age=2 * fileio.STALE_SECONDS)
    old_legacy = _leftover(tmp_path, "c.ikbak", age=2 * fileio.STALE_SECONDS)
    keep = {
        _leftover(tmp_path, "d.pdf", pid=os.getpid()),  # a thread of ours may be writing it
        _leftover(tmp_path, "e.pdf", pid=os.getppid()),  # a live process
        _leftover(tmp_path, "f.pdf", host=other_host, pid=4242),  # another PC, still fresh
        _leftover(tmp_path, "g.ikbak"),  # no process id, still fresh
    }
    for name in ("notes.partial", ".h.pdf.zzzz.partial", "h.pdf.0a1b2c3d.partial"):  # not our names
        (tmp_path / name).write_bytes(b"x")
        keep.add(tmp_path / name)
    fileio.write_atomic(tmp_path / "new.pdf", b"x")
    left = {p for p in tmp_path.iterdir()}
    assert keep <= left
    assert not {dead, old_foreign, old_legacy} & left


@pytest.mark.skipif(not POSIX, reason="kill -9")
def test_a_killed_writer_leaves_a_partial_that_the_next_write_removes(tmp_path):
    """A writer killed half-way (kill -9) cannot clean up; the next write to the folder does."""
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from intake_desktop import fileio

        def slow(handle):
            handle.write(b"x" * 4096)
            handle.flush()
            print("writing", flush=True)
            time.sleep(60)

        fileio.write_atomic(Path({str(tmp_path / "report.pdf")!r}), slow)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == b"writing"
        left = _partials(tmp_path)
        assert len(left) == 1 and f"-{child.pid}-" in left[0]
        # While the writer lives, another write leaves its file alone.
        fileio.write_atomic(tmp_path / "other.pdf", b"y")
        assert _partials(tmp_path) == left
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert _partials(tmp_path) == left and not (tmp_path / "report.pdf").exists()
    write_file(tmp_path / "report.pdf", b"done")
    assert _partials(tmp_path) == [] and (tmp_path / "report.pdf").read_bytes() == b"done"
