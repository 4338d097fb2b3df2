"""Scans to attach: PDFs made with ReportLab (page streams uncompressed, so a canary string is
in the file's bytes as written) and raw files of any size that begin like a PDF."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

CANARY = "CANARY-7f3a9c-SIGNED-CONSENT"


def make_pdf(text: str = CANARY, pages: int = 1) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0, invariant=1)
    for page in range(pages):
        pdf.drawString(72, 720, f"{text} page {page + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def big_pdf_like(size: int, seed: int = 1) -> bytes:
    """`size` bytes that start like a PDF (the type check reads only the first bytes)."""
    import random

    rng = random.Random(seed)
    return b"%PDF-1.4\n" + rng.randbytes(size - 9)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture
def case(admin) -> str:
    from vaultkit import person

    return admin.cases.create(person("첨부대상"))


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """TMPDIR pointed at a folder of the test, so anything written there can be inspected."""
    import tempfile

    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


def files_under(*folders: Path):
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                yield Path(root) / name
