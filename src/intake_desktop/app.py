"""Composition root: where the app's parts are made, once, and handed to the CLI and the GUI.

`Composition` is built from the command line's options (the data folder) and owns how the vault
is reached: the clear facts the sign-in window shows (services/front_door.py, standard library
only), and opening the vault itself (the database stack, loaded only when needed). The CLI
opens it per command; the GUI (ui/app.py) shows the sign-in window from the facts first and
opens the vault on a worker thread meanwhile. The user's preferences (ui/settings.py) are made
by the GUI's entry point from the same composition and handed down to every window; no window
looks them up by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from intake_desktop.paths import default_data_dir
from intake_desktop.services.front_door import LoginFacts, read_login_facts, vault_exists

if TYPE_CHECKING:
    from intake_desktop.services.vault import Vault


def resolve_data_dir(option: str | None) -> Path:
    return Path(option).expanduser() if option else default_data_dir()


def open_vault(data_dir: Path) -> "Vault":
    from intake_desktop.services.vault import Vault  # here: the database stack loads only when needed

    return Vault.open(data_dir)


@dataclass(frozen=True)
class Composition:
    """The parts of one run of the app, for one data folder."""

    data_dir: Path

    @classmethod
    def from_option(cls, data_dir: str | Path | None) -> "Composition":
        return cls(resolve_data_dir(str(data_dir) if data_dir is not None else None))

    def has_vault(self) -> bool:
        return vault_exists(self.data_dir)

    def login_facts(self) -> LoginFacts | None:
        """What the sign-in window shows, without opening the vault (None: open it to see why)."""
        return read_login_facts(self.data_dir)

    def open_vault(self) -> "Vault":
        return open_vault(self.data_dir)
