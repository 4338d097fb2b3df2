"""A vault that is being opened on a worker thread while the sign-in window is already shown.

The window needs only the centre's name and the accounts (services/front_door.py); the vault
itself (SQLAlchemy, the schema check, a migration) is needed when the person presses 로그인.
Work that needs it calls `wait()` — always from a worker thread (the unlock runs there anyway),
so the UI thread never blocks on it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Callable

from intake_desktop.services.front_door import AccountInfo, LoginFacts

if TYPE_CHECKING:
    from intake_desktop.services.vault import Vault


class VaultOpening:
    def __init__(self, facts: LoginFacts) -> None:
        self.facts = facts
        self._done = threading.Event()
        self._vault: Vault | None = None
        self._error: BaseException | None = None

    @classmethod
    def ready(cls, vault: "Vault") -> "VaultOpening":
        """An already open vault (tests, the wizard's new vault)."""
        opening = cls(LoginFacts(vault.centre_name, vault.accounts()))
        opening._vault = vault
        opening._done.set()
        return opening

    @property
    def centre_name(self) -> str:
        return self.facts.centre_name

    def accounts(self) -> list[AccountInfo]:
        return self.facts.accounts

    def open(self, opener: Callable[[], "Vault"]) -> "Vault":
        """Run on a worker thread: open the vault; its outcome is what `wait()` returns or raises."""
        try:
            self._vault = opener()
            return self._vault
        except BaseException as error:
            self._error = error
            raise
        finally:
            self._done.set()

    @property
    def is_done(self) -> bool:
        return self._done.is_set()

    @property
    def vault(self) -> "Vault | None":
        """The vault if it is open by now (never waits)."""
        return self._vault

    def wait(self) -> "Vault":
        """The open vault, waiting for it if needed (call from a worker thread). Raises what
        opening raised (the vault in use by another window, damaged, …)."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._vault is not None
        return self._vault
