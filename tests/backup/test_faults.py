"""Full disks, I/O errors and busy targets: a clear error, nothing under the final name, no
temporary file left, earlier backups and the vault untouched."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import backup as B
from intake_desktop.services import errors as E

from .conftest import PASSPHRASE, files_digest

HARNESS = Path(__file__).with_name("cli_harness.py")


class FailingFile:
    """A real file that fails with `error` once `limit` bytes have been written (the bytes
    before the limit do reach the disk, as on a disk that fills up mid-write)."""

    def __init__(self, path: Path, limit: int, error: int) -> None:
        self._file = open(path, "xb")  # noqa: SIM115 - closed through close()
        self._limit = limit
        self._error = error
        self.written = 0

    def write(self, data) -> int:
        room = self._limit - self.written
        if len(data) > room:
            if room > 0:
                self._file.write(bytes(data[:room]))
                self.written += room
            raise OSError(self._error, os.strerror(self._error))
        self.written += len(data)
        return self._file.write(data)

    def flush(self) -> None:
        self._file.flush()

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


@pytest.fixture
def service(vault_copy):
    vault, session = vault_copy.open()
    yield B.BackupService(session)
    session.lock()
    vault.close()


@pytest.fixture
def earlier(service, tmp_path) -> Path:
    """A folder holding one good backup already."""
    folder = tmp_path / "backups"
    folder.mkdir()
    service.create(folder / "earlier.ikbak")
    return folder


def _assert_clean(folder: Path, target: Path, before: dict[str, str]) -> None:
    assert not target.exists()
    assert files_digest(folder) == before  # earlier backups intact, no temporary file left
    with B.open_backup(folder / "earlier.ikbak", B.BackupSecret.passphrase(PASSPHRASE, "admin")) as opened:
        B.verify_backup(opened, deep=False)


@pytest.mark.parametrize("error, message", [(errno.ENOSPC, E.MSG_DISK_FULL), (errno.EIO, E.MSG_IO)])
@pytest.mark.parametrize("limit", [0, 9, 200, 2_000, 100_000, 300_000, -50])
def test_write_fails_after_n_bytes(service, earlier, limit, error, message):
    size = (earlier / "earlier.ikbak").stat().st_size
    limit = size + limit if limit < 0 else limit
    before = files_digest(earlier)
    last_good = service.last_good()
    target = earlier / "new.ikbak"
    with pytest.raises(E.ServiceError) as caught:
        service.create(target, opener=lambda path: FailingFile(path, limit, error))
    assert caught.value.message == message
    assert "Traceback" not in caught.value.render()
    _assert_clean(earlier, target, before)
    assert service.last_good() == last_good
    # And the next attempt, on a disk with room again, works.
    assert service.create(target).verified


def test_fsync_failure_is_an_io_error(service, earlier, monkeypatch):
    before = files_digest(earlier)
    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd):
        calls.append(fd)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(E.ServiceError) as caught:
        service.create(earlier / "new.ikbak")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert caught.value.message == E.MSG_IO and calls
    _assert_clean(earlier, earlier / "new.ikbak", before)


def test_target_held_open_briefly_is_retried(service, earlier):
    sleeps = []
    attempts = []

    def opener(path):
        attempts.append(path)
        if len(attempts) <= 3:
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(path))
        return open(path, "xb")

    result = service.create(earlier / "new.ikbak", opener=opener, retry=B.RetryPolicy(sleep=sleeps.append))
    assert result.verified and len(attempts) == 4
    assert sleeps == [0.1, 0.2, 0.4]


def test_target_held_open_for_good_gives_a_clear_error(service, earlier, monkeypatch):
    before = files_digest(earlier)
    sleeps = []
    policy = B.RetryPolicy(attempts=4, sleep=sleeps.append)

    def opener(path):
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(path))

    with pytest.raises(E.ServiceError) as caught:
        service.create(earlier / "new.ikbak", opener=opener, retry=policy)
    assert caught.value.message == B.MSG_TARGET_BUSY and len(sleeps) == 3
    _assert_clean(earlier, earlier / "new.ikbak", before)

    # The rename at the end held up (a scanner holding the temporary file on Windows): the
    # publishing step (a hard link, else a rename) meets a sharing violation.
    real_link = os.link
    tries = []

    def busy_link(source, target, *args, **kwargs):
        tries.append(target)
        raise PermissionError(errno.EACCES, "sharing violation", str(target))

    monkeypatch.setattr(os, "link", busy_link)
    monkeypatch.setattr(os, "rename", busy_link)
    with pytest.raises(E.ServiceError) as caught:
        service.create(earlier / "new.ikbak", retry=policy)
    assert caught.value.message == B.MSG_TARGET_BUSY and len(tries) == 2 * 4
    _assert_clean(earlier, earlier / "new.ikbak", before)

    tries.clear()

    def link_on_third_try(source, target, *args, **kwargs):
        tries.append(target)
        if len(tries) < 3:
            raise PermissionError(errno.EACCES, "sharing violation", str(target))
        real_link(source, target)

    monkeypatch.setattr(os, "link", link_on_third_try)
    assert service.create(earlier / "new.ikbak", retry=policy).verified
    assert sorted(p.name for p in earlier.iterdir()) == ["earlier.ikbak", "new.ikbak"]


def test_no_hard_links_falls_back_to_a_rename_that_never_replaces(service, earlier, monkeypatch):
    def no_links(*args):
        raise OSError(errno.EPERM, "Operation not permitted")  # vfat on Linux

    monkeypatch.setattr(os, "link", no_links)
    made = service.create(earlier)
    assert made.verified and made.path.exists()
    assert not [p for p in earlier.iterdir() if p.name.endswith(B.PARTIAL_SUFFIX)]


@pytest.mark.parametrize("limit", [0, 5_000, 150_000])
def test_restore_onto_a_full_disk(template_backup, tmp_path, limit):
    into = tmp_path / "r"
    with B.open_backup(template_backup, B.BackupSecret.passphrase(PASSPHRASE, "admin")) as opened:
        with pytest.raises(E.ServiceError) as caught:
            B.restore_backup(opened, into, opener=lambda path: FailingFile(path, limit, errno.ENOSPC))
    assert caught.value.message == E.MSG_DISK_FULL
    assert sorted(p.name for p in into.iterdir()) == ["vault.lock"]
    with B.open_backup(template_backup, B.BackupSecret.passphrase(PASSPHRASE, "admin")) as opened:
        assert B.restore_backup(opened, into).verified.case_count == 61


def test_a_real_kernel_write_limit(vault_copy, tmp_path):
    """RLIMIT_FSIZE makes the kernel refuse writes past a size (EFBIG): the CLI reports it in
    one line, exit 1, and leaves nothing behind."""
    out = tmp_path / "out"
    out.mkdir()
    vault_before = (vault_copy.data_dir / VAULT_FILE).stat().st_size
    env = {**os.environ, "INTAKE_PASSPHRASE": PASSPHRASE, "INTAKE_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(HARNESS), "--fsize-limit", str(min(vault_before, 150_000)), "--",
         "--data-dir", str(vault_copy.data_dir), "backup", "create", "--user", "admin", "--out", str(out)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 1, done
    assert "could not be read or written" in done.stderr and "Traceback" not in done.stderr
    assert list(out.iterdir()) == []
    vault, session = vault_copy.open()
    assert session.audit.verify() == []
    session.lock()
    vault.close()


class CorruptingFile(FailingFile):
    """A medium that silently changes one byte in what it is given (bad flash memory)."""

    def __init__(self, path: Path, position: int) -> None:
        super().__init__(path, 1 << 40, errno.EIO)
        self._position = position

    def write(self, data) -> int:
        data = bytearray(data)
        if self.written <= self._position < self.written + len(data):
            data[self._position - self.written] ^= 0x10
        return super().write(bytes(data))


@pytest.mark.parametrize("position", [3, 5_000, 200_000])
def test_a_faulty_medium_is_caught_before_the_final_name(service, earlier, position):
    before = files_digest(earlier)
    last_good = service.last_good()
    with pytest.raises(E.ServiceError) as caught:
        service.create(earlier / "new.ikbak", opener=lambda path: CorruptingFile(path, position))
    assert caught.value.message == B.MSG_READ_BACK_FAILED
    _assert_clean(earlier, earlier / "new.ikbak", before)
    assert service.last_good() == last_good
