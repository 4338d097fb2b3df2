"""What opens a backup and what the backup operations hand back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from intake_desktop.crypto import backup_file as bf
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.crypto.keys import KeyRing
from intake_desktop.domain.enums import SlotKind


# -- secrets and what an opened backup holds --------------------------------------------------
@dataclass(frozen=True)
class BackupSecret:
    """What opens a backup: an account passphrase (as of the backup) or the recovery key.

    With a passphrase and no username, every account slot in the header is tried (one Argon2id
    run each). With the recovery key, `username` names the account recorded as acting in the
    restored vault's access log (default: the first administrator in the backup)."""

    kind: SlotKind
    secret: str = field(repr=False)
    username: str | None = None

    @classmethod
    def passphrase(cls, passphrase: str, username: str | None = None) -> "BackupSecret":
        return cls(SlotKind.ACCOUNT, passphrase, username)

    @classmethod
    def recovery_key(cls, key: str, username: str | None = None) -> "BackupSecret":
        return cls(SlotKind.RECOVERY, key, username)


@dataclass(frozen=True)
class BackupInfo:
    """What the clear header says (readable without a key; not authenticated until opened)."""

    path: Path
    backup_id: str
    vault_id: str
    centre_name: str
    created_at: datetime
    app_version: str
    schema_revision: str
    usernames: tuple[str, ...]
    has_recovery_slot: bool
    size: int


@dataclass(frozen=True)
class VerifiedBackup:
    info: BackupInfo
    table_counts: dict[str, int]
    audit_count: int
    audit_head: str
    database_bytes: int
    audit_problems: int  # problems of the audit chain inside the backup (as the vault had them)
    values_checked: int  # encrypted values opened by a deep check (0 when not deep)
    damaged_values: int  # of those, how many failed authentication

    @property
    def case_count(self) -> int:
        return self.table_counts.get("case_file", 0)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    backup_id: str
    created_at: datetime
    size: int
    table_counts: dict[str, int]
    verified: bool

    @property
    def case_count(self) -> int:
        return self.table_counts.get("case_file", 0)


@dataclass(frozen=True)
class RestoreResult:
    vault_path: Path
    verified: VerifiedBackup
    safety_copy: Path | None = None


class OpenedBackup:
    """A backup whose header was read and whose file key was recovered. Holds keys: `close()`
    (or `with`) drops them. Nothing of the body has been read yet."""

    def __init__(self, path: Path, parsed: bf.ParsedHeader, keyring: KeyRing, file_key: bytes, *,
                 account_id: str | None, username: str | None, role: str | None, via: SlotKind,
                 owns_keyring: bool) -> None:
        self.path = Path(path)
        self.parsed = parsed
        self.keyring = keyring
        self.file_key = file_key
        self.account_id = account_id
        self.username = username
        self.role = role
        self.via = via
        self._owns_keyring = owns_keyring

    @property
    def header(self) -> bf.BackupHeader:
        return self.parsed.header

    def info(self) -> BackupInfo:
        return _info(self.path, self.header)

    def close(self) -> None:
        if self._owns_keyring:
            self.keyring.close()
        self.file_key = b""

    def __enter__(self) -> "OpenedBackup":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _parse_time(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise TamperedError("backup time is not valid") from exc
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _info(path: Path, header: bf.BackupHeader) -> BackupInfo:
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    return BackupInfo(
        path=Path(path), backup_id=header.backup_id, vault_id=header.vault_id,
        centre_name=header.centre_name, created_at=_parse_time(header.created_at),
        app_version=header.app_version, schema_revision=header.schema_revision,
        usernames=tuple(s.username for s in header.slots if s.kind == SlotKind.ACCOUNT.value and s.username),
        has_recovery_slot=any(s.kind == SlotKind.RECOVERY.value for s in header.slots),
        size=size,
    )
