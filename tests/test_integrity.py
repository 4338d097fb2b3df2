"""Whole-vault integrity (issue 13, items 1, 2 and 9): rollback, deletion and replay of sealed
rows are refused at unlock (exit 4, naming the table or case) and reported by `audit verify`;
every legitimate write keeps the state in step; old vaults are sealed at their first unlock;
unlock attempts refused during a lockout are logged. The per-table attack matrix is in
tests/test_vault_attacks.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intake_desktop.crypto import rowset
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import errors as E
from intake_desktop.services import integrity
from intake_desktop.services.cases import MSG_CASE_DAMAGED
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE, FakeClock, PASSPHRASES, actions, person, raw_db, renamed_case

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "vault-schema-0002"


# -- item 1: rollback of a row ---------------------------------------------------------------------
def test_a_person_rolled_back_with_sqlite_is_refused_everywhere(vault_dir, cli):
    case_id, person_id, old = renamed_case(vault_dir)
    with raw_db(vault_dir) as raw:
        raw.execute("UPDATE person SET version = ?, updated_at = ?, data = ? WHERE id = ?", (*old, person_id))

    listed = cli("cases", "--user", "admin", "--show-names", data_dir=vault_dir)
    assert listed.code == 4 and "김예전" not in listed.out
    assert "person" in listed.err and "Traceback" not in listed.err
    exported = cli("export-person", "--user", "admin", "--case", case_id, "--out", str(vault_dir.parent / "x"),
                   data_dir=vault_dir)
    assert exported.code == 4
    verified = cli("audit", "verify", data_dir=vault_dir)
    assert verified.code == 4 and "person" in verified.err


# -- item 2: deletion of rows ----------------------------------------------------------------------
def _case_whose_person_was_deleted(vault_dir, name: str) -> tuple[str, str]:
    """A case made through the service, then its person row deleted with sqlite3: (id, number)."""
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case_id = session.cases.create(person(name))
        number = session.cases.get(case_id).case_number
        session.lock()
    with raw_db(vault_dir) as raw:
        raw.execute("DELETE FROM person WHERE id = (SELECT person_id FROM case_file WHERE id = ?)", (case_id,))
    return case_id, number


def test_a_deleted_person_row_names_the_case(vault_dir, cli, tmp_path):
    case_id, number = _case_whose_person_was_deleted(vault_dir, "이지워짐")
    result = cli("export-person", "--user", "admin", "--case", case_id, "--out", str(tmp_path / "out"),
                 data_dir=vault_dir)
    assert result.code == 4, result
    assert number in result.err and "Unexpected" not in result.err


def test_reading_a_case_whose_person_is_gone_is_damage_not_a_crash(vault_dir):
    """Even where the unlock check is skipped (audit verify), reading names the case."""
    case_id, _number = _case_whose_person_was_deleted(vault_dir, "박없음")
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE, check_integrity=False)
        with pytest.raises(E.DamagedError) as damaged:
            session.cases.get(case_id)
        assert damaged.value.message == MSG_CASE_DAMAGED
        session.lock()


def test_audit_verify_reports_a_deleted_row_in_korean(vault_dir, cli):
    """Found by hand: the Korean `audit verify` printed the row check's problem in English."""
    _case_id, number = _case_whose_person_was_deleted(vault_dir, "이지워짐")
    verified = cli("--lang", "ko", "audit", "verify", data_dir=vault_dir)
    assert verified.code == 4
    assert number in verified.err and "삭제되었습니다" in verified.err
    assert "deleted" not in verified.err and "Records of case" not in verified.err


def test_a_whole_case_deleted_with_its_children_is_refused(vault_dir):
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case_id = session.cases.create(person("최통째"))
        session.records.add("note", case_id, {"content": "면담"})
        session.lock()
    with raw_db(vault_dir) as raw:
        raw.execute("DELETE FROM session_note WHERE case_id = ?", (case_id,))
        raw.execute("DELETE FROM person WHERE id = (SELECT person_id FROM case_file WHERE id = ?)", (case_id,))
        raw.execute("DELETE FROM case_file WHERE id = ?", (case_id,))
    with pytest.raises(E.DamagedError) as refused:
        with Vault.open(vault_dir) as vault:
            vault.unlock("admin", PASSPHRASE)
    assert refused.value.exit_code == 4
    assert refused.value.params["table"] in {"case_file", "person", "session_note"}


