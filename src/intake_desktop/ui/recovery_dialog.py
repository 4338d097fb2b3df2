"""Signing in with the recovery key, which always ends in choosing a new passphrase.

Only administrators are offered this (the login window enforces it): the service that sets a
new passphrase without knowing the old one, `accounts.reset_passphrase`, is admin-only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget,
)

from intake_desktop.services import errors as E
from intake_desktop.services.accounts import validate_passphrase
from intake_desktop.services.session import Session
from intake_desktop.services.vault import Vault
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.fonts import monospace_font
from intake_desktop.ui.passphrase_fields import NewPassphraseFields
from intake_desktop.ui.vault_opening import VaultOpening


def recover_and_reset(vault: Vault, username: str, recovery_key: str, new_passphrase: str) -> Session:
    """Open with the recovery key, then replace the account's passphrase (runs off the UI thread)."""
    session = vault.unlock_with_recovery(username, recovery_key)
    try:
        session.accounts.reset_passphrase(username, new_passphrase)
    except BaseException:
        session.lock()
        raise
    return session


class RecoveryDialog(QDialog):
    recovered = Signal(object)  # the unlocked Session

    def __init__(self, vault: Vault | VaultOpening, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opening = vault if isinstance(vault, VaultOpening) else VaultOpening.ready(vault)
        self._username = username
        self.setWindowTitle(self.tr("Sign in with the recovery key"))

        intro = QLabel(self.tr(
            "Type the recovery key from the printed sheet (dashes and spaces do not matter), "
            "then choose a new passphrase for {username}."
        ).format(username=username))
        intro.setWordWrap(True)
        self.key_field = QLineEdit()
        self.key_field.setFont(monospace_font(12))
        # Nine groups of four, as printed (crypto.recovery: 32 key characters + 4 checksum).
        placeholder = "-".join(["XXXX"] * 9)
        self.key_field.setPlaceholderText(placeholder)
        self.key_field.setMinimumWidth(self.key_field.fontMetrics().horizontalAdvance(placeholder) + 24)
        self.passphrases = NewPassphraseFields(self)
        self.error = ErrorLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(
            self.tr("Open and set passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Recovery key:"), self.key_field)
        self.passphrases.add_rows(form)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def submit(self) -> None:
        if self.busy.isVisible() or self.error.is_waiting:
            return
        if not self.passphrases.passphrases_match():
            self.error.show_text(self.tr("The new passphrases do not match."))
            return
        try:
            validate_passphrase(self.passphrases.value())
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.error.clear()
        self._set_busy(True)
        opening, username = self._opening, self._username
        key, passphrase = self.key_field.text(), self.passphrases.value()
        run_in_background(
            lambda: recover_and_reset(opening.wait(), username, key, passphrase),
            on_success=self._succeeded,
            on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.key_field, self.submit_button):
            widget.setEnabled(not busy)
        self.passphrases.set_enabled(not busy)

    def _succeeded(self, session: Session) -> None:
        self._set_busy(False)
        self.passphrases.clear()
        self.key_field.clear()
        self.accept()
        self.recovered.emit(session)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.show_error(error)
