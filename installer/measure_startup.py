"""Start-up time of the frozen program against the source run, same machine, same run.

    python3 installer/measure_startup.py --frozen DIR/intake-desktop --source .venv/bin/python \
        --data-dir DATA --user admin [--runs 5]

Times `--version` and `cases --user USER --json` (the vault in DATA, unlocked with
INTAKE_PASSPHRASE from the environment). Runs alternate frozen/source so that both see the same
machine state; reports the median of each and the ratio frozen / source. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}: {result.stderr.strip()[:400]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frozen", required=True, help="the frozen program")
    parser.add_argument("--source", required=True, help="the venv Python that runs `-m intake_desktop`")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    env = dict(os.environ, INTAKE_DATA_DIR=args.data_dir, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if "INTAKE_PASSPHRASE" not in env:
        raise SystemExit("set INTAKE_PASSPHRASE for the vault in --data-dir")
    frozen = [args.frozen]
    source = [args.source, "-m", "intake_desktop"]
    cases = ["cases", "--user", args.user, "--json"]
    rows = []
    for label, words in (("--version", ["--version"]), ("cases --json (50 cases)", cases)):
        # one warm-up each, not counted: the first run after unpacking reads from a cold cache
        timed(frozen + words, env)
        timed(source + words, env)
        frozen_times, source_times = [], []
        for _ in range(args.runs):
            frozen_times.append(timed(frozen + words, env))
            source_times.append(timed(source + words, env))
        f, s = statistics.median(frozen_times), statistics.median(source_times)
        rows.append((label, f, s, f / s))
    print(f"[timing] start-up, median of {args.runs} (after one warm-up), frozen vs `python -m intake_desktop`:")
    print(f"[timing] {'command':<26} {'frozen':>8} {'source':>8} {'ratio':>6}")
    for label, f, s, ratio in rows:
        print(f"[timing] {label:<26} {f:7.2f}s {s:7.2f}s {ratio:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
