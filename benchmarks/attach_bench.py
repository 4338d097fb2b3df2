#!/usr/bin/env python3
"""Attaching and reading back a 20 MiB scan, against copying the same file.

    .venv/bin/python benchmarks/attach_bench.py [--mib 20] [--repeat 5]

In-process (no command start-up, no KDF: the vault is unlocked once with the cheap test
parameters before timing). Ours:
- attach: `AttachmentsService.attach` — read 1 MiB at a time, SHA-256, AES-256-GCM per chunk,
  one INSERT per chunk and the metadata row, integrity digest kept in step, access-log event,
  one commit (SQLite WAL, synchronous=FULL);
- open: `AttachmentsService.open` — select the chunks, decrypt and check each, SHA-256 of the
  whole, access-log event (what the viewer does before showing it);
- save: `AttachmentsService.save` — open, then write it atomically (fileio: temp name, fsync, rename).
Baseline, in the same run and the same folder: `shutil.copyfile` of the source (plain copy, no
fsync) and the same with an fsync of the copy (what a careful copy costs). Medians over --repeat,
runs interleaved; ratios printed against the fsynced copy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from intake_desktop.crypto import kdf
from intake_desktop.services.vault import Vault

PASSPHRASE = "benchmark horse battery staple"


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def copy_synced(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="attach-bench-") as folder, kdf.insecure_parameters_for_tests():
        root = Path(folder)
        source = root / "scan.pdf"
        source.write_bytes(b"%PDF-1.4\n" + os.urandom(args.mib * 1024 * 1024 - 9))
        created = Vault.create(root / "vault", "벤치마크 센터", "admin", "관리자", PASSPHRASE)
        times: dict[str, list[float]] = {k: [] for k in ("attach", "open", "save", "copy", "copy+fsync")}
        with created.vault as vault:
            session = vault.unlock("admin", PASSPHRASE)
            case = session.cases.create({"name": "벤치", "birth_date": "2001-01-01"})
            for n in range(args.repeat):
                info = None

                def attach():
                    nonlocal info
                    info = session.attachments.attach(case, source)

                times["attach"].append(timed(attach))
                # Each lambda runs at once (timed), but binding this round's `info` and `n` as
                # defaults says so to the reader and to ruff (B023).
                times["open"].append(timed(lambda info=info: session.attachments.open(info.id)))
                times["save"].append(timed(
                    lambda info=info, n=n: session.attachments.save(info.id, root / f"saved{n}.pdf")))
                times["copy"].append(timed(lambda n=n: shutil.copyfile(source, root / f"copy{n}.pdf")))
                times["copy+fsync"].append(timed(lambda n=n: copy_synced(source, root / f"synced{n}.pdf")))
                assert (root / f"saved{n}.pdf").read_bytes() == source.read_bytes()
            session.lock()
    med = {k: statistics.median(v) for k, v in times.items()}
    base = med["copy+fsync"]
    print(f"attach bench, in-process, {args.mib} MiB file, median of {args.repeat}")
    for name in ("copy", "copy+fsync", "attach", "open", "save"):
        print(f"  {name:<11} {med[name] * 1000:8.1f} ms   {med[name] / base:5.2f}x copy+fsync")
    print(f"  attach+open {(med['attach'] + med['open']) * 1000:8.1f} ms   "
          f"{(med['attach'] + med['open']) / base:5.2f}x copy+fsync")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
