"""The centre sync of an unlocked session (`session.sync`): set up the server, run a round,
report where this PC stands, list and resolve conflicts. No Qt; the GUI and the CLI call this.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlmodel import SQLModel, col

from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.faults import storage_errors
from intake_desktop.services.sync import chains, codec, numbers, rounds, state
from intake_desktop.services.sync import conflict_views as views
from intake_desktop.services.sync import errors as SE
from intake_desktop.services.sync.hubclient import Hub
from intake_desktop.storage.hub import safe_display
from intake_desktop.storage.models import SyncConflict

URL_ENV = "INTAKE_DATABASE_URL"
PASSWORD_ENV = "INTAKE_DATABASE_PASSWORD"


def database_url_from_env(given: str | None) -> str:
    url = given or os.environ.get(URL_ENV, "")
    if not url:
        raise E.UsageError(SE.MSG_NO_URL)
    return url


@dataclass(frozen=True)
class SyncResult:
    pulled: int
    pushed: int
    conflicts: int       # new conflicts found in this round
    rejected: int        # rows the server sent that failed their checks (not applied)
    waiting_conflicts: int  # all conflicts waiting for a choice
    at: datetime | None

    @property
    def in_step(self) -> bool:
        return self.conflicts == 0 and self.rejected == 0 and self.waiting_conflicts == 0


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    server: str
    pc_id: str
    last_sync_at: datetime | None
    waiting: int
    conflicts: int
    last_seq: int


@dataclass(frozen=True)
class Conflict:
    table: str
    row_id: str
    case_id: str | None
    theirs_version: int
    theirs_pc: str
    theirs_deleted: bool
    mine_deleted: bool
    detected_at: datetime
    case_number: str | None = None
    by_field: bool = False  # the field-by-field chooser applies (conflict_views.FIELD_TABLES)


class SyncService:
    def __init__(self, session) -> None:
        self._session = session

    def _db(self):
        return self._session.db()

    @property
    def is_configured(self) -> bool:
        with self._db() as db:
            return state.configured(db)

    def _password(self, db, given: str | None) -> str | None:
        return given or os.environ.get(PASSWORD_ENV) or state.load_password(db, self._session.keyring)

    def store_password(self, password: str) -> None:
        self._session.require_role(Role.ADMIN)
        with storage_errors(self._session.vault.db_path), self._db() as db:
            state.store_password(db, self._session.keyring, password)
            db.commit()

    # -- set-up ----------------------------------------------------------------------------
    def init_server(self, url: str, password: str | None = None) -> SyncResult:
        """Publish this PC's vault as the centre's shared vault (once per centre)."""
        self._session.require_role(Role.ADMIN)
        vault = self._session.vault
        with self._db() as db:
            secret = self._password(db, password)
        with Hub(url, secret) as hub:
            hub.prepare_schema()
            with hub.begin(writing=True) as connection:
                meta = hub.meta(connection)
                if meta.get("vault_id") not in (None, vault.vault_id):
                    raise SE.HubRefusedError(SE.MSG_HUB_TAKEN, server=hub.server)
                epoch = meta.get("epoch") or hub.initialise(connection, vault.vault_id, vault.centre_name)
                with self._db() as db:
                    pc_id = state.get(db, state.PC_KEY) or str(uuid.uuid4())
                hub.register_pc(connection, pc_id)
        with storage_errors(vault.db_path), self._db() as db:
            state.put(db, state.URL_KEY, url)
            state.put(db, state.PC_KEY, pc_id)
            state.put(db, state.EPOCH_KEY, epoch)
            if password:
                state.store_password(db, self._session.keyring, password)
            db.commit()
        self._session.audit.record("sync.server_init", details={"server": safe_display(url)})
        return self.run()

    # -- a round ---------------------------------------------------------------------------
    def _check_hub(self, hub: Hub, db) -> None:
        with hub.begin() as connection:
            meta = hub.meta(connection)
            if not meta:
                raise SE.HubRefusedError(SE.MSG_HUB_EMPTY, server=hub.server)
            if meta.get("vault_id") != self._session.vault.vault_id:
                raise SE.HubRefusedError(SE.MSG_OTHER_CENTRE, server=hub.server)
            if meta.get("epoch") != state.get(db, state.EPOCH_KEY):
                raise SE.HubRefusedError(SE.MSG_EPOCH_CHANGED)
            if hub.max_seq(connection) < state.last_seq(db):
                raise SE.HubRefusedError(SE.MSG_ROLLED_BACK)

    def run(self, url: str | None = None, password: str | None = None) -> SyncResult:
        """One round now: push, then pull. Raises HubUnreachableError (nothing changed here)
        or HubRefusedError (the server is not in a state this PC can trust)."""
        keyring = self._session.keyring
        vault = self._session.vault
        with self._db() as db:
            if not state.configured(db):
                raise E.ServiceError(SE.MSG_NOT_CONFIGURED)
            url = url or state.get(db, state.URL_KEY) or ""
            secret = self._password(db, password)
            pc_id = state.get(db, state.PC_KEY) or ""
        counts = rounds.Counts()
        with Hub(url, secret) as hub:
            with storage_errors(vault.db_path), self._db() as db:
                self._check_hub(hub, db)
                written = rounds.push(db, keyring, hub, pc_id, counts)
            if written:  # the writer log, travelling in this PC's access-log chain
                self._session.audit.record(chains.PUSH_ACTION, details={"rows": written})
            with storage_errors(vault.db_path), self._db() as db:
                rounds.pull(db, keyring, hub, counts)
            self._top_up_numbers(hub)
            with storage_errors(vault.db_path), self._db() as db:
                chains.push(db, keyring, hub, pc_id)
                chain_problems = chains.pull(db, keyring, hub, pc_id)
                db.commit()
        with self._db() as db:
            held = len(state.conflict_keys(db))
            at = state.last_sync_at(db)
        # In the access log, and announced to every screen (ChangeHub) when rows arrived.
        if counts.pulled or counts.pushed or counts.conflicts or counts.rejected:
            self._session.audit.record("sync.round", details={
                "pulled": counts.pulled, "pushed": counts.pushed, "conflicts": counts.conflicts,
                "rejected": [list(r) for r in counts.rejected[:50]]})
        if chain_problems:
            self._session.audit.record("sync.audit_chain", details={"problems": len(chain_problems)})
            raise chain_problems[0]
        return SyncResult(counts.pulled, counts.pushed, counts.conflicts, len(counts.rejected), held, at)

    def verify_chains(self) -> list[E.DamagedError]:
        """Every PC's access-log chain as the centre server holds it, checked from the start
        (`audit verify`). Raises HubUnreachableError when the server does not answer."""
        with self._db() as db:
            if not state.configured(db):
                return []
            url = state.get(db, state.URL_KEY) or ""
            secret = self._password(db, None)
            pc_id = state.get(db, state.PC_KEY) or ""
        with Hub(url, secret) as hub, self._db() as db:
            return chains.verify(db, self._session.keyring, hub, pc_id)

    def _top_up_numbers(self, hub: Hub) -> None:
        year = datetime.now().year
        prefix = f"{self._session.centre.profile().short_name}-"
        with storage_errors(self._session.vault.db_path), self._db() as db:
            floor = self._session.letters._high_water(db).get(prefix, 0)
            numbers.top_up(db, hub, numbers.case_kind(year), numbers.used_case_numbers(db, year))
            numbers.top_up(db, hub, numbers.letter_kind(prefix), numbers.used_letter_numbers(db, prefix), floor)
            db.commit()

    # -- where this PC stands (no network) ----------------------------------------------------
    def status(self) -> SyncStatus:
        with storage_errors(self._session.vault.db_path), self._db() as db:
            if not state.configured(db):
                return SyncStatus(False, "", "", None, 0, 0, 0)
            return SyncStatus(
                True, safe_display(state.get(db, state.URL_KEY) or ""), state.get(db, state.PC_KEY) or "",
                state.last_sync_at(db), len(rounds.waiting(db)), len(state.conflict_keys(db)), state.last_seq(db))

    # -- conflicts -------------------------------------------------------------------------
    def conflicts(self) -> list[Conflict]:
        """Every conflict waiting for a choice, with the case it belongs to (a person's details:
        the person's first case). Lists clear facts only; the versions are conflict_versions()."""
        out = []
        keyring = self._session.keyring
        with storage_errors(self._session.vault.db_path), self._db() as db:
            for c in db.exec(select(SyncConflict).order_by(col(SyncConflict.detected_at))).scalars():
                mine = views.local_row(db, c.tbl, c.row_id) if c.tbl in codec.BY_NAME else None
                try:
                    located = mine if mine is not None else views.theirs_row(keyring, c)
                except E.DamagedError:
                    located = None
                cases = views.case_of(db, c.tbl, located)
                case_id, case_number = cases[0] if cases else (None, None)
                out.append(Conflict(c.tbl, c.row_id, case_id, c.theirs_version, c.theirs_pc, c.theirs_tombstone,
                                    mine is None, c.detected_at, case_number or None,
                                    c.tbl in views.FIELD_TABLES and mine is not None and not c.theirs_tombstone))
        return out

    def _conflict(self, db, table: str, row_id: str) -> SyncConflict:
        c = db.get(SyncConflict, (table, row_id))
        if c is None or table not in codec.BY_NAME:
            raise E.ServiceError(SE.MSG_NO_SUCH_CONFLICT)
        return c

    def _located(self, db, c: SyncConflict) -> tuple[dict | None, dict | None, tuple[str, str] | None]:
        """(this PC's row, the other PC's row, the case this account reads them through);
        DeniedError when this account may not read that case."""
        mine = views.local_row(db, c.tbl, c.row_id)
        theirs = views.theirs_row(self._session.keyring, c)
        cases = views.case_of(db, c.tbl, mine if mine is not None else theirs)
        return mine, theirs, views.check_access(self._session, db, c.tbl, cases)

    def conflict_versions(self, table: str, row_id: str) -> views.ConflictVersions:
        """Both versions of a conflicting row as plain documents (mine None: deleted here;
        theirs None: deleted there), for the side-by-side chooser. Reading them is reading the
        case: the same role rule, and an access-log event."""
        with storage_errors(self._session.vault.db_path), self._db() as db:
            c = self._conflict(db, table, row_id)
            mine, theirs, case = self._located(db, c)
            sealer = self._session.sealer
            result = views.ConflictVersions(table, row_id, case[0] if case else None, case[1] if case else None,
                                            views.document(sealer, table, mine), views.document(sealer, table, theirs))
            self._session.audit.record(views.VIEW_ACTION, case_id=result.case_id,
                                       details={"table": table, "row": row_id}, db=db)
            db.commit()
        return result

    def theirs(self, table: str, row_id: str) -> dict | None:
        """The other PC's version of a conflicting row, as stored (None: they deleted it)."""
        with self._db() as db:
            c = self._conflict(db, table, row_id)
            self._located(db, c)
            return views.theirs_row(self._session.keyring, c)

    def resolve(self, table: str, row_id: str, keep: str, merged: dict | None = None) -> None:
        """keep="theirs": this PC takes the other version; keep="mine": this PC's version will
        replace the other one at the next push (compare-and-swap on the other's version);
        keep="merged": `merged` (a document of a FIELD_TABLES row, as conflict_versions shows it)
        is saved as a new version on top of the other one, and pushed at the next round.
        Choosing is editing the case: the same role rule as reading it."""
        if keep not in ("mine", "theirs", "merged") or (keep == "merged") != (merged is not None):
            raise E.UsageError(SE.MSG_NO_SUCH_CONFLICT)
        keyring = self._session.keyring
        with storage_errors(self._session.vault.db_path), self._db() as db:
            c = self._conflict(db, table, row_id)
            _mine, theirs, case = self._located(db, c)
            db.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            if keep in ("theirs", "merged"):
                if keep == "merged" and (theirs is None or _mine is None):
                    raise E.UsageError(views.MSG_WHOLE_ONLY)
                encoded = None if c.theirs_tombstone or c.theirs_payload is None else codec.open_sealed(
                    keyring, table, row_id, c.theirs_version, c.theirs_payload)
                rounds.apply_row(db, table, row_id, encoded)
                state.set_base(db, table, row_id, c.theirs_version,
                               codec.digest(encoded) if encoded is not None else state.TOMBSTONE)
            else:
                state.set_base(db, table, row_id, c.theirs_version, "")  # differs from any row: pushed next
            if keep == "merged" and theirs is not None and merged is not None:
                self._write_merge(db, table, row_id, theirs, merged, case)
            state.drop_conflict(db, table, row_id)
            self._session.audit.record("sync.resolve", case_id=case[0] if case else None,
                                       details={"table": table, "row": row_id, "keep": keep}, db=db)
            db.commit()
        if keep != "mine":
            self._session.cases.forget()  # the case list is built again from the rows now stored

    def _write_merge(self, db, table: str, row_id: str, theirs: dict, merged: dict, case) -> None:
        theirs_doc = views.document(self._session.sealer, table, theirs)
        if theirs_doc is None:  # a deletion on the other PC: only "keep mine" or "keep theirs" apply
            raise E.UsageError(views.MSG_WHOLE_ONLY)
        values, doc = views.merged_row(self._session, table, theirs, theirs_doc, merged)
        spec = codec.BY_NAME[table]
        target = SQLModel.metadata.tables[table]  # typed columns: updated_at stored as the program stores it
        db.execute(update(target).where(*[target.c[k] == v for k, v in codec.key_of(spec, row_id).items()])
                   .values(**values))
        new_doc = {**doc, **{k: merged.get(k) for k in views.CLEAR_FIELDS.get(table, ()) if merged.get(k)}}
        views.record_merge(self._session, db, table, row_id, case[0] if case else None, theirs_doc, new_doc)
