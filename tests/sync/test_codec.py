"""Which tables sync: every table of the vault is either synced or named as local, with a
reason, so a table added later cannot silently stay on one PC."""

from __future__ import annotations

from sqlmodel import SQLModel

from intake_desktop.services.sync import codec
from intake_desktop.storage import models  # noqa: F401  (registers the tables)


def test_every_table_is_synced_or_named_as_local():
    tables = {t.name for t in SQLModel.metadata.sorted_tables}
    synced = {t.name for t in codec.TABLES}
    assert synced & set(codec.LOCAL_TABLES) == set()
    assert tables == synced | set(codec.LOCAL_TABLES)


def test_parents_come_before_children():
    order = codec.ORDER
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in order:
            continue
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            if parent in order and parent != table.name:
                assert order[parent] < order[table.name], (parent, table.name)


def test_a_row_encodes_the_same_bytes_whatever_the_column_order():
    row = {"id": "a", "data": b"\x00\xff", "version": 2, "at": "2026-12-02 10:00:00", "none": None}
    again = dict(reversed(list(row.items())))
    assert codec.encode(row) == codec.encode(again)
    assert codec.decode(codec.encode(row)) == row
