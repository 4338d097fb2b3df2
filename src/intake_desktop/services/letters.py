"""Referral letters (연계 의뢰서) and consent forms for a case: prepare, issue, reprint, register.

A letter carries ONLY what the young person consented to give that partner (개인정보 보호법
art. 17(2)). The filter itself lives in `letters.compose_letter`; this service feeds it the
facts of one case, the field policies of the form version the intake was filled in, and the
provision consent for that one partner — and refuses outright (DeniedError, exit code 3,
naming what is missing) when there is no valid consent.

    prepared = session.letters.prepare(case, partner, ReferralDetails(reason=...))   # preview
    issued = session.letters.issue(prepared)                                          # register
    pdf = session.letters.reprint(issued.letter_id)                                   # identical

Preparing stores nothing. Issuing writes, in ONE transaction: the register row (number, case,
partner, counsellor, SHA-256 of the PDF, and the encrypted render inputs), the spent
supervisor override if the letter rests on one, a referral record (status `sent`) and the
`letter.issue` access record.

Numbering (시행 number, `기지개-17`): the centre's short name, a dash and a running number
that is never reset and never reused. n = 1 + the highest number issued under that short name,
counting both the register and a high-water mark in vault_meta (`letter_sequence`), so a
number stays spent even after the letter row is destroyed with its case. Not reset per year:
the register's `number` is unique, a reply quoting `기지개-17` must name one letter only, and
the printed number always carries its date anyway: `기지개-17 (2025. 5. 20.)`.

Reprinting renders the stored `LetterContent` again (not the case as it is today: a reprint
is a copy of what was sent) and checks the SHA-256 against the register: a mismatch means the
register or its inputs were changed (DamagedError, exit 4) — unless the fonts the letter was
made with are no longer installed, which is said as such.

Why this module is longer than ~500 lines: it is the one service that issues letters, and the
rule it keeps — nothing leaves without the matching consent, and prepare/issue/reprint/register
agree on one numbering and one stored content — reads best in one place. What could stand
alone already does: the letter's content (letters/), its stored JSON (services/letter_json.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Iterable, Sequence

from sqlalchemy import select
from sqlalchemy import exc as sa_exc

from intake_desktop.domain import dates
from intake_desktop import formdefs
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.domain.cases import PERSON_FIELDS, parse_date
from intake_desktop.domain.enums import Role
from intake_desktop.domain.korean import initials_of
from intake_desktop.formdefs import FieldType, FormDefinition
from intake_desktop.formdefs.fieldindex import field_index
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.letters import (
    ConsentFormContent, FieldMeta, FontNotFoundError, LetterContent, LetterFonts, LetterPolicyError,
    Omission, PartnerKind, Recipient, ReferralDetails, ReplySlipContent, Signatory,
    TemplateError, collection_part, compose_letter, load_fonts, load_template, recipient_consent_for,
    render_consent_form, render_letter, render_reply_slip, sensitive_part,
)
from intake_desktop.letters.compose import is_answered, offerable_fields
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.services.vault_meta import json_object
from intake_desktop.services.forms import INTAKE_FORM_ID
from intake_desktop.services.letter_json import (
    content_from_json, content_to_json, details_to_json,
)
from intake_desktop.services.partners import PartnerInfo
from intake_desktop.services.sync import numbers
from intake_desktop.storage.models import (
    Account, CaseFile, IntakeRecord, Letter, Referral, VaultMeta, new_id, utcnow,
)

DATA_FORMAT = 1
SEQUENCE_KEY = "letter_sequence"  # vault_meta: {"기지개-": highest number ever issued}
MAX_ISSUE_ATTEMPTS = 20
SENSITIVE = frozenset({"health", "crime"})

MSG_LETTER_INCOMPLETE = QT_TRANSLATE_NOOP("Errors", "The letter cannot be made: {problem}.")
MSG_TEMPLATE_BROKEN = QT_TRANSLATE_NOOP("Errors", "A letter template is broken: {problem}")
MSG_NO_FONT = QT_TRANSLATE_NOOP(
    "Errors", "No Korean font that can be embedded in a PDF was found. Install Malgun Gothic, "
              "Apple SD Gothic Neo or NanumGothic (fonts-nanum) and try again."
)
MSG_FORM_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "The form version this intake was filled in ({form} v{version}) is not available."
)
MSG_PARTNER_INACTIVE = QT_TRANSLATE_NOOP("Errors", "{partner} is no longer in the partner directory.")
MSG_UNKNOWN_KIND = QT_TRANSLATE_NOOP("Errors", "There is no letter template for partners of kind {kind}.")
MSG_CONSENT_CHANGED = QT_TRANSLATE_NOOP(
    "Errors", "The consent for {partner} changed after the letter was prepared. Prepare it again; nothing was issued."
)
MSG_LETTER_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "There is no letter {letter} in the register.")
MSG_FONT_CHANGED = QT_TRANSLATE_NOOP(
    "Errors", "Letter {number} was made with the font {font}, which is not in use now: an identical copy cannot "
              "be printed. Install that font or choose it in the settings."
)
MSG_TOO_BUSY = QT_TRANSLATE_NOOP("Errors", "No free letter number could be taken. Try again.")


# ---------------------------------------------------------------------------------------------
# Plain data handed to the UI / CLI

@dataclass(frozen=True)
class ConsentBasis:
    """The consent a letter rests on (what issue() re-checks)."""

    record_id: str
    items: frozenset[str]
    sensitive: bool
    override: bool  # a supervisor's one-letter override, spent when the letter is issued


@dataclass(frozen=True)
class PreparedLetter:
    """A letter ready for preview: nothing is stored yet."""

    case_id: str
    case_number: str
    partner_id: str
    partner_key: str
    partner_kind: str
    partner_name: str
    number: str
    issue_date: date
    details: ReferralDetails
    content: LetterContent
    pdf: bytes
    sha256: str
    consent: ConsentBasis
    form_id: str
    form_version: int
    intake_record_id: str | None = None
    reply_slip: ReplySlipContent | None = None  # printed as the letter's last page

    @property
    def included_fields(self) -> tuple[str, ...]:
        return self.content.included_fields

    @property
    def omitted(self) -> tuple[Omission, ...]:
        return self.content.omitted


@dataclass(frozen=True)
class IssuedLetter:
    letter_id: str
    number: str
    issue_date: date
    case_id: str
    partner_id: str
    referral_id: str
    sha256: str
    pdf: bytes
    content: LetterContent
    renumbered: bool = False  # the previewed number was taken meanwhile; this one has the next


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the letters register (발송 대장)."""

    letter_id: str
    number: str
    issue_date: date
    recipient_name: str
    partner_id: str | None
    case_id: str
    case_number: str
    counsellor_id: str
    counsellor_name: str
    sha256: str
    created_at: datetime


