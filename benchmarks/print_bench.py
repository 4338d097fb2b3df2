"""Printing a 5-page letter: time from 인쇄 to job queued, and peak memory, against `lp` given the
same PDF, measured in the same run on the same queue.

    .venv/bin/python benchmarks/print_bench.py [--queue IntakeTestPDF] [--runs 10]

Needs a CUPS queue (tests/printing/cups_setup.sh makes IntakeTestPDF). Each measurement runs in
a fresh child process so its peak RSS (getrusage) is its own:

- app: what the dialog's 인쇄 button runs once the dialog closes (`ui.letters.printing.send`:
  the PDF bytes, already in memory as the preview, to `lp` through a pipe), timed until lp
  reports the job id; peak RSS of the app process (Python + Qt modules loaded) and of its lp;
- baseline: `lp -d QUEUE FILE` on the same PDF, from the shell's point of view: time to the
  job id and lp's peak RSS.

The jobs are cancelled at the end (the queue is a test queue). What to watch: the time ratio
app/lp (the app's extra is starting lp from a large process) and that printing adds next to no
memory to the app (no page images: the PDF goes through as it is; the old Qt path held a
35 MB image per page).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKER = r"""
import json, os, resource, sys, time
sys.path.insert(0, {tests!r})
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
mode, queue, path = sys.argv[1:4]
pdf = open(path, "rb").read()
if mode == "app":
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from intake_desktop.printing import PrintJob
    from intake_desktop.ui.letters import printing
    import tracemalloc
    job = PrintJob(queue, title=printing.job_title())
    listed = time.perf_counter()
    printers = printing.system_printing().printers()  # what opening the dialog costs
    list_seconds = time.perf_counter() - listed
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    start = time.perf_counter()
    job_id = printing.send(pdf, job)
    elapsed = time.perf_counter() - start
    traced_kb = tracemalloc.get_traced_memory()[1] / 1024
    tracemalloc.stop()
else:
    import subprocess
    start = time.perf_counter()
    done = subprocess.run(["lp", "-d", queue, path], capture_output=True, check=True)
    elapsed = time.perf_counter() - start
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
extra = {{"before_kb": before_kb, "traced_kb": traced_kb, "list_seconds": list_seconds,
          "printers": len(printers)}} if mode == "app" else {{}}
print(json.dumps({{"seconds": elapsed, "self_kb": self_kb, "lp_kb": child_kb, **extra}}))
"""


def measure(mode: str, queue: str, path: Path) -> dict:
    code = WORKER.format(tests=str(ROOT / "tests"))
    out = subprocess.run([sys.executable, "-c", code, mode, queue, str(path)], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queue", default="IntakeTestPDF")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from printkit import sample_letter

    pdf = sample_letter(extra_notes=14)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.pdf"  # the made-up sample letter: the baseline's lp needs a file
        path.write_bytes(pdf)
        results = {"app": [], "lp": []}
        try:
            for _ in range(args.runs):
                for mode in results:
                    results[mode].append(measure(mode, args.queue, path))
        finally:
            subprocess.run(["cancel", "-a", args.queue], capture_output=True)
    app_ms = statistics.median(r["seconds"] for r in results["app"]) * 1000
    lp_ms = statistics.median(r["seconds"] for r in results["lp"]) * 1000
    app_kb = max(r["self_kb"] for r in results["app"])
    grown_kb = max(r["self_kb"] - r["before_kb"] for r in results["app"])
    traced_kb = max(r["traced_kb"] for r in results["app"])
    lp_kb = max(r["lp_kb"] for r in results["lp"])
    print(f"5-page letter, {len(pdf) / 1024:.0f} KiB PDF, queue {args.queue}, {args.runs} runs each")
    print(f"time to job queued (median):  app {app_ms:.1f} ms   lp FILE {lp_ms:.1f} ms   ratio {app_ms / lp_ms:.2f}")
    print(f"peak memory of printing:      app +{grown_kb / 1024:.1f} MB RSS over the open window "
          f"(Python allocations {traced_kb / 1024:.2f} MB); lp FILE {lp_kb / 1024:.1f} MB RSS")
    print(f"app process peak RSS (Python + Qt loaded): {app_kb / 1024:.1f} MB")
    list_ms = statistics.median(r["list_seconds"] for r in results["app"]) * 1000
    print(f"opening the print dialog (listing {results['app'][0]['printers']} printers): {list_ms:.1f} ms median")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
