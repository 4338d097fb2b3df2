"""The centre server's schema (PostgreSQL), SQLAlchemy Core, and how to reach it.

The server is a hub through which PCs exchange rows; it never holds a key and never sees a
clear value of a record: every row travels as one sealed payload (services/sync/codec.py).
What it does see is listed in docs/threat-model.md: table names, row ids, hub versions, the
sequence, which PC wrote a row and when, and (for `account` and `key_slot` only, so that a new PC
can log in before it has the key) the bootstrap copy of those rows as the local vault stores them.

Tables (docs/file-formats.md, "Centre server"):
- hub_meta          key/value: vault_id, epoch (random, made at `server init`), centre_name
- hub_row           one row per synced record: (tbl, row_id) -> version, seq, writer_pc, updated_at,
                    tombstone, payload (sealed; NULL once destroyed), bootstrap (account/key_slot only)
- hub_pc            the PCs that joined
- hub_number_block  blocks of case / letter numbers handed to PCs (unique across the centre)
- hub_audit         each PC's access-log chain, event by event (sealed)
The schema is managed by Alembic (storage/hub_migrations, version table hub_alembic_version).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    BigInteger, Boolean, Column, DateTime, Index, Integer, LargeBinary, MetaData, String, Table, Text,
    create_engine,
)
from sqlalchemy.engine import URL, Engine, make_url

from intake_desktop.storage.migrate import alembic_config, revisions

MIGRATIONS_DIR = Path(__file__).resolve().parent / "hub_migrations"
VERSION_TABLE = "hub_alembic_version"
SEQUENCE = "hub_row_seq"
CONNECT_TIMEOUT_SECONDS = 5  # the app never waits for the server: a dead link fails fast

metadata = MetaData()

hub_meta = Table(
    "hub_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

hub_row = Table(
    "hub_row", metadata,
    Column("tbl", String(64), primary_key=True),
    Column("row_id", String(80), primary_key=True),
    Column("version", BigInteger, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("writer_pc", String(36), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("tombstone", Boolean, nullable=False, default=False),
    Column("payload", LargeBinary, nullable=True),
    Column("bootstrap", LargeBinary, nullable=True),
    Index("ix_hub_row_seq", "seq", unique=True),
)

hub_pc = Table(
    "hub_pc", metadata,
    Column("pc_id", String(36), primary_key=True),
    Column("joined_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=True),
)

hub_number_block = Table(
    "hub_number_block", metadata,
    Column("kind", String(64), primary_key=True),  # "case:2026" or "letter:기지개-"
    Column("first", BigInteger, primary_key=True),
    Column("last", BigInteger, nullable=False),
    Column("pc_id", String(36), nullable=False),
    Column("taken_at", DateTime(timezone=True), nullable=False),
)

hub_audit = Table(
    "hub_audit", metadata,
    Column("pc_id", String(36), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("payload", LargeBinary, nullable=False),
)


def hub_url(url: str, password: str | None) -> URL:
    """The URL to connect with: the password joins it only here, in memory (never argv or settings).
    A plain `postgresql://` URL is given the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if password:
        parsed = parsed.set(password=password)
    return parsed


def safe_display(url: str) -> str:
    """Host and database for messages and the status bar, never the password."""
    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    return f"{host}/{parsed.database or ''}"


def make_hub_engine(url: str, password: str | None) -> Engine:
    return create_engine(
        hub_url(url, password), future=True, pool_pre_ping=False,
        # prefer TLS where the server offers it; scram-sha-256 is the server's pg_hba choice
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "sslmode": "prefer",
                      "application_name": "intake-desktop"},
    )


def known_revisions() -> set[str]:
    return revisions(MIGRATIONS_DIR)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade_hub(engine: Engine) -> None:
    config = alembic_config(MIGRATIONS_DIR)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
