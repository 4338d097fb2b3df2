"""The backup jobs the command line and the restore screen ask for, whole (no session needed
for the first two: a backup opens with the secrets it carries).

    verified, recorded = verify_file(path, secret, data_dir)     # `backup verify`
    result = restore_file(path, secret, into, data_dir)          # `backup restore`
    opened = open_for_replace(session, path, passphrase, ...)    # the restore-over screen, step 1
    result = replace_vault(data_dir, opened)                     # ... step 2 (vault closed)

Each checks what has to be checked before anything happens (role, vault, damaged values), so a
screen or a command only asks and shows the answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.backup.checking import verify_backup
from intake_desktop.services.backup.constants import MSG_OTHER_VAULT, MSG_VALUES_DAMAGED
from intake_desktop.services.backup.model import BackupSecret, OpenedBackup, RestoreResult, VerifiedBackup
from intake_desktop.services.backup.opening import open_backup
from intake_desktop.services.backup.recording import record_in_vault
from intake_desktop.services.backup.restoring import replace_vault_from_backup, restore_backup

if TYPE_CHECKING:
    from intake_desktop.services.session import Session


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def refuse_damaged_values(verified: VerifiedBackup) -> None:
    """A backup whose values were already damaged in the vault is not a good backup (exit 4)."""
    if verified.damaged_values:
        raise E.DamagedError(MSG_VALUES_DAMAGED, count=verified.damaged_values)


def verify_file(path: Path, secret: BackupSecret, data_dir: Path, *,
                report: Callable[[VerifiedBackup], None] | None = None) -> tuple[VerifiedBackup, bool]:
    """Check a backup completely (every value), refuse damaged values, and record the check in
    the vault in `data_dir` when it is the backup's own. `report(verified)` first sees what was
    found (the command line warns about the access log). Returns (what was found, recorded)."""
    with open_backup(path, secret) as opened:
        verified = verify_backup(opened, deep=True)
        if report is not None:
            report(verified)
        refuse_damaged_values(verified)
        recorded = record_in_vault(data_dir, opened, "backup.verify", {
            "backup_id": opened.header.backup_id, "file": str(path), "via": opened.via.value,
        })
    return verified, recorded


def restore_file(path: Path, secret: BackupSecret, into: Path, data_dir: Path, *,
                 report: Callable[[VerifiedBackup], None] | None = None) -> RestoreResult:
    """Restore into a folder without a vault; recorded in the vault in `data_dir` (when it is the
    backup's own and not the folder restored into)."""
    with open_backup(path, secret) as opened:
        result = restore_backup(opened, into)
        if report is not None:
            report(result.verified)
        refuse_damaged_values(result.verified)
        if not _same_folder(data_dir, into):
            record_in_vault(data_dir, opened, "backup.restore", {
                "backup_id": opened.header.backup_id, "file": str(path), "into": str(into),
                "via": opened.via.value,
            })
    return result


def open_for_replace(session: Session, path: Path, passphrase: str, backup_passphrase: str = "") -> OpenedBackup:
    """Before the vault is replaced: the administrator's passphrase is checked against the vault,
    and the backup must open as an administrator of this same vault (with the passphrase of the
    day of the backup, if it changed since). Runs Argon2id: call it off the UI thread. Returns
    the opened backup (close it)."""
    session.require_role(Role.ADMIN)
    if not session.verify_passphrase(passphrase):
        raise E.DeniedError(E.MSG_WRONG_PASSPHRASE)
    opened = open_backup(path, BackupSecret.passphrase(backup_passphrase or passphrase, session.username))
    try:
        if opened.role != Role.ADMIN.value:
            raise E.DeniedError(E.MSG_ROLE_REQUIRED, role=Role.ADMIN.value)
        if opened.header.vault_id != session.keyring.vault_id:
            raise E.ServiceError(MSG_OTHER_VAULT, path=str(path))
    except BaseException:
        opened.close()
        raise
    return opened


def replace_vault(data_dir: Path, opened: OpenedBackup) -> RestoreResult:
    """Put the opened backup in place of the (closed) vault in `data_dir`; the backup's keys are
    dropped afterwards whatever happens."""
    try:
        return replace_vault_from_backup(data_dir, opened)
    finally:
        opened.close()
