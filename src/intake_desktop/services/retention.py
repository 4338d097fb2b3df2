"""Retention after closure, and destruction that leaves no trace of the content.

Default retention: 5 years after closure (docs/retention.md says why and how to change it).
Destruction deletes the person, the case and everything hanging off it, then VACUUMs and
truncates the WAL so neither plaintext nor ciphertext stays in free pages or the journal.
The access log keeps a destruction record without personal content (law: access records ≥ 2
years, permission changes ≥ 3 years, even after the case is gone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import delete, select, text

from intake_desktop.domain import dates
from intake_desktop.domain.enums import Role, Stage
from intake_desktop.domain.korean import clean_text
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.storage.models import (
    Attachment, AttachmentChunk, CaseFile, CaseShare, ChangeRecord, Consent, Draft, FollowUp, IntakeRecord, Letter,
    Person, Referral,
    ServicePlan, SessionNote, VaultMeta,
)

DEFAULT_RETENTION_YEARS = 5
RETENTION_KEY = "retention_years"
# Attachment chunks first: they point at their attachment row.
CHILD_TABLES = (AttachmentChunk, Attachment, SessionNote, ServicePlan, FollowUp, Consent, Referral, IntakeRecord, Letter,
                ChangeRecord)

MSG_REASON_REQUIRED = QT_TRANSLATE_NOOP("Errors", "Destruction needs a reason (its legal basis).")
MSG_BAD_RETENTION = QT_TRANSLATE_NOOP("Errors", "The retention period must be 1 to 30 years.")


@dataclass(frozen=True)
class DueCase:
    case_id: str
    case_number: str
    closed_on: date
    due_on: date


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class RetentionService:
    def __init__(self, session) -> None:
        self._session = session

    def retention_years(self) -> int:
        with self._session.db() as db:
            row = db.get(VaultMeta, RETENTION_KEY)
        return int(row.value) if row else DEFAULT_RETENTION_YEARS

    def set_retention_years(self, years: int) -> None:
        self._session.require_role(Role.ADMIN)
        if not 1 <= years <= 30:
            raise E.UsageError(MSG_BAD_RETENTION)
        with self._session.db() as db:
            db.merge(VaultMeta(key=RETENTION_KEY, value=str(years)))
            self._session.audit.record("settings.retention", details={"years": years}, db=db)
            db.commit()

    def due(self, today: date | None = None) -> list[DueCase]:
        """Closed cases whose retention period has run out."""
        self._session.require_role(Role.ADMIN)
        today = today or dates.today()
        years = self.retention_years()
        with self._session.db() as db:
            rows = db.exec(
                select(CaseFile).where(CaseFile.stage.in_([Stage.CLOSED.value, Stage.FOLLOW_UP.value]),
                                       CaseFile.closed_at.is_not(None))
            ).scalars().all()
        due = []
        for row in rows:
            closed = row.closed_at.date()
            due_on = _add_years(closed, years)
            if due_on <= today:
                due.append(DueCase(row.id, row.case_number, closed, due_on))
        return sorted(due, key=lambda d: d.due_on)

    def destroy(self, case_ref: str, reason: str) -> str:
        """Remove every trace of a case's content. Returns the case number (for the message)."""
        self._session.require_role(Role.ADMIN)
        reason = clean_text(reason, multiline=True).strip()
        if not reason:
            raise E.UsageError(MSG_REASON_REQUIRED)
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row = self._session.cases.case_row(db, case_ref)
            case_id, person_id, number = row.id, row.person_id, row.case_number
            for model in CHILD_TABLES:
                db.exec(delete(model).where(model.case_id == case_id))
            db.exec(delete(CaseShare).where(CaseShare.case_id == case_id))
            db.exec(delete(Draft).where(Draft.slot.contains(case_id)))
            db.exec(delete(CaseFile).where(CaseFile.id == case_id))
            others = db.exec(select(CaseFile.id).where(CaseFile.person_id == person_id)).first()
            if others is None:
                db.exec(delete(Person).where(Person.id == person_id))
            self._session.audit.record(
                "case.destroy", case_id=case_id,
                details={"case_number": number, "basis": reason,
                         "at": datetime.now(timezone.utc).isoformat()}, db=db,
            )
            db.commit()
        self._compact()
        self._session.cases.forget()
        return number

    def _compact(self) -> None:
        """Rewrite the file without free pages and empty the WAL (secure_delete already zeroes
        freed pages; VACUUM also drops them from the file)."""
        with faults.storage_errors(self._session.vault.db_path):
            with self._session.vault.engine.connect() as connection:
                connection = connection.execution_options(isolation_level="AUTOCOMMIT")
                connection.execute(text("VACUUM"))
                connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
