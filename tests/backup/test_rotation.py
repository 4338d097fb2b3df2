"""Rotation: a pure plan over (name, time) pairs, and the service that applies it to a folder."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import vaultkit
from intake_desktop.services import backup as B

VAULT = "1a2b3c4d-0000-4000-8000-000000000000"


def _named(times) -> list[tuple[str, datetime]]:
    return [(B.backup_name(VAULT, t), t) for t in times]


def test_names_round_trip():
    when = datetime(2026, 11, 25, 21, 5, 9)
    name = B.backup_name(VAULT, when)
    assert name == "intake-1a2b3c4d-20261125-210509.ikbak"
    assert B.parse_backup_name(name) == B.ParsedName("1a2b3c4d", when)
    assert B.parse_backup_name(B.backup_name(VAULT, when, 3)).when > when
    for other in ("notes.ikbak", "intake-1a2b3c4d-20261125-210509.ikbak.bak", "intake-1a2b3c4d-20261399-210509.ikbak",
                  "intake-XYZ-20261125-210509.ikbak", ".intake-1a2b3c4d-20261125-210509.ikbak.0a1b2c3d.partial"):
        assert B.parse_backup_name(other) is None, other


def test_a_year_of_nightly_backups():
    start = datetime(2025, 1, 1, 2, 0)
    times = [start + timedelta(days=d) for d in range(400)]
    # Some days have several backups (closing the app makes one too).
    times += [start + timedelta(days=399, hours=h) for h in (8, 12, 17)]
    plan = B.plan_rotation(_named(times))
    kept = sorted(B.parse_backup_name(n).when for n in plan.keep)
    newest = max(times)
    assert newest in kept
    days = sorted({t.date() for t in kept})
    # 7 daily: the newest of each of the last 7 days.
    for d in range(7):
        day = newest.date() - timedelta(days=d)
        assert max(t for t in times if t.date() == day) in kept
    # Only the newest backup of the last day is kept, not the 02:00 one.
    assert start + timedelta(days=399) not in kept
    # 12 monthly: one per month for the last 12 months with backups.
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12 or len(months) == 13
    assert len(kept) <= 7 + 4 + 12
    assert len(days) == len(kept)
    assert set(plan.keep) | set(plan.delete) == {n for n, _ in _named(times)}


def test_nothing_to_delete_in_a_young_folder():
    times = [datetime(2026, 1, 1) + timedelta(days=d) for d in range(5)]
    plan = B.plan_rotation(_named(times))
    assert plan.delete == () and len(plan.keep) == 5
    assert B.plan_rotation([]) == B.RotationPlan((), ())


def test_zero_policy_still_keeps_the_newest():
    times = [datetime(2026, 1, 1) + timedelta(hours=h) for h in range(10)]
    plan = B.plan_rotation(_named(times), B.RotationPolicy(0, 0, 0))
    assert plan.keep == (B.backup_name(VAULT, max(times)),)


moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda t: t.replace(microsecond=0)
)


@settings(max_examples=150, deadline=None)
@given(times=st.sets(moments, max_size=120), daily=st.integers(0, 10), weekly=st.integers(0, 6),
       monthly=st.integers(0, 15))
def test_rotation_properties(times, daily, weekly, monthly):
    policy = B.RotationPolicy(daily, weekly, monthly)
    entries = _named(times)
    plan = B.plan_rotation(entries, policy)
    names = {n for n, _ in entries}
    assert set(plan.keep) | set(plan.delete) == names
    assert not set(plan.keep) & set(plan.delete)
    if entries:
        assert max(entries, key=lambda e: e[1])[0] in plan.keep
    assert len(plan.keep) <= max(1, daily + weekly + monthly) if entries else plan.keep == ()
    # The newest backup of each of the `daily` most recent days is kept.
    by_day: dict = {}
    for name, when in entries:
        if when.date() not in by_day or when > by_day[when.date()][1]:
            by_day[when.date()] = (name, when)
    for day in sorted(by_day, reverse=True)[:daily]:
        assert by_day[day][0] in plan.keep
    # Applying the plan again deletes nothing more.
    kept = [(n, t) for n, t in entries if n in plan.keep]
    assert B.plan_rotation(kept, policy).delete == ()


def test_service_rotates_only_its_own_backups(vault_copy, tmp_path):
    vault, session = vault_copy.open()
    try:
        prefix_id = session.keyring.vault_id
        folder = tmp_path / "rot"
        folder.mkdir()
        start = datetime(2025, 1, 1, 2, 0)
        mine = [B.backup_name(prefix_id, start + timedelta(days=d)) for d in range(60)]
        foreign = [B.backup_name("ffffffff-other", start + timedelta(days=d)) for d in range(30)]
        others = ["my-own-copy.ikbak", "readme.txt"]
        for name in mine + foreign + others:
            (folder / name).write_bytes(b"")
        stale = folder / f".{mine[0]}.0a1b2c3d{B.PARTIAL_SUFFIX}"
        fresh = folder / f".{mine[1]}.0a1b2c3e{B.PARTIAL_SUFFIX}"
        stale.write_bytes(b"x")
        fresh.write_bytes(b"x")
        old = time.time() - 2 * B.STALE_PARTIAL_SECONDS
        os.utime(stale, (old, old))
        result = B.BackupService(session).rotate(folder)
        left = {p.name for p in folder.iterdir()}
        assert set(foreign) | set(others) <= left
        assert fresh.name in left and stale.name not in left
        assert result.stale_partials_removed == 1
        assert set(result.deleted) == set(mine) - left
        assert len(result.kept) <= 23 and mine[-1] in left
        assert B.plan_rotation([(n, B.parse_backup_name(n).when) for n in result.kept]).delete == ()
        assert vaultkit.actions(session)[-1] == "backup.rotate"
        assert session.audit.verify() == []
    finally:
        session.lock()
        vault.close()
