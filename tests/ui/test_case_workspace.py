"""The case workspace end to end: a case created through the UI, its intake, notes, plan and
follow-ups, found again by 초성, moved through every stage, closed and re-opened; then locked,
quit, and everything read back through a fresh vault session. Plus home, roles, drafts on
close, shortcuts and the text-size setting."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake_desktop.domain import dates
from intake_desktop.domain.enums import RiskLevel, Role, Stage
from intake_desktop.services.vault import Vault
from intake_desktop.ui.case_file import CaseFileWidget
from intake_desktop.ui.intake_form import IntakeFormDialog
from intake_desktop.ui.main_window import HOME_TAB, LIST_TAB, MainWindow

from .conftest import ADMIN, PASSPHRASE, PEOPLE, type_text

TODAY = date(2025, 6, 10)
NEW_PERSON = "한가람"  # 초성 ㅎㄱㄹ: no one in PEOPLE has them


def open_main_window(qtbot, session, settings) -> MainWindow:
    window = MainWindow(session, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading() and not window.loader.loading, timeout=10_000)
    return window


def wait_quiet(qtbot, window: MainWindow) -> None:
    """Until the quiet reload after a save has shown the new index."""
    qtbot.waitUntil(lambda: window.loader.fresh and not window.loader.loading, timeout=10_000)


def intake_answers(session, case_id: str, intake_date: date, phq9: int) -> dict:
    """Answers on the shipped intake form (taken from the demo generator, made consistent)."""
    from intake_desktop.services.demo import demo_cases

    new_case, _extra = next(demo_cases(1, 11, intake_date, [session.account_id]))
    person = session.cases.get(case_id).person
    answers = dict(new_case.intake.answers, intake_date=intake_date.isoformat(), name=person["name"],
                   birth_date=person["birth_date"])
    answers.update({f"phq9_{i}": phq9 for i in range(1, 9)}, phq9_9=0, current_danger=False)
    answers.pop("crisis_action", None)
    return answers


def change_stage(qtbot, case_file: CaseFileWidget, stage: Stage, reason: str = "", outcome: str = "") -> None:
    overview = case_file.overview
    overview.next_stage.setCurrentIndex(overview.next_stage.findData(stage.value))
    overview.stage_button.click()
    if reason:
        dialog = overview.reason_dialog
        assert dialog.isVisible() and not dialog.ok_button.isEnabled(), "a reason is needed first"
        dialog.reason.setPlainText(reason)
        if outcome:
            dialog.outcome.setPlainText(outcome)
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: case_file.detail.stage is stage, timeout=5_000)


def test_a_case_from_creation_to_reopening_survives_lock_quit_and_a_fresh_session(
        qtbot, centre_vault, data_dir, signed_in_with_cases, settings):
    session = signed_in_with_cases
    window = open_main_window(qtbot, session, settings)
    assert window.tabs.currentIndex() == HOME_TAB, "home is the first page after sign-in"

    # -- create the case through the New case dialog (no duplicate of 한가람 exists) ------------
    window.new_case_action.trigger()
    dialog = window.new_case_dialog
    type_text(qtbot, dialog.name, NEW_PERSON)
    type_text(qtbot, dialog.birth_date, "2001. 4. 5.")
    type_text(qtbot, dialog.mobile, "010-7777-1234")
    dialog.save_button.click()
    assert dialog.duplicate_dialog is None
    qtbot.waitUntil(lambda: window.model.total_count() == len(PEOPLE) + 1, timeout=10_000)
    wait_quiet(qtbot, window)
    assert window.tabs.currentIndex() == LIST_TAB
    case_id = window.selected_case_id()
    assert window.model.summary_at(window.table.currentIndex().row()).name == NEW_PERSON

    # -- the intake: offered at once; filled in the intake form (ui/intake_form) --------------------
    offer = window.intake_offer
    assert offer is not None and offer.isVisible()
    start = next(b for b in offer.buttons() if offer.buttonRole(b) == offer.ButtonRole.AcceptRole)
    start.click()
    case_file = window.open_cases.current()
    assert case_file.case_id == case_id and case_file.current_tab_name() == "intakes"
    intake = case_file.intakes.intake_dialog
    assert isinstance(intake, IntakeFormDialog) and intake.isVisible()
    for field_id, value in {
            "intake_date": (TODAY - timedelta(days=30)).isoformat(), "referral_source": "self",
            "intake_mode": "visit", "name": NEW_PERSON, "birth_date": "2001-04-05",
            "going_out_frequency": "room_only", "activity_last_month": ["none"], "current_danger": False,
            "counsellor_assessment": "문자 상담부터 천천히 관계 형성", "risk_level": "medium"}.items():
        intake.form_widget.slot(field_id).editor.set_value(value)
    intake.save_button.click()
    qtbot.waitUntil(lambda: not intake.isVisible(), timeout=5_000)
    case_file = window.open_cases.current()
    assert case_file.case_id == case_id
    case_file.show_tab("intakes")
    qtbot.waitUntil(lambda: case_file.intakes.model.rowCount() == 1, timeout=5_000)
    wait_quiet(qtbot, window)
    assert session.cases.get(case_id).case.get("risk_level") in ("medium", "high", "urgent", "low")

    # -- the list opens a case with the keyboard too ----------------------------------------------
    window.show_tab(LIST_TAB)
    window.select_case(case_id)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.open_cases.current() is case_file, "an open case is shown, not opened twice"

    # -- two session notes through the note editor, saved with Ctrl+S ---------------------------
    case_file.show_tab("notes")
    editor = case_file.notes.editor
    for minutes, mode, text in ((30, "phone", "첫 통화. 문자로 연락하는 것을 선호함."),
                                (50, "visit", "첫 방문. 거실에서 20분 대화함.")):
        editor.mode.setCurrentIndex(editor.mode.findData(mode))
        editor.minutes.setValue(minutes)
        editor.content.insertPlainText(text)
        editor.next_steps.insertPlainText("다음 주 문자")
        window.save_action.trigger()
        assert editor.content.toPlainText() == "", editor.error.text()
    assert case_file.notes.model.rowCount() == 2

    # -- a service plan with a partner ------------------------------------------------------------
    case_file.show_tab("plan")
    plan = case_file.plan
    partner_id, partner_name = plan.model.partners[0]
    row = plan.model.add_goal()
    plan.model.setData(plan.model.index(row, 0), "주 2회 외출")
    plan.model.setData(plan.model.index(row, 1), "산책 동행")
    plan.model.setData(plan.model.index(row, 2), partner_id)
    plan.model.setData(plan.model.index(row, 3), "2025. 8. 31.")
    plan.save_button.click()
    assert not plan.has_unsaved(), plan.error.text()

    # -- a follow-up ------------------------------------------------------------------------------
    case_file.show_tab("follow_ups")
    follow_ups = case_file.follow_ups
    follow_ups.what.insert("모임 후 안부 문자")
    follow_ups.add_button.click()
    assert follow_ups.model.rowCount() == 1
    wait_quiet(qtbot, window)
    assert next(c for c in window.model.index_in_use().items if c.case_id == case_id).next_follow_up \
        == TODAY + timedelta(days=7)

    # -- found again by 초성 ---------------------------------------------------------------------
    window.find_action.trigger()
    window.search.insert("ㅎㄱㄹ")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2_000)
    assert window.tabs.currentIndex() == LIST_TAB
    assert window.model.summary_at(0).case_id == case_id
    window.search.clear()
    window.search.emit_now()

    # -- through the stages, closed (reason + outcome) and re-opened -------------------------------
    window.open_case(case_id)
    case_file.show_tab("overview")
    for stage in (Stage.ASSESSMENT, Stage.PLANNING, Stage.REFERRAL, Stage.MONITORING):
        change_stage(qtbot, case_file, stage)
        offered = {case_file.overview.next_stage.itemData(i) for i in range(case_file.overview.next_stage.count())}
        from intake_desktop.domain.stages import allowed_next
        assert offered == {s.value for s in allowed_next(stage)}, "only the allowed moves"
    change_stage(qtbot, case_file, Stage.CLOSED, "주 3회 외출, 동료모임 정기 참여", "사회적 관계 회복")
    assert "사회적 관계 회복" in case_file.overview.closure_label.text()
    change_stage(qtbot, case_file, Stage.ASSESSMENT, "연락 두절 후 다시 도움 요청")
    wait_quiet(qtbot, window)

    # -- lock with typing in the note editor: it is kept and comes back ----------------------------
    case_file.show_tab("notes")
    case_file.notes.editor.content.insertPlainText("잠그기 전에 쓰던 메모")
    window.lock_action.trigger()
    assert session.is_locked
    assert window.open_cases.all_case_files() == [], "no decrypted case stays on screen"
    assert window.home.overdue.model.rowCount() == 0 and window.model.rowCount() == 0
    qtbot.keyClicks(window.lock_screen.passphrase, PASSPHRASE)
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: bool(window.open_cases.all_case_files()), timeout=10_000)
    reopened = window.open_cases.current()
    assert reopened.case_id == case_id and reopened.current_tab_name() == "notes"
    assert reopened.notes.editor.content.toPlainText() == "잠그기 전에 쓰던 메모"

    # -- quit: the typing is kept as a draft, the vault locked -------------------------------------
    window.close()
    assert session.is_locked
    centre_vault.close()

    # -- a fresh vault session reads everything back -------------------------------------------------
    vault = Vault.open(data_dir)
    try:
        fresh = vault.unlock(ADMIN, PASSPHRASE)
        detail = fresh.cases.get(case_id)
        assert detail.person["name"] == NEW_PERSON and detail.person["birth_date"] == "2001-04-05"
        assert detail.person["mobile"] == "01077771234"
        assert detail.stage is Stage.ASSESSMENT
        assert detail.case["closure"]["reason"] == "주 3회 외출, 동료모임 정기 참여"
        assert detail.case["closure"]["outcome"] == "사회적 관계 회복"
        moves = [(h["from"], h["to"]) for h in detail.case["stage_history"]]
        assert moves == [("intake", "assessment"), ("assessment", "planning"), ("planning", "referral"),
                         ("referral", "monitoring"), ("monitoring", "closed"), ("closed", "assessment")]
        assert detail.case["stage_history"][-1]["reason"] == "연락 두절 후 다시 도움 요청"
        notes = fresh.casework.notes(case_id)
        assert [n.document["content"] for n in notes] == ["첫 방문. 거실에서 20분 대화함.", "첫 통화. 문자로 연락하는 것을 선호함."] \
            or sorted(n.document["content"] for n in notes) == sorted(
                ["첫 방문. 거실에서 20분 대화함.", "첫 통화. 문자로 연락하는 것을 선호함."])
        assert {n.document["minutes"] for n in notes} == {30, 50}
        goals = fresh.casework.plan(case_id).document["goals"]
        assert goals == [{"goal": "주 2회 외출", "services": "산책 동행", "partner_id": partner_id,
                          "target_date": "2025-08-31", "status": "open"}]
        assert partner_name
        follow_up = fresh.casework.follow_ups(case_id)[0].document
        assert follow_up["what"] == "모임 후 안부 문자" and follow_up["due"] == (TODAY + timedelta(days=7)).isoformat()
        intakes = fresh.intakes.records(case_id)
        assert len(intakes) == 1 and intakes[0].answers["intake_date"] == (TODAY - timedelta(days=30)).isoformat()
        assert fresh.cases.search("ㅎㄱㄹ")[0].case_id == case_id
        assert any(slot.startswith(f"case:{case_id}") for slot in fresh.drafts.slots())

        # The next sign-in opens the case again with the typing left at quit.
        again = open_main_window(qtbot, fresh, settings)
        qtbot.waitUntil(lambda: bool(again.open_cases.all_case_files()), timeout=10_000)
        restored = again.open_cases.current()
        assert restored.case_id == case_id
        assert restored.notes.editor.content.toPlainText() == "잠그기 전에 쓰던 메모"
        assert restored.notice.isVisible()
        restored.notes.editor.save()  # saved: the "restored" notice goes (issue 15, item 12)
        assert not restored.notice.isVisible() and not restored.has_unsaved()
        assert not any(slot.startswith("case:") for slot in fresh.drafts.slots()), "restored drafts are dropped"
        again.close()
    finally:
        vault.close()


def test_home_lists_today_overdue_and_crisis_and_opens_cases(qtbot, signed_in_with_cases, settings):
    session = signed_in_with_cases
    crisis_case = next(c for c in session.cases.index.items if c.name == "김민수")
    detail = session.cases.get(crisis_case.case_id)
    session.cases.update_case(crisis_case.case_id, dict(detail.case, crisis=True, next_follow_up=TODAY.isoformat()),
                              detail.case_version)
    window = open_main_window(qtbot, session, settings)
    home = window.home
    assert home.mine_only.isChecked(), "an administrator's home starts with their own cases"
    names_due = [home.due_today.model.index(r).data() for r in range(home.due_today.model.rowCount())]
    assert any(text.startswith("김민수") for text in names_due)
    assert home.crisis.model.rowCount() == 1
    expected_overdue = [c for c in session.cases.index.items if c.next_follow_up and c.next_follow_up < TODAY]
    assert home.overdue.model.rowCount() == len(expected_overdue) > 0
    assert home.backup_label.text() and "⚠" in home.backup_label.text(), "no backup yet: warned"

    home.crisis.view.setFocus()
    home.crisis.view.setCurrentIndex(home.crisis.model.index(0))
    qtbot.keyClick(home.crisis.view, Qt.Key.Key_Return)
    assert window.open_cases.current().case_id == crisis_case.case_id
    assert window.open_cases.current().crisis_badge.isVisibleTo(window)

    # Clearing the crisis flag asks why, and the home page follows.
    overview = window.open_cases.current().overview
    overview.clear_crisis_button.click()
    overview.reason_dialog.reason.setPlainText("정신건강복지센터 연계, 안전계획 수립")
    overview.reason_dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.loader.fresh and home.crisis.model.rowCount() == 0, timeout=10_000)
    assert session.cases.get(crisis_case.case_id).case["crisis_cleared"][-1]["reason"] == "정신건강복지센터 연계, 안전계획 수립"


def test_list_filters_from_the_filter_bar(qtbot, signed_in_with_cases, settings):
    window = open_main_window(qtbot, signed_in_with_cases, settings)
    bar = window.filter_bar
    bar.risk.setCurrentIndex(bar.risk.findData(RiskLevel.URGENT.value))
    shown = [window.model.summary_at(r) for r in range(window.model.rowCount())]
    assert shown and all(c.risk_level is RiskLevel.URGENT for c in shown)
    assert window.count_label.text().startswith(f"{len(PEOPLE)}건 중")
    bar.overdue.setChecked(True)
    assert all(c.next_follow_up < TODAY for c in (window.model.summary_at(r) for r in range(window.model.rowCount())))
    bar.reset()
    assert window.model.rowCount() == len(PEOPLE)


def test_closing_a_case_tab_with_unsaved_changes_asks_and_keeps_a_draft(qtbot, signed_in_with_cases, settings):
    window = open_main_window(qtbot, signed_in_with_cases, settings)
    case_id = window.model.summary_at(0).case_id
    case_file = window.open_case(case_id)
    case_file.overview.person_form.emergency_contact_name.setText("보호자")
    window.close_case_action.trigger()  # Ctrl+W
    question = window.open_cases.close_question
    assert question is not None and question.isVisible()
    assert window.open_cases.current() is case_file, "nothing closes before the answer"
    keep = next(b for b in question.buttons() if b.text() == question.buttons()[0].text())
    keep.click()
    qtbot.waitUntil(lambda: window.open_cases.current() is None, timeout=2_000)
    assert signed_in_with_cases.drafts.slots() == [f"case:{case_id}"]

    again = window.open_case(case_id)
    assert again.overview.person_form.emergency_contact_name.text() == "보호자"
    assert again.overview.has_unsaved() and again.notice.isVisible()
    assert signed_in_with_cases.drafts.slots() == []


def test_roles_decide_what_is_offered(qtbot, centre_vault, signed_in_with_cases, settings):
    admin = signed_in_with_cases
    counsellor_id = admin.accounts.add("park.s", Role.COUNSELLOR, PASSPHRASE, "박상담")
    mine = admin.cases.index.items[0].case_id
    admin.cases.assign(mine, counsellor_id)

    # The supervisor (here the administrator) may reassign; the change is recorded.
    window = open_main_window(qtbot, admin, settings)
    assert window.stats_action in menu_actions(window), "supervisors see the statistics"
    case_file = window.open_case(admin.cases.index.items[1].case_id)
    overview = case_file.overview
    assert overview.reassign_button.isVisibleTo(window)
    overview.reassign_button.click()
    chooser = overview.account_dialog
    chooser.select(counsellor_id)
    chooser.ok_button.click()
    assert admin.cases.get(case_file.case_id).counsellor_id == counsellor_id
    assert overview.counsellor_label.text() == "박상담"
    window.close()

    counsellor = centre_vault.unlock("park.s", PASSPHRASE)
    try:
        window = open_main_window(qtbot, counsellor, settings)
        assert window.model.total_count() == 2, "own cases only"
        assert window.stats_action not in menu_actions(window)
        case_file = window.open_case(mine)
        assert not case_file.overview.reassign_button.isVisibleTo(window)
        assert case_file.overview.share_button.isVisibleTo(window), "an owner may share"
        assert not window.home.mine_only.isChecked()
        window.close()
    finally:
        if not counsellor.is_locked:
            counsellor.lock()


def menu_actions(window: MainWindow) -> list:
    from PySide6.QtWidgets import QMenu

    return [action for menu in window.menuBar().findChildren(QMenu) for action in menu.actions()]


def test_shortcuts_and_accessible_names(qtbot, signed_in_with_cases, settings):
    from PySide6.QtWidgets import (
        QAbstractItemView, QAbstractSpinBox, QComboBox, QDateEdit, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
        QWidget,
    )

    window = open_main_window(qtbot, signed_in_with_cases, settings)
    shortcuts = {action.shortcut().toString() for action in (
        window.new_case_action, window.find_action, window.save_action, window.lock_action, window.close_case_action)}
    assert shortcuts == {"Ctrl+N", "Ctrl+F", "Ctrl+S", "Ctrl+L", "Ctrl+W"}
    case_file = window.open_case(window.model.summary_at(0).case_id)
    controls = (QAbstractItemView, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit)
    buddies = {label.buddy() for label in window.findChildren(QLabel)}
    for tab in ("overview", "intakes", "notes", "plan", "follow_ups"):
        case_file.show_tab(tab)
        unnamed = [type(w).__name__ for w in case_file.findChildren(QWidget)
                   if isinstance(w, controls) and w.isVisibleTo(case_file) and not w.accessibleName()
                   and w not in buddies and not isinstance(w, QHeaderView)  # part of its table
                   and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))]  # a box's own line edit
        assert unnamed == [], f"{tab}: every control has an accessible name or a label"


def test_text_size_setting_applies_app_wide(qtbot, qapp, signed_in_with_cases, settings):
    from intake_desktop.ui.font_size import apply_font_size
    from intake_desktop.ui.settings import SettingsDialog

    before = qapp.font().pointSizeF()
    window = open_main_window(qtbot, signed_in_with_cases, settings)
    row_before = window.table.verticalHeader().defaultSectionSize()
    try:
        window.open_settings()
        dialog = window.findChild(SettingsDialog)
        dialog.font_points.setValue(18)
        dialog.accept()
        assert settings.font_points == 18
        assert qapp.font().pointSizeF() == 18
        QApplication.processEvents()  # Qt hands the new font to every widget through events
        assert window.table.font().pointSizeF() == 18
        assert window.home.due_today.view.font().pointSizeF() == 18
        assert window.table.verticalHeader().defaultSectionSize() > row_before
    finally:
        settings.font_points = 0
        apply_font_size(qapp, 0)
    assert qapp.font().pointSizeF() == before


def test_lock_closes_an_open_intake_form_and_brings_it_back_with_its_typing(qtbot, signed_in_with_cases, settings):
    session = signed_in_with_cases
    window = open_main_window(qtbot, session, settings)
    case_id = window.model.summary_at(0).case_id
    window.start_intake(case_id)
    intake = window.open_cases.current().intakes.intake_dialog
    intake.form_widget.slot("counsellor_assessment").editor.set_value("잠그기 전에 적던 소견")
    window.lock_now()
    assert not intake.isVisible() and window.open_cases.all_case_files() == []
    qtbot.keyClicks(window.lock_screen.passphrase, PASSPHRASE)
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: bool(window.open_cases.all_case_files()), timeout=10_000)
    again = window.open_cases.current().intakes.intake_dialog
    assert again is not None and again.isVisible() and again is not intake
    assert again.form_widget.slot("counsellor_assessment").editor.value() == "잠그기 전에 적던 소견"


def test_every_workspace_text_goes_through_the_translator(qtbot, qapp, signed_in_with_cases, settings):
    """Pseudo language: a visible text without its brackets was never translated."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTabBar, QWidget

    from intake_desktop.ui.i18n import install_translator

    install_translator(qapp, "pseudo")
    try:
        window = open_main_window(qtbot, signed_in_with_cases, settings)
        window.show_tab(LIST_TAB)
        case_file = window.open_case(window.model.summary_at(0).case_id)
        detail = case_file.detail
        user_data = {detail.person["name"], detail.case_number, "김관리", "admin", "010-1234-5678",
                     case_file.overview.person_form.birth_date.text(), case_file.overview.person_form.mobile.text(),
                     case_file.title(), "—", "ㄱㅁㅅ"}
        untranslated = []
        for tab in ("overview", "intakes", "notes", "plan", "follow_ups"):
            case_file.show_tab(tab)
            for widget in [window, *window.findChildren(QWidget)]:
                if not widget.isVisibleTo(window):
                    continue
                if isinstance(widget, (QLabel, QAbstractButton)):
                    texts = [widget.text()]
                elif isinstance(widget, QLineEdit):
                    texts = [widget.placeholderText()]
                elif isinstance(widget, QGroupBox):
                    texts = [widget.title()]
                elif isinstance(widget, QTabBar):
                    texts = [widget.tabText(i) for i in range(widget.count())]
                elif isinstance(widget, QComboBox):
                    texts = [widget.itemText(i) for i in range(widget.count())]
                else:
                    continue
                untranslated += [f"{tab}: {t}" for t in texts
                                 if t and t.strip() and "[" not in t and t not in user_data and not t[0].isdigit()]
        assert untranslated == []
    finally:
        install_translator(qapp, "ko")


