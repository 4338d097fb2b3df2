"""Reading a backup's clear header and recovering its file key."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intake_desktop.crypto import backup_file as bf
from intake_desktop.crypto import recovery
from intake_desktop.crypto.errors import (
    TamperedError,
    WeakParametersError,
    WrongKeyError,
)
from intake_desktop.crypto.keys import KeyRing
from intake_desktop.domain.enums import Role, SlotKind
from intake_desktop.services import errors as E
from intake_desktop.services.backup.constants import (
    MSG_BACKUP_DAMAGED,
    MSG_BACKUP_TOO_NEW,
    MSG_NOT_A_BACKUP,
    MSG_NOT_IN_BACKUP,
    MSG_OTHER_VAULT,
)
from intake_desktop.services.backup.model import (
    BackupInfo,
    BackupSecret,
    OpenedBackup,
    _info,
)
from intake_desktop.services.faults import from_os_error

if TYPE_CHECKING:
    from intake_desktop.services.session import Session


# -- reading the header and opening -------------------------------------------------------------
def _read_parsed(path: Path) -> bf.ParsedHeader:
    path = Path(path)
    try:
        with path.open("rb") as source:
            return bf.read_header(source)
    except bf.UnsupportedVersionError as exc:
        raise E.ServiceError(MSG_BACKUP_TOO_NEW, path=str(path)) from exc
    except TamperedError as exc:
        raise E.DamagedError(MSG_NOT_A_BACKUP, path=str(path)) from exc
    except FileNotFoundError as exc:
        raise E.ServiceError(E.MSG_IO, path=str(path), reason=exc.strerror or str(exc)) from exc
    except OSError as exc:
        raise from_os_error(exc, path) from exc


def read_backup_info(path: Path) -> BackupInfo:
    """The clear header of a backup, for lists and the restore dialog. No key needed."""
    parsed = _read_parsed(path)
    try:
        return _info(path, parsed.header)
    except TamperedError as exc:
        raise E.DamagedError(MSG_NOT_A_BACKUP, path=str(path)) from exc


def _file_key(path: Path, parsed: bf.ParsedHeader, keyring: KeyRing) -> bytes:
    try:
        return bf.unwrap_file_key(parsed.header, keyring.purpose_key("backup"))
    except TamperedError as exc:
        raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path)) from exc


def open_backup(path: Path, secret: BackupSecret) -> OpenedBackup:
    """Read the header and open it with a passphrase or the recovery key (Argon2id with the
    slot copies in the header, i.e. the secrets that were valid when the backup was made).

    Raises DamagedError (exit 4) for a damaged header, DeniedError (exit 3) for a wrong secret."""
    path = Path(path)
    parsed = _read_parsed(path)
    header = parsed.header
    if secret.kind is SlotKind.RECOVERY:
        try:
            raw = recovery.secret_bytes(secret.secret)
        except recovery.RecoveryKeyFormatError as exc:
            raise E.DeniedError(E.MSG_BAD_RECOVERY_KEY) from exc
        candidates = [s for s in header.slots if s.kind == SlotKind.RECOVERY.value]
        wrong = E.MSG_WRONG_RECOVERY_KEY
    else:
        if not secret.secret:
            raise E.DeniedError(E.MSG_EMPTY_PASSPHRASE)
        raw = secret.secret.encode()
        candidates = [s for s in header.slots if s.kind == SlotKind.ACCOUNT.value]
        if secret.username is not None:
            candidates = [s for s in candidates if s.username == secret.username]
            if not candidates:
                raise E.DeniedError(MSG_NOT_IN_BACKUP, username=secret.username)
        wrong = E.MSG_WRONG_PASSPHRASE
    if not candidates:
        raise E.DamagedError(MSG_NOT_A_BACKUP, path=str(path))
    for slot in candidates:
        if not bf.params_within_bounds(slot.params):  # before Argon2id allocates anything
            raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path))
        try:
            dek = slot.open(raw, header.vault_id)
        except WrongKeyError:
            continue
        except WeakParametersError as exc:  # a tampered slot must not downgrade the KDF
            raise E.DamagedError(MSG_BACKUP_DAMAGED, path=str(path)) from exc
        keyring = KeyRing(dek, header.vault_id)
        try:
            file_key = _file_key(path, parsed, keyring)
        except BaseException:
            keyring.close()
            raise
        account_id, username, role = slot.account_id, slot.username, slot.role
        if slot.kind == SlotKind.RECOVERY.value:
            account_id, username, role = _recovery_actor(header, secret.username)
        return OpenedBackup(path, parsed, keyring, file_key, account_id=account_id, username=username,
                            role=role, via=SlotKind(slot.kind), owns_keyring=True)
    raise E.DeniedError(wrong)


def _recovery_actor(header: bf.BackupHeader, username: str | None) -> tuple[str | None, str | None, str | None]:
    accounts = sorted(
        (s for s in header.slots if s.kind == SlotKind.ACCOUNT.value and s.account_id),
        key=lambda s: (s.role != Role.ADMIN.value, s.username or ""),
    )
    if username is not None:
        accounts = [s for s in accounts if s.username == username]
        if not accounts:
            raise E.DeniedError(MSG_NOT_IN_BACKUP, username=username)
    if not accounts:
        return None, None, Role.ADMIN.value
    # The recovery key stands in for an administrator, as in Vault.unlock_with_recovery.
    return accounts[0].account_id, accounts[0].username, Role.ADMIN.value


def open_backup_with_session(path: Path, session: Session) -> OpenedBackup:
    """Open a backup of the session's own vault with the session's key (no KDF run)."""
    path = Path(path)
    parsed = _read_parsed(path)
    keyring = session.keyring
    if parsed.header.vault_id != keyring.vault_id:
        raise E.ServiceError(MSG_OTHER_VAULT, path=str(path))
    file_key = _file_key(path, parsed, keyring)
    return OpenedBackup(path, parsed, keyring, file_key, account_id=session.account_id,
                        username=session.username, role=session.role.value, via=SlotKind.ACCOUNT,
                        owns_keyring=False)


