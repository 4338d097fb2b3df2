
from intake_desktop.ui.new_case_dialog import DRAFT_SLOT

from .conftest import PASSPHRASE, PEOPLE, type_text
from .windows import open_main_window


def test_lock_keeps_typing_encrypted_and_unlock_restores_it(qtbot, signed_in_with_cases, settings):
    session = signed_in_with_cases
    window = open_main_window(qtbot, session, settings)
    assert window.model.rowCount() == len(PEOPLE)
    window.search.setText("김")
    window.search.emit_now()

    window.open_new_case()
    dialog = window.new_case_dialog
    type_text(qtbot, dialog.name, "홍길동")
    type_text(qtbot, dialog.birth_date, "2001. 4. 5.")
    type_text(qtbot, dialog.mobile, "010-2222-3333")
    dialog.preferred_contact.setCurrentIndex(dialog.preferred_contact.findData("text_only"))

    window.lock_action.trigger()  # what the Lock button and Ctrl+L do

    assert session.is_locked
    assert window.model.rowCount() == 0 and window.model.total_count() == 0
    assert window.search.text() == "", "the query may hold a name"
    assert window.stack.currentWidget() is window.lock_screen
    assert not dialog.isVisible() and dialog.name.text() == ""
    assert not window.new_case_action.isEnabled()

    lock_screen = window.lock_screen
    qtbot.keyClicks(lock_screen.passphrase, "wrong passphrase here")
    lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: bool(lock_screen.error.text()), timeout=10_000)
    assert session.is_locked

    qtbot.keyClicks(lock_screen.passphrase, PASSPHRASE)
    lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=10_000)

    assert not session.is_locked
    assert window.model.rowCount() == len(PEOPLE)
    assert dialog.name.text() == "홍길동"
    assert dialog.birth_date.text() == "2001. 4. 5."
    assert dialog.mobile.text() == "010-2222-3333"
    assert dialog.preferred_contact.currentData() == "text_only"
    assert session.drafts.load(DRAFT_SLOT) is None, "the draft is discarded once restored"


def test_idle_timeout_locks(qtbot, signed_in, settings):
    window = open_main_window(qtbot, signed_in, settings)
    assert window.idle.is_running()
    window.idle.set_timeout_seconds(1)
    qtbot.waitUntil(lambda: signed_in.is_locked, timeout=5_000)
    assert window.stack.currentWidget() is window.lock_screen
    assert window.status.idle_label.text() == "잠김"


def test_typing_left_when_the_app_closed_is_offered_next_time(qtbot, signed_in, settings):
    window = open_main_window(qtbot, signed_in, settings)
    window.open_new_case()
    type_text(qtbot, window.new_case_dialog.name, "임시저장")
    window.close()  # closing while unlocked keeps the typing encrypted, then locks
    assert signed_in.is_locked

    signed_in.resume(PASSPHRASE)
    again = open_main_window(qtbot, signed_in, settings)
    qtbot.waitUntil(lambda: again.new_case_dialog is not None and again.new_case_dialog.isVisible(), timeout=5_000)
    assert again.new_case_dialog.name.text() == "임시저장"
    assert again.draft_note.isVisible()
