"""The crisis protocol: a red banner the moment an alert holds, the dialog on saving, which
cannot be dismissed until the action taken is written down and is then recorded in the case."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from intake_desktop.ui.crisis_dialog import CrisisDialog, crisis_resource


def new_case(session) -> str:
    return session.cases.create({"name": "박지훈", "birth_date": "1996-11-30"})


def make_form(qtbot, session, case_id):
    from intake_desktop.ui.intake_form import IntakeFormWidget

    form = IntakeFormWidget(session, case_id)
    qtbot.addWidget(form)
    form.resize(1100, 800)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    QApplication.processEvents()
    return form


def type_action(dialog: CrisisDialog, text: str) -> None:
    dialog.action.setFocus()
    dialog.action.insertPlainText(text)  # Hangul: the input method's stand-in, as in conftest


def answer_item9(form, value: int) -> None:
    """The number key on PHQ-9 item 9, as a counsellor keys it in."""
    button = form.slot("phq9_9").editor.focus_widget()
    button.setFocus()
    QTest.keyClick(button, Qt.Key(int(Qt.Key.Key_0) + value))


def test_item9_raises_the_banner_at_once_and_the_dialog_on_saving(qtbot, signed_in):
    case_id = new_case(signed_in)
    form = make_form(qtbot, signed_in, case_id)
    assert not form.crisis_banner.isVisibleTo(form)
    answer_item9(form, 1)
    banner = form.crisis_banner
    assert banner.isVisibleTo(form) and banner.urgent.isVisibleTo(form)
    assert "PHQ-9 9번" in banner.reasons.text()
    assert all(n in banner.numbers.text() for n in ("109", "112", "119", "1577-0199", "1388"))
    assert form.crisis_dialog is None  # filling in goes on: the dialog comes with the save
    answer_item9(form, 0)
    assert not banner.isVisibleTo(form)
    answer_item9(form, 2)

    assert form.save(False) is True  # stored unfinished: the alert is now in the case
    dialog = form.crisis_dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    case = signed_in.cases.get(case_id).case
    assert case["crisis"] is True and case["crisis_events"][-1]["action"] is None


def test_the_dialog_cannot_be_dismissed_until_the_action_is_written(qtbot, signed_in):
    case_id = new_case(signed_in)
    form = make_form(qtbot, signed_in, case_id)
    answer_item9(form, 1)
    assert form.save(False)
    dialog = form.crisis_dialog
    qtbot.waitExposed(dialog)

    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.reminder.isVisibleTo(dialog)
    dialog.reject()
    assert dialog.isVisible()
    assert dialog.close() is False and dialog.isVisible()
    assert not dialog.windowFlags() & Qt.WindowType.WindowCloseButtonHint
    assert not dialog.confirm_button.isEnabled()
    dialog.action.setFocus()
    QTest.keyClicks(dialog.action, "   ")
    assert not dialog.confirm_button.isEnabled()  # blanks are not an action

    type_action(dialog, "109에 함께 전화함. 보호자(어머니)와 통화, 내일 오전 재방문 약속. 팀장 보고.")
    assert dialog.confirm_button.isEnabled()
    with qtbot.waitSignal(dialog.confirmed):
        dialog.confirm_button.click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    event = signed_in.cases.get(case_id).case["crisis_events"][-1]
    assert event["action"].startswith("109에 함께 전화함") and event["confirmed_by"] == signed_in.account_id
    assert event["alerts"] == ["phq9_item9"]


def test_protocol_steps_and_numbers_come_from_the_resource_file(qtbot, signed_in, qapp):
    from intake_desktop.formdefs import CrisisAlert, Text

    resource = crisis_resource()
    assert [n["number"] for n in resource["numbers"]] == ["109", "112", "119", "1577-0199", "1388"]
    alert = CrisisAlert("current_danger", Text(ko="지금 안전이 위험한 상황", en="Safety in danger right now"), True, ())
    dialog = CrisisDialog(signed_in, new_case(signed_in), [alert])
    qtbot.addWidget(dialog)
    assert [label.text() for label in dialog.number_labels] == ["109", "112", "119", "1577-0199", "1388"]
    big = dialog.number_labels[0].font().pointSizeF()
    assert big >= 2 * dialog.steps.font().pointSizeF() / 1.1 - 0.01  # large type
    assert dialog.steps.text().startswith("1. " + resource["steps"]["ko"][0])
    assert "지금 안전이 위험한 상황" in dialog.reasons.text()

    from intake_desktop.ui.i18n import install_translator

    install_translator(qapp, "en")  # conftest's korean_ui puts Korean back afterwards
    english = CrisisDialog(signed_in, new_case(signed_in), [alert])
    qtbot.addWidget(english)
    assert english.steps.text().startswith("1. " + resource["steps"]["en"][0])
    assert "Safety in danger right now" in english.reasons.text()
    assert english.windowTitle() == "Crisis protocol"


def test_an_unconfirmed_alert_comes_back_with_the_typing_kept(qtbot, signed_in):
    """A lock closes the dialog from code: the typing is kept encrypted, and the next time the
    form opens on that case the protocol is back, with the typing."""
    case_id = new_case(signed_in)
    form = make_form(qtbot, signed_in, case_id)
    form.slot("current_danger").editor.set_value(True)
    assert form.crisis_banner.has_protocol_alert()
    assert form.save(False)
    dialog = form.crisis_dialog
    type_action(dialog, "112 신고함")
    dialog.done(QDialog.DialogCode.Rejected)  # what the main window does when it locks
    assert not dialog.isVisible()
    assert signed_in.drafts.load(f"crisis:{case_id}") == {"action": "112 신고함"}
    form.close()

    again = make_form(qtbot, signed_in, case_id)
    qtbot.waitUntil(lambda: again.crisis_dialog is not None and again.crisis_dialog.isVisible(), timeout=5_000)
    reopened = again.crisis_dialog
    assert reopened.action.toPlainText() == "112 신고함"
    assert "지금 안전이 위험한 상황" in reopened.reasons.text()
    reopened.confirm_button.click()
    assert signed_in.cases.get(case_id).case["crisis_events"][-1]["action"] == "112 신고함"
    assert signed_in.drafts.load(f"crisis:{case_id}") is None


def test_a_notice_without_protocol_shows_amber_and_opens_no_dialog(qtbot, signed_in):
    form = make_form(qtbot, signed_in, new_case(signed_in))
    form.slot("contact_loss_risk").editor.set_value("high")
    assert form.crisis_banner.notice.isVisibleTo(form) and not form.crisis_banner.urgent.isVisibleTo(form)
    assert "연락이 끊길 위험이 높음" in form.crisis_banner.notice.text()
    assert form.save(False)
    assert form.crisis_dialog is None


def test_the_dialog_closes_under_a_lock(qtbot, signed_in):
    dialog = CrisisDialog(signed_in, new_case(signed_in), [])
    qtbot.addWidget(dialog)
    dialog.show()
    signed_in.lock()  # the listener hides it: a modal dialog must not sit on the lock screen
    assert not dialog.isVisible()


def test_the_form_dialog_closes_only_after_the_protocol_is_confirmed(qtbot, signed_in):
    from intake_desktop.ui.intake_form import IntakeFormDialog

    case_id = new_case(signed_in)
    dialog = IntakeFormDialog(signed_in, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form_widget
    for field_id, value in {"intake_date": "2025-05-14", "referral_source": "self", "intake_mode": "visit",
                            "name": "박지훈", "birth_date": "1996-11-30", "going_out_frequency": "home_only",
                            "activity_last_month": ["none"], "current_danger": False, "phq9_9": 1,
                            "suicide_plan_intent": False, "counsellor_assessment": "소견",
                            "risk_level": "high"}.items():
        form.slot(field_id).editor.set_value(value)
    dialog.save_button.click()
    crisis = form.crisis_dialog
    assert crisis.isVisible() and dialog.isVisible()  # the form waits for the protocol
    type_action(crisis, "109 안내")
    crisis.confirm_button.click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


def test_the_banner_button_records_now_and_opens_the_protocol(qtbot, signed_in):
    case_id = new_case(signed_in)
    form = make_form(qtbot, signed_in, case_id)
    form.slot("suicide_attempt_history").editor.set_value("within_month")
    assert "최근 1년 안에 자살 시도" in form.crisis_banner.reasons.text()
    form.crisis_banner.protocol_button.click()
    assert form.crisis_dialog is not None and form.crisis_dialog.isVisible()
    assert signed_in.intakes.latest(case_id).answers["suicide_attempt_history"] == "within_month"
