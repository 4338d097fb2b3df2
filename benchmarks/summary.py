"""One line per measure, the same from every benchmark, for the table at the end of run.py.

A benchmark calls `emit(...)` for each measure with a target; `run.py --all` runs the others
as commands, collects their lines (they start with MARK) and prints them with its own as one
table, one line per measure."""

from __future__ import annotations

MARK = "SUMMARY\t"
COLUMNS = ("measure", "measured", "baseline (same run)", "ratio / value", "target", "")


def emit(measure: str, measured: str, baseline: str, result: str, target: str, ok: bool) -> str:
    line = MARK + "\t".join((measure, measured, baseline, result, target, "PASS" if ok else "FAIL"))
    print(line, flush=True)
    return line


def parse(output: str) -> list[tuple[str, ...]]:
    return [tuple(line[len(MARK):].split("\t")) for line in output.splitlines() if line.startswith(MARK)]


def table(rows: list[tuple[str, ...]]) -> str:
    rows = [COLUMNS, *rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)