def test_workspace_screenshots_have_every_screen_and_no_tofu(tmp_path):
    """tools/workspace_screenshots.py in Korean and English at 100 % and 150 % (each scale in
    its own process); `python tools/workspace_screenshots.py` refreshes docs/screenshots."""
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtGui import QImage

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, str(root / "tools" / "workspace_screenshots.py"), "--out", str(tmp_path),
                             "--lang", "ko", "en", "--scale", "100", "150"],
                            capture_output=True, text=True, timeout=600, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr  # includes "MISSING GLYPHS" lines
    screens = ("home", "list", "case-overview", "case-intakes", "case-notes", "case-plan", "case-follow-ups",
               "case-consent", "case-referrals", "note-editor", "conflict", "duplicate")
    for language in ("ko", "en"):
        for screen in screens:
            small = QImage(str(tmp_path / f"{language}-{screen}-100.png"))
            large = QImage(str(tmp_path / f"{language}-{screen}-150.png"))
            assert not small.isNull() and not large.isNull(), (language, screen)
            assert abs(large.width() / small.width() - 1.5) < 0.02, (language, screen)


def test_an_intake_left_unsaved_at_quit_is_reopened_at_the_next_sign_in(qtbot, signed_in_with_cases, settings):
    session = signed_in_with_cases
    window = open_main_window(qtbot, session, settings)
    case_id = window.model.summary_at(0).case_id
    window.start_intake(case_id)
    intake = window.open_cases.current().intakes.intake_dialog
    intake.form_widget.slot("counsellor_assessment").editor.set_value("퇴근 전에 적다 만 소견")
    window.close()  # quit
    assert session.is_locked

    session.resume(PASSPHRASE)
    again = open_main_window(qtbot, session, settings)
    qtbot.waitUntil(lambda: again.open_cases.current() is not None
                    and again.open_cases.current().intakes.intake_dialog is not None, timeout=10_000)
    reopened = again.open_cases.current().intakes.intake_dialog
    assert again.open_cases.current().case_id == case_id and reopened.isVisible()
    assert reopened.form_widget.slot("counsellor_assessment").editor.value() == "퇴근 전에 적다 만 소견"


