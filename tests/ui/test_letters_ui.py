"""Consent and referral letters through the GUI: what the young person consented to give a
partner is exactly what the previewed, saved and printed letter carries.

Screenshots: written to a temporary folder; with UPDATE_SCREENSHOTS=1 to docs/screenshots/
(`<language>-consent-*.png`, `<language>-letter-*.png`).
"""

from __future__ import annotations

import io
import os
import tempfile
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QThreadPool, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from intake_desktop.domain.enums import Role
from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.consent import HowGiven
from intake_desktop.services.forms import intake_form
from intake_desktop.services.people import clean_person
from intake_desktop.ui.background import busy
from intake_desktop.ui.letters import ConsentTab, LetterDialog, ReferralsTab, printing
from intake_desktop.ui.letters.consent_dialogs import BasicConsentDialog, WithdrawDialog
from intake_desktop.ui.letters.consent_view import consent_rows
from intake_desktop.ui.letters.provision_dialog import ProvisionConsentDialog
from intake_desktop.ui.letters.status_dialog import StatusDialog

from .conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
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


def row_of(tab, kind, partner_key=None):
    return next(r for r in tab.rows if r.kind == kind and (partner_key is None or r.partner_key == partner_key))


class FakePrintDialog:
    """Stands in for QPrintDialog: "accepts" with the printer set to write a PDF file."""

    output: Path | None = None

    def __init__(self, printer: QPrinter, parent=None) -> None:
        self.printer = printer

    def setWindowTitle(self, title: str) -> None:  # noqa: N802 - Qt's name
        pass

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(FakePrintDialog.output))
        return QDialog.DialogCode.Accepted


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


def record_consents_through_ui(qtbot, tab: ConsentTab, items=("name", "needs")) -> None:
    dialog = tab.record_basic("collection")
    assert isinstance(dialog, BasicConsentDialog)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    tab.select("provision")  # the first partner row: the welfare centre
    assert tab.selected_row().partner_key == "welfare"
    dialog = tab.record_provision()
    assert isinstance(dialog, ProvisionConsentDialog)
    assert dialog.selected_partner().key == "welfare"
    assert set(dialog.items.boxes) == {"name", "mobile", "preferred_contact", "email", "needs", "needs_other",
                                       "constraints"}
    assert dialog.items.boxes["name"].text().startswith("이름")
    assert "프로그램" in dialog.purpose.toPlainText()  # the welfare template's consent wording
    for fid in items:
        dialog.items.boxes[fid].setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()


# -- consent ------------------------------------------------------------------------------------
def test_consent_tab_shows_a_row_per_partner_and_records_consents(qtbot, signed_in, case_id):
    tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    partners = signed_in.partners.list()
    assert tab.table.rowCount() == 2 + len(partners)
    assert {r.state for r in tab.rows} == {"none"}
    record_consents_through_ui(qtbot, tab)

    assert row_of(tab, "collection").state == "given"
    welfare = row_of(tab, "provision", "welfare")
    assert welfare.state == "given" and set(welfare.items) == {"name", "needs"}
    welfare_index = tab.rows.index(welfare)
    assert tab.table.item(welfare_index, 1).text() == "동의함" or tab.table.item(welfare_index, 1).text() == "Given"
    assert "이름" in tab.table.item(welfare_index, 4).text()
    status = signed_in.consent.status(case_id)
    assert set(status.provisions[welfare.partner_id].items) == {"name", "needs"}


def test_verbal_consent_needs_a_witness_and_shows_the_service_message(qtbot, signed_in, case_id):
    tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    dialog = tab.record_basic("sensitive")
    dialog.how.verbal.setChecked(True)
    dialog.save()
    assert dialog.isVisible() and dialog.error.text()  # "A verbal consent needs the name of a witness."
    dialog.how.witness.setText("이팀장")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert row_of(tab, "sensitive").state == "given"
    assert "이팀장" in tab.table.item(1, 3).text()


def test_under_14_needs_a_guardian(qtbot, signed_in):
    child = make_case(signed_in, birth_date=(TODAY - timedelta(days=365 * 12)).isoformat())
    tab = ConsentTab(signed_in, child, today=lambda: TODAY)
    qtbot.addWidget(tab)
    dialog = tab.record_basic("collection")
    assert dialog.how.guardian_needed() and dialog.how.guardian_name.isVisibleTo(dialog)
    dialog.save()
    assert dialog.isVisible() and dialog.error.text()  # the service refuses without a guardian
    dialog.how.guardian_name.setText("남궁부모")
    dialog.how.guardian_relationship.setText("어머니")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "남궁부모" in tab.table.item(0, 3).text()


def test_override_is_for_supervisors_only(qtbot, signed_in, case_id):
    kim = signed_in.accounts.add("kim", Role.COUNSELLOR, PASSPHRASE, "김상담")
    signed_in.cases.assign(case_id, kim)
    counsellor = signed_in.vault.unlock("kim", PASSPHRASE)
    try:
        tab = ConsentTab(counsellor, case_id, today=lambda: TODAY)
        qtbot.addWidget(tab)
        assert not tab.override_button.isVisibleTo(tab)
        assert tab.override_selected() is None
    finally:
        counsellor.lock()
    admin_tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(admin_tab)
    assert admin_tab.override_button.isVisibleTo(admin_tab)
    admin_tab.select("provision")
    dialog = admin_tab.override_selected()
    dialog.reason.setPlainText("생명 보호를 위해 긴급히 필요함")
    dialog.items.check(["name"])
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert row_of(admin_tab, "provision", "welfare").state == "override"


def test_print_consent_form_opens_the_preview(qtbot, signed_in, case_id):
    tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.print_consent_form()
    settle(qtbot)
    dialog = tab.dialog
    assert dialog is not None and dialog.preview.document.status() == QPdfDocument.Status.Ready
    assert dialog.preview.page_count() >= 1
    assert "동의서" in pdf_text(dialog.preview.pdf)


