"""Choosing a colleague's account: to reassign a case (supervisor) or share it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from intake_desktop.domain.enums import Role
from intake_desktop.ui.labels import role_label


class AccountChooser(QDialog):
    chosen = Signal(str)  # account id

    def __init__(self, title: str, explanation: str, action: str, accounts, *,
                 parent: QWidget | None = None) -> None:
        """`accounts`: storage Account rows already narrowed to the eligible ones."""
        super().__init__(parent)
        self.setWindowTitle(title)
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.account = QComboBox()
        self.account.setAccessibleName(title)
        for account in accounts:
            self.account.addItem(f"{account.display_name} ({account.username}) · {role_label(Role(account.role))}",
                                 account.id)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setEnabled(self.account.count() > 0)
        self.ok_button.clicked.connect(self._choose)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.account)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def select(self, account_id: str) -> None:
        self.account.setCurrentIndex(max(0, self.account.findData(account_id)))

    def _choose(self) -> None:
        account_id = self.account.currentData()
        if account_id:
            self.accept()
            self.chosen.emit(account_id)
