"""Composition root: resolves the data folder and opens vaults for the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

from intake_desktop.paths import default_data_dir


def resolve_data_dir(option: str | None) -> Path:
    return Path(option).expanduser() if option else default_data_dir()


def open_vault(data_dir: Path):
    from intake_desktop.services.vault import Vault  # here: the database stack loads only when needed

    return Vault.open(data_dir)
