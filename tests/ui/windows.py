"""Opening windows the way several GUI test modules need them: the main window, and the
first-run wizard filled in and run."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWizard

from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.wizard import FirstRunWizard

from .conftest import CENTRE, PASSPHRASE, type_text


def open_main_window(qtbot, signed_in, settings) -> MainWindow:
    window = MainWindow(signed_in, settings, today=lambda: date(2025, 6, 10))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)
    return window


def open_wizard(qtbot, data_dir) -> FirstRunWizard:
    wizard = FirstRunWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_centre_page(qtbot, wizard: FirstRunWizard) -> None:
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled(), "no centre name yet"
    type_text(qtbot, wizard.centre_page.centre_name, CENTRE)
    assert not next_button.isEnabled(), "no way for a partner to reply yet"
    qtbot.keyClicks(wizard.centre_page.phone, "02-820-1234")
    assert next_button.isEnabled()
    wizard.next()


def fill_and_create(qtbot, wizard: FirstRunWizard) -> None:
    fill_centre_page(qtbot, wizard)
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username, "kim.admin")
    type_text(qtbot, admin.display_name, "김관리")
    qtbot.keyClicks(admin.passphrases.passphrase, PASSPHRASE)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled(), "repeat field still empty"
    qtbot.keyClicks(admin.passphrases.repeat, PASSPHRASE)
    assert commit.isEnabled()
    commit.click()


def created_wizard(qtbot, data_dir) -> FirstRunWizard:
    wizard = open_wizard(qtbot, data_dir)
    fill_and_create(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(wizard.key_page.recovery_key), timeout=10_000)
    return wizard
