#!/usr/bin/env python3
"""Set-up and everyday commands for a fresh checkout (standard library only).

    python3 dev.py start [ARGS...]          set up if needed, then start the app (ARGS go to it)
    python3 dev.py test [PYTEST ARGS...]    set up if needed, then run the test suite
    python3 dev.py setup [--tests]          only the set-up (CI's first step uses --tests)

Set-up, one line per step:
1. Debian/Ubuntu system packages, installed with apt-get when missing and we are root (or sudo
   works without a password): the Korean font, every library Qt's window-system plugins need
   (the list is derived with ldd: src/intake_desktop/platform_libs.py), and for the tests
   pdftoppm and an X server (Xvfb) with xwininfo and ImageMagick's `import` for the real-window
   test. A held apt/dpkg lock (unattended upgrades on a fresh machine) is waited for.
2. For the tests, a local print system (CUPS, cupsd running, cups-pdf A4 test queues) made by
   tests/printing/cups_setup.sh, when we are root or sudo works without a password; elsewhere
   the print tests skip (in CI, with CI=true, they fail instead).
3. .venv with the Python packages, reinstalled only when pyproject.toml changes.
Tool output goes to build/dev-setup.log; its path is printed when a step fails.
"""

from __future__ import annotations

import glob
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"
LOG = ROOT / "build" / "dev-setup.log"
MIN_PYTHON = (3, 11)
APT_LOCK_WAIT_SECONDS = 900  # unattended upgrades on a fresh machine can hold the lock for minutes

# Debian package -> a file whose presence shows it is installed.
DEBIAN_RUNTIME_FILES = {
    "fonts-nanum": "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
}
DEBIAN_TEST_FILES = {
    "poppler-utils": "/usr/bin/pdftoppm",
    "xvfb": "/usr/bin/Xvfb",            # tests/ui/test_real_window.py: the app on a real X server
    "x11-utils": "/usr/bin/xwininfo",   # finds the window, its title and size
    "imagemagick": "/usr/bin/import",   # the screenshot
    # tests/pgkit.py: a throwaway PostgreSQL cluster for the centre-server tests (any major version)
    "postgresql": "/usr/lib/postgresql/*/bin/initdb",
}


class StepFailed(Exception):
    pass


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def run_logged(command: list[str], what: str, env: dict[str, str] | None = None) -> None:
    """Run `command` with its output appended to the log; on failure, raise with the log path."""
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("a", encoding="utf-8") as log:
        log.write(f"\n$ {' '.join(command)}\n")
        log.flush()
        code = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, env=env).returncode
    if code != 0:
        raise StepFailed(f"{what} failed (exit {code}); full output: {LOG}")


def platform_libs():
    """src/intake_desktop/platform_libs.py, loaded by path (no venv, no package import yet)."""
    spec = importlib.util.spec_from_file_location("_platform_libs", ROOT / "src" / "intake_desktop" / "platform_libs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def missing_debian_packages(files: dict[str, str], with_qt_libraries: bool = True) -> list[str]:
    # A marker may be a glob (a PostgreSQL of any major version will do).
    missing = [package for package, marker in files.items() if not glob.glob(marker)]
    if with_qt_libraries:
        libs = platform_libs()
        present = libs.present_sonames()
        if present is not None:
            missing += [libs.DEBIAN_PACKAGES[name] for name in libs.DEBIAN_PACKAGES if name not in present]
    return list(dict.fromkeys(missing))


def install_debian_packages(files: dict[str, str]) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    missing = missing_debian_packages(files)
    if not missing:
        say("system packages: all present")
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
            prefix = ["sudo", "-n"]
        else:
            say("system packages missing; please run:  sudo apt-get install " + " ".join(missing))
            return
    say(f"system packages: installing {' '.join(missing)} (waits if another apt is running)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    wait = ["-o", f"DPkg::Lock::Timeout={APT_LOCK_WAIT_SECONDS}"]
    run_logged(prefix + ["apt-get", *wait, "-q", "update"], "apt-get update", env)
    run_logged(prefix + ["apt-get", *wait, "-q", "-y", "install", "--no-install-recommends", *missing],
               "apt-get install", env)
    still = missing_debian_packages(files)
    if still:
        raise StepFailed(f"still missing after apt-get install: {' '.join(still)}; full output: {LOG}")


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv() -> Path:
    if sys.version_info < MIN_PYTHON:
        raise StepFailed(f"intake-desktop needs Python {'.'.join(map(str, MIN_PYTHON))} or newer")
    python = venv_python()
    if not python.exists():
        say("python: creating .venv")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        say("python packages: up to date")
        return python
    say("python packages: installing into .venv (the first time takes a few minutes)")
    run_logged([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], "pip upgrade")
    run_logged([str(python), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], "pip install")
    STAMP.write_text(wanted)
    return python


def ensure_print_system() -> None:
    """CUPS and the test queues for tests/printing (the script is idempotent and starts cupsd,
    which no earlier session leaves running)."""
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    can_sudo = shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    if os.geteuid() != 0 and not can_sudo:
        say("print system: not set up (needs root); the real-printer tests will skip")
        return
    say("print system: CUPS with the A4 test queues")
    run_logged(["bash", str(ROOT / "tests" / "printing" / "cups_setup.sh")], "print system set-up")


def setup(*, tests: bool) -> Path:
    install_debian_packages({**DEBIAN_RUNTIME_FILES, **(DEBIAN_TEST_FILES if tests else {})})
    if tests:
        ensure_print_system()
    return ensure_venv()


def main() -> int:
    command, *rest = sys.argv[1:] or ["start"]
    if command not in ("start", "test", "setup"):
        print(__doc__)
        return 2
    try:
        python = setup(tests=command == "test" or "--tests" in rest)
    except StepFailed as failure:
        say(f"FAILED: {failure}")
        return 1
    if command == "setup":
        return 0
    if command == "start":
        say("starting intake-desktop")
        return subprocess.call([str(python), "-m", "intake_desktop", *rest])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main())
