"""Vault life cycle and sessions: passphrases, lockout, recovery, key slots, accounts, roles,
locking, drafts, text hygiene and optimistic concurrency — all through the services."""

from __future__ import annotations

import json
import time
import unicodedata

import pytest

from intake_desktop.crypto import kdf
from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.errors import ConflictError
from intake_desktop.services.demo import fill_demo
from intake_desktop.services.vault import Vault, lockout_delay

from vaultkit import PASSPHRASE, PASSPHRASES, FakeClock, actions, audit_events, person, raw_db


def slots(data_dir) -> dict[str, tuple]:
    with raw_db(data_dir) as db:
        rows = db.execute("SELECT id, account_id, kind, kdf_params, wrapped_key FROM key_slot").fetchall()
    return {row[0]: row[1:] for row in rows}


def account_row(data_dir, username) -> dict:
    with raw_db(data_dir) as db:
        db.row_factory = __import__("sqlite3").Row
        return dict(db.execute("SELECT * FROM account WHERE username = ?", (username,)).fetchone())


# -- creating and unlocking ------------------------------------------------------------------
def test_create_makes_a_vault_that_opens_with_the_admin_passphrase(tmp_path):
    created = Vault.create(tmp_path / "new", " 동작구 청년센터\x00 ", "admin", "관리자", PASSPHRASE)
    with created.vault as vault:
        assert vault.centre_name == "동작구 청년센터"
        assert [(a.username, a.role) for a in vault.accounts()] == [("admin", Role.ADMIN)]
        session = vault.unlock("admin", PASSPHRASE)
        assert session.role is Role.ADMIN and session.display_name == "관리자"
        assert actions(session)[:4] == ["login", "vault.create", "lock", "login"]
        assert session.audit.verify() == []
        session.lock()
    with pytest.raises(E.ServiceError) as exists:
        Vault.create(tmp_path / "new", "again", "admin", "", PASSPHRASE)
    assert exists.value.message == E.MSG_VAULT_EXISTS


@pytest.mark.parametrize("username", ["A", "x", "has space", "관리자", "a" * 33, "semi;colon"])
def test_create_refuses_bad_usernames(tmp_path, username):
    with pytest.raises(E.UsageError):
        Vault.create(tmp_path / "v", "c", username, "", PASSPHRASE)
    assert not (tmp_path / "v" / "vault.sqlite").exists()


@pytest.mark.parametrize("weak", ["", "short", "aaaaaaaaaaaaaaaa", "abababababab"])
def test_create_refuses_weak_passphrases(tmp_path, weak):
    with pytest.raises(E.UsageError):
        Vault.create(tmp_path / "v", "c", "admin", "", weak)


def test_wrong_passphrase_is_denied(vault, vault_dir):
    with pytest.raises(E.DeniedError) as denied:
        vault.unlock("admin", "not the passphrase")
    assert denied.value.message == E.MSG_WRONG_PASSPHRASE
    assert denied.value.exit_code == 3
    assert account_row(vault_dir, "admin")["failed_attempts"] == 1


def test_empty_passphrase_is_denied_and_not_counted(vault, vault_dir):
    with pytest.raises(E.DeniedError) as denied:
        vault.unlock("admin", "")
    assert denied.value.message == E.MSG_EMPTY_PASSPHRASE
    assert account_row(vault_dir, "admin")["failed_attempts"] == 0


def test_unknown_account_is_denied(vault):
    with pytest.raises(E.DeniedError) as denied:
        vault.unlock("nobody", PASSPHRASE)
    assert denied.value.message == E.MSG_UNKNOWN_ACCOUNT


def test_passphrase_of_another_account_does_not_open(vault):
    with pytest.raises(E.DeniedError):
        vault.unlock("kim", PASSPHRASES["lee"])


# -- lockout -----------------------------------------------------------------------------------
def test_lockout_delay_schedule():
    assert [lockout_delay(n) for n in range(5)] == [0] * 5
    assert [lockout_delay(n) for n in range(5, 10)] == [15, 30, 60, 120, 240]
    assert lockout_delay(50) == 15 * 60


def _locked_for(vault, username, passphrase) -> int:
    with pytest.raises(E.DeniedError) as denied:
        vault.unlock(username, passphrase)
    assert denied.value.message == E.MSG_LOCKED_OUT
    return denied.value.params["seconds"]


