"""Consent and referral letters through the GUI: what the young person consented to give a
partner is exactly what the previewed, saved and printed letter carries.

Screenshots: written to a temporary folder; with UPDATE_SCREENSHOTS=1 to docs/screenshots/
(`<language>-consent-*.png`, `<language>-letter-*.png`).
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPoint, QThreadPool
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from intake_desktop.domain import dates
from intake_desktop.domain.enums import Role
from intake_desktop.printing import PrintError
from intake_desktop.printing.model import MSG_PRINT_REFUSED
from intake_desktop.services.consent import HowGiven
from intake_desktop.ui.letters import ConsentTab, LetterDialog, ReferralsTab, printing
from intake_desktop.ui.letters.consent_dialogs import BasicConsentDialog, WithdrawDialog
from intake_desktop.ui.letters.consent_view import consent_rows
from intake_desktop.ui.letters.print_dialog import TO_FILE, PrintDialog
from intake_desktop.ui.letters.provision_dialog import ProvisionConsentDialog
from intake_desktop.ui.letters.status_dialog import StatusDialog

from printkit import FakePrintSystem

from .conftest import CENTRE, PASSPHRASE
from .letter_helpers import (  # noqa: F401 - case_id and temp_listing are fixtures
    CONSTRAINT_MARKER, REASON, TODAY, case_id, letter_ready, make_case, nospace, pdf_text, settle, temp_listing,
)
from .screenshots import Shots, screen_language, screenshot_dir

ROOT = Path(__file__).resolve().parents[2]


# -- helpers ------------------------------------------------------------------------------------
def row_of(tab, kind, partner_key=None):
    return next(r for r in tab.rows if r.kind == kind and (partner_key is None or r.partner_key == partner_key))


@pytest.fixture
def print_system(monkeypatch):
    """CUPS replaced by a recorder; the print dialog "accepts" with its defaults."""
    system = FakePrintSystem()
    monkeypatch.setattr(printing, "system_printing", lambda: system)
    monkeypatch.setattr(PrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    return system


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
    partners = signed_in.partners.letter_recipients()
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


def test_the_consent_tab_leads_through_the_consents_in_order(qtbot, signed_in, case_id):
    """Issue 15, item 1: collection first (the other buttons wait for it), then the sensitive-
    information consent, then one per partner; the guide says what each missing one blocks."""
    tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show()
    assert "1" in tab.steps.text() and tab.steps.isVisible()
    assert not tab.provision_button.isEnabled() and not tab.sensitive_button.isEnabled()
    assert tab.provision_button.toolTip()
    tab.record_basic("collection").save()
    assert tab.provision_button.isEnabled() and tab.sensitive_button.isEnabled()
    assert "1" not in tab.steps.text().split(":")[0]  # step 1 is done
    lines = tab.steps.text().splitlines()
    assert len(lines) == 2


def test_recording_a_consent_does_not_move_the_buttons_under_the_pointer(qtbot, signed_in, case_id):
    """Found trying the app: the step guide lost a line with each consent recorded, the buttons
    under it moved up, and the counsellor's next click missed."""
    tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)

    def button_y() -> int:
        QApplication.processEvents()
        return tab.sensitive_button.mapTo(tab, QPoint(0, 0)).y()

    before = button_y()
    tab.record_basic("collection").save()
    assert len(tab.steps.text().splitlines()) == 2  # the guide did get shorter
    assert button_y() == before
    tab.record_basic("sensitive").save()
    assert button_y() == before


def test_the_consent_tab_does_not_offer_the_centre_itself(qtbot, signed_in, case_id):
    """Issue 15, item 12: the centre is no third party; the same rule as the letter screen."""
    tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    names = [tab.table.item(i, 0).text() for i in range(tab.table.rowCount())]
    assert not any(CENTRE in name for name in names), names
    assert any("동작이수사회복지관" in name for name in names), names
    offered = {row.partner_key for row in tab.rows if row.kind == "provision"}
    assert offered == {p.key for p in signed_in.partners.letter_recipients()}
    assert {p.key for p in tab.partners} == offered  # the consent and override dialogs offer these
    # A consent recorded for the centre before this rule keeps its row: history is not hidden.
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "internal", ["name"], "내부 연계", "상담 종료 시", HowGiven(TODAY))
    tab.refresh()
    assert row_of(tab, "provision", "internal").state == "given"


def test_the_letter_screen_lists_partners_with_their_consent_and_not_the_centre(qtbot, signed_in, case_id):
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY))
    dialog = LetterDialog(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    texts = [dialog.partner.itemText(i) for i in range(1, dialog.partner.count())]
    assert any("동작이수사회복지관" in t and "동의함" in t for t in texts), texts
    assert any("동작경찰서" in t and "없음" in t for t in texts), texts
    assert not any(CENTRE in t for t in texts), "the centre itself cannot receive a referral letter"


def test_verbal_consent_needs_a_witness_and_shows_the_service_message(qtbot, signed_in, case_id):
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
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


def test_consent_form_prints_its_pdf_and_print_to_file_saves_the_same(qtbot, signed_in, case_id, tmp_path,
                                                                      monkeypatch, print_system):
    tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.print_consent_form()
    settle(qtbot)
    dialog = tab.dialog
    dialog.print_pdf()
    [(sent, job)] = print_system.sent
    assert sent == dialog.preview.pdf and job.printer == "Office"
    assert str(dialog.preview.page_count()) in dialog.done_label.text()

    target = tmp_path / "form.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(PrintDialog, "exec", lambda self: (
        self.printer_box.setCurrentIndex(self.printer_box.findData(TO_FILE)), QDialog.DialogCode.Accepted)[1])
    dialog.print_pdf()
    assert target.read_bytes() == dialog.preview.pdf and len(print_system.sent) == 1


