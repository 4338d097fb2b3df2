"""gui, init, accounts, import, cases, demo."""

from __future__ import annotations

import json
from pathlib import Path

from intake_desktop.cli.common import Parser, passphrase, say, secrets_parent, tr, translate, unlocked_session, warn
from intake_desktop.domain.enums import Role
from intake_desktop.domain.korean import format_date
from intake_desktop.services import errors as E
from intake_desktop.services.secrets import NEW_PASSPHRASE_ENV, read_secret


def register(sub) -> None:
    secrets = secrets_parent()
    sub.add_parser("gui", help=tr("start the application window (default)")).set_defaults(handler=cmd_gui)

    # Not the shared secrets options: a new vault has no recovery key to unlock with yet.
    init = sub.add_parser("init", help=tr("create a new vault"))
    init.add_argument("--passphrase-file", type=Path, help=tr("read the new administrator's passphrase from this file"))
    init.add_argument("--centre-name", required=True, help=tr("the centre's name, printed on letters"))
    init.add_argument("--admin", required=True, metavar="USERNAME", help=tr("user name of the first administrator"))
    init.add_argument("--display-name", default="", help=tr("the administrator's name as shown on screen and on letters"))
    # Printed at the foot of every letter so the partner can reply; a letter is not issued
    # without at least one of them (the set-up wizard asks for them the same way).
    init.add_argument("--postal-code", default="", help=tr("the centre's postal code (5 digits)"))
    init.add_argument("--address", default="", help=tr("the centre's road-name address"))
    init.add_argument("--phone", default="", help=tr("the centre's phone number"))
    init.add_argument("--fax", default="", help=tr("the centre's fax number"))
    init.add_argument("--email", default="", help=tr("the centre's e-mail address"))
    init.set_defaults(handler=cmd_init)

    accounts = sub.add_parser("accounts", help=tr("manage accounts"))
    accounts_sub = accounts.add_subparsers(dest="accounts_command", required=True, parser_class=Parser)
    add = accounts_sub.add_parser("add", parents=[secrets], help=tr("add an account"))
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--user", required=True, metavar="ADMIN")
    add.add_argument("--display-name", default="")
    add.add_argument("--new-passphrase-file", type=Path, help=tr("the new account's passphrase"))
    add.set_defaults(handler=cmd_accounts_add)

    imp = sub.add_parser("import", parents=[secrets], help=tr("import people and intakes from JSON Lines"))
    imp.add_argument("file", nargs="?", type=Path)
    imp.add_argument("--user", metavar="USERNAME")
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--template", action="store_true", help=tr("print one valid example record"))
    imp.set_defaults(handler=cmd_import)

    cases = sub.add_parser("cases", parents=[secrets], help=tr("list cases"))
    cases.add_argument("--user", required=True, metavar="USERNAME")
    cases.add_argument("--json", action="store_true")
    cases.add_argument("--show-names", action="store_true")
    cases.set_defaults(handler=cmd_cases)

    demo = sub.add_parser("demo", parents=[secrets], help=tr("fill a new vault with fictional cases"))
    demo.add_argument("--cases", type=int, required=True, dest="count", help=tr("how many fictional cases to make"))
    demo.add_argument("--seed", type=int, default=1, help=tr("seed of the fictional data (the same seed makes the same cases)"))
    demo.add_argument("--user", metavar="ADMIN", help=tr("administrator to act as (default: the first one)"))
    demo.set_defaults(handler=cmd_demo)


def cmd_gui(args, data_dir: Path) -> int:
    import os

    from intake_desktop.app import Composition
    from intake_desktop.i18n.catalogue import LANG_ENV
    from intake_desktop.ui.app import run_gui

    # --lang, else INTAKE_LANG, else the language saved in the settings (run_gui's default)
    return run_gui(Composition(data_dir), args.lang or os.environ.get(LANG_ENV) or None)


