"""Day-to-day case work: session notes, the service plan, follow-ups, and the home screen.

Notes, plans and follow-ups are records (services/records.py). After each change the case
document's summary (last contact, next follow-up) is refreshed so the case list and the home
screen never need to decrypt every record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from intake_desktop.domain import dates
from intake_desktop.domain.cases import CaseSummary, parse_date
from intake_desktop.domain.korean import clean_text
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.records import Record

NOTE_MODES = ("visit", "phone", "text", "video", "outreach", "office")
MAX_NOTE_CHARS = 1_000_000
MSG_NOTE_DATE = QT_TRANSLATE_NOOP("Errors", "A session note needs a date that is not in the future.")
MSG_NOTE_MODE = QT_TRANSLATE_NOOP("Errors", "Unknown kind of contact: {mode}.")
MSG_NOTE_EMPTY = QT_TRANSLATE_NOOP("Errors", "The note is empty.")
MSG_NOTE_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "The note is longer than {max} characters.")
MSG_CLEAR_REASON = QT_TRANSLATE_NOOP("Errors", "Say why the crisis flag can be cleared.")
MSG_FOLLOW_UP_DUE = QT_TRANSLATE_NOOP("Errors", "A follow-up needs a due date and what is to be done.")


def _text(value, multiline: bool = True) -> str:
    return clean_text(str(value or ""), multiline=multiline).strip()


@dataclass
class Home:
    due_today: list[CaseSummary] = field(default_factory=list)
    overdue: list[CaseSummary] = field(default_factory=list)
    crisis: list[CaseSummary] = field(default_factory=list)
    awaiting_reply: list = field(default_factory=list)


class CaseworkService:
    def __init__(self, session) -> None:
        self._session = session

    # -- session notes ------------------------------------------------------------------------
    def add_note(self, case_ref: str, *, on: date, mode: str, minutes: int | None, content: str,
                 next_steps: str = "", today: date | None = None) -> Record:
        today = today or dates.today()
        if on is None or on > today:
            raise E.UsageError(MSG_NOTE_DATE)
        if mode not in NOTE_MODES:
            raise E.UsageError(MSG_NOTE_MODE, mode=mode)
        content = _text(content)
        if not content:
            raise E.UsageError(MSG_NOTE_EMPTY)
        if len(content) > MAX_NOTE_CHARS:
            raise E.UsageError(MSG_NOTE_TOO_LONG, max=MAX_NOTE_CHARS)
        document = {"date": on.isoformat(), "mode": mode, "minutes": minutes, "content": content,
                    "next_steps": _text(next_steps)}
        record = self._session.records.add("note", case_ref, document, action="note.add")
        self._touch(case_ref, last_contact=on)
        return record

    def notes(self, case_ref: str) -> list[Record]:
        """Newest first (a timeline)."""
        return sorted(self._session.records.records("note", case_ref),
                      key=lambda r: (r.document.get("date", ""), r.id), reverse=True)

    # -- service plan -------------------------------------------------------------------------
    def save_plan(self, case_ref: str, goals: list[dict], previous: Record | None = None) -> Record:
        """Goals: [{goal, services, partner_id, target_date, status}] — one plan record per case,
        replaced (version-checked) on every save."""
        clean = [{
            "goal": _text(g.get("goal")), "services": _text(g.get("services")),
            "partner_id": g.get("partner_id") or None,
            "target_date": g.get("target_date") or None, "status": g.get("status") or "open",
        } for g in goals if _text(g.get("goal"))]
        document = {"goals": clean}
        if previous is None:
            return self._session.records.add("plan", case_ref, document, action="plan.save")
        return self._session.records.replace("plan", previous, document, action="plan.save")

    def plan(self, case_ref: str) -> Record | None:
        plans = self._session.records.records("plan", case_ref)
        return plans[-1] if plans else None

    # -- follow-ups ---------------------------------------------------------------------------
    def add_follow_up(self, case_ref: str, due: date, what: str) -> Record:
        what = _text(what, multiline=False)
        if due is None or not what:
            raise E.UsageError(MSG_FOLLOW_UP_DUE)
        record = self._session.records.add("follow_up", case_ref,
                                           {"due": due.isoformat(), "what": what, "done": None},
                                           action="follow_up.add")
        self._refresh_next_follow_up(case_ref)
        return record

    def complete_follow_up(self, case_ref: str, record: Record, on: date | None = None) -> Record:
        document = dict(record.document, done=(on or dates.today()).isoformat())
        updated = self._session.records.replace("follow_up", record, document, action="follow_up.done")
        self._refresh_next_follow_up(case_ref)
        return updated

    def follow_ups(self, case_ref: str) -> list[Record]:
        return sorted(self._session.records.records("follow_up", case_ref),
                      key=lambda r: (r.document.get("done") is not None, r.document.get("due", "")))

    def _refresh_next_follow_up(self, case_ref: str) -> None:
        open_dues = [r.document["due"] for r in self._session.records.records("follow_up", case_ref)
                     if not r.document.get("done")]
        self._touch(case_ref, next_follow_up=min(open_dues) if open_dues else "")

    def _touch(self, case_ref: str, *, last_contact: date | None = None, next_follow_up: str | None = None) -> None:
        detail = self._session.cases.get(case_ref)
        case_doc = dict(detail.case)
        if last_contact is not None:
            current = parse_date(case_doc.get("last_contact"))
            if current is None or last_contact > current:
                case_doc["last_contact"] = last_contact.isoformat()
        if next_follow_up is not None:
            case_doc["next_follow_up"] = next_follow_up or None
        if case_doc != detail.case:
            self._session.cases.update_case(case_ref, case_doc, detail.case_version, action="case.summary")

    # -- home screen --------------------------------------------------------------------------
    def home(self, today: date | None = None, *, mine_only: bool = False) -> Home:
        today = today or dates.today()
        home = Home()
        for summary in self._session.cases.index.items:
            if mine_only and summary.counsellor_id != self._session.account_id:
                continue
            if summary.next_follow_up == today:
                home.due_today.append(summary)
            elif summary.next_follow_up and summary.next_follow_up < today:
                home.overdue.append(summary)
            if summary.crisis:
                home.crisis.append(summary)
        home.overdue.sort(key=lambda s: s.next_follow_up)
        home.awaiting_reply = self._session.referrals.awaiting_reply(today)
        return home

    # -- flags --------------------------------------------------------------------------------
    def clear_crisis(self, case_ref: str, reason: str) -> None:
        """The crisis is over (the counsellor says why); the events stay in the case's history."""
        reason = _text(reason)
        if not reason:
            raise E.UsageError(MSG_CLEAR_REASON)
        detail = self._session.cases.get(case_ref)
        case_doc = dict(detail.case, crisis=False)
        case_doc["crisis_cleared"] = list(case_doc.get("crisis_cleared", [])) + [
            {"on": dates.today().isoformat(), "by": self._session.account_id, "reason": reason}]
        self._session.cases.update_case(case_ref, case_doc, detail.case_version, action="crisis.clear")