# -- the letter ---------------------------------------------------------------------------------
def test_consent_flow_preview_save_print_and_withdrawal(qtbot, signed_in, case_id, tmp_path, monkeypatch,
                                                         temp_listing):
    consent = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(consent)
    record_consents_through_ui(qtbot, consent, items=("name", "needs"))
    referrals = ReferralsTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(referrals)
    assert referrals.table.rowCount() == 0

    welfare = signed_in.partners.get("welfare")
    dialog = referrals.new_letter(partner_id=welfare.id)
    assert isinstance(dialog, LetterDialog)
    assert dialog.consent_ok and not dialog.refusal.text()
    assert dialog.first_contact_notes.text() == "문자 연락만 가능"  # preferred contact: text only
    assert dialog.requested_service.toPlainText().startswith("또래 모임")  # the template's default
    assert dialog.reply_by.date().toPython() == TODAY + timedelta(days=14)
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()

    dialog.preview_letter()  # no reason yet
    assert "reason" in dialog.error.text().lower() or "사유" in dialog.error.text()
    dialog.reason.setPlainText(REASON)
    dialog.preview_letter()
    settle(qtbot)
    assert dialog.prepared is not None, dialog.error.text()
    assert dialog.preview.document.status() == QPdfDocument.Status.Ready
    assert dialog.preview.page_count() >= 1
    text = pdf_text(dialog.preview.pdf)
    assert "남궁하늘" in text and "또래모임" in text  # the two consented items
    assert "010-6234-5678" not in text and CONSTRAINT_MARKER not in text  # shareable, not consented
    assert nospace(REASON) in text
    assert dialog.preview.pdf == dialog.prepared.pdf
    assert signed_in.letters.register(case_id) == []  # a preview stores nothing

    # Save as PDF issues the letter, once.
    target = tmp_path / "out" / "letter.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.save_letter()
    settle(qtbot)
    assert dialog.issued is not None, dialog.error.text()
    assert target.read_bytes() == dialog.issued.pdf
    assert os.listdir(target.parent) == ["letter.pdf"]  # no temporary file left beside it
    assert dialog.issued.number in dialog.status_label.text()
    register = signed_in.letters.register(case_id)
    assert [e.number for e in register] == [dialog.issued.number]
    assert register[0].sha256 == dialog.issued.sha256
    [referral] = signed_in.referrals.for_case(case_id)
    assert referral.status == "sent" and referral.letter_number == dialog.issued.number
    assert referrals.table.rowCount() == 1 and referrals.table.item(0, 0).text() == dialog.issued.number
    assert not dialog.preview_button.isEnabled() and not dialog.reason.isEnabled()

    # Printing from the same dialog prints the same issued letter: no second issue.
    FakePrintDialog.output = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "QPrintDialog", FakePrintDialog)
    dialog.print_letter()
    settle(qtbot)
    assert FakePrintDialog.output.stat().st_size > 1000
    assert len(signed_in.letters.register(case_id)) == 1
    printed = pypdf.PdfReader(str(FakePrintDialog.output))
    assert len(printed.pages) == dialog.preview.page_count()

    # Reprint from the register: the identical document.
    referrals.table.selectRow(0)
    referrals.reprint_selected()
    settle(qtbot)
    assert referrals.dialog.preview.pdf == dialog.issued.pdf

    # Withdrawal: the letter dialog refuses, naming the partner.
    consent.refresh()
    consent.select("provision", welfare.id)
    withdraw = consent.withdraw_selected()
    assert isinstance(withdraw, WithdrawDialog)
    withdraw.save()
    assert withdraw.result() == QDialog.DialogCode.Accepted, withdraw.error.text()
    row = row_of(consent, "provision", "welfare")
    assert row.state == "withdrawn" and not row.can_withdraw
    assert "동의 철회" in consent.table.item(consent.rows.index(row), 1).text() or \
        "Withdrawn" in consent.table.item(consent.rows.index(row), 1).text() or \
        "철회" in consent.table.item(consent.rows.index(row), 1).text()
    refused = referrals.new_letter(partner_id=welfare.id)
    assert not refused.consent_ok
    assert "동작이수사회복지관" in refused.refusal.text()
    assert not refused.preview_button.isEnabled() and not refused.reason.isEnabled()
    refused.preview_letter()
    settle(qtbot)
    assert refused.prepared is None

    QThreadPool.globalInstance().waitForDone(5_000)
    assert set(os.listdir(tempfile.gettempdir())) - temp_listing == set(), "files left in the system temp folder"


def test_print_path_issues_and_writes_a_pdf(qtbot, signed_in, case_id, tmp_path, monkeypatch, temp_listing):
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY))
    dialog = LetterDialog(signed_in, case_id, partner_id=signed_in.partners.get("welfare").id,
                          today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText(REASON)
    dialog.preview_letter()
    settle(qtbot)
    FakePrintDialog.output = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "QPrintDialog", FakePrintDialog)
    dialog.print_letter()
    settle(qtbot)
    assert dialog.issued is not None, dialog.error.text()
    data = FakePrintDialog.output.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1
    assert [e.number for e in signed_in.letters.register(case_id)] == [dialog.issued.number]
    assert signed_in.referrals.for_case(case_id)[0].status == "sent"
    # Editing after issuing is impossible; printing again does not issue again.
    dialog.print_letter()
    settle(qtbot)
    assert len(signed_in.letters.register(case_id)) == 1
    QThreadPool.globalInstance().waitForDone(5_000)
    assert set(os.listdir(tempfile.gettempdir())) - temp_listing == set()


def test_a_cancelled_print_issues_nothing_and_edits_need_a_new_preview(qtbot, signed_in, case_id, monkeypatch):
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY))
    dialog = LetterDialog(signed_in, case_id, partner_id=signed_in.partners.get("welfare").id,
                          today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText(REASON)
    dialog.preview_letter()
    settle(qtbot)
    monkeypatch.setattr(printing, "ask_printer", lambda parent, printer: False)
    dialog.print_letter()
    settle(qtbot)
    assert dialog.issued is None and signed_in.letters.register(case_id) == []
    dialog.reason.setPlainText(REASON + " 추가")
    assert dialog.prepared is None and not dialog.print_button.isEnabled()


def test_no_collection_consent_means_no_letter(qtbot, signed_in, case_id):
    dialog = LetterDialog(signed_in, case_id, partner_id=signed_in.partners.get("police").id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.consent_ok and dialog.refusal.text()
    assert not dialog.preview_button.isEnabled()


def test_locking_forgets_the_letter_and_the_consents(qtbot, signed_in, case_id):
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY))
    consent = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    referrals = ReferralsTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(consent)
    qtbot.addWidget(referrals)
    dialog = referrals.new_letter(partner_id=signed_in.partners.get("welfare").id)
    dialog.reason.setPlainText(REASON)
    dialog.preview_letter()
    settle(qtbot)
    assert dialog.isVisible() and dialog.preview.pdf
    signed_in.lock()
    assert not dialog.isVisible() and dialog.preview.pdf == b"" and dialog.prepared is None
    assert not dialog.reason.toPlainText()
    assert consent.rows == [] and consent.table.rowCount() == 0
    assert referrals.table.rowCount() == 0


