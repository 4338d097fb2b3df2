"""Recording a backup action in a vault that is not open in this process."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from intake_desktop.crypto.aead import associated_data
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.crypto.keys import KeyRing
from intake_desktop.services import errors as E
from intake_desktop.services.audit import AuditLog
from intake_desktop.services.backup.checking import _Actor
from intake_desktop.services.backup.model import OpenedBackup
from intake_desktop.services.faults import storage_errors
from intake_desktop.storage.models import Account, AuditEvent


# -- recording in a vault that is not open in this process -----------------------------------------
def record_in_vault(data_dir: Path, opened: OpenedBackup, action: str, details: dict) -> bool:
    """Best effort, for the command line: append `action` to the access log of the vault in
    `data_dir` when it is the backup's own vault and not in use. The data key from the backup
    is the vault's (it is never rotated); that is checked against the newest audit event
    before anything is written. Returns whether the event was recorded."""
    from intake_desktop.services.vault import (
        Vault,  # here: vault.py must not depend on us
    )

    if opened.account_id is None or not Vault.exists(data_dir):
        return False
    try:
        vault = Vault.open(data_dir)
    except E.ServiceError:
        return False
    keyring = KeyRing(opened.keyring.data_key(), opened.header.vault_id)
    try:
        if vault.vault_id != opened.header.vault_id:
            return False
        actor = _Actor(vault.engine, keyring, opened.account_id, vault.db_path)
        with storage_errors(vault.db_path), actor.db() as db:
            newest = db.exec(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalars().first()
            if newest is None or db.get(Account, opened.account_id) is None:
                return False
        try:
            keyring.cipher("fields").decrypt(
                newest.details, associated_data("audit_event", "details", newest.id, 1)
            )
        except TamperedError:
            return False  # not this vault's key after all: write nothing
        with storage_errors(vault.db_path):
            AuditLog(actor).record(action, details=details)
        return True
    except E.ServiceError:
        return False
    finally:
        keyring.close()
        vault.close()