def font_identity(fonts: LetterFonts) -> dict:
    """Which font files drew the letter (file names only: no user folders in the register)."""
    choice = fonts.choice
    if choice is None:
        return {"regular": fonts.regular, "bold": fonts.bold}
    return {"regular": f"{choice.regular.path.name}#{choice.regular.subfont}",
            "bold": f"{choice.bold.path.name}#{choice.bold.subfont}"}


# ---------------------------------------------------------------------------------------------
# From the form and the case to what compose_letter needs

def field_meta_for(form: FormDefinition, scores: formdefs.ScoreReport | None = None) -> dict[str, FieldMeta]:
    """FieldMeta for every answerable field of the form (instrument items take the policy of
    the intake field embedding them) and for its score fields (type `score`)."""
    index = field_index(form).entries
    meta: dict[str, FieldMeta] = {}
    for fid, policy in formdefs.field_policies(form).items():
        fdef = index[fid].field
        choices = {str(o.value): o.label.ko for o in (fdef.options or [])}
        meta[fid] = FieldMeta(policy.label.ko, policy.sensitivity.value,
                              frozenset(r.value for r in policy.shareable_with), fdef.type.value, choices)
    notes = {}
    if scores is not None:
        for inst in scores.instruments:
            if inst.translation_validated is False and inst.translation_note is not None:
                notes[inst.instrument_id] = inst.translation_note.ko
    for fid, entry in index.items():
        fdef = entry.field
        if fdef.type is FieldType.SCORE:
            instrument = (fdef.scale or fid).split(".")[0]
            meta[fid] = FieldMeta(fdef.label.ko, fdef.sensitivity.value,
                                  frozenset(r.value for r in fdef.shareable_with), "score",
                                  note=notes.get(instrument, ""))
    return meta