def test_lockout_after_five_failures_with_increasing_delay(vault_dir):
    clock = FakeClock()
    with Vault.open(vault_dir, clock=clock) as vault:
        failed_at = []
        for _ in range(5):
            with pytest.raises(E.DeniedError) as denied:
                vault.unlock("kim", "a wrong passphrase")
            assert denied.value.message == E.MSG_WRONG_PASSPHRASE
            failed_at.append(clock.now)
            clock.advance(1)

        # Locked: even the right passphrase is refused, and the refusal is not a new failure.
        clock.advance(-1)
        for delay in (15, 30, 60):
            assert _locked_for(vault, "kim", PASSPHRASES["kim"]) == delay  # exactly what is left
            clock.advance(delay - 2.5)
            assert _locked_for(vault, "kim", "a wrong passphrase") == 3  # 2.5 s left: rounded up
            clock.advance(2.5)
            with pytest.raises(E.DeniedError) as denied:  # the delay is over: tried, and wrong
                vault.unlock("kim", "a wrong passphrase")
            assert denied.value.message == E.MSG_WRONG_PASSPHRASE
            failed_at.append(clock.now)
        assert account_row(vault_dir, "kim")["failed_attempts"] == 8

        # Another account is not affected.
        vault.unlock("lee", PASSPHRASES["lee"]).lock()

        clock.advance(240)
        session = vault.unlock("kim", PASSPHRASES["kim"])
        assert account_row(vault_dir, "kim")["failed_attempts"] == 0
        failures = [e for e in audit_events(session) if e.action == "login.failed"]
        assert len(failures) == 8  # the locked-out attempts were refused before counting
        assert all(e.account_id == session.account_id for e in failures)
        assert [e.at.replace(tzinfo=None) for e in failures] == [t.replace(tzinfo=None) for t in failed_at]
        assert actions(session)[-1] == "login"
        assert session.audit.verify() == []
        session.lock()

        with pytest.raises(E.DeniedError) as denied:  # the counter started again
            vault.unlock("kim", "a wrong passphrase")
        assert denied.value.message == E.MSG_WRONG_PASSPHRASE


def test_failures_are_audited_at_the_next_successful_unlock(vault_dir):
    clock = FakeClock()
    with Vault.open(vault_dir, clock=clock) as vault:
        for _ in range(3):
            with pytest.raises(E.DeniedError):
                vault.unlock("admin", "wrong passphrase here")
            clock.advance(10)
        with raw_db(vault_dir) as db:  # written at once, in clear: account id and time only
            assert db.execute("SELECT count(*) FROM login_failure").fetchone()[0] == 3
        session = vault.unlock("admin", PASSPHRASE)
        assert actions(session)[-4:] == ["login.failed"] * 3 + ["login"]
        with raw_db(vault_dir) as db:
            assert db.execute("SELECT count(*) FROM login_failure").fetchone()[0] == 0
        assert session.audit.verify() == []
        session.lock()


# -- recovery key ----------------------------------------------------------------------------
def test_recovery_key_unlocks_and_is_audited(vault, info):
    session = vault.unlock_with_recovery("admin", info.recovery_key)
    assert session.username == "admin"
    assert actions(session)[-1] == "login.recovery"
    session.accounts.reset_passphrase("kim", "kim forgot and got this one")
    session.lock()
    vault.unlock("kim", "kim forgot and got this one").lock()
    with pytest.raises(E.DeniedError):
        vault.unlock("kim", PASSPHRASES["kim"])


def test_recovery_key_as_read_from_paper(vault, info):
    handwritten = info.recovery_key.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    vault.unlock_with_recovery("admin", handwritten).lock()


def test_recovery_key_typo_is_caught_before_the_kdf(vault, info, vault_dir):
    key = info.recovery_key
    typo = key[:-1] + ("A" if key[-1] != "A" else "B")
    with pytest.raises(E.DeniedError) as denied:
        vault.unlock_with_recovery("admin", typo)
    assert denied.value.message == E.MSG_BAD_RECOVERY_KEY
    assert account_row(vault_dir, "admin")["failed_attempts"] == 0