def test_a_lock_during_a_quiet_reload_keeps_nothing_decrypted(qtbot, signed_in_with_cases, settings):
    from PySide6.QtCore import QThreadPool

    session = signed_in_with_cases
    window = open_main_window(qtbot, session, settings)
    window.reload_index(quietly=True)
    window.reload_index(quietly=True)  # queued behind the running one, not a second worker
    assert window.loader.loading
    window.lock_now()
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()
    assert session.is_locked and window.model.rowCount() == 0 and window.model.total_count() == 0
    assert window.home.overdue.model.rowCount() == 0
    assert window.stack.currentWidget() is window.lock_screen
    assert not window.loader.loading and not window.loader.fresh


def test_home_shows_the_age_of_the_last_good_backup(qtbot, tmp_path, signed_in_with_cases, settings):
    session = signed_in_with_cases
    session.backup.create(tmp_path)  # a folder: the file gets its own dated name
    window = open_main_window(qtbot, session, settings)
    text = window.home.backup_label.text()
    assert text.startswith("마지막 정상 백업") and "⚠" not in text, text


def test_home_follows_a_backup_made_while_it_is_open_and_says_today(qtbot, tmp_path, signed_in_with_cases,
                                                                    settings):
    """Issue 15, item 3: no lock/unlock needed, from a worker thread too, and never "0일 전"."""
    import threading

    session = signed_in_with_cases
    window = MainWindow(session, settings, today=dates.today)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading() and not window.loader.loading, timeout=10_000)
    assert "⚠" in window.home.backup_label.text()
    worker = threading.Thread(target=lambda: session.backup.create(tmp_path))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "⚠" not in window.home.backup_label.text(), timeout=5_000)
    text = window.home.backup_label.text()
    assert "오늘" in text and "0일" not in text, text
