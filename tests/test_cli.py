"""The command line in-process (cheap KDF) — every command's happy path and exit codes 0–4 —
plus two real subprocess runs: `--version` and an `init` with the real KDF."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from intake_desktop import __version__
from intake_desktop.crypto import kdf
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import errors as E
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE, PASSPHRASES, raw_db, write_jsonl

RECOVERY_LINE = re.compile(r"^\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){8})$", re.M)


def _no_traceback(result) -> None:
    """An expected failure is one translated line, never a traceback or the catch-all message."""
    assert "Traceback" not in result.err and "Unexpected error" not in result.err


# -- version ---------------------------------------------------------------------------------------
def test_version_in_process(cli):
    result = cli("--version")
    assert result.code == 0 and result.out.strip() == f"intake-desktop {__version__}"


def test_version_as_a_program():
    result = subprocess.run([sys.executable, "-m", "intake_desktop", "--version"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == f"intake-desktop {__version__}"
    assert "Traceback" not in result.stderr


@pytest.mark.real_kdf
def test_real_init_as_a_program(tmp_path):
    env = dict(os.environ, INTAKE_LANG="en", INTAKE_PASSPHRASE=PASSPHRASE)
    result = subprocess.run(
        [sys.executable, "-m", "intake_desktop", "--data-dir", str(tmp_path / "data"), "init",
         "--centre-name", "동작구 청년센터", "--admin", "admin"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert RECOVERY_LINE.search(result.stdout)
    with raw_db(tmp_path / "data") as db:
        params = [json.loads(row[0]) for row in db.execute("SELECT kdf_params FROM key_slot")]
    assert len(params) == 2
    assert all(p["memory_kib"] >= kdf.MIN_MEMORY_KIB and p["iterations"] >= kdf.MIN_ITERATIONS for p in params)


# -- init ------------------------------------------------------------------------------------------
def test_init_creates_a_vault_and_shows_the_recovery_key_once(cli, tmp_path):
    data = tmp_path / "new"
    result = cli("init", "--centre-name", "동작구 청년센터", "--admin", "admin", "--display-name", "센터장",
                 data_dir=data)
    assert result.code == 0, result.err
    (key,) = RECOVERY_LINE.findall(result.out)
    assert sorted(p.name for p in data.iterdir()) == sorted([VAULT_FILE, "vault.lock"])
    key_file = tmp_path / "key.txt"
    key_file.write_text(key + "\n")
    listed = cli("cases", "--user", "admin", "--recovery-key-file", key_file, data_dir=data, passphrase=None)
    assert listed.code == 0, listed.err
    again = cli("init", "--centre-name", "x", "--admin", "admin", data_dir=data)
    assert again.code == 1 and "already exists" in again.err
    assert key not in again.out + again.err
    _no_traceback(again)


def test_init_with_a_passphrase_file(cli, tmp_path):
    secret = tmp_path / "pass.txt"
    secret.write_text("a passphrase from a file\n", encoding="utf-8")
    data = tmp_path / "new"
    assert cli("init", "--centre-name", "c", "--admin", "admin", "--passphrase-file", secret,
               data_dir=data, passphrase=None).code == 0
    assert cli("cases", "--user", "admin", "--passphrase-file", secret, data_dir=data, passphrase=None).code == 0


@pytest.mark.parametrize("args, passphrase", [
    (["init", "--centre-name", "c", "--admin", "admin"], "short"),  # weak passphrase
    (["init", "--centre-name", "c", "--admin", "Not Valid"], PASSPHRASE),  # bad user name
    (["init", "--centre-name", "c", "--admin", "admin"], None),  # no passphrase and no terminal
    (["init", "--admin", "admin"], PASSPHRASE),  # missing option
    (["frobnicate"], PASSPHRASE),
], ids=["weak", "username", "no-secret", "missing-option", "unknown-command"])
def test_usage_errors_exit_2(cli, tmp_path, args, passphrase):
    result = cli(*args, data_dir=tmp_path / "new", passphrase=passphrase)
    assert result.code == 2 and result.err.strip()
    _no_traceback(result)
    assert not (tmp_path / "new" / VAULT_FILE).exists()


def test_a_passphrase_typed_into_argv_is_refused_and_never_echoed(cli, tmp_path):
    secret = "my secret words here"
    result = cli("init", "--centre-name", "c", "--admin", "admin", "--passphrase", secret,
                 data_dir=tmp_path / "new", passphrase=None)
    assert result.code == 2
    assert secret not in result.out + result.err


# -- accounts --------------------------------------------------------------------------------------
def test_accounts_add(cli, vault_dir):
    result = cli("accounts", "add", "park", "--role", "counsellor", "--user", "admin", "--display-name", "박상담",
                 data_dir=vault_dir, new_passphrase="park's long passphrase")
    assert result.code == 0 and "park" in result.out
    as_park = cli("cases", "--user", "park", data_dir=vault_dir, passphrase="park's long passphrase")
    assert as_park.code == 0


@pytest.mark.parametrize("user, passphrase, username, code", [
    ("admin", "wrong passphrase!!", "park", 3),
    ("kim", PASSPHRASES["kim"], "park", 3),  # a counsellor may not add accounts
    ("admin", PASSPHRASE, "kim", 2),  # exists already
    ("admin", PASSPHRASE, "P A R K", 2),
])
def test_accounts_add_failures(cli, vault_dir, user, passphrase, username, code):
    result = cli("accounts", "add", username, "--role", "counsellor", "--user", user,
                 data_dir=vault_dir, passphrase=passphrase, new_passphrase="park's long passphrase")
    assert result.code == code, result.err
    _no_traceback(result)


# -- import ----------------------------------------------------------------------------------------
def test_import_happy_path(cli, vault_dir, tmp_path):
    template = json.loads(cli("import", "--template", passphrase=None).out)
    source = write_jsonl(tmp_path / "in.jsonl", [{**template, "name": n} for n in ("가나", "다라", "마바")])
    result = cli("import", source, "--user", "kim", data_dir=vault_dir, passphrase=PASSPHRASES["kim"])
    assert result.code == 0 and "3 record(s) imported." in result.out
    listed = cli("cases", "--user", "kim", "--json", data_dir=vault_dir, passphrase=PASSPHRASES["kim"])
    assert len(listed.out.splitlines()) == 3


def test_import_needs_a_file_and_a_user(cli, vault_dir):
    result = cli("import", "--user", "admin", data_dir=vault_dir)
    assert result.code == 2
    _no_traceback(result)


# -- cases ----------------------------------------------------------------------------------------
@pytest.fixture
def listed_vault(vault_dir, cli, tmp_path):
    template = json.loads(cli("import", "--template", passphrase=None).out)
    people = [("김민수", "010-0123-4567"), ("이서연", "010-0987-6543")]
    source = write_jsonl(tmp_path / "people.jsonl", [{**template, "name": n, "mobile": m} for n, m in people])
    assert cli("import", source, "--user", "kim", data_dir=vault_dir, passphrase=PASSPHRASES["kim"]).code == 0
    return vault_dir


def test_cases_json_has_no_names_unless_asked(cli, listed_vault):
    plain = cli("cases", "--user", "admin", "--json", data_dir=listed_vault)
    assert plain.code == 0
    rows = [json.loads(line) for line in plain.out.splitlines()]
    assert len(rows) == 2 and all("name" not in row for row in rows)
    for secret in ("김민수", "이서연", "01001234567", "0123", "6543", "홍길동", "노량진로"):
        assert secret not in plain.out
    assert {row["counsellor"] for row in rows} == {"김상담"}
    assert all(re.fullmatch(r"\d{4}-\d{5}", row["case_number"]) for row in rows)

    named = cli("cases", "--user", "admin", "--json", "--show-names", data_dir=listed_vault)
    assert [json.loads(line)["name"] for line in named.out.splitlines()] == ["김민수", "이서연"]
    assert "01001234567" not in named.out  # names only; phone numbers never


def test_cases_table_has_no_names_unless_asked(cli, listed_vault):
    table = cli("cases", "--user", "admin", data_dir=listed_vault)
    assert table.code == 0 and len(table.out.splitlines()) == 2
    assert "김민수" not in table.out and "이서연" not in table.out
    named = cli("cases", "--user", "admin", "--show-names", data_dir=listed_vault)
    assert "김민수" in named.out and "이서연" in named.out


def test_cases_shows_a_counsellor_only_their_own(cli, listed_vault):
    assert len(cli("cases", "--user", "kim", data_dir=listed_vault, passphrase=PASSPHRASES["kim"]).out.splitlines()) == 2
    lee = cli("cases", "--user", "lee", "--show-names", data_dir=listed_vault, passphrase=PASSPHRASES["lee"])
    assert lee.code == 0 and lee.out == ""


@pytest.mark.parametrize("user, passphrase, code, text", [
    ("admin", "wrong passphrase!!", 3, "Wrong passphrase."),
    ("nobody", PASSPHRASE, 3, "no active account"),
    ("admin", None, 2, "INTAKE_PASSPHRASE"),
])
def test_cases_failures(cli, vault_dir, user, passphrase, code, text):
    result = cli("cases", "--user", user, data_dir=vault_dir, passphrase=passphrase)
    assert result.code == code and text in result.err and result.out == ""
    _no_traceback(result)


def test_empty_passphrase_file_exits_3(cli, vault_dir, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    result = cli("cases", "--user", "admin", "--passphrase-file", empty, data_dir=vault_dir, passphrase=None)
    assert result.code == 3 and "empty" in result.err
    _no_traceback(result)


def test_bad_recovery_key_file_exits_3(cli, vault_dir, tmp_path):
    key_file = tmp_path / "key.txt"
    key_file.write_text("ABCD-EFGH")
    result = cli("cases", "--user", "admin", "--recovery-key-file", key_file, data_dir=vault_dir, passphrase=None)
    assert result.code == 3
    _no_traceback(result)


def test_no_vault_exits_1(cli, tmp_path):
    result = cli("cases", "--user", "admin", data_dir=tmp_path / "empty")
    assert result.code == 1 and "There is no vault" in result.err
    _no_traceback(result)


def test_damaged_vault_exits_4(cli, tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / VAULT_FILE).write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    result = cli("cases", "--user", "admin", data_dir=tmp_path / "bad")
    assert result.code == 4 and "damaged" in result.err
    _no_traceback(result)


def test_locked_out_exits_3(cli, vault_dir):
    for _ in range(5):
        assert cli("cases", "--user", "kim", data_dir=vault_dir, passphrase="not kim's passphrase").code == 3
    result = cli("cases", "--user", "kim", data_dir=vault_dir, passphrase=PASSPHRASES["kim"])
    assert result.code == 3 and "Try again in" in result.err


def test_debug_shows_the_exception(cli, vault_dir):
    with pytest.raises(E.DeniedError):
        cli("--debug", "cases", "--user", "admin", data_dir=vault_dir, passphrase="wrong passphrase!!")


# -- demo ------------------------------------------------------------------------------------------
def test_demo_fills_an_empty_vault(cli, vault_dir):
    result = cli("demo", "--cases", "25", "--seed", "7", data_dir=vault_dir)
    assert result.code == 0 and "25 demo case(s) added." in result.out
    listed = cli("cases", "--user", "admin", "--json", data_dir=vault_dir)
    assert len(listed.out.splitlines()) == 25
    more = cli("demo", "--cases", "5", data_dir=vault_dir)  # demo on demo is fine
    assert more.code == 0


def test_demo_refuses_a_vault_holding_real_cases(cli, listed_vault):
    result = cli("demo", "--cases", "5", data_dir=listed_vault)
    assert result.code == 2 and "no real cases" in result.err
    assert len(cli("cases", "--user", "admin", data_dir=listed_vault).out.splitlines()) == 2
    _no_traceback(result)


@pytest.mark.parametrize("args, passphrase, code", [
    (["--cases", "0"], PASSPHRASE, 2),
    (["--cases", "many"], PASSPHRASE, 2),
    (["--cases", "5", "--user", "kim"], PASSPHRASES["kim"], 3),
])
def test_demo_failures(cli, vault_dir, args, passphrase, code):
    result = cli("demo", *args, data_dir=vault_dir, passphrase=passphrase)
    assert result.code == code
    _no_traceback(result)


# -- audit verify (the command behind item 7) ---------------------------------------------------------
def test_audit_verify_command(cli, vault_dir):
    ok = cli("audit", "verify", data_dir=vault_dir)
    assert ok.code == 0 and ok.out.strip()
    with raw_db(vault_dir) as db:
        db.execute("DELETE FROM audit_event WHERE seq = 3")
    broken = cli("audit", "verify", data_dir=vault_dir)
    assert broken.code == 4 and "event" in broken.err
    _no_traceback(broken)


# -- init with the centre's reply details (a letter needs a way for the partner to reply) --------
def test_init_stores_the_centres_reply_details(cli, tmp_path):
    data = tmp_path / "new"
    result = cli("init", "--centre-name", "동작구 청년센터", "--admin", "admin", "--phone", "02-820-1234",
                 "--postal-code", "06900", "--address", "서울특별시 동작구 예시로 10", data_dir=data)
    assert result.code == 0, result.err
    assert "letters cannot be issued" not in result.err
    session = Vault.open(data).unlock("admin", PASSPHRASE)
    try:
        profile = session.centre.settings()
        assert (profile.phone, profile.postal_code) == ("028201234", "06900")
        assert profile.can_receive_replies()
    finally:
        session.lock()
        session.vault.close()


def test_init_without_reply_details_says_letters_wait_for_them(cli, tmp_path):
    result = cli("init", "--centre-name", "c", "--admin", "admin", data_dir=tmp_path / "new")
    assert result.code == 0, result.err
    assert "letters cannot be issued" in result.err


def test_init_with_a_bad_postal_code_creates_nothing(cli, tmp_path):
    data = tmp_path / "new"
    result = cli("init", "--centre-name", "c", "--admin", "admin", "--postal-code", "12", data_dir=data)
    assert result.code == 2, result.err
    assert not (data / VAULT_FILE).exists()
    _no_traceback(result)


def test_a_centre_name_with_spaces_keeps_a_valid_short_name(cli, tmp_path):
    """Regression: the default short name was the whole name, so a centre called "동작구 청년센터"
    could not save any change to its profile (the short name may not contain spaces)."""
    data = tmp_path / "new"
    assert cli("init", "--centre-name", "동작구 청년-센터", "--admin", "admin", data_dir=data).code == 0
    session = Vault.open(data).unlock("admin", PASSPHRASE)
    try:
        assert session.centre.settings().short_name == "동작구청년센터"
        assert session.centre.update(phone="02-820-1234").phone == "028201234"
    finally:
        session.lock()
        session.vault.close()
