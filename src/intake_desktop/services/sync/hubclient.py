"""Talking to the centre server: every SQL statement the hub sees is here.

A push holds a transaction-scoped advisory lock while it takes sequence numbers, so the hub's
seq order is its commit order: a PC that pulled up to seq N can never later meet a row committed
with a smaller seq (without the lock, a slow push could commit seq 10 after seq 11 was read).
Readers take no lock. Database errors become HubUnreachableError (exit 1) with the local vault
untouched, since the caller commits nothing locally until the hub side is done.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, Engine

from intake_desktop.storage import hub as H
from intake_desktop.services.sync import errors as SE
from intake_desktop.storage.models import utcnow

PUSH_LOCK = 0x696E74616B65  # advisory lock id ("intake")
PAGE = 2000  # rows per pull page


@dataclass(frozen=True)
class HubRow:
    tbl: str
    row_id: str
    version: int
    seq: int
    writer_pc: str
    tombstone: bool
    payload: bytes | None
    bootstrap: bytes | None = None


def _reason(exc: BaseException) -> str:
    # The driver's first line (no SQL, no parameters: they could carry nothing personal, but
    # they are noise to a counsellor).
    text_ = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text_[0][:200] if text_ else type(exc).__name__


class Hub:
    def __init__(self, url: str, password: str | None) -> None:
        self.url = url
        self.server = H.safe_display(url)
        self.engine: Engine = H.make_hub_engine(url, password)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Hub":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        try:
            yield
        except sa_exc.DBAPIError as exc:
            if isinstance(exc.orig, sqlite3.Error):  # this PC's vault, not the server
                raise
            raise SE.HubUnreachableError(SE.MSG_UNREACHABLE, server=self.server, reason=_reason(exc)) from exc

    @contextlib.contextmanager
    def begin(self, *, writing: bool = False) -> Iterator[Connection]:
        with self.errors(), self.engine.begin() as connection:
            if writing:
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK})
            yield connection

    # -- set-up ----------------------------------------------------------------------------
    def prepare_schema(self) -> None:
        with self.errors():
            current = H.current_revision(self.engine)
            if current is not None and current not in H.known_revisions():
                raise SE.HubRefusedError(SE.MSG_SERVER_SCHEMA_NEWER)
            H.upgrade_hub(self.engine)

    def meta(self, connection: Connection) -> dict[str, str]:
        try:
            rows = connection.execute(select(H.hub_meta.c.key, H.hub_meta.c.value)).all()
        except sa_exc.ProgrammingError:  # no hub schema at all
            return {}
        return {k: v for k, v in rows}

    def read_meta(self) -> dict[str, str]:
        with self.errors(), self.engine.connect() as connection:
            try:
                return self.meta(connection)
            finally:
                connection.rollback()

    def initialise(self, connection: Connection, vault_id: str, centre_name: str) -> str:
        epoch = str(uuid.uuid4())
        connection.execute(insert(H.hub_meta), [
            {"key": "vault_id", "value": vault_id}, {"key": "epoch", "value": epoch},
            {"key": "centre_name", "value": centre_name}, {"key": "created_at", "value": utcnow().isoformat()},
        ])
        return epoch

    def register_pc(self, connection: Connection, pc_id: str) -> None:
        connection.execute(pg_insert(H.hub_pc).values(pc_id=pc_id, joined_at=utcnow())
                           .on_conflict_do_nothing(index_elements=["pc_id"]))

    def seen(self, connection: Connection, pc_id: str) -> None:
        connection.execute(update(H.hub_pc).where(H.hub_pc.c.pc_id == pc_id).values(last_seen_at=utcnow()))

    def max_seq(self, connection: Connection) -> int:
        return int(connection.execute(select(func.coalesce(func.max(H.hub_row.c.seq), 0))).scalar_one())

    # -- pushing ---------------------------------------------------------------------------
    def _next_seq(self, connection: Connection) -> int:
        return int(connection.execute(text(f"SELECT nextval('{H.SEQUENCE}')")).scalar_one())

    def put(self, connection: Connection, pc_id: str, tbl: str, row_id: str, base: int,
            payload: bytes | None, bootstrap: bytes | None) -> bool:
        """Compare-and-swap: write version base+1 if the hub still holds `base` (0: a new row).
        False when another PC got there first (a conflict, resolved on pull)."""
        values = {"version": base + 1, "seq": self._next_seq(connection), "writer_pc": pc_id,
                  "updated_at": utcnow(), "tombstone": payload is None, "payload": payload,
                  "bootstrap": bootstrap}
        statement: Any
        if base == 0:
            statement = (pg_insert(H.hub_row).values(tbl=tbl, row_id=row_id, **values)
                         .on_conflict_do_nothing(index_elements=["tbl", "row_id"]).returning(H.hub_row.c.seq))
        else:
            statement = (update(H.hub_row).where(H.hub_row.c.tbl == tbl, H.hub_row.c.row_id == row_id,
                                                 H.hub_row.c.version == base)
                         .values(**values).returning(H.hub_row.c.seq))
        return connection.execute(statement).first() is not None

    # -- pulling ---------------------------------------------------------------------------
    def rows_since(self, connection: Connection, after: int, *, bootstrap_only: bool = False) -> Iterator[HubRow]:
        c = H.hub_row.c
        last = after
        while True:
            query = (select(c.tbl, c.row_id, c.version, c.seq, c.writer_pc, c.tombstone, c.payload, c.bootstrap)
                     .where(c.seq > last).order_by(c.seq).limit(PAGE))
            if bootstrap_only:
                query = query.where(c.bootstrap.is_not(None), c.tombstone.is_(False))
            page = connection.execute(query).all()
            for r in page:
                yield HubRow(r.tbl, r.row_id, int(r.version), int(r.seq), r.writer_pc, bool(r.tombstone),
                             bytes(r.payload) if r.payload is not None else None,
                             bytes(r.bootstrap) if r.bootstrap is not None else None)
            if len(page) < PAGE:
                return
            last = page[-1].seq
