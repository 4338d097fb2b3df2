"""Composition root: resolves the data folder and opens vaults for the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

from intake_desktop.paths import default_data_dir
from intake_desktop.services.vault import Vault


def resolve_data_dir(option: str | None) -> Path:
    return Path(option).expanduser() if option else default_data_dir()


def open_vault(data_dir: Path) -> Vault:
    return Vault.open(data_dir)
