"""Cases: create, list (the in-memory index built at unlock), open, edit with version checks.

Role rule: a counsellor reaches only cases assigned to or shared with them; a supervisor and
an admin reach every case. Every path into case content goes through `_check_access`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from sqlalchemy import func, insert, select, update

from intake_desktop.crypto.errors import TamperedError
from intake_desktop.domain.cases import CaseSummary, parse_date
from intake_desktop.domain import stages
from intake_desktop.domain.enums import RiskLevel, Role, Stage
from intake_desktop.domain.korean import clean_text
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.domain.search import CaseIndex, sort_by_name
from intake_desktop.services import errors as E
from intake_desktop.services import case_snapshot, faults
from intake_desktop.services.history import CASE_DERIVED
from intake_desktop.services.people import clean_person
from intake_desktop.services.records import KINDS
from intake_desktop.services.sync import numbers
from intake_desktop.storage.models import (
    Account, CaseFile, CaseShare, IntakeRecord, Person, Referral, new_id, utcnow,
)

Progress = Callable[[int, int], None]
BATCH = 2000


@dataclass
class NewIntake:
    form_id: str
    form_version: int
    form_hash: str
    answers: dict


@dataclass
class NewCase:
    person: dict
    case: dict
    counsellor_id: str | None = None
    is_demo: bool = False
    stage: Stage = Stage.INTAKE
    intake: NewIntake | None = None
    # Records that hang off the new case, by kind of services.records.KINDS ("note", "consent", …),
    # written in the same batches and transaction as the case (bulk paths such as the demo).
    records: dict[str, list[dict]] = field(default_factory=dict)


@dataclass
class CaseDetail:
    case_id: str
    case_number: str
    stage: Stage
    counsellor_id: str
    person_id: str
    person: dict
    person_version: int
    case: dict
    case_version: int
    is_demo: bool


def _summary(case_row, person_doc: dict, case_doc: dict, counsellor_names: dict) -> CaseSummary:
    risk = case_doc.get("risk_level")
    return CaseSummary(
        case_id=case_row.id,
        case_number=case_row.case_number,
        name=person_doc.get("name", ""),
        birth_date=parse_date(person_doc.get("birth_date")),
        stage=Stage(case_row.stage),
        risk_level=RiskLevel(risk) if risk else None,
        counsellor_id=case_row.counsellor_id,
        counsellor_name=counsellor_names.get(case_row.counsellor_id, ""),
        mobile=person_doc.get("mobile", ""),
        last_contact=parse_date(case_doc.get("last_contact")),
        next_follow_up=parse_date(case_doc.get("next_follow_up")),
        is_demo=case_row.is_demo,
        crisis=bool(case_doc.get("crisis")),
        created=case_row.created_at.date() if case_row.created_at else None,
    )


def stage_columns(stage: Stage) -> dict:
    """The clear columns a move to `stage` writes (a closed case remembers when it closed)."""
    values: dict = {"stage": stage.value}
    if stage is Stage.CLOSED:
        values["closed_at"] = utcnow()
    elif stage in stages.OPEN_STAGES:
        values["closed_at"] = None
    return values


class CasesService:
    def __init__(self, session) -> None:
        self._session = session
        self._index: CaseIndex | None = None

    # -- access -----------------------------------------------------------------------------
    def _visible_filter(self, query):
        if self._session.has_role(Role.SUPERVISOR):
            return query
        shared = select(CaseShare.case_id).where(CaseShare.account_id == self._session.account_id)
        return query.where((CaseFile.counsellor_id == self._session.account_id) | CaseFile.id.in_(shared))

    def _check_access(self, db, case_row: CaseFile | None, case_ref: str) -> CaseFile:
        if case_row is None:
            raise E.ServiceError(E.MSG_CASE_NOT_FOUND, case=case_ref)
        if self._session.has_role(Role.SUPERVISOR) or case_row.counsellor_id == self._session.account_id:
            return case_row
        if db.get(CaseShare, (case_row.id, self._session.account_id)) is None:
            raise E.DeniedError(E.MSG_CASE_DENIED, case=case_ref)
        return case_row

    def case_row(self, db, case_ref: str) -> CaseFile:
        """A case by id or by case number."""
        row = db.get(CaseFile, case_ref)
        if row is None:
            row = db.exec(select(CaseFile).where(CaseFile.case_number == case_ref)).scalar_one_or_none()
        return self._check_access(db, row, case_ref)

    # -- reading ----------------------------------------------------------------------------
    def _counsellor_names(self, db) -> dict[str, str]:
        return {a.id: a.display_name for a in db.exec(select(Account)).scalars()}

    def load_index(self, progress: Progress | None = None) -> CaseIndex:
        """Decrypt every visible case into memory, sorted 가나다. Called once after unlock."""
        sealer = self._session.sealer
        summaries: list[CaseSummary] = []
        sees_all = self._session.has_role(Role.SUPERVISOR)
        with case_snapshot.no_cyclic_gc(), faults.storage_errors(self._session.vault.db_path), \
                self._session.db() as db:
            names = self._counsellor_names(db)
            stored = case_snapshot.load(db, self._session.keyring, names) if sees_all else None
            if stored is not None:  # nothing changed since the last full load (services/case_snapshot.py)
                return self._loaded(stored, progress, len(stored))
            stamped = case_snapshot.stamp(db, self._session.keyring) if sees_all else None
            total = db.exec(self._visible_filter(select(func.count()).select_from(CaseFile))).scalar_one()
            query = self._visible_filter(
                select(CaseFile.id, CaseFile.case_number, CaseFile.stage, CaseFile.counsellor_id,
                       CaseFile.is_demo, CaseFile.created_at, CaseFile.version, CaseFile.data,
                       Person.id.label("person_id"), Person.version.label("person_version"),
                       Person.data.label("person_data"))
                .join(Person, Person.id == CaseFile.person_id)
            )
            for done, row in enumerate(db.connection().execute(query), start=1):
                try:
                    person = sealer.open("person", row.person_id, row.person_version, row.person_data)
                    case = sealer.open("case_file", row.id, row.version, row.data, owner=row.person_id)
                except TamperedError as exc:
                    raise E.DamagedError(MSG_CASE_DAMAGED, case=row.case_number) from exc
                summaries.append(_summary(row, person, case, names))
                if progress and done % 1000 == 0:
                    progress(done, total)
            index = CaseIndex(sort_by_name(summaries))
            if stamped is not None and len(index) >= case_snapshot.MIN_CASES and not self._session.is_locked:
                case_snapshot.save(db, self._session.keyring, index, stamped)
                db.commit()
        return self._loaded(index, progress, total)

    def _loaded(self, index: CaseIndex, progress: Progress | None, total: int) -> CaseIndex:
        if self._session.is_locked:  # locked while loading: keep nothing decrypted
            raise E.DeniedError(E.MSG_VAULT_LOCKED)
        self._index = index
        if progress:
            progress(total, total)
        return self._index

    @property
    def index(self) -> CaseIndex:
        if self._index is None:
            self.load_index()
        return self._index

    def search(self, query: str) -> list[CaseSummary]:
        items = self.index.items
        return [items[i] for i in self.index.search(query)]

    def get(self, case_ref: str) -> CaseDetail:
        """Open one case (recorded in the access log)."""
        sealer = self._session.sealer
        with self._session.db() as db:
            row = self.case_row(db, case_ref)
            person = db.get(Person, row.person_id)
            if person is None:  # deleted outside the program (foreign keys are off in sqlite3)
                raise E.DamagedError(MSG_CASE_DAMAGED, case=row.case_number)
            try:
                detail = CaseDetail(
                    case_id=row.id, case_number=row.case_number, stage=Stage(row.stage),
                    counsellor_id=row.counsellor_id, person_id=person.id,
                    person=sealer.open("person", person.id, person.version, person.data),
                    person_version=person.version,
                    case=sealer.open("case_file", row.id, row.version, row.data, owner=row.person_id),
                    case_version=row.version, is_demo=row.is_demo,
                )
            except TamperedError as exc:
                raise E.DamagedError(MSG_CASE_DAMAGED, case=row.case_number) from exc
            self._session.audit.record("case.view", case_id=row.id, db=db)
            db.commit()
        return detail

    def count(self) -> int:
        with self._session.db() as db:
            return db.exec(select(func.count()).select_from(CaseFile)).scalar_one()

    def count_real(self) -> int:
        with self._session.db() as db:
            return db.exec(select(func.count()).select_from(CaseFile).where(CaseFile.is_demo == False)).scalar_one()  # noqa: E712

    # -- writing ----------------------------------------------------------------------------
    def _next_numbers(self, db, year: int) -> Iterator[str]:
        prefix = f"{year}-"
        if numbers.in_centre(db):  # one of many PCs: only numbers reserved from the server
            used = numbers.used_case_numbers(db, year)
            while True:
                n = numbers.next_in_blocks(db, numbers.case_kind(year), used)
                used.add(n)
                yield f"{prefix}{n:05d}"
        last = db.exec(
            select(func.max(CaseFile.case_number)).where(CaseFile.case_number.like(prefix + "%"))
        ).scalar_one()
        start = int(last.split("-")[1]) + 1 if last else 1
        for n in itertools.count(start):
            yield f"{prefix}{n:05d}"

    def create(self, person: dict, case: dict | None = None, counsellor_id: str | None = None) -> str:
        """Validate and store one new case. Raises UsageError listing every problem."""
        clean, problems = clean_person(person)
        if problems:
            raise E.ValidationError(problems)
        return self.create_many([NewCase(clean, dict(case or {}), counsellor_id)])[0]

    def create_many(self, new_cases: Iterable[NewCase], *, total: int | None = None,
                    progress: Progress | None = None, audit_action: str = "case.create") -> list[str]:
        """Store already-validated cases in one transaction: all of them or none.

        `new_cases` may be a generator: rows are encrypted and written in batches, so a large
        import never holds all its plaintext in memory at once.
        """
        sealer = self._session.sealer
        created: list[str] = []
        now = utcnow()
        # Parents before children (foreign keys are on); record tables are added when first seen.
        rows: dict[type, list[dict]] = {Person: [], CaseFile: [], IntakeRecord: []}

        def flush(db) -> None:
            for model, batch in rows.items():  # parents before children: foreign keys are on
                if batch:
                    db.execute(insert(model), batch)
                    batch.clear()

        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            numbers = self._next_numbers(db, now.year)
            for new in new_cases:
                owner = new.counsellor_id or self._session.account_id
                if owner != self._session.account_id:
                    self._session.require_role(Role.SUPERVISOR)
                person_id, case_id = new_id(), new_id()
                rows[Person].append({
                    "id": person_id, "created_at": now, "updated_at": now, "version": 1,
                    "data": sealer.seal("person", person_id, 1, new.person),
                })
                rows[CaseFile].append({
                    "id": case_id, "person_id": person_id, "case_number": next(numbers),
                    "stage": new.stage.value, "counsellor_id": owner, "is_demo": new.is_demo,
                    "created_at": now, "updated_at": now, "version": 1,
                    "data": sealer.seal("case_file", case_id, 1, new.case, owner=person_id),
                })
                if new.intake is not None:
                    record_id = new_id()
                    rows[IntakeRecord].append({
                        "id": record_id, "case_id": case_id, "form_id": new.intake.form_id,
                        "form_version": new.intake.form_version, "form_hash": new.intake.form_hash,
                        "created_at": now, "created_by": self._session.account_id,
                        "updated_at": now, "version": 1,
                        "data": sealer.seal("intake_record", record_id, 1, new.intake.answers, owner=case_id),
                    })
                for kind, documents in new.records.items():
                    model = KINDS[kind]
                    for document in documents:
                        row_id = new_id()
                        row = {
                            "id": row_id, "case_id": case_id, "created_at": now, "updated_at": now,
                            "created_by": self._session.account_id, "version": 1,
                            "data": sealer.seal(model.__tablename__, row_id, 1, document, owner=case_id),
                        }
                        if model is Referral:  # its status is also kept in clear (services/referrals.py)
                            row["status"] = document["status"]
                        rows.setdefault(model, []).append(row)
                created.append(case_id)
                if len(rows[Person]) >= BATCH:
                    flush(db)
                    if progress:
                        progress(len(created), total or 0)
            flush(db)
            if len(created) == 1:
                self._session.audit.record(audit_action, case_id=created[0], db=db)
            elif created:
                self._session.audit.record(audit_action, details={"count": len(created)}, db=db)
            db.commit()
        self._index = None
        return created

    def update_person(self, case_ref: str, person: dict, expected_version: int) -> int:
        """Save an edited person document; raises ConflictError if someone saved first."""
        clean, problems = clean_person(person)
        if problems:
            raise E.ValidationError(problems)
        with self._session.db() as db:
            row = self.case_row(db, case_ref)
            old = self._old_document(db, Person, row.person_id, "person", None)
            new_version = expected_version + 1
            result = db.execute(
                update(Person)
                .where(Person.id == row.person_id, Person.version == expected_version)
                .values(version=new_version, updated_at=utcnow(),
                        data=self._session.sealer.seal("person", row.person_id, new_version, clean))
            )
            if result.rowcount != 1:
                raise E.ConflictError(E.MSG_CONFLICT)
            self._session.history.record(db, row.id, "person", row.person_id, old, clean)
            self._session.audit.record("person.edit", case_id=row.id, db=db)
            db.commit()
        self._index = None
        return new_version

    def update_case(self, case_ref: str, case_doc: dict, expected_version: int, *,
                    stage: Stage | None = None, action: str = "case.edit", details: dict | None = None) -> int:
        """Save the case document (and optionally a new stage) if nobody saved in between."""
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row = self.case_row(db, case_ref)
            old = self._old_document(db, CaseFile, row.id, "case_file", row.person_id)
            old_stage = row.stage
            new_version = expected_version + 1
            values = {
                "version": new_version, "updated_at": utcnow(),
                "data": self._session.sealer.seal("case_file", row.id, new_version, case_doc, owner=row.person_id),
            }
            if stage is not None:
                values.update(stage_columns(stage))
            result = db.execute(
                update(CaseFile).where(CaseFile.id == row.id, CaseFile.version == expected_version).values(**values)
            )
            if result.rowcount != 1:
                raise E.ConflictError(E.MSG_CONFLICT)
            if action != "case.summary":  # the figures notes and intakes keep in step are not edits
                moved = ([{"field": "stage", "old": old_stage, "new": stage.value}]
                         if stage is not None and stage.value != old_stage else [])
                self._session.history.record(db, row.id, "case", row.id, old, case_doc, skip=CASE_DERIVED,
                                             extra=moved)
            self._session.audit.record(action, case_id=row.id, details=details, db=db)
            db.commit()
        self._index = None
        return new_version

    def _old_document(self, db, model, row_id: str, table: str, owner: str | None) -> dict | None:
        """The stored document of a row about to be replaced (for the change history)."""
        stored = db.get(model, row_id)
        if stored is None:
            return None
        db.refresh(stored)  # the version the UPDATE below will check, not a cached one
        try:
            return self._session.sealer.open(table, stored.id, stored.version, stored.data, owner=owner)
        except TamperedError as exc:
            raise E.DamagedError() from exc

    def change_stage(self, case_ref: str, new_stage: Stage, *, reason: str = "", outcome: str = "") -> int:
        """Move a case along the case-management stages (see domain/stages.py)."""
        detail = self.get(case_ref)
        if new_stage not in stages.allowed_next(detail.stage):
            raise E.UsageError(MSG_BAD_TRANSITION, old=detail.stage.value, new=new_stage.value)
        case_doc = dict(detail.case)
        history = list(case_doc.get("stage_history", []))
        history.append({"from": detail.stage.value, "to": new_stage.value, "on": utcnow().date().isoformat(),
                        "by": self._session.account_id, "reason": clean_text(reason, multiline=True).strip()})
        case_doc["stage_history"] = history
        if new_stage is Stage.CLOSED:
            if not reason.strip():
                raise E.UsageError(MSG_CLOSURE_REASON)
            case_doc["closure"] = {"reason": clean_text(reason, multiline=True).strip(),
                                   "outcome": clean_text(outcome, multiline=True).strip(),
                                   "on": utcnow().date().isoformat()}
            case_doc["crisis"] = False  # the flag means "in crisis now"; crisis_events keep the history
        action = "case.reopen" if stages.is_reopening(detail.stage, new_stage) else "case.stage"
        return self.update_case(case_ref, case_doc, detail.case_version, stage=new_stage, action=action,
                                details={"from": detail.stage.value, "to": new_stage.value})

    def assign(self, case_ref: str, counsellor_id: str) -> None:
        """A supervisor hands a case to another counsellor (recorded)."""
        self._session.require_role(Role.SUPERVISOR)
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row = self.case_row(db, case_ref)
            account = db.get(Account, counsellor_id)
            if account is None or not account.active:
                raise E.UsageError(E.MSG_UNKNOWN_ACCOUNT, username=counsellor_id)
            previous = row.counsellor_id
            row.counsellor_id = counsellor_id
            db.add(row)
            self._session.audit.record("case.assign", case_id=row.id,
                                       details={"from": previous, "to": counsellor_id}, db=db)
            db.commit()
        self._index = None

    def share(self, case_ref: str, account_id: str) -> None:
        """The owner (or a supervisor) shares a case with another account (recorded)."""
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row = self.case_row(db, case_ref)
            if row.counsellor_id != self._session.account_id:
                self._session.require_role(Role.SUPERVISOR)
            account = db.get(Account, account_id)
            if account is None or not account.active:
                raise E.UsageError(E.MSG_UNKNOWN_ACCOUNT, username=account_id)
            if db.get(CaseShare, (row.id, account_id)) is None:
                db.add(CaseShare(case_id=row.id, account_id=account_id, granted_by=self._session.account_id))
                self._session.audit.record("case.share", case_id=row.id, details={"with": account_id}, db=db)
            db.commit()

    def forget(self) -> None:
        self._index = None


MSG_CASE_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "Case {case} is damaged or incomplete: part of it is missing or was changed outside "
    "intake-desktop. Nothing was changed; restore the last good backup.")
MSG_BAD_TRANSITION = QT_TRANSLATE_NOOP("Errors", "A case cannot move from stage {old} to {new}.")
MSG_CLOSURE_REASON = QT_TRANSLATE_NOOP("Errors", "Closing a case needs a reason.")