def test_wrong_recovery_key_is_denied_and_counted(vault, vault_dir):
    from intake_desktop.crypto import recovery

    with pytest.raises(E.DeniedError) as denied:
        vault.unlock_with_recovery("admin", recovery.generate())
    assert denied.value.message == E.MSG_WRONG_RECOVERY_KEY
    assert account_row(vault_dir, "admin")["failed_attempts"] == 1


# -- passphrases and key slots -----------------------------------------------------------------
def test_change_passphrase_rewraps_only_that_accounts_slot(vault, vault_dir, login, info):
    kim = login("kim")
    case_id = kim.cases.create(person("박서연"))
    before = slots(vault_dir)
    kim.accounts.change_passphrase(PASSPHRASES["kim"], "kim's brand new passphrase")
    after = slots(vault_dir)

    kim_id = info.ids["kim"]
    untouched_before = {k: v for k, v in before.items() if v[0] != kim_id}
    untouched_after = {k: v for k, v in after.items() if v[0] != kim_id}
    assert untouched_after == untouched_before  # every other slot: same id, params and bytes
    assert len(untouched_before) == len(before) - 1
    (new_id, new_slot), = [(k, v) for k, v in after.items() if v[0] == kim_id]
    old_slot = next(v for v in before.values() if v[0] == kim_id)
    assert new_id not in before and new_slot[3] != old_slot[3]
    assert json.loads(new_slot[2])["salt"] != json.loads(old_slot[2])["salt"]
    assert actions(kim)[-1] == "account.passphrase"
    kim.lock()

    with pytest.raises(E.DeniedError):
        vault.unlock("kim", PASSPHRASES["kim"])
    kim_again = login("kim", "kim's brand new passphrase")
    assert kim_again.cases.get(case_id).person["name"] == "박서연"  # nothing was re-encrypted
    login("lee")
    login("admin")
    vault.unlock_with_recovery("admin", info.recovery_key).lock()


def test_change_passphrase_needs_the_old_one_and_a_strong_new_one(login):
    kim = login("kim")
    with pytest.raises(E.DeniedError):
        kim.accounts.change_passphrase("not my passphrase", "kim's brand new passphrase")
    with pytest.raises(E.UsageError):
        kim.accounts.change_passphrase(PASSPHRASES["kim"], "short")


# -- accounts --------------------------------------------------------------------------------
def test_disable_removes_the_slot_but_keeps_the_history(vault, vault_dir, login, info):
    kim = login("kim")
    case_id = kim.cases.create(person("최하늘"))
    kim.lock()
    admin = login("admin")
    admin.accounts.disable("kim")

    assert not any(v[0] == info.ids["kim"] for v in slots(vault_dir).values())
    row = account_row(vault_dir, "kim")
    assert row["active"] == 0 and row["disabled_at"] is not None
    assert "kim" not in [a.username for a in vault.accounts()]
    with pytest.raises(E.DeniedError):
        vault.unlock("kim", PASSPHRASES["kim"])

    detail = admin.cases.get(case_id)  # the case and its owner stay
    assert detail.person["name"] == "최하늘" and detail.counsellor_id == info.ids["kim"]
    assert any(e.account_id == info.ids["kim"] for e in audit_events(admin))
    assert actions(admin)[-2] == "account.disable"
    assert admin.audit.verify() == []
    with pytest.raises(E.UsageError):  # gone for good: not disabled twice, no new passphrase
        admin.accounts.disable("kim")


def test_last_admin_cannot_be_disabled(admin):
    with pytest.raises(E.UsageError) as refused:
        admin.accounts.disable("admin")
    assert refused.value.message == E.MSG_LAST_ADMIN
    admin.accounts.add("second", Role.ADMIN, "second admin passphrase")
    admin.accounts.disable("admin")  # now allowed
    with pytest.raises(E.UsageError):
        admin.accounts.disable("second")


def test_account_names_are_unique(admin):
    with pytest.raises(E.UsageError) as refused:
        admin.accounts.add("kim", Role.COUNSELLOR, "another long passphrase")
    assert refused.value.message == E.MSG_ACCOUNT_EXISTS


# -- roles -----------------------------------------------------------------------------------
def test_only_an_admin_manages_accounts(login):
    for username in ("kim", "boss"):
        session = login(username)
        with pytest.raises(E.DeniedError) as denied:
            session.accounts.add("newbie", Role.COUNSELLOR, "a long enough passphrase")
        assert denied.value.message == E.MSG_ROLE_REQUIRED
        with pytest.raises(E.DeniedError):
            session.accounts.disable("lee")
        with pytest.raises(E.DeniedError):
            session.accounts.reset_passphrase("lee", "a long enough passphrase")
    with pytest.raises(E.DeniedError):
        fill_demo(login("kim"), 3)


