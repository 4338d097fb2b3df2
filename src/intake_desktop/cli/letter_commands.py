"""letter, letter-reprint, letter-register, consent-form.

    intake-desktop letter --user kim --case 2025-00042 --to welfare --out 의뢰서.pdf --reason "..."

A letter is prepared (consent checked: a missing consent exits with 3 and names it), issued
(register row, referral record, access record: one transaction) and written atomically: a
temporary file in the same folder, flushed to disk, then moved into place. An existing file
is never replaced unless --force is given; that is checked before anything is issued.
The reason for referral is required: a real letter should never go out with a stock phrase.

--print [--printer NAME] sends the PDF to the print system instead of writing a file, through the
same code as the app's print dialog (`intake_desktop.printing`: the bytes go to CUPS's lp through
a pipe, nothing is written to a temporary file). The printer is checked before anything is issued;
the letter enters the register either way.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from intake_desktop.domain import dates
from intake_desktop.cli.common import say, secrets_parent, tr, unlocked_session, warn
from intake_desktop import fileio
from intake_desktop.letters.model import PartnerKind
from intake_desktop.services import errors as E

KINDS = tuple(k.value for k in PartnerKind)
REPLY_RESULTS = ("joined", "declined", "unreachable")  # services.referrals.REPLY_RESULTS (kept light)
DEFAULT_REPLY_DAYS = 14  # reply-by date when --reply-by is not given: two weeks after issue


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise E.UsageError(tr("{value} is not a date (YYYY-MM-DD).").format(value=text)) from exc


def _moment(text: str) -> datetime | date:
    for parse in (datetime.fromisoformat, date.fromisoformat):
        try:
            return parse(text)
        except ValueError:
            continue
    raise E.UsageError(tr("{value} is not a date or time (YYYY-MM-DD or YYYY-MM-DD HH:MM).").format(value=text))


def _add_output(parser) -> None:
    """--out FILE.pdf, or --print [--printer NAME]: one of the two."""
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.pdf")
    where.add_argument("--print", action="store_true", dest="to_printer",
                       help=tr("send it to the printer instead of writing a file"))
    parser.add_argument("--printer", metavar="NAME", help=tr("with --print: this printer (default: the default one)"))
    parser.add_argument("--force", action="store_true", help=tr("replace FILE if it exists"))


def register(sub) -> None:
    secrets_ = secrets_parent()
    letter = sub.add_parser("letter", parents=[secrets_], help=tr("issue a referral letter to a partner as PDF"))
    letter.add_argument("--user", required=True, metavar="USERNAME")
    letter.add_argument("--case", required=True, metavar="CASE_ID", help=tr("case id or case number"))
    letter.add_argument("--to", required=True, metavar="|".join(KINDS),
                        help=tr("kind of partner (the directory's partner of that kind), or a partner's key"))
    _add_output(letter)
    letter.add_argument("--reason", required=True, help=tr("reason for the referral, printed as written"))
    letter.add_argument("--service", help=tr("service requested (default: the template's wording)"))
    letter.add_argument("--first-contact", default="", help=tr("cautions for the first contact"))
    letter.add_argument("--reply-by", metavar="YYYY-MM-DD",
                        help=tr("reply requested by this date (default: two weeks after today)"))
    letter.add_argument("--last-contact", metavar="YYYY-MM-DD[ HH:MM]",
                        help=tr("police: when the young person was last in contact"))
    letter.add_argument("--notes", default="", help=tr("anything else (printed where the template has 기타)"))
    letter.add_argument("--reply-slip", action=argparse.BooleanOptionalAction, default=True,
                        help=tr("print the partner's reply slip (initials only) as the last page (default: yes)"))
    letter.set_defaults(handler=cmd_letter)

    slip = sub.add_parser("reply-slip", parents=[secrets_],
                          help=tr("print the reply slip of an issued letter on its own"))
    slip.add_argument("--user", required=True, metavar="USERNAME")
    slip.add_argument("--letter", required=True, metavar="NUMBER", help=tr("letter number (e.g. 기지개-12) or id"))
    _add_output(slip)
    slip.set_defaults(handler=cmd_reply_slip)

    reply = sub.add_parser("reply", parents=[secrets_],
                           help=tr("record a partner's returned reply slip for a letter"))
    reply.add_argument("--user", required=True, metavar="USERNAME")
    reply.add_argument("--letter", required=True, metavar="NUMBER", help=tr("letter number (e.g. 기지개-12) or id"))
    reply.add_argument("--result", required=True, choices=REPLY_RESULTS,
                       help=tr("what the slip says: joined (참여), declined (미참여), unreachable (연락 안 됨)"))
    reply.add_argument("--received", required=True, metavar="YYYY-MM-DD",
                       help=tr("the reply date (회신일) on the slip"))
    reply.add_argument("--service", default="", help=tr("the service the partner provides (제공 서비스)"))
    reply.add_argument("--staff", default="", metavar="NAME", help=tr("the partner's staff member in charge (담당자)"))
    reply.add_argument("--note", default="", help=tr("a note for the referral's history"))
    reply.add_argument("--scan", type=Path, metavar="FILE",
                       help=tr("the scanned slip (PDF, JPEG or PNG), attached to the referral; "
                               "a refused file leaves the reply unrecorded"))
    reply.set_defaults(handler=cmd_reply)

    reprint = sub.add_parser("letter-reprint", parents=[secrets_],
                             help=tr("print an issued letter again, identical to the first copy"))
    reprint.add_argument("--user", required=True, metavar="USERNAME")
    reprint.add_argument("--letter", required=True, metavar="NUMBER", help=tr("letter number (e.g. 기지개-12) or id"))
    _add_output(reprint)
    reprint.set_defaults(handler=cmd_letter_reprint)

    listing = sub.add_parser("letter-register", parents=[secrets_], help=tr("list the letters register"))
    listing.add_argument("--user", required=True, metavar="USERNAME")
    listing.add_argument("--case", metavar="CASE_ID", help=tr("only this case's letters"))
    listing.add_argument("--out", type=Path, metavar="FILE.csv|FILE.xlsx",
                         help=tr("write the register to a file; .csv or .xlsx decides the format"))
    listing.add_argument("--force", action="store_true", help=tr("replace FILE if it exists"))
    listing.set_defaults(handler=cmd_letter_register)

    form = sub.add_parser("consent-form", parents=[secrets_], help=tr("print the consent form for a case as PDF"))
    form.add_argument("--user", required=True, metavar="USERNAME")
    form.add_argument("--case", required=True, metavar="CASE_ID", help=tr("case id or case number"))
    _add_output(form)
    form.add_argument("--to", action="append", metavar="PARTNER",
                      help=tr("only this partner (kind or key; repeat for more). Default: every partner"))
    form.set_defaults(handler=cmd_consent_form)


# -- writing files -------------------------------------------------------------------------
def check_target(path: Path, force: bool) -> None:
    """Refuse early (before anything is issued) when the file exists or the folder is missing."""
    if path.exists() and not force:
        raise E.UsageError(tr("{path} already exists. Choose another name or add --force to replace it.")
                           .format(path=path))
    if path.is_dir():
        raise E.UsageError(tr("{path} is a folder; give a file name.").format(path=path))
    if not path.parent.is_dir():
        raise E.UsageError(tr("The folder {path} does not exist.").format(path=path.parent))
    if fileio.WINDOWS and fileio.too_long_for_windows(path):  # refused before anything is issued
        raise E.ServiceError(E.MSG_PATH_TOO_LONG, path=str(path))


def write_atomically(path: Path, data: bytes, *, force: bool) -> None:
    """Through the program's one writer (services/files.write_file: 0600, fsync, a unique
    temporary name, cleanup). Without `force` an existing file is never replaced."""
    from intake_desktop.services.files import write_file  # here: the parser must stay light

    write_file(Path(path), data, replace=force, exists=lambda taken: E.UsageError(
        tr("{path} already exists. Choose another name or add --force to replace it.").format(path=taken)))


# -- printing --------------------------------------------------------------------------------
def check_output(args):
    """Before anything is issued: the file can be written, or the printer exists. The printer (or
    None when writing a file)."""
    if not args.to_printer:
        if args.printer:
            raise E.UsageError(tr("--printer goes with --print."))
        check_target(args.out, args.force)
        return None
    if sys.platform == "win32":
        # Windows has no CUPS; its print path renders through Qt's printer device (the app's
        # print dialog), which needs the window system.
        raise E.UsageError(tr("On Windows, print from the app; here use --out and print the file."))
    from intake_desktop.printing import CupsPrinting, choose_printer

    return choose_printer(CupsPrinting().destinations(), args.printer)


def send_to_printer(pdf: bytes, printer) -> str:
    """The same hand-over as the app's print dialog; CUPS's job id."""
    from intake_desktop.printing import CupsPrinting, PrintJob

    return CupsPrinting().print_pdf(pdf, PrintJob(printer=printer.name, title=tr("Document")))


def deliver(args, printer, pdf: bytes) -> str:
    """Print or write the PDF; what to tell the user about where it went."""
    if printer is None:
        write_atomically(args.out, pdf, force=args.force)
        return tr("written to {path}").format(path=args.out)
    job = send_to_printer(pdf, printer)
    return tr("sent to the printer {printer} (job {job})").format(printer=printer.name, job=job or "—")


# -- commands --------------------------------------------------------------------------------
def _partner(session, ref: str):
    if ref in KINDS:
        return session.partners.by_kind(ref)
    return session.partners.get(ref)


def cmd_letter(args, data_dir: Path) -> int:
    from intake_desktop.letters import ReferralDetails

    printer = check_output(args)
    today = dates.today()
    details = ReferralDetails(
        reason=args.reason, requested_service=args.service, first_contact_notes=args.first_contact,
        reply_by=_day(args.reply_by) if args.reply_by else today + timedelta(days=DEFAULT_REPLY_DAYS),
        last_contact=_moment(args.last_contact) if args.last_contact else None, notes=args.notes,
    )
    with unlocked_session(args, data_dir, args.user) as session:
        partner = _partner(session, args.to)
        prepared = session.letters.prepare(args.case, partner.id, details, issue_date=today,
                                           reply_slip=args.reply_slip)
        issued = session.letters.issue(prepared)
    try:
        where = deliver(args, printer, issued.pdf)
    except E.ServiceError as error:
        warn(tr("Letter {number} is in the register, but it could not be printed or written. "
                "Print it again with: intake-desktop letter-reprint --letter {number}").format(number=issued.number))
        raise error
    say(tr("Letter {number} to {partner}: {where}.").format(
        number=issued.number, partner=prepared.partner_name, where=where))
    withheld = [o for o in issued.content.omitted if o.reason != "unanswered"]
    say(tr("{included} item(s) printed; {withheld} item(s) withheld (not consented, not shareable or sensitive).")
        .format(included=len(issued.content.included_fields), withheld=len(withheld)))
    return 0


def _print_document(args, data_dir: Path, make_pdf) -> str:
    """Check the output first (a bad --out or printer: exit before the vault opens), make the PDF in
    an unlocked session, deliver it; says where it went."""
    printer = check_output(args)
    with unlocked_session(args, data_dir, args.user) as session:
        pdf = make_pdf(session)
    return deliver(args, printer, pdf)


def cmd_letter_reprint(args, data_dir: Path) -> int:
    where = _print_document(args, data_dir, lambda session: session.letters.reprint(args.letter))
    say(tr("Letter {number}, identical to the copy sent: {where}.").format(number=args.letter, where=where))
    return 0


def cmd_letter_register(args, data_dir: Path) -> int:
    if args.out is not None:
        from intake_desktop.services.register_export import format_of

        format_of(args.out)  # a wrong extension: exit 2 before the vault is opened
        check_target(args.out, args.force)
    with unlocked_session(args, data_dir, args.user) as session:
        entries = session.letters.register(args.case)
    if args.out is not None:
        from intake_desktop.services.register_export import write_register

        write_register(entries, args.out, replace=args.force, exists=lambda taken: E.UsageError(
            tr("{path} already exists. Choose another name or add --force to replace it.").format(path=taken)))
        say(tr("{count} letter(s) of the register written to {path}.").format(count=len(entries), path=args.out))
        return 0
    for e in entries:
        say("\t".join((e.number, e.issue_date.isoformat(), e.recipient_name, e.case_number, e.counsellor_name,
                       e.sha256)))
    if not entries:
        say(tr("The register holds no letters."))
    return 0


def cmd_consent_form(args, data_dir: Path) -> int:
    def consent_form(session) -> bytes:
        partner_ids = [_partner(session, ref).id for ref in args.to] if args.to else None
        return session.letters.consent_form(args.case, partner_ids)

    where = _print_document(args, data_dir, consent_form)
    say(tr("Consent form: {where}.").format(where=where))
    return 0


def cmd_reply_slip(args, data_dir: Path) -> int:
    where = _print_document(args, data_dir, lambda session: session.letters.reply_slip(args.letter))
    say(tr("Reply slip for letter {number}: {where}.").format(number=args.letter, where=where))
    return 0


def cmd_reply(args, data_dir: Path) -> int:
    received = _day(args.received)
    with unlocked_session(args, data_dir, args.user) as session:
        referral = session.referrals.for_letter(args.letter)
        info = session.referrals.record_reply_with_scan(referral.id, args.result, received, args.scan,
                                                        service=args.service, staff=args.staff, note=args.note)
    say(tr("Reply to letter {number} recorded: {result}; the referral is now {status} (reply date {date}).").format(
        number=info.letter_number or args.letter, result=info.reply_slip.result_label, status=info.status_label,
        date=(info.reply_date or received).isoformat()))
    if args.scan is not None and info.reply_slip is not None and info.reply_slip.scan_id:
        say(tr("The scan {name} is attached to the referral (document {attachment}).").format(
            name=args.scan.name, attachment=info.reply_slip.scan_id))
    return 0