# -- referrals ----------------------------------------------------------------------------------
def issue_letter(session, case_id, reply_by):
    from intake_desktop.letters import ReferralDetails

    session.consent.record_collection(case_id, HowGiven(TODAY - timedelta(days=40)))
    session.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY - timedelta(days=40)))
    prepared = session.letters.prepare(case_id, "welfare", ReferralDetails(reason=REASON, reply_by=reply_by),
                                       issue_date=TODAY - timedelta(days=30))
    return session.letters.issue(prepared)


def test_referrals_tab_highlights_overdue_and_offers_only_valid_statuses(qtbot, signed_in, case_id):
    issued = issue_letter(signed_in, case_id, reply_by=TODAY - timedelta(days=3))
    tab = ReferralsTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    assert tab.table.rowCount() == 1
    assert tab.overdue_label.isVisibleTo(tab)
    assert "3" in tab.table.item(0, 3).text()
    assert tab.table.item(0, 3).background().color().name() == "#fdeceb"
    tab.table.selectRow(0)
    dialog = tab.update_status()
    assert isinstance(dialog, StatusDialog)
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert offered == ["received", "declined"]
    assert dialog.asks_reply_date()
    dialog.note.setPlainText("담당자 배정됨")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    info = signed_in.referrals.get(issued.referral_id)
    assert info.status == "received" and info.reply_date == TODAY and info.note == "담당자 배정됨"
    assert not tab.overdue_label.isVisibleTo(tab)
    tab.table.selectRow(0)
    dialog = tab.update_status()
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["in_service", "declined"]
    assert not dialog.asks_reply_date()  # the reply is already recorded


def test_consent_rows_pick_the_latest_record():
    class Rec:
        def __init__(self, rid, doc):
            self.id, self.document = rid, doc

    class Partner:
        id, key, kind = "p1", "welfare", "welfare"

        def label(self, language):
            return "복지관"

    given = {"type": "provision", "partner_id": "p1", "given": True, "withdrawn": None, "items": ["name"],
             "date": "2025-05-01", "method": "signed"}
    gone = dict(given, withdrawn={"date": "2025-05-03", "requested_by": "본인"})
    rows = consent_rows([Rec("a", gone)], [Partner()])
    assert rows[2].state == "withdrawn" and rows[2].withdrawn_by == "본인" and not rows[2].can_withdraw
    rows = consent_rows([Rec("a", gone), Rec("b", given)], [Partner()])
    assert rows[2].state == "given" and rows[2].record_id == "b" and rows[2].earlier_withdrawals == 1
    override = {"type": "override", "partner_id": "p1", "given": True, "used": False, "withdrawn": None,
                "reason": "긴급", "items": ["name"], "date": "2025-05-04"}
    rows = consent_rows([Rec("a", gone), Rec("c", override)], [Partner()])
    assert rows[2].state == "override" and rows[2].override_reason == "긴급"
    assert [r.state for r in rows[:2]] == ["none", "none"]