def score_facts(form: FormDefinition, scores: formdefs.ScoreReport) -> dict[str, int]:
    """`<instrument>_total_score` for every administered instrument, plus each score field of
    the form (`scale: hq25.total`) that could be scored."""
    by_scale = {}
    facts: dict[str, int] = {}
    for inst in scores.instruments:
        if not inst.administered:
            continue
        for scale in (inst.total, *inst.subscales):
            if scale.scorable and scale.score is not None:
                by_scale[f"{inst.instrument_id}.{scale.scale_id}"] = scale.score
        if inst.total.scorable and inst.total.score is not None:
            facts[f"{inst.instrument_id}_total_score"] = inst.total.score
    for fid, entry in field_index(form).entries.items():
        if entry.field.type is FieldType.SCORE and entry.field.scale in by_scale:
            facts[fid] = by_scale[entry.field.scale]
    return facts


def case_facts(person: dict, answers: dict, score_values: dict | None = None) -> dict[str, Any]:
    """The intake answers, the instrument scores, and the person document on top (it is the
    record kept up to date: a changed mobile number is printed as it is now)."""
    facts = dict(answers or {})
    facts.update(score_values or {})
    for key in PERSON_FIELDS:
        value = (person or {}).get(key)
        if is_answered(value):
            facts[key] = value
    return facts


def recipient_for(partner: PartnerInfo) -> Recipient:
    """수신: the partner's head as addressee, with its department in brackets. When the addressee
    is the head of a parent body (동작구청장 for 노량진 청년 일자리센터, run by 동작구청) the
    institution itself goes in the brackets, so the letter reaches it: 동작구청장(노량진 청년 일자리센터)."""
    name = partner.label("ko")
    addressee = partner.addressee.get("ko") or name
    department = partner.department.get("ko", "") if isinstance(partner.department, dict) else ""
    if department and addressee.startswith(department):
        department = ""  # 동작구청 under 동작구청장 says nothing new
    if not department and name not in addressee:
        department = name
    return Recipient(partner.kind, name, addressee, department=department)


def _section_title(title: str) -> str:
    """'2. 인적 사항' -> '인적 사항'."""
    head, _, rest = title.partition(" ")
    return rest.strip() if rest and head.rstrip(".").isdigit() else title.strip()


def slip_for(content: LetterContent, initials: str) -> ReplySlipContent:
    """The reply slip of a letter: its number, date, recipient and sender, and the initials."""
    return ReplySlipContent(number=content.number, issue_date=content.issue_date,
                            recipient_name=content.recipient.name, initials=initials, sender=content.sender,
                            reply_by=content.reply_by)


def _stored_slip(document: dict, content: LetterContent) -> ReplySlipContent | None:
    slip = document.get("reply_slip")
    return slip_for(content, str(slip.get("initials", ""))) if isinstance(slip, dict) else None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _template(kind: str):
    if kind not in {k.value for k in PartnerKind}:
        raise E.UsageError(MSG_UNKNOWN_KIND, kind=kind)
    try:
        return load_template(kind)
    except TemplateError as exc:
        raise E.ServiceError(MSG_TEMPLATE_BROKEN, problem=str(exc)) from exc


# ---------------------------------------------------------------------------------------------

