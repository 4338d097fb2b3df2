#!/usr/bin/env python3
"""Derive the Debian packages Qt's window-system plugins need (the table in platform_libs.py).

    .venv/bin/python tools/qt_system_libs.py

Runs ldd on PySide6's plugins (platform_libs.PLUGIN_GLOBS) in this environment, keeps every
library that is not part of PySide6, asks `dpkg -S` which package ships it, and prints the
table lines, marking those missing from platform_libs.DEBIAN_PACKAGES or not installed here.
Run it after upgrading PySide6; tests/test_qt_system_libs.py fails until the table is current.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from intake_desktop import platform_libs


def main() -> int:
    import PySide6

    package_dir = Path(PySide6.__file__).parent
    sonames: dict[str, str] = {}
    for pattern in platform_libs.PLUGIN_GLOBS:
        for plugin in sorted((package_dir / "Qt").glob(pattern)):
            for line in subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout.splitlines():
                parts = line.split()
                if "=>" not in parts or str(package_dir) in line or "vdso" in line:
                    continue
                sonames.setdefault(parts[0], parts[2] if parts[2] != "not" else "")
    for soname, path in sorted(sonames.items()):
        owner = ""
        if path:
            found = subprocess.run(["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True).stdout
            owner = next((line.split(":")[0] for line in found.splitlines() if "-dev" not in line), "")
        known = platform_libs.DEBIAN_PACKAGES.get(soname)
        note = "" if known else "   <- not in DEBIAN_PACKAGES"
        if not path:
            note += "   <- NOT FOUND on this machine"
        print(f'    "{soname}": "{known or owner or platform_libs.debian_package(soname)}",{note}')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
