"""A new PC joins the centre: it makes its vault from the server, before anyone logs in.

Only what a login needs comes now: the vault id, the centre's name, and the accounts and key
slots, from their bootstrap copies (the rows as a vault stores them: usernames, roles, wrapped
keys; no personal data). They are recorded at hub version 0, so the first sync after a login
replaces them with the sealed versions, which the DEK authenticates: a server that forged a
bootstrap row can at worst make a login fail, and its forged rows are overwritten at once.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session as DbSession

from intake_desktop.fileio import restrict_to_owner
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import errors as E
from intake_desktop.services.faults import from_os_error
from intake_desktop.services.sync import codec, state
from intake_desktop.services.sync import errors as SE
from intake_desktop.services.sync.hubclient import Hub
from intake_desktop.services.sync.service import PASSWORD_ENV
from intake_desktop.storage import migrate
from intake_desktop.storage.engine import make_engine, sqlite_url
from intake_desktop.storage.models import VaultMeta


@dataclass(frozen=True)
class JoinResult:
    vault_id: str
    centre_name: str
    usernames: list[str]
    pc_id: str


def join(data_dir: Path, url: str, password: str | None = None) -> JoinResult:
    data_dir = Path(data_dir)
    if (data_dir / VAULT_FILE).exists():
        raise E.ServiceError(E.MSG_VAULT_EXISTS, path=str(data_dir))
    pc_id = str(uuid.uuid4())
    with Hub(url, password or os.environ.get(PASSWORD_ENV)) as hub:
        with hub.begin() as connection:
            meta = hub.meta(connection)
            if not meta.get("vault_id"):
                raise SE.HubRefusedError(SE.MSG_HUB_EMPTY, server=hub.server)
            rows = [(r.tbl, r.row_id, r.bootstrap) for r in hub.rows_since(connection, 0, bootstrap_only=True)]
        with hub.begin(writing=True) as connection:
            hub.register_pc(connection, pc_id)
    made = not data_dir.exists()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise from_os_error(exc, data_dir) from exc
    if made:
        restrict_to_owner(data_dir)
    engine = make_engine(sqlite_url(data_dir / VAULT_FILE))
    usernames = []
    try:
        migrate.upgrade(engine, None)
        with DbSession(engine) as db:
            db.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            db.add(VaultMeta(key="vault_id", value=meta["vault_id"]))
            centre = {"key": "centre_name", "value": meta.get("centre_name", "")}
            db.add(VaultMeta(**centre))
            state.set_base(db, "vault_meta", "centre_name", 0, codec.digest(codec.encode(centre)))
            for key, value in ((state.URL_KEY, url), (state.PC_KEY, pc_id), (state.EPOCH_KEY, meta["epoch"]),
                               (state.LAST_SEQ_KEY, "0")):
                state.put(db, key, value)
            for tbl, row_id, blob in sorted(rows, key=lambda r: codec.ORDER[r[0]]):
                if blob is None:  # only rows with a bootstrap copy were asked for
                    continue
                spec = codec.BY_NAME[tbl]
                values = codec.new_row(spec, codec.decode(blob))
                db.execute(insert(codec.lightweight(spec, list(values))).values(**values))
                # version 0: the first sync brings the sealed row (version >= 1) and takes its place
                state.set_base(db, tbl, row_id, 0, codec.digest(blob))
                if tbl == "account" and values.get("active"):
                    usernames.append(str(values["username"]))
            db.commit()
    except BaseException:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            (data_dir / (VAULT_FILE + suffix)).unlink(missing_ok=True)
        raise
    engine.dispose()
    return JoinResult(meta["vault_id"], meta.get("centre_name", ""), sorted(usernames), pc_id)
