"""What differs on Windows, exercised here by standing in for Windows (issue 11): retrying a
replace over a file another program holds open, folder fsync, owner-only access, long paths,
the local (not roaming) data folder, and how these surface to the user."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from pathlib import Path

import pytest

from intake_desktop import fileio, paths
from intake_desktop.services import errors as E
from intake_desktop.services.faults import from_os_error

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


class SharingViolation(PermissionError):
    """What Windows raises when another program holds the file open (winerror 32)."""

    winerror = 32


def quick(sleeps: list[float]) -> fileio.RetryPolicy:
    return fileio.RetryPolicy(attempts=5, first_delay=0.1, max_delay=0.3, sleep=sleeps.append)


# -- os.replace over a file another program holds open ---------------------------------------
def test_a_briefly_held_file_is_replaced_after_a_few_tries(tmp_path, monkeypatch):
    source, target = tmp_path / "new", tmp_path / "letter.pdf"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    real_replace, calls, sleeps = os.replace, [], []

    def held_twice(a, b):
        calls.append(b)
        if len(calls) <= 2:
            raise SharingViolation(errno.EACCES, "The process cannot access the file", str(b))
        real_replace(a, b)

    monkeypatch.setattr(fileio.os, "replace", held_twice)
    fileio.replace_with_retry(source, target, quick(sleeps))
    assert target.read_bytes() == b"new" and not source.exists()
    assert sleeps == [0.1, 0.2]


def test_a_file_that_stays_held_gives_a_clear_error_after_a_bounded_wait(tmp_path, monkeypatch):
    sleeps: list[float] = []

    def always_held(a, b):
        raise SharingViolation(errno.EACCES, "The process cannot access the file", str(b))

    monkeypatch.setattr(fileio.os, "replace", always_held)
    with pytest.raises(fileio.FileBusyError) as caught:
        fileio.replace_with_retry(tmp_path / "a", tmp_path / "b", quick(sleeps))
    assert sleeps == [0.1, 0.2, 0.3, 0.3] and sum(sleeps) < 1.0  # bounded: 5 tries, growing pause, capped
    shown = from_os_error(caught.value, tmp_path / "b")
    assert shown.message == E.MSG_FILE_BUSY and str(tmp_path / "b") in shown.render()


def test_other_errors_are_not_retried(tmp_path):
    sleeps: list[float] = []
    with pytest.raises(FileNotFoundError):
        fileio.replace_with_retry(tmp_path / "missing", tmp_path / "b", quick(sleeps))
    assert sleeps == []


def test_windows_lock_violation_counts_as_busy():
    error = OSError(errno.EINVAL, "lock violation")
    error.winerror = 33
    assert fileio.is_busy(error)
    assert not fileio.is_busy(OSError(errno.ENOSPC, "disk full"))


# -- directory fsync ---------------------------------------------------------------------------
def test_fsync_dir_does_nothing_on_windows(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio, "WINDOWS", True)
    monkeypatch.setattr(fileio.os, "open", lambda *a, **k: pytest.fail("Windows cannot open a folder"))
    fileio.fsync_dir(tmp_path)


def test_fsync_dir_tolerates_a_folder_that_cannot_be_opened_or_synced(tmp_path, monkeypatch):
    monkeypatch.setattr(fileio, "WINDOWS", False)
    fileio.fsync_dir(tmp_path / "missing")

    def refuse(fd):
        raise OSError(errno.EINVAL, "not supported on this share")

    monkeypatch.setattr(fileio.os, "fsync", refuse)
    fileio.fsync_dir(tmp_path)


# -- owner-only access ---------------------------------------------------------------------------
@posix_only
def test_owner_only_modes_on_posix(tmp_path):
    folder, file = tmp_path / "data", tmp_path / "f"
    folder.mkdir(mode=0o755)
    file.write_bytes(b"x")
    assert fileio.restrict_to_owner(folder, windows=False) and fileio.restrict_to_owner(file, windows=False)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and stat.S_IMODE(file.stat().st_mode) == 0o600


def test_owner_only_acl_on_windows_uses_the_users_sid(tmp_path):
    commands = []

    def run(command, **kwargs):
        commands.append(command)
        if command[0] == "whoami":
            return subprocess.CompletedProcess(command, 0, '"office-pc\\kim","S-1-5-21-1-2-3-1001"\r\n', "")
        return subprocess.CompletedProcess(command, 0, "", "")

    assert fileio.restrict_to_owner(tmp_path, windows=True, run=run)
    icacls = commands[-1]
    assert icacls[:3] == ["icacls", str(tmp_path), "/inheritance:r"]
    assert "*S-1-5-21-1-2-3-1001:(OI)(CI)F" in icacls and "*S-1-5-18:(OI)(CI)F" in icacls
    assert not any("Everyone" in part or "Users" in part for part in icacls)


def test_owner_only_acl_failure_is_reported_not_raised(tmp_path):
    def no_whoami(command, **kwargs):
        raise FileNotFoundError("whoami")

    assert fileio.restrict_to_owner(tmp_path, windows=True, run=no_whoami) is False

    def icacls_refuses(command, **kwargs):
        out = '"pc\\kim","S-1-5-21-9"' if command[0] == "whoami" else ""
        return subprocess.CompletedProcess(command, 0 if command[0] == "whoami" else 5, out, "denied")

    assert fileio.restrict_to_owner(tmp_path, windows=True, run=icacls_refuses) is False


@posix_only
def test_a_new_vault_folder_is_the_users_alone(tmp_path):
    from intake_desktop.services.vault import Vault

    data = tmp_path / "new-data"
    Vault.create(data, "센터", "admin", "관리자", "a long enough passphrase 1").vault.close()
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    existing = tmp_path / "existing"
    existing.mkdir(mode=0o750)
    Vault.create(existing, "센터", "admin", "관리자", "a long enough passphrase 1").vault.close()
    assert stat.S_IMODE(existing.stat().st_mode) == 0o750  # a folder the user chose keeps its mode


# -- path length -----------------------------------------------------------------------------------
def test_long_paths(tmp_path):
    assert not fileio.too_long_for_windows(tmp_path / "vault.sqlite")
    assert fileio.too_long_for_windows(tmp_path / ("x" * 260))
    assert not fileio.too_long_for_windows("\\\\?\\" + "x" * 300)


def test_windows_path_too_long_error_is_explained(tmp_path):
    error = FileNotFoundError(errno.ENOENT, "The filename or extension is too long")
    error.winerror = 206
    shown = from_os_error(error, tmp_path / "long")
    assert shown.message == E.MSG_PATH_TOO_LONG


# -- the data folder: local, never roaming --------------------------------------------------------
def test_data_and_settings_folders_are_local_app_data_on_windows(monkeypatch):
    import platformdirs
    from platformdirs import windows

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(windows, "get_win_folder", lambda csidl: {
        "CSIDL_LOCAL_APPDATA": r"C:\Users\kim\AppData\Local",
        "CSIDL_APPDATA": r"C:\Users\kim\AppData\Roaming"}[csidl])
    monkeypatch.setattr(platformdirs, "PlatformDirs", windows.Windows)
    local = r"C:\Users\kim\AppData\Local\intake-desktop"
    assert str(paths.default_data_dir()).replace("/", "\\") == local
    assert str(paths.settings_dir()).replace("/", "\\") == local



def test_a_letter_path_too_long_for_windows_is_refused_before_anything_is_issued(tmp_path, monkeypatch):
    from intake_desktop.cli.letter_commands import check_target

    monkeypatch.setattr(fileio, "WINDOWS", True)
    deep = tmp_path / ("d" * 200)
    deep.mkdir()
    with pytest.raises(E.ServiceError) as caught:
        check_target(deep / ("의뢰서" * 20 + ".pdf"), force=False)
    assert caught.value.message == E.MSG_PATH_TOO_LONG
    check_target(tmp_path / "short.pdf", force=False)  # a short path passes


# -- fonts: Malgun Gothic from the Windows folder, wherever Windows is installed ----------------
NANUM = Path("/usr/share/fonts/truetype/nanum")


@pytest.mark.skipif(not (NANUM / "NanumGothic.ttf").exists() and not os.environ.get("CI"),
                    reason="needs fonts-nanum (python3 dev.py setup) to stand in for malgun.ttf")
@pytest.mark.parametrize("per_user", [False, True])
def test_malgun_gothic_is_found_in_windir_or_the_users_fonts(tmp_path, monkeypatch, per_user):
    import shutil

    from intake_desktop.letters.fonts import find_korean_fonts, system_font_dirs

    windir, local = tmp_path / "D-Windows", tmp_path / "Local"
    fonts = local / "Microsoft" / "Windows" / "Fonts" if per_user else windir / "Fonts"
    fonts.mkdir(parents=True)
    shutil.copy(NANUM / "NanumGothic.ttf", fonts / "MALGUN.TTF")  # any case: Windows ignores it
    shutil.copy(NANUM / "NanumGothicBold.ttf", fonts / "malgunbd.ttf")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    assert system_font_dirs("win32") == [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    choice = find_korean_fonts(bundled_dir=None, platform="win32")
    assert choice.source == "system"
    assert choice.regular.path == fonts / "MALGUN.TTF" and choice.bold.path == fonts / "malgunbd.ttf"
