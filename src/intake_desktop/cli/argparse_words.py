"""argparse's own words, filed in the Qt catalogue so `--help` and usage errors are translated.

argparse asks gettext for these (see `common.argparse_translated`). Listing them here with
QT_TRANSLATE_NOOP puts them in `resources/i18n/intake_ko.ts` under the context "Argparse" when
`tools/i18n.py update` runs, beside every other string of the program. The texts must be
argparse's exactly: `tests/test_cli_help.py` reads the running Python's argparse and fails when
a message a user can see is missing here (a new Python may add or reword some).
"""

from __future__ import annotations

from intake_desktop.i18n import QT_TRANSLATE_NOOP

ARGPARSE_CONTEXT = "Argparse"

WORDS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "subcommands"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "can't open '%(filename)s': %(error)s"),
)

# argparse messages a user never sees, left in English: mistakes in building the parser (only a
# programmer causes them), and the error line that common.Parser.error prints in its own way.
NOT_SHOWN = (
    "%(prog)s: error: %(message)s\n",
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "argument \"-\" with mode %r",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
)
