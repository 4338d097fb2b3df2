"""The letters screens' test helpers, shared by the letters, printing and print-dialog tests:
a case with a consent-ready intake, the temporary folder watched for leftovers, a letter
previewed and ready to print."""

from __future__ import annotations

import io
import os
import tempfile
from datetime import date, timedelta

import pypdf
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.consent import HowGiven
from intake_desktop.services.forms import intake_form
from intake_desktop.services.people import clean_person
from intake_desktop.ui.background import busy
from intake_desktop.ui.letters import LetterDialog

TODAY = date(2025, 6, 10)
REASON = "본인이 또래 모임 참여를 원하여 연계를 의뢰합니다."
CONSTRAINT_MARKER = "QCONSTRAINTZ"


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


@pytest.fixture
def case_id(signed_in):
    return make_case(signed_in)


@pytest.fixture
def temp_listing(tmp_path, monkeypatch):
    """The temporary folder's entries before the test (nothing may be added there).

    The machine's /tmp is shared with other programs, so for this test the process gets a
    temporary folder of its own (TMPDIR, which Qt reads too, and Python's tempfile): whatever
    the app would put in "the" temporary folder lands there and is seen."""
    private = tmp_path / "system-temp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    assert tempfile.gettempdir() == str(private)
    QThreadPool.globalInstance().waitForDone(5_000)
    return set(os.listdir(tempfile.gettempdir()))


def letter_ready(qtbot, signed_in, case_id) -> LetterDialog:
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY))
    dialog = LetterDialog(signed_in, case_id, partner_id=signed_in.partners.get("welfare").id,
                          today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText(REASON)
    dialog.preview_letter()
    settle(qtbot)
    return dialog


def issue_letter(session, case_id):
    """A letter to the welfare centre issued thirty days before TODAY (consent given ten days earlier)."""
    from intake_desktop.letters import ReferralDetails

    how = HowGiven(TODAY - timedelta(days=40))
    session.consent.record_collection(case_id, how)
    session.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", how)
    prepared = session.letters.prepare(case_id, "welfare", ReferralDetails(reason=REASON, reply_by=TODAY),
                                       issue_date=TODAY - timedelta(days=30))
    return session.letters.issue(prepared)
