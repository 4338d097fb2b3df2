"""Records that hang off a case (session notes, plans, follow-ups, consents, referrals):
one encrypted document per row, bound to its table, row id and version."""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import insert, select

from intake_desktop.services import faults
from intake_desktop.storage.models import (
    Consent, FollowUp, Referral, ServicePlan, SessionNote, new_id, utcnow,
)

KINDS = {
    "note": SessionNote,
    "plan": ServicePlan,
    "follow_up": FollowUp,
    "consent": Consent,
    "referral": Referral,
}


class RecordsService:
    def __init__(self, session) -> None:
        self._session = session

    def add_many(self, kind: str, items: Iterable[tuple[str, dict]]) -> int:
        """Store (case id, document) pairs of one kind in one transaction. The caller has
        checked access to those cases (demo and import create them in the same run)."""
        model = KINDS[kind]
        table = model.__tablename__
        sealer = self._session.sealer
        now = utcnow()
        rows = []
        for case_id, document in items:
            row_id = new_id()
            rows.append({
                "id": row_id, "case_id": case_id, "created_at": now, "updated_at": now,
                "created_by": self._session.account_id, "version": 1,
                "data": sealer.seal(table, row_id, 1, document),
            })
        if rows:
            with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
                db.execute(insert(model), rows)
                db.commit()
        return len(rows)

    def list(self, kind: str, case_ref: str) -> list[dict]:
        """Decrypted documents of one kind for a case the account may read, oldest first."""
        model = KINDS[kind]
        cases = self._session.cases
        with self._session.db() as db:
            case_row = cases._find_case(db, case_ref)
            rows = db.exec(select(model).where(model.case_id == case_row.id).order_by(model.created_at)).scalars().all()
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path):
            return [sealer.open(model.__tablename__, r.id, r.version, r.data) for r in rows]
