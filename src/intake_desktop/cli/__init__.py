"""Command line: the GUI by default, plus administration and automation commands.

Each command module has `register(subparsers)`, which adds its sub-commands with
`set_defaults(handler=...)`; a handler takes (args, data_dir) and returns an exit code.
Exit codes: 0 success; 1 failure; 2 usage error; 3 wrong passphrase, locked out or not
permitted; 4 damaged or tampered data. An expected failure prints one translated line on
stderr, never a traceback (`--debug` shows one).
"""

from __future__ import annotations

import os
import sys

from intake_desktop import __version__
from intake_desktop.cli.common import ARGPARSE_CONTEXT, Parser, argparse_translated, tr, translate
from intake_desktop.i18n import catalogue

LANG_ENV = catalogue.LANG_ENV
# Options of the program itself that take a value (for finding an early --version).
_VALUED_OPTIONS = ("--data-dir", "--lang")


def build_parser(*, commands: bool = True) -> Parser:
    """The whole command line; `commands=False`: the program's own options only (starting
    the GUI needs no command's parser, and building them all costs ~0.1 s of start-up)."""
    parser = Parser(prog="intake-desktop", description=tr("Intake and referral records for youth counsellors."))
    parser.add_argument("--version", action="version", version=f"intake-desktop {__version__}",
                        help=translate(ARGPARSE_CONTEXT, "show program's version number and exit"))
    parser.add_argument("--data-dir", help=tr("data folder (default: the user data folder, or INTAKE_DATA_DIR)"))
    parser.add_argument("--lang", choices=("ko", "en"), help=tr("language of messages (default: Korean)"))
    parser.add_argument("--debug", action="store_true", help=tr("show technical details of failures"))
    if not commands:
        from intake_desktop.cli import vault_commands

        parser.set_defaults(handler=vault_commands.cmd_gui, command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    # Imported here, not at the top: `--version` needs none of them. Each imports the services
    # it uses inside its handlers, so `--help` loads no database, crypto, PDF or Qt library
    # (tests/test_cli_startup.py). Plain import statements, so PyInstaller still finds them.
    from intake_desktop.cli import (
        admin_commands, attachment_commands, backup_commands, forms_commands, letter_commands, stats_commands,
        sync_commands, vault_commands,
    )

    for module in (vault_commands, forms_commands, backup_commands, admin_commands, letter_commands, stats_commands,
                   sync_commands, attachment_commands):
        module.register(sub)
    parser.set_defaults(handler=vault_commands.cmd_gui)
    return parser


def _language(argv: list[str]) -> str:
    if "--lang" in argv[:-1]:
        return argv[argv.index("--lang") + 1]
    return os.environ.get(LANG_ENV, "ko")


def _starts_the_gui(argv: list[str]) -> bool:
    """Only the program's own options (no command, no help): the GUI starts."""
    position = 0
    while position < len(argv):
        if argv[position] in _VALUED_OPTIONS and position + 1 < len(argv):
            position += 2
        elif argv[position] == "--debug":
            position += 1
        else:
            return False
    return True


def _asks_for_version(argv: list[str]) -> bool:
    """`--version` among the program's own options (before any command), where argparse would
    print the version as soon as it met it: answered without building the parser."""
    position = 0
    while position < len(argv) and argv[position].startswith("-"):
        if argv[position] == "--version":
            return True
        position += 2 if argv[position] in _VALUED_OPTIONS else 1
    return False


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _asks_for_version(argv):
        print(f"intake-desktop {__version__}")
        return 0
    catalogue.set_language(_language(argv))
    try:
        with argparse_translated():
            args = build_parser(commands=not _starts_the_gui(argv)).parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    from intake_desktop.app import resolve_data_dir
    from intake_desktop.services import errors as E

    try:
        return args.handler(args, resolve_data_dir(args.data_dir))
    except E.ServiceError as error:
        if args.debug:
            raise
        print(error.render(translate), file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # output piped into `head` and closed early: not a failure
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
        return 0
    except KeyboardInterrupt:
        print(tr("Interrupted; nothing was changed."), file=sys.stderr)
        return E.EXIT_FAILURE
    except Exception as error:
        if args.debug:
            raise
        print(tr("Unexpected error ({kind}). Run again with --debug for details.").format(
            kind=type(error).__name__), file=sys.stderr)
        return E.EXIT_FAILURE
