"""Where things live: the user's data folder and the shipped forms/resources.

Shipped folders are looked up in three places, in order: a frozen bundle (PyInstaller puts
them beside the executable's data), an installed wheel (inside the package, see pyproject's
force-include) and a source checkout (the top of the repository).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "intake-desktop"
DATA_DIR_ENV = "INTAKE_DATA_DIR"
VAULT_FILE = "vault.sqlite"


def default_data_dir() -> Path:
    """The per-user data folder, unless INTAKE_DATA_DIR overrides it.

    On Windows this is %LOCALAPPDATA%\\intake-desktop, never the roaming %APPDATA%: a roaming
    profile copies its folder to a server at log-off and back at log-on, so a vault there would
    travel between PCs, be copied while open (a torn database and WAL) and let two PCs work on
    two diverging copies. Records stay on the PC; backups are the way to move them."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # here: the command line's --version and --help do not need it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def settings_dir() -> Path:
    """Settings beside the data on Windows (local, not roaming: they name local folders)."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=False))


def _shipped_candidates(name: str) -> list[Path]:
    package_dir = Path(__file__).resolve().parent
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    candidates.append(package_dir / "_bundled" / name)
    candidates.append(package_dir.parent.parent / name)  # src/intake_desktop -> repository
    return candidates


def shipped_dir(name: str) -> Path:
    """Path of a shipped top-level folder ("forms" or "resources")."""
    for candidate in _shipped_candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped folder {name!r} not found in {_shipped_candidates(name)}")


def forms_dir() -> Path:
    return shipped_dir("forms")


def resources_dir() -> Path:
    return shipped_dir("resources")
