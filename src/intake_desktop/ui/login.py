"""The sign-in window: centre name, account chooser, passphrase, and the recovery-key path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from intake_desktop.domain.enums import Role
from intake_desktop.services.front_door import AccountInfo
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.labels import role_label
from intake_desktop.ui.passphrase_fields import password_field
from intake_desktop.ui.vault_opening import VaultOpening

if TYPE_CHECKING:  # the database stack loads in the background while this window is shown
    from intake_desktop.services.session import Session
    from intake_desktop.services.vault import Vault
    from intake_desktop.ui.recovery_dialog import RecoveryDialog


def account_caption(account: AccountInfo) -> str:
    return f"{account.display_name} ({account.username}) · {role_label(account.role)}"


class LoginWindow(QWidget):
    signed_in = Signal(object)  # Session

    def __init__(self, vault: "Vault | VaultOpening", parent: QWidget | None = None) -> None:
        """`vault`: an open vault, or one still opening (ui/app.py shows this window first)."""
        super().__init__(parent)
        self._opening = vault if isinstance(vault, VaultOpening) else VaultOpening.ready(vault)
        self._accounts = self._opening.accounts()
        self.recovery_dialog: RecoveryDialog | None = None
        # The GUI checks the rows beside the case list (ui/app.py) unless a check failed in
        # this run: then every unlock checks them first again, as the CLI does.
        self.rows_later = False
        self.setWindowTitle(self.tr("Sign in — intake-desktop"))

        self.centre_label = QLabel(self._opening.centre_name)
        heading = QFont(self.font())
        heading.setPointSizeF(heading.pointSizeF() * 1.6)
        heading.setBold(True)
        self.centre_label.setFont(heading)
        self.centre_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.centre_label.setWordWrap(True)
        subtitle = QLabel(self.tr("Case records are encrypted. Sign in to open them."))
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setWordWrap(True)

        self.account_box = QComboBox()
        for account in self._accounts:
            self.account_box.addItem(account_caption(account), account.username)
        self.passphrase = password_field()
        self.passphrase.returnPressed.connect(self.submit)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.error = ErrorLabel()
        self.error.waiting_changed.connect(lambda waiting: self.sign_in_button.setEnabled(not waiting))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()

        self.recovery_button = QPushButton(self.tr("Forgot the passphrase? Use the recovery key"))
        self.recovery_button.setFlat(True)
        self.recovery_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.recovery_button.clicked.connect(self.open_recovery)
        self.recovery_hint = QLabel(self.tr(
            "Forgot the passphrase? An administrator can set a new one for you."
        ))
        self.recovery_hint.setWordWrap(True)
        self.account_box.currentIndexChanged.connect(self._update_recovery_offer)

        form = QFormLayout()
        form.addRow(self.tr("Account:"), self.account_box)
        form.addRow(self.tr("Passphrase:"), self.passphrase)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.centre_label)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.sign_in_button)
        layout.addSpacing(8)
        layout.addWidget(self.recovery_button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.recovery_hint)
        layout.addStretch()
        self._update_recovery_offer()
        self.resize(480, 380)
        self.passphrase.setFocus()

    def selected_account(self) -> AccountInfo | None:
        index = self.account_box.currentIndex()
        return self._accounts[index] if 0 <= index < len(self._accounts) else None

    def select_account(self, username: str) -> None:
        self.account_box.setCurrentIndex(max(0, self.account_box.findData(username)))

    def _update_recovery_offer(self) -> None:
        account = self.selected_account()
        is_admin = account is not None and account.role is Role.ADMIN
        self.recovery_button.setVisible(is_admin)
        self.recovery_hint.setVisible(not is_admin)

    def is_busy(self) -> bool:
        return self.busy.isVisible()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.account_box, self.passphrase, self.recovery_button):
            widget.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy and not self.error.is_waiting)

    def submit(self) -> None:
        account = self.selected_account()
        if account is None or self.is_busy() or self.error.is_waiting:
            return
        passphrase = self.passphrase.text()
        self.error.clear()
        self._set_busy(True)
        opening, username, rows_later = self._opening, account.username, self.rows_later
        run_in_background(
            lambda: opening.wait().unlock(username, passphrase, rows_later=rows_later),
            on_success=self._succeeded,
            on_failure=self._failed,
        )

    def _succeeded(self, session: "Session") -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.signed_in.emit(session)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.error.show_error(error)
        self.passphrase.setFocus()

    def open_recovery(self) -> None:
        account = self.selected_account()
        if account is None or account.role is not Role.ADMIN:
            return
        from intake_desktop.ui.recovery_dialog import RecoveryDialog

        self.recovery_dialog = RecoveryDialog(self._opening, account.username, self)
        self.recovery_dialog.recovered.connect(self.signed_in)
        self.recovery_dialog.open()