def _cases_of_kim_and_lee(login):
    kim, lee = login("kim"), login("lee")
    kim_case = kim.cases.create(person("김민수", mobile="010-1111-2222"))
    lee_case = lee.cases.create(person("이서준", mobile="010-3333-4444"))
    lee.records.add("note", lee_case, {"content": "이서준 면담 기록"})
    return kim, lee, kim_case, lee_case


def test_counsellor_cannot_reach_another_counsellors_case(login):
    kim, lee, kim_case, lee_case = _cases_of_kim_and_lee(login)
    number = lee.cases.get(lee_case).case_number

    for ref in (lee_case, number):
        with pytest.raises(E.DeniedError) as denied:
            kim.cases.get(ref)
        assert denied.value.message == E.MSG_CASE_DENIED
    for query in ("이서준", "ㅇㅅㅈ", "3333", number):
        assert kim.cases.search(query) == []
    assert [s.case_id for s in kim.cases.index.items] == [kim_case]
    with pytest.raises(E.DeniedError):
        kim.records.list("note", lee_case)
    with pytest.raises(E.DeniedError):
        kim.records.add("note", lee_case, {"content": "not mine"})
    with pytest.raises(E.DeniedError):
        kim.cases.update_person(lee_case, person("바뀐이름"), 1)
    with pytest.raises(E.DeniedError):
        kim.cases.create(person("남의사례"), counsellor_id=lee.account_id)
    assert lee.cases.get(lee_case).person["name"] == "이서준"
    assert lee.records.list("note", lee_case) == [{"content": "이서준 면담 기록"}]


def test_supervisor_and_admin_reach_every_case(login):
    kim, lee, kim_case, lee_case = _cases_of_kim_and_lee(login)
    for username in ("boss", "admin"):
        session = login(username)
        assert {s.case_id for s in session.cases.index.items} == {kim_case, lee_case}
        assert session.cases.get(lee_case).person["name"] == "이서준"
        assert [s.case_id for s in session.cases.search("ㅇㅅ")] == [lee_case]


def test_a_shared_case_is_visible_to_the_counsellor_it_is_shared_with(login):
    kim, lee, kim_case, lee_case = _cases_of_kim_and_lee(login)
    with pytest.raises(E.DeniedError):  # nobody shares themselves into a case
        kim.cases.share(lee_case, kim.account_id)
    with pytest.raises(E.DeniedError):
        kim.cases.assign(lee_case, kim.account_id)
    lee.cases.share(lee_case, kim.account_id)
    kim.cases.forget()
    assert {s.case_id for s in kim.cases.index.items} == {kim_case, lee_case}
    assert kim.cases.get(lee_case).person["name"] == "이서준"
    assert kim.records.list("note", lee_case) == [{"content": "이서준 면담 기록"}]


def test_counsellor_cannot_add_records_in_bulk_to_another_counsellors_case(login):
    kim, lee, kim_case, lee_case = _cases_of_kim_and_lee(login)
    with pytest.raises(E.DeniedError):
        kim.records.add_many("note", [(lee_case, {"content": "planted"})])
    assert lee.records.list("note", lee_case) == [{"content": "이서준 면담 기록"}]


def test_counsellor_cannot_overwrite_another_counsellors_record_by_id(login):
    from intake_desktop.services.records import Record

    kim, lee, kim_case, lee_case = _cases_of_kim_and_lee(login)
    (lee_note,) = lee.records.records("note", lee_case)
    forged = Record(lee_note.id, kim_case, lee_note.version, kim.account_id, {})
    with pytest.raises((E.DeniedError, ConflictError)):
        kim.records.replace("note", forged, {"content": "overwritten"})
    assert lee.records.list("note", lee_case) == [{"content": "이서준 면담 기록"}]


def test_unknown_case_is_reported_as_not_found(admin):
    with pytest.raises(E.ServiceError) as missing:
        admin.cases.get("2099-99999")
    assert missing.value.message == E.MSG_CASE_NOT_FOUND


