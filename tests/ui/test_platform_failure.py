"""A window-system plugin that cannot load: the app names the missing library and the command
that installs it, in the user's language, and exits with 1 (not Qt's abort and generic text)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake_desktop import platform_libs
from intake_desktop.i18n.catalogue import Translations
from intake_desktop.ui.platform_failure import explain

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")

QT_GENERIC = "Reinstalling the application may fix this problem"
FAILED_LOAD = 'Could not load the Qt platform plugin "xcb" in "" even though it was found.'


def english(context, text):
    return text


def test_debian_package_from_the_table_and_by_debian_naming():
    assert platform_libs.debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert platform_libs.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert platform_libs.debian_package("libglib-2.0.so.0") == "libglib2.0-0"  # table, not the rule
    assert platform_libs.debian_package("libxcb-foo.so.3") == "libxcb-foo3"      # the rule
    assert platform_libs.debian_package("libbar2.so.1.2") == "libbar2-1"


@linux_only
def test_explain_names_the_libraries_and_the_install_command(tmp_path, monkeypatch):
    plugin = tmp_path / "platforms" / "libqxcb.so"
    plugin.parent.mkdir()
    plugin.write_bytes(b"")
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", str(plugin.parent))
    text = explain([FAILED_LOAD], english, missing_of=lambda path: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in text
    assert "apt-get install libxcb-icccm4 libxcb-keysyms1" in text
    assert QT_GENERIC not in text


@linux_only
def test_explain_in_korean(tmp_path, monkeypatch):
    plugin = tmp_path / "platforms" / "libqxcb.so"
    plugin.parent.mkdir()
    plugin.write_bytes(b"")
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", str(plugin.parent))
    text = explain([FAILED_LOAD], Translations("ko").translate, missing_of=lambda path: ["libxcb-icccm.so.4"])
    assert "시스템 라이브러리가 없습니다: libxcb-icccm.so.4" in text
    assert "apt-get install libxcb-icccm4" in text


def test_explain_without_a_display_or_a_missing_library():
    text = explain([FAILED_LOAD], english, missing_of=lambda path: [], environ={})
    assert "DISPLAY is not set" in text
    refused = explain([FAILED_LOAD, "could not connect to display :9"], english, missing_of=lambda path: [],
                      environ={"DISPLAY": ":9"})
    assert "The screen :9 could not be opened" in refused
    other = explain(['Could not load the Qt platform plugin "wayland" in "" even though it was found.'],
                    english, missing_of=lambda path: [], environ={"DISPLAY": ":9"})
    assert 'plugin "wayland"' in other and "Qt reported:" in other and "reinstall intake-desktop" in other


def _broken_plugin_dir(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of PySide6's xcb plugin asking for a library no machine has (one NEEDED entry
    renamed, same length). Returns (plugin folder, Qt's lib folder for LD_LIBRARY_PATH: the copy
    no longer finds Qt through its $ORIGIN run path)."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    data = (qt / "plugins" / "platforms" / "libqxcb.so").read_bytes()
    needed = b"libxcb-keysyms.so.1\0"
    assert data.count(needed) == 1
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    (folder / "libqxcb.so").write_bytes(data.replace(needed, b"libxcb-keysymz.so.1\0"))
    return folder, qt / "lib"


@linux_only
@pytest.mark.parametrize("language, expected", [
    ("en", "These system libraries are missing: "),
    ("ko", "다음 시스템 라이브러리가 없습니다: "),
])
def test_the_app_explains_a_missing_library_and_exits_1(tmp_path, language, expected):
    if not Path("/usr/bin/ldd").exists() and not os.environ.get("CI"):
        pytest.skip("ldd is not installed")
    folder, qt_lib = _broken_plugin_dir(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_QPA_PLATFORM_PLUGIN_PATH=str(folder),
               LD_LIBRARY_PATH=str(qt_lib), DISPLAY=":31999", INTAKE_LANG=language, INTAKE_DATA_DIR=str(tmp_path / "d"))
    result = subprocess.run([sys.executable, "-m", "intake_desktop"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1, result.stderr
    missing_line = next(line for line in result.stderr.splitlines() if expected in line)
    assert "libxcb-keysymz.so.1" in missing_line
    install_line = next(line for line in result.stderr.splitlines() if "apt-get install" in line)
    assert "libxcb-keysymz1" in install_line.split()
    assert QT_GENERIC not in result.stderr and "Traceback" not in result.stderr


def test_the_guard_survives_a_program_without_stderr(qapp, monkeypatch):
    """The Windows window program has no console: PyInstaller leaves sys.stderr as None."""
    from PySide6.QtCore import qWarning

    from intake_desktop.ui.platform_failure import platform_failure_guard

    monkeypatch.setattr(sys, "stderr", None)
    with platform_failure_guard("en"):
        qWarning("a warning while the application is made")
