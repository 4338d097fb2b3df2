"""Schema migrations on open: safety copy first, refuse a schema newer than this program."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from intake_desktop.domain import dates

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaTooNewError(Exception):
    """The vault was written by a newer release; it is left untouched."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def alembic_config(directory: Path | None = None) -> Config:
    """An Alembic config for a migrations tree: the vault's (MIGRATIONS_DIR, looked up at each
    call so a test can point it elsewhere) or the centre server's."""
    config = Config()
    config.set_main_option("script_location", str(directory or MIGRATIONS_DIR))
    return config


def _config() -> Config:
    return alembic_config()


def revisions(directory: Path | None = None) -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config(directory)).walk_revisions()}


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:  # only a broken install has no migration at all
        raise RuntimeError("no Alembic revisions in " + str(MIGRATIONS_DIR))
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    return revisions()


def safety_copy(db_path: Path, revision: str | None) -> Path:
    """Copy the database (ciphertext only) beside itself with SQLite's online backup API."""
    stamp = dates.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.before-{revision or 'empty'}-{stamp}.bak")
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, db_path: Path | None) -> None:
    """Bring the schema to head. Raises SchemaTooNewError before touching anything."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    if current is not None and current not in known_revisions():
        raise SchemaTooNewError(current)
    if current is not None and db_path is not None:
        safety_copy(db_path, current)
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