# -- locking ---------------------------------------------------------------------------------
def test_a_locked_session_can_do_nothing(vault, login):
    kim = login("kim")
    case_id = kim.cases.create(person())
    kim.drafts.save("new-case", {"name": "쓰던 중"})
    seen = []
    kim.add_lock_listener(lambda: seen.append("locked"))
    kim.cases.index  # noqa: B018 - decrypted summaries in memory
    kim.lock()
    assert kim.is_locked and seen == ["locked"]
    for attempt in (
        lambda: kim.cases.index, lambda: kim.cases.get(case_id), lambda: kim.cases.search("김"),
        lambda: kim.records.list("note", case_id), lambda: kim.drafts.load("new-case"),
        lambda: kim.drafts.save("x", {}), lambda: kim.audit.verify(),
        lambda: kim.cases.create(person()), lambda: kim.require_role(Role.COUNSELLOR),
    ):
        with pytest.raises(E.DeniedError) as denied:
            attempt()
        assert denied.value.message == E.MSG_VAULT_LOCKED
    kim.lock()  # twice is harmless and not logged twice
    with pytest.raises(E.DeniedError):
        kim.resume("wrong passphrase again")
    assert kim.is_locked
    kim.resume(PASSPHRASES["kim"])
    assert kim.drafts.load("new-case") == {"name": "쓰던 중"}
    assert [s.case_id for s in kim.cases.index.items] == [case_id]
    assert [e.action for e in audit_events(kim) if e.account_id == kim.account_id].count("lock") == 1


def test_lock_succeeds_even_when_the_disk_refuses_the_audit_event(admin, vault):
    from sqlalchemy import event

    def full(dbapi_connection, record, proxy):
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(vault.engine, "checkout", full)
    try:
        vault.engine.dispose()
        seen = []
        admin.add_lock_listener(lambda: seen.append(True))
        admin.lock()  # must not raise, must drop the key
        assert admin.is_locked and seen == [True]
    finally:
        event.remove(vault.engine, "checkout", full)
        vault.engine.dispose()


# -- drafts ----------------------------------------------------------------------------------
def test_drafts_round_trip_per_account(login, vault_dir):
    kim, lee = login("kim"), login("lee")
    kim.drafts.save("note:1", {"content": "첫 줄"})
    kim.drafts.save("note:1", {"content": "첫 줄\n둘째 줄"})
    kim.drafts.save("new-case", {"name": "홍길동"})
    assert kim.drafts.load("note:1") == {"content": "첫 줄\n둘째 줄"}
    assert sorted(kim.drafts.slots()) == ["new-case", "note:1"]
    assert lee.drafts.load("note:1") is None and lee.drafts.slots() == []
    kim.drafts.discard("note:1")
    assert kim.drafts.load("note:1") is None
    with raw_db(vault_dir) as db:
        blob = db.execute("SELECT data FROM draft").fetchone()[0]
    assert "홍길동".encode() not in blob


def test_a_tampered_draft_is_reported_as_damage(login, vault_dir):
    kim = login("kim")
    kim.drafts.save("a", {"content": "하나"})
    kim.drafts.save("b", {"content": "둘"})
    with raw_db(vault_dir) as db:
        blob_a = db.execute("SELECT data FROM draft WHERE slot = 'a'").fetchone()[0]
        db.execute("UPDATE draft SET data = ? WHERE slot = 'b'", (blob_a,))
    with pytest.raises(E.DamagedError):
        kim.drafts.load("b")


# -- text at the edge ------------------------------------------------------------------------
def test_nfd_input_is_stored_as_nfc_and_found_either_way(admin):
    nfd = unicodedata.normalize("NFD", "김민수")
    assert nfd != "김민수"
    case_id = admin.cases.create(person(nfd, address={"road_address": unicodedata.normalize("NFD", "노량진로 1")}))
    detail = admin.cases.get(case_id)
    assert detail.person["name"] == "김민수"
    assert detail.person["address"]["road_address"] == "노량진로 1"
    assert [s.case_id for s in admin.cases.search(nfd)] == [case_id]
    assert [s.case_id for s in admin.cases.search("김민수")] == [case_id]


