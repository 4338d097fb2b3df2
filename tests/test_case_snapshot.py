"""The sealed copy of the case list (services/case_snapshot.py, issue 16): used only while it
matches the rows, gone as soon as a person or case row changes, never trusted when altered,
and only for sessions that see every case."""

from __future__ import annotations

import base64

import pytest

from intake_desktop.crypto.errors import TamperedError
from intake_desktop.crypto.sealer import Sealer
from intake_desktop.services import case_snapshot
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE, PASSPHRASES, person, raw_db


@pytest.fixture(autouse=True)
def small_vaults_too(monkeypatch):
    monkeypatch.setattr(case_snapshot, "MIN_CASES", 1)


def _stored(vault_dir) -> str | None:
    with raw_db(vault_dir) as raw:
        row = raw.execute("SELECT value FROM vault_meta WHERE key = ?", (case_snapshot.SNAPSHOT_KEY,)).fetchone()
    return row[0] if row else None


def _listed(vault_dir, user: str = "admin") -> list[tuple]:
    with Vault.open(vault_dir) as vault:
        session = vault.unlock(user, PASSPHRASES[user])
        try:
            return [(s.case_id, s.name, s.stage, s.counsellor_name, s.birth_date, s.mobile)
                    for s in session.cases.load_index().items]
        finally:
            session.lock()


def _no_decrypting(monkeypatch):
    """Any case document opened from now on fails: a list that still loads came from the copy."""
    def refuse(*_args, **_kwargs):
        raise TamperedError("the list was read row by row")

    monkeypatch.setattr(Sealer, "open", refuse)


def _with_cases(vault_dir, *names: str) -> list[str]:
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        ids = [session.cases.create(person(name, birth_date="2001-02-03", mobile="01012345678")) for name in names]
        session.lock()
    return ids


def test_a_full_load_is_kept_and_the_next_load_uses_it(vault_dir, monkeypatch):
    _with_cases(vault_dir, "박하나", "김둘", "이셋")
    assert _stored(vault_dir) is None  # the writes left none
    full = _listed(vault_dir)
    assert _stored(vault_dir) is not None
    _no_decrypting(monkeypatch)
    assert _listed(vault_dir) == full
    assert [name for _id, name, *_ in full] == ["김둘", "박하나", "이셋"]


def test_the_copy_holds_no_clear_text(vault_dir):
    _with_cases(vault_dir, "박비밀")
    _listed(vault_dir)
    stored = base64.b64decode(_stored(vault_dir))
    assert "박비밀".encode() not in stored and b"01012345678" not in stored


def test_a_change_to_a_person_drops_the_copy_in_the_same_commit(vault_dir, monkeypatch):
    (case_id,) = _with_cases(vault_dir, "김예전")
    _listed(vault_dir)
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        detail = session.cases.get(case_id)
        assert _stored(vault_dir) is not None  # reading changes nothing
        session.cases.update_person(case_id, {**detail.person, "name": "김새이름"}, detail.person_version)
        assert _stored(vault_dir) is None
        session.lock()
    assert [name for _id, name, *_ in _listed(vault_dir)] == ["김새이름"]


def test_an_old_copy_put_back_is_not_used(vault_dir):
    """A copy from before a write, put back with sqlite3 (its digests no longer match)."""
    (case_id,) = _with_cases(vault_dir, "김예전")
    _listed(vault_dir)
    old = _stored(vault_dir)
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        detail = session.cases.get(case_id)
        session.cases.update_person(case_id, {**detail.person, "name": "김새이름"}, detail.person_version)
        session.lock()
    with raw_db(vault_dir) as raw:
        raw.execute("INSERT INTO vault_meta (key, value) VALUES (?, ?)", (case_snapshot.SNAPSHOT_KEY, old))
    assert [name for _id, name, *_ in _listed(vault_dir)] == ["김새이름"]


def test_an_altered_copy_is_ignored(vault_dir):
    _with_cases(vault_dir, "김하나", "이둘")
    full = _listed(vault_dir)
    blob = bytearray(base64.b64decode(_stored(vault_dir)))
    blob[len(blob) // 2] ^= 0x01
    with raw_db(vault_dir) as raw:
        raw.execute("UPDATE vault_meta SET value = ? WHERE key = ?",
                    (base64.b64encode(bytes(blob)).decode(), case_snapshot.SNAPSHOT_KEY))
    assert _listed(vault_dir) == full


def test_counsellor_names_are_read_fresh(vault_dir, info, monkeypatch):
    (case_id,) = _with_cases(vault_dir, "김배정")
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        session.cases.assign(case_id, info.ids["kim"])
        session.lock()
    assert _listed(vault_dir)[0][3] == "김상담"
    with raw_db(vault_dir) as raw:  # a clear column, as the admin screens change it
        raw.execute("UPDATE account SET display_name = '김새상담' WHERE username = 'kim'")
    _no_decrypting(monkeypatch)
    assert _listed(vault_dir)[0][3] == "김새상담"


def test_a_counsellor_neither_keeps_nor_reads_the_copy(vault_dir, info):
    (mine, _other) = _with_cases(vault_dir, "김내꺼", "이남의")
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        session.cases.assign(mine, info.ids["kim"])
        session.lock()
    assert [name for _id, name, *_ in _listed(vault_dir, "kim")] == ["김내꺼"]
    assert _stored(vault_dir) is None
    _listed(vault_dir)  # the administrator's load keeps one
    assert _stored(vault_dir) is not None
    assert [name for _id, name, *_ in _listed(vault_dir, "kim")] == ["김내꺼"]


def test_small_vaults_keep_no_copy(vault_dir, monkeypatch):
    monkeypatch.setattr(case_snapshot, "MIN_CASES", 2000)
    _with_cases(vault_dir, "김하나")
    _listed(vault_dir)
    assert _stored(vault_dir) is None
