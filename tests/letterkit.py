"""A vault with one account per role, and cases whose every printable value carries a marker:
the fixtures and helpers of the letters tests (tests/test_letters_service.py, the real-CUPS
printing tests)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from intake_desktop import formdefs
from intake_desktop.domain.cases import PERSON_FIELDS
from intake_desktop.domain.enums import Role
from intake_desktop.formdefs.fieldindex import field_index
from intake_desktop.letters import ReferralDetails
from intake_desktop.letters.formatting import format_date
from intake_desktop.services import letters as letters_module
from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.consent import HowGiven
from intake_desktop.services.forms import intake_form
from intake_desktop.services.people import clean_person
from intake_desktop.services.vault import Vault

PASSPHRASES = {
    "admin": "correct horse battery",
    "boss": "supervisor horse battery",
    "kim": "kim's own long passphrase",
    "lee": "lee's own long passphrase",
}
CENTRE = "서울청년기지개센터"
KINDS = ("welfare", "labour", "jobcentre", "police", "generic")
ISSUE = date(2025, 5, 20)
REPLY_BY = date(2025, 6, 3)
REASON = "본인이 또래 모임 참여를 원하여 연계를 의뢰합니다."
# Items a person may consent to that the shipped form never lets out to anyone.
NEVER_SHAREABLE = ("trigger", "emergency_contact_name", "emergency_contact_phone", "counsellor_assessment",
                   "mental_health_care", "crime_victimisation_detail", "household", "finances_note")
SCORE_LABELS = ("총점", "HQ-25", "PHQ-9", "GAD-7", "UCLA", "LSNS")


# ---------------------------------------------------------------------------------------------
# A vault with one account per role

@dataclass
class World:
    path: Path
    vault: Vault | None
    ids: dict[str, str]
    sessions: list = field(default_factory=list)

    def login(self, username: str = "admin"):
        session = self.vault.unlock(username, PASSPHRASES[username])
        self.sessions.append(session)
        return session

    def close(self) -> None:
        for session in self.sessions:
            if not session.is_locked:
                session.lock()
        self.sessions.clear()
        if self.vault is not None:
            self.vault.close()
            self.vault = None

    def reopen(self):
        self.close()
        self.vault = Vault.open(self.path)
        return self


@pytest.fixture
def world(tmp_path):
    path = tmp_path / "data"
    created = Vault.create(path, CENTRE, "admin", "관리자", PASSPHRASES["admin"])
    w = World(path, created.vault, {})
    admin = w.login("admin")
    w.ids["admin"] = admin.account_id
    admin.centre.update(phone="02-820-1234")  # a way to reply: no letter goes out without one
    for username, role, display in (("boss", Role.SUPERVISOR, "팀장"), ("kim", Role.COUNSELLOR, "김상담"),
                                    ("lee", Role.COUNSELLOR, "이상담")):
        w.ids[username] = admin.accounts.add(username, role, PASSPHRASES[username], display)
    yield w
    w.close()


# ---------------------------------------------------------------------------------------------
# Marked cases

def nospace(text: str) -> str:
    return "".join(text.split())


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return nospace(" ".join(page.extract_text() or "" for page in reader.pages))


def marked_person(birth_date: str = "1998-07-23") -> tuple[dict, dict[str, str]]:
    person = {
        "name": "남궁QAN",
        "birth_date": birth_date,
        "gender": "female",
        "mobile": "01062345678",
        "address": {"postal_code": "06911", "road_address": "서울특별시 동작구 QAROAD로 7", "detail": "QADETAIL호"},
        "emergency_contact_name": "QAEMERG",
        "emergency_contact_phone": "01055550707",
        "preferred_contact": "messenger",
    }
    printed = {
        "name": "남궁QAN", "birth_date": format_date(date.fromisoformat(birth_date)), "gender": "여성",
        "mobile": "010-6234-5678", "address": "QAROAD", "emergency_contact_name": "QAEMERG",
        "emergency_contact_phone": "010-5555-0707", "preferred_contact": "메신저",
    }
    return person, printed


def marked_answers(form) -> tuple[dict, dict[str, str]]:
    """A unique marker in every answerable non-person field; instrument items answered 1 (so
    every instrument gets a total score)."""
    answers: dict = {}
    printed: dict[str, str] = {}
    index = field_index(form).entries
    counters = {"date": 0, "number": 0, "text": 0}
    for fid in formdefs.field_policies(form):
        if fid in PERSON_FIELDS:
            continue
        fdef = index[fid].field
        ftype = fdef.type.value
        if ftype == "likert":
            answers[fid] = 1
            continue
        if ftype == "date":
            counters["date"] += 1
            day = date(2003, 1, 1) + timedelta(days=41 * counters["date"])
            answers[fid] = day.isoformat()
            printed[fid] = format_date(day)
        elif ftype == "number":
            counters["number"] += 1
            answers[fid] = 7000 + counters["number"]
            printed[fid] = str(7000 + counters["number"])
        else:
            counters["text"] += 1
            marker = f"QM{counters['text']:03d}Z"
            if ftype == "multiple_choice":
                answers[fid] = [marker]
            elif ftype == "group":
                answers[fid] = [{"household_note": marker}]
            elif ftype == "phone":
                answers[fid] = f"0109{counters['text']:03d}4321"
                marker = f"010-9{counters['text']:03d}-4321"
            elif ftype == "address":
                answers[fid] = {"postal_code": "06912", "road_address": marker, "detail": ""}
            else:
                answers[fid] = marker
            printed[fid] = marker
    return answers, printed


def make_case(session, *, form=None, counsellor: str | None = None, birth_date: str = "1998-07-23"):
    """A case owned by `counsellor` (an account id) with a marked person and intake."""
    form = form or intake_form()
    person, printed_person = marked_person(birth_date)
    clean, problems = clean_person(person)
    assert not problems
    answers, printed = marked_answers(form)
    intake = NewIntake(form.id, form.version, form.definition_hash, answers)
    case_id = session.cases.create_many([NewCase(clean, {}, counsellor, intake=intake)])[0]
    return case_id, {**printed, **printed_person}


def how() -> HowGiven:
    return HowGiven(ISSUE)


def give_consent(session, case_id: str, partner: str, items, *, sensitive: bool = True):
    session.consent.record_collection(case_id, how())
    if sensitive:
        session.consent.record_sensitive(case_id, how())
    return session.consent.record_provision(case_id, partner, sorted(items), "연계", "연계 후 1년", how())


def details(**changes) -> ReferralDetails:
    values = dict(reason=REASON, first_contact_notes="문자로 먼저 연락해 주세요.", reply_by=REPLY_BY)
    values.update(changes)
    return ReferralDetails(**values)


def issue(session, case_id: str, partner: str, **kw):
    prepared = session.letters.prepare(case_id, partner, kw.pop("details", None) or details(),
                                       issue_date=kw.pop("issue_date", ISSUE), **kw)
    return session.letters.issue(prepared)


def field_meta(form=None):
    form = form or intake_form()
    return letters_module.field_meta_for(form, formdefs.score_form(form, {}))
