"""Standing attack suite: an attacker with the vault file but no key edits sealed rows in SQLite.

Every table that holds sealed rows (discovered from the models, so a new one is covered by
itself) gets two rows written through a vault session, one of them saved twice (version 2),
one written and then deleted by the program. Then, for each table: roll a row back to its
older version, delete a row, put a deleted row back, swap two rows' documents, flip a bit of
a document or of a clear column, truncate a document. The next unlock must refuse with exit 4
naming the table. docs/threat-model.md lists these attacks and what stays unprotected.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import delete, update
from sqlmodel import SQLModel

from intake_desktop.crypto import kdf
from intake_desktop.crypto.sealer import OWNER_COLUMN
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import errors as E
from intake_desktop.services import integrity
from intake_desktop.services.vault import Vault
from intake_desktop.storage.models import new_id, sealed_tables, utcnow

from vaultkit import PASSPHRASE, person, raw_db

TABLES = sealed_tables()
ATTACKS = ("rollback", "delete", "reinsert", "swap", "flip_data", "flip_clear", "truncate")


def _model(table: str):
    for mapper in SQLModel._sa_registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise LookupError(table)


def _values(table: str, model, owners: dict, n: int) -> dict:
    """A valid row of any sealed table: foreign keys point at real rows, the rest is filler."""
    values = {"id": new_id(), "version": 1}
    for column in model.__table__.columns:
        name = column.name
        if name in values or name == "data":
            continue
        foreign = {fk.column.table.name for fk in column.foreign_keys}
        if foreign:
            values[name] = owners.get(next(iter(foreign)))
        elif name == "stage":
            values[name] = "intake"
        elif column.type.python_type is str:
            values[name] = f"{table}-{name}-{n}"[: getattr(column.type, "length", None) or 64]
        elif column.type.python_type is bool:
            values[name] = False
        elif column.type.python_type is int:
            values[name] = n + 1  # distinct, for unique pairs such as (attachment_id, idx)
        else:
            values[name] = utcnow()
    return values


def _seal(session, table: str, values: dict, version: int, document: dict) -> bytes:
    owner_column = OWNER_COLUMN.get(table)
    return session.sealer.seal(table, values["id"], version, document,
                               owner=values[owner_column] if owner_column else None)


@pytest.fixture(scope="module")
def populated(tmp_path_factory, vault_template) -> tuple[Path, dict]:
    """A vault with rows in every sealed table; returns (folder, {table: row facts})."""
    folder = tmp_path_factory.mktemp("attacks") / "data"
    folder.mkdir()
    shutil.copyfile(vault_template.path / VAULT_FILE, folder / VAULT_FILE)
    facts: dict[str, dict] = {}
    with kdf.insecure_parameters_for_tests(), Vault.open(folder) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case_id = session.cases.create(person("공격대상"))
        detail = session.cases.get(case_id)
        owners = {"account": session.account_id, "case_file": case_id, "person": detail.person_id,
                  "partner": None}
        for table in TABLES:  # sorted: "attachment" before "attachment_chunk", which points at it
            model = _model(table)
            rows = [_values(table, model, owners, n) for n in range(3)]
            with session.db() as db:
                for row in rows:
                    db.add(model(**row, data=_seal(session, table, row, 1, {"n": row["id"]})))
                db.commit()
            first, second, doomed = rows
            with raw_db(folder) as raw:  # the version-1 row as it was on disk, for replays
                old = raw.execute(f'SELECT * FROM "{table}" WHERE id = ?', (first["id"],)).fetchone()
                gone = raw.execute(f'SELECT * FROM "{table}" WHERE id = ?', (doomed["id"],)).fetchone()
            with session.db() as db:
                db.execute(update(model).where(model.id == first["id"]).values(
                    version=2, data=_seal(session, table, first, 2, {"n": "changed"})))
                db.execute(delete(model).where(model.id == doomed["id"]))
                db.commit()
            facts[table] = {"first": first["id"], "second": second["id"], "old": old, "gone": gone}
            owners.setdefault(table, second["id"])  # a table whose rows others point at (attachment)
        session.lock()
    return folder, facts


@pytest.fixture
def victim(populated, tmp_path):
    folder, facts = populated
    target = tmp_path / "data"
    target.mkdir()
    shutil.copyfile(folder / VAULT_FILE, target / VAULT_FILE)
    return target, facts


def _unlock(folder: Path, when: str = "unlock"):
    """The whole check at unlock (the CLI), or the GUI's way: the sealed state at unlock and
    the rows by `check_rows()` beside the case list. Both must refuse the same attacks."""
    with Vault.open(folder) as vault:
        session = vault.unlock("admin", PASSPHRASE, rows_later=when == "later")
        try:
            if when == "later":
                assert session.rows_unchecked
                session.check_rows()
                assert not session.rows_unchecked
        finally:
            session.lock()


def _attack(raw: sqlite3.Connection, table: str, attack: str, facts: dict) -> None:
    first, second = facts["first"], facts["second"]
    columns = [r[1] for r in raw.execute(f'PRAGMA table_info("{table}")')]
    if attack == "rollback":  # the older (version, ciphertext, ...) written back over the newer
        assignments = ", ".join(f'"{c}" = ?' for c in columns if c != "id")
        old = dict(zip(columns, facts["old"]))
        raw.execute(f'UPDATE "{table}" SET {assignments} WHERE id = ?',
                    [old[c] for c in columns if c != "id"] + [first])
    elif attack == "delete":
        raw.execute(f'DELETE FROM "{table}" WHERE id = ?', (second,))
    elif attack == "reinsert":  # a row the program deleted, put back from an old copy
        raw.execute(f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(columns))})', facts["gone"])
    elif attack == "swap":  # the two rows exchange documents and versions
        a = raw.execute(f'SELECT version, data FROM "{table}" WHERE id = ?', (first,)).fetchone()
        b = raw.execute(f'SELECT version, data FROM "{table}" WHERE id = ?', (second,)).fetchone()
        raw.execute(f'UPDATE "{table}" SET version = ?, data = ? WHERE id = ?', (*b, first))
        raw.execute(f'UPDATE "{table}" SET version = ?, data = ? WHERE id = ?', (*a, second))
    elif attack == "flip_data":
        data = bytearray(raw.execute(f'SELECT data FROM "{table}" WHERE id = ?', (second,)).fetchone()[0])
        data[len(data) // 2] ^= 0x01
        raw.execute(f'UPDATE "{table}" SET data = ? WHERE id = ?', (bytes(data), second))
    elif attack == "flip_clear":  # a clear column (a timestamp, a status, an owner...) changed
        clear = next(c for c in columns if c not in ("id", "data", "version"))
        raw.execute(f'UPDATE "{table}" SET "{clear}" = "{clear}" || \'x\' WHERE id = ?', (second,))
    elif attack == "truncate":
        raw.execute(f'UPDATE "{table}" SET data = substr(data, 1, length(data) - 7) WHERE id = ?', (second,))
    else:
        raise AssertionError(attack)


def test_every_sealed_table_is_covered_and_discovered():
    assert set(TABLES) == set(integrity.COLUMNS[integrity.FORMAT])
    for table in TABLES:
        covered = set(integrity.COLUMNS[integrity.FORMAT][table])
        assert covered == set(_model(table).__table__.columns.keys()), (
            f"{table} has columns the integrity format does not cover: add a new format")


@pytest.mark.parametrize("when", ["unlock", "later"])
def test_the_untouched_vault_unlocks(victim, when):
    folder, _facts = victim
    _unlock(folder, when)
    _unlock(folder, when)  # and again, after the unlock's own writes


@pytest.mark.parametrize("when", ["unlock", "later"])
@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("table", TABLES)
def test_an_attack_on_a_sealed_row_is_refused_at_unlock(victim, table, attack, when):
    folder, facts = victim
    with raw_db(folder) as raw:
        _attack(raw, table, attack, facts[table])
    with pytest.raises(E.DamagedError) as refused:
        _unlock(folder, when)
    assert refused.value.exit_code == E.EXIT_DAMAGED
    assert refused.value.params.get("table") == table
    expected = {"delete": "missing", "reinsert": "added"}.get(attack, "changed")
    kinds = {"missing": integrity.MSG_ROWS_MISSING, "added": integrity.MSG_ROWS_ADDED,
             "changed": integrity.MSG_ROWS_CHANGED}
    assert refused.value.message in (kinds[expected], integrity.MSG_ROWS_MISSING_CASE)


@pytest.mark.parametrize("when", ["unlock", "later"])
def test_removing_the_integrity_state_is_refused(victim, when):
    folder, _facts = victim
    with raw_db(folder) as raw:
        raw.execute("DELETE FROM vault_meta WHERE key = ?", (integrity.STATE_KEY,))
    with pytest.raises(E.DamagedError) as refused:
        _unlock(folder, when)
    assert refused.value.message == integrity.MSG_STATE


@pytest.mark.parametrize("when", ["unlock", "later"])
def test_rolling_back_a_row_with_its_state_is_refused(victim, when):
    """The person row and the sealed state of before the last write, both put back: the access
    log moved on since, and the state names the log's head."""
    folder, _facts = victim
    with Vault.open(folder) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case = session.cases.search("공격대상")[0]
        detail = session.cases.get(case.case_id)
        session.lock()
    with raw_db(folder) as raw:
        state_then = raw.execute("SELECT value FROM vault_meta WHERE key = ?", (integrity.STATE_KEY,)).fetchone()[0]
        person_then = raw.execute("SELECT version, updated_at, data FROM person WHERE id = ?",
                                  (detail.person_id,)).fetchone()
    with Vault.open(folder) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        session.cases.update_person(case.case_id, {**detail.person, "name": "새이름"}, detail.person_version)
        session.lock()
    with raw_db(folder) as raw:
        raw.execute("UPDATE person SET version = ?, updated_at = ?, data = ? WHERE id = ?",
                    (*person_then, detail.person_id))
        raw.execute("UPDATE vault_meta SET value = ? WHERE key = ?", (state_then, integrity.STATE_KEY))
    with pytest.raises(E.DamagedError) as refused:
        _unlock(folder, when)
    assert refused.value.message == integrity.MSG_STATE
