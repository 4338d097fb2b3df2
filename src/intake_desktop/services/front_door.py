"""What the sign-in window shows before the vault is opened: the centre's name and the active
accounts, read with the standard library's sqlite3 alone.

Opening a vault (services/vault.py) loads SQLAlchemy, Alembic and the models, checks the schema
and may migrate it — about a second that a person would otherwise wait for before seeing any
window. The sign-in window needs none of that: it shows these clear facts at once while the
vault opens in the background (ui/app.py). Both places read the accounts through
`active_accounts`, so the chooser and `Vault.accounts()` cannot disagree.

Nothing here decides whether the file is a sound vault: anything unexpected returns None and
the caller opens the vault the full way, which says what is wrong.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from intake_desktop.domain.enums import Role
from intake_desktop.paths import VAULT_FILE

ACTIVE_ACCOUNTS_SQL = "SELECT id, username, display_name, role FROM account WHERE active = 1 ORDER BY username"
CENTRE_NAME_SQL = "SELECT value FROM vault_meta WHERE key = 'centre_name'"


@dataclass(frozen=True)
class AccountInfo:
    id: str
    username: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class LoginFacts:
    centre_name: str
    accounts: list[AccountInfo]


def active_accounts(cursor) -> list[AccountInfo]:
    """Active accounts in the chooser's order, from any DB-API cursor on the vault."""
    return [AccountInfo(i, u, d, Role(r)) for i, u, d, r in cursor.execute(ACTIVE_ACCOUNTS_SQL).fetchall()]


def vault_exists(data_dir: Path) -> bool:
    return (Path(data_dir) / VAULT_FILE).exists()


def read_login_facts(data_dir: Path) -> LoginFacts | None:
    path = Path(data_dir) / VAULT_FILE
    if not path.is_file():
        return None
    try:
        # Read-only: the full open (schema check, migration, pragmas) happens in the background.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            cursor = connection.cursor()
            centre = cursor.execute(CENTRE_NAME_SQL).fetchone()
            accounts = active_accounts(cursor)
        finally:
            connection.close()
    except (sqlite3.Error, ValueError, OSError):
        return None
    return LoginFacts(centre[0] if centre else "", accounts)
