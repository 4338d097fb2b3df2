"""A real print system for the tests: the cups-pdf queue made by tests/printing/cups_setup.sh
(run by .ci/run), and what to read back from it. `cups_out` skips without CUPS, and FAILS under
CI=true."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageChops

SETUP = Path(__file__).parent / "printing" / "cups_setup.sh"
QUEUE = "IntakeTestPDF"
CONF = Path("/etc/cups/cups-pdf-intaketest.conf")
RELAY = "IntakeTestDuplex"  # an ipp:// "office printer" passing its jobs on to QUEUE
A4 = (595.28, 841.89)
COMPARE_DPI = 50


def _queue_ready() -> bool:
    if shutil.which("lp") is None or shutil.which("pdftoppm") is None or not CONF.exists():
        return False
    state = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
    return state.returncode == 0 and "enabled" in state.stdout


@pytest.fixture(scope="module")
def cups_out() -> Path:
    if not _queue_ready() and (os.geteuid() == 0 or shutil.which("sudo")):
        subprocess.run(["bash", str(SETUP)], capture_output=True, timeout=600)
    if not _queue_ready():
        message = f"no CUPS queue {QUEUE}: run {SETUP} (as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    out = next(line.split(None, 1)[1] for line in CONF.read_text().splitlines() if line.startswith("Out "))
    return Path(out)


def lpstat(*args: str) -> str:
    return subprocess.run(["lpstat", *args], capture_output=True, text=True, env=dict(os.environ, LC_ALL="C")).stdout


def last_job(queue: str, timeout: float = 90) -> int:
    """The highest job number CUPS has seen for this queue (0 for none), once no job is pending
    anywhere: a job still passing from the relay queue must not be taken for the next one."""
    deadline = time.monotonic() + timeout
    while lpstat("-o").strip() and time.monotonic() < deadline:
        time.sleep(0.2)
    numbers = [int(line.split()[0].rsplit("-", 1)[1]) for line in lpstat("-W", "all", "-o", queue).splitlines()
               if line.startswith(f"{queue}-")]
    return max(numbers, default=0)


def next_job(queue: str, after: int, timeout: float = 30) -> int:
    """The first job number above `after` on this queue, once it exists."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        newest = last_job(queue)
        if newest > after:
            return newest
        time.sleep(0.2)
    raise AssertionError(f"no new job on {queue}")


def job_number(job_id: str) -> int:
    return int(job_id.rsplit("-", 1)[1])


def printed_file(out: Path, job: int, timeout: float = 90, queue: str = "") -> Path:
    """cups-pdf's output for this job (Label 1 names it job_<n>-…), once the job is completed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = lpstat("-W", "completed", "-o", QUEUE)
        found = sorted(out.glob(f"job_{job}-*.pdf"))
        if found and f"{QUEUE}-{job} " in done:
            return found[0]
        time.sleep(0.3)
    raise AssertionError(f"job {job} produced no PDF in {out}: {subprocess.run(['lpstat', '-o'], capture_output=True, text=True).stdout}")


def spooled(job: int) -> bytes | None:
    """The document as CUPS keeps it in its spool (root only; None when not readable)."""
    try:
        return Path(f"/var/spool/cups/d{job:05d}-001").read_bytes()
    except OSError:
        return None


def pages_as_images(pdf: Path, folder: Path, name: str) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", str(COMPARE_DPI), "-gray", str(pdf), str(folder / name)], check=True)
    return [Image.open(p).convert("L") for p in sorted(folder.glob(f"{name}-*.pgm"))]


def difference(a: Image.Image, b: Image.Image) -> float:
    """Pixels that differ clearly, as a share of the pixels inked on either page: two renderers
    anti-alias glyph edges a little differently; a page moved by 1 mm differs almost everywhere."""
    b = b.resize(a.size)
    differing = ImageChops.difference(a, b).point(lambda v: 255 if v > 96 else 0).histogram()[255]
    inked = ImageChops.darker(a, b).point(lambda v: 255 if v < 160 else 0).histogram()[255]
    return differing / max(1, inked)


SAME_LAYOUT = 0.15  # measured: 0.8–5.5 % for the same page through cups-pdf, 44–67 % moved by 1 mm


def assert_printed_like(printed: Path, expected_pdf: bytes, tmp_path: Path) -> None:
    reader = pypdf.PdfReader(str(printed))
    expected = pypdf.PdfReader(io.BytesIO(expected_pdf))
    assert len(reader.pages) == len(expected.pages)  # one printed page per page of the PDF
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - A4[0]) < 1.5 and abs(float(page.mediabox.height) - A4[1]) < 1.5
    source = tmp_path / "expected.pdf"
    source.write_bytes(expected_pdf)
    want = pages_as_images(source, tmp_path, "expected")
    got = pages_as_images(printed, tmp_path, "printed")
    assert len(want) == len(got)
    for number, (a, b) in enumerate(zip(want, got), 1):
        assert difference(a, b) < SAME_LAYOUT, f"page {number} differs from the saved PDF"
        # The comparison can fail: the same page moved by 1 mm is far off.
        moved = Image.new("L", a.size, 255)
        moved.paste(a, (round(1 / 25.4 * COMPARE_DPI), 0))
        assert difference(a, moved) > SAME_LAYOUT