def test_control_and_invisible_characters_are_removed(admin):
    lone_surrogate = json.loads('"\\ud800"')  # what a JSON import line can carry
    case_id = admin.cases.create(person(
        "\x00김\x07민\u202e수\x1b\u200b" + lone_surrogate,
        emergency_contact_name="\ufeff엄\u2028마\r\n",
        address={"road_address": "노량진로 1\n", "detail": "3층\u2029301호"},
    ))
    doc = admin.cases.get(case_id).person
    assert doc["name"] == "김민수"
    assert doc["emergency_contact_name"] == "엄마"
    assert doc["address"]["road_address"] == "노량진로 1"
    assert doc["address"]["detail"] == "3층301호"


@pytest.mark.parametrize("name", [
    "👩‍👩‍👧 하늘",  # ZWJ family
    "민수🏽👍🏿",  # skin tones
    "🇰🇷 김민수",  # regional-indicator flag
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Fiona",  # flag spelt with tag characters
    "❤️‍🔥 #️⃣",  # variation selector, keycap
    "Nguyễn Thị Lan",  # Latin with stacked diacritics
])
def test_emoji_and_foreign_names_round_trip(admin, name):
    name = unicodedata.normalize("NFC", name)
    case_id = admin.cases.create(person(name))
    assert admin.cases.get(case_id).person["name"] == name
    assert admin.cases.index.items[0].name == name


def test_one_megabyte_note_round_trips(admin):
    case_id = admin.cases.create(person())
    content = ("방 밖으로 나오는 것이 어렵다고 함. 🙂\n" * 40_000)[:450_000]
    assert len(content.encode()) > 1_000_000
    record = admin.records.add("note", case_id, {"content": content, "minutes": 50})
    assert admin.records.list("note", case_id) == [{"content": content, "minutes": 50}]
    assert admin.records.records("note", case_id)[0].id == record.id


def test_person_fields_are_validated_with_every_problem_listed(admin):
    from intake_desktop.services.errors import ValidationError

    with pytest.raises(ValidationError) as refused:
        admin.cases.create({"name": "", "birth_date": "2999-01-01", "mobile": "12", "shoe_size": 42})
    assert {p.field for p in refused.value.problems} == {"name", "birth_date", "mobile", "shoe_size"}
    assert all(p.render() for p in refused.value.problems)
    assert admin.cases.count() == 0


# -- optimistic concurrency ------------------------------------------------------------------
def test_second_save_with_the_same_version_conflicts_and_the_first_survives(admin, login):
    case_id = admin.cases.create(person("원래이름"))
    version = admin.cases.get(case_id).person_version
    other = login("boss")  # a second window / account editing the same case
    assert other.cases.update_person(case_id, person("먼저저장"), version) == version + 1
    with pytest.raises(ConflictError) as conflict:
        admin.cases.update_person(case_id, person("나중저장"), version)
    assert conflict.value.message == E.MSG_CONFLICT
    detail = admin.cases.get(case_id)
    assert detail.person["name"] == "먼저저장" and detail.person_version == version + 1
    assert [s.name for s in admin.cases.index.items] == ["먼저저장"]
    assert actions(admin).count("person.edit") == 1


# -- one program per vault -------------------------------------------------------------------
def test_second_instance_is_refused_clearly(vault, vault_dir):
    with pytest.raises(E.ServiceError) as in_use:
        Vault.open(vault_dir)
    assert in_use.value.message == E.MSG_IN_USE and in_use.value.exit_code == 1
    vault.close()
    with Vault.open(vault_dir):
        pass


# -- the real KDF ----------------------------------------------------------------------------
@pytest.mark.real_kdf
def test_real_kdf_parameters_end_to_end(tmp_path):
    started = time.perf_counter()
    created = Vault.create(tmp_path / "real", "센터", "admin", "", PASSPHRASE)
    with created.vault as vault:
        params = [json.loads(v[2]) for v in slots(tmp_path / "real").values()]
        assert len(params) == 2  # admin + recovery
        for p in params:
            assert p["algorithm"] == "argon2id"
            assert p["memory_kib"] >= kdf.MIN_MEMORY_KIB and p["iterations"] >= kdf.MIN_ITERATIONS
            assert p["lanes"] >= 1 and len(bytes.fromhex(p["salt"])) == kdf.SALT_BYTES
        t0 = time.perf_counter()
        vault.unlock("admin", PASSPHRASE).lock()
        unlock_seconds = time.perf_counter() - t0
        assert unlock_seconds > 0.1, "the real KDF must cost something"
        with pytest.raises(E.DeniedError):
            vault.unlock("admin", "wrong passphrase here")
        vault.unlock_with_recovery("admin", created.recovery_key).lock()
    assert time.perf_counter() - started < 60

    # A tampered slot cannot talk the program down to cheap parameters.
    with raw_db(tmp_path / "real") as db:
        slot_id, params_json = db.execute("SELECT id, kdf_params FROM key_slot WHERE kind = 'account'").fetchone()
        weak = dict(json.loads(params_json), memory_kib=8, iterations=1)
        db.execute("UPDATE key_slot SET kdf_params = ? WHERE id = ?", (json.dumps(weak), slot_id))
    with Vault.open(tmp_path / "real") as vault:
        with pytest.raises(E.DamagedError):
            vault.unlock("admin", PASSPHRASE)


