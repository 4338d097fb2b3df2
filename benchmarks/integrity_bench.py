"""What the whole-vault integrity check costs (services/integrity.py), in-process, with the
baseline measured in the same run.

    .venv/bin/python benchmarks/integrity_bench.py [--sizes 10000,100000] [--insert 10000]

- per write: insert `--insert` demo cases (person + case + intake rows) in one transaction with
  the tracker on, and the same into a second vault with it off; prints both and the ratio;
- at unlock, for each size: unlock → list (`cases.load_index()`) with the check and without it
  (`check_integrity=False`), and the check alone (`integrity.check`: one pass over every sealed
  row). The KDF uses cheap test parameters in both, so it cancels out.

All numbers are in-process (no new interpreter, no GUI). Exit status 0: it is a report.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from intake_desktop.crypto import kdf
from intake_desktop.domain.enums import Role
from intake_desktop.services import integrity
from intake_desktop.services.demo import demo_cases
from intake_desktop.services.vault import Vault

PASSPHRASE = "benchmark passphrase"
TODAY = date(2025, 5, 14)


def _new_vault(folder: Path) -> list[str]:
    created = Vault.create(folder, "센터", "admin", "관리자", PASSPHRASE)
    with created.vault as vault:
        session = vault.unlock("admin", PASSPHRASE)
        owners = [session.accounts.add(f"c{i}", Role.COUNSELLOR, PASSPHRASE + str(i), f"상담{i}") for i in range(3)]
        session.lock()
    return owners


def _insert(folder: Path, owners: list[str], count: int, seed: int) -> float:
    with Vault.open(folder) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        start = time.perf_counter()
        session.cases.create_many((new for new, _ in demo_cases(count, seed, TODAY, owners)), total=count)
        elapsed = time.perf_counter() - start
        session.lock()
    return elapsed


def insert_cost(root: Path, count: int) -> None:
    with_check, without = root / "with", root / "without"
    owners_a, owners_b = _new_vault(with_check), _new_vault(without)
    on = _insert(with_check, owners_a, count, 1)
    original = integrity.track
    integrity.track = lambda db, tracker: None  # the tracker off: the baseline
    try:
        off = _insert(without, owners_b, count, 1)
    finally:
        integrity.track = original
    print(f"insert {count} cases (3 sealed rows each), one transaction: "
          f"with tracking {on:.2f} s, without {off:.2f} s, ratio {on / off:.2f}")


def _unlock_list(folder: Path, check: bool) -> float:
    with Vault.open(folder) as vault:
        start = time.perf_counter()
        session = vault.unlock("admin", PASSPHRASE, check_integrity=check)
        session.cases.load_index()
        elapsed = time.perf_counter() - start
        session.lock()
    return elapsed


def _check_alone(folder: Path) -> float:
    with Vault.open(folder) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        start = time.perf_counter()
        with session.db() as db:
            assert integrity.check(db, session.keyring) == []
        elapsed = time.perf_counter() - start
        session.lock()
    return elapsed


def unlock_cost(root: Path, size: int, repeat: int) -> None:
    folder = root / f"v{size}"
    owners = _new_vault(folder)
    built = _insert(folder, owners, size, 7)
    with_check = [_unlock_list(folder, True) for _ in range(repeat)]
    without = [_unlock_list(folder, False) for _ in range(repeat)]
    alone = [_check_alone(folder) for _ in range(repeat)]
    a, b, c = min(with_check), min(without), min(alone)
    print(f"{size} cases (built in {built:.1f} s): unlock→list with check {a:.2f} s, without {b:.2f} s, "
          f"ratio {a / b:.2f}; the check alone {c:.2f} s (best of {repeat}, in-process)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--insert", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with kdf.insecure_parameters_for_tests(), tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        insert_cost(root, args.insert)
        for size in (int(s) for s in args.sizes.split(",") if s):
            unlock_cost(root, size, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
