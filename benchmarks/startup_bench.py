"""Start-up times against baselines measured in the same run (issue 11, issue 16).

    .venv/bin/python benchmarks/startup_bench.py [--runs 9] [--window-runs 5] [--no-window]

Command line (runs alternate, median of --runs, each after one warm-up):
- `intake-desktop --version` against a bare `python -c pass` in the same venv: target <= 4x;
- `intake-desktop --help` against the same baseline: target <= 12x.
First window on a real X server (its own Xvfb; tools/window_check.py finds the window with
xwininfo, polling every 20 ms), from launching the process to the window being mapped:
- the set-up wizard (fresh data folder) and the login window (an existing vault) against a bare
  PySide6 window (QApplication + one QWidget) started the same way: login target <= 2x.
Prints the table and PASS/FAIL; exit 0 (it is a report) unless --strict and a target failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import summary

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SCRIPT = Path(PYTHON).parent / ("intake-desktop.exe" if os.name == "nt" else "intake-desktop")
BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QWidget(); w.setWindowTitle('bare PySide6 window'); w.resize(640, 520); w.show()\n"
    "app.exec()\n"
)


def _window_check():
    spec = importlib.util.spec_from_file_location("window_check", ROOT / "tools" / "window_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - started


def cli_times(runs: int, env: dict[str, str]) -> dict[str, float]:
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "intake-desktop --version": [str(SCRIPT), "--version"],
        "intake-desktop --help": [str(SCRIPT), "--help"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        timed(command, env)  # warm-up: file cache, .pyc
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def window_times(runs: int, env: dict[str, str], workdir: Path) -> dict[str, float]:
    check = _window_check()
    from intake_desktop.i18n.catalogue import Translations

    korean = Translations("ko")
    vault_dir = workdir / "vault"
    subprocess.run([str(SCRIPT), "--data-dir", str(vault_dir), "init", "--centre-name", "벤치마크 센터",
                    "--admin", "admin"], env=dict(env, INTAKE_PASSPHRASE="benchmark passphrase 1"),
                   check=True, stdout=subprocess.DEVNULL)
    cases = {
        "bare PySide6 window": ([PYTHON, "-c", BARE_WINDOW], "bare PySide6 window", None),
        "set-up wizard (fresh)": ([str(SCRIPT)], korean.translate("FirstRunWizard", "Set up intake-desktop"), "fresh"),
        "login window (a vault)": ([str(SCRIPT), "--data-dir", str(vault_dir)],
                                   korean.translate("LoginWindow", "Sign in — intake-desktop"), None),
    }
    server, display = check.start_xvfb()
    samples: dict[str, list[float]] = {name: [] for name in cases}
    try:
        for run in range(runs + 1):  # the first round warms the caches and is not counted
            for name, (command, title, fresh) in cases.items():
                run_env = dict(env)
                run_env["INTAKE_DATA_DIR"] = str(workdir / f"fresh-{run}") if fresh else str(workdir / "unused")
                result = check.check(command, title, (100, 100), None, display=display, env=run_env, poll=0.02)
                if not result["ok"]:
                    raise SystemExit(f"{name}: {result}")
                if run:
                    samples[name].append(result["seconds_to_window"])
    finally:
        server.terminate()
        server.wait(10)
    return {name: statistics.median(values) for name, values in samples.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="start-up times against in-run baselines")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--window-runs", type=int, default=5)
    parser.add_argument("--no-window", action="store_true")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="intake-startup-") as work:
        home = Path(work) / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("INTAKE_", "XDG_"))}
        env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
                   INTAKE_DATA_DIR=str(Path(work) / "none"))
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs")
        results = []
        cli = cli_times(args.runs, env)
        base = cli["python -c pass"]
        print(f"{'command':<34}{'median':>10}{'ratio':>8}  target")
        print(f"{'python -c pass':<34}{base * 1000:>8.0f}ms")
        for name, target in (("intake-desktop --version", 4.0), ("intake-desktop --help", 12.0)):
            ratio = cli[name] / base
            results.append(ratio <= target)
            summary.emit(f"`{name}` (median)", f"{cli[name] * 1000:.0f} ms", f"{base * 1000:.0f} ms python -c pass",
                         f"{ratio:.2f}×", f"≤ {target:.0f}×", ratio <= target)
            print(f"{name:<34}{cli[name] * 1000:>8.0f}ms{ratio:>7.2f}x  <= {target:.0f}x  "
                  f"{'PASS' if ratio <= target else 'FAIL'}")
        if not args.no_window and shutil.which("Xvfb") and shutil.which("xwininfo"):
            windows = window_times(args.window_runs, env, Path(work))
            bare = windows["bare PySide6 window"]
            print(f"\n{'first window (launch -> mapped)':<34}{'median':>10}{'ratio':>8}  target")
            for name, seconds in windows.items():
                ratio = seconds / bare
                target = 2.0 if name.startswith("login") else None
                verdict = "" if target is None else f"<= {target:.0f}x  {'PASS' if ratio <= target else 'FAIL'}"
                if target is not None:
                    results.append(ratio <= target)
                print(f"{name:<34}{seconds * 1000:>8.0f}ms{ratio:>7.2f}x  {verdict}")
            login = windows["login window (a vault)"]
            summary.emit("app start → login window (Xvfb, median)", f"{login * 1000:.0f} ms",
                         f"{bare * 1000:.0f} ms bare PySide6 window", f"{login / bare:.2f}×", "≤ 2×", login / bare <= 2.0)
        elif not args.no_window:
            print("\nfirst window: skipped (needs Xvfb and xwininfo: python3 dev.py setup --tests)")
    return 1 if args.strict and not all(results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
