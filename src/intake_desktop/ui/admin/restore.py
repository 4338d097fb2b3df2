"""Restoring a backup: into a new folder (to look something up), or over this vault.

Replacing the vault needs the vault closed, so the app cannot go on afterwards:
1. the administrator confirms, understanding that work since the backup is lost, and types
   their passphrase (checked against the vault; it must also open the backup as an
   administrator — the passphrase as it was when the backup was made, if it changed since);
2. the session is locked and the vault closed (its lock file released);
3. `services.backup.replace_vault` verifies the backup into the data folder, keeps the current
   file as `vault.sqlite.before-restore-<time>.bak` and renames the restored one into place;
4. whatever the outcome, the app says what happened and closes; the next start opens the
   vault that is in place (the restored one, or the untouched old one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from intake_desktop.letters.formatting import format_datetime
from intake_desktop.services import errors as E
from intake_desktop.services.backup import open_for_replace, read_backup_info, replace_vault
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit import ask
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.messages import describe_error
from intake_desktop.ui.passphrase_fields import password_field


class ReplaceVaultDialog(QDialog):
    def __init__(self, session, path: Path, parent: QWidget | None = None, *,
                 quit_app: Callable[[], None] = QCoreApplication.quit) -> None:
        super().__init__(parent)
        self.session = session
        self.path = Path(path)
        self.quit_app = quit_app
        self.outcome: str | None = None  # "replaced" | "failed" once the vault was closed
        self.setWindowTitle(self.tr("Replace this vault with a backup"))
        try:
            info = read_backup_info(self.path)
            made = format_datetime(info.created_at.astimezone())
        except E.ServiceError as error:
            info, made = None, "?"
            self._header_error = error
        else:
            self._header_error = None
        warning = QLabel(self.tr(
            "Everything in this vault will be replaced by the backup made on {date}. Cases, notes, consents, "
            "letters and accounts added or changed since then will be lost. A safety copy of the current "
            "vault is kept in the data folder.").format(date=made))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #a3261b; font-weight: bold;")
        restart = QLabel(self.tr(
            "intake-desktop closes when the restore is finished. Start it again and sign in with the "
            "passphrase that was valid when the backup was made."))
        restart.setWordWrap(True)
        self.understood = QCheckBox(self.tr("I understand that work done since {date} will be lost.").format(date=made))
        self.passphrase = password_field()
        self.backup_passphrase = password_field()
        self.backup_passphrase.setPlaceholderText(self.tr("Only if you changed it since the backup"))
        form = QFormLayout()
        form.addRow(self.tr("Backup file:"), QLabel(self.path.name))
        form.addRow(self.tr("Your passphrase:"), self.passphrase)
        form.addRow(self.tr("Your passphrase when the backup was made:"), self.backup_passphrase)
        self.busy = BusyBar()
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.replace_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.replace_button.setText(self.tr("Replace the vault"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.replace)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(restart)
        layout.addWidget(self.understood)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.understood.toggled.connect(lambda _on: self._update())
        self.passphrase.textChanged.connect(lambda _t: self._update())
        if self._header_error is not None:
            self.error.show_error(self._header_error)
        self._update()

    def _update(self) -> None:
        self.replace_button.setEnabled(self.understood.isChecked() and bool(self.passphrase.text())
                                       and self._header_error is None and not self.busy.running)

    def reject(self) -> None:
        if self.busy.running:
            return  # never walk away from a restore half-way
        super().reject()

    def replace(self) -> None:
        if not self.replace_button.isEnabled():
            return
        self.error.clear()
        session, path = self.session, self.path
        passphrase, backup_passphrase = self.passphrase.text(), self.backup_passphrase.text()
        self.busy.start(self.tr("Checking your passphrase and the backup…"))
        self._update()
        run_in_background(lambda: open_for_replace(session, path, passphrase, backup_passphrase),
                          on_success=self._opened, on_failure=self._refused)

    def _refused(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.show_error(error)
        self._update()

    def _opened(self, opened) -> None:
        self.passphrase.clear()
        self.backup_passphrase.clear()
        self.cancel_button.setEnabled(False)
        data_dir = self.session.vault.data_dir
        self.session.lock()
        self.session.vault.close()
        self.busy.start(self.tr("Restoring the backup… Do not switch the computer off."))

        run_in_background(lambda: replace_vault(data_dir, opened), on_success=self._replaced,
                          on_failure=self._replace_failed)

    def _replaced(self, result) -> None:
        self.busy.stop()
        self.outcome = "replaced"
        safety = result.safety_copy.name if result.safety_copy else "—"
        ask.inform(self, self.tr("Vault replaced"), self.tr(
            "The vault was replaced by the backup. The previous vault is kept as {file}. "
            "intake-desktop will now close; start it again and sign in.").format(file=safety))
        self.quit_app()

    def _replace_failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.outcome = "failed"
        ask.inform(self, self.tr("Vault not replaced"), self.tr(
            "The vault was not replaced: {reason} intake-desktop will now close; start it again: "
            "your vault is as it was.").format(reason=describe_error(error)))
        self.quit_app()
