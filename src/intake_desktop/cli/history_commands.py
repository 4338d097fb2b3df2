"""history: who changed what in a case (변경 이력), and the correction notice of a correction.

    intake-desktop history --user kim --case 2025-00042 [--json]
    intake-desktop history --user kim --case 2025-00042 --notice CHANGE_ID --out 정정통지서.pdf

The listing prints one line per changed field, newest first: when (Seoul time), who, what
(the form's label), the old and the new value, and the reason of a correction. --json prints
the stored entries as they are (field ids and stored values) for other programs.
"""

from __future__ import annotations

import json
from pathlib import Path

from intake_desktop.cli.common import say, secrets_parent, tr, unlocked_session


def register(sub) -> None:
    history = sub.add_parser("history", parents=[secrets_parent()],
                             help=tr("show who changed what in a case, and print correction notices"))
    history.add_argument("--user", required=True, metavar="USERNAME")
    history.add_argument("--case", required=True, metavar="CASE_ID", help=tr("case id or case number"))
    history.add_argument("--json", action="store_true", help=tr("print the history as JSON"))
    history.add_argument("--notice", metavar="CHANGE_ID",
                         help=tr("write the correction notice of this correction (with --out)"))
    history.add_argument("--out", type=Path, metavar="FILE.pdf", help=tr("with --notice: the PDF file to write"))
    history.add_argument("--force", action="store_true", help=tr("replace FILE if it exists"))
    history.set_defaults(handler=cmd_history)


def cmd_history(args, data_dir: Path) -> int:
    from intake_desktop.cli.letter_commands import check_target, write_atomically
    from intake_desktop.i18n.catalogue import current_language
    from intake_desktop.services import errors as E
    from intake_desktop.domain.dates import in_seoul

    if bool(args.notice) != bool(args.out):
        raise E.UsageError(tr("--notice and --out go together."))
    if args.out:
        check_target(args.out, args.force)
    with unlocked_session(args, data_dir, args.user) as session:
        if args.notice:
            pdf = session.history.correction_notice(args.case, args.notice)
            write_atomically(args.out, pdf, force=args.force)
            say(tr("Correction notice: written to {path}.").format(path=args.out))
            return 0
        entries = session.history.for_case(args.case)
        if args.json:
            say(json.dumps(session.history.as_json(entries), ensure_ascii=False, indent=2))
            return 0
        words = session.history.labels(current_language())
    for entry in entries:
        when = in_seoul(entry.at).strftime("%Y-%m-%d %H:%M")
        reason = tr("correction: {reason}").format(reason=entry.reason) if entry.correction else ""
        for change in entry.changes:
            say("\t".join((when, entry.by_name, words.field(change.field), words.value(change.field, change.old),
                           words.value(change.field, change.new), reason, entry.id)))
    if not entries:
        say(tr("No changes have been recorded for this case."))
    return 0
