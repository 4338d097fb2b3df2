"""Where a command-line passphrase or recovery key comes from (never from argv: argv is
visible to every user of the machine through the process list)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E

PASSPHRASE_ENV = "INTAKE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "INTAKE_NEW_PASSPHRASE"

MSG_NO_SECRET = QT_TRANSLATE_NOOP(
    "Errors", "No passphrase given: set {env}, use --passphrase-file, or run in a terminal."
)
MSG_MISMATCH = QT_TRANSLATE_NOOP("Errors", "The two passphrases differ.")


def _read_file(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise E.ServiceError(E.MSG_IO, path=str(path), reason=exc.strerror or str(exc)) from exc


def read_secret(*, env: str, file: Path | None, prompt: str, confirm_prompt: str | None = None) -> str:
    if file is not None:
        return _read_file(file)
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise E.UsageError(MSG_NO_SECRET, env=env)
    value = getpass.getpass(prompt)
    if confirm_prompt is not None and getpass.getpass(confirm_prompt) != value:
        raise E.UsageError(MSG_MISMATCH)
    return value


def read_recovery_key(file: Path) -> str:
    return _read_file(file)
