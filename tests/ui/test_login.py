from intake_desktop.domain.enums import Role
from intake_desktop.ui.app import GuiFlow
from intake_desktop.ui.login import LoginWindow

from .conftest import ADMIN, PASSPHRASE


def signed_in_sessions(window: LoginWindow) -> list:
    sessions = []
    window.signed_in.connect(sessions.append)
    return sessions


def test_wrong_passphrase_shows_a_message_and_keeps_the_window(qtbot, centre_vault):
    window = LoginWindow(centre_vault)
    qtbot.addWidget(window)
    window.show()
    sessions = signed_in_sessions(window)
    assert window.centre_label.text() == centre_vault.centre_name
    qtbot.keyClicks(window.passphrase, "not the passphrase")
    qtbot.keyClick(window.passphrase, "\r")  # Enter submits
    qtbot.waitUntil(lambda: bool(window.error.text()), timeout=10_000)
    assert window.error.text() == "비밀번호가 틀렸습니다."
    assert window.isVisible()
    assert window.passphrase.text() == ""
    assert sessions == []


def test_right_passphrase_opens_the_main_window(qtbot, centre_vault, settings):
    flow = GuiFlow(centre_vault.data_dir, settings)
    flow.vault = centre_vault
    flow.show_login()
    login = flow.login
    login.select_account(ADMIN)
    qtbot.keyClicks(login.passphrase, PASSPHRASE)
    login.sign_in_button.click()
    qtbot.waitUntil(lambda: flow.main_window is not None and not flow.main_window.is_loading(), timeout=10_000)
    assert flow.main_window.isVisible()
    assert flow.login is None, "the login window is closed once signed in"
    assert flow.session.username == ADMIN
    assert not flow.session.is_locked
    flow.main_window.close()


def test_lockout_message_counts_seconds(qtbot, centre_vault):
    window = LoginWindow(centre_vault)
    qtbot.addWidget(window)
    window.show()
    for attempt in range(6):
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
        if window.error.is_waiting:
            break
        window.passphrase.setText(f"wrong passphrase {attempt}")
        window.submit()
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
    assert window.error.is_waiting
    assert "초 후에" in window.error.text()
    assert not window.sign_in_button.isEnabled()


def test_recovery_is_offered_only_to_administrators(qtbot, centre_vault, signed_in):
    signed_in.accounts.add("park.c", Role.COUNSELLOR, "another long passphrase", "박상담")
    window = LoginWindow(centre_vault)
    qtbot.addWidget(window)
    window.show()
    window.select_account(ADMIN)
    assert window.recovery_button.isVisible() and not window.recovery_hint.isVisible()
    window.select_account("park.c")
    assert not window.recovery_button.isVisible() and window.recovery_hint.isVisible()


def test_recovery_key_signs_in_and_sets_a_new_passphrase(qtbot, data_dir):
    from intake_desktop.services.vault import Vault

    created = Vault.create(data_dir, "센터", ADMIN, "관리자", PASSPHRASE)
    vault = created.vault
    try:
        window = LoginWindow(vault)
        qtbot.addWidget(window)
        window.show()
        sessions = signed_in_sessions(window)
        window.open_recovery()
        dialog = window.recovery_dialog
        dialog.key_field.setText(created.recovery_key.lower().replace("-", " "))
        dialog.passphrases.passphrase.setText("a brand new passphrase")
        dialog.passphrases.repeat.setText("a brand new passphrase")
        dialog.submit_button.click()
        qtbot.waitUntil(lambda: bool(sessions), timeout=10_000)
        sessions[0].lock()
        vault.unlock(ADMIN, "a brand new passphrase").lock()
    finally:
        vault.close()


def test_a_tampered_vault_is_named_in_the_login_window(qtbot, centre_vault, data_dir, tmp_path):
    """A row deleted with sqlite3: the window says what is wrong, in Korean, no traceback."""
    import sqlite3

    from intake_desktop.paths import VAULT_FILE

    session = centre_vault.unlock(ADMIN, PASSPHRASE)
    session.cases.create({"name": "김지움", "birth_date": "2005-01-02", "mobile": "010-1234-5678"})
    session.lock()
    raw = sqlite3.connect(data_dir / VAULT_FILE)
    raw.execute("DELETE FROM person")
    raw.commit()
    raw.close()
    window = LoginWindow(centre_vault)
    qtbot.addWidget(window)
    window.show()
    sessions = signed_in_sessions(window)
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.keyClick(window.passphrase, "\r")
    qtbot.waitUntil(lambda: bool(window.error.text()), timeout=10_000)
    text = window.error.text()
    assert "삭제되었습니다" in text and "person" in text and "Traceback" not in text
    assert sessions == []
    qtbot.wait(50)  # let the layout give the wrapped message its lines
    assert window.error.height() >= window.error.heightForWidth(window.error.width()), "message cut off"
    window.grab().save(str(tmp_path / "tampered-login.png"))
