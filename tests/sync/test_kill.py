"""kill -9 of a PC in the middle of a sync round, and the server stopped mid-round: the next
rounds converge, with nothing lost and nothing duplicated. Real processes (the command line),
real PostgreSQL."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from intake_desktop.services.cases import NewCase
from sync.centrekit import make_centre, records
from vaultkit import PASSPHRASES

HARNESS = Path(__file__).resolve().parents[1] / "backup" / "cli_harness.py"
TRIALS = 32


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


def _work(pc, tag: str, count: int) -> None:
    """Offline work: new cases (a person and a case row each)."""
    with pc.session("admin") as s:
        s.cases.create_many([NewCase({"name": f"{tag}-{i}", "birth_date": "2004-03-01"}, {}, None)
                             for i in range(count)])


def _spawn(pc, password: str) -> subprocess.Popen:
    env = dict(os.environ, INTAKE_PASSPHRASE=PASSPHRASES["admin"], INTAKE_DATABASE_PASSWORD=password,
               INTAKE_LANG="en")
    return subprocess.Popen([sys.executable, str(HARNESS), "--", "--data-dir", str(pc.data_dir), "sync",
                             "--user", "admin"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _converged(pcs) -> dict:
    for _ in range(2):
        for pc in pcs:
            assert pc.sync().pushed >= 0
    snapshots = [records(pc) for pc in pcs]
    assert all(s == snapshots[0] for s in snapshots)
    return snapshots[0]


def _cases(snapshot: dict) -> int:
    return sum(1 for tbl, _ in snapshot if tbl == "case_file")


@pytest.mark.slow
def test_kill_9_during_push_and_pull_then_resync_converges(centre, hub_password):
    pcs = [centre.first, centre.join("pc2")]
    start = _cases(_converged(pcs))
    made, killed = 0, 0
    rng = random.Random(1414)
    for trial in range(TRIALS):
        for pc in pcs:
            _work(pc, f"t{trial}{pc.name}", 20)
            made += 20
        process = _spawn(pcs[trial % 2], hub_password)
        time.sleep(rng.uniform(0.8, 2.2))  # the program starts in about a second; a round then runs
        if process.poll() is None:
            killed += 1
            process.send_signal(signal.SIGKILL)
        process.communicate()
        if trial % 4 == 3:  # now and then converge fully, so later kills also land in pulls
            assert _cases(_converged(pcs)) == start + made
    final = _converged(pcs)
    assert _cases(final) == start + made  # nothing lost, nothing duplicated
    assert sum(1 for tbl, _ in final if tbl == "person") == _cases(final)
    assert killed >= TRIALS // 3, f"only {killed} of {TRIALS} rounds were killed mid-way"


def test_server_stopped_mid_round_then_resync_converges(centre, pg_server, hub_password):
    pcs = [centre.first, centre.join("pc2")]
    start = _cases(_converged(pcs))
    made = 0
    rng = random.Random(7)
    outcomes = []
    for trial in range(3):
        for pc in pcs:
            _work(pc, f"s{trial}{pc.name}", 100)
            made += 100
        process = _spawn(pcs[trial % 2], hub_password)
        time.sleep(rng.uniform(1.0, 2.0))
        pg_server.stop("immediate")
        _, err = process.communicate(timeout=60)
        outcomes.append(process.returncode)
        assert b"Traceback" not in err
        pg_server.start()
    assert set(outcomes) <= {0, 1}
    assert _cases(_converged(pcs)) == start + made
