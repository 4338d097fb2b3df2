#!/usr/bin/env python3
"""`import` and `demo` as a person runs them: whole commands, against a plain baseline, and their
peak memory at 100k cases.

    .venv/bin/python benchmarks/import_bench.py [--records 10000] [--repeat 3] [--memory-cases 100000]

1. Speed. A JSON Lines file of `--records` realistic records (person + about 60 intake answers,
   from services.demo) is imported into a fresh, empty vault by the real command
   (`python -m intake_desktop import FILE --user admin`: start-up, unlock with the vault's real
   Argon2id parameters, validation, encryption, one transaction, audit), and written by
   benchmarks/plain_import.py (a plain sqlite3 script: the same three rows per record, in
   clear, same pragmas). Runs are interleaved; medians are printed with the ratio. The KDF's
   cost (one derivation with the slot's parameters, measured in this process) and Python's
   bare start-up are printed too, so the figure "KDF excluded" can be read off.
2. Memory. `demo --cases N` and `import` of an N-line file as commands, peak RSS from
   /usr/bin/time -v (the real KDF included: Argon2id's 64 MiB are in the figure), and the same
   two in a fresh process with the cheap test KDF and no command line (peak RSS, and the
   tracemalloc peak of the fill itself: Python allocations only). Target: ≤ 400 MB at 100k.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from intake_desktop.crypto import kdf
from intake_desktop.services.demo import demo_cases, fill_demo
from intake_desktop.services.importer import Importer
from intake_desktop.services.vault import Vault

PASSPHRASE = "benchmark horse battery staple"
TODAY = date(2025, 5, 14)
HERE = Path(__file__).resolve().parent
RATIO_TARGET = 4.0
MEMORY_TARGET_MB = 400.0


def write_records(path: Path, count: int, seed: int = 7) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for new, _extras in demo_cases(count, seed, TODAY, ["import"]):
            handle.write(json.dumps({**new.person, **new.intake.answers}, ensure_ascii=False) + "\n")
    return path


def run(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of a command, through /usr/bin/time -v."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *args], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return seconds, int(rss.group(1)) / 1024 if rss else float("nan"), done.stdout


def app_env(data_dir: Path) -> dict:
    return {**os.environ, "INTAKE_DATA_DIR": str(data_dir), "INTAKE_PASSPHRASE": PASSPHRASE,
            "INTAKE_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}


def app(*words: str) -> list[str]:
    return [sys.executable, "-m", "intake_desktop", *words]


def make_empty_vault(folder: Path) -> Path:
    run(app("init", "--centre-name", "벤치마크센터", "--admin", "admin"), app_env(folder))
    return folder


def slot_kdf_seconds(folder: Path) -> tuple[float, kdf.KdfParams]:
    with sqlite3.connect(folder / "vault.sqlite") as db:
        params = kdf.KdfParams.from_json(json.loads(
            db.execute("SELECT kdf_params FROM key_slot WHERE kind = 'account' LIMIT 1").fetchone()[0]))
    times = []
    for _ in range(3):
        started = time.perf_counter()
        kdf.derive_key(PASSPHRASE.encode(), params)
        times.append(time.perf_counter() - started)
    return min(times), params


def speed(workdir: Path, records: int, repeat: int) -> dict:
    source = write_records(workdir / f"records-{records}.jsonl", records)
    template = make_empty_vault(workdir / "empty-vault")
    kdf_seconds, params = slot_kdf_seconds(template)
    startup = min(run([sys.executable, "-c", "pass"])[0] for _ in range(3))
    cli_startup = min(run(app("--version"))[0] for _ in range(3))
    ours, plain, ours_rss, plain_rss = [], [], [], []
    for i in range(repeat):
        target = workdir / f"vault-{i}"
        shutil.copytree(template, target)
        plain_db = workdir / f"plain-{i}.sqlite"
        for which in (("ours", "plain") if i % 2 == 0 else ("plain", "ours")):
            if which == "ours":
                seconds, rss, out = run(app("import", str(source), "--user", "admin"), app_env(target))
                assert f"{records} record(s) imported." in out, out
                ours.append(seconds)
                ours_rss.append(rss)
            else:
                seconds, rss, _ = run([sys.executable, str(HERE / "plain_import.py"), str(source), str(plain_db)])
                plain.append(seconds)
                plain_rss.append(rss)
        shutil.rmtree(target)
        for suffix in ("", "-wal", "-shm"):
            Path(str(plain_db) + suffix).unlink(missing_ok=True)
    return {
        "records": records, "ours": statistics.median(ours), "plain": statistics.median(plain),
        "ours_rss": max(ours_rss), "plain_rss": max(plain_rss), "kdf": kdf_seconds, "params": params,
        "python_startup": startup, "cli_startup": cli_startup,
    }


def child(kind: str, cases: int, source: Path, folder: Path) -> None:
    """In a fresh process: a vault with the cheap test KDF, then demo or import in-process.
    Prints the tracemalloc peak (Python allocations only); the parent reads the RSS."""
    with kdf.insecure_parameters_for_tests():
        created = Vault.create(folder, "벤치마크센터", "admin", "", PASSPHRASE)
        session = created.vault.unlock("admin", PASSPHRASE)
        gc.collect()
        tracemalloc.start()
        if kind == "demo":
            fill_demo(session, cases, today=TODAY)
        else:
            Importer(session).run(source)
        print(f"traced {tracemalloc.get_traced_memory()[1] / 1e6:.1f}")
        tracemalloc.stop()
        session.lock()
        created.vault.close()


def memory(workdir: Path, cases: int) -> dict:
    source = write_records(workdir / f"records-{cases}.jsonl", cases, seed=11)
    result = {"cases": cases}
    for kind, words in (("demo", ("demo", "--cases", str(cases))),
                        ("import", ("import", str(source), "--user", "admin"))):
        folder = make_empty_vault(workdir / f"{kind}-cmd")
        result[f"{kind}_seconds"], result[f"{kind}_rss"], _ = run(app(*words), app_env(folder))
        shutil.rmtree(folder)
        folder = workdir / f"{kind}-cheap"
        _seconds, result[f"{kind}_cheap_rss"], out = run(
            [sys.executable, __file__, "--child", kind, "--memory-cases", str(cases),
             "--source", str(source), "--workdir", str(folder)])
        result[f"{kind}_traced"] = float(out.split("traced")[-1])
        shutil.rmtree(folder)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory-cases", type=int, default=100_000, help="0 skips the memory part")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--child", choices=("demo", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.memory_cases, args.source, args.workdir)
        return 0
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="intake-import-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"import/demo benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    lines = []
    try:
        s = speed(workdir, args.records, args.repeat)
        p = s["params"]
        print(f"\n`import` of {s['records']:,} records as a command (median of {args.repeat}, interleaved)")
        print(f"  intake-desktop import (s)                 {s['ours']:8.2f}   peak RSS {s['ours_rss']:6.0f} MB")
        print(f"  plain sqlite3 script, same rows (s)       {s['plain']:8.2f}   peak RSS {s['plain_rss']:6.0f} MB")
        ratio = s["ours"] / s["plain"]
        print(f"  ratio                                     {ratio:8.2f}×  (target ≤ {RATIO_TARGET:g}×)")
        print(f"  of which Argon2id unlock ({p.memory_kib // 1024} MiB, t={p.iterations}) {s['kdf']:8.2f} s")
        without_kdf = (s["ours"] - s["kdf"]) / s["plain"]
        print(f"  ratio with the KDF excluded               {without_kdf:8.2f}×")
        print(f"  python -c pass / intake-desktop --version {s['python_startup']:8.2f} / {s['cli_startup']:.2f} s")
        size = f"{s['records']:,}"
        lines.append((f"import {size} / plain sqlite3 (command, KDF incl.)", f"{ratio:.2f}×", ratio <= RATIO_TARGET))
        lines.append((f"import {size} / plain sqlite3 (KDF excluded)", f"{without_kdf:.2f}×",
                      without_kdf <= RATIO_TARGET))
        if args.memory_cases:
            m = memory(workdir, args.memory_cases)
            n = m["cases"]
            print(f"\npeak memory at {n:,} cases")
            for kind in ("demo", "import"):
                print(f"  {kind:<6} as a command, real KDF ({p.memory_kib // 1024} MiB):  peak RSS "
                      f"{m[kind + '_rss']:6.0f} MB  ({m[kind + '_seconds']:.0f} s)")
                print(f"  {kind:<6} in-process, cheap test KDF:      peak RSS {m[kind + '_cheap_rss']:6.0f} MB"
                      f"  (tracemalloc peak {m[kind + '_traced']:.0f} MB: Python allocations only)")
            lines.append((f"demo {n:,} peak RSS (command, real KDF)", f"{m['demo_rss']:.0f} MB",
                          m["demo_rss"] <= MEMORY_TARGET_MB))
            lines.append((f"import {n:,} peak RSS (command, real KDF)", f"{m['import_rss']:.0f} MB",
                          m["import_rss"] <= MEMORY_TARGET_MB))
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    for name, value, ok in lines:
        print(f"{'PASS' if ok else 'FAIL'}  {name:<50} {value:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
