"""Unsaved typing, stored encrypted so a lock or a crash never loses it.

A draft belongs to one account and one `slot` (for example "new-case" or "note:<case id>").
"""

from __future__ import annotations

from sqlalchemy import delete, select

from intake_desktop.services import faults
from intake_desktop.storage.models import Draft, utcnow


class DraftStore:
    def __init__(self, session) -> None:
        self._session = session

    def save(self, slot: str, content: dict) -> None:
        with self._session.db() as db:
            row = db.exec(
                select(Draft).where(Draft.account_id == self._session.account_id, Draft.slot == slot)
            ).scalar_one_or_none()
            if row is None:
                row = Draft(account_id=self._session.account_id, slot=slot, data=b"")
            else:
                row.version += 1
            row.updated_at = utcnow()
            row.data = self._session.sealer.seal("draft", row.id, row.version, content, owner=row.account_id)
            db.add(row)
            db.commit()

    def load(self, slot: str) -> dict | None:
        with self._session.db() as db:
            row = db.exec(
                select(Draft).where(Draft.account_id == self._session.account_id, Draft.slot == slot)
            ).scalar_one_or_none()
        if row is None:
            return None
        with faults.storage_errors(self._session.vault.db_path):
            return self._session.sealer.open("draft", row.id, row.version, row.data, owner=row.account_id)

    def slots(self) -> list[str]:
        with self._session.db() as db:
            return list(db.exec(select(Draft.slot).where(Draft.account_id == self._session.account_id)).scalars())

    def discard(self, slot: str) -> None:
        with self._session.db() as db:
            db.exec(delete(Draft).where(Draft.account_id == self._session.account_id, Draft.slot == slot))
            db.commit()
