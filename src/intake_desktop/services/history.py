"""Who changed what (변경 이력): every save that changes a person, a case's overview, an intake, a
plan or a consent leaves one sealed `change_record` row naming the entity, each field's old and
new value, who (account id and the name shown then), when, and — for a correction the young
person asked for (PIPA arts. 35–36) — the reason.

The services that save call `record(db, ...)` inside their own transaction, with the document
as it was and as it is saved: the row commits or rolls back with the change itself. Nothing
here knows a widget. A correction is announced around the save:

    with session.history.correction("본인 요청: 휴대전화 번호 정정"):
        session.cases.update_person(case, person, version)

`correction()` refuses an empty reason (UsageError). The rows are destroyed with the case
(services/retention.py), exported with it (services/subject_access.py), covered by the
whole-vault integrity digest (a sealed table) and carried by backups (the database file).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator

from sqlalchemy import select

from intake_desktop.crypto.errors import TamperedError
from intake_desktop.domain.korean import clean_text
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.storage.models import ChangeRecord, utcnow

PERSON, CASE, INTAKE, PLAN, CONSENT = "person", "case", "intake", "plan", "consent"
ENTITIES = (PERSON, CASE, INTAKE, PLAN, CONSENT)
ENTITY_LABELS = {
    PERSON: QT_TRANSLATE_NOOP("History", "Personal details"),
    CASE: QT_TRANSLATE_NOOP("History", "Case overview"),
    INTAKE: QT_TRANSLATE_NOOP("History", "Intake"),
    PLAN: QT_TRANSLATE_NOOP("History", "Service plan"),
    CONSENT: QT_TRANSLATE_NOOP("History", "Consent"),
}
# Parts of the case document that are histories or figures of their own (stage steps, crisis
# events, scores, dates kept in step by notes and follow-ups): not overview edits.
CASE_DERIVED = frozenset({"stage_history", "crisis_events", "crisis_cleared", "scores", "last_contact",
                          "next_follow_up"})
MAX_REASON = 1000

MSG_REASON_REQUIRED = QT_TRANSLATE_NOOP("Errors", "A correction needs the reason (what the person asked for).")
MSG_REASON_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "The reason is longer than {max} characters.")
MSG_CHANGE_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "There is no change {change} in this case's history.")
MSG_NOT_A_CORRECTION = QT_TRANSLATE_NOOP(
    "Errors", "That change was not a correction at the person's request: there is no correction notice for it.")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def flatten(document: Any, prefix: str = "") -> dict[str, Any]:
    """{'address': {'postal_code': '06900'}, 'goals': [{'goal': 'x'}]} ->
    {'address.postal_code': '06900', 'goals.1.goal': 'x'} (list positions count from 1).
    Empty values (None, "", [], {}) are left out: to the reader they are all "nothing"."""
    out: dict[str, Any] = {}
    if isinstance(document, dict):
        for key, value in document.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(document, list) and any(isinstance(v, (dict, list)) for v in document):
        for i, value in enumerate(document, 1):
            out.update(flatten(value, f"{prefix}.{i}" if prefix else str(i)))
    elif not _empty(document):
        out[prefix] = document
    return out


def diff(old: dict | None, new: dict | None, *, skip: frozenset[str] = frozenset()) -> list[dict]:
    """[{field, old, new}] for every flattened field whose value differs, in field order; a
    field whose first part is in `skip` is left out."""
    before, after = flatten(old or {}), flatten(new or {})
    changes = []
    for field in sorted(set(before) | set(after)):
        if field.split(".", 1)[0] in skip:
            continue
        if before.get(field) != after.get(field):
            changes.append({"field": field, "old": before.get(field), "new": after.get(field)})
    return changes


@dataclass(frozen=True)
class FieldChange:
    field: str  # flattened id: "mobile", "address.postal_code", "goals.1.goal"
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    """One save: one or more fields of one entity."""

    id: str
    case_id: str
    entity: str
    record_id: str
    at: datetime
    by: str  # account id
    by_name: str  # the name that account had at the time
    changes: tuple[FieldChange, ...]
    reason: str = ""
    correction: bool = False


def _reason(text: str) -> str:
    reason = clean_text(str(text or ""), multiline=True).strip()
    if not reason:
        raise E.UsageError(MSG_REASON_REQUIRED)
    if len(reason) > MAX_REASON:
        raise E.UsageError(MSG_REASON_TOO_LONG, max=MAX_REASON)
    return reason


class HistoryService:
    """`session.history`."""

    def __init__(self, session) -> None:
        self._session = session
        self._local = threading.local()  # the correction announced on this thread

    # -- corrections --------------------------------------------------------------------------
    @contextmanager
    def correction(self, reason: str) -> Iterator[str]:
        """Saves inside this block are a correction at the person's request, with this reason."""
        reason = _reason(reason)
        outer = getattr(self._local, "reason", None)
        self._local.reason = reason
        try:
            yield reason
        finally:
            self._local.reason = outer

    # -- recording (inside the caller's transaction) --------------------------------------------
    def record(self, db, case_id: str, entity: str, record_id: str, old: dict | None, new: dict | None, *,
               skip: frozenset[str] = frozenset(), extra: list[dict] | None = None) -> str | None:
        """Add the change from `old` to `new` to the case's history (nothing when nothing
        changed). `extra`: changes that are not in the documents (a case's stage column)."""
        if entity not in ENTITIES:
            raise ValueError(entity)
        changes = diff(old, new, skip=skip) + list(extra or ())
        if not changes:
            return None
        reason = getattr(self._local, "reason", None)
        now = utcnow()
        document = {
            "entity": entity, "record_id": record_id, "at": now.isoformat(), "by": self._session.account_id,
            "by_name": getattr(self._session, "display_name", "") or "", "changes": changes,
            "reason": reason or "", "correction": reason is not None,
        }
        row = ChangeRecord(case_id=case_id, created_by=self._session.account_id, created_at=now, updated_at=now,
                           data=b"")
        row.data = self._session.sealer.seal("change_record", row.id, 1, document, owner=case_id)
        db.add(row)
        return row.id

    # -- reading --------------------------------------------------------------------------------
    def _entry(self, row: ChangeRecord) -> HistoryEntry:
        try:
            doc = self._session.sealer.open("change_record", row.id, row.version, row.data, owner=row.case_id)
        except TamperedError as exc:
            raise E.DamagedError() from exc
        try:
            return HistoryEntry(
                id=row.id, case_id=row.case_id, entity=doc["entity"], record_id=doc.get("record_id", ""),
                at=datetime.fromisoformat(doc["at"]), by=doc.get("by", ""), by_name=doc.get("by_name", ""),
                changes=tuple(FieldChange(c["field"], c.get("old"), c.get("new")) for c in doc["changes"]),
                reason=doc.get("reason", ""), correction=bool(doc.get("correction")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise E.DamagedError() from exc

    def for_case(self, case_ref: str) -> list[HistoryEntry]:
        """The case's history, newest first (a case the account may read)."""
        with self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            rows = db.exec(select(ChangeRecord).where(ChangeRecord.case_id == case_row.id)).scalars().all()
        with faults.storage_errors(self._session.vault.db_path):
            entries = [self._entry(r) for r in rows]
        return sorted(entries, key=lambda e: (e.at, e.id), reverse=True)

    def entry(self, case_ref: str, change_id: str) -> HistoryEntry:
        for entry in self.for_case(case_ref):
            if entry.id == change_id:
                return entry
        raise E.UsageError(MSG_CHANGE_NOT_FOUND, change=change_id)

    def as_json(self, entries: list[HistoryEntry]) -> list[dict]:
        """Plain data for the export and the command line."""
        return [{
            "id": e.id, "entity": e.entity, "record_id": e.record_id, "at": e.at.isoformat(), "by": e.by,
            "by_name": e.by_name, "correction": e.correction, "reason": e.reason,
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in e.changes],
        } for e in entries]

    # -- words and the correction notice ------------------------------------------------------
    def labels(self, lang: str = "ko"):
        """HistoryLabels for the vault's intake form (field and value names)."""
        from intake_desktop.services.forms import INTAKE_FORM_ID
        from intake_desktop.services.history_labels import HistoryLabels

        partners = {p.id: p.label(lang) for p in self._session.partners.list(include_inactive=True)}
        accounts = {a.id: a.display_name for a in self._session.accounts.list()}
        return HistoryLabels(self._session.forms.get(INTAKE_FORM_ID), lang, partners=partners, accounts=accounts)

    def correction_notice(self, case_ref: str, change_id: str, *, issue_date=None) -> bytes:
        """The correction notice (정정 통지서) of one correction, as PDF bytes (recorded)."""
        from intake_desktop.letters.correction_notice import CorrectionNoticeContent, render_correction_notice
        from intake_desktop.domain import dates

        entry = self.entry(case_ref, change_id)
        if not entry.correction:
            raise E.UsageError(MSG_NOT_A_CORRECTION)
        detail = self._session.cases.get(case_ref)
        words = self.labels("ko")
        content = CorrectionNoticeContent(
            organisation=self._session.centre.profile(), issue_date=issue_date or dates.today(),
            person_name=str(detail.person.get("name") or ""), corrected_at=dates.in_seoul(entry.at),
            by_name=entry.by_name, reason=entry.reason,
            rows=tuple((words.field(c.field), words.value(c.field, c.old), words.value(c.field, c.new))
                       for c in entry.changes),
        )
        pdf = render_correction_notice(content, self._session.letters.fonts)
        self._session.audit.record("correction_notice.print", case_id=detail.case_id, details={"change": entry.id})
        return pdf
