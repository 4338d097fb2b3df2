"""Accounts (admin): list, add, reset a passphrase, disable.

Adding an account and setting a passphrase derive a key with Argon2id (about a second on
purpose), so they run off the UI thread with a busy bar.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.labels import role_label
from intake_desktop.ui.kit import ask
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.kit.dates import show_date
from intake_desktop.ui.kit.tables import compact_rows
from intake_desktop.ui.passphrase_fields import NewPassphraseFields

ROLES = (Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN)


class AddAccountDialog(QDialog):
    added = Signal(str)  # username

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Add an account"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. park.s (lower-case letters, digits, . _ -)"))
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role.value)
        self.passphrases = NewPassphraseFields(self)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        self.passphrases.add_rows(form)
        note = QLabel(self.tr("Give the passphrase to the person in private; they can change it after signing in."))
        note.setWordWrap(True)
        self.busy = BusyBar()
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add account"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.passphrases.changed.connect(self._update)
        self.username.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.username.text().strip()) and self.passphrases.is_acceptable()
                                  and not self.busy.running)

    def save(self) -> None:
        self.error.clear()
        if not self.passphrases.passphrases_match():
            self.error.show_text(self.tr("The passphrases do not match."))
            return
        accounts = self.session.accounts
        username, display = self.username.text().strip(), self.display_name.text().strip()
        role, passphrase = Role(self.role.currentData()), self.passphrases.value()
        self.busy.start(self.tr("Creating the account's key…"))
        self._update()
        run_in_background(lambda: accounts.add(username, role, passphrase, display),
                          on_success=lambda _id: self._added(username), on_failure=self._failed)

    def _added(self, username: str) -> None:
        self.busy.stop()
        self.passphrases.clear()
        self.added.emit(username)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.show_error(error)
        self._update()


class ResetPassphraseDialog(QDialog):
    def __init__(self, session, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.username = username
        self.setWindowTitle(self.tr("Reset a passphrase"))
        intro = QLabel(self.tr("New passphrase for {username}. The old one stops working at once "
                               "(it still opens backups made before today).").format(username=username))
        intro.setWordWrap(True)
        self.passphrases = NewPassphraseFields(self)
        form = QFormLayout()
        self.passphrases.add_rows(form)
        self.busy = BusyBar()
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set passphrase"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.passphrases.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.passphrases.is_acceptable() and not self.busy.running)

    def save(self) -> None:
        self.error.clear()
        accounts, username, passphrase = self.session.accounts, self.username, self.passphrases.value()
        self.busy.start(self.tr("Setting the new passphrase…"))
        self._update()
        run_in_background(lambda: accounts.reset_passphrase(username, passphrase),
                          on_success=lambda _r: self._done(), on_failure=self._failed)

    def _done(self) -> None:
        self.busy.stop()
        self.passphrases.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.show_error(error)
        self._update()


class AccountsDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.accounts = []
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Accounts"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("State"), self.tr("Created"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.add_account)
        self.reset_button = QPushButton(self.tr("Reset passphrase…"))
        self.reset_button.clicked.connect(self.reset_selected)
        self.disable_button = QPushButton(self.tr("Disable…"))
        self.disable_button.clicked.connect(self.disable_selected)
        self.error = ErrorLabel()
        self.done_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.disable_button)
        row.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 440)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.accounts = self.session.accounts.list()
        except E.ServiceError as error:
            self.accounts = []
            self.error.show_error(error)
        self.table.setRowCount(len(self.accounts))
        for i, account in enumerate(self.accounts):
            state = self.tr("Active") if account.active else self.tr("Disabled on {date}").format(
                date=show_date(account.disabled_at.date()) if account.disabled_at else "")
            texts = [account.username, account.display_name, role_label(Role(account.role)), state,
                     show_date(account.created_at.date()) if account.created_at else ""]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if not account.active:
                    item.setForeground(QBrush(QColor("#80868b")))
                self.table.setItem(i, column, item)
        self._update_buttons()

    def selected(self):
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows:
            return None
        i = rows[0].row()
        return self.accounts[i] if 0 <= i < len(self.accounts) else None

    def select(self, username: str) -> None:
        for i, account in enumerate(self.accounts):
            if account.username == username:
                self.table.selectRow(i)

    def _update_buttons(self) -> None:
        account = self.selected()
        active = bool(account and account.active)
        self.reset_button.setEnabled(active)
        self.disable_button.setEnabled(active)

    def add_account(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self.session, self)
        dialog.added.connect(self._added)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _added(self, username: str) -> None:
        self.refresh()
        self.select(username)
        self.done_label.setText(self.tr("Account {username} added.").format(username=username))

    def reset_selected(self) -> ResetPassphraseDialog | None:
        account = self.selected()
        if account is None or not account.active:
            return None
        dialog = ResetPassphraseDialog(self.session, account.username, self)
        dialog.accepted.connect(lambda: self.done_label.setText(
            self.tr("New passphrase set for {username}.").format(username=account.username)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def disable_selected(self) -> bool:
        self.error.clear()
        account = self.selected()
        if account is None or not account.active:
            return False
        if not ask.confirm(self, self.tr("Disable an account"), self.tr(
                "Disable {username} ({name})? They can no longer sign in. Their cases, notes and "
                "access records stay. This cannot be undone; make a new account if needed.").format(
                username=account.username, name=account.display_name), destructive=True):
            return False
        try:
            self.session.accounts.disable(account.username)
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self.refresh()
        self.done_label.setText(self.tr("{username} was disabled.").format(username=account.username))
        return True
