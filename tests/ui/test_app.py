from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from intake_desktop.ui.app import GuiFlow, run_gui
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.settings import AppSettings
from intake_desktop.ui.wizard import FirstRunWizard


def test_run_gui_shows_the_wizard_when_there_is_no_vault(qapp, tmp_path):
    seen = []

    def look_and_quit():
        seen.extend(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
        for widget in QApplication.topLevelWidgets():
            widget.close()

    QTimer.singleShot(200, look_and_quit)
    code = run_gui(tmp_path / "empty", "ko", settings=AppSettings(tmp_path / "s.ini"))
    assert code == 0
    assert "FirstRunWizard" in seen


def test_flow_shows_login_after_the_wizard(qtbot, data_dir, settings):
    flow = GuiFlow(data_dir, settings)
    assert flow.start() is None
    wizard = flow.wizard
    assert isinstance(wizard, FirstRunWizard)
    wizard.centre_page.centre_name.setText("센터")
    wizard.centre_page.phone.setText("02-820-1234")  # a way for partners to reply (issue 15, item 13)
    wizard.next()
    wizard.admin_page.username.setText("kim.admin")
    wizard.admin_page.passphrases.passphrase.setText("blue river quiet 2024")
    wizard.admin_page.passphrases.repeat.setText("blue river quiet 2024")
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.key_page.recovery_key), timeout=10_000)
    wizard.key_page.stored_checkbox.setChecked(True)
    wizard.accept()
    assert flow.login is not None and flow.login.isVisible()
    assert flow.login.selected_account().username == "kim.admin"
    flow.login.close()
    flow.shutdown()


def test_settings_are_stored_and_clamped(tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    assert settings.idle_minutes == 10 and settings.language == "ko"
    settings.idle_minutes = 99
    settings.language = "en"
    again = AppSettings(tmp_path / "s.ini")
    assert again.idle_minutes == 60 and again.language == "en"


def test_status_bar_shows_account_role_and_countdown(qtbot, signed_in, settings):
    window = MainWindow(signed_in, settings, today=lambda: date(2025, 6, 10))
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)
    assert window.status.account_label.text() == "로그인: 김관리 (admin) · 관리자"
    assert window.status.idle_label.text() == "자동 잠금까지 10:00"
    assert window.lock_action.shortcut().toString() == "Ctrl+L"


def test_background_errors_come_back_on_the_ui_thread(qtbot):
    import threading

    outcome = {}

    def fail():
        raise ValueError("boom")

    def failed(error):
        outcome["error"] = error
        outcome["thread"] = threading.current_thread()

    task = run_in_background(fail, on_failure=failed)
    qtbot.waitUntil(lambda: task.is_finished, timeout=5_000)
    assert isinstance(outcome["error"], ValueError)
    assert outcome["thread"] is threading.main_thread()


def test_unexpected_errors_are_shown_without_details(qapp):
    from intake_desktop.ui.messages import describe_error

    text = describe_error(KeyError("김민수"))
    assert "김민수" not in text and "KeyError" not in text
    assert text.startswith("예상하지 못한 문제")
