"""Intake records: save answers on a pinned form version, score them, raise crisis alerts.

A record keeps (form id, version, definition hash) in clear and the answers encrypted. It is
always read back with the exact definition it was filled in (looked up by hash), so a later
form version never changes how an old intake renders or scores. Saving also refreshes the
case document's summary (risk level, crisis flag, latest totals) used by the case list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from intake_desktop.domain import dates
from intake_desktop import formdefs
from intake_desktop.domain.cases import PERSON_FIELDS
from intake_desktop.formdefs import FormDefinition, ScoreReport
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.services.forms import check_answers, INTAKE_FORM_ID
from intake_desktop.services.people import clean_person
from intake_desktop.storage.models import IntakeRecord, utcnow

MSG_FORM_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "The form version this intake was filled in ({form} v{version}) is not available."
)
MSG_INVALID_ANSWERS = QT_TRANSLATE_NOOP("Errors", "{count} answer(s) need attention before saving.")


@dataclass(frozen=True)
class IntakeView:
    record_id: str
    version: int
    form: FormDefinition
    answers: dict
    created_at: object


@dataclass(frozen=True)
class SavedIntake:
    record_id: str
    version: int
    scores: ScoreReport
    alerts: list
    proposal: formdefs.RiskProposal


class InvalidAnswers(E.UsageError):
    def __init__(self, problems) -> None:
        self.problems = list(problems)
        super().__init__(MSG_INVALID_ANSWERS, count=len(self.problems))


def person_answers(person: dict) -> dict:
    """The person document as intake answers (same field ids), leaving out what is empty so
    an empty part never shows as an answer."""
    answers = {}
    for key in PERSON_FIELDS:
        value = person.get(key)
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v} or None
            if value is not None:
                value = {"postal_code": "", "road_address": "", "detail": "", **value}
        if value:
            answers[key] = value
    return answers


def totals(scores: ScoreReport) -> dict[str, int | None]:
    return {i.instrument_id: i.total.score for i in scores.instruments if i.administered}


class IntakesService:
    def __init__(self, session) -> None:
        self._session = session

    def _form_of(self, row: IntakeRecord) -> FormDefinition:
        registry = self._session.forms.registry()
        try:
            return registry.get_by_hash(row.form_hash)
        except KeyError as exc:
            raise E.ServiceError(MSG_FORM_MISSING, form=row.form_id, version=row.form_version) from exc

    def records(self, case_ref: str) -> list[IntakeView]:
        """Every intake of the case, oldest first, each with the form it was filled in."""
        with self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            rows = db.exec(select(IntakeRecord).where(IntakeRecord.case_id == case_row.id)
                           .order_by(IntakeRecord.created_at, IntakeRecord.id)).scalars().all()
        with faults.storage_errors(self._session.vault.db_path):
            return [IntakeView(r.id, r.version, self._form_of(r),
                               self._session.sealer.open("intake_record", r.id, r.version, r.data, owner=r.case_id), r.created_at)
                    for r in rows]

    def latest(self, case_ref: str) -> IntakeView | None:
        records = self.records(case_ref)
        return records[-1] if records else None

    def form_answers(self, case_ref: str, view: IntakeView | None = None, *, detail=None) -> dict:
        """What the intake form shows: a new intake starts with today's date, the signed-in
        counsellor and the person's details from the case; a saved one shows its answers. Either
        way the person's details come from the person document, their one source. `detail`: the
        case already opened by the caller (saves a second access-log entry)."""
        detail = detail or self._session.cases.get(case_ref)
        if view is not None:
            answers = {k: v for k, v in view.answers.items() if k not in PERSON_FIELDS}
        else:
            answers = {"intake_date": dates.today().isoformat(),
                       "counsellor_name": getattr(self._session, "display_name", "") or ""}
        answers.update(person_answers(detail.person))
        return answers

    def _update_person(self, case_ref: str, form: FormDefinition, cleaned: dict) -> None:
        """Write the person fields the form asks to the person document (one emptied in the form
        is emptied there too). A value the person document refuses (an emptied name in an
        unfinished intake) keeps the stored one."""
        asked = {f.id for s in form.sections for f in s.fields} & set(PERSON_FIELDS)
        typed = {k: cleaned.get(k, "") for k in asked}
        if not typed:
            return
        detail = self._session.cases.get(case_ref)
        merged = {**detail.person, **typed}
        clean, problems = clean_person(merged)
        if problems:
            bad = {p.field.split(".")[0] for p in problems}
            merged = {**detail.person, **{k: v for k, v in typed.items() if k not in bad}}
            clean, problems = clean_person(merged)
            if problems:
                return
        if clean != detail.person:
            self._session.cases.update_person(case_ref, clean, detail.person_version)

    def save(self, case_ref: str, answers: dict, *, form: FormDefinition | None = None,
             record_id: str | None = None, expected_version: int | None = None,
             complete: bool = True) -> SavedIntake:
        """Validate, store and score. `complete=False` stores a partly filled intake (required
        fields may wait) — what is filled in must still be valid."""
        form = form or self._session.forms.get(INTAKE_FORM_ID)
        cleaned, problems = check_answers(form, answers, partial=not complete)
        if problems:
            raise InvalidAnswers(problems)
        scores = formdefs.score_form(form, cleaned)
        alerts = formdefs.crisis_alerts(form, cleaned, scores)
        proposal = formdefs.propose_risk_level(form, cleaned, scores)
        # The person's details live in the person document only (see form_answers).
        stored = {k: v for k, v in cleaned.items() if k not in PERSON_FIELDS}
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            if record_id is None:
                row = IntakeRecord(case_id=case_row.id, form_id=form.id, form_version=form.version,
                                   form_hash=form.definition_hash, created_by=self._session.account_id, data=b"")
                row.data = sealer.seal("intake_record", row.id, 1, stored, owner=case_row.id)
                db.add(row)
                record_id, version = row.id, 1
            else:
                version = (expected_version or 0) + 1
                old = self._stored(db, record_id, case_row.id, expected_version)
                result = db.execute(
                    update(IntakeRecord)
                    .where(IntakeRecord.id == record_id, IntakeRecord.case_id == case_row.id,
                           IntakeRecord.version == expected_version)
                    .values(version=version, updated_at=utcnow(),
                            data=sealer.seal("intake_record", record_id, version, stored, owner=case_row.id))
                )
                if result.rowcount != 1:
                    raise E.ConflictError(E.MSG_CONFLICT)
                self._session.history.record(db, case_row.id, "intake", record_id, old, stored)
            self._session.audit.record("intake.save", case_id=case_row.id,
                                       details={"form": form.id, "version": form.version}, db=db)
            db.commit()
        self._update_person(case_ref, form, cleaned)
        self._refresh_case_summary(case_ref, cleaned, scores, alerts)
        return SavedIntake(record_id, version, scores, alerts, proposal)

    def _stored(self, db, record_id: str, case_id: str, version: int | None) -> dict | None:
        """The answers an update replaces (None when the row is not the expected version: the
        update then finds no row and says so)."""
        row = db.get(IntakeRecord, record_id)
        if row is None or row.case_id != case_id or row.version != version:
            return None
        with faults.storage_errors(self._session.vault.db_path):
            return self._session.sealer.open("intake_record", row.id, row.version, row.data, owner=case_id)

    def _refresh_case_summary(self, case_ref: str, answers: dict, scores: ScoreReport, alerts) -> None:
        detail = self._session.cases.get(case_ref)
        case_doc = dict(detail.case)
        if answers.get("risk_level"):
            case_doc["risk_level"] = answers["risk_level"]
        case_doc["scores"] = totals(scores)
        if answers.get("intake_date"):
            case_doc["last_contact"] = max(filter(None, [case_doc.get("last_contact"), answers["intake_date"]]))
        if alerts:
            case_doc["crisis"] = True
            pending = list(case_doc.get("crisis_events", []))
            pending.append({"alerts": [a.id for a in alerts], "raised_on": dates.today().isoformat(),
                            "action": None, "confirmed_by": None})
            case_doc["crisis_events"] = pending
        self._session.cases.update_case(case_ref, case_doc, detail.case_version, action="case.summary")

    def confirm_crisis_action(self, case_ref: str, action: str) -> None:
        """The counsellor confirms what was done about the open crisis alerts (required before
        the crisis dialog may close); the case keeps the record."""
        from intake_desktop.domain.korean import clean_text

        action = clean_text(action, multiline=True).strip()
        if not action:
            raise E.UsageError(MSG_ACTION_REQUIRED)
        detail = self._session.cases.get(case_ref)
        case_doc = dict(detail.case)
        events = [dict(e) for e in case_doc.get("crisis_events", [])]
        for event in events:
            if event.get("action") is None:
                event.update(action=action, confirmed_by=self._session.account_id,
                             confirmed_on=dates.today().isoformat())
        case_doc["crisis_events"] = events
        self._session.cases.update_case(case_ref, case_doc, detail.case_version, action="crisis.confirm")


MSG_ACTION_REQUIRED = QT_TRANSLATE_NOOP("Errors", "Write down what you did about the crisis before closing.")
