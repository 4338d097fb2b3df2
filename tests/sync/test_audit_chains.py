"""Every PC's access log travels through the hub; `audit verify` on any PC checks every chain,
and a server that edits, drops or reorders events is caught."""

from __future__ import annotations


import pytest

from intake_desktop.services import errors as E
from vaultkit import PASSPHRASES
from sync.centrekit import make_centre


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


@pytest.fixture
def two_pcs(centre):
    second = centre.join("pc2")
    with second.session("kim") as s:
        s.cases.create({"name": "기록용", "birth_date": "2004-03-01"})
    second.sync()
    second.sync()  # the events of the first round go up at the next
    centre.first.sync()
    return centre.first, second


def _verify(pc, username="admin"):
    with pc.session(username) as s:
        return s.sync.verify_chains()


def test_every_chain_checks_on_every_pc(two_pcs, pg_server, hub_db):
    first, second = two_pcs
    pcs = pg_server.admin_sql("SELECT pc_id, count(*) FROM hub_audit GROUP BY pc_id", hub_db)
    assert len(pcs) == 2 and all(n >= 2 for _, n in pcs)
    assert _verify(first) == [] and _verify(second) == []


def _pc2_id(pg_server, hub_db, first) -> str:
    with first.session() as s, s.db() as db:
        from intake_desktop.services.sync import state
        own = state.get(db, state.PC_KEY)
    return next(p for (p,) in pg_server.admin_sql("SELECT DISTINCT pc_id FROM hub_audit", hub_db) if p != own)


@pytest.mark.parametrize("attack", ["edit", "drop", "reorder", "cut the tail"])
def test_a_server_that_tampers_with_a_chain_is_caught(two_pcs, pg_server, hub_db, attack):
    first, second = two_pcs
    pc = _pc2_id(pg_server, hub_db, first)
    sql = {
        "edit": f"UPDATE hub_audit SET payload = overlay(payload placing '\\x01'::bytea from 30 for 1) "
                f"WHERE pc_id = '{pc}' AND idx = 2",
        "drop": f"DELETE FROM hub_audit WHERE pc_id = '{pc}' AND idx = 2; "
                f"UPDATE hub_audit SET idx = idx - 1 WHERE pc_id = '{pc}' AND idx > 2",
        "reorder": f"UPDATE hub_audit SET idx = -1 WHERE pc_id = '{pc}' AND idx = 1; "
                   f"UPDATE hub_audit SET idx = 1 WHERE pc_id = '{pc}' AND idx = 2; "
                   f"UPDATE hub_audit SET idx = 2 WHERE pc_id = '{pc}' AND idx = -1",
        "cut the tail": f"DELETE FROM hub_audit WHERE pc_id = '{pc}' "
                        f"AND idx = (SELECT max(idx) FROM hub_audit WHERE pc_id = '{pc}')",
    }[attack]
    for statement in sql.split("; "):
        pg_server.admin_sql(statement, hub_db)
    problems = _verify(first)
    assert problems and all(isinstance(p, E.DamagedError) for p in problems)
    assert pc[:8] in problems[0].render()


def test_audit_verify_on_the_command_line_checks_the_server_copies(cli, two_pcs, pg_server, hub_db):
    first, _ = two_pcs
    ok = cli("audit", "verify", "--user", "admin", data_dir=first.data_dir, passphrase=PASSPHRASES["admin"])
    assert ok.code == 0, ok.err
    pc = _pc2_id(pg_server, hub_db, first)
    pg_server.admin_sql(f"DELETE FROM hub_audit WHERE pc_id = '{pc}' AND idx = 1", hub_db)
    bad = cli("audit", "verify", "--user", "admin", data_dir=first.data_dir, passphrase=PASSPHRASES["admin"])
    assert bad.code == 4 and pc[:8] in bad.err


