"""The backup jobs as one service call each (the screens and the command line only ask)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from intake_desktop.services import backup as B
from intake_desktop.services import errors as E

from .conftest import PASSPHRASE


@pytest.fixture
def session(vault_copy):
    vault, session = vault_copy.open()
    yield session
    session.lock()
    vault.close()


def test_the_automatic_backup_policy_lives_in_the_service(session, tmp_path):
    backup = session.backup
    assert not backup.due(None)  # no folder chosen: never
    assert backup.due(tmp_path)  # no backup yet
    steps = []
    run = backup.run(tmp_path, rotation=B.RotationPolicy(), full_check=True,
                     progress=lambda done, total: steps.append((done, total)))
    assert run.result.verified and run.verified is not None and run.verified.damaged_values == 0
    assert run.rotation is not None and run.result.path.name in run.rotation.kept
    assert steps == [(0, B.RUN_STEPS), (1, B.RUN_STEPS), (2, B.RUN_STEPS), (B.RUN_STEPS, B.RUN_STEPS)]
    assert not backup.due(tmp_path)  # done for today
    assert backup.due(tmp_path, now=datetime.now(timezone.utc) + timedelta(days=1, minutes=1))
    plain = backup.run(tmp_path)
    assert plain.verified is None and plain.rotation is None and plain.result.path.exists()


def test_restore_over_the_vault_checks_who_and_which_vault_first(session, tmp_path):
    made = session.backup.create(tmp_path)
    with pytest.raises(E.DeniedError):
        B.open_for_replace(session, made.path, "wrong passphrase")
    opened = B.open_for_replace(session, made.path, PASSPHRASE)
    try:
        assert opened.header.vault_id == session.keyring.vault_id and opened.role == "admin"
    finally:
        opened.close()
    session.lock()
    assert session.is_locked
    with pytest.raises(E.DeniedError):
        B.open_for_replace(session, made.path, PASSPHRASE)  # nobody signed in