@pytest.mark.real_kdf
def test_slot_with_parameters_below_the_minimum_is_refused_outside_test_mode(vault_dir, vault):
    # The template vault was made with the cheap test parameters; outside test mode they are refused.
    with pytest.raises(E.DamagedError):
        vault.unlock("admin", PASSPHRASE)
    assert account_row(vault_dir, "admin")["failed_attempts"] == 0
    with kdf.insecure_parameters_for_tests():
        vault.unlock("admin", PASSPHRASE).lock()


@pytest.mark.real_kdf
def test_kdf_policy_outside_test_mode():
    weak = kdf.KdfParams("argon2id", 8, 1, 1, bytes(16))
    with pytest.raises(kdf.WeakParametersError):
        kdf.derive_key(b"secret", weak)
    with pytest.raises(kdf.WeakParametersError):
        kdf.derive_key(b"secret", kdf.KdfParams("argon2i", 64 * 1024, 3, 1, bytes(16)))
    with kdf.insecure_parameters_for_tests():
        assert len(kdf.derive_key(b"secret", weak)) == 32
    with pytest.raises(kdf.WeakParametersError):  # and the context manager really ended
        kdf.derive_key(b"secret", weak)


# -- KDF floor and target (issue 16) ------------------------------------------------------------------
@pytest.mark.real_kdf
def test_new_slots_get_the_fixed_target_whatever_the_load(tmp_path):
    """The cost of a new slot is a constant, not a measurement of how busy the PC is."""
    created = Vault.create(tmp_path / "v", "센터", "admin", "", PASSPHRASE)
    created.vault.close()
    params = [json.loads(v[2]) for v in slots(tmp_path / "v").values()]
    assert {(p["memory_kib"], p["iterations"], p["lanes"]) for p in params} == {
        (kdf.TARGET_MEMORY_KIB, kdf.TARGET_ITERATIONS, 1)}
    assert kdf.TARGET_MEMORY_KIB >= 64 * 1024 and kdf.TARGET_ITERATIONS >= 3
    assert (kdf.MIN_MEMORY_KIB, kdf.MIN_ITERATIONS) == (19 * 1024, 2)  # OWASP's minimum is the floor


@pytest.mark.real_kdf
def test_an_outdated_slot_is_reported_and_strengthened(tmp_path, monkeypatch):
    monkeypatch.setattr(kdf._policy, "cost_override", (kdf.MIN_MEMORY_KIB, kdf.MIN_ITERATIONS))  # an older vault
    created = Vault.create(tmp_path / "v", "센터", "admin", "", PASSPHRASE)
    monkeypatch.setattr(kdf._policy, "cost_override", None)
    with created.vault as vault:
        session = vault.unlock("admin", PASSPHRASE)  # the floor still opens
        assert session.accounts.key_slot_outdated()
        with pytest.raises(E.DeniedError):
            session.accounts.strengthen_key_slot("not the passphrase")
        session.accounts.strengthen_key_slot(PASSPHRASE)
        assert not session.accounts.key_slot_outdated()
        assert "account.key_slot" in actions(session)
        session.lock()
        vault.unlock("admin", PASSPHRASE).lock()
    (admin_params,) = [json.loads(v[2]) for v in slots(tmp_path / "v").values() if v[1] == "account"]
    assert (admin_params["memory_kib"], admin_params["iterations"]) == (kdf.TARGET_MEMORY_KIB, kdf.TARGET_ITERATIONS)