# -- legitimate writes keep the state in step ------------------------------------------------------
def test_every_kind_of_write_keeps_the_vault_whole(vault_dir, info):
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        keep = session.cases.create(person("유지"))
        doomed = session.cases.create(person("파기대상"))
        for case_id in (keep, doomed):
            note = session.records.add("note", case_id, {"content": "첫"})
            session.records.replace("note", note, {"content": "둘"})
            session.records.add("plan", case_id, {"goal": "외출"})
        session.records.add_many("follow_up", [(keep, {"n": i}) for i in range(5)])
        detail = session.cases.get(keep)
        session.cases.update_person(keep, {**detail.person, "name": "유지됨"}, detail.person_version)
        session.cases.update_case(keep, {"last_contact": "2026-01-02"}, detail.case_version)
        session.cases.assign(keep, info.ids["kim"])
        session.cases.share(keep, info.ids["lee"])
        session.drafts.save(f"note:{keep}", {"text": "쓰는 중"})
        session.drafts.save(f"note:{keep}", {"text": "더 쓰는 중"})
        session.drafts.save(f"note:{doomed}", {"text": "파기될 초안"})
        session.drafts.discard(f"note:{keep}")
        session.retention.destroy(doomed, "보존 기간 경과")
        assert session.audit.verify() == []
        session.lock()
        session = vault.unlock("admin", PASSPHRASE)  # refused if any write was missed
        assert session.audit.verify() == []
        session.lock()


# -- vaults from before the check ------------------------------------------------------------------
def _old_vault(tmp_path) -> Path:
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE / VAULT_FILE, folder / VAULT_FILE)
    return folder


FIXTURE_ADMIN = ("admin", "fixture admin passphrase")


def test_an_old_vault_is_sealed_at_its_first_unlock_then_guarded(tmp_path):
    folder = _old_vault(tmp_path)
    with Vault.open(folder) as vault:
        session = vault.unlock(*FIXTURE_ADMIN)
        assert integrity.INIT_ACTION in actions(session)
        session.lock()
        vault.unlock(*FIXTURE_ADMIN).lock()
    with raw_db(folder) as raw:
        raw.execute("DELETE FROM session_note WHERE rowid = (SELECT min(rowid) FROM session_note)")
    with pytest.raises(E.DamagedError) as refused, Vault.open(folder) as vault:
        vault.unlock(*FIXTURE_ADMIN)
    assert refused.value.params["table"] == "session_note"


def test_an_upgraded_vault_cannot_be_unsealed_by_deleting_its_state(tmp_path):
    folder = _old_vault(tmp_path)
    with Vault.open(folder) as vault:
        vault.unlock(*FIXTURE_ADMIN).lock()
    with raw_db(folder) as raw:
        raw.execute("DELETE FROM vault_meta WHERE key = ?", (integrity.STATE_KEY,))
        raw.execute("DELETE FROM session_note WHERE rowid = (SELECT min(rowid) FROM session_note)")
    with pytest.raises(E.DamagedError), Vault.open(folder) as vault:
        vault.unlock(*FIXTURE_ADMIN)
    with raw_db(folder) as raw:  # and hiding the sealing event too breaks the access log's chain
        raw.execute("DELETE FROM audit_event WHERE action = ?", (integrity.INIT_ACTION,))
    with pytest.raises(E.DamagedError), Vault.open(folder) as vault:
        vault.unlock(*FIXTURE_ADMIN)


# -- the construction itself ---------------------------------------------------------------------------
def test_set_digest_is_order_free_and_keyed():
    rows = [("a", 1, b"x"), ("b", 2, b"y"), ("c", None, b"z")]  # clear values, then the document
    key, other = b"k" * 32, b"j" * 32
    forward, backward = rowset.fold(key, "t", rows), rowset.fold(key, "t", reversed(rows))
    assert forward == backward and forward.count == 3
    assert rowset.fold(other, "t", rows).value != forward.value
    digest = rowset.fold(key, "t", rows[:2])
    digest.add(rowset.row_mac(key, "t", rows[2]))
    assert digest == forward
    digest.remove(rowset.row_mac(key, "t", rows[0]))
    assert digest == rowset.fold(key, "t", rows[1:])
    # values that differ only in type or placement encode differently
    assert rowset.row_mac(key, "t", ("1", b"")) != rowset.row_mac(key, "t", (1, b""))
    assert rowset.row_mac(key, "t", ("a\x1fb", b"")) != rowset.row_mac(key, "t", ("a", "b", b""))
    assert rowset.row_mac(key, "t", ("a", b"x")) != rowset.row_mac(key, "s", ("a", b"x"))


# -- item 9: refused attempts during a lockout are logged ----------------------------------------------
def test_attempts_refused_during_a_lockout_are_logged_not_counted(vault_dir):
    clock = FakeClock()
    with Vault.open(vault_dir, clock=clock) as vault:
        for _ in range(5):
            with pytest.raises(E.DeniedError):
                vault.unlock("kim", "a wrong passphrase")
        for _ in range(3):  # refused unheard, even with the right passphrase
            with pytest.raises(E.DeniedError) as refused:
                vault.unlock("kim", PASSPHRASES["kim"])
            assert refused.value.message == E.MSG_LOCKED_OUT
        with raw_db(vault_dir) as raw:
            assert raw.execute("SELECT failed_attempts FROM account WHERE username = 'kim'").fetchone()[0] == 5
        clock.advance(3600)
        session = vault.unlock("kim", PASSPHRASES["kim"])
        logged = actions(session)
        assert logged.count("login.failed") == 5 and logged.count("login.refused") == 3
        assert logged[-1] == "login"
        session.lock()
