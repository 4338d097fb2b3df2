"""Rows the server must have delivered: catching a server that drops a row.

Each push is recorded in the pushing PC's access log (chains.PUSH_ACTION) with the (table, row
id, hub version) of every row it put on the hub; that chain travels through the hub and cannot
be edited or cut unnoticed (chains.py). A PC that reads such an event expects each row at that
version or later. The rows were committed on the hub before the event was uploaded, so the
next pull must bring them (or something newer): a row still missing after that pull was dropped
by the server. Limit: a push whose event the server withholds together with its rows, and that
no PC has seen yet, is not caught (the tail of a chain beyond what anyone has seen).
"""

from __future__ import annotations

import json

from sqlalchemy import select

from intake_desktop.services.sync import state
from intake_desktop.storage.models import SyncConflict

EXPECTED_KEY = "sync.expected"  # {"table|row id": version}


def _load(db) -> dict[str, int]:
    value = state.get(db, EXPECTED_KEY)
    return json.loads(value) if value else {}


def expect(db, rows) -> None:
    expected = _load(db)
    for tbl, row_id, version in rows:
        key = f"{tbl}|{row_id}"
        expected[key] = max(expected.get(key, 0), int(version))
    state.put(db, EXPECTED_KEY, json.dumps(expected))


def check(db) -> list[tuple[str, str, str]]:
    """After a pull (same transaction, before this round reads new log events): every expected
    row was on the hub before the event naming it was read, so this pull must have brought it.
    Returns what did not arrive, as (table, row id, "dropped")."""
    expected = _load(db)
    if not expected:
        return []
    bases = state.bases(db)
    held = {(c.tbl, c.row_id): c.theirs_version for c in db.exec(select(SyncConflict)).scalars()}
    dropped, left = [], {}
    for key, version in expected.items():
        tbl, row_id = key.split("|", 1)
        base = bases.get((tbl, row_id))
        if (base is not None and base.version >= version) or held.get((tbl, row_id), 0) >= version:
            continue
        dropped.append((tbl, row_id, "dropped"))
        left[key] = version
    state.put(db, EXPECTED_KEY, json.dumps(left))
    return dropped
