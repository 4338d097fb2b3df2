"""Who changed what: one sealed history row per save of a person, a case's overview, an intake,
a plan or a consent; corrections carry a reason and print a notice."""

from __future__ import annotations

import io
import json
from datetime import date

import pypdf
import pytest

from intake_desktop.domain import dates
from intake_desktop.domain.enums import RiskLevel, Stage
from intake_desktop.services import errors as E
from intake_desktop.services.consent import HowGiven
from intake_desktop.services.history import diff, flatten
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE, person, raw_db

CANARY = "01077553311"


@pytest.fixture
def session(login):
    admin = login("admin")
    admin.centre.update(phone="02-820-1234")
    return admin


def changes_of(entries, entity):
    return [(c.field, c.old, c.new) for e in entries if e.entity == entity for c in e.changes]


def test_flatten_and_diff():
    assert flatten({"a": {"b": 1, "c": ""}, "goals": [{"goal": "x"}], "tags": ["p", "q"]}) == {
        "a.b": 1, "goals.1.goal": "x", "tags": ["p", "q"]}
    assert diff({"x": 1, "y": None}, {"x": 2, "y": ""}) == [{"field": "x", "old": 1, "new": 2}]
    assert diff({"s": 1, "t": 1}, {"s": 2, "t": 2}, skip=frozenset({"s"})) == [{"field": "t", "old": 1, "new": 2}]


def test_person_edit_is_recorded_with_old_and_new(session):
    case_id = session.cases.create(person("김민수", mobile="01011112222"))
    detail = session.cases.get(case_id)
    session.cases.update_person(case_id, {**detail.person, "mobile": "01033334444"}, detail.person_version)
    [entry] = session.history.for_case(case_id)
    assert entry.entity == "person" and entry.record_id == detail.person_id
    assert changes_of([entry], "person") == [("mobile", "01011112222", "01033334444")]
    assert entry.by == session.account_id and entry.by_name == session.display_name
    assert not entry.correction and entry.reason == ""


def test_case_overview_and_stage(session):
    case_id = session.cases.create(person())
    detail = session.cases.get(case_id)
    session.cases.update_case(case_id, {**detail.case, "risk_level": RiskLevel.HIGH.value}, detail.case_version)
    session.cases.change_stage(case_id, Stage.ASSESSMENT)
    entries = session.history.for_case(case_id)
    recorded = changes_of(entries, "case")
    assert ("risk_level", detail.case.get("risk_level"), "high") in recorded
    assert ("stage", "intake", "assessment") in recorded
    assert not any(field.startswith("stage_history") for field, _o, _n in recorded)
    # a note moves last_contact (a figure kept in step): not an edit, not in the history
    before = len(entries)
    session.casework.add_note(case_id, on=dates.today(), mode="phone", minutes=10, content="통화")
    assert len(session.history.for_case(case_id)) == before


def test_intake_plan_and_consent_changes(session):
    case_id = session.cases.create(person())
    saved = session.intakes.save(case_id, {"isolation_months": 12}, complete=False)
    session.intakes.save(case_id, {"isolation_months": 18}, record_id=saved.record_id,
                         expected_version=saved.version, complete=False)
    plan = session.casework.save_plan(case_id, [{"goal": "주 1회 외출"}])
    session.casework.save_plan(case_id, [{"goal": "주 2회 외출", "services": "또래 모임"}], previous=plan)
    consent = session.consent.record_collection(case_id, HowGiven(date(2025, 5, 2)))
    session.consent.withdraw(case_id, consent.id, date(2025, 6, 1), "본인")
    entries = session.history.for_case(case_id)
    assert ("isolation_months", 12, 18) in changes_of(entries, "intake")
    plan_changes = changes_of(entries, "plan")
    assert ("goals.1.goal", None, "주 1회 외출") in plan_changes
    assert ("goals.1.goal", "주 1회 외출", "주 2회 외출") in plan_changes
    assert ("goals.1.services", None, "또래 모임") in plan_changes
    consent_changes = changes_of(entries, "consent")
    assert ("type", None, "collection") in consent_changes
    assert ("withdrawn.date", None, "2025-06-01") in consent_changes
    assert ("withdrawn.requested_by", None, "본인") in consent_changes
    words = session.history.labels("ko")
    assert words.field("goals.1.services") == "목표 1 · 서비스"
    assert words.field("isolation_months") != "isolation_months"  # the form's own label
    assert words.field("address.postal_code").endswith("우편번호")


def test_a_correction_needs_a_reason_and_prints_a_notice(session):
    case_id = session.cases.create(person("박정정", mobile="01011112222"))
    detail = session.cases.get(case_id)
    for blank in ("", "   \n"):
        with pytest.raises(E.UsageError):
            with session.history.correction(blank):
                session.cases.update_person(case_id, {**detail.person, "mobile": "01099998888"},
                                            detail.person_version)
    assert session.history.for_case(case_id) == []  # refused before anything was saved
    with session.history.correction("본인 요청: 번호 변경"):
        session.cases.update_person(case_id, {**detail.person, "mobile": "01099998888"}, detail.person_version)
    detail = session.cases.get(case_id)
    session.cases.update_person(case_id, {**detail.person, "gender": "female"}, detail.person_version)
    latest, corrected = session.history.for_case(case_id)
    assert corrected.correction and corrected.reason == "본인 요청: 번호 변경"
    assert not latest.correction  # the block ended with the save
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        session.history.correction_notice(case_id, corrected.id, issue_date=date(2026, 1, 5)))).pages)
    for part in ("정정 통지서", "박정정", "본인 요청: 번호 변경", "010-1111-2222", "010-9999-8888", "휴대전화",
                 session.display_name, "2026. 1. 5."):
        assert part in text, part
    with pytest.raises(E.UsageError):
        session.history.correction_notice(case_id, latest.id)


