"""Session notes, service plan, follow-ups, home screen, and role rules on the way."""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta

import pytest

from intake_desktop.domain.dates import today as seoul_today
from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.vault import Vault

PASSPHRASE = "correct horse battery"
TODAY = date(2026, 5, 14)


@pytest.fixture()
def vault(tmp_path):
    created = Vault.create(tmp_path / "vault", "센터", "admin", "관리자", PASSPHRASE)
    yield created.vault
    created.vault.close()


@pytest.fixture()
def session(vault):
    return vault.unlock("admin", PASSPHRASE)


@pytest.fixture()
def case_id(session):
    return session.cases.create({"name": "이영희", "birth_date": "2000-03-04"})


def test_notes_form_a_newest_first_timeline_and_move_last_contact(session, case_id):
    work = session.casework
    work.add_note(case_id, on=TODAY - timedelta(days=7), mode="visit", minutes=50, content="첫 면담", today=TODAY)
    work.add_note(case_id, on=TODAY, mode="phone", minutes=20, content="두 번째 통화",
                  next_steps="다음 주 방문", today=TODAY)
    assert [n.document["content"] for n in work.notes(case_id)] == ["두 번째 통화", "첫 면담"]
    assert session.cases.get(case_id).case["last_contact"] == TODAY.isoformat()


@pytest.mark.parametrize("kwargs", [
    {"on": TODAY + timedelta(days=1), "mode": "visit", "content": "x"},
    {"on": TODAY, "mode": "telepathy", "content": "x"},
    {"on": TODAY, "mode": "visit", "content": "   "},
])
def test_bad_notes_are_refused(session, case_id, kwargs):
    with pytest.raises(E.UsageError):
        session.casework.add_note(case_id, minutes=None, today=TODAY, **kwargs)
    assert session.casework.notes(case_id) == []


def test_a_one_megabyte_note_round_trips(session, case_id):
    content = ("가나다라마바사 " * 125_000)[:1_000_000].strip()
    session.casework.add_note(case_id, on=TODAY, mode="visit", minutes=None, content=content, today=TODAY)
    assert session.casework.notes(case_id)[0].document["content"] == content


def test_plan_is_replaced_with_a_version_check(session, case_id):
    from intake_desktop.services.errors import ConflictError

    work = session.casework
    first = work.save_plan(case_id, [{"goal": "주 1회 외출", "services": "동행 외출"}, {"goal": "  "}])
    assert first.document == {"goals": [{"goal": "주 1회 외출", "services": "동행 외출", "partner_id": None,
                                          "target_date": None, "status": "open"}]}
    second = work.save_plan(case_id, [{"goal": "또래 모임 참여"}], previous=first)
    with pytest.raises(ConflictError):
        work.save_plan(case_id, [{"goal": "덮어쓰기"}], previous=first)
    assert work.plan(case_id).document["goals"][0]["goal"] == "또래 모임 참여"
    assert work.plan(case_id).version == second.version


def test_follow_ups_drive_next_follow_up_and_the_home_screen(session, case_id):
    work = session.casework
    late = work.add_follow_up(case_id, TODAY - timedelta(days=2), "전화 확인")
    work.add_follow_up(case_id, TODAY + timedelta(days=5), "방문")
    session.cases.load_index()
    assert session.cases.get(case_id).case["next_follow_up"] == (TODAY - timedelta(days=2)).isoformat()
    home = work.home(TODAY)
    assert [s.case_id for s in home.overdue] == [case_id] and home.due_today == []
    work.complete_follow_up(case_id, late, on=TODAY)
    session.cases.load_index()
    assert work.home(TODAY).overdue == []
    assert session.cases.get(case_id).case["next_follow_up"] == (TODAY + timedelta(days=5)).isoformat()


def test_crisis_cases_are_on_the_home_screen_until_cleared(session, case_id):
    session.intakes.save(case_id, {"phq9_9": 2}, complete=False)
    session.cases.load_index()
    assert [s.case_id for s in session.casework.home(TODAY).crisis] == [case_id]
    with pytest.raises(E.UsageError):
        session.casework.clear_crisis(case_id, "")
    session.casework.clear_crisis(case_id, "정신건강복지센터 연계 후 안정")
    session.cases.load_index()
    assert session.casework.home(TODAY).crisis == []


def test_a_counsellor_cannot_reach_another_counsellors_case_through_casework(vault, session, case_id):
    session.accounts.add("kim", Role.COUNSELLOR, "another good pass")
    kim = vault.unlock("kim", "another good pass")
    with pytest.raises(E.DeniedError):
        kim.casework.add_note(case_id, on=TODAY, mode="visit", minutes=None, content="x", today=TODAY)
    with pytest.raises(E.DeniedError):
        kim.casework.notes(case_id)
    session.cases.share(case_id, kim.account_id)
    kim.casework.add_note(case_id, on=TODAY, mode="visit", minutes=None, content="공유 후", today=TODAY)
    assert kim.casework.notes(case_id)[0].document["content"] == "공유 후"


def test_sharing_with_an_unknown_account_is_a_clear_usage_error(session, case_id):
    with pytest.raises(E.UsageError) as refused:
        session.cases.share(case_id, "no-such-account")
    assert refused.value.exit_code == E.EXIT_USAGE


def test_subject_access_export_writes_json_and_a_readable_pdf(session, case_id, tmp_path):
    import json

    from pypdf import PdfReader

    session.casework.add_note(case_id, on=TODAY, mode="visit", minutes=30, content="열람 표시 문장", today=TODAY)
    path = session.subject_access.export(case_id, tmp_path / "out")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["person"]["name"] == "이영희" and data["notes"][0]["content"] == "열람 표시 문장"
    text = "".join(page.extract_text() for page in PdfReader(path.with_suffix(".pdf")).pages)
    assert "이영희" in text and "열람 표시 문장" in text and "상담 기록 (1건)" in text
    assert not list((tmp_path / "out").glob("*.part*"))


@pytest.mark.skipif(os.name == "nt", reason="mode bits: Windows files inherit the folder's ACL (fileio.py)")
def test_files_with_personal_data_are_owner_only(session, case_id, tmp_path):
    """The subject-access export and the access-log CSV go through the one writer (0600)."""
    old = os.umask(0o022)
    try:
        path = session.subject_access.export(case_id, tmp_path / "out")
        session.access_log.export_csv(tmp_path / "log.csv", TODAY - timedelta(days=1), seoul_today(), "점검")
    finally:
        os.umask(old)
    for written in (path, path.with_suffix(".pdf"), tmp_path / "log.csv"):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600, written
    assert "admin" in (tmp_path / "log.csv").read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([path.name, path.with_suffix(".pdf").name])


def test_a_resident_number_in_a_note_leaves_the_app_masked(session, case_id, tmp_path):
    """Issue 15, item 9: the export (JSON and PDF) never carries it as typed."""
    import json

    from pypdf import PdfReader

    from intake_desktop.domain.rrn import MASK

    session.casework.add_note(case_id, on=TODAY, mode="visit", minutes=30,
                              content="주민번호 900101 1234568 불러 줌", today=TODAY)
    path = session.subject_access.export(case_id, tmp_path / "out")
    raw = path.read_text(encoding="utf-8")
    assert "1234568" not in raw and json.loads(raw)["notes"][0]["content"] == f"주민번호 {MASK} 불러 줌"
    text = "".join(page.extract_text() for page in PdfReader(path.with_suffix(".pdf")).pages)
    assert "1234568" not in text.replace(" ", "")
