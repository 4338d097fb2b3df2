import io

import pypdf
import pytest
from PySide6.QtWidgets import QDialog, QWizard

from intake_desktop.printing import Printer, PrintError
from intake_desktop.printing.model import MSG_PRINT_REFUSED

from intake_desktop.services.vault import Vault
from intake_desktop.ui.letters import printing
from intake_desktop.ui.letters.print_dialog import PrintDialog
from intake_desktop.ui.recovery_sheet import key_lines
from printkit import FakePrintSystem

from .conftest import CENTRE, PASSPHRASE, type_text
from .windows import created_wizard, fill_and_create, fill_centre_page, open_wizard


def test_wizard_creates_vault_and_shows_key_once(qtbot, data_dir):
    wizard = open_wizard(qtbot, data_dir)
    fill_and_create(qtbot, wizard)

    page = wizard.key_page
    qtbot.waitUntil(lambda: bool(page.recovery_key), timeout=10_000)
    assert Vault.exists(data_dir)
    assert wizard.created_vault is not None
    assert wizard.created_vault.centre_name == CENTRE
    shown = page.key_display.text().replace("\n", "  ").split()
    assert "-".join(shown) == page.recovery_key
    assert page.key_display.isVisible()
    # The passphrase is not kept in the widgets once the vault exists.
    assert wizard.admin_page.passphrases.value() == ""

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and not finish.isEnabled()
    page.stored_checkbox.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    # the centre's phone is in the profile: the first letter can be answered (issue 15, item 13)
    session = wizard.created_vault.unlock("kim.admin", PASSPHRASE)
    assert session.centre.settings().phone == "028201234"
    session.lock()
    wizard.created_vault.close()


def test_wizard_refuses_contact_details_that_are_not_valid(qtbot, data_dir):
    wizard = open_wizard(qtbot, data_dir)
    page = wizard.centre_page
    type_text(qtbot, page.centre_name, CENTRE)
    qtbot.keyClicks(page.phone, "12")
    wizard.next()
    assert wizard.currentPage() is page and page.error.text()


def test_wizard_refuses_a_weak_passphrase_before_creating(qtbot, data_dir):
    wizard = open_wizard(qtbot, data_dir)
    fill_centre_page(qtbot, wizard)
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username, "kim.admin")
    qtbot.keyClicks(admin.passphrases.passphrase, "short")
    qtbot.keyClicks(admin.passphrases.repeat, "short")
    assert admin.passphrases.meter.score == 0
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert not Vault.exists(data_dir)


def test_wizard_reports_a_bad_user_name_in_korean(qtbot, data_dir):
    wizard = open_wizard(qtbot, data_dir)
    fill_centre_page(qtbot, wizard)
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username, "Kim Admin!")
    qtbot.keyClicks(admin.passphrases.passphrase, PASSPHRASE)
    qtbot.keyClicks(admin.passphrases.repeat, PASSPHRASE)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is admin
    assert "사용자 이름" in admin.error.text()
    assert not Vault.exists(data_dir)


def test_recovery_key_goes_to_a_paper_printer_and_never_to_a_file(qtbot, tmp_path, data_dir, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    system = FakePrintSystem()  # an office printer (default) and a cups-pdf "printer"
    monkeypatch.setattr(printing, "system_printing", lambda: system)
    offered = []

    def accept(dialog):
        offered.extend(dialog.printer_box.itemData(i) for i in range(dialog.printer_box.count()))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PrintDialog, "exec", accept)
    wizard = created_wizard(qtbot, data_dir)
    page = wizard.key_page
    page.ask_to_print()
    assert offered == ["Office"]  # no cups-pdf, no Print to file
    [(pdf, job)] = system.sent
    assert job.printer == "Office"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for line in key_lines(page.recovery_key):
        assert line.replace(" ", "") in text.replace(" ", "")
    assert CENTRE in text
    assert "Office" in page.print_status.text()
    assert list(home.rglob("*")) == []  # nothing written to the home folder
    wizard.created_vault.close()


@pytest.mark.parametrize("printers", [[], [Printer("PDF", "PDF", device_uri="cups-pdf:/")]])
def test_without_a_paper_printer_the_dialog_says_write_it_down(qtbot, data_dir, monkeypatch, printers):
    system = FakePrintSystem(printers)
    monkeypatch.setattr(printing, "system_printing", lambda: system)
    seen = {}

    def look(dialog):
        seen.update(note=dialog.note.text(), enabled=dialog.print_button.isEnabled(), count=dialog.printer_box.count())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PrintDialog, "exec", look)
    wizard = created_wizard(qtbot, data_dir)
    wizard.key_page.ask_to_print()
    assert seen["count"] == 0 and not seen["enabled"]
    assert "손으로" in seen["note"] or "by hand" in seen["note"]
    if printers:
        assert "파일" in seen["note"] or "file" in seen["note"]
    assert system.sent == []
    wizard.created_vault.close()


def test_a_printer_failure_is_shown_on_the_key_page(qtbot, data_dir, monkeypatch):
    system = FakePrintSystem()

    def refuse(pdf, job):
        raise PrintError(MSG_PRINT_REFUSED, detail="lp: Unable to connect")

    system.print_pdf = refuse
    monkeypatch.setattr(printing, "system_printing", lambda: system)
    monkeypatch.setattr(PrintDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    wizard = created_wizard(qtbot, data_dir)
    wizard.key_page.ask_to_print()
    assert "Unable to connect" in wizard.key_page.print_status.text()
    wizard.created_vault.close()



def test_the_rule_stays_until_met_and_the_disabled_button_says_why(qtbot, data_dir):
    """Issue 15, item 8."""
    wizard = open_wizard(qtbot, data_dir)
    fill_centre_page(qtbot, wizard)
    admin = wizard.admin_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    meter = admin.passphrases.meter
    assert "사용자 이름" in admin.waiting.text()
    qtbot.keyClicks(admin.username, "kim.admin")
    qtbot.keyClicks(admin.passphrases.passphrase, "blue")
    assert "10" in meter.caption.text() and "6" in meter.caption.text()  # the rule and what is missing, while typing
    assert not commit.isEnabled() and admin.waiting.text()
    qtbot.keyClicks(admin.passphrases.passphrase, "1234567")  # 11 characters, easy to guess
    assert "추측" in meter.caption.text() or "guess" in meter.caption.text()
    qtbot.keyClicks(admin.passphrases.repeat, "blue1234567")
    assert not commit.isEnabled() and admin.waiting.text()
    admin.passphrases.passphrase.setText(PASSPHRASE)
    admin.passphrases.repeat.setText(PASSPHRASE)
    assert commit.isEnabled() and admin.waiting.text() == ""
