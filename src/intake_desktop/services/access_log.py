"""Reading the access log: filtered views, the monthly review, and the CSV export.

Viewing or exporting the log is itself a recorded event. Only supervisors and admins may.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from intake_desktop.domain.dates import SEOUL
from intake_desktop.domain.enums import Role
from intake_desktop.domain.korean import clean_text
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.services.files import write_file
from intake_desktop.storage.models import Account, AuditEvent, CaseFile

MSG_EXPORT_REASON = QT_TRANSLATE_NOOP("Errors", "Say why the access log is being downloaded.")
MSG_BAD_PERIOD = QT_TRANSLATE_NOOP("Errors", "The period ends before it starts.")


@dataclass(frozen=True)
class AccessEvent:
    seq: int
    at: datetime  # Seoul time
    username: str
    action: str
    case_number: str
    workstation: str
    details: dict


def _utc(day: date, end: bool = False) -> datetime:
    moment = datetime.combine(day + timedelta(days=1) if end else day, time.min, tzinfo=SEOUL)
    return moment.astimezone(timezone.utc)


class AccessLogService:
    def __init__(self, session) -> None:
        self._session = session

    def events(self, *, start: date | None = None, end: date | None = None, account_id: str | None = None,
               case_id: str | None = None, action: str | None = None, record_view: bool = True) -> list[AccessEvent]:
        self._session.require_role(Role.SUPERVISOR)
        if start and end and end < start:
            raise E.UsageError(MSG_BAD_PERIOD)
        query = select(AuditEvent).order_by(AuditEvent.seq)
        if start:
            query = query.where(AuditEvent.at >= _utc(start))
        if end:
            query = query.where(AuditEvent.at < _utc(end, end=True))
        if account_id:
            query = query.where(AuditEvent.account_id == account_id)
        if case_id:
            query = query.where(AuditEvent.case_id == case_id)
        if action:
            query = query.where(AuditEvent.action.startswith(action))
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            rows = db.exec(query).scalars().all()
            names = {a.id: a.username for a in db.exec(select(Account)).scalars()}
            numbers = dict(db.exec(select(CaseFile.id, CaseFile.case_number)).all())
        events = []
        for row in rows:
            details = self._session.audit.details(row)
            at = row.at if row.at.tzinfo else row.at.replace(tzinfo=timezone.utc)
            events.append(AccessEvent(
                seq=row.seq, at=at.astimezone(SEOUL), username=names.get(row.account_id, ""),
                action=row.action,
                case_number=numbers.get(row.case_id, details.get("case_number", "")) if row.case_id else "",
                workstation=details.pop("workstation", ""), details=details,
            ))
        if record_view:
            self._session.audit.record("audit.view", details={"count": len(events)})
        return events

    def export_csv(self, out: Path, start: date, end: date, reason: str) -> int:
        """Write the period's events as CSV (UTF-8 with BOM so Korean Excel opens it)."""
        reason = clean_text(reason, multiline=True).strip()
        if not reason:
            raise E.UsageError(MSG_EXPORT_REASON)
        events = self.events(start=start, end=end, record_view=False)

        def write(handle: BinaryIO) -> None:
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            writer = csv.writer(text)
            writer.writerow(["순번", "일시(KST)", "계정", "행위", "사례번호", "PC", "세부"])
            for e in events:
                writer.writerow([e.seq, e.at.strftime("%Y-%m-%d %H:%M:%S"), e.username, e.action,
                                 e.case_number, e.workstation,
                                 "; ".join(f"{k}={v}" for k, v in sorted(e.details.items()))])
            text.flush()
            text.detach()  # the writer closes the file itself, after fsync

        write_file(Path(out), write)
        self._session.audit.record("audit.export", details={
            "from": start.isoformat(), "to": end.isoformat(), "reason": reason, "count": len(events)})
        return len(events)

    def record_review(self, month: str, note: str = "") -> None:
        """The monthly review (안전성 확보조치 기준): who reviewed which month, and when."""
        self._session.require_role(Role.SUPERVISOR)
        self._session.audit.record("audit.review", details={"month": month, "note": clean_text(note, multiline=True)})
