"""Automatic backup names: intake-<vault>-<YYYYMMDD-HHMMSS>[-n].ikbak (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from intake_desktop.services.backup.constants import BACKUP_SUFFIX, NAME_PATTERN


# -- names and rotation (pure) ----------------------------------------------------------------
def backup_name(vault_id: str, created_local: datetime, n: int = 1) -> str:
    suffix = "" if n <= 1 else f"-{n}"
    return f"intake-{vault_id[:8]}-{created_local:%Y%m%d-%H%M%S}{suffix}{BACKUP_SUFFIX}"


@dataclass(frozen=True)
class ParsedName:
    vault_prefix: str
    when: datetime  # local time, naive, from the name


def parse_backup_name(name: str) -> ParsedName | None:
    match = NAME_PATTERN.match(name)
    if not match:
        return None
    try:
        when = datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    if match["n"]:
        when = when + timedelta(microseconds=int(match["n"]))  # keeps same-second names ordered
    return ParsedName(match["vault"], when)


