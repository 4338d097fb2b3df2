"""Records that hang off a case (session notes, plans, follow-ups, consents, referrals):
one encrypted document per row, bound to its table, row id and version."""

from __future__ import annotations

from typing import Iterable

from dataclasses import dataclass

from sqlalchemy import insert, select, update

from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.storage.models import (
    Consent, FollowUp, Referral, ServicePlan, SessionNote, new_id, utcnow,
)

# Kinds whose changes go into the case's change history (services/history.py), by entity.
HISTORY_ENTITIES = {"plan": "plan", "consent": "consent"}
# Parts the history leaves out: a consent names its partner by name too, and the history row
# itself says who recorded it.
HISTORY_SKIP = {"consent": frozenset({"partner_id", "taken_by"})}

KINDS = {
    "note": SessionNote,
    "plan": ServicePlan,
    "follow_up": FollowUp,
    "consent": Consent,
    "referral": Referral,
}


@dataclass(frozen=True)
class Record:
    id: str
    case_id: str
    version: int
    created_by: str
    document: dict


class RecordsService:
    def __init__(self, session) -> None:
        self._session = session

    def add_many(self, kind: str, items: Iterable[tuple[str, dict]]) -> int:
        """Store (case id, document) pairs of one kind in one transaction (access checked once
        per case)."""
        model = KINDS[kind]
        table = model.__tablename__
        sealer = self._session.sealer
        now = utcnow()
        rows = []
        checked: set[str] = set()
        for case_id, document in items:
            if case_id not in checked:
                with self._session.db() as db:
                    self._session.cases.case_row(db, case_id)  # raises unless this account may
                checked.add(case_id)
            row_id = new_id()
            rows.append({
                "id": row_id, "case_id": case_id, "created_at": now, "updated_at": now,
                "created_by": self._session.account_id, "version": 1,
                "data": sealer.seal(table, row_id, 1, document, owner=case_id),
            })
        if rows:
            with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
                db.execute(insert(model), rows)
                db.commit()
        return len(rows)

    def add(self, kind: str, case_ref: str, document: dict, *, action: str | None = None) -> Record:
        """Add one record to a case the account may write to (recorded in the access log)."""
        model = KINDS[kind]
        table = model.__tablename__
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            row = model(case_id=case_row.id, created_by=self._session.account_id, data=b"")
            row.data = self._session.sealer.seal(table, row.id, 1, document, owner=case_row.id)
            db.add(row)
            if kind in HISTORY_ENTITIES:
                self._session.history.record(db, case_row.id, HISTORY_ENTITIES[kind], row.id, None, document,
                                             skip=HISTORY_SKIP.get(kind, frozenset()))
            self._session.audit.record(action or f"{kind}.add", case_id=case_row.id, db=db)
            db.commit()
            return Record(row.id, case_row.id, 1, row.created_by, document)

    def replace(self, kind: str, record: Record, document: dict, *, action: str | None = None) -> Record:
        """Save a new version of a record; ConflictError if it changed since it was read."""

        model = KINDS[kind]
        table = model.__tablename__
        new_version = record.version + 1
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            self._session.cases.case_row(db, record.case_id)
            result = db.execute(
                update(model)
                .where(model.id == record.id, model.case_id == record.case_id, model.version == record.version)
                .values(version=new_version, updated_at=utcnow(),
                        data=self._session.sealer.seal(table, record.id, new_version, document, owner=record.case_id))
            )
            if result.rowcount != 1:
                raise E.ConflictError(E.MSG_CONFLICT)
            if kind in HISTORY_ENTITIES:  # the version check above makes record.document the stored one
                self._session.history.record(db, record.case_id, HISTORY_ENTITIES[kind], record.id,
                                             record.document, document, skip=HISTORY_SKIP.get(kind, frozenset()))
            self._session.audit.record(action or f"{kind}.edit", case_id=record.case_id, db=db)
            db.commit()
        return Record(record.id, record.case_id, new_version, record.created_by, document)

    def records(self, kind: str, case_ref: str) -> list[Record]:
        """Decrypted records of one kind for a case the account may read, oldest first."""
        model = KINDS[kind]
        with self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            rows = db.exec(
                select(model).where(model.case_id == case_row.id).order_by(model.created_at, model.id)
            ).scalars().all()
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path):
            return [
                Record(r.id, r.case_id, r.version, r.created_by, sealer.open(model.__tablename__, r.id, r.version, r.data, owner=r.case_id))
                for r in rows
            ]

    def list(self, kind: str, case_ref: str) -> list[dict]:
        """Just the documents of `records()`."""
        return [record.document for record in self.records(kind, case_ref)]
