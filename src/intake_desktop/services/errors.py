"""Expected failures, each with a translatable message and the command line's exit code.

Messages are English source strings marked for Qt's translator (context "Errors"); `params`
fill their {placeholders} after translation. Nothing here may carry personal data into a
message that could be logged.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from intake_desktop.domain.korean import resolve_particles
from intake_desktop.i18n import QT_TRANSLATE_NOOP

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_DENIED = 3
EXIT_DAMAGED = 4


class ServiceError(Exception):
    exit_code = EXIT_FAILURE
    message = QT_TRANSLATE_NOOP("Errors", "The operation failed.")

    def __init__(self, message: str | None = None, **params: object) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.render())

    def render(self, translate: Callable[[str, str], str] = lambda context, text: text) -> str:
        text: str = translate("Errors", self.message)
        try:
            # "{partner}이(가)" in a translation: the particle the name takes (domain/korean.py)
            return resolve_particles(text.format(**self.params))
        except (KeyError, IndexError, ValueError):
            return text


class UsageError(ServiceError):
    exit_code = EXIT_USAGE


class DeniedError(ServiceError):
    """Wrong passphrase, locked out, or not permitted."""

    exit_code = EXIT_DENIED
    message = QT_TRANSLATE_NOOP("Errors", "You are not permitted to do this.")


class DamagedError(ServiceError):
    """Stored data failed authentication or is not what it should be."""

    exit_code = EXIT_DAMAGED
    message = QT_TRANSLATE_NOOP(
        "Errors", "The data is damaged or has been tampered with. Nothing was changed."
    )


class ValidationError(UsageError):
    """Bad input at the edge; `problems` lists each field's problem (translatable)."""

    def __init__(self, problems: Iterable[Any]) -> None:
        self.problems = list(problems)
        super().__init__(MSG_INVALID_FIELDS, count=len(self.problems))


class ConflictError(ServiceError):
    """Optimistic concurrency: the row's version moved on since it was read (or a one-time
    thing, like a consent, was spent meanwhile). The user's version is kept."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Someone else saved this record in the meantime. Your version has been kept."
    )


MSG_INVALID_FIELDS = QT_TRANSLATE_NOOP("Errors", "{count} field(s) need attention; nothing was saved.")
MSG_NO_VAULT = QT_TRANSLATE_NOOP(
    "Errors", "There is no vault in {path}. Create one first (intake-desktop init)."
)
MSG_NOT_A_VAULT = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not an intake-desktop vault or is damaged. It was not changed."
)
MSG_VAULT_EXISTS = QT_TRANSLATE_NOOP("Errors", "A vault already exists in {path}.")
MSG_SCHEMA_TOO_NEW = QT_TRANSLATE_NOOP(
    "Errors",
    "This vault was made by a newer version of intake-desktop. Install the newer version; "
    "the vault was not changed.",
)
MSG_IN_USE = QT_TRANSLATE_NOOP(
    "Errors",
    "The vault is already open in another intake-desktop window or program. Close it first.",
)
MSG_READ_ONLY = QT_TRANSLATE_NOOP(
    "Errors", "The data folder {path} cannot be written to. Check its permissions."
)
MSG_DISK_FULL = QT_TRANSLATE_NOOP(
    "Errors", "The disk is full. Nothing was saved; free some space and try again."
)
MSG_WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("Errors", "Wrong passphrase.")
MSG_WRONG_RECOVERY_KEY = QT_TRANSLATE_NOOP("Errors", "Wrong recovery key.")
MSG_BAD_RECOVERY_KEY = QT_TRANSLATE_NOOP(
    "Errors", "The recovery key is not complete or has a typing mistake."
)
MSG_EMPTY_PASSPHRASE = QT_TRANSLATE_NOOP("Errors", "The passphrase is empty.")
MSG_WEAK_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Errors", "The passphrase is too weak: use at least {min_length} characters that are not easy to guess, "
              "best a few unrelated words."
)
MSG_LOCKED_OUT = QT_TRANSLATE_NOOP(
    "Errors", "Too many wrong passphrases. Try again in {seconds} seconds."
)
MSG_UNKNOWN_ACCOUNT = QT_TRANSLATE_NOOP("Errors", "There is no active account named {username}.")
MSG_ACCOUNT_EXISTS = QT_TRANSLATE_NOOP("Errors", "An account named {username} already exists.")
MSG_BAD_USERNAME = QT_TRANSLATE_NOOP(
    "Errors", "A user name has 2–32 lower-case letters, digits, dots, dashes or underscores."
)
MSG_ROLE_REQUIRED = QT_TRANSLATE_NOOP("Errors", "This needs the {role} role.")
MSG_LAST_ADMIN = QT_TRANSLATE_NOOP("Errors", "The last active administrator cannot be disabled.")
MSG_VAULT_LOCKED = QT_TRANSLATE_NOOP("Errors", "The vault is locked.")
MSG_CASE_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "There is no case {case}.")
MSG_CASE_DENIED = QT_TRANSLATE_NOOP("Errors", "Case {case} is not yours and has not been shared with you.")
MSG_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors", "Someone else saved this record in the meantime. Your version has been kept."
)
MSG_DEMO_REFUSED = QT_TRANSLATE_NOOP(
    "Errors", "Demo cases are only added to a vault that holds no real cases."
)
MSG_IMPORT_INVALID = QT_TRANSLATE_NOOP(
    "Errors", "{count} line(s) are invalid; nothing was imported."
)
MSG_IO = QT_TRANSLATE_NOOP("Errors", "The file {path} could not be read or written: {reason}")
MSG_FILE_BUSY = QT_TRANSLATE_NOOP(
    "Errors", "{path} is held open by another program (a virus scanner or a sync tool, for example). "
    "Nothing was changed; wait a moment and try again.")
MSG_PATH_TOO_LONG = QT_TRANSLATE_NOOP(
    "Errors", "The path {path} is too long for Windows (260 characters at most). Choose a folder with a "
    "shorter path.")