def cmd_init(args, data_dir: Path) -> int:
    from intake_desktop.services.centre import REPLY_FIELDS
    from intake_desktop.services.first_run import create_centre_vault

    contact = {name: getattr(args, name) for name in REPLY_FIELDS if getattr(args, name)}
    secret = passphrase(args, confirm=True)
    created = create_centre_vault(data_dir, args.centre_name, args.admin, args.display_name, secret, contact)
    created.vault.close()
    say(tr("Vault created in {path}.").format(path=data_dir))
    if not contact:
        warn(tr("No address, phone, fax or e-mail for the centre was given: letters cannot be issued "
                "until an administrator enters one (Administration → Centre profile)."))
    say()
    say(tr("RECOVERY KEY - shown only this once. Print it or write it down and lock it away:"))
    say()
    say("    " + created.recovery_key)
    say()
    say(tr("Anyone with this key can open the vault. Without it, a forgotten passphrase cannot be reset."))
    return 0


def cmd_accounts_add(args, data_dir: Path) -> int:
    with unlocked_session(args, data_dir, args.user) as session:
        new_passphrase = read_secret(
            env=NEW_PASSPHRASE_ENV, file=args.new_passphrase_file,
            prompt=tr("New account's passphrase: "), confirm_prompt=tr("New account's passphrase again: "),
        )
        session.accounts.add(args.username, Role(args.role), new_passphrase, args.display_name)
    say(tr("Account {username} added.").format(username=args.username))
    return 0


def cmd_import(args, data_dir: Path) -> int:
    from intake_desktop.services.import_template import template_record
    from intake_desktop.services.importer import Importer, ImportRejected, open_import_file

    if args.template:
        say(json.dumps(template_record(), ensure_ascii=False))
        return 0
    if args.file is None or not args.user:
        raise E.UsageError(tr("import needs FILE and --user (or --template)."))
    # Opened (and refused, if it is not a regular file) before the vault is unlocked and locked.
    with open_import_file(args.file) as source, unlocked_session(args, data_dir, args.user) as session:
        try:
            report = Importer(session).run(source, dry_run=args.dry_run)
        except ImportRejected as rejected:
            _warn_rejected(rejected.report)
            raise
    if args.dry_run:
        say(tr("{count} record(s) are valid; nothing was imported (dry run).").format(count=report.imported))
    else:
        say(tr("{count} record(s) imported.").format(count=report.imported))
    return 0


def _warn_rejected(report) -> None:
    for problem in report.problems:
        field = f" [{problem.field}]" if problem.field else ""
        warn(tr("line {line}{field}: {message}").format(
            line=problem.line, field=field, message=problem.render(translate)))
    rest = report.undetailed_ranges()
    if rest:
        shown = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in rest)
        warn(tr("lines {lines}: also invalid (not listed in detail).").format(lines=shown))


def cmd_cases(args, data_dir: Path) -> int:
    with unlocked_session(args, data_dir, args.user) as session:
        summaries = list(session.cases.index.items)
        session.audit.record("cases.list", details={"count": len(summaries), "names": args.show_names})
    for s in summaries:
        row = {
            "id": s.case_id, "case_number": s.case_number, "stage": s.stage.value,
            "risk_level": s.risk_level.value if s.risk_level else None,
            "counsellor": s.counsellor_name, "created": s.created.isoformat() if s.created else None,
        }
        if args.show_names:
            row["name"] = s.name
        if args.json:
            say(json.dumps(row, ensure_ascii=False))
        else:
            parts = [s.case_number, s.stage.value, row["risk_level"] or "-", s.counsellor_name,
                     format_date(s.created) if s.created else ""]
            if args.show_names:
                parts.insert(1, s.name)
            say("\t".join(parts))
    return 0


def cmd_demo(args, data_dir: Path) -> int:
    from intake_desktop.services.demo import fill_demo

    if args.count < 1:
        raise E.UsageError(tr("--cases must be at least 1."))
    with unlocked_session(args, data_dir, args.user) as session:
        added = fill_demo(session, args.count, args.seed)
    say(tr("{count} demo case(s) added.").format(count=added))
    return 0
