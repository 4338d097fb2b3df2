"""Helpers of the letter and paper-trail GUI tests: a case with an intake, PDF text, waiting
for background work."""

from __future__ import annotations

import io
from datetime import date

import pypdf
from PySide6.QtWidgets import QApplication

from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.forms import intake_form
from intake_desktop.services.people import clean_person
from intake_desktop.ui.background import busy

TODAY = date(2025, 6, 10)
REASON = "본인이 또래 모임 참여를 원하여 연계를 의뢰합니다."
CONSTRAINT_MARKER = "QCONSTRAINTZ"


# -- helpers ------------------------------------------------------------------------------------
def settle(qtbot, timeout: int = 15_000) -> None:
    """Wait until every background task delivered its outcome."""
    qtbot.waitUntil(lambda: not busy(), timeout=timeout)
    QApplication.processEvents()


def nospace(text: str) -> str:
    return "".join(text.split())


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return nospace(" ".join(page.extract_text() or "" for page in reader.pages))


def make_case(session, *, birth_date: str = "1999-03-02", preferred_contact: str = "text_only") -> str:
    form = intake_form()
    person, problems = clean_person({
        "name": "남궁하늘", "birth_date": birth_date, "mobile": "01062345678",
        "preferred_contact": preferred_contact,
    })
    assert not problems
    answers = {"needs": ["peer_group"], "constraints": CONSTRAINT_MARKER}
    intake = NewIntake(form.id, form.version, form.definition_hash, answers)
    return session.cases.create_many([NewCase(person, {}, intake=intake)])[0]
