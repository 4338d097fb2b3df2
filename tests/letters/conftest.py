"""Helpers for the letter tests: fonts, sample data, PDF text extraction."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from intake_desktop.letters import samples as S
from intake_desktop.letters.compose import compose_letter
from intake_desktop.letters.fonts import load_fonts
from intake_desktop.letters.templates import load_template

KINDS = ("welfare", "labour", "jobcentre", "police", "generic")
_PAGE_NUMBER = re.compile(r"^\s*- \d+ -\s*$")


@pytest.fixture(scope="session")
def fonts():
    return load_fonts()


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def body_text(pdf: bytes) -> str:
    """All pages' text without the '- n -' page-number lines, whitespace collapsed."""
    lines = []
    for text in page_texts(pdf):
        lines.extend(line for line in text.splitlines() if not _PAGE_NUMBER.match(line))
    return norm(" ".join(lines))


def norm(text: str) -> str:
    return " ".join(text.split())


def sample_letter(kind: str = "welfare", **overrides):
    args = dict(
        template=load_template(kind), recipient=S.SAMPLE_RECIPIENTS[kind], sender=S.SAMPLE_SENDER,
        case_facts=S.SAMPLE_FACTS, field_meta=S.SAMPLE_FIELD_META, consented_items=S.sample_consent()[kind],
        sensitive_consent=True, extra=S.SAMPLE_DETAILS_BY_KIND[kind], number=123,
        issue_date=S.SAMPLE_ISSUE_DATE, signatories=S.SAMPLE_SIGNATORIES,
    )
    args.update(overrides)
    return compose_letter(**args)
