"""audit verify, audit export, export-person, destroy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from intake_desktop.cli.common import Parser, say, secrets_parent, tr, translate, unlocked_session, warn
from intake_desktop.services import errors as E


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise E.UsageError(tr("{value} is not a date (YYYY-MM-DD).").format(value=text)) from exc


def register(sub) -> None:
    secrets = secrets_parent()
    audit = sub.add_parser("audit", help=tr("check or export the access log"))
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, parser_class=Parser)
    verify = audit_sub.add_parser("verify", parents=[secrets], help=tr("check the access log's chain"))
    verify.add_argument("--user", metavar="USERNAME", help=tr("account to unlock with (default: the first administrator)"))
    verify.set_defaults(handler=cmd_audit_verify)
    export = audit_sub.add_parser("export", parents=[secrets], help=tr("export the access log as CSV"))
    export.add_argument("--user", required=True, metavar="USERNAME")
    export.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    export.add_argument("--reason", required=True)
    export.add_argument("--out", required=True, type=Path)
    export.set_defaults(handler=cmd_audit_export)

    export_person = sub.add_parser("export-person", parents=[secrets], help=tr("export everything held about one person"))
    export_person.add_argument("--user", required=True, metavar="USERNAME")
    export_person.add_argument("--case", required=True, metavar="CASE_ID")
    export_person.add_argument("--out", required=True, type=Path, metavar="DIR")
    export_person.set_defaults(handler=cmd_export_person)

    destroy = sub.add_parser("destroy", parents=[secrets], help=tr("destroy a case's content for good"))
    destroy.add_argument("--user", required=True, metavar="ADMIN")
    destroy.add_argument("--case", required=True, metavar="CASE_ID")
    destroy.add_argument("--reason", required=True)
    destroy.set_defaults(handler=cmd_destroy)


def cmd_audit_verify(args, data_dir: Path) -> int:
    from intake_desktop.services.sync import HubUnreachableError

    with unlocked_session(args, data_dir, args.user, check_integrity=False) as session:
        problems = session.audit.verify()
        remote: list[E.ServiceError] = []
        if session.sync.is_configured:  # every PC's chain as the centre server holds it
            try:
                remote = list(session.sync.verify_chains())
            except HubUnreachableError as unreachable:
                warn(unreachable.render(translate))
        if not problems and not remote:
            session.audit.record("audit.verify", details={"ok": True})
    if problems or remote:
        for problem in problems:
            where = tr("event {seq}").format(seq=problem.seq) if problem.seq is not None else tr("end of log")
            warn(f"{where}: {problem.render(translate)}")
        for error in remote:
            warn(error.render(translate))
        raise E.DamagedError(tr("The access log has been changed: {count} problem(s).").format(
            count=len(problems) + len(remote)))
    say(tr("The access log is intact."))
    return 0


def cmd_audit_export(args, data_dir: Path) -> int:
    start, end = _day(args.start), _day(args.end)
    with unlocked_session(args, data_dir, args.user) as session:
        count = session.access_log.export_csv(args.out, start, end, args.reason)
    say(tr("{count} event(s) written to {path}.").format(count=count, path=args.out))
    return 0


def cmd_export_person(args, data_dir: Path) -> int:
    with unlocked_session(args, data_dir, args.user) as session:
        path = session.subject_access.export(args.case, args.out)
    say(tr("Written to {path}.").format(path=path))
    return 0


def cmd_destroy(args, data_dir: Path) -> int:
    with unlocked_session(args, data_dir, args.user) as session:
        number = session.retention.destroy(args.case, args.reason)
    say(tr("Case {number} was destroyed; a destruction record was kept.").format(number=number))
    return 0
