"""Vaults written at each released schema revision still open with the current code.

Each tests/fixtures/vault-schema-<REV>/ holds a small vault as that release stored it (see its
README.md; made once by tests/fixtures/make_vault_fixtures.py, never regenerated). A copy is
opened: an older schema is upgraded after a safety copy, every account (and the recovery key)
still unlocks, every case, note and custom form reads back, and the audit chain is intact and
keeps growing correctly.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from intake_desktop.crypto.kdf import MIN_ITERATIONS, MIN_MEMORY_KIB
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services.vault import Vault
from intake_desktop.storage import migrate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_DIRS = sorted(p for p in FIXTURES.glob("vault-schema-*") if (p / "expected.json").is_file())


def _facts(fixture: Path) -> dict:
    return json.loads((fixture / "expected.json").read_text(encoding="utf-8"))


def _revision(db_path: Path) -> str:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=FIXTURE_DIRS, ids=lambda p: p.name)
def fixture_copy(request, tmp_path):
    """(copied data folder, facts); the committed fixture must come out unchanged."""
    fixture: Path = request.param
    before = _sha256(fixture / VAULT_FILE)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(fixture / VAULT_FILE, data_dir / VAULT_FILE)
    yield data_dir, _facts(fixture)
    assert _sha256(fixture / VAULT_FILE) == before, f"{fixture.name} was modified in place"


def test_there_is_a_fixture_for_every_released_revision():
    have = {_facts(p)["revision"] for p in FIXTURE_DIRS}
    assert {"0001", "0002"} <= have
    assert have <= migrate.known_revisions(), "a fixture names a revision the code does not know"
    for fixture in FIXTURE_DIRS:
        facts = _facts(fixture)
        assert fixture.name == f"vault-schema-{facts['revision']}"
        assert _revision(fixture / VAULT_FILE) == facts["revision"]
        assert sorted(p.name for p in fixture.iterdir()) == ["README.md", "expected.json", VAULT_FILE]
        assert (fixture / VAULT_FILE).stat().st_size < 1_000_000


def test_fixture_key_slots_use_a_cost_the_released_program_accepts():
    """Not the test suite's cheap KDF: the frozen program (installer/smoke_test.sh) opens them."""
    for fixture in FIXTURE_DIRS:
        connection = sqlite3.connect(fixture / VAULT_FILE)
        try:
            params = [json.loads(row[0]) for row in connection.execute("SELECT kdf_params FROM key_slot")]
        finally:
            connection.close()
        assert params
        for p in params:
            assert p["algorithm"] == "argon2id"
            assert p["memory_kib"] >= MIN_MEMORY_KIB and p["iterations"] >= MIN_ITERATIONS


def test_fixture_opens_upgrades_and_reads_back(fixture_copy):
    data_dir, facts = fixture_copy
    db_path = data_dir / VAULT_FILE
    old = facts["revision"]
    head = migrate.head_revision()

    with Vault.open(data_dir) as vault:
        assert _revision(db_path) == head
        copies = sorted(data_dir.glob(f"{VAULT_FILE}.before-{old}-*.bak"))
        if old == head:
            assert copies == []
        else:
            assert len(copies) == 1, "an upgrade must leave exactly one safety copy"
            assert _revision(copies[0]) == old
        assert vault.centre_name == facts["centre_name"]

        session = vault.unlock(facts["admin"], facts["passphrase"])
        try:
            summaries = sorted(session.cases.load_index().items, key=lambda s: s.case_number)
            assert [(s.case_number, s.name, s.counsellor_name) for s in summaries] == [
                (c["case_number"], c["name"], c["counsellor"]) for c in facts["cases"]]
            for summary, expected in zip(summaries, facts["cases"]):
                assert session.cases.get(summary.case_id).person["name"] == expected["name"]
                assert len(session.records.list("note", summary.case_id)) == expected["notes"]
            minsu = next(s for s in summaries if s.name == "김민수")
            assert "🙂" in session.records.list("note", minsu.case_id)[0]["content"]
            for form in facts["custom_forms"]:
                assert session.forms.registry().versions(form["form_id"]) == form["versions"]

            assert session.audit.verify() == []
            session.audit.record("fixture.checked", details={"revision": old})
            assert session.audit.verify() == []
        finally:
            session.lock()

        counsellor = vault.unlock(facts["counsellor"], facts["counsellor_passphrase"])
        try:
            assert sorted(s.case_number for s in counsellor.cases.load_index().items) == facts["counsellor_cases"]
        finally:
            counsellor.lock()

        recovered = vault.unlock_with_recovery(facts["admin"], facts["recovery_key"])
        try:
            assert recovered.cases.count() == len(facts["cases"])
            assert recovered.audit.verify() == []
        finally:
            recovered.lock()

    # Opened a second time: already at head, nothing more is copied.
    with Vault.open(data_dir):
        pass
    assert len(list(data_dir.glob(f"{VAULT_FILE}.before-*.bak"))) == (0 if old == head else 1)
    connection = sqlite3.connect(db_path)
    try:
        events = connection.execute("SELECT COUNT(*) FROM audit_event").fetchone()[0]
    finally:
        connection.close()
    assert events > facts["audit_events"]
