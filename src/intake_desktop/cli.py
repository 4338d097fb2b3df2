"""Command line: the GUI by default, plus administration and automation commands.

Exit codes: 0 success; 1 failure; 2 usage error; 3 wrong passphrase, locked out or not
permitted; 4 damaged or tampered data. An expected failure prints one translated line on
stderr, never a traceback (`--debug` shows one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from intake_desktop import __version__
from intake_desktop.app import open_vault, resolve_data_dir
from intake_desktop.domain.enums import Role
from intake_desktop.domain.korean import format_date
from intake_desktop.services import errors as E
from intake_desktop.services.secrets import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, read_recovery_key, read_secret

LANG_ENV = "INTAKE_LANG"


def _translate(context: str, text: str) -> str:
    try:
        from PySide6.QtCore import QCoreApplication
    except ImportError:  # pragma: no cover - PySide6 is a hard dependency
        return text
    return QCoreApplication.translate(context, text)


def tr(text: str) -> str:
    return _translate("Cli", text)


def _install_translation(language: str) -> None:
    from intake_desktop.ui.i18n import install_translator

    install_translator(None, language)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: exit 2 with one line
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(E.EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="intake-desktop", description=tr("Intake and referral records for youth counsellors."))
    parser.add_argument("--version", action="version", version=f"intake-desktop {__version__}")
    parser.add_argument("--data-dir", help=tr("data folder (default: the user data folder, or INTAKE_DATA_DIR)"))
    parser.add_argument("--lang", choices=("ko", "en"), help=tr("language of messages (default: Korean)"))
    parser.add_argument("--debug", action="store_true", help=tr("show technical details of failures"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    secrets = _Parser(add_help=False)
    secrets.add_argument("--passphrase-file", type=Path, help=tr("read the passphrase from this file"))
    secrets.add_argument("--recovery-key-file", type=Path, help=tr("unlock with the recovery key in this file"))

    sub.add_parser("gui", help=tr("start the application window (default)"))

    init = sub.add_parser("init", parents=[secrets], help=tr("create a new vault"))
    init.add_argument("--centre-name", required=True)
    init.add_argument("--admin", required=True, metavar="USERNAME")
    init.add_argument("--display-name", default="")

    accounts = sub.add_parser("accounts", help=tr("manage accounts"))
    accounts_sub = accounts.add_subparsers(dest="accounts_command", required=True, parser_class=_Parser)
    add = accounts_sub.add_parser("add", parents=[secrets], help=tr("add an account"))
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--user", required=True, metavar="ADMIN")
    add.add_argument("--display-name", default="")
    add.add_argument("--new-passphrase-file", type=Path, help=tr("the new account's passphrase"))

    imp = sub.add_parser("import", parents=[secrets], help=tr("import people and intakes from JSON Lines"))
    imp.add_argument("file", nargs="?", type=Path)
    imp.add_argument("--user", metavar="USERNAME")
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--template", action="store_true", help=tr("print one valid example record"))

    cases = sub.add_parser("cases", parents=[secrets], help=tr("list cases"))
    cases.add_argument("--user", required=True, metavar="USERNAME")
    cases.add_argument("--json", action="store_true")
    cases.add_argument("--show-names", action="store_true")

    demo = sub.add_parser("demo", parents=[secrets], help=tr("fill a new vault with fictional cases"))
    demo.add_argument("--cases", type=int, required=True, dest="count")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--user", metavar="ADMIN", help=tr("administrator to act as (default: the first one)"))
    return parser


# -- helpers ------------------------------------------------------------------------------
def _passphrase(args, *, confirm: bool = False) -> str:
    return read_secret(
        env=PASSPHRASE_ENV, file=getattr(args, "passphrase_file", None),
        prompt=tr("Passphrase: "), confirm_prompt=tr("Passphrase again: ") if confirm else None,
    )


def _unlock(vault, args, username: str):
    if getattr(args, "recovery_key_file", None):
        return vault.unlock_with_recovery(username, read_recovery_key(args.recovery_key_file))
    return vault.unlock(username, _passphrase(args))


def _say(text: str) -> None:
    print(text, flush=True)


# -- commands -----------------------------------------------------------------------------
def cmd_gui(args, data_dir: Path) -> int:
    from intake_desktop.ui.app import run_gui

    return run_gui(data_dir, args.lang)


def cmd_init(args, data_dir: Path) -> int:
    from intake_desktop.services.vault import Vault

    passphrase = _passphrase(args, confirm=True)
    created = Vault.create(data_dir, args.centre_name, args.admin, args.display_name, passphrase)
    created.vault.close()
    _say(tr("Vault created in {path}.").format(path=data_dir))
    _say("")
    _say(tr("RECOVERY KEY - shown only this once. Print it or write it down and lock it away:"))
    _say("")
    _say("    " + created.recovery_key)
    _say("")
    _say(tr("Anyone with this key can open the vault. Without it, a forgotten passphrase cannot be reset."))
    return 0


def cmd_accounts(args, data_dir: Path) -> int:
    with open_vault(data_dir) as vault:
        session = _unlock(vault, args, args.user)
        new_passphrase = read_secret(
            env=NEW_PASSPHRASE_ENV, file=args.new_passphrase_file,
            prompt=tr("New account's passphrase: "), confirm_prompt=tr("New account's passphrase again: "),
        )
        session.accounts.add(args.username, Role(args.role), new_passphrase, args.display_name)
        session.lock()
    _say(tr("Account {username} added.").format(username=args.username))
    return 0


def cmd_import(args, data_dir: Path) -> int:
    from intake_desktop.services.import_template import template_record
    from intake_desktop.services.importer import Importer, ImportRejected

    if args.template:
        _say(json.dumps(template_record(), ensure_ascii=False))
        return 0
    if args.file is None or not args.user:
        raise E.UsageError(tr("import needs FILE and --user (or --template)."))
    with open_vault(data_dir) as vault:
        session = _unlock(vault, args, args.user)
        try:
            report = Importer(session).run(args.file, dry_run=args.dry_run)
        except ImportRejected as rejected:
            for problem in rejected.report.problems:
                field = f" [{problem.field}]" if problem.field else ""
                print(tr("line {line}{field}: {message}").format(
                    line=problem.line, field=field, message=problem.render(_translate)), file=sys.stderr)
            raise
        finally:
            session.lock()
    if args.dry_run:
        _say(tr("{count} record(s) are valid; nothing was imported (dry run).").format(count=report.imported))
    else:
        _say(tr("{count} record(s) imported.").format(count=report.imported))
    return 0


def cmd_cases(args, data_dir: Path) -> int:
    with open_vault(data_dir) as vault:
        session = _unlock(vault, args, args.user)
        summaries = list(session.cases.index.items)
        session.audit.record("cases.list", details={"count": len(summaries), "names": args.show_names})
        session.lock()
    for s in summaries:
        row = {
            "id": s.case_id, "case_number": s.case_number, "stage": s.stage.value,
            "risk_level": s.risk_level.value if s.risk_level else None,
            "counsellor": s.counsellor_name, "created": s.created.isoformat() if s.created else None,
        }
        if args.show_names:
            row["name"] = s.name
        if args.json:
            _say(json.dumps(row, ensure_ascii=False))
        else:
            created = format_date(s.created) if s.created else ""
            parts = [s.case_number, s.stage.value, row["risk_level"] or "-", s.counsellor_name, created]
            if args.show_names:
                parts.insert(1, s.name)
            _say("\t".join(parts))
    return 0


def cmd_demo(args, data_dir: Path) -> int:
    from intake_desktop.services.demo import fill_demo

    if args.count < 1:
        raise E.UsageError(tr("--cases must be at least 1."))
    with open_vault(data_dir) as vault:
        username = args.user or next((a.username for a in vault.accounts() if a.role is Role.ADMIN), "")
        session = _unlock(vault, args, username)
        try:
            added = fill_demo(session, args.count, args.seed)
        finally:
            session.lock()
    _say(tr("{count} demo case(s) added.").format(count=added))
    return 0


COMMANDS = {
    "gui": cmd_gui, "init": cmd_init, "accounts": cmd_accounts, "import": cmd_import,
    "cases": cmd_cases, "demo": cmd_demo,
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    language = os.environ.get(LANG_ENV, "ko")
    if "--lang" in argv[:-1]:
        language = argv[argv.index("--lang") + 1]
    try:
        _install_translation(language)
    except Exception:  # noqa: BLE001 - messages fall back to English; never block the CLI
        pass
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    command = args.command or "gui"
    try:
        return COMMANDS[command](args, resolve_data_dir(args.data_dir))
    except E.ServiceError as error:
        if args.debug:
            raise
        print(error.render(_translate), file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # output piped into `head` and closed early: not a failure
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
        return 0
    except KeyboardInterrupt:
        print(tr("Interrupted; nothing was changed."), file=sys.stderr)
        return E.EXIT_FAILURE
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if args.debug:
            raise
        print(tr("Unexpected error ({kind}). Run again with --debug for details.").format(
            kind=type(error).__name__), file=sys.stderr)
        return E.EXIT_FAILURE
