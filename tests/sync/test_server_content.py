"""What the server holds: no plaintext of a record in any byte of its dump or data folder, and
no ciphertext of a destroyed case (its rows become tombstones everywhere)."""

from __future__ import annotations

import secrets
from datetime import date

import pytest

from sync.centrekit import make_centre, records


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


def _encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("cp949", errors="ignore"),
            marker.encode("unicode_escape")]


def test_a_plaintext_canary_reaches_no_byte_of_the_server(centre, pg_server, hub_db):
    hangul = "카나리아" + "".join(secrets.choice("가나다라마바사아자차카타파하") for _ in range(6))
    ascii_ = "CANARY" + secrets.token_hex(6)
    with centre.first.session("kim") as s:
        case_id = s.cases.create({"name": hangul, "address": ascii_, "birth_date": "2004-03-01"})
        s.casework.add_note(case_id, on=date(2026, 11, 30), mode="phone", minutes=10, content=ascii_ + hangul)
    centre.first.sync()
    second = centre.join("pc2")
    with second.session("kim") as s:  # the canary did travel (so the scan below can fail)
        assert s.cases.get(case_id).person["name"] == hangul
    pg_server.checkpoint()
    dump = pg_server.dump_sql(hub_db)
    assert b"hub_row" in dump and len(dump) > 10_000
    files = [p.read_bytes() for p in pg_server.data_files()]
    for marker in (hangul, ascii_):
        for encoded in _encodings(marker):
            assert encoded not in dump, marker
            assert not any(encoded in blob for blob in files), marker


def test_a_destroyed_case_leaves_no_ciphertext_on_the_server_or_the_other_pcs(centre, pg_server, hub_db):
    with centre.first.session("kim") as s:
        case_id = s.cases.create({"name": "파기대상", "birth_date": "2004-03-01"})
        s.casework.add_note(case_id, on=date(2026, 11, 30), mode="phone", minutes=10, content="기록")
    centre.first.sync()
    second = centre.join("pc2")
    assert any(k == ("case_file", case_id) for k in records(second))
    ids = [r[0] for r in pg_server.admin_sql(
        f"SELECT row_id FROM hub_row WHERE row_id = '{case_id}' OR payload IS NOT NULL", hub_db)]
    assert case_id in ids
    with centre.first.session("admin") as s:
        s.retention.destroy(case_id, "보존기간 경과")
    centre.first.sync()
    second.sync()
    rows = pg_server.admin_sql(
        f"SELECT tbl, tombstone, payload IS NULL FROM hub_row WHERE row_id = '{case_id}'", hub_db)
    assert rows == [("case_file", True, True)]
    destroyed = pg_server.admin_sql(
        "SELECT count(*) FROM hub_row WHERE tombstone AND payload IS NULL", hub_db)[0][0]
    assert destroyed >= 3  # the person, the case and the note
    assert pg_server.admin_sql("SELECT count(*) FROM hub_row WHERE tombstone AND payload IS NOT NULL", hub_db) == [(0,)]
    assert not any(k == ("case_file", case_id) for k in records(second))
    assert records(second) == records(centre.first)
