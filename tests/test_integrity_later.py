"""The GUI's unlock checks the sealed integrity state at once and the rows beside the case list
(`unlock(rows_later=True)` + `session.check_rows()`, issue 16): what is checked later must be
as strict as at unlock (the attacks: tests/test_vault_attacks.py, run both ways), and the check
running beside the person's work must neither block their saves nor be fooled by them."""

from __future__ import annotations

import threading

import pytest

from intake_desktop.services import errors as E
from intake_desktop.services import integrity
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE, person, raw_db, renamed_case


def test_a_rolled_back_row_opens_the_session_but_check_rows_refuses(vault_dir):
    _case_id, person_id, old = renamed_case(vault_dir)
    with raw_db(vault_dir) as raw:
        raw.execute("UPDATE person SET version = ?, updated_at = ?, data = ? WHERE id = ?", (*old, person_id))

    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE, rows_later=True)
        assert session.rows_unchecked
        with pytest.raises(E.DamagedError) as refused:
            session.check_rows()
        assert refused.value.params["table"] == "person"
        assert refused.value.exit_code == E.EXIT_DAMAGED
        assert session.rows_unchecked, "a failed check leaves the rows unchecked"
        session.lock()


def test_the_cli_way_still_checks_rows_at_unlock(vault_dir):
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        assert not session.rows_unchecked
        session.lock()


def test_check_rows_takes_no_write_lock_and_reads_one_moment(vault_dir, monkeypatch):
    """While the check is half-way (paused inside its scan), the person saves a case: the save
    goes through at once, and the check, which reads the state and rows of before the save,
    passes; a check started after the save passes too."""
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE, rows_later=True)
        in_scan, saved = threading.Event(), threading.Event()
        original = integrity.scan

        def paused_scan(*args, **kwargs):
            in_scan.set()
            assert saved.wait(20), "the save waited for the check"
            return original(*args, **kwargs)

        monkeypatch.setattr(integrity, "scan", paused_scan)
        outcome: list[object] = []

        def check():
            try:
                session.check_rows()
                outcome.append("ok")
            except BaseException as error:  # noqa: BLE001 - handed to the assertion below
                outcome.append(error)

        worker = threading.Thread(target=check)
        worker.start()
        assert in_scan.wait(20)
        session.cases.create(person("박저장"))  # a write while the check holds its snapshot
        saved.set()
        worker.join(30)
        assert outcome == ["ok"]
        monkeypatch.setattr(integrity, "scan", original)
        session.rows_unchecked = True
        session.check_rows()
        assert not session.rows_unchecked
        session.lock()


def test_a_locked_session_cannot_check_rows(vault_dir):
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE, rows_later=True)
        session.lock()
        with pytest.raises(E.DeniedError):
            session.check_rows()
