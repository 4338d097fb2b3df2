"""Centre sync (issue 14) against a plain copy of the same server database, in one run.

    .venv/bin/python benchmarks/sync_bench.py [--cases 10000] [--changes 1000] [--pcs 20]
                                              [--pc-cases 300] [--pc-changes 10] [--repeat 1]

Builds a throwaway PostgreSQL cluster (tests/pgkit.py), a centre vault of `--cases` demo cases
(cheap test KDF: the KDF is excluded from every number), publishes it (`server init`), then:

- **baseline**: `pg_dump hub | psql copy` of the very server database the PCs use — what it
  costs just to move those bytes through PostgreSQL's own tools;
- **join of a new PC**: `join()` + unlock + the first round (which pulls every record), against
  the baseline. Target: under 30 s for 10k cases;
- **a 1,000-change round**: 1,000 people edited on the first PC; its round (push) and the
  second PC's round (pull), against the baseline. Target: each under 2 s;
- **20 PCs at once**: a second, smaller centre (`--pc-cases`), `--pcs` PCs joined, each makes
  `--pc-changes` offline edits, then every PC syncs at the same time (one process each) until
  all converge (every PC has pulled up to the server's last sequence and has nothing waiting).
  Reports time per round, rounds to converge, and the server's CPU time (utime + stime of the
  postmaster and its children from /proc, reaped children included), and checks that every
  PC holds the same records.

Ratios are what to compare on the shared 2-core VM; seconds move with the load.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # tests/pgkit.py: the same throwaway cluster the tests use

import pgkit  # noqa: E402

from intake_desktop.crypto import kdf  # noqa: E402
from intake_desktop.domain.enums import Role  # noqa: E402
from intake_desktop.services.demo import demo_cases  # noqa: E402
from intake_desktop.services.sync import join  # noqa: E402
from intake_desktop.services.vault import Vault  # noqa: E402

PASSPHRASE = "benchmark passphrase"
TODAY = date(2025, 5, 14)
JOIN_TARGET_S = 30.0
ROUND_TARGET_S = 2.0
PASSWORD_ENV = "INTAKE_DATABASE_PASSWORD"


# -- the server ---------------------------------------------------------------------------------
def server_cpu_seconds(server: pgkit.PgServer) -> float:
    """CPU time the server has used so far: the postmaster, its live children, and the children
    it has reaped (cutime/cstime: every backend of a closed connection ends up there)."""
    tick = os.sysconf("SC_CLK_TCK")
    postmaster = int((server.data_dir / "postmaster.pid").read_text().split()[0])
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if pid == postmaster:
            total += sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
        elif ppid == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def copy_baseline(server: pgkit.PgServer, dbname: str) -> float:
    """`pg_dump dbname | psql copy`: seconds, into a fresh database each time."""
    copy = server.create_database()
    env = dict(os.environ, PGPASSWORD=server.super_password)
    common = ["-h", str(server.socket_dir), "-p", str(server.port), "-U", pgkit.SUPERUSER]
    started = time.perf_counter()
    dump = subprocess.Popen([str(server.bin_dir / "pg_dump"), *common, dbname], stdout=subprocess.PIPE, env=env)
    subprocess.run([str(server.bin_dir / "psql"), *common, "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", copy],
                   stdin=dump.stdout, stdout=subprocess.DEVNULL, check=True, env=env)
    dump.stdout.close()
    if dump.wait() != 0:
        raise RuntimeError("pg_dump failed")
    elapsed = time.perf_counter() - started
    server.admin_sql(f"DROP DATABASE {copy}")
    return elapsed


def database_size_mb(server: pgkit.PgServer, dbname: str) -> float:
    return server.admin_sql(f"SELECT pg_database_size('{dbname}')")[0][0] / 1e6


# -- the PCs ------------------------------------------------------------------------------------
def make_centre(folder: Path, cases: int, counsellors: int = 6):
    created = Vault.create(folder, "벤치마크 센터", "admin", "관리자", PASSPHRASE)
    session = created.vault.unlock("admin", PASSPHRASE)
    owners = [session.accounts.add(f"c{i}", Role.COUNSELLOR, f"counsellor {i} passphrase", f"상담사{i}")
              for i in range(counsellors)]
    session.cases.create_many((new for new, _extras in demo_cases(cases, 2, TODAY, owners)), total=cases)
    return created.vault, session


def open_pc(folder: Path):
    vault = Vault.open(folder)
    return vault, vault.unlock("admin", PASSPHRASE)


def edit_people(session, how_many: int, mark: str) -> int:
    """`how_many` people edited (one field each), as a counsellor's saves would."""
    edited = 0
    for item in list(session.cases.index.items)[:how_many]:
        detail = session.cases.get(item.case_id)
        person = dict(detail.person)
        person["emergency_contact_name"] = f"{mark} {edited}"
        session.cases.update_person(item.case_id, person, detail.person_version)
        edited += 1
    return edited


