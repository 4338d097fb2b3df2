"""One change notification (issue 15, item 3): committed writes are announced, reads and
rolled-back writes are not, and a backup is one of them (the home page's backup line)."""

from __future__ import annotations

import pytest

from intake_desktop.domain import dates
from intake_desktop.services.changes import Change, ChangeHub
from intake_desktop.services.consent import HowGiven


@pytest.fixture()
def session(admin):
    return admin  # tests/conftest.py: a fresh copy of the suite's vault, signed in as admin


def test_writes_are_announced_after_they_commit_and_reads_are_not(session):

    seen: list[Change] = []
    stop = session.changes.subscribe(seen.append)
    case_id = session.cases.create({"name": "김하늘", "birth_date": "2000-01-01"})
    assert [c.action for c in seen] == ["case.create"] and seen[0].case_id == case_id
    seen.clear()
    session.cases.get(case_id)  # a read
    assert seen == []
    session.consent.record_collection(case_id, HowGiven(dates.today()))
    assert [c.topic for c in seen] == ["consent"]
    stop()
    session.consent.record_sensitive(case_id, HowGiven(dates.today()))
    assert len(seen) == 1  # unsubscribed


def test_a_backup_is_announced(session, tmp_path):
    seen: list[Change] = []
    session.changes.subscribe(seen.append)
    (tmp_path / "backups").mkdir()
    session.backup.create(tmp_path / "backups")
    assert "backup" in {c.topic for c in seen}


def test_a_rolled_back_write_is_not_announced(session):
    seen: list[Change] = []
    session.changes.subscribe(seen.append)
    with session.db() as db:
        session.audit.record("case.edit", db=db)
        db.rollback()
    with session.db() as db:
        session.audit.record("case.edit", db=db)
    assert seen == []


def test_a_broken_listener_does_not_stop_the_others():
    hub = ChangeHub()
    seen = []

    def broken(_change):
        raise RuntimeError("boom")

    hub.subscribe(broken)
    hub.subscribe(seen.append)
    hub.publish(Change("note.add", "c1"))
    assert seen == [Change("note.add", "c1")]
