"""File names, limits and the messages backups report with."""

from __future__ import annotations

import re

from intake_desktop import fileio
from intake_desktop.i18n import QT_TRANSLATE_NOOP

BACKUP_SUFFIX = ".ikbak"
PARTIAL_SUFFIX = fileio.PARTIAL_SUFFIX
LOCK_FILE = "vault.lock"  # the same name services/vault.py uses
LAST_GOOD_KEY = "backup_last_good_at"
MANIFEST_FORMAT = "intake-desktop backup manifest"
IO_CHUNK = 1 << 20
MAX_MANIFEST_BYTES = 4 << 20
STALE_PARTIAL_SECONDS = fileio.STALE_SECONDS
SQLITE_MAGIC = b"SQLite format 3\x00"
NAME_PATTERN = re.compile(
    r"^intake-(?P<vault>[0-9a-f]{8})-(?P<day>\d{8})-(?P<time>\d{6})(?:-(?P<n>\d{1,4}))?\.ikbak$"
)
# Temporary names: fileio.partial_name for backups (swept by every write to the folder and by
# rotate()), ".vault.sqlite.restore-<8 hex>.partial" for restores (swept under the folder lock).
RESTORE_PARTIAL_PATTERN = re.compile(r"^\.vault\.sqlite\.restore-[0-9a-f]{8}\.partial$")

MSG_NOT_A_BACKUP = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not an intake-desktop backup, or its header is damaged. Nothing was changed."
)
MSG_BACKUP_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup {path} is damaged or has been tampered with. It was not used and nothing was changed.",
)
MSG_BACKUP_TOO_NEW = QT_TRANSLATE_NOOP(
    "Errors", "The backup {path} was made by a newer version of intake-desktop. Install that version to use it."
)
MSG_BACKUP_EXISTS = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} already exists. A backup never replaces another file: choose a new name."
)
MSG_NO_FOLDER = QT_TRANSLATE_NOOP("Errors", "The folder {path} does not exist.")
MSG_NOT_IN_BACKUP = QT_TRANSLATE_NOOP(
    "Errors", "The backup has no account named {username} (accounts as of the day it was made)."
)
MSG_OTHER_VAULT = QT_TRANSLATE_NOOP("Errors", "The backup {path} belongs to another vault.")
MSG_TARGET_HAS_VAULT = QT_TRANSLATE_NOOP(
    "Errors", "There is already a vault in {path}. Restore into a new, empty folder."
)
MSG_READ_BACK_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup {path} was written, but reading it back failed: the disk or USB stick may be "
    "faulty. It was deleted; earlier backups were not touched.",
)
MSG_VALUES_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup file is intact, but {count} stored value(s) inside it fail authentication: they "
    "were already damaged in the vault when the backup was made.",
)

