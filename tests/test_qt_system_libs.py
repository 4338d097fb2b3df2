"""Every system library Qt's window-system plugins need is installed, and dev.py's list
(platform_libs.DEBIAN_PACKAGES) names each one: ldd on PySide6's plugins in this venv.

A "not found" here is the bug of issue 11 (the window could not open on a fresh Debian machine
while the offscreen test suite passed): add the library's package to platform_libs.py
(`python tools/qt_system_libs.py` shows what ldd says and which package ships each file)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from intake_desktop import platform_libs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux shared libraries")


def plugins() -> list[Path]:
    if not sys.platform.startswith("linux"):
        return []
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    found = sorted({path for pattern in platform_libs.PLUGIN_GLOBS for path in qt.glob(pattern)})
    assert any(p.name == "libqxcb.so" for p in found), found
    return found


def ldd(path: Path) -> str:
    if not shutil.which("ldd"):
        if os.environ.get("CI"):
            pytest.fail("ldd is missing (package libc-bin)")
        pytest.skip("ldd is not installed")
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("plugin", plugins(), ids=lambda p: p.name)
def test_no_library_is_missing(plugin):
    missing = platform_libs.missing_libraries(plugin)
    ldd(plugin)  # skip/fail clearly when ldd itself is absent
    assert missing == [], (
        f"{plugin.name} needs {missing}: install {platform_libs.packages_for(missing)} and add them to "
        "platform_libs.DEBIAN_PACKAGES so dev.py installs them")


@pytest.mark.parametrize("plugin", plugins(), ids=lambda p: p.name)
def test_the_table_covers_every_system_library_ldd_names(plugin):
    import PySide6

    bundled = str(Path(PySide6.__file__).parent)
    outside = {line.split()[0] for line in ldd(plugin).splitlines()
               if "=>" in line and "not found" not in line and bundled not in line and "vdso" not in line}
    assert outside - set(platform_libs.DEBIAN_PACKAGES) == set()


def test_missing_libraries_reads_ldd_not_found(tmp_path):
    # A library that asks for a name no machine has: the parser must report exactly that name.
    plugin = next(p for p in plugins() if p.name == "libqxcb.so")
    data = plugin.read_bytes().replace(b"libxcb-keysyms.so.1\0", b"libxcb-keysymz.so.1\0")
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(data)
    env = dict(os.environ, LD_LIBRARY_PATH=str(plugin.parents[2] / "lib"))
    ldd(broken)
    assert platform_libs.missing_libraries(broken, env) == ["libxcb-keysymz.so.1"]
