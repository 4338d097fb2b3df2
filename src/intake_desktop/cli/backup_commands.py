"""backup create, verify, restore, info.

`verify` and `restore` need no vault in the data folder: the backup carries copies of the key
slots, so the passphrase an account had when the backup was made, or the recovery key, opens
it on a fresh installation. Damaged or tampered backups exit with 4, a wrong passphrase or
recovery key with 3 (see cli/__init__.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intake_desktop.cli.common import Parser, passphrase, say, secrets_parent, tr, unlocked_session, warn
if TYPE_CHECKING:  # the backup service (crypto, database) is imported by the handlers that use it
    from intake_desktop.services import backup as B


def register(sub) -> None:
    secrets = secrets_parent()
    backup = sub.add_parser("backup", help=tr("make, check and restore encrypted backups"))
    commands = backup.add_subparsers(dest="backup_command", required=True, parser_class=Parser)

    create = commands.add_parser("create", parents=[secrets], help=tr("write an encrypted backup of the vault"))
    create.add_argument("--user", required=True, metavar="USERNAME")
    create.add_argument("--out", required=True, type=Path, metavar="FILE",
                        help=tr("a new file (an existing one is never replaced), or a folder: "
                                "the backup is then named by date and time"))
    create.set_defaults(handler=cmd_backup_create)

    verify = commands.add_parser("verify", parents=[secrets],
                                 help=tr("check a backup completely, without restoring it"))
    verify.add_argument("file", type=Path)
    verify.add_argument("--user", metavar="USERNAME",
                        help=tr("account whose passphrase (as of the backup) opens it"))
    verify.set_defaults(handler=cmd_backup_verify)

    restore = commands.add_parser("restore", parents=[secrets],
                                  help=tr("restore a backup into a new folder"))
    restore.add_argument("file", type=Path)
    restore.add_argument("--into", required=True, type=Path, metavar="DIR",
                         help=tr("a folder without a vault (made if missing)"))
    restore.add_argument("--user", metavar="USERNAME",
                         help=tr("account whose passphrase (as of the backup) opens it"))
    restore.set_defaults(handler=cmd_backup_restore)

    info = commands.add_parser("info", help=tr("show a backup's header (no passphrase needed)"))
    info.add_argument("file", type=Path)
    info.set_defaults(handler=cmd_backup_info)


def _secret(args) -> B.BackupSecret:
    from intake_desktop.services import backup as B
    from intake_desktop.services.secrets import read_recovery_key

    if getattr(args, "recovery_key_file", None):
        return B.BackupSecret.recovery_key(read_recovery_key(args.recovery_key_file), args.user)
    # Without --user every account slot in the backup is tried (one slow KDF run each).
    return B.BackupSecret.passphrase(passphrase(args), args.user)


def _when(info: B.BackupInfo) -> str:
    return info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def _report_problems(verified: B.VerifiedBackup) -> None:
    """Warn about the access log inside the backup (damaged values are refused by the job)."""
    if verified.audit_problems:
        warn(tr("Warning: the access log inside the backup has {count} problem(s); the vault already "
                "had them when the backup was made.").format(count=verified.audit_problems))


def cmd_backup_create(args, data_dir: Path) -> int:
    with unlocked_session(args, data_dir, args.user) as session:
        result = session.backup.create(args.out)
    say(tr("Backup written to {path} ({size} MB, {cases} case(s)) and verified.").format(
        path=result.path, size=_megabytes(result.size), cases=result.case_count))
    return 0


def cmd_backup_verify(args, data_dir: Path) -> int:
    from intake_desktop.services import backup as B

    verified, recorded = B.verify_file(args.file, _secret(args), data_dir, report=_report_problems)
    info = verified.info
    say(tr("Backup verified: {path}").format(path=args.file))
    say(tr("Made {when} by intake-desktop {version} for {centre}.").format(
        when=_when(info), version=info.app_version, centre=info.centre_name))
    say(tr("{cases} case(s), {events} access-log event(s), {values} encrypted value(s) checked.").format(
        cases=verified.case_count, events=verified.audit_count, values=verified.values_checked))
    if recorded:
        say(tr("Recorded in the access log of the vault in {path}.").format(path=data_dir))
    return 0


def cmd_backup_restore(args, data_dir: Path) -> int:
    from intake_desktop.services import backup as B

    result = B.restore_file(args.file, _secret(args), args.into, data_dir, report=_report_problems)
    say(tr("Backup of {when} restored into {path}: {cases} case(s).").format(
        when=_when(result.verified.info), path=args.into, cases=result.verified.case_count))
    say(tr("Open it with: intake-desktop --data-dir \"{path}\"").format(path=args.into))
    return 0


def cmd_backup_info(args, data_dir: Path) -> int:
    from intake_desktop.services import backup as B

    info = B.read_backup_info(args.file)
    say(tr("Backup {id}").format(id=info.backup_id))
    say(tr("Made {when} by intake-desktop {version} (schema {schema}) for {centre}.").format(
        when=_when(info), version=info.app_version, schema=info.schema_revision, centre=info.centre_name))
    say(tr("Opens with the passphrase (as of that day) of: {names}").format(names=", ".join(info.usernames) or "-"))
    if info.has_recovery_slot:
        say(tr("Opens with the recovery key."))
    say(tr("This header is not yet authenticated: run `backup verify` to check the whole file."))
    return 0
