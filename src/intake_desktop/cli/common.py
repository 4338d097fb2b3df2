"""What every command module shares: translation, the parser class, secrets, output.

Nothing here imports Qt or a heavy library at module level: every command's module is imported
to build the parser (`--help`), so the services they use are imported inside their handlers.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Iterator

from intake_desktop.cli.argparse_words import ARGPARSE_CONTEXT
from intake_desktop.domain.korean import resolve_particles  # plain Python: cheap at start-up
# The CLI translates with the Qt catalogue read without Qt (see i18n/catalogue.py): the same
# .qm the window loads, at a fraction of the cost of importing QtCore.
from intake_desktop.i18n.catalogue import translate

EXIT_USAGE = 2  # = services.errors.EXIT_USAGE (checked by tests/test_cli_startup.py)


def tr(text: str) -> str:
    return translate("Cli", text)


def _argparse_gettext(text: str) -> str:
    return translate(ARGPARSE_CONTEXT, text)


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    return _argparse_gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def argparse_translated() -> Iterator[None]:
    """argparse's own words (usage:, options:, its error messages) in the CLI's language.

    argparse looks its words up through the module-level `_` and `ngettext` it took from
    gettext; they are swapped for the Qt catalogue's only while the CLI parses, so nothing else
    in the process (pytest, for one) is affected."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _argparse_gettext, _argparse_ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        # No abbreviations: "--passphrase X" must not be taken as "--passphrase-file X" and then
        # echo X (a passphrase typed on the command line) in the error message.
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # usage errors: exit 2 with one line
        if message.startswith(_argparse_gettext("unrecognized arguments: %s").partition("%s")[0]):
            # Never echo unknown words: they may be a passphrase typed on the command line.
            message = tr("unrecognized arguments (not shown: they may contain a passphrase)")
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def secrets_parent() -> argparse.ArgumentParser:
    """Options shared by every command that unlocks the vault."""
    parent = Parser(add_help=False)
    parent.add_argument("--passphrase-file", type=Path, help=tr("read the passphrase from this file"))
    parent.add_argument("--recovery-key-file", type=Path, help=tr("unlock with the recovery key in this file"))
    return parent


def passphrase(args, *, confirm: bool = False) -> str:
    from intake_desktop.services.secrets import PASSPHRASE_ENV, read_secret

    return read_secret(
        env=PASSPHRASE_ENV, file=getattr(args, "passphrase_file", None),
        prompt=tr("Passphrase: "), confirm_prompt=tr("Passphrase again: ") if confirm else None,
    )


def unlock(vault, args, username: str, *, check_integrity: bool = True):
    from intake_desktop.services.secrets import read_recovery_key

    if getattr(args, "recovery_key_file", None):
        return vault.unlock_with_recovery(username, read_recovery_key(args.recovery_key_file),
                                          check_integrity=check_integrity)
    return vault.unlock(username, passphrase(args), check_integrity=check_integrity)


def first_admin(vault) -> str:
    return next((a.username for a in vault.accounts() if a.role.value == "admin"), "")


@contextlib.contextmanager
def unlocked_session(args, data_dir: Path, username: str | None = None, *,
                     check_integrity: bool = True) -> Iterator:
    """Open the vault, unlock it as `username` (default: the first administrator), and lock
    it again whatever happens inside. Only `audit verify` skips the whole-vault check at unlock
    (it reports the same problems in detail)."""
    from intake_desktop.app import open_vault

    with open_vault(data_dir) as vault:
        session = unlock(vault, args, username or first_admin(vault), check_integrity=check_integrity)
        try:
            yield session
        finally:
            session.lock()


def say(text: str = "") -> None:
    print(resolve_particles(text), flush=True)  # "{number}(으)로" -> "기지개-12로"


def warn(text: str) -> None:
    print(resolve_particles(text), file=sys.stderr, flush=True)
