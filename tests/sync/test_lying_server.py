"""A server that cannot be trusted: restored from an old dump, replaced, editing, moving,
replaying or inventing rows. Each is refused or reported, never applied."""

from __future__ import annotations

import pytest

from intake_desktop.services.sync import HubRefusedError
from sync.centrekit import make_centre, records


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


def _case(pc, name: str) -> str:
    with pc.session("kim") as s:
        return s.cases.create({"name": name, "birth_date": "2004-03-01"})


def test_a_server_restored_from_an_older_dump_is_refused(centre, pg_server, hub_db):
    second = centre.join("pc2")
    old_dump = pg_server.dump(hub_db)
    _case(centre.first, "새사례")
    centre.first.sync()
    second.sync()  # pc2 has pulled past the dump
    pg_server.restore(hub_db, old_dump)
    before = records(second)
    with pytest.raises(HubRefusedError) as refused:
        second.sync()
    assert refused.value.exit_code == 4
    assert "went back in time" in refused.value.render()
    assert records(second) == before


def test_a_server_set_up_again_is_refused(centre, pg_server, hub_db):
    pg_server.admin_sql("UPDATE hub_meta SET value = 'another' WHERE key = 'epoch'", hub_db)
    with pytest.raises(HubRefusedError):
        centre.first.sync()


def _server_edit(pg_server, hub_db, sql: str) -> None:
    pg_server.admin_sql(sql, hub_db)


def _person_row(pg_server, hub_db) -> tuple[str, int]:
    [(row_id, version)] = pg_server.admin_sql(
        "SELECT row_id, version FROM hub_row WHERE tbl = 'person' ORDER BY seq DESC LIMIT 1", hub_db)
    return row_id, version


@pytest.mark.parametrize("attack", ["flip a byte", "move to another row", "relabel the version", "drop content"])
def test_an_edited_row_is_reported_and_not_applied(centre, pg_server, hub_db, attack):
    second = centre.join("pc2")
    _case(centre.first, "원본")
    centre.first.sync()
    row_id, version = _person_row(pg_server, hub_db)
    other = pg_server.admin_sql("SELECT row_id FROM hub_row WHERE tbl = 'person' AND row_id <> %s LIMIT 1"
                                % f"'{row_id}'", hub_db) if attack == "move to another row" else None
    nxt = "nextval('hub_row_seq')"
    sql = {
        "flip a byte": f"UPDATE hub_row SET payload = overlay(payload placing '\\x00'::bytea from 40 for 1), "
                       f"seq = {nxt} WHERE tbl = 'person' AND row_id = '{row_id}'",
        "relabel the version": f"UPDATE hub_row SET version = version + 5, seq = {nxt} "
                               f"WHERE tbl = 'person' AND row_id = '{row_id}'",
        "drop content": f"UPDATE hub_row SET payload = NULL, seq = {nxt} WHERE tbl = 'person' AND row_id = '{row_id}'",
    }.get(attack)
    if attack == "move to another row":
        # the content of the new person row put on a made-up row id (a row copied onto another)
        sql = (f"INSERT INTO hub_row SELECT tbl, 'forged-id', version, {nxt}, writer_pc, updated_at, tombstone, "
               f"payload, bootstrap FROM hub_row WHERE tbl = 'person' AND row_id = '{row_id}'")
        assert other is not None
    _server_edit(pg_server, hub_db, sql)
    before = records(second)
    with pytest.raises(HubRefusedError) as refused:
        second.sync()
    assert refused.value.exit_code == 4 and "were not applied" in refused.value.render()
    assert records(second) == before  # nothing of that pull arrived, not even the intact rows
    assert ("person", row_id) not in before


def test_a_row_replayed_at_an_older_version_is_reported(centre, pg_server, hub_db):
    second = centre.join("pc2")
    case_id = _case(centre.first, "첫판")
    centre.first.sync()
    second.sync()
    row_id, _ = _person_row(pg_server, hub_db)
    [(old_version, old_payload)] = pg_server.admin_sql(
        f"SELECT version, payload FROM hub_row WHERE tbl = 'person' AND row_id = '{row_id}'", hub_db)
    with centre.first.session("kim") as s:
        detail = s.cases.get(case_id)
        s.cases.update_person(case_id, {**detail.person, "name": "둘째판"}, detail.person_version)
    centre.first.sync()
    second.sync()
    with pg_server._connect(hub_db) as connection:  # the server puts the old version back
        connection.execute("UPDATE hub_row SET version = %s, payload = %s, seq = nextval('hub_row_seq') "
                           "WHERE tbl = 'person' AND row_id = %s", (old_version, old_payload, row_id))
    result = second.sync()
    assert result.rejected == 1
    with second.session("kim") as s:
        assert s.cases.get(case_id).person["name"] == "둘째판"


def test_a_row_the_server_drops_is_caught_through_the_writers_log(centre, pg_server, hub_db):
    second = centre.join("pc2")
    case_id = _case(centre.first, "사라질사례")
    centre.first.sync()
    # The server deletes the new case row before pc2 ever sees it (and its place in the sequence).
    pg_server.admin_sql(f"DELETE FROM hub_row WHERE tbl = 'case_file' AND row_id = '{case_id}'", hub_db)
    second.sync()  # reads pc1's log: it pushed that case; the row must arrive by the next pull
    with pytest.raises(HubRefusedError) as refused:
        second.sync()
    assert "did not deliver" in refused.value.render()
    assert ("case_file", case_id) not in records(second)


def test_an_honest_server_raises_no_dropped_row(centre):
    second = centre.join("pc2")
    for name in ("하나", "둘"):
        _case(centre.first, name)
        centre.first.sync()
        assert second.sync().in_step
    assert second.sync().in_step and centre.first.sync().in_step
    assert records(second) == records(centre.first)