# -- the letter ---------------------------------------------------------------------------------
def test_consent_flow_preview_save_print_and_withdrawal(qtbot, signed_in, case_id, tmp_path, monkeypatch,
                                                         temp_listing, print_system):
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
    dialog.print_letter()
    settle(qtbot)
    [(printed, job)] = print_system.sent
    assert printed == dialog.issued.pdf and job.printer == "Office" and job.paper == "A4" and job.copies == 1
    assert len(signed_in.letters.register(case_id)) == 1

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


def test_print_path_issues_and_sends_the_registered_pdf(qtbot, signed_in, case_id, temp_listing, print_system):
    dialog = letter_ready(qtbot, signed_in, case_id)
    dialog.print_letter()
    settle(qtbot)
    assert dialog.issued is not None, dialog.error.text()
    [(data, job)] = print_system.sent
    assert data == dialog.issued.pdf and "남궁하늘" not in job.title
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == dialog.preview.page_count()
    assert [e.number for e in signed_in.letters.register(case_id)] == [dialog.issued.number]
    assert signed_in.referrals.for_case(case_id)[0].status == "sent"
    # the particle follows the number as it is read ("…-1로", not "…(으)로"; issue 15, item 11)
    status = dialog.status_label.text()
    assert "(으)로" not in status and f"{dialog.issued.number}(" in status and ")로 발급" in status, status
    # Editing after issuing is impossible; printing again does not issue again.
    dialog.print_letter()
    settle(qtbot)
    assert len(print_system.sent) == 2 and print_system.sent[1][0] == dialog.issued.pdf
    assert len(signed_in.letters.register(case_id)) == 1
    QThreadPool.globalInstance().waitForDone(5_000)
    assert set(os.listdir(tempfile.gettempdir())) - temp_listing == set()


def test_print_to_file_saves_the_same_pdf_as_save(qtbot, signed_in, case_id, tmp_path, monkeypatch, print_system):
    dialog = letter_ready(qtbot, signed_in, case_id)
    target = tmp_path / "to-file.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))

    def choose_file(self):
        self.printer_box.setCurrentIndex(self.printer_box.findData(TO_FILE))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PrintDialog, "exec", choose_file)
    dialog.print_letter()
    settle(qtbot)
    assert dialog.issued is not None, dialog.error.text()
    assert target.read_bytes() == dialog.issued.pdf  # vector, searchable: the PDF itself
    assert print_system.sent == []


def test_a_print_system_failure_is_shown_and_the_letter_stays_issued(qtbot, signed_in, case_id, print_system):
    dialog = letter_ready(qtbot, signed_in, case_id)

    def refuse(pdf, job):
        raise PrintError(MSG_PRINT_REFUSED, detail="lp: The printer or class does not exist.")

    print_system.print_pdf = refuse
    dialog.print_letter()
    settle(qtbot)
    assert dialog.issued is not None
    assert "does not exist" in dialog.error.text()
    assert len(signed_in.letters.register(case_id)) == 1


def test_a_cancelled_print_issues_nothing_and_edits_need_a_new_preview(qtbot, signed_in, case_id, monkeypatch):
    dialog = letter_ready(qtbot, signed_in, case_id)
    monkeypatch.setattr(printing, "ask_print", lambda *a, **k: None)
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
    with screen_language(qapp, language):
        take_letter_screenshots(qtbot, signed_in, tmp_path, language)


def take_letter_screenshots(qtbot, signed_in, tmp_path, language):
    shots = Shots(qtbot, screenshot_dir(tmp_path), language)
    today = dates.today()  # the services date what they record (an override) by the clock
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


@pytest.mark.skipif(os.name == "nt", reason="mode bits: Windows files inherit the folder's ACL (fileio.py)")
def test_a_saved_letter_is_owner_only_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "의뢰서.pdf"
    target.write_bytes(b"old")
    printing.write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["의뢰서.pdf"]


def test_a_preview_overtaken_by_a_change_of_partner_is_dropped_and_the_dialog_is_usable(qtbot, signed_in, case_id):
    """The preview on its way belongs to the partner chosen before: it is not shown, and the
    busy bar stops once it is over (background.Latest drops it)."""
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY))
    dialog = LetterDialog(signed_in, case_id, partner_id=signed_in.partners.get("welfare").id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText(REASON)
    dialog.preview_letter()
    assert dialog.busy.running
    dialog.partner.setCurrentIndex((dialog.partner.currentIndex() + 1) % dialog.partner.count())
    settle(qtbot)
    assert dialog.prepared is None and dialog.preview.pdf == b""
    assert not dialog.busy.running
