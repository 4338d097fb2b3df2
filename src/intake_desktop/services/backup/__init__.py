"""Backups: one encrypted `.ikbak` file per backup; verified before anything is used; restored
by rename, never in place. The file format is in crypto/backup_file.py and docs/backup-format.md.

What this module promises, whatever happens (power cut, kill, full disk, I/O error):
- the vault being backed up is only read (a consistent snapshot through SQLite's online
  backup API, taken into memory; other connections may keep writing);
- a backup is written under a temporary name in the target folder, flushed, fsynced and only
  then given its final name, which never replaces an existing file;
- restored data is decrypted into a scratch place (memory for `verify`, a temporary file in
  the target folder for `restore`) and used only after the whole file authenticated and the
  database passed SQLite's integrity check and the manifest's checks;
- a restore never writes over a vault: into a new folder it is published under `vault.sqlite`
  only if none exists; over the current vault, the old file first gets a second name (the
  safety copy) and the new one replaces it in one rename, so `vault.sqlite` is at every moment
  either the complete old vault or the complete restored one.
Plaintext personal data never reaches the disk: the snapshot is the vault's own pages (every
personal value is already AES-GCM ciphertext) and it is written only inside the encrypted body.

The package, one job per module: `service` (BackupService, what `session.backup` is),
`opening` (header, keys), `checking` (decrypt and verify a body), `restoring` (into a folder
or over a closed vault), `recording` (an event in a vault not open here), `snapshot`, `names`,
`rotation`, `files` (small file-system helpers), `model` (the values handed back) and
`constants` (names, limits, messages). Import from the package, not the modules.
"""

from __future__ import annotations

from intake_desktop.services.backup.checking import verify_backup
from intake_desktop.services.backup.constants import (
    BACKUP_SUFFIX,
    MSG_BACKUP_EXISTS,
    MSG_BACKUP_TOO_NEW,
    MSG_NO_FOLDER,
    MSG_NOT_A_BACKUP,
    MSG_NOT_IN_BACKUP,
    MSG_OTHER_VAULT,
    MSG_READ_BACK_FAILED,
    MSG_TARGET_HAS_VAULT,
    MSG_VALUES_DAMAGED,
    PARTIAL_SUFFIX,
    STALE_PARTIAL_SECONDS,
)
from intake_desktop.services.backup.files import RetryPolicy
from intake_desktop.services.backup.jobs import open_for_replace, replace_vault, restore_file, verify_file
from intake_desktop.services.backup.model import (
    BackupInfo,
    BackupResult,
    BackupSecret,
    OpenedBackup,
    RestoreResult,
    VerifiedBackup,
)
from intake_desktop.services.backup.names import (
    ParsedName,
    backup_name,
    parse_backup_name,
)
from intake_desktop.services.backup.opening import (
    open_backup,
    open_backup_with_session,
    read_backup_info,
)
from intake_desktop.services.backup.recording import record_in_vault
from intake_desktop.services.backup.restoring import (
    replace_vault_from_backup,
    restore_backup,
)
from intake_desktop.services.backup.rotation import (
    RotationPlan,
    RotationPolicy,
    RotationResult,
    plan_rotation,
)
from intake_desktop.services.backup.service import RUN_STEPS, BackupRun, BackupService
from intake_desktop.services.files import MSG_TARGET_BUSY

__all__ = [
    "BACKUP_SUFFIX", "MSG_BACKUP_EXISTS", "MSG_BACKUP_TOO_NEW", "MSG_NO_FOLDER", "MSG_NOT_A_BACKUP",
    "MSG_NOT_IN_BACKUP", "MSG_OTHER_VAULT", "MSG_READ_BACK_FAILED", "MSG_TARGET_BUSY", "MSG_TARGET_HAS_VAULT",
    "MSG_VALUES_DAMAGED", "PARTIAL_SUFFIX", "STALE_PARTIAL_SECONDS",
    "RUN_STEPS", "BackupInfo", "BackupResult", "BackupRun", "BackupSecret", "BackupService", "OpenedBackup", "ParsedName", "RestoreResult",
    "RetryPolicy", "RotationPlan", "RotationPolicy", "RotationResult", "VerifiedBackup",
    "backup_name", "open_backup", "open_for_replace", "replace_vault", "restore_file", "verify_file", "open_backup_with_session", "parse_backup_name", "plan_rotation",
    "read_backup_info", "record_in_vault", "replace_vault_from_backup", "restore_backup", "verify_backup",
]
