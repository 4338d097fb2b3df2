"""The offer to strengthen a key slot, shown after sign-in when it is weaker than a new one.

A slot made before the fixed Argon2id target, or on a busy PC when the cost was calibrated,
still opens but costs an attacker less per guess (services/accounts.key_slot_outdated). It is
rewrapped with the same passphrase at the current target — the passphrase is asked once more,
since the app never keeps it. Any passphrase change strengthens the slot too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from intake_desktop.services import errors as E
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.passphrase_fields import password_field


class StrengthenKeySlotDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.strengthened = False
        self.setWindowTitle(self.tr("Strengthen your passphrase's protection"))
        intro = QLabel(self.tr(
            "Your passphrase protects the vault with an older, weaker setting than new accounts get. "
            "Type your passphrase once more to strengthen it now (it takes a few seconds). "
            "Changing your passphrase strengthens it too."))
        intro.setWordWrap(True)
        self.passphrase = password_field()
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.error = ErrorLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.buttons = QDialogButtonBox()
        self.strengthen_button = self.buttons.addButton(self.tr("&Strengthen now"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = self.buttons.addButton(self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.strengthen_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.passphrase.returnPressed.connect(self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def submit(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase or self.busy.isVisible():
            return
        self.error.clear()
        self._set_busy(True)
        accounts = self._session.accounts
        run_in_background(lambda: accounts.strengthen_key_slot(passphrase),
                          on_success=self._done, on_failure=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.strengthen_button, self.later_button):
            widget.setEnabled(not busy)

    def _done(self, _result: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.strengthened = True
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.error.show_error(error)
        self.passphrase.setFocus()


def offer_if_outdated(session, parent: QWidget | None = None) -> StrengthenKeySlotDialog | None:
    """Open the offer (not modal: the list stays usable) if the signed-in slot is outdated."""
    try:
        if session.is_locked or not session.accounts.key_slot_outdated():
            return None
    except E.ServiceError:
        return None  # a damaged slot record: the unlock and the checks say so, not this offer
    dialog = StrengthenKeySlotDialog(session, parent)
    dialog.open()
    return dialog
