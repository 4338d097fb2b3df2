"""Referrals and the partner's reply (회신): the status of each referral, with its history.

    작성 draft → 발송 sent → 접수 확인 received → 서비스 중 in_service → 완료 done
                        ↘ 거절 declined ↙ (from sent or received)

Issuing a letter creates a referral in `sent` (services/letters.py, same transaction). The
status is kept twice, in step: in the encrypted document (with the history: who changed it,
when, the note, the date of the partner's reply) and in the clear `status` column, which only
says where the referral stands (threat model) so the home screen can find the referrals still
waiting for a reply without decrypting every one. A row whose clear status disagrees with its
authenticated document has been tampered with (DamagedError).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select, update

from intake_desktop.domain import dates
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.domain.cases import parse_date
from intake_desktop.domain.korean import clean_text
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.storage.models import CaseFile, Referral, utcnow

DRAFT, SENT, RECEIVED, IN_SERVICE, DONE, DECLINED = "draft", "sent", "received", "in_service", "done", "declined"
STATUSES = (DRAFT, SENT, RECEIVED, IN_SERVICE, DONE, DECLINED)
TRANSITIONS: dict[str, frozenset[str]] = {
    DRAFT: frozenset({SENT}),
    SENT: frozenset({RECEIVED, DECLINED}),
    RECEIVED: frozenset({IN_SERVICE, DECLINED}),
    IN_SERVICE: frozenset({DONE}),
    DONE: frozenset(),
    DECLINED: frozenset(),
}
# Statuses that mean the partner has answered (their date is the reply date).
REPLY_STATUSES = frozenset({RECEIVED, IN_SERVICE, DONE, DECLINED})
LABELS_KO = {DRAFT: "작성", SENT: "발송", RECEIVED: "접수 확인", IN_SERVICE: "서비스 중", DONE: "완료", DECLINED: "거절"}
MAX_NOTE = 4000
MAX_SLIP_TEXT = 400

# What a returned reply slip (회신서) says: its 연계 결과 box, and where that leaves the referral.
# A person the partner could not reach did not take up the service: the referral ends as
# declined (거절) like a refusal; the slip keeps which of the two it was.
JOINED, NOT_JOINED, UNREACHABLE = "joined", "declined", "unreachable"
REPLY_RESULTS = {JOINED: IN_SERVICE, NOT_JOINED: DECLINED, UNREACHABLE: DECLINED}
RESULT_LABELS_KO = {JOINED: "참여", NOT_JOINED: "미참여", UNREACHABLE: "연락 안 됨"}

MSG_UNKNOWN_STATUS = QT_TRANSLATE_NOOP("Errors", "Unknown referral status: {status}.")
MSG_BAD_STATUS_CHANGE = QT_TRANSLATE_NOOP("Errors", "A referral cannot go from {old} to {new}.")
MSG_REFERRAL_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "There is no referral {referral}.")
MSG_REPLY_DATE = QT_TRANSLATE_NOOP(
    "Errors", "The reply date cannot be before the referral was sent or in the future."
)
MSG_NOTE_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "The note is longer than {max} characters.")
MSG_UNKNOWN_RESULT = QT_TRANSLATE_NOOP("Errors", "Unknown reply result: {result} (joined, declined or unreachable).")
MSG_REPLY_AFTER_END = QT_TRANSLATE_NOOP(
    "Errors", "The referral is already {status}: a reply slip saying {result} cannot be recorded on it.")
MSG_NO_REFERRAL_FOR_LETTER = QT_TRANSLATE_NOOP("Errors", "Letter {letter} has no referral to record a reply on.")


@dataclass(frozen=True)
class StatusChange:
    from_status: str | None
    to_status: str
    on: date
    by: str
    note: str = ""
    reply_date: date | None = None


@dataclass(frozen=True)
class ReplySlip:
    """A returned reply slip as recorded: what the partner ticked and wrote by hand."""

    result: str  # joined | declined | unreachable
    received: date  # 회신일: the date on which the slip came back (the statistics' reply date)
    service: str = ""  # 제공 서비스
    staff: str = ""  # 담당자 at the partner
    recorded_by: str = ""
    scan_id: str | None = None  # the attachment holding the scan (services of helper "attach")

    @property
    def result_label(self) -> str:
        return RESULT_LABELS_KO.get(self.result, self.result)


@dataclass(frozen=True)
class ReferralInfo:
    id: str
    case_id: str
    case_number: str
    version: int
    status: str
    partner_id: str
    partner_name: str
    partner_kind: str
    letter_id: str | None
    letter_number: str | None
    sent_on: date | None
    reply_by: date | None
    reply_date: date | None  # first reply from the partner
    note: str
    history: tuple[StatusChange, ...]
    created_by: str
    created_at: datetime
    reply_slip: ReplySlip | None = None

    @property
    def status_label(self) -> str:
        return LABELS_KO.get(self.status, self.status)

    @property
    def earliest_reply_date(self) -> date:
        """A reply cannot be dated before the letter went out (or, unsent, before the referral)."""
        return self.sent_on or self.created_at.date()

    def overdue_on(self, today: date) -> bool:
        """Sent, the reply-by date has passed, and the partner has not replied."""
        return (self.status == SENT and self.reply_date is None and self.reply_by is not None
                and self.reply_by < today)

    def days_overdue(self, today: date) -> int:
        return (today - self.reply_by).days if self.overdue_on(today) else 0


def _note(value: str) -> str:
    note = clean_text(str(value or ""), multiline=True).strip()
    if len(note) > MAX_NOTE:
        raise E.UsageError(MSG_NOTE_TOO_LONG, max=MAX_NOTE)
    return note


def _slip_text(value: str) -> str:
    text = clean_text(str(value or "")).strip()
    if len(text) > MAX_SLIP_TEXT:
        raise E.UsageError(MSG_NOTE_TOO_LONG, max=MAX_SLIP_TEXT)
    return text


def _reply_slip(document: dict) -> ReplySlip | None:
    slip = document.get("reply_slip")
    if not isinstance(slip, dict):
        return None
    return ReplySlip(slip.get("result", ""), parse_date(slip.get("received")), slip.get("service", ""),
                     slip.get("staff", ""), slip.get("recorded_by", ""), slip.get("scan_id"))


def path_to(current: str, target: str) -> list[str]:
    """The statuses a referral passes through from `current` to `target` (shortest way along
    TRANSITIONS, `target` last); [] when it is there already; None when it cannot get there."""
    if current == target:
        return []
    paths = [[current]]
    seen = {current}
    while paths:
        path = paths.pop(0)
        for step in sorted(TRANSITIONS[path[-1]]):
            if step == target:
                return path[1:] + [step]
            if step not in seen:
                seen.add(step)
                paths.append(path + [step])
    return None


def _history(document: dict) -> tuple[StatusChange, ...]:
    return tuple(
        StatusChange(h.get("from"), h["to"], parse_date(h.get("on")), h.get("by", ""), h.get("note", ""),
                     parse_date(h.get("reply_date")))
        for h in document.get("history", ())
    )


class ReferralsService:
    """`session.referrals`."""

    def __init__(self, session) -> None:
        self._session = session

    # -- reading ----------------------------------------------------------------------------
    def _info(self, row: Referral, case_number: str) -> ReferralInfo:
        try:
            doc = self._session.sealer.open("referral", row.id, row.version, row.data, owner=row.case_id)
        except TamperedError as exc:
            raise E.DamagedError() from exc
        if doc.get("status") != row.status:
            raise E.DamagedError()
        reply = doc.get("reply") or {}
        return ReferralInfo(
            id=row.id, case_id=row.case_id, case_number=case_number, version=row.version, status=row.status,
            partner_id=doc.get("partner_id", ""), partner_name=doc.get("partner_name", ""),
            partner_kind=doc.get("partner_kind", ""), letter_id=doc.get("letter_id"),
            letter_number=doc.get("letter_number"), sent_on=parse_date(doc.get("sent_on")),
            reply_by=parse_date(doc.get("reply_by")), reply_date=parse_date(reply.get("date")),
            note=doc.get("note", ""), history=_history(doc), created_by=row.created_by, created_at=row.created_at,
            reply_slip=_reply_slip(doc),
        )

    def _row(self, db, referral_id: str) -> tuple[Referral, CaseFile]:
        row = db.get(Referral, referral_id)
        if row is None:
            raise E.UsageError(MSG_REFERRAL_NOT_FOUND, referral=referral_id)
        case_row = self._session.cases.case_row(db, row.case_id)  # access rule of the case
        return row, case_row

    def _current(self, db, referral_id: str, expected_version: int | None) -> tuple[Referral, ReferralInfo]:
        """The row about to change and what it says; ConflictError if it is not the version the
        user saw."""
        row, case_row = self._row(db, referral_id)
        current = self._info(row, case_row.case_number)
        if expected_version is not None and expected_version != row.version:
            raise E.ConflictError(E.MSG_CONFLICT)
        return row, current

    def get(self, referral_id: str) -> ReferralInfo:
        with self._session.db() as db:
            row, case_row = self._row(db, referral_id)
        return self._info(row, case_row.case_number)

    def for_case(self, case_ref: str) -> list[ReferralInfo]:
        """The case's referrals, oldest first."""
        with self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            rows = db.exec(select(Referral).where(Referral.case_id == case_row.id)
                           .order_by(Referral.created_at, Referral.id)).scalars().all()
        with faults.storage_errors(self._session.vault.db_path):
            return [self._info(r, case_row.case_number) for r in rows]

    def awaiting_reply(self, today: date | None = None, *, mine_only: bool = False) -> list[ReferralInfo]:
        """Referrals sent whose reply-by date has passed without a reply, most overdue first,
        for the cases this account may read (a counsellor: own and shared cases)."""
        today = today or dates.today()
        with self._session.db() as db:
            query = (select(Referral, CaseFile.case_number).join(CaseFile, CaseFile.id == Referral.case_id)
                     .where(Referral.status == SENT))
            query = self._session.cases._visible_filter(query)
            if mine_only:
                query = query.where(CaseFile.counsellor_id == self._session.account_id)
            rows = db.execute(query).all()
        with faults.storage_errors(self._session.vault.db_path):
            infos = [self._info(row, number) for row, number in rows]
        overdue = [i for i in infos if i.overdue_on(today)]
        return sorted(overdue, key=lambda i: (i.reply_by, i.case_number, i.id))

    # -- writing ----------------------------------------------------------------------------
    def create_draft(self, case_ref: str, partner_ref: str, *, reply_by: date | None = None,
                     note: str = "") -> ReferralInfo:
        """A referral being planned (작성), before any letter."""
        partner = self._session.partners.get(partner_ref)
        document = {
            "status": DRAFT, "partner_id": partner.id, "partner_name": partner.label("ko"),
            "partner_kind": partner.kind, "letter_id": None, "letter_number": None, "sent_on": None,
            "reply_by": reply_by.isoformat() if reply_by else None, "reply": None, "note": _note(note),
            "history": [{"from": None, "to": DRAFT, "on": dates.today().isoformat(), "at": utcnow().isoformat(),
                         "by": self._session.account_id, "note": _note(note), "reply_date": None}],
        }
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            row = Referral(case_id=case_row.id, created_by=self._session.account_id, status=DRAFT, data=b"")
            row.data = sealer.seal("referral", row.id, 1, document, owner=case_row.id)
            db.add(row)
            self._session.audit.record("referral.add", case_id=case_row.id, db=db,
                                       details={"referral": row.id, "status": DRAFT})
            db.commit()
            referral_id = row.id
        return self.get(referral_id)

    def set_status(self, referral_id: str, status: str, note: str = "", reply_date: date | None = None, *,
                   expected_version: int | None = None, today: date | None = None) -> ReferralInfo:
        """Move a referral along (see the module docstring); the history keeps every step.

        `reply_date` is when the partner answered (접수 확인 / 거절 are answers; default today).
        `expected_version` is the version the user saw: ConflictError if it moved on since.
        """
        if status not in STATUSES:
            raise E.UsageError(MSG_UNKNOWN_STATUS, status=status)
        today = today or dates.today()
        note = _note(note)
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row, current = self._current(db, referral_id, expected_version)
            if status not in TRANSITIONS[current.status]:
                raise E.UsageError(MSG_BAD_STATUS_CHANGE, old=current.status, new=status)
            document = sealer.open("referral", row.id, row.version, row.data, owner=row.case_id)
            if status in REPLY_STATUSES and reply_date is None and current.reply_date is None:
                reply_date = today
            if reply_date is not None:
                sent_on = current.sent_on or current.created_at.date()
                if reply_date > today or reply_date < sent_on:
                    raise E.UsageError(MSG_REPLY_DATE)
                if not document.get("reply"):
                    document["reply"] = {"date": reply_date.isoformat(), "status": status}
            if status == SENT and not document.get("sent_on"):
                document["sent_on"] = today.isoformat()
            if note:
                document["note"] = note
            document["status"] = status
            document["history"] = list(document.get("history", ())) + [{
                "from": current.status, "to": status, "on": today.isoformat(), "at": utcnow().isoformat(),
                "by": self._session.account_id, "note": note,
                "reply_date": reply_date.isoformat() if reply_date else None,
            }]
            self._write(db, row, document, status)
            self._session.audit.record("referral.status", case_id=row.case_id, db=db,
                                       details={"referral": row.id, "from": current.status, "to": status})
            db.commit()
        return self.get(referral_id)

    # -- the partner's reply slip (회신서) ----------------------------------------------------------
    def for_letter(self, letter_ref: str) -> ReferralInfo:
        """The referral a letter (its number, 기지개-17, or id) created."""
        referral_id = self._session.letters.stored(letter_ref).get("referral_id")
        if not referral_id:
            raise E.UsageError(MSG_NO_REFERRAL_FOR_LETTER, letter=letter_ref)
        return self.get(referral_id)

    def record_reply(self, referral_id: str, result: str, received: date, *, service: str = "", staff: str = "",
                     note: str = "", expected_version: int | None = None, today: date | None = None,
                     scan_id: str | None = None) -> ReferralInfo:
        """Record a returned reply slip: the referral moves to what the slip says (참여 → 서비스 중,
        through 접수 확인 if need be; 미참여 / 연락 안 됨 → 거절), every step in its history, and
        `received` becomes the partner's reply date for the statistics unless an earlier reply
        was recorded (the first answer counts). A second slip replaces the first slip's record.
        One transaction, one access record (`referral.reply`)."""
        if result not in REPLY_RESULTS:
            raise E.UsageError(MSG_UNKNOWN_RESULT, result=result)
        today = today or dates.today()
        note, service, staff = _note(note), _slip_text(service), _slip_text(staff)
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row, current = self._current(db, referral_id, expected_version)
            steps = path_to(current.status, REPLY_RESULTS[result])
            if steps is None:
                raise E.UsageError(MSG_REPLY_AFTER_END, status=current.status_label,
                                   result=RESULT_LABELS_KO[result])
            sent_on = current.sent_on or current.created_at.date()
            if received > today or received < sent_on:
                raise E.UsageError(MSG_REPLY_DATE)
            document = sealer.open("referral", row.id, row.version, row.data, owner=row.case_id)
            if not document.get("reply"):
                document["reply"] = {"date": received.isoformat(), "status": REPLY_RESULTS[result]}
            previous = document.get("reply_slip") or {}
            document["reply_slip"] = {
                "result": result, "received": received.isoformat(), "service": service, "staff": staff,
                "recorded_by": self._session.account_id, "at": utcnow().isoformat(),
                "scan_id": scan_id or previous.get("scan_id"),
            }
            if note:
                document["note"] = note
            history = list(document.get("history", ()))
            status = current.status
            for step in steps or [status]:
                history.append({"from": status, "to": step, "on": today.isoformat(), "at": utcnow().isoformat(),
                                "by": self._session.account_id, "note": note, "reply_date": received.isoformat(),
                                "reply_slip": result})
                status = step
            document["status"] = status
            document["history"] = history
            self._write(db, row, document, status)
            self._session.audit.record("referral.reply", case_id=row.case_id, db=db, details={
                "referral": row.id, "from": current.status, "to": status, "result": result})
            db.commit()
        return self.get(referral_id)

    def record_reply_with_scan(self, referral_id: str, result: str, received: date, scan: Path | None, *,
                               service: str = "", staff: str = "", note: str = "",
                               expected_version: int | None = None, today: date | None = None) -> ReferralInfo:
        """record_reply, with the slip's scan (if any) attached (kind "reply", this referral) and
        named by the slip's record: the one rule the CLI and the reply dialog share. The file is
        stored first, so a refused one (wrong type, too big, unreadable) leaves the reply
        unrecorded; a reply refused after that takes its just-stored scan away again."""
        if scan is None:
            return self.record_reply(referral_id, result, received, service=service, staff=staff, note=note,
                                     expected_version=expected_version, today=today)
        referral = self.get(referral_id)
        attachment = self._session.attachments.attach(referral.case_id, Path(scan), kind="reply",
                                                      referral_id=referral_id)
        try:
            return self.record_reply(referral_id, result, received, service=service, staff=staff, note=note,
                                     expected_version=expected_version, today=today, scan_id=attachment.id)
        except E.ServiceError:
            self._session.attachments.delete(attachment.id)
            raise

    def link_reply_scan(self, referral_id: str, attachment_id: str) -> ReferralInfo:
        """HOOK for the attachments service: the scan of a returned reply slip was stored as an
        attachment (kind "reply", linked to this referral); the slip's record names it, so the
        referral row can open the scan. Call it after the attachment is committed."""
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row, _case_row = self._row(db, referral_id)
            document = sealer.open("referral", row.id, row.version, row.data, owner=row.case_id)
            slip = dict(document.get("reply_slip") or {})
            slip["scan_id"] = str(attachment_id)
            document["reply_slip"] = slip
            self._write(db, row, document, row.status)
            self._session.audit.record("referral.reply", case_id=row.case_id, db=db,
                                       details={"referral": row.id, "scan": str(attachment_id)})
            db.commit()
        return self.get(referral_id)

    def _write(self, db, row: Referral, document: dict, status: str) -> None:
        """The next version of a referral row (version-checked), inside the caller's transaction."""
        new_version = row.version + 1
        result = db.execute(
            update(Referral).where(Referral.id == row.id, Referral.version == row.version)
            .values(version=new_version, status=status, updated_at=utcnow(),
                    data=self._session.sealer.seal("referral", row.id, new_version, document, owner=row.case_id))
        )
        if result.rowcount != 1:
            raise E.ConflictError(E.MSG_CONFLICT)
