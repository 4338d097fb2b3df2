"""Numbers printed on paper (case numbers `2026-00017`, letter numbers `기지개-17`), unique across
the centre, also while a PC is offline.

Choice: blocks reserved from the server. At each sync a PC tops up, for this year's case numbers
and for its letter prefix, a block of consecutive numbers the hub hands out once (hub_number_block,
under the push lock); offline, the PC numbers from its own blocks only. Why blocks and not, say,
a PC suffix (`기지개-17-3`) or renumbering at sync: the printed format stays `기지개-N` as the
partners know it, a number on paper is final the moment it is printed (renumbering would make the
paper lie), and the cost is only that numbers are not in time order across PCs and that a block
cut short by a crash leaves a gap (a gap is harmless: numbers are never reused). A laptop that
uses up its blocks offline is told to connect; BLOCK sizes make that rare (weeks of work).

A PC without a centre server keeps numbering exactly as before (max + 1): nothing here runs.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlmodel import col

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.sync import state
from intake_desktop.storage import hub as H
from intake_desktop.storage.models import CaseFile, Letter, utcnow

BLOCKS_KEY = "sync.number_blocks"  # vault_meta: {"case:2026": [[first, last], ...], "letter:기지개-": [...]}
BLOCK = {"case": 1000, "letter": 200}  # a PC rarely makes more in a year offline
LOW_WATER = {"case": 250, "letter": 50}

MSG_NO_NUMBERS = QT_TRANSLATE_NOOP(
    "Errors", "This PC has used all the numbers it reserved from the centre server. Connect to the office "
    "network and sync, then try again.")


def in_centre(db) -> bool:
    return state.configured(db)


def _blocks(db) -> dict[str, list[list[int]]]:
    value = state.get(db, BLOCKS_KEY)
    try:
        data = json.loads(value) if value else {}
    except ValueError as exc:
        raise E.DamagedError() from exc
    return data if isinstance(data, dict) else {}


def free(db, kind: str, used_above: int) -> list[int]:
    """This PC's reserved numbers of `kind` above `used_above`, in order (lazily small: blocks)."""
    out: list[int] = []
    for first, last in sorted(_blocks(db).get(kind, [])):
        out.extend(range(max(first, used_above + 1), last + 1))
    return out


def highest_in_blocks(db, kind: str, used: set[int]) -> int:
    """The highest of `used` that falls in one of this PC's blocks (0: none)."""
    ranges = _blocks(db).get(kind, [])
    return max((n for n in used if any(first <= n <= last for first, last in ranges)), default=0)


def next_in_blocks(db, kind: str, used: set[int], floor: int = 0) -> int:
    """The number to give out next: the first reserved one after the highest already given."""
    above = max(highest_in_blocks(db, kind, used), floor)
    for first, last in sorted(_blocks(db).get(kind, [])):
        if last > above:
            return max(first, above + 1)
    raise E.ServiceError(MSG_NO_NUMBERS)


def top_up(db, hub, kind: str, used: set[int], floor: int = 0) -> bool:
    """Reserve another block from the hub when fewer than LOW_WATER numbers remain. The hub
    commits first; a crash before the local commit only leaves a gap."""
    family = kind.split(":", 1)[0]
    above = max(highest_in_blocks(db, kind, used), floor)
    remaining = sum(max(0, last - max(first - 1, above)) for first, last in _blocks(db).get(kind, []))
    if remaining >= LOW_WATER[family]:
        return False
    pc_id = state.get(db, state.PC_KEY) or ""
    c = H.hub_number_block.c
    with hub.begin(writing=True) as connection:
        taken = connection.execute(select(func.coalesce(func.max(c.last), 0)).where(c.kind == kind)).scalar_one()
        first = max(int(taken), max(used, default=0)) + 1  # numbers given before the server existed too
        last = first + BLOCK[family] - 1
        connection.execute(pg_insert(H.hub_number_block).values(
            kind=kind, first=first, last=last, pc_id=pc_id, taken_at=utcnow()))
    blocks = _blocks(db)
    blocks.setdefault(kind, []).append([first, last])
    state.put(db, BLOCKS_KEY, json.dumps(blocks, ensure_ascii=False))
    return True


def used_case_numbers(db, year: int) -> set[int]:
    prefix = f"{year}-"
    rows = db.execute(select(col(CaseFile.case_number)).where(col(CaseFile.case_number).like(prefix + "%")))
    return {int(tail) for (number,) in rows if (tail := number[len(prefix):]).isdigit()}


def used_letter_numbers(db, prefix: str) -> set[int]:
    rows = db.execute(select(col(Letter.number)).where(col(Letter.number).startswith(prefix, autoescape=True)))
    return {int(tail) for (number,) in rows if (tail := number[len(prefix):]).isdigit()}


def case_kind(year: int) -> str:
    return f"case:{year}"


def letter_kind(prefix: str) -> str:
    return f"letter:{prefix}"
