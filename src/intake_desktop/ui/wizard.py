"""First run: name the centre, create the administrator, create the vault, show the recovery key.

The vault is created on the commit page's "Create vault" (no going back after that), with
the slow key derivation on a worker thread. The recovery key is shown exactly once; Finish
stays disabled until the administrator confirms it is stored somewhere safe.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar,
    QPushButton, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from intake_desktop.services import errors as E
from intake_desktop.services.accounts import validate_passphrase, validate_username
from intake_desktop.services.centre import check_reply_details
from intake_desktop.services.first_run import create_centre_vault
from intake_desktop.services.vault import CreatedVault, Vault
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.fonts import monospace_font
from intake_desktop.ui.letters import printing
from intake_desktop.ui.messages import describe_error
from intake_desktop.ui.passphrase_fields import NewPassphraseFields
from intake_desktop.ui.recovery_sheet import key_lines, recovery_sheet_pdf


class CentrePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr(
            "This computer has no case records yet. In three short steps you will set up an "
            "encrypted vault for your centre."
        ))
        self.centre_name = QLineEdit()
        self.centre_name.setPlaceholderText(self.tr("e.g. Seoul Youth Gijigae Center"))
        self.centre_name.textChanged.connect(self.completeChanged)
        note = QLabel(self.tr(
            "Everything you record is stored encrypted on this computer only. Without a "
            "passphrase or the recovery key nobody can read it, including the developers."
        ))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Centre name:"), self.centre_name)
        # Printed at the foot of every letter: without one of them a partner cannot reply.
        self.postal_code = QLineEdit()
        self.postal_code.setMaxLength(5)
        self.postal_code.setPlaceholderText(self.tr("5 digits"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Road-name address"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 02-1234-5678"))
        self.email = QLineEdit()
        for edit in (self.postal_code, self.address, self.phone, self.email):
            edit.textChanged.connect(self.completeChanged)
        contact_note = QLabel(self.tr(
            "Letters to partner institutions end with these details so that the partner can reply. "
            "Give at least a phone number, an e-mail address or the postal address."))
        contact_note.setWordWrap(True)
        form.addRow(self.tr("Postal code:"), self.postal_code)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("E-mail:"), self.email)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(contact_note)
        layout.addWidget(self.error)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch()

    def reply_details(self) -> dict[str, str]:
        return {"postal_code": self.postal_code.text(), "address": self.address.text(),
                "phone": self.phone.text(), "email": self.email.text()}

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        details = self.reply_details()
        reachable = details["phone"].strip() or details["email"].strip() or (
            details["postal_code"].strip() and details["address"].strip())
        return bool(self.centre_name.text().strip() and reachable)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        try:
            check_reply_details(**self.reply_details())
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self.error.clear()
        return True


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr(
            "The administrator adds the other counsellors' accounts later. Choose a passphrase "
            "you can remember: it cannot be looked up anywhere."
        ))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))

        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. kim.admin"))
        self.username.setToolTip(self.tr("Lower-case letters, digits, dots, dashes or underscores."))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Kim Minji"))
        self.passphrases = NewPassphraseFields(self)
        self.error = ErrorLabel()

        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Display name:"), self.display_name)
        self.passphrases.add_rows(form)
        # While "Create vault" is off, say why (a disabled button alone explains nothing).
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.waiting.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch()
        layout.addWidget(self.waiting)

        for edit in (self.username, self.display_name):
            edit.textChanged.connect(self._account_words_changed)
        self.passphrases.changed.connect(self.completeChanged)
        self.completeChanged.connect(self._explain)
        self._explain()

    def _account_words_changed(self) -> None:
        self.passphrases.set_user_inputs([self.username.text().strip(), self.display_name.text().strip()])
        self.completeChanged.emit()

    def words(self) -> list[str]:
        return [self.username.text().strip(), self.display_name.text().strip()]

    def why_not(self) -> str:
        if not self.username.text().strip():
            return self.tr("Enter a user name.")
        return self.passphrases.why_not()

    def _explain(self) -> None:
        reason = self.why_not()
        self.waiting.setText(self.tr("“Create vault” becomes available when this is done: {reason}").format(reason=reason)
                             if reason else "")

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.username.text().strip()) and self.passphrases.is_acceptable()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Check with the services' own rules before the vault is made (no surprises later)."""
        try:
            validate_username(self.username.text())
            validate_passphrase(self.passphrases.value(), user_inputs=self.words())
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self.error.clear()
        return True