class LettersService:
    """`session.letters`."""

    def __init__(self, session) -> None:
        self._session = session
        self._fonts: LetterFonts | None = None

    # -- fonts ----------------------------------------------------------------------------------
    @property
    def fonts(self) -> LetterFonts:
        if self._fonts is None:
            try:
                self._fonts = load_fonts()
            except FontNotFoundError as exc:
                raise E.ServiceError(MSG_NO_FONT) from exc
        return self._fonts

    @fonts.setter
    def fonts(self, value: LetterFonts | None) -> None:
        """The UI sets the fonts chosen in the settings (None: look them up again)."""
        self._fonts = value

    # -- the case's form and facts -----------------------------------------------------------
    def _latest_intake(self, case_id: str) -> IntakeRecord | None:
        with self._session.db() as db:
            return db.exec(select(IntakeRecord).where(IntakeRecord.case_id == case_id)
                           .order_by(IntakeRecord.created_at.desc(), IntakeRecord.id.desc()).limit(1)
                           ).scalars().first()

    def _form_of(self, row: IntakeRecord | None) -> FormDefinition:
        forms = self._session.forms
        if row is None:
            return forms.get(INTAKE_FORM_ID)
        try:
            return forms.registry().get_by_hash(row.form_hash)
        except KeyError:
            pass
        try:
            return forms.get(row.form_id, row.form_version)
        except KeyError as exc:
            raise E.ServiceError(MSG_FORM_MISSING, form=row.form_id, version=row.form_version) from exc

    def case_material(self, case_ref: str):
        """(case detail, form, intake row, facts, field_meta) of a case the account may read."""
        detail = self._session.cases.get(case_ref)
        row = self._latest_intake(detail.case_id)
        form = self._form_of(row)
        answers: dict = {}
        if row is not None:
            with faults.storage_errors(self._session.vault.db_path):
                answers = self._session.sealer.open("intake_record", row.id, row.version, row.data, owner=row.case_id)
        scores = formdefs.score_form(form, answers)
        facts = case_facts(detail.person, answers, score_facts(form, scores))
        return detail, form, row, facts, field_meta_for(form, scores)

    # -- numbers --------------------------------------------------------------------------------
    def _high_water(self, db) -> dict[str, int]:
        return {str(k): int(v) for k, v in json_object(db, SEQUENCE_KEY).items()}

    def _next_number(self, db, short_name: str) -> tuple[str, int]:
        prefix = f"{short_name}-"
        highest = self._high_water(db).get(prefix, 0)
        if numbers.in_centre(db):  # one of many PCs: only numbers reserved from the server
            n = numbers.next_in_blocks(db, numbers.letter_kind(prefix), numbers.used_letter_numbers(db, prefix),
                                       floor=highest)
            return f"{prefix}{n}", n
        for (number,) in db.execute(select(Letter.number).where(Letter.number.startswith(prefix, autoescape=True))):
            tail = number[len(prefix):]
            if tail.isdigit():
                highest = max(highest, int(tail))
        n = highest + 1
        return f"{prefix}{n}", n

    def next_number(self) -> str:
        """The number the next letter will get (for display; issue() takes it for real)."""
        with self._session.db() as db:
            return self._next_number(db, self._session.centre.profile().short_name)[0]

    # -- prepare --------------------------------------------------------------------------------
    def prepare(self, case_ref: str, partner_ref: str, details: ReferralDetails, *,
                issue_date: date | None = None, signatories: Sequence[Signatory] | None = None,
                reply_slip: bool = True) -> PreparedLetter:
        """Compose and render a letter for preview. DeniedError (naming the partner or the
        missing consent) when there is no valid consent; nothing is stored. `reply_slip`: the
        partner's reply slip (회신서, initials only) is the letter's last page."""
        partner = self._session.partners.get(partner_ref)
        if not partner.active:
            raise E.UsageError(MSG_PARTNER_INACTIVE, partner=partner.label("ko"))
        template = _template(partner.kind)
        status, provision = self._session.consent.require_for_letter(case_ref, partner.id)
        sender = self._session.centre.reply_profile()  # a letter the partner cannot answer is not made
        detail, form, row, facts, field_meta = self.case_material(case_ref)
        if signatories is None:
            signatories = self._session.centre.default_signatories()
        issue_date = issue_date or dates.today()
        with self._session.db() as db:
            number, _ = self._next_number(db, sender.short_name)
        basis = ConsentBasis(provision.record_id, frozenset(provision.items), bool(status.sensitive),
                             bool(provision.override_reason))
        try:
            content = compose_letter(template, recipient_for(partner), sender, facts, field_meta, basis.items,
                                     basis.sensitive, details, number, issue_date, tuple(signatories))
        except LetterPolicyError as exc:
            raise E.UsageError(MSG_LETTER_INCOMPLETE, problem=str(exc)) from exc
        slip = slip_for(content, initials_of(str(detail.person.get("name") or ""))) if reply_slip else None
        pdf = render_letter(content, self.fonts, reply_slip=slip)
        return PreparedLetter(
            case_id=detail.case_id, case_number=detail.case_number, partner_id=partner.id, partner_key=partner.key,
            partner_kind=partner.kind, partner_name=partner.label("ko"), number=content.number,
            issue_date=issue_date, details=details, content=content, pdf=pdf, sha256=_sha256(pdf), consent=basis,
            form_id=form.id, form_version=form.version, intake_record_id=row.id if row is not None else None,
            reply_slip=slip,
        )

    # -- issue ----------------------------------------------------------------------------------
    def _check_consent_unchanged(self, prepared: PreparedLetter) -> None:
        status, provision = self._session.consent.require_for_letter(prepared.case_id, prepared.partner_id)
        basis = prepared.consent
        if (provision.record_id != basis.record_id or frozenset(provision.items) != basis.items
                or bool(status.sensitive) != basis.sensitive):
            raise E.ServiceError(MSG_CONSENT_CHANGED, partner=prepared.partner_name)

    def _renumbered(self, prepared: PreparedLetter, number: str) -> PreparedLetter:
        content = replace(prepared.content, number=number)
        slip = replace(prepared.reply_slip, number=number) if prepared.reply_slip else None
        pdf = render_letter(content, self.fonts, reply_slip=slip)
        return replace(prepared, number=number, content=content, pdf=pdf, sha256=_sha256(pdf), reply_slip=slip)

    def issue(self, prepared: PreparedLetter) -> IssuedLetter:
        """Put a prepared letter in the register (see the module docstring). If its number was
        taken meanwhile it gets the next free one (and is rendered again with it)."""
        self._check_consent_unchanged(prepared)
        fonts = self.fonts
        current = prepared
        short_name = prepared.content.sender.short_name
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path):
            for _attempt in range(MAX_ISSUE_ATTEMPTS):
                with self._session.db() as db:
                    case_row = self._session.cases.case_row(db, current.case_id)
                    number, n = self._next_number(db, short_name)
                    if number != current.number:
                        current = self._renumbered(current, number)
                    letter_id, referral_id = new_id(), new_id()
                    document = {
                        "format": DATA_FORMAT,
                        "content": content_to_json(current.content),
                        "details": details_to_json(current.details),
                        "fonts": font_identity(fonts),
                        "partner": {"id": current.partner_id, "key": current.partner_key, "kind": current.partner_kind,
                                    "name": current.partner_name},
                        "consent": {"record_id": current.consent.record_id, "items": sorted(current.consent.items),
                                    "sensitive": current.consent.sensitive, "override": current.consent.override},
                        "form": {"id": current.form_id, "version": current.form_version,
                                 "intake_record_id": current.intake_record_id},
                        "referral_id": referral_id,
                        # the slip is part of the PDF (and its SHA-256): a reprint needs it again
                        "reply_slip": ({"initials": current.reply_slip.initials}
                                       if current.reply_slip is not None else None),
                    }
                    db.add(Letter(id=letter_id, number=number, case_id=case_row.id, partner_id=current.partner_id,
                                  created_by=self._session.account_id, pdf_sha256=current.sha256, version=1,
                                  data=sealer.seal("letter", letter_id, 1, document, owner=case_row.id)))
                    try:
                        db.flush()
                    except sa_exc.IntegrityError:
                        db.rollback()  # the number was taken in between: take the next one
                        continue
                    if current.consent.override:
                        self._session.consent.use_override(db, current.consent.record_id,
                                                           letter_id=letter_id, number=number)
                    today = current.issue_date.isoformat()
                    referral = {
                        "status": "sent", "partner_id": current.partner_id, "partner_name": current.partner_name,
                        "partner_kind": current.partner_kind, "letter_id": letter_id, "letter_number": number,
                        "sent_on": today,
                        "reply_by": current.details.reply_by.isoformat() if current.details.reply_by else None,
                        "reply": None, "note": "",
                        "history": [{"from": None, "to": "sent", "on": today, "at": utcnow().isoformat(),
                                     "by": self._session.account_id, "note": "", "reply_date": None}],
                    }
                    db.add(Referral(id=referral_id, case_id=case_row.id, created_by=self._session.account_id,
                                    status="sent", version=1,
                                    data=sealer.seal("referral", referral_id, 1, referral, owner=case_row.id)))
                    marks = self._high_water(db)
                    marks[f"{short_name}-"] = max(n, marks.get(f"{short_name}-", 0))
                    db.merge(VaultMeta(key=SEQUENCE_KEY, value=json.dumps(marks, ensure_ascii=False, sort_keys=True)))
                    self._session.audit.record("letter.issue", case_id=case_row.id, db=db, details={
                        "letter": letter_id, "number": number, "partner": current.partner_key,
                        "sha256": current.sha256, "included": list(current.content.included_fields),
                        "override": current.consent.override, "referral": referral_id,
                    })
                    db.commit()
                    return IssuedLetter(letter_id, number, current.issue_date, case_row.id, current.partner_id,
                                        referral_id, current.sha256, current.pdf, current.content,
                                        renumbered=number != prepared.number)
        raise E.ServiceError(MSG_TOO_BUSY)

    # -- register and reprint ------------------------------------------------------------------
    def _letter_row(self, db, letter_ref: str) -> Letter:
        row = db.get(Letter, letter_ref)
        if row is None:
            row = db.exec(select(Letter).where(Letter.number == letter_ref)).scalars().first()
        if row is None:
            raise E.UsageError(MSG_LETTER_NOT_FOUND, letter=letter_ref)
        self._session.cases.case_row(db, row.case_id)  # the same access rule as the case
        return row

    def stored(self, letter_ref: str) -> dict:
        """The decrypted register document of one letter (content, details, consent basis)."""
        with self._session.db() as db:
            row = self._letter_row(db, letter_ref)
        return self._open(row)

    def _open(self, row: Letter) -> dict:
        try:
            return self._session.sealer.open("letter", row.id, row.version, row.data, owner=row.case_id)
        except TamperedError as exc:
            raise E.DamagedError() from exc

    def _stored_letter(self, letter_ref: str) -> tuple[Letter, dict, LetterContent]:
        """The register row of a letter, its decrypted document and the content it was printed from."""
        with self._session.db() as db:
            row = self._letter_row(db, letter_ref)
        document = self._open(row)
        try:
            return row, document, content_from_json(document["content"])
        except (KeyError, TypeError, ValueError) as exc:
            raise E.DamagedError() from exc

    def reprint(self, letter_ref: str) -> bytes:
        """The identical PDF again, from the register's stored inputs; the SHA-256 must match."""
        row, document, content = self._stored_letter(letter_ref)
        fonts = self.fonts
        pdf = render_letter(content, fonts, reply_slip=_stored_slip(document, content))
        if _sha256(pdf) != row.pdf_sha256:
            made_with = document.get("fonts") or {}
            if made_with and made_with != font_identity(fonts):
                raise E.ServiceError(MSG_FONT_CHANGED, number=row.number, font=made_with.get("regular", "?"))
            raise E.DamagedError()
        self._session.audit.record("letter.print", case_id=row.case_id,
                                   details={"letter": row.id, "number": row.number})
        return pdf

    def reply_slip(self, letter_ref: str) -> bytes:
        """The reply slip (회신서) of an issued letter on its own, for a partner that lost it or a
        letter issued without one. The initials are those printed with the letter, or (a letter
        without a slip) the person's initials now."""
        row, document, content = self._stored_letter(letter_ref)
        slip = _stored_slip(document, content)
        if slip is None:
            person = self._session.cases.get(row.case_id).person
            slip = slip_for(content, initials_of(str(person.get("name") or "")))
        pdf = render_reply_slip(slip, self.fonts)
        self._session.audit.record("reply_slip.print", case_id=row.case_id,
                                   details={"letter": row.id, "number": row.number})
        return pdf

    def register(self, case_ref: str | None = None) -> list[RegisterEntry]:
        """The letters register, oldest first: every letter of the cases this account may read
        (or of one case)."""
        with self._session.db() as db:
            query = (select(Letter, CaseFile.case_number).join(CaseFile, CaseFile.id == Letter.case_id)
                     .order_by(Letter.created_at, Letter.number))
            case_id = None
            if case_ref is not None:
                case_id = self._session.cases.case_row(db, case_ref).id
                query = query.where(Letter.case_id == case_id)
            elif not self._session.has_role(Role.SUPERVISOR):
                query = self._session.cases._visible_filter(query)
            rows = db.execute(query).all()
            names = {a.id: a.display_name for a in db.exec(select(Account)).scalars()}
        entries = []
        for letter, case_number in rows:
            document = self._open(letter)
            content = document.get("content", {})
            entries.append(RegisterEntry(
                letter_id=letter.id, number=letter.number,
                issue_date=date.fromisoformat(content.get("issue_date") or letter.created_at.date().isoformat()),
                recipient_name=(content.get("recipient") or {}).get("name", ""), partner_id=letter.partner_id,
                case_id=letter.case_id, case_number=case_number, counsellor_id=letter.created_by,
                counsellor_name=names.get(letter.created_by, ""), sha256=letter.pdf_sha256,
                created_at=letter.created_at,
            ))
        self._session.audit.record("letter.register", case_id=case_id, details={"count": len(entries)})
        return entries

    # -- consent form ---------------------------------------------------------------------------
    def consent_form(self, case_ref: str, partner_refs: Iterable[str] | None = None, *,
                     issue_date: date | None = None) -> bytes:
        """The printable consent form for a case: the person's name and birth date filled in, a
        guardian line when they are under 14, and one block per partner (by default every active
        partner but the centre itself) listing the fields that partner may ever receive."""
        detail, form, _row, _facts, field_meta = self.case_material(case_ref)
        organisation = self._session.centre.profile()
        issue_date = issue_date or dates.today()
        explicit = partner_refs is not None
        if explicit:
            partners = [self._session.partners.get(ref) for ref in partner_refs]
        else:
            partners = self._session.partners.letter_recipients()
        blocks = []
        for partner in partners:
            template = _template(partner.kind)
            if not explicit and not offerable_fields(template, field_meta):
                continue
            blocks.append(recipient_consent_for(template, recipient_for(partner), field_meta))
        collected, sensitive = self._collected_items(form)
        content = ConsentFormContent(
            organisation=organisation, issue_date=issue_date, collection=collection_part(collected),
            recipients=tuple(blocks), sensitive=sensitive_part(sensitive),
            person_name=str(detail.person.get("name") or ""), birth_date=parse_date(detail.person.get("birth_date")),
        )
        pdf = render_consent_form(content, self.fonts)
        self._session.audit.record("consent_form.print", case_id=detail.case_id,
                                   details={"partners": [p.key for p in partners]})
        return pdf

    @staticmethod
    def _collected_items(form: FormDefinition) -> tuple[list[str], list[str]]:
        """What the form collects, grouped by its sections — `인적 사항(이름, 생년월일, …)` —
        split into personal items and sensitive ones (health, crime). An instrument counts once,
        under its own label; fields the form marks as not personal (sensitivity none) are left out."""
        groups: dict[tuple[str, bool], list[str]] = {}
        order: list[tuple[str, bool]] = []
        seen: set[str] = set()
        for entry in field_index(form).entries.values():
            owner = entry.instrument_field or entry.field
            if owner.id in seen or entry.field.type in (FieldType.SCORE, FieldType.NOTE):
                continue
            if not (entry.answerable or entry.field.type is FieldType.INSTRUMENT):
                continue
            seen.add(owner.id)
            sensitivity = owner.sensitivity.value
            if sensitivity == "none":
                continue
            section = next((s for s in form.sections if any(f.id == owner.id for f in s.fields)), entry.section)
            key = (_section_title(section.title.ko), sensitivity in SENSITIVE)
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(owner.label.ko.strip().rstrip("?").strip())
        personal = [f"{title}({', '.join(groups[(title, s)])})" for title, s in order if not s]
        sensitive = [f"{title}({', '.join(groups[(title, s)])})" for title, s in order if s]
        return personal, sensitive

    def forget(self) -> None:
        pass  # nothing decrypted is kept between calls
