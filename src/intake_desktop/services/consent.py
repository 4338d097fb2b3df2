"""Consent under the Personal Information Protection Act.

Three kinds, each its own record (consent table, one encrypted document each):
- `collection` — collection and use (art. 15);
- `sensitive`  — sensitive information such as health (art. 23), always separate;
- `provision`  — provision to ONE named partner (art. 17(2)): purpose, items, retention at the
  recipient, and the right to refuse; "partner institutions etc." is never valid.
A withdrawal is stored on the record (date, who asked, who recorded it); from then on the consent
no longer counts. Someone under 14 needs a guardian's consent (art. 22-2): refused without one.
A supervisor may override a missing provision consent for one letter with a written reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, cast

from dataclasses import dataclass, field
from datetime import date

from intake_desktop.domain import dates
from intake_desktop.domain.cases import age_on, parse_date
from intake_desktop.domain.enums import Role
from intake_desktop.domain.korean import clean_text
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.records import Record

if TYPE_CHECKING:
    from sqlmodel import Session as DbSession

    from intake_desktop.services.session import Session

METHODS = ("signed", "verbal_witness")
GUARDIAN_AGE = 14

MSG_NO_COLLECTION = QT_TRANSLATE_NOOP(
    "Errors", "There is no valid consent to collection and use for this case."
)
MSG_NO_PROVISION = QT_TRANSLATE_NOOP(
    "Errors", "There is no valid consent to provide information to {partner}. No letter was made."
)
MSG_NEEDS_GUARDIAN = QT_TRANSLATE_NOOP(
    "Errors", "The young person is under 14: a legal guardian's consent (name and relationship) is required."
)
MSG_NEEDS_WITNESS = QT_TRANSLATE_NOOP("Errors", "A verbal consent needs the name of a witness.")
MSG_BAD_METHOD = QT_TRANSLATE_NOOP("Errors", "Unknown way of giving consent: {method}.")
MSG_NO_ITEMS = QT_TRANSLATE_NOOP("Errors", "A consent to provide information must list the items provided.")
MSG_NEEDS_PURPOSE = QT_TRANSLATE_NOOP("Errors", "State the purpose and the retention period at the recipient.")
MSG_ALREADY_WITHDRAWN = QT_TRANSLATE_NOOP("Errors", "This consent has already been withdrawn.")
MSG_NEEDS_REASON = QT_TRANSLATE_NOOP("Errors", "An override needs a written reason.")
MSG_COLLECTION_FIRST = QT_TRANSLATE_NOOP(
    "Errors", "Record the consent to collection and use first: without it no other consent counts and no "
              "letter can be made.")
MSG_SENSITIVE_FIRST = QT_TRANSLATE_NOOP(
    "Errors", "These items are sensitive information ({items}): record the separate sensitive-information "
              "consent first, or leave them out.")

# The order the law asks for, and what each missing consent blocks (shown on the consent tab).
STEP_COLLECTION = QT_TRANSLATE_NOOP(
    "ConsentSteps", "Step 1: consent to collection and use. Missing: no sensitive-information consent, no "
                    "consent for a partner and no letter can be recorded or made.")
STEP_SENSITIVE = QT_TRANSLATE_NOOP(
    "ConsentSteps", "Step 2: sensitive-information consent (health). Missing: health items and scores go "
                    "to no institution.")
STEP_PROVISION = QT_TRANSLATE_NOOP(
    "ConsentSteps", "Step 3: a consent for each institution you refer to. Missing: no letter to that "
                    "institution.")
STEPS_DONE = QT_TRANSLATE_NOOP(
    "ConsentSteps", "Collection, sensitive information and at least one institution: consents are in place.")


@dataclass(frozen=True)
class HowGiven:
    on: date
    method: str = "signed"
    witness: str = ""
    guardian_name: str = ""
    guardian_relationship: str = ""


@dataclass(frozen=True)
class ProvisionConsent:
    record_id: str
    partner_id: str
    items: frozenset[str]
    purpose: str
    retention: str
    override_reason: str = ""


@dataclass
class ConsentStatus:
    collection: bool = False
    sensitive: bool = False
    provisions: dict[str, ProvisionConsent] = field(default_factory=dict)
    withdrawn: list[dict[str, Any]] = field(default_factory=list)


def missing_steps(status: "ConsentStatus") -> list[str]:
    """The consent steps still missing, in the order they must be taken (message ids of
    context "ConsentSteps"); empty when all are there."""
    steps = []
    if not status.collection:
        steps.append(STEP_COLLECTION)
    if not status.sensitive:
        steps.append(STEP_SENSITIVE)
    if not any(not p.override_reason for p in status.provisions.values()):
        steps.append(STEP_PROVISION)
    return steps


def _active(document: dict[str, Any]) -> bool:
    return bool(document.get("given")) and not document.get("withdrawn")


class ConsentService:
    def __init__(self, session: Session) -> None:
        self._session = session

    # -- recording ---------------------------------------------------------------------------
    def _base(self, case_ref: str, how: HowGiven) -> dict[str, Any]:
        if how.method not in METHODS:
            raise E.UsageError(MSG_BAD_METHOD, method=how.method)
        witness = clean_text(how.witness).strip()
        if how.method == "verbal_witness" and not witness:
            raise E.UsageError(MSG_NEEDS_WITNESS)
        birth = parse_date(self._session.cases.get(case_ref).person.get("birth_date"))
        guardian = clean_text(how.guardian_name).strip()
        relationship = clean_text(how.guardian_relationship).strip()
        if birth and age_on(birth, how.on) < GUARDIAN_AGE and not (guardian and relationship):
            raise E.UsageError(MSG_NEEDS_GUARDIAN)
        return {
            "given": True, "date": how.on.isoformat(), "method": how.method, "witness": witness,
            "guardian": {"name": guardian, "relationship": relationship} if guardian else None,
            "taken_by": self._session.account_id, "withdrawn": None,
        }

    def record_collection(self, case_ref: str, how: HowGiven) -> Record:
        return self._session.records.add("consent", case_ref, {"type": "collection", **self._base(case_ref, how)},
                                         action="consent.record")

    def _require_collection(self, case_ref: str) -> "ConsentStatus":
        status = self.status(case_ref)
        if not status.collection:
            raise E.UsageError(MSG_COLLECTION_FIRST)
        return status

    def sensitive_items(self, items: Iterable[str]) -> dict[str, str]:
        """Those of `items` that need the sensitive-information consent (health, crime, and the
        scores of health instruments), by the vault's current intake form."""
        from intake_desktop.letters.model import SENSITIVE
        from intake_desktop.services.forms import INTAKE_FORM_ID
        from intake_desktop.services.letters import field_meta_for

        meta = field_meta_for(self._session.forms.get(INTAKE_FORM_ID))
        return {i: meta[i].label_ko for i in items if i in meta and meta[i].sensitivity_value in SENSITIVE}

    def record_sensitive(self, case_ref: str, how: HowGiven) -> Record:
        self._require_collection(case_ref)
        return self._session.records.add("consent", case_ref, {"type": "sensitive", **self._base(case_ref, how)},
                                         action="consent.record")

    def record_provision(self, case_ref: str, partner_ref: str, items: list[str], purpose: str,
                         retention: str, how: HowGiven) -> Record:
        partner = self._session.partners.get(partner_ref)
        items = sorted({clean_text(i).strip() for i in items if i and i.strip()})
        if not items:
            raise E.UsageError(MSG_NO_ITEMS)
        status = self._require_collection(case_ref)
        sensitive = self.sensitive_items(items)
        if sensitive and not status.sensitive:
            raise E.UsageError(MSG_SENSITIVE_FIRST, items=", ".join(sensitive.values()))
        purpose, retention = clean_text(purpose).strip(), clean_text(retention).strip()
        if not purpose or not retention:
            raise E.UsageError(MSG_NEEDS_PURPOSE)
        document = {
            "type": "provision", "partner_id": partner.id, "partner_name": partner.label("ko"),
            "items": items, "purpose": purpose, "retention": retention, **self._base(case_ref, how),
        }
        return self._session.records.add("consent", case_ref, document, action="consent.record")

    def withdraw(self, case_ref: str, record_id: str, on: date, requested_by: str) -> Record:
        """Stop the consent from counting; future letters that need it are blocked."""
        record = next((r for r in self._session.records.records("consent", case_ref) if r.id == record_id), None)
        if record is None:
            raise E.ServiceError(E.MSG_CASE_NOT_FOUND, case=record_id)
        if record.document.get("withdrawn"):
            raise E.UsageError(MSG_ALREADY_WITHDRAWN)
        document = dict(record.document)
        document["withdrawn"] = {
            "date": on.isoformat(), "requested_by": clean_text(requested_by).strip(),
            "recorded_by": self._session.account_id,
        }
        return self._session.records.replace("consent", record, document, action="consent.withdraw")

    def override(self, case_ref: str, partner_ref: str, reason: str, items: list[str]) -> Record:
        """A supervisor allows one letter without the provision consent, with a written reason."""
        self._session.require_role(Role.SUPERVISOR)
        reason = clean_text(reason, multiline=True).strip()
        if not reason:
            raise E.UsageError(MSG_NEEDS_REASON)
        partner = self._session.partners.get(partner_ref)
        document = {
            "type": "override", "partner_id": partner.id, "partner_name": partner.label("ko"),
            "items": sorted(set(items)), "reason": reason, "given": True, "used": False,
            "date": dates.today().isoformat(), "taken_by": self._session.account_id, "withdrawn": None,
        }
        return self._session.records.add("consent", case_ref, document, action="consent.override")

    def use_override(self, db: DbSession, record_id: str, *, letter_id: str, number: str) -> None:
        """Mark a supervisor override as spent by one letter, inside the caller's transaction
        (version-checked: ConflictError if it changed or was spent meanwhile)."""
        from sqlalchemy import CursorResult, update
        from sqlmodel import col

        from intake_desktop.storage.models import Consent, utcnow

        row = db.get(Consent, record_id)
        if row is None:
            raise E.ConflictError(E.MSG_CONFLICT)
        sealer = self._session.sealer
        document = sealer.open("consent", row.id, row.version, row.data, owner=row.case_id)
        if document.get("type") != "override" or document.get("used") or document.get("withdrawn"):
            raise E.ConflictError(E.MSG_CONFLICT)
        document["used"] = True
        document["used_for"] = {"letter_id": letter_id, "number": number, "on": dates.today().isoformat(),
                                "by": self._session.account_id}
        new_version = row.version + 1
        result = db.execute(
            update(Consent).where(col(Consent.id) == row.id, col(Consent.version) == row.version)
            .values(version=new_version, updated_at=utcnow(),
                    data=sealer.seal("consent", row.id, new_version, document, owner=row.case_id))
        )
        if cast(CursorResult[Any], result).rowcount != 1:
            raise E.ConflictError(E.MSG_CONFLICT)
        self._session.audit.record("consent.override_used", case_id=row.case_id,
                                   details={"record": row.id, "letter": letter_id, "number": number}, db=db)

    # -- reading -----------------------------------------------------------------------------
    def status(self, case_ref: str) -> ConsentStatus:
        status = ConsentStatus()
        for record in self._session.records.records("consent", case_ref):
            doc = record.document
            if doc.get("withdrawn"):
                status.withdrawn.append(doc)
            if not _active(doc):
                continue
            if doc.get("type") == "collection":
                status.collection = True
            elif doc.get("type") == "sensitive":
                status.sensitive = True
            elif doc.get("type") == "provision" or (doc.get("type") == "override" and not doc.get("used")):
                known = status.provisions.get(doc["partner_id"])
                if doc.get("type") == "override" and known is not None and not known.override_reason:
                    continue  # a real consent is there: the override is not spent on this letter
                status.provisions[doc["partner_id"]] = ProvisionConsent(
                    record.id, doc["partner_id"], frozenset(doc.get("items", ())),
                    doc.get("purpose", ""), doc.get("retention", ""), doc.get("reason", ""),
                )
        return status

    def require_for_letter(self, case_ref: str, partner_ref: str) -> tuple[ConsentStatus, ProvisionConsent]:
        """The consent a letter to this partner rests on, or DeniedError naming what is missing."""
        partner = self._session.partners.get(partner_ref)
        status = self.status(case_ref)
        if not status.collection:
            raise E.DeniedError(MSG_NO_COLLECTION)
        provision = status.provisions.get(partner.id)
        if provision is None:
            raise E.DeniedError(MSG_NO_PROVISION, partner=partner.label("ko"))
        return status, provision