class RecoveryKeyPage(QWizardPage):
    def __init__(self, wizard: "FirstRunWizard") -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Recovery key"))
        self.setSubTitle(self.tr(
            "If every administrator passphrase is forgotten, this key is the only way back into "
            "the records. It is shown only now."
        ))
        self.recovery_key = ""
        self._creating = False

        self.busy_label = QLabel(self.tr("Creating the encrypted vault… this takes a few seconds."))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # indeterminate: key derivation reports no progress
        self.error = ErrorLabel()
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.start_creating)

        self.key_display = QLabel()
        self.key_display.setFont(monospace_font(20))
        self.key_display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_display.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_display.setStyleSheet(
            "QLabel { border: 1px solid #888; border-radius: 4px; padding: 12px; }"
        )
        self.key_advice = QLabel(self.tr(
            "Print this key or write it down, and keep it locked away from the computer. "
            "Do not photograph it or save it in a file on this computer."
        ))
        self.key_advice.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.ask_to_print)
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        self.stored_checkbox = QCheckBox(self.tr("I have stored the recovery key somewhere safe."))
        self.stored_checkbox.toggled.connect(self.completeChanged)

        print_row = QHBoxLayout()
        print_row.addStretch()
        print_row.addWidget(self.print_status, 1)
        print_row.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error)
        layout.addWidget(self.retry_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.key_display)
        layout.addWidget(self.key_advice)
        layout.addLayout(print_row)
        layout.addWidget(self.stored_checkbox)
        layout.addStretch()
        self._show_state("idle")

    def _show_state(self, state: str) -> None:
        """idle | creating | failed | created: which widgets make sense right now."""
        self.busy_label.setVisible(state == "creating")
        self.busy_bar.setVisible(state == "creating")
        self.error.setVisible(state == "failed")
        self.retry_button.setVisible(state == "failed")
        for widget in (self.key_display, self.key_advice, self.print_button, self.stored_checkbox):
            widget.setVisible(state == "created")

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        if not self.recovery_key and not self._creating:
            self.start_creating()

    def start_creating(self) -> None:
        self._creating = True
        self._show_state("creating")
        self.completeChanged.emit()
        request = self._wizard.creation_request()
        contact = check_reply_details(**self._wizard.centre_page.reply_details())
        run_in_background(
            lambda: create_centre_vault(*request, contact),
            on_success=self._created,
            on_failure=self._failed,
        )

    def _created(self, created: CreatedVault) -> None:
        self._creating = False
        self.recovery_key = created.recovery_key
        self._wizard.vault_was_created(created.vault)
        self.key_display.setText("\n".join(key_lines(created.recovery_key)))
        self._show_state("created")
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self._creating = False
        self.error.show_error(error)
        self._show_state("failed")
        self.completeChanged.emit()

    def ask_to_print(self) -> None:
        """To a printer that puts it on paper: file printers (cups-pdf, Print to PDF) are not
        offered, and with none left the dialog says to write the key down (issue 15, item 6)."""
        choice = printing.ask_print(self, "", title=self.tr("Print the recovery key"), paper_only=True)
        if choice is not None and choice.job is not None:
            self.print_to(choice.job)

    def print_to(self, job) -> None:
        pdf = recovery_sheet_pdf(self._wizard.centre_name(), self.recovery_key)
        try:
            printing.send(pdf, job)
        except E.ServiceError as error:
            self.print_status.setText(describe_error(error))
            return
        self.print_status.setText(self.tr("Sent to the printer {printer}. Check that the sheet came out "
                                          "before you tick the box.").format(printer=job.printer))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.recovery_key) and self.stored_checkbox.isChecked()


class FirstRunWizard(QWizard):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.created_vault: Vault | None = None
        self.setWindowTitle(self.tr("Set up intake-desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # Our own button texts, so they are translated even where Qt's catalogue is missing.
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

        self.centre_page = CentrePage()
        self.admin_page = AdminPage()
        self.key_page = RecoveryKeyPage(self)
        for page in (self.centre_page, self.admin_page, self.key_page):
            self.addPage(page)
        self.resize(640, 520)

    def centre_name(self) -> str:
        return self.centre_page.centre_name.text().strip()

    def creation_request(self) -> tuple[Path, str, str, str, str]:
        """Arguments for create_centre_vault (less the contact details), read on the UI thread before the worker starts."""
        admin = self.admin_page
        return (
            self.data_dir, self.centre_name(), admin.username.text(),
            admin.display_name.text().strip() or admin.username.text(), admin.passphrases.value(),
        )

    def vault_was_created(self, vault: Vault) -> None:
        self.created_vault = vault
        # The passphrase has done its job; do not keep it in a widget.
        self.admin_page.passphrases.clear()
        # No way out but Finish now (closing the window still asks, see reject).
        self.setOption(QWizard.WizardOption.NoCancelButton, True)

    def reject(self) -> None:
        if self.created_vault is None or self.key_page.isComplete():
            super().reject()
            return
        # Asked without a nested event loop (open, not exec): the answer arrives as a signal.
        question = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Recovery key not confirmed"),
            self.tr("The recovery key will not be shown again. Close anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self,
        )
        question.setDefaultButton(QMessageBox.StandardButton.No)
        question.button(QMessageBox.StandardButton.Yes).setText(self.tr("Close anyway"))
        question.button(QMessageBox.StandardButton.No).setText(self.tr("Go back"))
        question.finished.connect(
            lambda answer: super(FirstRunWizard, self).reject()
            if answer == QMessageBox.StandardButton.Yes else None
        )
        question.open()
