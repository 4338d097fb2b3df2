"""When Qt cannot open its window-system plugin: say which library is missing and how to install it.

Qt's own text for this ("From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed…", then "no Qt
platform plugin could be initialized. Reinstalling the application may fix this problem") names
the wrong library more often than not and ends in abort(). `platform_failure_guard()` wraps the
making of the QApplication: Qt's messages about loading the plugin are held back; if Qt then
gives up (its fatal message), we run `ldd` on the plugin it tried, print in the user's language
which libraries are missing and the apt-get command that installs them, and exit with 1 (no
core dump, no traceback). If the QApplication is made, the held messages are printed as usual.
Costs nothing when the start succeeds: the diagnosis runs only on the failure path.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path
from typing import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QtMsgType, qInstallMessageHandler

from intake_desktop import platform_libs
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.i18n.catalogue import Translations

CONTEXT = "PlatformFailure"
EXIT_FAILURE = 1

MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "PlatformFailure", "intake-desktop cannot open its window: the window system plugin \"{plugin}\" did not load.")
MSG_MISSING = QT_TRANSLATE_NOOP(
    "PlatformFailure", "These system libraries are missing: {libraries}")
MSG_INSTALL = QT_TRANSLATE_NOOP(
    "PlatformFailure", "Install them with this command (an administrator may need to run it), then start again:")
MSG_NO_DISPLAY = QT_TRANSLATE_NOOP(
    "PlatformFailure", "No screen to open it on: DISPLAY is not set (start it from the desktop, not from a "
    "remote terminal).")
MSG_DISPLAY_REFUSED = QT_TRANSLATE_NOOP(
    "PlatformFailure", "The screen {display} could not be opened (the X server refused or is not running).")
MSG_UNKNOWN = QT_TRANSLATE_NOOP(
    "PlatformFailure", "No missing library was found. Qt reported:")
MSG_REINSTALL = QT_TRANSLATE_NOOP(
    "PlatformFailure", "If the problem remains, reinstall intake-desktop.")

_PLUGIN_FAILED = re.compile(r'Could not load the Qt platform plugin "([^"]+)" in "([^"]*)"')
_LOADING_CATEGORIES = ("qt.qpa.plugin", "qt.qpa.xcb", "qt.qpa.wayland", "default")


def plugin_candidates(plugin: str, folder: str) -> list[Path]:
    """Where Qt looked for the plugin file: the folder it names, the override, its plugin paths."""
    name = f"libq{plugin}.so" if sys.platform.startswith("linux") else f"q{plugin}.dll"
    folders = [folder, os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "")]
    folders += [str(Path(p) / "platforms") for p in QCoreApplication.libraryPaths()]
    folders.append(str(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"))
    found = []
    for candidate in (Path(f) / name for f in folders if f):
        if candidate.is_file() and candidate not in found:
            found.append(candidate)
    return found


def explain(qt_messages: list[str], translate: Callable[[str, str], str],
            missing_of: Callable[[Path], list[str]] = platform_libs.missing_libraries,
            environ: dict[str, str] | None = None) -> str:
    """The lines to show for a failed start, from what Qt said (its held messages)."""
    environ = os.environ if environ is None else environ
    t = lambda text: translate(CONTEXT, text)  # noqa: E731
    said = "\n".join(qt_messages)
    failed = _PLUGIN_FAILED.search(said)
    plugin, folder = (failed.group(1), failed.group(2)) if failed else (environ.get("QT_QPA_PLATFORM") or "xcb", "")
    lines = [t(MSG_CANNOT_OPEN).format(plugin=plugin)]
    missing: list[str] = []
    for candidate in plugin_candidates(plugin, folder):
        missing += [name for name in missing_of(candidate) if name not in missing]
    if missing:
        lines.append(t(MSG_MISSING).format(libraries=", ".join(missing)))
        if sys.platform.startswith("linux"):
            lines.append(t(MSG_INSTALL))
            lines.append("    " + platform_libs.install_command(platform_libs.packages_for(missing)))
    elif plugin == "xcb" and not environ.get("DISPLAY"):
        lines.append(t(MSG_NO_DISPLAY))
    elif plugin == "xcb" and "could not connect to display" in said:
        lines.append(t(MSG_DISPLAY_REFUSED).format(display=environ.get("DISPLAY", "")))
    else:
        lines.append(t(MSG_UNKNOWN))
        lines += ["    " + line for line in said.splitlines() if line.strip()]
        lines.append(t(MSG_REINSTALL))
    return "\n".join(lines)


def _write(text: str) -> None:
    """stderr when there is one (the Windows window program has none: PyInstaller sets it to None)."""
    if sys.stderr is not None:
        sys.stderr.write(text)
        sys.stderr.flush()


def _tell(text: str) -> None:
    _write(text + "\n")
    if sys.platform == "win32":  # no console to read it in: a message box (no Qt needed)
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "intake-desktop", 0x10)  # MB_ICONERROR


@contextlib.contextmanager
def platform_failure_guard(language: str | None) -> Iterator[None]:
    """Around `QApplication(...)`: a failing window-system plugin ends the process with our
    explanation (exit 1) instead of Qt's abort."""
    held: list[str] = []

    def handler(kind, context, message):
        if kind == QtMsgType.QtFatalMsg:
            _tell(explain(held + [message], Translations(language).translate))
            os._exit(EXIT_FAILURE)  # Qt would abort() next: no core dump, no half-made objects
        if (context.category or "default") in _LOADING_CATEGORIES:
            held.append(message)
        else:
            _write(f"{context.category}: {message}\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        for message in held:  # the start went on: these were only warnings
            _write(message + "\n")