def test_history_is_encrypted(vault_dir):
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case_id = session.cases.create(person(mobile=CANARY))
        detail = session.cases.get(case_id)
        with session.history.correction("정정사유카나리아"):
            session.cases.update_person(case_id, {**detail.person, "mobile": "01000000000"},
                                        detail.person_version)
        # the person row now holds the new number: the old one lives only in the history
        assert changes_of(session.history.for_case(case_id), "person")[0][1] == CANARY
        session.lock()
    for path in vault_dir.iterdir():
        data = path.read_bytes()
        for canary in (CANARY, "정정사유카나리아"):
            assert canary.encode() not in data and json.dumps(canary)[1:-1].encode() not in data, path


def _two_history_rows(vault_dir):
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case_id = session.cases.create(person())
        for mobile in ("01011110000", "01022220000"):
            detail = session.cases.get(case_id)
            session.cases.update_person(case_id, {**detail.person, "mobile": mobile}, detail.person_version)
        session.lock()
    return case_id


@pytest.mark.parametrize("attack", ["swap", "delete"])
def test_a_tampered_history_is_refused(vault_dir, attack):
    _two_history_rows(vault_dir)
    with raw_db(vault_dir) as raw:
        (a, va, da), (b, vb, db) = raw.execute("SELECT id, version, data FROM change_record").fetchall()
        if attack == "swap":
            raw.execute("UPDATE change_record SET version = ?, data = ? WHERE id = ?", (vb, db, a))
            raw.execute("UPDATE change_record SET version = ?, data = ? WHERE id = ?", (va, da, b))
        else:
            raw.execute("DELETE FROM change_record WHERE id = ?", (b,))
    with Vault.open(vault_dir) as vault, pytest.raises(E.DamagedError):
        vault.unlock("admin", PASSPHRASE)


def test_a_rolled_back_history_row_is_refused(vault_dir):
    case_id = _two_history_rows(vault_dir)
    with raw_db(vault_dir) as raw:
        old = raw.execute("SELECT id, created_at, data FROM change_record ORDER BY created_at").fetchall()
    with Vault.open(vault_dir) as vault:  # a third save; then the attacker puts the history back
        session = vault.unlock("admin", PASSPHRASE)
        detail = session.cases.get(case_id)
        session.cases.update_person(case_id, {**detail.person, "mobile": "01033330000"}, detail.person_version)
        session.lock()
    with raw_db(vault_dir) as raw:
        raw.execute("DELETE FROM change_record WHERE id NOT IN (?, ?)", (old[0][0], old[1][0]))
    with Vault.open(vault_dir) as vault, pytest.raises(E.DamagedError):
        vault.unlock("admin", PASSPHRASE)


def test_destruction_removes_the_history_and_the_export_has_it(session, vault_dir, tmp_path):
    keep = session.cases.create(person("유지"))
    gone = session.cases.create(person("파기"))
    for case_id in (keep, gone):
        detail = session.cases.get(case_id)
        session.cases.update_person(case_id, {**detail.person, "mobile": "01012120000"}, detail.person_version)
    exported = session.subject_access.collect(keep)
    assert [c["field"] for c in exported["history"][0]["changes"]] == ["mobile"]
    session.retention.destroy(gone, "보존 기간 경과")
    with raw_db(vault_dir) as raw:
        owners = [r[0] for r in raw.execute("SELECT case_id FROM change_record")]
    assert owners == [session.cases.get(keep).case_id]


def test_history_command_line(cli, vault_dir, tmp_path):
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case_id = session.cases.create(person("최이력", mobile="01011112222"))
        detail = session.cases.get(case_id)
        with session.history.correction("본인 요청"):
            session.cases.update_person(case_id, {**detail.person, "mobile": "01055556666"},
                                        detail.person_version)
        number = detail.case_number
        session.lock()
    listed = cli("history", "--user", "admin", "--case", number, data_dir=vault_dir)
    assert listed.code == 0, listed.err
    assert "010-1111-2222" in listed.out and "010-5555-6666" in listed.out and "본인 요청" in listed.out
    as_json = cli("history", "--user", "admin", "--case", number, "--json", data_dir=vault_dir)
    [entry] = json.loads(as_json.out)
    assert entry["changes"] == [{"field": "mobile", "old": "01011112222", "new": "01055556666"}]
    out = tmp_path / "notice.pdf"
    written = cli("history", "--user", "admin", "--case", number, "--notice", entry["id"], "--out", out,
                  data_dir=vault_dir)
    assert written.code == 0, written.err
    assert "정정 통지서" in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert cli("history", "--user", "admin", "--case", number, "--notice", entry["id"],
               data_dir=vault_dir).code == 2


def test_backups_carry_the_history(vault_dir, tmp_path):
    from intake_desktop.services import backup as B

    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case_id = session.cases.create(person(mobile="01011112222"))
        detail = session.cases.get(case_id)
        with session.history.correction("본인 요청"):
            session.cases.update_person(case_id, {**detail.person, "mobile": "01033334444"},
                                        detail.person_version)
        expected = session.history.as_json(session.history.for_case(case_id))
        made = B.BackupService(session).create(tmp_path / "out.ikbak")
        restored_dir = tmp_path / "restored"
        B.BackupService(session).restore_into(made.path, restored_dir)
        session.lock()
    with Vault.open(restored_dir) as restored:
        session = restored.unlock("admin", PASSPHRASE)
        assert session.history.as_json(session.history.for_case(case_id)) == expected
        assert expected[0]["reason"] == "본인 요청"
        session.lock()
