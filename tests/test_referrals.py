"""Referral status flow, history, version checks, tamper detection and the awaiting-reply list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.errors import ConflictError
from intake_desktop.services.consent import HowGiven
from intake_desktop.services.referrals import LABELS_KO, STATUSES, TRANSITIONS
from intake_desktop.services.vault import Vault
from intake_desktop.letters import ReferralDetails
from intake_desktop.storage.models import AuditEvent, Referral

PASSPHRASES = {
    "admin": "correct horse battery",
    "boss": "supervisor horse battery",
    "kim": "kim's own long passphrase",
    "lee": "lee's own long passphrase",
}
ISSUE = date(2025, 5, 20)
REPLY_BY = date(2025, 6, 3)


@pytest.fixture
def vault(tmp_path):
    created = Vault.create(tmp_path / "data", "서울청년기지개센터", "admin", "관리자", PASSPHRASES["admin"])
    admin = created.vault.unlock("admin", PASSPHRASES["admin"])
    admin.centre.update(phone="02-820-1234")  # a way to reply: no letter goes out without one
    admin.lock()
    yield created.vault
    created.vault.close()


@pytest.fixture
def login(vault):
    sessions = []

    def _login(username: str = "admin"):
        session = vault.unlock(username, PASSPHRASES[username])
        sessions.append(session)
        return session

    yield _login
    for session in sessions:
        if not session.is_locked:
            session.lock()


@pytest.fixture
def ids(login):
    admin = login("admin")
    out = {"admin": admin.account_id}
    for username, role, display in (("boss", Role.SUPERVISOR, "팀장"), ("kim", Role.COUNSELLOR, "김상담"),
                                    ("lee", Role.COUNSELLOR, "이상담")):
        out[username] = admin.accounts.add(username, role, PASSPHRASES[username], display)
    return out


def sent_referral(session, *, counsellor: str | None = None, reply_by: date | None = REPLY_BY,
                  partner: str = "welfare") -> tuple[str, str]:
    """(case id, referral id) of a case with one issued letter."""
    case_id = session.cases.create({"name": "이영희", "birth_date": "2000-03-04", "mobile": "01012345678"},
                                   counsellor_id=counsellor)
    how = HowGiven(ISSUE)
    session.consent.record_collection(case_id, how)
    session.consent.record_provision(case_id, partner, ["name", "mobile"], "연계", "1년", how)
    prepared = session.letters.prepare(case_id, partner, ReferralDetails(reason="연계 의뢰", reply_by=reply_by),
                                       issue_date=ISSUE)
    return case_id, session.letters.issue(prepared).referral_id


def clear_status(vault, referral_id: str) -> str:
    with vault.engine.connect() as connection:
        return connection.execute(select(Referral.status).where(Referral.id == referral_id)).scalar_one()


def test_the_flow_keeps_history_and_the_clear_status_in_step(vault, login):
    admin = login("admin")
    case_id, referral_id = sent_referral(admin)
    referral = admin.referrals.get(referral_id)
    assert referral.status == "sent" and referral.status_label == "발송" and clear_status(vault, referral_id) == "sent"

    today = date(2025, 5, 27)
    received = admin.referrals.set_status(referral_id, "received", "담당자 배정됨", date(2025, 5, 23), today=today)
    assert received.status == "received" and received.reply_date == date(2025, 5, 23)
    assert clear_status(vault, referral_id) == "received"
    admin.referrals.set_status(referral_id, "in_service", "또래 모임 참여 시작", today=today)
    done = admin.referrals.set_status(referral_id, "done", "8회기 종료", today=today + timedelta(days=60))
    assert done.status == "done" and clear_status(vault, referral_id) == "done"
    assert [(h.from_status, h.to_status) for h in done.history] == [
        (None, "sent"), ("sent", "received"), ("received", "in_service"), ("in_service", "done")]
    assert done.history[1].note == "담당자 배정됨" and done.history[1].reply_date == date(2025, 5, 23)
    assert done.history[1].by == admin.account_id
    assert done.reply_date == date(2025, 5, 23)  # the first reply stays the reply date
    assert done.version == 4
    with admin.db() as db:
        assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "referral.status")).all()) == 3
    assert [r.id for r in admin.referrals.for_case(case_id)] == [referral_id]


@pytest.mark.parametrize("path,bad", [
    ((), "done"),
    ((), "in_service"),
    ((), "draft"),
    (("received",), "sent"),
    (("received",), "done"),
    (("received", "in_service"), "declined"),
    (("received", "in_service", "done"), "received"),
    (("declined",), "received"),
])
def test_invalid_transitions_are_refused(login, path, bad):
    admin = login("admin")
    _, referral_id = sent_referral(admin)
    today = date(2025, 6, 1)
    for status in path:
        admin.referrals.set_status(referral_id, status, today=today)
    before = admin.referrals.get(referral_id)
    with pytest.raises(E.UsageError):
        admin.referrals.set_status(referral_id, bad, today=today)
    after = admin.referrals.get(referral_id)
    assert (after.status, after.version) == (before.status, before.version)


@pytest.mark.parametrize("path", [("declined",), ("received", "declined")])
def test_declined_from_sent_or_received(login, path):
    admin = login("admin")
    _, referral_id = sent_referral(admin)
    for status in path:
        info = admin.referrals.set_status(referral_id, status, "정원 초과", today=date(2025, 6, 1))
    assert info.status == "declined" and info.reply_date == date(2025, 6, 1)
    assert TRANSITIONS["declined"] == frozenset()


def test_unknown_status_bad_reply_dates_and_stale_versions(login):
    admin = login("admin")
    _, referral_id = sent_referral(admin)
    with pytest.raises(E.UsageError):
        admin.referrals.set_status(referral_id, "lost")
    with pytest.raises(E.UsageError):  # a reply before the letter was sent
        admin.referrals.set_status(referral_id, "received", reply_date=ISSUE - timedelta(days=1), today=date(2025, 6, 1))
    with pytest.raises(E.UsageError):  # a reply from the future
        admin.referrals.set_status(referral_id, "received", reply_date=date(2025, 6, 2), today=date(2025, 6, 1))
    seen = admin.referrals.get(referral_id)
    admin.referrals.set_status(referral_id, "received", today=date(2025, 6, 1))
    with pytest.raises(ConflictError):
        admin.referrals.set_status(referral_id, "in_service", expected_version=seen.version, today=date(2025, 6, 1))
    with pytest.raises(E.UsageError):
        admin.referrals.get("no-such-referral")
    assert set(STATUSES) == set(LABELS_KO) == set(TRANSITIONS)


def test_draft_then_sent(login):
    admin = login("admin")
    case_id = admin.cases.create({"name": "김민수", "birth_date": "2001-04-15"})
    draft = admin.referrals.create_draft(case_id, "jobcentre", reply_by=REPLY_BY, note="일 경험 연계 검토")
    assert draft.status == "draft" and draft.partner_name == "노량진 청년 일자리센터"
    sent = admin.referrals.set_status(draft.id, "sent", today=ISSUE)
    assert sent.status == "sent" and sent.sent_on == ISSUE and sent.reply_date is None


def test_a_tampered_clear_status_is_damage(vault, login):
    admin = login("admin")
    case_id, referral_id = sent_referral(admin)
    with vault.engine.begin() as connection:
        connection.execute(update(Referral).where(Referral.id == referral_id).values(status="done"))
    with pytest.raises(E.DamagedError):
        admin.referrals.get(referral_id)
    with pytest.raises(E.DamagedError):
        admin.referrals.for_case(case_id)


def test_awaiting_reply_lists_overdue_sent_referrals_per_role(login, ids):
    admin = login("admin")
    kim_case, kim_ref = sent_referral(admin, counsellor=ids["kim"])
    lee_case, lee_ref = sent_referral(admin, counsellor=ids["lee"], reply_by=date(2025, 6, 10))
    _, answered = sent_referral(admin, counsellor=ids["kim"])
    _, no_deadline = sent_referral(admin, counsellor=ids["kim"], reply_by=None)
    admin.referrals.set_status(answered, "received", today=date(2025, 6, 1))

    assert admin.referrals.awaiting_reply(REPLY_BY) == []  # due today: not overdue yet
    overdue = admin.referrals.awaiting_reply(date(2025, 6, 20))
    assert [r.id for r in overdue] == [kim_ref, lee_ref]  # most overdue first
    assert overdue[0].days_overdue(date(2025, 6, 20)) == 17
    assert no_deadline not in [r.id for r in overdue]
    assert [r.id for r in admin.referrals.awaiting_reply(date(2025, 6, 5))] == [kim_ref]

    kim, lee, boss = login("kim"), login("lee"), login("boss")
    assert [r.id for r in kim.referrals.awaiting_reply(date(2025, 6, 20))] == [kim_ref]
    assert [r.id for r in lee.referrals.awaiting_reply(date(2025, 6, 20))] == [lee_ref]
    assert [r.id for r in boss.referrals.awaiting_reply(date(2025, 6, 20))] == [kim_ref, lee_ref]
    assert boss.referrals.awaiting_reply(date(2025, 6, 20), mine_only=True) == []

    with pytest.raises(E.DeniedError):
        lee.referrals.set_status(kim_ref, "received")
    with pytest.raises(E.DeniedError):
        lee.referrals.for_case(kim_case)

    kim.referrals.set_status(kim_ref, "received", today=date(2025, 6, 20))
    assert [r.id for r in boss.referrals.awaiting_reply(date(2025, 6, 20))] == [lee_ref]
