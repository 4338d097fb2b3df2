#!/usr/bin/env python3
"""Backup create and verify of a vault with 10,000 demo cases, side by side with restic.

    .venv/bin/python benchmarks/backup_bench.py [--cases 10000] [--repeat 3] [--fast-kdf]

Ours: `BackupService.create` (online snapshot, Cobblestone-256, write, fsync, rename, read-back
check, audit event) with the session already unlocked; `open_backup` (one Argon2id run with the
slot copy in the header; shown separately) and `verify_backup(deep=True)` (decrypt, SQLite
integrity check, manifest, audit chain, every encrypted value opened).

restic (if installed; Debian package `restic`): `restic backup` of the same data folder into a
fresh repository (its first, full backup: what ours always is), the same again after one more
case (restic's incremental run, deduplicated), and `restic check --read-data` (its full
verification). RESTIC_PASSWORD is set for the run; the repository lives in a temporary folder.

By default the vault uses the real Argon2id parameters (the fixed target of crypto/kdf.py,
64 MiB and 3 passes); `--fast-kdf` uses the test parameters instead. Times are medians over `--repeat`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from intake_desktop.crypto.kdf import insecure_parameters_for_tests
from intake_desktop.services import backup as B
from intake_desktop.services.demo import fill_demo
from intake_desktop.services.vault import Vault

PASSPHRASE = "benchmark horse battery staple"


def timed(action):
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def restic_run(env: dict, *args: str) -> float:
    seconds, done = timed(lambda: subprocess.run(["restic", *args], env=env, capture_output=True, text=True))
    if done.returncode != 0:
        raise SystemExit(f"restic {' '.join(args)} failed:\n{done.stderr}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fast-kdf", action="store_true", help="cheap test KDF parameters")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="ikbak-bench-"))
    data = root / "data"
    out = root / "backups"
    out.mkdir()
    kdf_context = insecure_parameters_for_tests() if args.fast_kdf else nullcontext()
    try:
        with kdf_context:
            print(f"Making a vault with {args.cases} demo cases in {root} ...", flush=True)
            created = Vault.create(data, "벤치마크센터", "admin", "", PASSPHRASE)
            vault = created.vault
            session = vault.unlock("admin", PASSPHRASE)
            fill_seconds, _ = timed(lambda: fill_demo(session, args.cases))
            db_size = (data / "vault.sqlite").stat().st_size
            print(f"  filled in {fill_seconds:.1f} s; vault.sqlite {db_size / 1e6:.1f} MB", flush=True)

            service = B.BackupService(session)
            create_times, open_times, verify_times, paths = [], [], [], []
            for _ in range(args.repeat):
                seconds, made = timed(lambda: service.create(out))
                create_times.append(seconds)
                paths.append(made.path)
                seconds, opened = timed(lambda made=made: B.open_backup(made.path, B.BackupSecret.passphrase(PASSPHRASE, "admin")))
                open_times.append(seconds)
                with opened:
                    seconds, checked = timed(lambda opened=opened: B.verify_backup(opened, deep=True))
                verify_times.append(seconds)
                assert checked.case_count == args.cases and checked.damaged_values == 0
            backup_size = paths[-1].stat().st_size
            session.lock()
            vault.close()

        ours_create = median(create_times)
        ours_verify = median(verify_times)
        ours_open = median(open_times)
        print()
        print(f"intake-desktop  create   {ours_create:7.3f} s   ({backup_size / 1e6:.1f} MB .ikbak, "
              f"read-back check included)")
        print(f"intake-desktop  open     {ours_open:7.3f} s   (Argon2id with the header's slot copy)")
        print(f"intake-desktop  verify   {ours_verify:7.3f} s   (deep: integrity, manifest, audit chain, "
              f"{checked.values_checked} values)")

        if not shutil.which("restic"):
            print("\nrestic is not installed (apt-get install restic): no comparison.")
            return 0
        version = subprocess.run(["restic", "version"], capture_output=True, text=True).stdout.strip()
        env = {**os.environ, "RESTIC_PASSWORD": "benchmark-password", "RESTIC_CACHE_DIR": str(root / "restic-cache")}
        first, again, check = [], [], []
        for n in range(args.repeat):
            env["RESTIC_REPOSITORY"] = str(root / f"restic-repo-{n}")
            restic_run(env, "init")  # not timed: once per repository
            first.append(restic_run(env, "backup", "--quiet", str(data)))
            check.append(restic_run(env, "check", "--read-data"))
        with kdf_context, Vault.open(data) as vault:  # one more case, then restic's incremental run
            session = vault.unlock("admin", PASSPHRASE)
            session.cases.create({"name": "벤치마크", "birth_date": "2000-01-01"})
            session.lock()
        for n in range(args.repeat):
            env["RESTIC_REPOSITORY"] = str(root / f"restic-repo-{n}")
            again.append(restic_run(env, "backup", "--quiet", str(data)))
        repo_size = folder_size(root / "restic-repo-0")
        print(f"\n{version}")
        print(f"restic          backup   {median(first):7.3f} s   (first, full; repository {repo_size / 1e6:.1f} MB)")
        print(f"restic          backup   {median(again):7.3f} s   (again after one change: deduplicated)")
        print(f"restic          check    {median(check):7.3f} s   (--read-data)")
        print()
        print(f"create / restic full backup         = {ours_create / median(first):.2f}  "
              f"({median(first) / ours_create:.1f}x faster)")
        print(f"create / restic incremental backup  = {ours_create / median(again):.2f}")
        print(f"open+verify / restic check          = {(ours_open + ours_verify) / median(check):.2f}")
        return 0
    finally:
        if args.keep:
            print(f"\nkept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