# -- Korean wording proposed for the translation pass -------------------------------------------
# The lead's catalogue (resources/i18n) is the source of truth. Until it has these strings, the
# Korean screenshots use this proposed wording, so the layout is checked with real Korean text;
# a string the catalogue translates is shown as the catalogue says. Keys: source text, or
# (context, source) where one English word needs two Korean ones.
KOREAN_DRAFTS_LETTERS = {
    # LetterLabels
    "Collection and use (art. 15)": "수집·이용 (제15조)",
    "Sensitive information (art. 23)": "민감정보 (제23조)",
    "Provision to a partner (art. 17(2))": "제3자 제공 (제17조 제2항)",
    "Given": "동의함",
    "Withdrawn": "철회함",
    "Supervisor override": "예외 승인",
    "None": "없음",
    "Draft": "작성",
    "Sent": "발송",
    "Receipt confirmed": "접수 확인",
    "In service": "서비스 중",
    "Completed": "완료",
    "Declined": "거절",
    "Reason for referral:": "의뢰 사유:",
    "Service requested:": "요청 서비스:",
    "Before the first contact:": "첫 연락 시 유의사항:",
    "Warning signs:": "위험 신호:",
    "Other notes:": "기타:",
    "Last contact:": "마지막 연락:",
    "Reply requested by:": "회신 요청 기한:",
    # ConsentTab
    "Consent": "동의",
    "State": "상태",
    "Date given": "동의일",
    "How": "방법",
    "Items and details": "항목·내용",
    "Selected consent": "선택한 동의",
    "Collection consent…": "수집·이용 동의…",
    "Sensitive-information consent…": "민감정보 동의…",
    "Consent for a partner…": "기관별 제공 동의…",
    "Withdraw…": "철회…",
    "Supervisor override…": "예외 승인…",
    "Print consent form…": "동의서 인쇄…",
    "Provision to {partner}": "제3자 제공: {partner}",
    "Withdrawn on {date}": "{date} 철회",
    "Verbal (witness: {name})": "구두 (입회인: {name})",
    "guardian: {name} ({relationship})": "법정대리인: {name} ({relationship})",
    "Reason: {reason}. Items: {items}": "사유: {reason}. 항목: {items}",
    "Given again after an earlier withdrawal": "철회 후 다시 동의함",
    "Given on {date} ({how})": "{date} 동의 ({how})",
    "Given on {date}": "{date} 동의",
    "Items: {items}": "항목: {items}",
    "Purpose: {purpose}": "이용 목적: {purpose}",
    "Retention at the recipient: {retention}": "제공받는 곳의 보유 기간: {retention}",
    "Withdrawn on {date}, asked for by {who}. No letter can rely on it.":
        "{date}에 {who}의 요청으로 철회했습니다. 이 동의로는 공문을 보낼 수 없습니다.",
    "On {date} a supervisor allowed one letter without consent. Reason: {reason}":
        "{date}에 슈퍼바이저가 동의 없이 공문 한 건을 예외 승인했습니다. 사유: {reason}",
    "No consent: no letter can be sent to this institution.": "동의 없음: 이 기관에는 공문을 보낼 수 없습니다.",
    "Earlier withdrawals of this consent: %n": "이 동의의 이전 철회: %n건",
    "Letters sent on a supervisor override: {numbers}": "예외 승인으로 보낸 공문: {numbers}",
    "Select a row to see its details.": "줄을 고르면 자세한 내용이 보입니다.",
    "Preparing the consent form…": "동의서를 만드는 중…",
    "Consent form": "동의서",
    "consent-form.pdf": "동의서.pdf",
    # HowGivenFields, consent dialogs
    "Signed form": "서명 동의서",
    "Verbal, with a witness": "구두 동의 (입회인 있음)",
    "Name of the witness": "입회인 이름",
    "e.g. mother, father, guardian": "예: 어머니, 아버지, 후견인",
    "Date given:": "동의일:",
    "How:": "방법:",
    "Witness:": "입회인:",
    "Legal guardian:": "법정대리인:",
    "Relationship:": "관계:",
    "The young person is under 14 on this date: a legal guardian must consent. Give the guardian's name and "
    "relationship.": "이 날짜에 만 14세 미만입니다. 법정대리인이 동의해야 하니 법정대리인의 이름과 관계를 적어 주세요.",
    "The birth date is not recorded. If the young person is under 14, a legal guardian must consent.":
        "생년월일이 기록되어 있지 않습니다. 만 14세 미만이면 법정대리인이 동의해야 합니다.",
    "Consent to sensitive information": "민감정보 처리 동의",
    "Sensitive information such as health (art. 23) needs its own consent, separate from the consent to "
    "collection and use. Without it, no health item is ever printed in a letter.":
        "건강 등 민감정보(제23조)는 수집·이용 동의와 따로 동의를 받아야 합니다. 이 동의가 없으면 건강 관련 항목은 "
        "공문에 절대 인쇄되지 않습니다.",
    "Consent to collection and use": "개인정보 수집·이용 동의",
    "The young person agrees that the centre collects and uses their personal information for counselling and "
    "case management (art. 15). Letters need this consent.":
        "청년이 상담과 사례관리를 위해 센터가 개인정보를 수집·이용하는 데 동의합니다(제15조). 공문을 보내려면 이 "
        "동의가 있어야 합니다.",
    "Record consent": "동의 기록",
    "Withdraw a consent": "동의 철회",
    "Consent to withdraw: {what}": "철회할 동의: {what}",
    "From the withdrawal on, no letter can rely on this consent. Letters already sent stay in the register.":
        "철회한 때부터 이 동의로는 공문을 보낼 수 없습니다. 이미 보낸 공문은 대장에 그대로 남습니다.",
    "Withdrawing the consent to collection and use means the case must be destroyed: tell your administrator "
    "(Administration → Retention).": "수집·이용 동의를 철회하면 사례를 파기해야 합니다. 관리자에게 알리세요 (관리 → 보존·파기).",
    "The young person": "본인",
    "Legal guardian": "법정대리인",
    "Withdrawn on:": "철회일:",
    "Asked for by:": "요청한 사람:",
    "Withdraw consent": "동의 철회",
    "Say who asked for the withdrawal.": "누가 철회를 요청했는지 적어 주세요.",
    "Only for one letter, when the law allows providing information without consent (for example to protect "
    "someone's life). The reason is kept in the case and the access log.":
        "법이 동의 없는 제공을 허용하는 경우(예: 생명 보호)에만 공문 한 건에 한해 씁니다. 사유는 사례와 접근 기록에 "
        "남습니다.",
    "Recipient:": "받는 기관:",
    "Reason:": "사유:",
    "Items the letter may carry": "공문에 넣을 수 있는 항목",
    "Allow one letter": "공문 한 건 승인",
    "Consent to provide information to a partner": "개인정보 제3자 제공 동의",
    "One consent per institution. Tick only the items the young person agreed to give this institution; a "
    "letter to it will carry those items and nothing else.":
        "기관마다 따로 동의를 받습니다. 청년이 이 기관에 주기로 동의한 항목만 고르세요. 이 기관에 보내는 공문에는 "
        "그 항목만 들어갑니다.",
    "Items provided (only those this kind of institution may receive)": "제공 항목 (이 종류의 기관이 받을 수 있는 항목만)",
    "Purpose at the recipient:": "제공받는 곳의 이용 목적:",
    "Retention at the recipient:": "제공받는 곳의 보유 기간:",
    "If refused:": "거부할 경우:",
    "The letter template for this institution could not be read; write the purpose and retention yourself.":
        "이 기관의 공문 서식을 읽을 수 없습니다. 이용 목적과 보유 기간을 직접 적어 주세요.",
    "The intake form lets nothing go to this kind of partner.":
        "초기상담지 양식상 이 종류의 기관에 제공할 수 있는 항목이 없습니다.",
    "Select all": "모두 선택",
    "Select none": "모두 해제",
    "[sensitive]": "[민감정보]",
    # LetterDialog, preview, printing
    "Referral letter": "연계 의뢰서",
    "Choose an institution…": "기관을 고르세요…",
    "Required: why you refer the young person to this institution": "필수: 이 기관에 의뢰하는 이유",
    "Known": "알고 있음",
    "Partner institution:": "협력 기관:",
    "Preview": "미리 보기",
    "Write the reason, then press Preview: the letter appears here exactly as it will be printed.":
        "의뢰 사유를 적고 ‘미리 보기’를 누르면 인쇄될 모습 그대로 공문이 여기에 나타납니다.",
    "Print…": "인쇄…",
    "Save as PDF…": "PDF로 저장…",
    "Record the consent on the Consent tab first.": "먼저 동의 탭에서 동의를 기록하세요.",
    "No consent, but a supervisor allowed one letter: {reason}. Items: {items}":
        "동의는 없지만 슈퍼바이저가 공문 한 건을 예외 승인했습니다: {reason}. 항목: {items}",
    "Consent given for: {items}": "동의한 항목: {items}",
    "No sensitive-information consent: no health item will be printed.":
        "민감정보 동의 없음: 건강 관련 항목은 인쇄되지 않습니다.",
    "Changed since the preview: preview again before printing or saving.":
        "미리 본 뒤에 내용이 바뀌었습니다. 인쇄하거나 저장하기 전에 다시 미리 보세요.",
    "Write the reason for the referral.": "의뢰 사유를 적어 주세요.",
    "Preparing the letter…": "공문을 만드는 중…",
    "The letter could not be shown.": "공문을 표시할 수 없습니다.",
    "Preview of letter {number}. It goes into the letters register when you print or save it.":
        "공문 {number} 미리 보기입니다. 인쇄하거나 저장하면 공문 발급 대장에 오릅니다.",
    "Printed from the case: {items}": "사례에서 인쇄되는 항목: {items}",
    "Left out, no consent: {items}": "동의가 없어 뺀 항목: {items}",
    "Left out, no sensitive-information consent: {items}": "민감정보 동의가 없어 뺀 항목: {items}",
    "Consented but not answered in the intake: {items}": "동의했지만 초기상담지에 답이 없는 항목: {items}",
    "Check the text you wrote in the preview: it is printed as written.":
        "직접 적은 내용은 적은 그대로 인쇄되니 미리 보기에서 확인하세요.",
    "Referral letter {number}.pdf": "연계의뢰서 {number}.pdf",
    "Sent %n page(s) to the printer.": "프린터로 %n쪽을 보냈습니다.",
    "Saved as {path}.": "{path}(으)로 저장했습니다.",
    "Putting the letter into the register…": "공문을 발급 대장에 올리는 중…",
    "Issued as {number} ({date}). It is in the letters register and the referral is marked as sent.":
        "{number}({date})(으)로 발급했습니다. 공문 발급 대장에 올렸고 의뢰 상태를 ‘발송’으로 바꿨습니다.",
    "The previewed number had been taken by another letter meanwhile.":
        "미리 볼 때의 번호는 그사이 다른 공문이 사용했습니다.",
    "◀ Previous page": "◀ 이전 쪽",
    "Next page ▶": "다음 쪽 ▶",
    "Zoom out": "축소",
    "Zoom in": "확대",
    "Fit width": "너비 맞춤",
    "Page {page} of {count}": "{count}쪽 중 {page}쪽",
    "The document could not be shown.": "문서를 표시할 수 없습니다.",
    "Document": "문서",
    "Print": "인쇄",
    "Save as PDF": "PDF로 저장",
    "PDF files (*.pdf)": "PDF 파일 (*.pdf)",
    "The printer could not be started. Check that it is switched on and try again.":
        "프린터를 시작할 수 없습니다. 프린터가 켜져 있는지 확인하고 다시 시도하세요.",
    # ReferralsTab, StatusDialog
    "Letter number": "공문 번호",
    "Partner": "기관",
    ("ReferralsTab", "Sent"): "발송일",
    "Reply by": "회신 기한",
    "Status": "상태",
    "Reply received": "회신일",
    "Note": "메모",
    "No referrals yet. “New letter” writes the first one.": "아직 의뢰가 없습니다. ‘새 공문’으로 첫 의뢰서를 쓰세요.",
    "New letter…": "새 공문…",
    "Update status…": "상태 변경…",
    "Reprint letter…": "공문 재출력…",
    "{date} (%n day(s) overdue)": "{date} (%n일 지남)",
    "Highlighted: %n referral(s) still waiting for a reply after the reply-by date.":
        "강조 표시: 회신 기한이 지났는데 아직 회신이 없는 의뢰 %n건",
    "Preparing the copy…": "사본을 만드는 중…",
    "Letter {number} (copy)": "공문 {number} (사본)",
    "Update the referral status": "의뢰 상태 변경",
    "{partner}, letter {number}: now {status}": "{partner}, 공문 {number}: 현재 ‘{status}’",
    "New status:": "새 상태:",
    "Reply received on:": "회신일:",
    "Note:": "메모:",
    "Save status": "상태 저장",
    "This referral is finished: its status cannot change any more.": "끝난 의뢰입니다. 상태를 더 바꿀 수 없습니다.",
}


