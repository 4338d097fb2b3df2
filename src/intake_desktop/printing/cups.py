"""Printing through CUPS (Linux, macOS) with its own command-line tools, `lpstat`, `lpoptions`
and `lp`: the PDF bytes go to `lp` through a pipe and from there to the scheduler's spool.

Why the tools and not a Python binding: pycups is a C extension built against libcups at install
time (no wheels), which would make a fresh install need a compiler and libcups-dev; the tools ship
with every CUPS, and `lp` streams standard input to the scheduler (cupsCreateJob +
cupsWriteRequestData) without a temporary file. CUPS accepts PDF natively, so the letter's text
stays vector all the way to the printer's filter chain; nothing is rasterised here.

The tools run with LC_ALL=C.UTF-8 so their messages are the English ones parsed below, and
descriptions typed in Korean come through intact.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from typing import Callable

from intake_desktop.printing.model import (
    DEFAULT_PAPER, MSG_NO_PRINT_SYSTEM, MSG_PRINT_REFUSED, Printer, PrintError, PrintJob, Sides,
)

TIMEOUT_SECONDS = 60  # a remote CUPS server may be slow to answer; a hung lp must not hang the app
# Paper sizes offered besides A4, by the PPD keyword CUPS uses; anything else is not an office paper.
PAPERS = ("A4", "Letter", "B5", "ISOB5", "A5", "Legal")

# (argv, stdin bytes) -> (exit status, stdout, stderr); replaced in tests.
Runner = Callable[[list[str], bytes | None], tuple[int, str, str]]


def run_tool(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    if shutil.which(argv[0]) is None:
        raise PrintError(MSG_NO_PRINT_SYSTEM)
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    try:
        done = subprocess.run(argv, input=stdin if stdin is not None else b"", capture_output=True,
                              timeout=TIMEOUT_SECONDS, env=env)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintError() from exc
    return (done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


# -- reading the tools' output -------------------------------------------------------------------
def parse_destinations(text: str) -> list[str]:
    """`lpstat -e`: one destination name a line."""
    return [line.strip() for line in text.splitlines() if line.strip() and " " not in line.strip()]


def parse_default(text: str) -> str | None:
    """`lpstat -d`: 'system default destination: NAME' (or 'no system default destination')."""
    match = re.search(r"system default destination:\s*(\S+)", text)
    return match.group(1) if match else None


def parse_devices(text: str) -> dict[str, str]:
    """`lpstat -v`: 'device for NAME: URI' a line."""
    devices = {}
    for line in text.splitlines():
        match = re.match(r"device for ([^:\s]+):\s*(\S+)", line.strip())
        if match:
            devices[match.group(1)] = match.group(2)
    return devices


def parse_details(text: str) -> dict[str, dict[str, str]]:
    """`lpstat -l -p`: a 'printer NAME …' line, then indented 'Description: …', 'Location: …'."""
    details: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        match = re.match(r"printer (\S+) ", line)
        if match:
            current = details.setdefault(match.group(1), {})
            continue
        field = re.match(r"\s+(Description|Location):\s?(.*)$", line)
        if field and current is not None:
            current[field.group(1).lower()] = field.group(2).strip()
    return details


def parse_options(text: str) -> dict[str, tuple[list[str], str | None]]:
    """`lpoptions -p NAME -l`: 'Key/Label: choice *default choice' -> {key: (choices, default)}."""
    options = {}
    for line in text.splitlines():
        match = re.match(r"([^/:\s]+)(?:/[^:]*)?:\s*(.*)$", line)
        if not match:
            continue
        choices, default = [], None
        for word in match.group(2).split():
            if word.startswith("*"):
                word = word[1:]
                default = word
            choices.append(word)
        options[match.group(1)] = (choices, default)
    return options


def sides_from_options(options: dict[str, tuple[list[str], str | None]]) -> tuple[tuple[Sides, ...], Sides]:
    """The Duplex option of the driver (PPD keywords DuplexNoTumble / DuplexTumble)."""
    offered, default = [Sides.ONE_SIDED], Sides.ONE_SIDED
    keyword = {"DuplexNoTumble": Sides.LONG_EDGE, "DuplexTumble": Sides.SHORT_EDGE}
    choices, chosen = options.get("Duplex", ([], None))
    for choice in choices:
        if choice in keyword and keyword[choice] not in offered:
            offered.append(keyword[choice])
    if chosen in keyword:
        default = keyword[chosen]
    return tuple(offered), default


def papers_from_options(options: dict[str, tuple[list[str], str | None]]) -> tuple[str, ...]:
    """A4 first (always: CUPS fits it to what the printer has), then the other office sizes it offers."""
    choices, _default = options.get("PageSize", ([], None))
    return (DEFAULT_PAPER, *[paper for paper in PAPERS[1:] if paper in choices])


def parse_job_id(text: str) -> str:
    """`lp`: 'request id is NAME-12 (0 file(s))'."""
    match = re.search(r"request id is (\S+)", text)
    return match.group(1) if match else ""


# -- commands --------------------------------------------------------------------------------------
def lp_command(job: PrintJob) -> list[str]:
    """The lp call for this job; the document comes on standard input (no file argument)."""
    argv = ["lp", "-d", job.printer, "-n", str(job.copies), "-t", job.title,
            "-o", f"media={job.paper}", "-o", f"sides={job.sides.value}"]
    if job.paper != DEFAULT_PAPER:
        argv += ["-o", "fit-to-page"]  # an A4 page on other paper: scaled, never cut
    return argv


class CupsPrinting:
    """The printers CUPS knows, and sending a PDF to one of them."""

    def __init__(self, run: Runner = run_tool) -> None:
        self.run = run

    def destinations(self) -> list[Printer]:
        """Every destination with its description, location and device, from lpstat alone (which
        writes nothing anywhere). Empty when CUPS has none or its scheduler is not running."""
        status, out, _err = self.run(["lpstat", "-e"], None)
        names = parse_destinations(out) if status == 0 else []
        if not names:
            return []
        default = parse_default(self.run(["lpstat", "-d"], None)[1])
        devices = parse_devices(self.run(["lpstat", "-v"], None)[1])
        details = parse_details(self.run(["lpstat", "-l", "-p"], None)[1])
        return [Printer(name=name, description=details.get(name, {}).get("description", ""),
                        location=details.get(name, {}).get("location", ""), is_default=name == default,
                        device_uri=devices.get(name, "")) for name in names]

    def printers(self) -> list[Printer]:
        """The destinations with their duplex and paper choices, for the print dialog.
        `lpoptions -l` has libcups fetch each printer's PPD (the driver's description, nothing
        of any document) into $TMPDIR and delete it: done when the dialog opens, never while a
        document is sent. The command line, which needs no choices, uses `destinations()`."""
        found = []
        for printer in self.destinations():
            status, out, _err = self.run(["lpoptions", "-p", printer.name, "-l"], None)
            options = parse_options(out) if status == 0 else {}
            sides, default_sides = sides_from_options(options)
            found.append(replace(printer, sides=sides, default_sides=default_sides,
                                 papers=papers_from_options(options)))
        return found

    def print_pdf(self, pdf: bytes, job: PrintJob) -> str:
        """Queue the PDF; returns CUPS's job id. The bytes travel through lp's standard input."""
        status, out, err = self.run(lp_command(job), pdf)
        if status != 0:
            # lp's own last line says why (e.g. the queue does not accept jobs); never our data.
            lines = err.strip().splitlines()
            raise PrintError(MSG_PRINT_REFUSED, detail=lines[-1][:200] if lines else f"lp {status}")
        return parse_job_id(out)
