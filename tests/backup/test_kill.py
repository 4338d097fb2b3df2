"""kill -9 at random moments during backup, restore and replace (subprocesses running the
command line through cli_harness.py): afterwards the vault opens, its access log verifies, and
every earlier backup is intact and verifies. Whatever sits under a final name is complete.

Most trials watch for the temporary file to appear and kill a random few milliseconds later,
so the kill lands in the write / fsync / rename / read-back window rather than in the
interpreter's start-up; the others kill at a uniformly random time over a whole run.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake_desktop.crypto.kdf import insecure_parameters_for_tests
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import backup as B
from intake_desktop.services.demo import fill_demo
from intake_desktop.services.vault import Vault

from .conftest import PASSPHRASE

HARNESS = Path(__file__).with_name("cli_harness.py")
TRIALS = {"create": 26, "restore": 14, "replace": 12}  # 52 in all
WORKERS = 3
CASES = 1500  # a few MB, so that writing takes long enough to be hit


@dataclass
class Setup:
    base: Path
    vault: Path  # the vault as backed up
    changed: Path  # the same vault with one more case added after the backup
    backup: Path
    backup_sha: str
    cases: int
    env: dict
    reference: dict


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _command(kind: str, setup: Setup, data: Path, target: Path) -> list[str]:
    base = [sys.executable, str(HARNESS)]
    if kind == "create":
        return base + ["--", "--data-dir", str(data), "backup", "create", "--user", "admin", "--out", str(target)]
    if kind == "restore":
        return base + ["--", "--data-dir", str(data), "backup", "restore", str(setup.backup),
                       "--into", str(target), "--user", "admin"]
    return base + ["--replace", str(data), str(setup.backup), "--"]


@pytest.fixture(scope="module")
def setup(tmp_path_factory) -> Setup:
    base = tmp_path_factory.mktemp("kill")
    vault_dir = base / "vault"
    with insecure_parameters_for_tests():
        created = Vault.create(vault_dir, "센터", "admin", "", PASSPHRASE)
        session = created.vault.unlock("admin", PASSPHRASE)
        fill_demo(session, CASES)
        backup = B.BackupService(session).create(base / "earlier.ikbak").path
        session.lock()
        created.vault.close()
        changed = base / "changed"
        shutil.copytree(vault_dir, changed)
        with Vault.open(changed) as vault:
            session = vault.unlock("admin", PASSPHRASE)
            session.cases.create({"name": "백업후", "birth_date": "2000-01-01"})
            session.lock()
    env = {**os.environ, "INTAKE_PASSPHRASE": PASSPHRASE, "INTAKE_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    found = Setup(base, vault_dir, changed, backup, _sha(backup), CASES, env, {})
    for kind in TRIALS:  # one undisturbed run of each: it must work, and it gives the timing
        data, target = _trial_folders(found, kind, f"reference-{kind}")
        started = time.perf_counter()
        done = subprocess.run(_command(kind, found, data, target), env=env, capture_output=True, text=True,
                              timeout=120)
        found.reference[kind] = time.perf_counter() - started
        assert done.returncode == 0, (kind, done.stderr)
    return found


def _trial_folders(setup: Setup, kind: str, name: str) -> tuple[Path, Path]:
    folder = setup.base / name
    folder.mkdir()
    data = folder / "data"
    shutil.copytree(setup.changed if kind == "replace" else setup.vault, data)
    if kind == "create":
        target = folder / "out"
        target.mkdir()
        shutil.copyfile(setup.backup, target / "earlier.ikbak")
    elif kind == "restore":
        target = folder / "restored"
    else:
        target = data
    return data, target


def _partials(folder: Path) -> list[str]:
    try:
        return [n for n in os.listdir(folder) if n.endswith(B.PARTIAL_SUFFIX)]
    except FileNotFoundError:
        return []


def _open_vault(data_dir: Path) -> int:
    """Open, unlock, check the access log; the number of cases."""
    with Vault.open(data_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        try:
            assert session.audit.verify() == [], data_dir
            return session.cases.count()
        finally:
            session.lock()


def _verify(path: Path) -> int:
    with B.open_backup(path, B.BackupSecret.passphrase(PASSPHRASE, "admin")) as opened:
        return B.verify_backup(opened, deep=False).case_count


def _run_trial(setup: Setup, kind: str, index: int, seed: int) -> str:
    rng = random.Random(seed)
    data, target = _trial_folders(setup, kind, f"{kind}-{index}")
    watch = index % 3 != 0
    process = subprocess.Popen(_command(kind, setup, data, target), env=setup.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    if watch:
        while process.poll() is None and not _partials(target) and time.monotonic() < deadline:
            time.sleep(0.0003)
        # Writing a few MB takes milliseconds; reading back and recording take longer.
        time.sleep(rng.uniform(0, 0.012 if kind == "create" else 0.06))
    else:
        time.sleep(rng.uniform(0.1, setup.reference[kind] * 1.05))
    alive = process.poll() is None
    if alive:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    left = _partials(target)

    # The backup every trial started from is untouched and verifies.
    if kind == "create":
        assert _sha(target / "earlier.ikbak") == setup.backup_sha
        for path in target.glob("*.ikbak"):  # anything under a final name is complete
            assert _verify(path) == setup.cases, path
    assert _sha(setup.backup) == setup.backup_sha
    # The vault opens and its access log verifies.
    if kind == "replace":
        count = _open_vault(data)
        assert count in (setup.cases, setup.cases + 1)
        for safety in data.glob("vault.sqlite.before-restore-*.bak"):
            check = setup.base / f"safety-{index}"
            check.mkdir()
            shutil.copyfile(safety, check / VAULT_FILE)
            assert _open_vault(check) == setup.cases + 1
        if count == setup.cases:
            assert list(data.glob("vault.sqlite.before-restore-*.bak")), "replaced without a safety copy"
    else:
        assert _open_vault(data) == setup.cases
    if kind == "create" and left:
        # Issue 13 item 8: the killed run's temporary file is swept by the next backup there.
        with Vault.open(data) as vault:
            session = vault.unlock("admin", PASSPHRASE)
            try:
                made = B.BackupService(session).create(target)
            finally:
                session.lock()
        assert _partials(target) == [] and _verify(made.path) == setup.cases
    if kind == "restore":
        if (target / VAULT_FILE).exists():
            assert _open_vault(target) == setup.cases
        else:  # leftovers of the killed run do not get in the way of the next one
            with B.open_backup(setup.backup, B.BackupSecret.passphrase(PASSPHRASE, "admin")) as opened:
                assert B.restore_backup(opened, target).verified.case_count == setup.cases
            assert _partials(target) == []  # and they were swept under the folder's lock
    if not alive:
        return "finished before the kill"
    return "killed, temporary file left" if left else "killed"


def test_kill_9_at_random_moments(setup):
    assert sum(TRIALS.values()) >= 50
    jobs = [(kind, i) for kind, n in TRIALS.items() for i in range(n)]
    random.Random(2026).shuffle(jobs)
    started = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(lambda job: (job[0], _run_trial(setup, job[0], job[1], hash(job) & 0xFFFF)), jobs))
    elapsed = time.perf_counter() - started
    summary = Counter(outcomes)
    print(f"\nkill -9 trials in {elapsed:.1f} s (reference runs: "
          + ", ".join(f"{k} {v:.2f} s" for k, v in setup.reference.items()) + ")")
    for (kind, outcome), count in sorted(summary.items()):
        print(f"  {kind:8s} {outcome:32s} {count}")
    killed = sum(c for (_, o), c in summary.items() if o.startswith("killed"))
    mid_write = sum(c for (_, o), c in summary.items() if o == "killed, temporary file left")
    assert killed >= 35, summary
    assert mid_write >= 5, summary
