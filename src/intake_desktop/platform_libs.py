"""The system libraries Qt's window-system plugins need on Linux, and what to say when one is missing.

Standard library only: `dev.py` loads this file by path before any venv exists, to install the
Debian packages; the app uses it when Qt cannot load its platform plugin (ui/platform_failure.py).

`DEBIAN_PACKAGES` is derived, not remembered: `python tools/qt_system_libs.py` runs `ldd` on
PySide6's platform plugins (xcb, wayland), their GL integrations, input contexts and the CUPS
print plugin, takes every library that is not part of PySide6 and asks `dpkg -S` for its
package. `tests/test_qt_system_libs.py` fails when ldd reports a library "not found" (so CI
catches a package missing from this list) or names one the table lacks (a new PySide6).
Qt 6.11 on Debian 12 needs no libxcb-xinerama0: ldd does not list it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

# soname -> Debian package (Debian 12 / Ubuntu 22.04+ names), from tools/qt_system_libs.py.
DEBIAN_PACKAGES = {
    # X11 / xcb: the xcb platform plugin
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    # Wayland: the wayland platform plugin (Qt prefers it in a Wayland session)
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-server.so.0": "libwayland-server0",
    # OpenGL / EGL, fonts, D-Bus, GLib (QtGui, QtCore and the plugins)
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libdrm.so.2": "libdrm2",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libexpat.so.1": "libexpat1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libffi.so.8": "libffi8",
    # printing (the CUPS print-support plugin)
    "libcups.so.2": "libcups2",
    "libavahi-client.so.3": "libavahi-client3",
    "libavahi-common.so.3": "libavahi-common3",
    "libgnutls.so.30": "libgnutls30",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libkrb5.so.3": "libkrb5-3",
    "libk5crypto.so.3": "libk5crypto3",
    "libkrb5support.so.0": "libkrb5support0",
    "libcom_err.so.2": "libcom-err2",
    "libkeyutils.so.1": "libkeyutils1",
    "libhogweed.so.6": "libhogweed6",
    "libnettle.so.8": "libnettle8",
    "libgmp.so.10": "libgmp10",
    "libidn2.so.0": "libidn2-0",
    "libunistring.so.2": "libunistring2",
    "libtasn1.so.6": "libtasn1-6",
    "libp11-kit.so.0": "libp11-kit0",
    # the base system (always there; listed so the table covers everything ldd names)
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "libresolv.so.2": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "liblzma.so.5": "liblzma5",
    "liblz4.so.1": "liblz4-1",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
    "libcap.so.2": "libcap2",
    "libsystemd.so.0": "libsystemd0",
    "libgcrypt.so.20": "libgcrypt20",
    "libgpg-error.so.0": "libgpg-error0",
}

# The plugin files (relative to PySide6's Qt folder) whose libraries the table covers.
PLUGIN_GLOBS = (
    "plugins/platforms/libqxcb.so",
    "plugins/platforms/libqwayland*.so",
    "plugins/xcbglintegrations/*.so",
    "plugins/platforminputcontexts/*.so",
    "plugins/printsupport/*.so",
)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def debian_package(soname: str) -> str:
    """The Debian package that ships `soname`: from the table, else by Debian's naming rule
    for library packages (libfoo.so.1 -> libfoo1; libfoo2.so.0 -> libfoo2-0)."""
    if soname in DEBIAN_PACKAGES:
        return DEBIAN_PACKAGES[soname]
    match = re.fullmatch(r"(.+?)\.so\.(\d+)(?:\.\d+)*", soname)
    if not match:
        return soname
    name, version = match.group(1).lower().replace("_", "-"), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_libraries(binary: Path, env: dict[str, str] | None = None) -> list[str]:
    """The libraries `binary` needs that the dynamic loader cannot find (ldd's "not found"),
    each once, in ldd's order. Empty when ldd is not installed."""
    ldd = shutil.which("ldd")
    if not ldd:
        return []
    try:
        result = subprocess.run([ldd, str(binary)], capture_output=True, text=True, timeout=30,
                                env=env if env is not None else os.environ.copy())
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(result.stdout)))


def packages_for(sonames: list[str]) -> list[str]:
    return list(dict.fromkeys(debian_package(name) for name in sonames))


def install_command(packages: list[str]) -> str:
    """The command that installs `packages` on this machine (Debian/Ubuntu: apt-get)."""
    prefix = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "sudo "
    return f"{prefix}apt-get install {' '.join(packages)}"


def present_sonames() -> set[str] | None:
    """Every library the dynamic loader's cache knows (ldconfig -p); None if it cannot tell."""
    for ldconfig in (shutil.which("ldconfig"), "/sbin/ldconfig", "/usr/sbin/ldconfig"):
        if ldconfig and Path(ldconfig).exists():
            try:
                output = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=30).stdout
            except (OSError, subprocess.SubprocessError):
                continue
            return {line.split()[0] for line in output.splitlines()[1:] if line.strip()}
    return None
