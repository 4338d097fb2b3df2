"""server init, join, sync, sync status, conflicts: the centre server (docs/centre-server.md).

The server's address comes from --database-url or INTAKE_DATABASE_URL; its password from
INTAKE_DATABASE_PASSWORD or the copy sealed in the vault at `server init` — never from the
command line, where any user of the PC could read it in the process list.
"""

from __future__ import annotations

import json
from pathlib import Path

from intake_desktop.cli.common import Parser, say, secrets_parent, tr, unlocked_session, warn


def register(sub) -> None:
    secrets = secrets_parent()
    server = sub.add_parser("server", help=tr("set up the centre server"))
    server_sub = server.add_subparsers(dest="server_command", required=True, parser_class=Parser)
    init = server_sub.add_parser("init", parents=[secrets],
                                 help=tr("publish this PC's vault as the centre's shared vault (once)"))
    init.add_argument("--database-url", metavar="URL", help=tr("the centre server's address (or INTAKE_DATABASE_URL)"))
    init.add_argument("--user", required=True, metavar="ADMIN")
    init.set_defaults(handler=cmd_server_init)

    join = sub.add_parser("join", help=tr("make this PC's vault from the centre server; then log in as usual"))
    join.add_argument("--database-url", metavar="URL", help=tr("the centre server's address (or INTAKE_DATABASE_URL)"))
    join.set_defaults(handler=cmd_join)

    sync = sub.add_parser("sync", parents=[secrets], help=tr("sync with the centre server now, or show where this PC stands"))
    sync.add_argument("what", nargs="?", choices=("status",), help=tr("status: show the sync state without syncing"))
    sync.add_argument("--user", required=True, metavar="USERNAME")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=cmd_sync)

    conflicts = sub.add_parser("conflicts", parents=[secrets], help=tr("list records changed on two PCs at once"))
    conflicts.add_argument("--user", required=True, metavar="USERNAME")
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--resolve", nargs=2, metavar=("TABLE", "ROW"),
                           help=tr("settle one conflict (as listed) with --keep"))
    conflicts.add_argument("--keep", choices=("mine", "theirs"),
                           help=tr("mine: this PC's version; theirs: the other PC's version"))
    conflicts.set_defaults(handler=cmd_conflicts)


def cmd_server_init(args, data_dir: Path) -> int:
    from intake_desktop.services.sync import database_url_from_env

    url = database_url_from_env(args.database_url)
    with unlocked_session(args, data_dir, args.user) as session:
        result = session.sync.init_server(url)
    say(tr("This vault is now the centre's shared vault on the server: {pushed} record(s) sent.").format(
        pushed=result.pushed))
    return 0


def cmd_join(args, data_dir: Path) -> int:
    from intake_desktop.services.sync import database_url_from_env, join

    result = join(data_dir, database_url_from_env(args.database_url))
    say(tr("This PC joined {centre}. Log in as usual; the records arrive at the first sync.").format(
        centre=result.centre_name))
    return 0


def cmd_sync(args, data_dir: Path) -> int:
    with unlocked_session(args, data_dir, args.user) as session:
        if args.what == "status":
            return _status(session, args.json)
        result = session.sync.run()
    if args.json:
        print(json.dumps({"pulled": result.pulled, "pushed": result.pushed, "conflicts": result.waiting_conflicts,
                          "new_conflicts": result.conflicts, "rejected": result.rejected,
                          "in_step": result.in_step}))
    else:
        say(tr("Pulled {pulled}, pushed {pushed}, conflicts {conflicts}.").format(
            pulled=result.pulled, pushed=result.pushed, conflicts=result.waiting_conflicts))
        if result.rejected:
            warn(tr("{count} record(s) from the server failed their checks and were not applied.").format(
                count=result.rejected))
        if result.waiting_conflicts:
            warn(tr("Records changed on two PCs wait for a choice: see 'conflicts'."))
    if result.rejected:
        return 4
    return 0 if result.in_step else 1


def _status(session, as_json: bool) -> int:
    status = session.sync.status()
    last = status.last_sync_at.isoformat() if status.last_sync_at else None
    if as_json:
        print(json.dumps({"configured": status.configured, "server": status.server, "pc_id": status.pc_id,
                          "last_sync_at": last, "waiting": status.waiting, "conflicts": status.conflicts,
                          "last_seq": status.last_seq}))
        return 0
    if not status.configured:
        say(tr("This PC is not connected to a centre server."))
        return 0
    say(tr("Server: {server}").format(server=status.server))
    say(tr("Last sync: {at}").format(at=last or tr("never")))
    say(tr("Changes waiting to be sent: {count}").format(count=status.waiting))
    say(tr("Conflicts waiting for a choice: {count}").format(count=status.conflicts))
    return 0


def cmd_conflicts(args, data_dir: Path) -> int:
    from intake_desktop.services import errors as E

    if (args.resolve is None) != (args.keep is None):
        raise E.UsageError(tr("--resolve and --keep go together."))
    with unlocked_session(args, data_dir, args.user) as session:
        if args.resolve is not None:
            table, row_id = args.resolve
            session.sync.resolve(table, row_id, args.keep)
            say(tr("Kept {which} of {table} {row}; the other PCs take it at the next sync.").format(
                which=tr("this PC's version") if args.keep == "mine" else tr("the other PC's version"),
                table=table, row=row_id))
            return 0
        conflicts = session.sync.conflicts()
    if args.json:
        print(json.dumps([{"table": c.table, "row_id": c.row_id, "case_id": c.case_id, "case_number": c.case_number,
                           "by_field": c.by_field,
                           "theirs_version": c.theirs_version, "theirs_pc": c.theirs_pc,
                           "theirs_deleted": c.theirs_deleted, "mine_deleted": c.mine_deleted,
                           "detected_at": c.detected_at.isoformat()} for c in conflicts]))
        return 0
    if not conflicts:
        say(tr("No conflicts."))
    for c in conflicts:
        if c.case_number:
            say(tr("{table} {row} (case {case}): changed here and on PC {pc}").format(
                table=c.table, row=c.row_id, case=c.case_number, pc=c.theirs_pc[:8]))
        else:
            say(tr("{table} {row}: changed here and on PC {pc}").format(table=c.table, row=c.row_id,
                                                                       pc=c.theirs_pc[:8]))
    return 0
