#!/usr/bin/env python3
"""Importing a centre's Excel sheet: the whole import against reading the same sheet with the
library alone, in the same run.

    .venv/bin/python benchmarks/xlsx_import_bench.py [--rows 10000] [--repeat 3]

A workbook of `--rows` realistic people (services.demo: name, birth date as a date cell, gender,
mobile as a number with its leading 0 lost, address, postal code, intake date) is written with
openpyxl. Timed, interleaved, medians of `--repeat`:

- library alone: python-calamine reading every row of the sheet into Python lists (what
  services/tabular/sources.py uses), and openpyxl's read-only mode doing the same (the reader
  that was not chosen, for the record);
- read + map: SheetImport.open (reading, finding the header row, mapping the columns);
- import: SheetImport.open + run into a fresh, empty vault, in-process (every row converted,
  validated, checked for duplicates, encrypted, written in one transaction); the KDF is the
  cheap test one and start-up is not included: `benchmarks/import_bench.py` measures those for
  the command as a whole;
- the same records as JSON Lines through Importer.run (the import's own cost without the sheet).

Printed: each time, the ratio import / library alone, and the sheet path's overhead over the
JSON Lines path (what reading and converting a spreadsheet adds to an import).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import openpyxl

from intake_desktop.crypto import kdf
from intake_desktop.services.demo import demo_cases
from intake_desktop.services.importer import Importer
from intake_desktop.services.tabular.sheet_import import SheetImport
from intake_desktop.services.vault import Vault

PASSPHRASE = "benchmark horse battery staple"
TODAY = date(2025, 5, 14)
HEADER = ["성명", "생년월일", "성별", "휴대전화", "주소", "상세주소", "우편번호", "접수일"]
GENDER = {"male": "남", "female": "여", "other": "기타", "undisclosed": "", "": ""}


def people(rows: int) -> list[dict]:
    out = []
    for i, (new, _extras) in enumerate(demo_cases(rows, 7, TODAY, ["bench"])):
        person = dict(new.person)
        # demo names repeat; the sheet must not be refused as holding duplicates
        person["name"] = f"{person['name']}{i}"
        person["mobile"] = f"010{i:08d}"
        person["intake_date"] = new.intake.answers.get("intake_date") or TODAY.isoformat()
        out.append(person)
    return out


def write_workbook(path: Path, records: list[dict]) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("명단")
    sheet.append(HEADER)
    for p in records:
        address = p.get("address") or {}
        sheet.append([p["name"], date.fromisoformat(p["birth_date"]), GENDER.get(p.get("gender", ""), ""),
                      int(p["mobile"]), address.get("road_address", ""), address.get("detail", ""),
                      int(address["postal_code"]) if address.get("postal_code") else None,
                      date.fromisoformat(p["intake_date"])])
    book.save(path)
    return path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for p in records:
            handle.write(json.dumps(p, ensure_ascii=False) + "\n")
    return path


def calamine_alone(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    with open(path, "rb") as handle:
        book = CalamineWorkbook.from_filelike(handle)
        rows = [list(r) for r in book.get_sheet_by_index(0).iter_rows()]
        book.close()
    return len(rows)


def openpyxl_alone(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return len(rows)


def fresh_session(folder: Path):
    created = Vault.create(folder, "벤치마크센터", "admin", "", PASSPHRASE)
    return created.vault, created.vault.unlock("admin", PASSPHRASE)


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="intake-xlsx-bench-"))
    records = people(args.rows)
    workbook = write_workbook(workdir / "명단.xlsx", records)
    jsonl = write_jsonl(workdir / "records.jsonl", records)
    print(f"xlsx import benchmark — {args.rows:,} rows, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    times: dict[str, list[float]] = {k: [] for k in ("calamine", "openpyxl", "read_map", "import", "jsonl")}
    with kdf.insecure_parameters_for_tests():
        for i in range(args.repeat):
            order = list(times) if i % 2 == 0 else list(reversed(times))
            for which in order:
                if which == "calamine":
                    times[which].append(timed(lambda: calamine_alone(workbook)))
                elif which == "openpyxl":
                    times[which].append(timed(lambda: openpyxl_alone(workbook)))
                elif which == "read_map":
                    times[which].append(timed(lambda: SheetImport.open(workbook)))
                else:
                    vault, session = fresh_session(workdir / f"{which}-{i}")
                    if which == "import":
                        def work(session=session):
                            result = SheetImport.open(workbook).run(session)
                            assert result.report.imported == args.rows, result.report.imported
                    else:
                        def work(session=session):
                            assert Importer(session).run(jsonl).imported == args.rows
                    times[which].append(timed(work))
                    session.lock()
                    vault.close()
    m = {k: statistics.median(v) for k, v in times.items()}
    print(f"\nmedians of {args.repeat}, interleaved")
    print(f"  python-calamine alone, every row (s)    {m['calamine']:8.3f}")
    print(f"  openpyxl read-only alone (s)            {m['openpyxl']:8.3f}   ({m['openpyxl'] / m['calamine']:.1f}× calamine)")
    print(f"  read + map (SheetImport.open) (s)       {m['read_map']:8.3f}   ({m['read_map'] / m['calamine']:.1f}× calamine)")
    print(f"  import from .xlsx, in-process (s)       {m['import']:8.3f}")
    print(f"  import of the same JSON Lines (s)       {m['jsonl']:8.3f}")
    print(f"  ratio import / library alone            {m['import'] / m['calamine']:8.1f}×")
    print(f"  ratio xlsx import / JSON Lines import   {m['import'] / m['jsonl']:8.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
