"""Engine set-up: the only place that knows the database is SQLite.

WAL with synchronous=FULL so a power cut loses at most the transaction being written;
BEGIN IMMEDIATE so transactions never interleave their reads and writes;
secure_delete so freed pages are zeroed rather than keeping old ciphertext around;
temp_store=MEMORY so sorting never spills into a temp file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA busy_timeout=5000",
)


def sqlite_url(path: Path) -> URL:
    # URL.create, not an f-string: a folder named "a?b" or "a%20b" must stay one path.
    return URL.create("sqlite", database=str(path))


def make_engine(url: str | URL) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # We issue BEGIN ourselves (below); the driver's own lazy BEGIN would start every
            # transaction as a reader and let two writers read the same audit head.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin_immediate(connection: Connection) -> None:
            # Take the write lock at the start of every transaction: one writer at a time, so
            # read-then-write sequences (the audit chain's head, version checks) cannot race.
            # WAL readers are not blocked by it.
            if connection.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
                connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