class DraftTranslator(QTranslator):
    """Answers from a dict of proposed translations; a null string (not translated, so Qt shows the
    source text) for anything else — an empty str would blank the text."""

    def __init__(self, drafts: dict) -> None:
        super().__init__()
        self.drafts = drafts

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002
        return self.drafts.get((context, source_text)) or self.drafts.get(source_text)


@contextmanager
def screen_language(qapp, language: str, drafts: dict):
    """The UI in `language`; for Korean, the catalogue first, then the proposed wording."""
    from intake_desktop.ui.i18n import install_translator

    draft = DraftTranslator(drafts)
    if language == "ko":
        qapp.installTranslator(draft)  # installed first = asked last: the catalogue wins
    install_translator(qapp, language)
    try:
        yield
    finally:
        qapp.removeTranslator(draft)


# -- screenshots --------------------------------------------------------------------------------
def screenshot_dir(tmp_path: Path) -> Path:
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path




# -- Korean wording proposed for the translation pass -------------------------------------------
# The lead's catalogue (resources/i18n) is the source of truth. Until it has these strings, the
# Korean screenshots use this proposed wording, so the layout is checked with real Korean text;
# a string the catalogue translates is shown as the catalogue says. Keys: source text, or
# (context, source) where one English word needs two Korean ones.
KOREAN_DRAFTS_LETTERS = {
    # LetterLabels
    "Collection and use (art. 15)": "수집·이용 (제15조)",
    "Sensitive information (art. 23)": "민감정보 (제23조)",
    "Provision to a partner (art. 17(2))": "제3자 제공 (제17조 제2항)",
    "Given": "동의함",
    "Withdrawn": "철회함",
    "Supervisor override": "예외 승인",
    "None": "없음",
    "Draft": "작성",
    "Sent": "발송",
    "Receipt confirmed": "접수 확인",
    "In service": "서비스 중",
    "Completed": "완료",
    "Declined": "거절",
    "Reason for referral:": "의뢰 사유:",
    "Service requested:": "요청 서비스:",
    "Before the first contact:": "첫 연락 시 유의사항:",
    "Warning signs:": "위험 신호:",
    "Other notes:": "기타:",
    "Last contact:": "마지막 연락:",
    "Reply requested by:": "회신 요청 기한:",
    # ConsentTab
    "Consent": "동의",
    "State": "상태",
    "Date given": "동의일",
    "How": "방법",
    "Items and details": "항목·내용",
    "Selected consent": "선택한 동의",
    "Collection consent…": "수집·이용 동의…",
    "Sensitive-information consent…": "민감정보 동의…",
    "Consent for a partner…": "기관별 제공 동의…",
    "Withdraw…": "철회…",
    "Supervisor override…": "예외 승인…",
    "Print consent form…": "동의서 인쇄…",
    "Provision to {partner}": "제3자 제공: {partner}",
    "Withdrawn on {date}": "{date} 철회",
    "Verbal (witness: {name})": "구두 (입회인: {name})",
    "guardian: {name} ({relationship})": "법정대리인: {name} ({relationship})",
    "Reason: {reason}. Items: {items}": "사유: {reason}. 항목: {items}",
    "Given again after an earlier withdrawal": "철회 후 다시 동의함",
    "Given on {date} ({how})": "{date} 동의 ({how})",
    "Given on {date}": "{date} 동의",
    "Items: {items}": "항목: {items}",
    "Purpose: {purpose}": "이용 목적: {purpose}",
    "Retention at the recipient: {retention}": "제공받는 곳의 보유 기간: {retention}",
    "Withdrawn on {date}, asked for by {who}. No letter can rely on it.":
        "{date}에 {who}의 요청으로 철회했습니다. 이 동의로는 공문을 보낼 수 없습니다.",
    "On {date} a supervisor allowed one letter without consent. Reason: {reason}":
        "{date}에 슈퍼바이저가 동의 없이 공문 한 건을 예외 승인했습니다. 사유: {reason}",
    "No consent: no letter can be sent to this institution.": "동의 없음: 이 기관에는 공문을 보낼 수 없습니다.",
    "Earlier withdrawals of this consent: %n": "이 동의의 이전 철회: %n건",
    "Letters sent on a supervisor override: {numbers}": "예외 승인으로 보낸 공문: {numbers}",
    "Select a row to see its details.": "줄을 고르면 자세한 내용이 보입니다.",
    "Preparing the consent form…": "동의서를 만드는 중…",
    "Consent form": "동의서",
    "consent-form.pdf": "동의서.pdf",
    # HowGivenFields, consent dialogs
    "Signed form": "서명 동의서",
    "Verbal, with a witness": "구두 동의 (입회인 있음)",
    "Name of the witness": "입회인 이름",
    "e.g. mother, father, guardian": "예: 어머니, 아버지, 후견인",
    "Date given:": "동의일:",
    "How:": "방법:",
    "Witness:": "입회인:",
    "Legal guardian:": "법정대리인:",
    "Relationship:": "관계:",
    "The young person is under 14 on this date: a legal guardian must consent. Give the guardian's name and "
    "relationship.": "이 날짜에 만 14세 미만입니다. 법정대리인이 동의해야 하니 법정대리인의 이름과 관계를 적어 주세요.",
    "The birth date is not recorded. If the young person is under 14, a legal guardian must consent.":
        "생년월일이 기록되어 있지 않습니다. 만 14세 미만이면 법정대리인이 동의해야 합니다.",
    "Consent to sensitive information": "민감정보 처리 동의",
    "Sensitive information such as health (art. 23) needs its own consent, separate from the consent to "
    "collection and use. Without it, no health item is ever printed in a letter.":
        "건강 등 민감정보(제23조)는 수집·이용 동의와 따로 동의를 받아야 합니다. 이 동의가 없으면 건강 관련 항목은 "
        "공문에 절대 인쇄되지 않습니다.",
    "Consent to collection and use": "개인정보 수집·이용 동의",
    "The young person agrees that the centre collects and uses their personal information for counselling and "
    "case management (art. 15). Letters need this consent.":
        "청년이 상담과 사례관리를 위해 센터가 개인정보를 수집·이용하는 데 동의합니다(제15조). 공문을 보내려면 이 "
        "동의가 있어야 합니다.",
    "Record consent": "동의 기록",
    "Withdraw a consent": "동의 철회",
    "Consent to withdraw: {what}": "철회할 동의: {what}",
    "From the withdrawal on, no letter can rely on this consent. Letters already sent stay in the register.":
        "철회한 때부터 이 동의로는 공문을 보낼 수 없습니다. 이미 보낸 공문은 대장에 그대로 남습니다.",
    "Withdrawing the consent to collection and use means the case must be destroyed: tell your administrator "
    "(Administration → Retention).": "수집·이용 동의를 철회하면 사례를 파기해야 합니다. 관리자에게 알리세요 (관리 → 보존·파기).",
    "The young person": "본인",
    "Legal guardian": "법정대리인",
    "Withdrawn on:": "철회일:",
    "Asked for by:": "요청한 사람:",
    "Withdraw consent": "동의 철회",
    "Say who asked for the withdrawal.": "누가 철회를 요청했는지 적어 주세요.",
    "Only for one letter, when the law allows providing information without consent (for example to protect "
    "someone's life). The reason is kept in the case and the access log.":
        "법이 동의 없는 제공을 허용하는 경우(예: 생명 보호)에만 공문 한 건에 한해 씁니다. 사유는 사례와 접근 기록에 "
        "남습니다.",
    "Recipient:": "받는 기관:",
    "Reason:": "사유:",
    "Items the letter may carry": "공문에 넣을 수 있는 항목",
    "Allow one letter": "공문 한 건 승인",
    "Consent to provide information to a partner": "개인정보 제3자 제공 동의",
    "One consent per institution. Tick only the items the young person agreed to give this institution; a "
    "letter to it will carry those items and nothing else.":
        "기관마다 따로 동의를 받습니다. 청년이 이 기관에 주기로 동의한 항목만 고르세요. 이 기관에 보내는 공문에는 "
        "그 항목만 들어갑니다.",
    "Items provided (only those this kind of institution may receive)": "제공 항목 (이 종류의 기관이 받을 수 있는 항목만)",
    "Purpose at the recipient:": "제공받는 곳의 이용 목적:",
    "Retention at the recipient:": "제공받는 곳의 보유 기간:",
    "If refused:": "거부할 경우:",
    "The letter template for this institution could not be read; write the purpose and retention yourself.":
        "이 기관의 공문 서식을 읽을 수 없습니다. 이용 목적과 보유 기간을 직접 적어 주세요.",
    "The intake form lets nothing go to this kind of partner.":
        "초기상담지 양식상 이 종류의 기관에 제공할 수 있는 항목이 없습니다.",
    "Select all": "모두 선택",
    "Select none": "모두 해제",
    "[sensitive]": "[민감정보]",
    # LetterDialog, preview, printing
    "Referral letter": "연계 의뢰서",
    "Choose an institution…": "기관을 고르세요…",
    "Required: why you refer the young person to this institution": "필수: 이 기관에 의뢰하는 이유",
    "Known": "알고 있음",
    "Partner institution:": "협력 기관:",
    "Preview": "미리 보기",
    "Write the reason, then press Preview: the letter appears here exactly as it will be printed.":
        "의뢰 사유를 적고 ‘미리 보기’를 누르면 인쇄될 모습 그대로 공문이 여기에 나타납니다.",
    "Print…": "인쇄…",
    "Save as PDF…": "PDF로 저장…",
    "Record the consent on the Consent tab first.": "먼저 동의 탭에서 동의를 기록하세요.",
    "No consent, but a supervisor allowed one letter: {reason}. Items: {items}":
        "동의는 없지만 슈퍼바이저가 공문 한 건을 예외 승인했습니다: {reason}. 항목: {items}",
    "Consent given for: {items}": "동의한 항목: {items}",
    "No sensitive-information consent: no health item will be printed.":
        "민감정보 동의 없음: 건강 관련 항목은 인쇄되지 않습니다.",
    "Changed since the preview: preview again before printing or saving.":
        "미리 본 뒤에 내용이 바뀌었습니다. 인쇄하거나 저장하기 전에 다시 미리 보세요.",
    "Write the reason for the referral.": "의뢰 사유를 적어 주세요.",
    "Preparing the letter…": "공문을 만드는 중…",
    "The letter could not be shown.": "공문을 표시할 수 없습니다.",
    "Preview of letter {number}. It goes into the letters register when you print or save it.":
        "공문 {number} 미리 보기입니다. 인쇄하거나 저장하면 공문 발급 대장에 오릅니다.",
    "Printed from the case: {items}": "사례에서 인쇄되는 항목: {items}",
    "Left out, no consent: {items}": "동의가 없어 뺀 항목: {items}",
    "Left out, no sensitive-information consent: {items}": "민감정보 동의가 없어 뺀 항목: {items}",
    "Consented but not answered in the intake: {items}": "동의했지만 초기상담지에 답이 없는 항목: {items}",
    "Check the text you wrote in the preview: it is printed as written.":
        "직접 적은 내용은 적은 그대로 인쇄되니 미리 보기에서 확인하세요.",
    "Referral letter {number}.pdf": "연계의뢰서 {number}.pdf",
    "Sent %n page(s) to the printer.": "프린터로 %n쪽을 보냈습니다.",
    "Saved as {path}.": "{path}(으)로 저장했습니다.",
    "Putting the letter into the register…": "공문을 발급 대장에 올리는 중…",
    "Issued as {number} ({date}). It is in the letters register and the referral is marked as sent.":
        "{number}({date})(으)로 발급했습니다. 공문 발급 대장에 올렸고 의뢰 상태를 ‘발송’으로 바꿨습니다.",
    "The previewed number had been taken by another letter meanwhile.":
        "미리 볼 때의 번호는 그사이 다른 공문이 사용했습니다.",
    "◀ Previous page": "◀ 이전 쪽",
    "Next page ▶": "다음 쪽 ▶",
    "Zoom out": "축소",
    "Zoom in": "확대",
    "Fit width": "너비 맞춤",
    "Page {page} of {count}": "{count}쪽 중 {page}쪽",
    "The document could not be shown.": "문서를 표시할 수 없습니다.",
    "Document": "문서",
    "Print": "인쇄",
    "Save as PDF": "PDF로 저장",
    "PDF files (*.pdf)": "PDF 파일 (*.pdf)",
    "The printer could not be started. Check that it is switched on and try again.":
        "프린터를 시작할 수 없습니다. 프린터가 켜져 있는지 확인하고 다시 시도하세요.",
    # ReferralsTab, StatusDialog
    "Letter number": "공문 번호",
    "Partner": "기관",
    ("ReferralsTab", "Sent"): "발송일",
    "Reply by": "회신 기한",
    "Status": "상태",
    "Reply received": "회신일",
    "Note": "메모",
    "No referrals yet. “New letter” writes the first one.": "아직 의뢰가 없습니다. ‘새 공문’으로 첫 의뢰서를 쓰세요.",
    "New letter…": "새 공문…",
    "Update status…": "상태 변경…",
    "Reprint letter…": "공문 재출력…",
    "{date} (%n day(s) overdue)": "{date} (%n일 지남)",
    "Highlighted: %n referral(s) still waiting for a reply after the reply-by date.":
        "강조 표시: 회신 기한이 지났는데 아직 회신이 없는 의뢰 %n건",
    "Preparing the copy…": "사본을 만드는 중…",
    "Letter {number} (copy)": "공문 {number} (사본)",
    "Update the referral status": "의뢰 상태 변경",
    "{partner}, letter {number}: now {status}": "{partner}, 공문 {number}: 현재 ‘{status}’",
    "New status:": "새 상태:",
    "Reply received on:": "회신일:",
    "Note:": "메모:",
    "Save status": "상태 저장",
    "This referral is finished: its status cannot change any more.": "끝난 의뢰입니다. 상태를 더 바꿀 수 없습니다.",
}


