"""Backups (admin): make one now, check one, restore one; the folder, rotation and warning age.

Making a backup runs off the UI thread in three steps shown on a progress bar: write (the
service reads the file back before giving it its name), check it in full, remove old ones
(rotation, if on). The folder and the rotation counts are preferences (QSettings), not data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from intake_desktop.letters.formatting import format_datetime
from intake_desktop.services import errors as E
from intake_desktop.services.backup import BACKUP_SUFFIX, RUN_STEPS, BackupInfo, BackupRun, RotationPolicy
from intake_desktop.ui.admin.backup_settings import KEEP_MAX, WARN_DAYS_MAX, WARN_DAYS_MIN, BackupSettings
from intake_desktop.ui.admin.restore import ReplaceVaultDialog
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.kit.tables import compact_rows

STEPS = RUN_STEPS


def _size(size: int) -> str:
    """290.6 KB (the units people know from Windows Explorer)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def _local_time(when) -> str:
    return format_datetime(when.astimezone())  # 2025. 5. 14. 15:20, as everywhere


class BackupDialog(QDialog):
    def __init__(self, session, settings: BackupSettings, parent: QWidget | None = None, *,
                 quit_app: Callable[[], None] = QCoreApplication.quit) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.quit_app = quit_app
        self.backups: list[BackupInfo] = []
        self.dialog: QDialog | None = None
        self.last_result = None
        self.last_verified = None
        self.setWindowTitle(self.tr("Backups"))

        # -- make a backup ----------------------------------------------------------------------
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        # Chosen with the button only: it must not look like a box to type into.
        self.folder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.folder.setObjectName("backup_folder")
        self.folder.setStyleSheet("#backup_folder { background: palette(window); color: palette(window-text); }")
        self.folder.setPlaceholderText(self.tr("Choose a folder, e.g. on a USB stick kept locked away"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.create_button = QPushButton(self.tr("Back up now"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_backup)
        self.last_good_label = QLabel()
        self.progress = BusyBar()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        make_box = QGroupBox(self.tr("Make a backup"))
        make = QVBoxLayout(make_box)
        make.addLayout(folder_row)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.last_good_label, 1)
        make.addLayout(row)
        make.addWidget(self.progress)
        make.addWidget(self.result_label)

        # -- backups in the folder --------------------------------------------------------------
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made on"), self.tr("File"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.verify_button = QPushButton(self.tr("Check a backup…"))
        self.verify_button.clicked.connect(self.verify_backup)
        self.restore_folder_button = QPushButton(self.tr("Restore into a new folder…"))
        self.restore_folder_button.clicked.connect(self.restore_into_folder)
        self.replace_button = QPushButton(self.tr("Replace this vault…"))
        self.replace_button.clicked.connect(self.replace_vault)
        list_box = QGroupBox(self.tr("Backups in this folder"))
        listing = QVBoxLayout(list_box)
        listing.addWidget(self.table)
        actions = QHBoxLayout()
        actions.addWidget(self.verify_button)
        actions.addWidget(self.restore_folder_button)
        actions.addStretch()
        actions.addWidget(self.replace_button)
        listing.addLayout(actions)

        # -- keeping and warning ----------------------------------------------------------------
        policy = settings.policy
        self.rotate = QCheckBox(self.tr("After each backup, delete old ones in this folder, keeping:"))
        self.rotate.setChecked(settings.rotate_after_backup)
        self.keep_daily = self._spin(policy.daily, 1, self.tr(" days"))
        self.keep_weekly = self._spin(policy.weekly, 0, self.tr(" weeks"))
        self.keep_monthly = self._spin(policy.monthly, 0, self.tr(" months"))
        self.warn_days = QSpinBox()
        self.warn_days.setRange(WARN_DAYS_MIN, WARN_DAYS_MAX)
        self.warn_days.setValue(settings.warn_days)
        self.warn_days.setSuffix(self.tr(" days"))
        keep_box = QGroupBox(self.tr("Keeping backups"))
        keep = QFormLayout(keep_box)
        keep.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        keep.addRow(self.rotate)
        keep.addRow(self.tr("One a day, for the last:"), self.keep_daily)
        keep.addRow(self.tr("One a week, for the last:"), self.keep_weekly)
        keep.addRow(self.tr("One a month, for the last:"), self.keep_monthly)
        keep.addRow(self.tr("Warn when the last good backup is older than:"), self.warn_days)
        for widget in (self.keep_daily, self.keep_weekly, self.keep_monthly, self.warn_days):
            widget.valueChanged.connect(lambda _v: self.save_settings())
        self.rotate.toggled.connect(lambda _on: self.save_settings())

        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(make_box)
        layout.addWidget(list_box, 1)
        layout.addWidget(keep_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 760)
        if settings.folder is not None:
            self.folder.setText(str(settings.folder))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    @staticmethod
    def _spin(value: int, minimum: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setSuffix(suffix)
        spin.setRange(minimum, KEEP_MAX)
        spin.setValue(value)
        return spin

    # -- settings ------------------------------------------------------------------------------
    def save_settings(self) -> None:
        self.settings.rotate_after_backup = self.rotate.isChecked()
        self.settings.policy = RotationPolicy(self.keep_daily.value(), self.keep_weekly.value(),
                                              self.keep_monthly.value())
        self.settings.warn_days = self.warn_days.value()

    def folder_path(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    def set_folder(self, folder: Path | str) -> None:
        self.folder.setText(str(folder))
        self.settings.folder = folder
        self.refresh()

    def choose_folder(self) -> None:
        start = str(self.folder_path() or Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), start)
        if folder:
            self.set_folder(folder)

    # -- state ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.error.clear()
        try:
            last = self.session.backup.last_good()
        except E.ServiceError:
            last = None
        self.last_good_label.setText(
            self.tr("Last good backup: {when}").format(when=_local_time(last)) if last
            else self.tr("No backup has been made yet."))
        folder = self.folder_path()
        self.backups = []
        if folder is not None and folder.is_dir():
            try:
                self.backups = self.session.backup.list_backups(folder)
            except E.ServiceError as error:
                self.error.show_error(error)
        self.table.setRowCount(len(self.backups))
        for i, info in enumerate(self.backups):
            texts = [_local_time(info.created_at), info.path.name, _size(info.size)]
            for column, text in enumerate(texts):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self._update_buttons()

    def selected_backup(self) -> Path | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows:
            return None
        i = rows[0].row()
        return self.backups[i].path if 0 <= i < len(self.backups) else None

    def _update_buttons(self) -> None:
        working = self.progress.running
        for button in (self.create_button, self.choose_button, self.verify_button, self.restore_folder_button,
                       self.replace_button):
            button.setEnabled(not working)
        self.create_button.setEnabled(not working and self.folder_path() is not None)

    def _backup_file(self) -> Path | None:
        """The selected backup, else one the user picks."""
        selected = self.selected_backup()
        if selected is not None:
            return selected
        start = str(self.folder_path() or Path.home())
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), start,
                                                    self.tr("intake-desktop backups (*{suffix})").format(
                                                        suffix=BACKUP_SUFFIX))
        return Path(path) if path else None

    # -- make a backup -------------------------------------------------------------------------
    def create_backup(self) -> None:
        self.error.clear()
        self.result_label.clear()
        folder = self.folder_path()
        if folder is None:
            self.choose_folder()
            folder = self.folder_path()
            if folder is None:
                return
        if not folder.is_dir():
            self.error.show_text(self.tr("The folder {path} is not there (is the USB stick plugged in?).").format(
                path=str(folder)))
            return
        self.save_settings()
        backup = self.session.backup
        rotation = self.settings.policy if self.settings.rotate_after_backup else None

        def work(progress):
            return backup.run(folder, rotation=rotation, full_check=True, progress=progress)

        self.progress.step(0, STEPS, self.tr("Writing the backup…"))
        self._update_buttons()
        run_in_background(work, on_success=self._created, on_failure=self._failed, on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        captions = {0: self.tr("Writing the backup…"), 1: self.tr("Checking the backup…"),
                    2: self.tr("Removing old backups…"), 3: self.tr("Done.")}
        self.progress.step(done, total, captions.get(done))

    def _created(self, outcome: BackupRun) -> None:
        result, verified, rotation = outcome.result, outcome.verified, outcome.rotation
        self.progress.stop()
        self.last_result, self.last_verified = result, verified
        text = self.tr("Backup written and checked: {file} ({size}, %n case(s)).", "", result.case_count).format(
            file=result.path.name, size=_size(result.size))
        if verified.damaged_values:
            text += " " + self.tr("Warning: %n value(s) in the vault were already damaged.", "",
                                  verified.damaged_values)
        if rotation is not None and rotation.deleted:
            text += " " + self.tr("%n old backup(s) deleted.", "", len(rotation.deleted))
        self.result_label.setText(text)
        self.result_label.setStyleSheet("color: #1e6b34;" if not verified.damaged_values else "color: #a3261b;")
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.progress.stop()
        self.error.show_error(error)
        self._update_buttons()

    # -- check and restore ---------------------------------------------------------------------
    def verify_backup(self, path: Path | None = None) -> None:
        self.error.clear()
        self.result_label.clear()
        path = path or self._backup_file()
        if path is None:
            return
        backup = self.session.backup
        self.progress.start(self.tr("Checking {file}…").format(file=path.name))
        self._update_buttons()
        run_in_background(lambda: backup.verify(path), on_success=self._verified, on_failure=self._failed)

    def _verified(self, verified) -> None:
        self.progress.stop()
        self.last_verified = verified
        info = verified.info
        text = self.tr("{file} is sound: made {when}, %n case(s).", "", verified.case_count).format(
            file=info.path.name, when=_local_time(info.created_at))
        if verified.damaged_values:
            text += " " + self.tr("But %n value(s) inside were already damaged in the vault.", "",
                                  verified.damaged_values)
        self.result_label.setText(text)
        self.result_label.setStyleSheet("color: #1e6b34;" if not verified.damaged_values else "color: #a3261b;")
        self.refresh()

    def restore_into_folder(self) -> None:
        self.error.clear()
        self.result_label.clear()
        path = self._backup_file()
        if path is None:
            return
        target = QFileDialog.getExistingDirectory(self, self.tr("An empty folder for the restored vault"),
                                                  str(Path.home()))
        if not target:
            return
        target = Path(target)
        backup = self.session.backup
        self.progress.start(self.tr("Restoring into {folder}…").format(folder=str(target)))
        self._update_buttons()
        run_in_background(lambda: backup.restore_into(path, target), on_success=self._restored,
                          on_failure=self._failed)

    def _restored(self, result) -> None:
        self.progress.stop()
        folder = result.vault_path.parent
        self.result_label.setText(self.tr(
            "Restored into {folder}. To look at it, start intake-desktop with --data-dir \"{folder}\" and sign in "
            "with the passphrase valid when the backup was made. This vault is unchanged.").format(folder=str(folder)))
        self.result_label.setStyleSheet("color: #1e6b34;")
        self._update_buttons()

    def replace_vault(self) -> ReplaceVaultDialog | None:
        self.error.clear()
        path = self._backup_file()
        if path is None:
            return None
        # Parented to the main window, not to this dialog: locking the session (step 2 of the
        # replacement) closes this dialog, and the replacement's progress must stay in view.
        dialog = ReplaceVaultDialog(self.session, path, self.parentWidget() or self, quit_app=self.quit_app)
        self.dialog = dialog
        dialog.open()
        return dialog
