"""Rasterise every letter and the consent form with pdftoppm: pages exist, are A4, are not
blank, and nothing is drawn in the outer band of the page (nothing cut off or off-margin).

Set LETTERS_PNG_DIR=/tmp/letters_png to also keep the PNGs for a human look.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from intake_desktop.letters.consent_form import render_consent_form
from intake_desktop.letters.model import ReferralDetails
from intake_desktop.letters.render import render_letter

from .conftest import KINDS, sample_letter
from .consent_samples import sample_form

DPI = 80
MM = DPI / 25.4
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")


def documents() -> dict[str, bytes]:
    docs = {kind: render_letter(sample_letter(kind)) for kind in KINDS}
    long_reason = " ".join(f"사유{i} 문장입니다." for i in range(600))
    docs["welfare_long"] = render_letter(sample_letter("welfare", extra=ReferralDetails(
        reason=long_reason + " 😀 👍 <b>&amp;", reply_by=date(2025, 6, 3))))
    docs["consent"] = render_consent_form(sample_form())
    docs["consent_child"] = render_consent_form(sample_form(birth=date(2015, 1, 1)))
    return docs


def rasterise(pdf: bytes, folder: Path, name: str) -> list[Path]:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(path), str(folder / name)], check=True)
    return sorted(folder.glob(f"{name}-*.png"))


def dark_pixels(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    return sum(image.crop(box).convert("L").histogram()[:200])


@pytest.fixture(scope="module")
def pngs(tmp_path_factory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("letters_png")
    keep = os.environ.get("LETTERS_PNG_DIR")
    out = {}
    for name, pdf in documents().items():
        out[name] = rasterise(pdf, folder, name)
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            for png in out[name]:
                shutil.copy(png, Path(keep) / png.name)
    return out


def test_every_document_has_pages(pngs):
    for name, pages in pngs.items():
        assert pages, name
    assert len(pngs["police"]) == 1  # a short letter fits on one page
    assert len(pngs["welfare_long"]) >= 3


def test_pages_are_a4_not_blank_and_inside_the_margins(pngs):
    for pages in pngs.values():
        for png in pages:
            image = Image.open(png)
            w, h = image.size
            assert abs(w - 210 * MM) <= 2 and abs(h - 297 * MM) <= 2, (png.name, image.size)
            assert dark_pixels(image, (0, 0, w, h)) > 500, f"{png.name} looks blank"
            band = int(12 * MM)  # left margin is 20 mm, right 18 mm: nothing within 12 mm of an edge
            assert dark_pixels(image, (0, 0, band, h)) == 0, f"{png.name}: ink in the left band"
            assert dark_pixels(image, (w - band, 0, w, h)) == 0, f"{png.name}: ink in the right band"
            assert dark_pixels(image, (0, 0, w, int(15 * MM))) == 0, f"{png.name}: ink in the top band"
            assert dark_pixels(image, (0, h - int(6 * MM), w, h)) == 0, f"{png.name}: ink in the bottom band"