class DraftTranslator(QTranslator):
    """Answers from a dict of proposed translations; a null string (not translated, so Qt shows the
    source text) for anything else — an empty str would blank the text."""

    def __init__(self, drafts: dict) -> None:
        super().__init__()
        self.drafts = drafts

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002
        return self.drafts.get((context, source_text)) or self.drafts.get(source_text)


@contextmanager
def screen_language(qapp, language: str, drafts: dict):
    """The UI in `language`; for Korean, the catalogue first, then the proposed wording."""
    from intake_desktop.ui.i18n import install_translator

    draft = DraftTranslator(drafts)
    if language == "ko":
        qapp.installTranslator(draft)  # installed first = asked last: the catalogue wins
    install_translator(qapp, language)
    try:
        yield
    finally:
        qapp.removeTranslator(draft)


# -- screenshots --------------------------------------------------------------------------------
def screenshot_dir(tmp_path: Path) -> Path:
    """docs/screenshots with UPDATE_SCREENSHOTS=1, else a temporary folder."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path


def tofu_finder():
    """tools/screenshots.py's check: visible Hangul the widget's font cannot draw."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("screenshots_tool", ROOT / "tools" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.tofu_texts


class Shots:
    def __init__(self, qtbot, folder: Path, language: str) -> None:
        self.qtbot, self.folder, self.language = qtbot, folder, language
        self.tofu_texts = tofu_finder()
        self.paths: list[Path] = []
        self.tofu: list[str] = []

    def grab(self, widget, name: str, wait: int = 50) -> Path:
        widget.show()
        self.qtbot.wait(wait)
        QApplication.processEvents()
        path = self.folder / f"{self.language}-{name}.png"
        assert widget.grab().save(str(path)), path
        self.paths.append(path)
        self.tofu += [f"{name}: {text}" for text in self.tofu_texts(widget)]
        return path


