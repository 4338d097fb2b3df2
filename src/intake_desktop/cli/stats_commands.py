"""stats: the statistics report for the district and the partnership (numbers, never names).

    intake-desktop stats --user boss --from 2025-01 --to 2025-06 --out 통계-상반기.pdf
    intake-desktop stats --user boss --from 2025-01 --to 2025-06 --out 통계-상반기.csv
    intake-desktop stats --user boss --from 2025-01 --to 2025-06 --out 통계-상반기.xlsx

The format follows the extension (.pdf, .csv or .xlsx). Supervisors and admins only (exit 3 otherwise).
A month that is not YYYY-MM, a period that ends before it starts or an unknown extension exits
with 2 before the vault is opened. A period without data still gives a report that says so
(exit 0). The file is written atomically; an existing file is replaced only with --force.
"""

from __future__ import annotations

from pathlib import Path

from intake_desktop.cli.common import say, secrets_parent, tr, unlocked_session
from intake_desktop.services import errors as E


def register(sub) -> None:
    stats = sub.add_parser("stats", parents=[secrets_parent()],
                           help=tr("write the statistics report (PDF, CSV or Excel) for a period"))
    stats.add_argument("--user", required=True, metavar="USERNAME")
    stats.add_argument("--from", dest="start", required=True, metavar="YYYY-MM", help=tr("first month"))
    stats.add_argument("--to", dest="end", required=True, metavar="YYYY-MM", help=tr("last month"))
    stats.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.csv|FILE.xlsx",
                       help=tr("the report file; .pdf, .csv or .xlsx decides the format"))
    stats.add_argument("--include-demo", action="store_true",
                       help=tr("count demonstration cases even when the vault holds real ones"))
    stats.add_argument("--force", action="store_true", help=tr("replace FILE if it exists"))
    stats.set_defaults(handler=cmd_stats)


def _check_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise E.UsageError(tr("{path} is a folder; give a file name.").format(path=path))
    if path.exists() and not force:
        raise E.UsageError(tr("{path} already exists. Choose another name or add --force to replace it.")
                           .format(path=path))
    if not path.parent.is_dir():
        raise E.UsageError(tr("The folder {path} does not exist.").format(path=path.parent))


def cmd_stats(args, data_dir: Path) -> int:
    from intake_desktop.services.stats import Period, format_of

    period = Period.of(args.start, args.end)  # bad months: exit 2 before anything is opened
    format_of(args.out)
    _check_target(args.out, args.force)
    with unlocked_session(args, data_dir, args.user) as session:
        report = session.stats.compute(period.start_month, period.end_month,
                                       include_demo=True if args.include_demo else None)
        session.stats.export(report, args.out)
    say(tr("Statistics for {start} to {end} written to {path}.").format(
        start=period.start_month, end=period.end_month, path=args.out))
    if report.is_empty:
        say(tr("There is no data for this period; the report says so."))
    if report.includes_demo:
        say(tr("The report counts demonstration cases and is marked as such."))
    return 0
