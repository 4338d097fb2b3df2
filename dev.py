#!/usr/bin/env python3
"""Set-up and everyday commands for a fresh checkout (standard library only).

    python3 dev.py start [ARGS...]   create .venv if needed, install, start the app
    python3 dev.py test [PYTEST ARGS...]   same set-up, then run the whole test suite

The venv is reinstalled only when pyproject.toml changes. On Debian/Ubuntu, the system
packages the app and the tests need (Korean fonts, Qt's runtime libraries, pdftoppm) are
installed with apt-get when missing and we are root (or sudo works without a password).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"
MIN_PYTHON = (3, 11)

# Debian package -> a file whose presence shows it is installed (cheaper and clearer than dpkg).
DEBIAN_RUNTIME = {
    "fonts-nanum": "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "libgl1": "/usr/lib/x86_64-linux-gnu/libGL.so.1",
    "libegl1": "/usr/lib/x86_64-linux-gnu/libEGL.so.1",
    "libxkbcommon0": "/usr/lib/x86_64-linux-gnu/libxkbcommon.so.0",
    "libfontconfig1": "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1",
    "libdbus-1-3": "/usr/lib/x86_64-linux-gnu/libdbus-1.so.3",
}
DEBIAN_TESTS = {
    "poppler-utils": "/usr/bin/pdftoppm",
}


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_debian_packages(wanted: dict[str, str]) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    arch_dir = "/usr/lib/x86_64-linux-gnu"
    machine = os.uname().machine
    missing = []
    for package, marker in wanted.items():
        if machine != "x86_64":
            marker = marker.replace(arch_dir, f"/usr/lib/{machine}-linux-gnu")
        if not Path(marker).exists():
            missing.append(package)
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
            prefix = ["sudo", "-n"]
        else:
            say(f"please install these Debian packages: {' '.join(missing)}")
            return
    say(f"installing Debian packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env)


def ensure_venv() -> Path:
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"intake-desktop needs Python {'.'.join(map(str, MIN_PYTHON))} or newer")
    python = venv_python()
    if not python.exists():
        say("creating .venv")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        say("installing Python packages into .venv (first run takes a few minutes)")
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted)
    return python


def start(args: list[str]) -> int:
    ensure_debian_packages(DEBIAN_RUNTIME)
    python = ensure_venv()
    return subprocess.call([str(python), "-m", "intake_desktop", *args])


def test(args: list[str]) -> int:
    ensure_debian_packages({**DEBIAN_RUNTIME, **DEBIAN_TESTS})
    python = ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT, env=env)


def main() -> int:
    command, *rest = sys.argv[1:] or ["start"]
    if command == "start":
        return start(rest)
    if command == "test":
        return test(rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