def screenshot_case(session, today: date) -> str:
    """A case with every kind of consent state and two referrals (one overdue)."""
    from intake_desktop.letters import ReferralDetails

    case_id = make_case(session)
    sent = today - timedelta(days=20)
    session.consent.record_collection(case_id, HowGiven(sent - timedelta(days=5)))
    session.consent.record_sensitive(case_id, HowGiven(sent - timedelta(days=5), "verbal_witness", "이팀장"))
    session.consent.record_provision(case_id, "welfare", ["name", "mobile", "needs", "preferred_contact"],
                                     "복지관 프로그램 참여 연계", "연계 종료 후 1년", HowGiven(sent - timedelta(days=5)))
    labour = session.consent.record_provision(case_id, "labour", ["name", "birth_date"], "취업 상담 연계",
                                              "연계 종료 후 1년", HowGiven(sent - timedelta(days=5)))
    session.consent.withdraw(case_id, labour.id, sent, "본인")
    session.consent.override(case_id, "police", "연락 두절 3주째, 안전 확인이 급함", ["name", "address"])
    for partner, reply_by in (("welfare", sent + timedelta(days=14)), ("internal", today + timedelta(days=7))):
        if partner == "internal":
            session.consent.record_provision(case_id, partner, ["name"], "내부 연계", "상담 종료 시",
                                             HowGiven(sent))
        prepared = session.letters.prepare(case_id, partner, ReferralDetails(reason=REASON, reply_by=reply_by),
                                           issue_date=sent)
        issued = session.letters.issue(prepared)
    session.referrals.set_status(issued.referral_id, "received", "담당 사회복지사 배정", today - timedelta(days=2),
                                 today=today)
    return case_id


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshots(qtbot, qapp, signed_in, tmp_path, language):
    with screen_language(qapp, language, KOREAN_DRAFTS_LETTERS):
        take_letter_screenshots(qtbot, signed_in, tmp_path, language)


