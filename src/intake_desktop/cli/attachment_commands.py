"""attach, attachments: scanned documents of a case.

    intake-desktop attach --user kim --case 2026-00042 --file 동의서.pdf --kind consent --consent ID
    intake-desktop attachments --user kim --case 2026-00042 [--json]
    intake-desktop attachments --user kim --case 2026-00042 --save ID --out 동의서.pdf

The file is read and encrypted a chunk at a time straight into the vault (services/attachments.py);
a file that is not a PDF, JPEG or PNG by its content, or larger than the limit, exits with 2 and
nothing stored. --save writes the document atomically, readable by its owner only, and refuses to
replace an existing file unless --force is given.
"""

from __future__ import annotations

import json
from pathlib import Path

from intake_desktop.cli.common import say, secrets_parent, tr, unlocked_session
from intake_desktop.domain.attachments import KINDS
from intake_desktop.services import errors as E


def register(sub) -> None:
    secrets_ = secrets_parent()
    attach = sub.add_parser("attach", parents=[secrets_],
                            help=tr("attach a scanned document (PDF, JPEG or PNG) to a case, encrypted"))
    attach.add_argument("--user", required=True, metavar="USERNAME")
    attach.add_argument("--case", required=True, metavar="CASE_ID", help=tr("case id or case number"))
    attach.add_argument("--file", required=True, type=Path, metavar="FILE", help=tr("the scanned file"))
    attach.add_argument("--kind", choices=KINDS,
                        help=tr("what it is: a signed consent, a partner's reply slip, or other "
                                "(default: consent with --consent, reply with --referral, else other)"))
    link = attach.add_mutually_exclusive_group()
    link.add_argument("--consent", metavar="ID", help=tr("the consent record this scan belongs to"))
    link.add_argument("--referral", metavar="ID", help=tr("the referral this document belongs to"))
    attach.set_defaults(handler=cmd_attach)

    listing = sub.add_parser("attachments", parents=[secrets_],
                             help=tr("list a case's attached documents, or save one to a file"))
    listing.add_argument("--user", required=True, metavar="USERNAME")
    listing.add_argument("--case", required=True, metavar="CASE_ID", help=tr("case id or case number"))
    listing.add_argument("--json", action="store_true", help=tr("print the list as JSON"))
    listing.add_argument("--save", metavar="ID", help=tr("save this document (needs --out)"))
    listing.add_argument("--out", type=Path, metavar="FILE", help=tr("where --save writes the document"))
    listing.add_argument("--force", action="store_true", help=tr("replace FILE if it exists"))
    listing.set_defaults(handler=cmd_attachments)


def cmd_attach(args, data_dir: Path) -> int:
    with unlocked_session(args, data_dir, args.user) as session:
        info = session.attachments.attach(args.case, args.file, kind=args.kind, consent_id=args.consent,
                                          referral_id=args.referral)
    say(tr("Attached {name} ({size} bytes) as {id}.").format(name=info.name, size=info.size, id=info.id))
    return 0


def _exists(path: Path) -> E.ServiceError:
    return E.UsageError(tr("{path} exists; use --force to replace it.").format(path=path))


def cmd_attachments(args, data_dir: Path) -> int:
    if bool(args.save) != bool(args.out):
        raise E.UsageError(tr("--save and --out go together."))
    with unlocked_session(args, data_dir, args.user) as session:
        if args.save:
            info = session.attachments.info(args.save)
            if info.case_id != session.cases.get(args.case).case_id:
                raise E.UsageError(tr("Document {id} is not attached to case {case}.").format(
                    id=args.save, case=args.case))
            if args.out.exists() and not args.force:
                raise _exists(args.out)
            path = session.attachments.save(args.save, args.out)
            say(tr("Saved {name} to {path}.").format(name=info.name, path=path))
            return 0
        items = session.attachments.list(args.case)
    if args.json:
        say(json.dumps([i.to_json() for i in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        say(tr("No documents are attached to this case."))
    for i in items:
        link = i.consent_id or i.referral_id or "-"
        say(f"{i.id}  {i.created_at:%Y-%m-%d}  {i.kind:<7}  {i.size:>9}  {link}  {i.name}")
    return 0
