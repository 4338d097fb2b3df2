"""The paper trail in the case file: recording a returned reply slip from the referrals tab,
the 변경 이력 tab, and a correction saved with its reason and printed as a notice.

Screenshots (Korean and English): a temporary folder, or docs/screenshots/ with
UPDATE_SCREENSHOTS=1 (`<language>-reply-dialog.png`, `<language>-change-history.png`).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialog

from intake_desktop.domain import dates
from intake_desktop.services.consent import HowGiven
from intake_desktop.ui.case_file.history_tab import HistoryTab
from intake_desktop.ui.case_file.widget import CaseFileWidget
from intake_desktop.ui.letters import ReferralsTab

from .screenshots import Shots, screen_language, screenshot_dir
from .letter_helpers import REASON, TODAY, issue_letter, make_case, pdf_text, settle


issue = issue_letter


def test_recording_a_reply_slip_from_the_referrals_tab(qtbot, signed_in):
    case_id = make_case(signed_in)
    issued = issue(signed_in, case_id)
    tab = ReferralsTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    assert not tab.reply_button.isEnabled()  # nothing selected
    tab.table.selectRow(0)
    assert tab.reply_button.isEnabled() and tab.slip_button.isEnabled()
    dialog = tab.record_reply()
    assert not dialog.ok_button.isEnabled()  # a result must be ticked first
    dialog.choose("joined")
    dialog.received.setDate(TODAY - timedelta(days=25))
    dialog.service.setText("또래 모임")
    dialog.staff.setText("박복지")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    info = signed_in.referrals.get(issued.referral_id)
    assert info.status == "in_service" and info.reply_date == TODAY - timedelta(days=25)
    assert info.reply_slip.staff == "박복지"
    assert tab.table.item(0, 5).text().endswith(")")  # the reply date says what the slip said
    tab.table.selectRow(0)
    tab.slip_selected()
    settle(qtbot)
    assert issued.number in pdf_text(tab.dialog.preview.pdf)
    assert "남궁하늘" not in pdf_text(tab.dialog.preview.pdf)


def test_a_correction_asks_for_the_reason_and_shows_in_the_history(qtbot, signed_in):
    case_id = make_case(signed_in)
    widget = CaseFileWidget(signed_in, case_id)
    qtbot.addWidget(widget)
    overview = widget.overview
    assert overview.ask_correction() is None  # nothing changed yet
    person = overview.person_form.person()
    overview.person_form.set_raw({**overview.person_form.raw(), "mobile": "010-7777-8888"})
    dialog = overview.ask_correction()
    assert not dialog.ok_button.isEnabled()  # the reason is required
    dialog.reason.setPlainText("본인 요청: 번호 변경")
    dialog.ok_button.click()
    assert signed_in.cases.get(case_id).person["mobile"] == "01077778888"
    widget.show_tab("history")
    history = widget.history
    assert isinstance(history, HistoryTab)
    texts = [[history.table.item(r, c).text() for c in range(6)] for r in range(history.table.rowCount())]
    row = next(t for t in texts if t[3] == "010-6234-5678" or "6234" in t[3])
    assert "7777" in row[4] and row[5] == "본인 요청: 번호 변경"
    assert person["mobile"] != "01077778888"
    history.table.selectRow(texts.index(row))
    assert history.notice_button.isEnabled()
    notice = history.show_notice()
    assert "본인요청:번호변경" in pdf_text(notice.preview.pdf)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_paper_trail_screenshots(qtbot, qapp, signed_in, tmp_path, language):
    with screen_language(qapp, language):
        shots = Shots(qtbot, screenshot_dir(tmp_path), language)
        case_id = make_case(signed_in)
        issue(signed_in, case_id)
        detail = signed_in.cases.get(case_id)
        with signed_in.history.correction("본인 요청: 휴대전화 번호 변경"):
            signed_in.cases.update_person(case_id, {**detail.person, "mobile": "01077778888"},
                                          detail.person_version)
        signed_in.casework.save_plan(case_id, [{"goal": "주 1회 외출", "services": "또래 모임"}])
        tab = ReferralsTab(signed_in, case_id, today=lambda: dates.today())
        qtbot.addWidget(tab)
        tab.table.selectRow(0)
        dialog = tab.record_reply()
        dialog.choose("unreachable")
        shots.grab(dialog, "reply-dialog")
        dialog.reject()
        history = HistoryTab(signed_in, case_id)
        qtbot.addWidget(history)
        history.resize(1100, 420)
        history.refresh()
        shots.grab(history, "change-history")
        assert shots.tofu == []


def test_the_letter_dialog_adds_the_reply_slip_unless_unticked(qtbot, signed_in):
    from intake_desktop.ui.letters import LetterDialog

    case_id = make_case(signed_in)
    signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY))
    dialog = LetterDialog(signed_in, case_id, partner_id=signed_in.partners.get("welfare").id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText(REASON)
    dialog.preview_letter()
    settle(qtbot)
    assert dialog.reply_slip.isChecked()
    with_slip = pdf_text(dialog.preview.pdf)
    assert "회신서" in with_slip and "ㄴㄱㅎㄴ" in with_slip
    dialog.reply_slip.setChecked(False)
    assert dialog.prepared is None  # changed since the preview
    dialog.preview_letter()
    settle(qtbot)
    assert "회신서" not in pdf_text(dialog.preview.pdf)
