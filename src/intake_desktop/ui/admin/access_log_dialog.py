"""The access log (supervisors and admins): filter by account, case number, action and
period; download the period as CSV (after saying why); open the monthly review.

Viewing and downloading are themselves recorded by the service.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from intake_desktop.ui.admin.access_log_model import AccessLogModel, Column
from intake_desktop.ui.admin.action_labels import ACTION_FILTERS, filter_label
from intake_desktop.ui.admin.review_dialog import MonthlyReviewDialog
from intake_desktop.ui.background import Latest, run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit.lock_guard import forget_on_lock
from intake_desktop.ui.kit.fields import short_text_edit
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.kit.dates import date_edit, from_qdate, show_date
from intake_desktop.ui.kit.tables import compact_rows
from intake_desktop.domain import dates


class ExportReasonDialog(QDialog):
    """Why the access log is being downloaded (required; recorded with the download)."""

    def __init__(self, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Download the access log"))
        intro = QLabel(self.tr("Events from {start} to {end} will be saved as a CSV file (UTF-8, opens in "
                               "Excel). The download and its reason are recorded in the log.").format(
            start=show_date(start), end=show_date(end)))
        intro.setWordWrap(True)
        self.reason = short_text_edit(3)
        self.reason.setPlaceholderText(self.tr("e.g. quarterly inspection by the district office"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose a file…"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _accept(self) -> None:
        if not self.reason_text():
            self.error.show_text(self.tr("Say why the access log is being downloaded."))
            return
        self.accept()


class AccessLogDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None, *, today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.dialog: QDialog | None = None
        self._loading = Latest()  # only the newest request's events are shown
        self.setWindowTitle(self.tr("Access log"))

        self.account = QComboBox()
        self.account.addItem(self.tr("All accounts"), None)
        try:
            for account in session.accounts.list():
                self.account.addItem(f"{account.display_name} ({account.username})", account.id)
        except Exception:  # noqa: BLE001 - the filter is optional; the log itself reports errors
            pass
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(self.tr("Case number, e.g. 2025-00012"))
        self.case_number.setClearButtonEnabled(True)
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        for text, prefix in ACTION_FILTERS:
            self.action.addItem(filter_label(text), prefix)
        first = today().replace(day=1)
        self.start = date_edit(first, maximum=today())
        self.end = date_edit(today(), maximum=today())
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Account:")), 0, 0)
        filters.addWidget(self.account, 0, 1)
        filters.addWidget(QLabel(self.tr("Case:")), 0, 2)
        filters.addWidget(self.case_number, 0, 3)
        filters.addWidget(QLabel(self.tr("Action:")), 1, 0)
        filters.addWidget(self.action, 1, 1)
        filters.addWidget(QLabel(self.tr("From:")), 1, 2)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        period.addStretch()
        filters.addLayout(period, 1, 3)
        filters.addWidget(self.show_button, 1, 4)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)

        self.model = AccessLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        for column in (Column.TIME, Column.ACCOUNT, Column.ACTION, Column.CASE, Column.WORKSTATION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.count_label = QLabel()
        self.busy = BusyBar()
        self.error = ErrorLabel()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Download as CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        self.review_button = QPushButton(self.tr("Monthly review…"))
        self.review_button.clicked.connect(self.open_review)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.review_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1040, 640)
        forget_on_lock(session, self, AccessLogDialog.forget)
        self.load()

    def forget(self) -> None:
        """The session locked: drop the events shown and close."""
        self._loading.cancel()
        self.model.set_events([])
        self.busy.stop()
        self.done(QDialog.DialogCode.Rejected)

    # -- loading ----------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def set_action(self, prefix: str | None) -> None:
        index = self.action.findData(prefix)
        if index >= 0:
            self.action.setCurrentIndex(index)

    def load(self) -> None:
        self.error.clear()
        self.done_label.clear()
        start, end = self.period()
        account_id = self.account.currentData()
        action = self.action.currentData()
        case_number = self.case_number.text().strip()
        self.busy.start(self.tr("Reading the access log…"))
        self.show_button.setEnabled(False)
        log = self.session.access_log

        def work():
            events = log.events(start=start, end=end, account_id=account_id, action=action)
            if case_number:
                events = [e for e in events if case_number in e.case_number]
            return events

        self._loading.run(work, on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, events) -> None:
        if self.session.is_locked:
            return
        self.busy.stop()
        self.show_button.setEnabled(True)
        self.model.set_events(events)
        self.count_label.setText(self.tr("%n event(s)", "", len(events)))

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.show_button.setEnabled(True)
        self.error.show_error(error)

    # -- export and review -------------------------------------------------------------------
    def export_csv(self) -> ExportReasonDialog:
        self.error.clear()
        start, end = self.period()
        dialog = ExportReasonDialog(start, end, self)
        dialog.accepted.connect(lambda: self._export_to_file(start, end, dialog.reason_text()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _export_to_file(self, start: date, end: date, reason: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("access-log-{start}-{end}.csv").format(start=start.isoformat(), end=end.isoformat())
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Download the access log"),
                                                    str(Path(folder) / name) if folder else name,
                                                    self.tr("CSV files (*.csv)"))
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        self.busy.start(self.tr("Writing the file…"))
        log = self.session.access_log
        run_in_background(lambda: log.export_csv(path, start, end, reason),
                          on_success=lambda count: self._exported(path, count), on_failure=self._export_failed)

    def _exported(self, path: Path, count: int) -> None:
        self.busy.stop()
        self.done_label.setText(self.tr("Saved %n event(s) to {path}.", "", count).format(path=str(path)))

    def _export_failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.show_error(error)

    def open_review(self) -> MonthlyReviewDialog:
        dialog = MonthlyReviewDialog(self.session, self, today=self._today)
        self.dialog = dialog
        dialog.open()
        return dialog
