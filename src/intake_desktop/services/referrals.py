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

from sqlalchemy import select, update

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

MSG_UNKNOWN_STATUS = QT_TRANSLATE_NOOP("Errors", "Unknown referral status: {status}.")
MSG_BAD_STATUS_CHANGE = QT_TRANSLATE_NOOP("Errors", "A referral cannot go from {old} to {new}.")
MSG_REFERRAL_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "There is no referral {referral}.")
MSG_REPLY_DATE = QT_TRANSLATE_NOOP(
    "Errors", "The reply date cannot be before the referral was sent or in the future."
)
MSG_NOTE_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "The note is longer than {max} characters.")


@dataclass(frozen=True)
class StatusChange:
    from_status: str | None
    to_status: str
    on: date
    by: str
    note: str = ""
    reply_date: date | None = None


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

    @property
    def status_label(self) -> str:
        return LABELS_KO.get(self.status, self.status)

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
        )

    def _row(self, db, referral_id: str) -> tuple[Referral, CaseFile]:
        row = db.get(Referral, referral_id)
        if row is None:
            raise E.UsageError(MSG_REFERRAL_NOT_FOUND, referral=referral_id)
        case_row = self._session.cases.case_row(db, row.case_id)  # access rule of the case
        return row, case_row

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
        today = today or date.today()
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
            "history": [{"from": None, "to": DRAFT, "on": date.today().isoformat(), "at": utcnow().isoformat(),
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
        today = today or date.today()
        note = _note(note)
        sealer = self._session.sealer
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row, case_row = self._row(db, referral_id)
            current = self._info(row, case_row.case_number)
            if expected_version is not None and expected_version != row.version:
                raise E.ConflictError(E.MSG_CONFLICT)
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
            new_version = row.version + 1
            result = db.execute(
                update(Referral).where(Referral.id == row.id, Referral.version == row.version)
                .values(version=new_version, status=status, updated_at=utcnow(),
                        data=sealer.seal("referral", row.id, new_version, document, owner=row.case_id))
            )
            if result.rowcount != 1:
                raise E.ConflictError(E.MSG_CONFLICT)
            self._session.audit.record("referral.status", case_id=row.case_id, db=db,
                                       details={"referral": row.id, "from": current.status, "to": status})
            db.commit()
        return self.get(referral_id)