def timed(fn):
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def fingerprint(session) -> tuple[int, int]:
    """(cases, sum of person versions): equal on two PCs that hold the same records."""
    with session.db() as db:
        cases = db.connection().exec_driver_sql("SELECT count(*) FROM case_file").scalar()
        versions = db.connection().exec_driver_sql("SELECT coalesce(sum(version), 0) FROM person").scalar()
    return int(cases), int(versions)


# -- 20 PCs at once -----------------------------------------------------------------------------
def _pc_worker(folder: str, url: str, password: str, start_at: float, rounds_out) -> None:
    """One PC's process: wait for the common start, sync until it has nothing more to do."""
    os.environ[PASSWORD_ENV] = password
    with kdf.insecure_parameters_for_tests():
        vault, session = open_pc(Path(folder))
        while time.time() < start_at:
            time.sleep(0.005)
        times = []
        began = time.time()
        for _ in range(6):
            elapsed, result = timed(lambda: session.sync.run())
            times.append(elapsed)
            if result.pushed == 0 and result.pulled == 0 and session.sync.status().waiting == 0:
                break
        rounds_out.put((folder, times, began, time.time()))
        session.lock()
        vault.close()


def many_pcs(server: pgkit.PgServer, workdir: Path, pcs: int, cases: int, changes: int) -> dict:
    dbname = server.create_database()
    url = server.url(dbname)
    first = workdir / "many-0"
    vault, session = make_centre(first, cases)
    session.sync.init_server(url)
    session.lock()
    vault.close()
    folders = [first]
    for i in range(1, pcs):
        folder = workdir / f"many-{i}"
        join(folder, url)
        pc_vault, pc = open_pc(folder)
        pc.sync.run()
        pc.lock()
        pc_vault.close()
        folders.append(folder)
    # Offline work on every PC: each edits its own slice of people, so no edit conflicts.
    for i, folder in enumerate(folders):
        pc_vault, pc = open_pc(folder)
        items = list(pc.cases.index.items)
        for k, item in enumerate(items[i * changes:(i + 1) * changes]):
            detail = pc.cases.get(item.case_id)
            person = dict(detail.person, emergency_contact_name=f"pc {i} edit {k}")
            pc.cases.update_person(item.case_id, person, detail.person_version)
        pc.lock()
        pc_vault.close()

    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    start_at = time.time() + 15.0  # every process imported and unlocked before the common start
    cpu_before = server_cpu_seconds(server)
    workers = [context.Process(target=_pc_worker, args=(str(f), url, server.password, start_at, results))
               for f in folders]
    for worker in workers:
        worker.start()
    rounds = [results.get(timeout=900) for _ in workers]
    for worker in workers:
        worker.join(60)
    # from the first PC's first round to the last PC done (spawning and unlocking excluded)
    wall = max(r[3] for r in rounds) - min(r[2] for r in rounds)
    late = max(r[2] for r in rounds) - min(r[2] for r in rounds)
    cpu = server_cpu_seconds(server) - cpu_before
    # A last round everywhere (serial): whatever one PC pushed after another's last pull.
    prints = set()
    for folder in folders:
        pc_vault, pc = open_pc(folder)
        pc.sync.run()
        pc.lock()
        pc_vault.close()
    for folder in folders:
        pc_vault, pc = open_pc(folder)
        prints.add(fingerprint(pc) + (pc.sync.status().waiting,))
        pc.lock()
        pc_vault.close()
    all_times = [t for _folder, times, _began, _ended in rounds for t in times]
    return {
        "pcs": pcs, "wall": wall, "cpu": cpu, "late": late,
        "rounds_median": sorted(len(r[1]) for r in rounds)[len(rounds) // 2],
        "round_median": sorted(all_times)[len(all_times) // 2], "round_max": max(all_times),
        "converged": len(prints) == 1 and next(iter(prints))[2] == 0, "fingerprints": prints,
        "expected_versions_gain": pcs * changes,
    }


# -- main ---------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=1_000)
    parser.add_argument("--pcs", type=int, default=20)
    parser.add_argument("--pc-cases", type=int, default=300)
    parser.add_argument("--pc-changes", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=1, help="baseline copies (best is kept)")
    args = parser.parse_args(argv)

    server = pgkit.start_server()
    if server is None:
        print("PostgreSQL is not installed (apt-get install postgresql)")
        return 1
    os.environ[PASSWORD_ENV] = server.password
    workdir = Path(tempfile.mkdtemp(prefix="intake-syncbench-"))
    print(f"sync benchmark — {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}, PostgreSQL {server.bin_dir.parent.name}")
    rows: list[tuple[str, str]] = []
    checks: list[tuple[str, float, float]] = []
    try:
        with kdf.insecure_parameters_for_tests():
            dbname = server.create_database()
            url = server.url(dbname)
            print(f"building a centre of {args.cases:,} cases …", flush=True)
            vault_a, pc_a = make_centre(workdir / "pc-a", args.cases)
            publish, _ = timed(lambda: pc_a.sync.init_server(url))
            rows.append(("publish (server init) of the centre (s)", f"{publish:.2f}"))
            rows.append(("server database size (MB)", f"{database_size_mb(server, dbname):.1f}"))
            baseline = min(copy_baseline(server, dbname) for _ in range(max(1, args.repeat)))
            rows.append(("baseline: pg_dump | psql of that database (s)", f"{baseline:.2f}"))

            print("joining a new PC …", flush=True)
            t_join, _ = timed(lambda: join(workdir / "pc-b", url))
            t_unlock, (vault_b, pc_b) = timed(lambda: open_pc(workdir / "pc-b"))
            t_first, first = timed(lambda: pc_b.sync.run())
            total = t_join + t_unlock + t_first
            rows += [("join: fetch accounts (s)", f"{t_join:.2f}"),
                     ("join: unlock, KDF excluded (s)", f"{t_unlock:.2f}"),
                     (f"join: first round, {first.pulled:,} records pulled (s)", f"{t_first:.2f}"),
                     ("join total (s)", f"{total:.2f}"),
                     ("  ratio to the baseline", f"{total / baseline:.2f}×")]
            checks.append(("join of the centre, total (s)", total, JOIN_TARGET_S))
            same = fingerprint(pc_a) == fingerprint(pc_b)
            rows.append(("  PC B holds what PC A holds", "yes" if same else "NO"))

            print(f"{args.changes:,} changes on PC A …", flush=True)
            edit_people(pc_a, args.changes, "bench")
            t_push, pushed = timed(lambda: pc_a.sync.run())
            t_pull, pulled = timed(lambda: pc_b.sync.run())
            rows += [(f"round on PC A: {pushed.pushed:,} pushed (s)", f"{t_push:.3f}"),
                     ("  ratio to the baseline", f"{t_push / baseline:.2f}×"),
                     (f"round on PC B: {pulled.pulled:,} pulled (s)", f"{t_pull:.3f}"),
                     ("  ratio to the baseline", f"{t_pull / baseline:.2f}×")]
            checks.append(("1,000-change round, push (s)", t_push, ROUND_TARGET_S))
            checks.append(("1,000-change round, pull (s)", t_pull, ROUND_TARGET_S))
            same = fingerprint(pc_a) == fingerprint(pc_b)
            rows.append(("  PC B holds what PC A holds", "yes" if same else "NO"))
            for v, s in ((vault_a, pc_a), (vault_b, pc_b)):
                s.lock()
                v.close()

            if args.pcs:
                print(f"{args.pcs} PCs syncing at once ({args.pc_cases:,} cases, "
                      f"{args.pc_changes} offline edits each) …", flush=True)
                many = many_pcs(server, workdir, args.pcs, args.pc_cases, args.pc_changes)
                rows += [(f"{many['pcs']} PCs at once: wall time until all done (s)", f"{many['wall']:.2f}"),
                         ("  spread of the PCs' start (s)", f"{many['late']:.2f}"),
                         ("  rounds per PC (median)", f"{many['rounds_median']}"),
                         ("  time per round, median (s)", f"{many['round_median']:.3f}"),
                         ("  time per round, max (s)", f"{many['round_max']:.3f}"),
                         ("  server CPU during it (s)", f"{many['cpu']:.2f}"),
                         ("  server CPU share of the wall time", f"{many['cpu'] / many['wall'] * 100:.0f}%"),
                         ("  every PC converged", "yes" if many["converged"] else f"NO {many['fingerprints']}")]
    finally:
        server.close()
        shutil.rmtree(workdir, ignore_errors=True)

    width = max(len(label) for label, _ in rows) + 2
    print()
    for label, value in rows:
        print(f"{label:<{width}}{value:>12}")
    print()
    for name, value, limit in checks:
        print(f"{'PASS' if value <= limit else 'FAIL'}  {name:<36} {value:8.2f}  target < {limit:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
