"""The access log is a chain: any edit, deletion, reordering or cut-off tail of events written
directly into SQLite is reported by `audit.verify()`."""

from __future__ import annotations

import socket

import pytest

from intake_desktop.services import errors as E
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE, audit_events, person, raw_db


@pytest.fixture
def busy_vault(vault_dir):
    """A vault with a few dozen events: logins, cases, views, notes, locks."""
    with Vault.open(vault_dir) as vault:
        for username, passphrase in (("admin", PASSPHRASE), ("kim", "kim's own long passphrase")):
            session = vault.unlock(username, passphrase)
            for i in range(3):
                case_id = session.cases.create(person(f"기록{i}"))
                session.cases.get(case_id)
                session.records.add("note", case_id, {"content": f"면담 {i}"})
            session.lock()
    return vault_dir


def _verify(vault_dir):
    # As `audit verify` does: unlocking normally would already refuse some of these vaults.
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE, check_integrity=False)
        try:
            return session.audit.verify()
        finally:
            session.lock()


def _seqs(vault_dir) -> list[int]:
    with raw_db(vault_dir) as db:
        return [row[0] for row in db.execute("SELECT seq FROM audit_event ORDER BY seq")]


def test_untouched_log_verifies_and_records_what_happened(busy_vault):
    assert _verify(busy_vault) == []
    with Vault.open(busy_vault) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        events = audit_events(session)
        views = [e for e in events if e.action == "case.view"]
        assert len(views) == 6 and all(e.case_id for e in views)
        assert [e.seq for e in events] == sorted(e.seq for e in events)
        details = session.audit.details(views[0])
        assert details["workstation"] == socket.gethostname()
        with raw_db(busy_vault) as db:
            count = db.execute("SELECT value FROM vault_meta WHERE key = 'audit_count'").fetchone()[0]
        assert int(count) == len(events)
        session.lock()


EDITS = {
    "action": "UPDATE audit_event SET action = 'case.export' WHERE seq = :seq",
    "time": "UPDATE audit_event SET at = '2020-01-01 00:00:00.000000' WHERE seq = :seq",
    "account": "UPDATE audit_event SET account_id = (SELECT id FROM account WHERE username = 'lee') WHERE seq = :seq",
    "case": "UPDATE audit_event SET case_id = NULL WHERE seq = :seq",
    "details": "UPDATE audit_event SET details = (SELECT details FROM audit_event WHERE seq = :seq + 1) WHERE seq = :seq",
    "mac recomputed without the key": "UPDATE audit_event SET mac = lower(hex(randomblob(32))) WHERE seq = :seq",
}


@pytest.mark.parametrize("sql", EDITS.values(), ids=EDITS.keys())
def test_editing_one_event_is_detected(busy_vault, sql):
    seq = _seqs(busy_vault)[len(_seqs(busy_vault)) // 2]
    with raw_db(busy_vault) as db:
        assert db.execute(sql, {"seq": seq}).rowcount == 1
    problems = _verify(busy_vault)
    assert problems and any(p.seq in (seq, seq + 1) for p in problems)


def test_deleting_one_event_is_detected(busy_vault):
    seq = _seqs(busy_vault)[5]
    with raw_db(busy_vault) as db:
        db.execute("DELETE FROM audit_event WHERE seq = ?", (seq,))
    problems = _verify(busy_vault)
    assert any(p.reason == "chain broken before this event" for p in problems)
    assert any(p.reason == "number of events does not match" for p in problems)


@pytest.mark.parametrize("distance", [1, 7])
def test_reordering_events_is_detected(busy_vault, distance):
    seqs = _seqs(busy_vault)
    a, b = seqs[4], seqs[4 + distance]
    with raw_db(busy_vault) as db:
        db.execute("UPDATE audit_event SET seq = -1 WHERE seq = ?", (a,))
        db.execute("UPDATE audit_event SET seq = ? WHERE seq = ?", (a, b))
        db.execute("UPDATE audit_event SET seq = ? WHERE seq = -1", (b,))
    problems = _verify(busy_vault)
    assert any(p.reason == "chain broken before this event" for p in problems)


def test_reordering_timestamps_only_is_detected(busy_vault):
    seqs = _seqs(busy_vault)
    with raw_db(busy_vault) as db:
        at_a, at_b = (db.execute("SELECT at FROM audit_event WHERE seq = ?", (s,)).fetchone()[0] for s in seqs[2:4])
        db.execute("UPDATE audit_event SET at = ? WHERE seq = ?", (at_b, seqs[2]))
        db.execute("UPDATE audit_event SET at = ? WHERE seq = ?", (at_a, seqs[3]))
    assert at_a != at_b
    assert _verify(busy_vault)


@pytest.mark.parametrize("cut", [1, 5])
def test_cutting_off_the_newest_events_is_detected(busy_vault, cut):
    seqs = _seqs(busy_vault)
    with raw_db(busy_vault) as db:
        db.execute("DELETE FROM audit_event WHERE seq >= ?", (seqs[-cut],))
    problems = _verify(busy_vault)  # the unlock appends new events after the gap: still caught
    assert problems


def test_cutting_the_tail_while_the_session_is_open_is_detected(busy_vault):
    with Vault.open(busy_vault) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        with raw_db(busy_vault) as db:
            db.execute("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)")
        problems = session.audit.verify()
        assert {p.reason for p in problems} == {"newest events are missing", "number of events does not match"}
        session.lock()


def test_cutting_the_tail_and_fixing_the_count_is_still_detected(busy_vault):
    with raw_db(busy_vault) as db:
        db.execute("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)")
        db.execute("UPDATE vault_meta SET value = CAST(value AS INTEGER) - 1 WHERE key = 'audit_count'")
    assert _verify(busy_vault)


def test_a_forged_event_is_detected(busy_vault):
    with raw_db(busy_vault) as db:
        last = db.execute("SELECT mac FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()[0]
        forged_mac = "ab" * 32
        db.execute(
            "INSERT INTO audit_event (id, at, account_id, action, case_id, details, prev_mac, mac) "
            "VALUES ('00000000-0000-4000-8000-000000000000', '2025-01-01 00:00:00.000000', NULL, 'login', NULL, "
            "X'00', ?, ?)", (last, forged_mac))
        db.execute("UPDATE vault_meta SET value = ? WHERE key = 'audit_head'", (forged_mac,))
        db.execute("UPDATE vault_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'audit_count'")
    problems = _verify(busy_vault)
    assert any(p.reason == "event was changed" for p in problems)


def test_tampered_details_are_reported_as_damage(busy_vault):
    seqs = _seqs(busy_vault)
    with raw_db(busy_vault) as db:
        db.execute("UPDATE audit_event SET details = (SELECT details FROM audit_event WHERE seq = ?) WHERE seq = ?",
                   (seqs[1], seqs[2]))
    with Vault.open(busy_vault) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        event = next(e for e in audit_events(session) if e.seq == seqs[2])
        with pytest.raises(E.DamagedError):
            session.audit.details(event)
        session.lock()


def test_access_log_days_are_seoul_days_whatever_the_pcs_time_zone():
    """Regression: at 00:30 in Seoul (15:30 UTC) the access-log screens took the PC's own date and
    showed an empty log for a PC set to UTC."""
    from datetime import date, datetime, timezone

    from intake_desktop.domain import dates

    with dates.clock_at(datetime(2026, 12, 2, 15, 30, tzinfo=timezone.utc)):
        assert dates.today() == date(2026, 12, 3)
    with dates.clock_at(datetime(2026, 12, 2, 14, 59, tzinfo=timezone.utc)):
        assert dates.today() == date(2026, 12, 2)