def take_letter_screenshots(qtbot, signed_in, tmp_path, language):
    shots = Shots(qtbot, screenshot_dir(tmp_path), language)
    today = date.today()  # the services date what they record (an override) by the clock
    case_id = screenshot_case(signed_in, today)

    consent = ConsentTab(signed_in, case_id, today=lambda: today)
    qtbot.addWidget(consent)
    consent.resize(1180, 560)
    consent.select("provision", signed_in.partners.get("labour").id)
    shots.grab(consent, "consent-tab")

    consent.select("provision", signed_in.partners.get("jobcentre").id)
    provision = consent.record_provision()
    provision.items.check(["name", "mobile", "wished_work"])
    shots.grab(provision, "consent-provision")
    provision.done(0)

    basic = consent.record_basic("collection")
    basic.how.verbal.setChecked(True)
    basic.how.witness.setText("이팀장")
    shots.grab(basic, "consent-collection")
    basic.done(0)

    referrals = ReferralsTab(signed_in, case_id, today=lambda: today)
    qtbot.addWidget(referrals)
    referrals.resize(1180, 420)
    referrals.table.selectRow(0)  # the overdue row stays unselected: its highlight shows
    shots.grab(referrals, "letter-referrals")
    referrals.table.selectRow(1)
    status = referrals.update_status()
    status.note.setPlainText("첫 연락 완료, 다음 주 첫 모임 참여 예정")
    shots.grab(status, "letter-status")
    status.done(0)

    letter = referrals.new_letter(partner_id=signed_in.partners.get("welfare").id)
    letter.reason.setPlainText(REASON + " 외출은 주 1회 정도 가능하며 또래와의 소모임을 원합니다.")
    letter.preview_letter()
    settle(qtbot)
    shots.grab(letter, "letter-preview", wait=800)
    letter.done(0)

    refused = referrals.new_letter(partner_id=signed_in.partners.get("labour").id)
    shots.grab(refused, "letter-refused")
    refused.done(0)

    assert all(QImage(str(p)).width() > 300 for p in shots.paths)
    assert shots.tofu == [], "Korean text the font cannot draw (tofu)"
