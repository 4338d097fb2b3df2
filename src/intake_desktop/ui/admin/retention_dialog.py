"""Retention and destruction (admin): the retention period, the closed cases whose period has
run out, and destroying a case — confirmed by typing its case number and giving the basis.

Destruction removes every trace of the case's content and compacts the file (VACUUM), which
can take a while: it runs off the UI thread.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.services import errors as E
from intake_desktop.services.retention import DueCase
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit.fields import short_text_edit
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.kit.dates import show_date
from intake_desktop.ui.kit.tables import compact_rows


class DestroyDialog(QDialog):
    """Destroy one case. With `case_number` the typed number must match it; without, the
    administrator types the number of the case (e.g. after a withdrawal of consent) twice."""

    destroyed = Signal(str)  # case number

    def __init__(self, session, case_number: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.expected = case_number
        self.setWindowTitle(self.tr("Destroy a case"))
        warning = QLabel(self.tr(
            "The person, the case, intakes, notes, plans, consents, referrals, letters and drafts are deleted "
            "for good. Only a record without personal content stays in the access log. Backups made before "
            "today still hold the case until they are rotated out."))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #a3261b; font-weight: bold;")
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(self.tr("e.g. 2025-00012"))
        self.confirmation = QLineEdit()
        self.reason = short_text_edit(3)
        self.reason.setPlaceholderText(self.tr("e.g. retention period of 5 years after closure has passed"))
        form = QFormLayout()
        if case_number is None:
            form.addRow(self.tr("Case number:"), self.case_number)
            form.addRow(self.tr("Type it again to confirm:"), self.confirmation)
        else:
            form.addRow(self.tr("Case:"), QLabel(case_number))
            form.addRow(self.tr("Type the case number to confirm:"), self.confirmation)
        form.addRow(self.tr("Basis (reason):"), self.reason)
        self.busy = BusyBar()
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.destroy_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.destroy_button.setText(self.tr("Destroy for good"))
        buttons.accepted.connect(self.destroy_case)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)
        for edit in (self.case_number, self.confirmation):
            edit.textChanged.connect(lambda _t: self._update())
        self.reason.textChanged.connect(self._update)
        self._update()

    def target(self) -> str:
        return self.expected if self.expected is not None else self.case_number.text().strip()

    def confirmed(self) -> bool:
        target = self.target()
        return bool(target) and self.confirmation.text().strip() == target

    def _update(self) -> None:
        self.destroy_button.setEnabled(self.confirmed() and bool(self.reason.toPlainText().strip())
                                       and not self.busy.running)

    def reject(self) -> None:
        if not self.busy.running:
            super().reject()

    def destroy_case(self) -> None:
        self.error.clear()
        if not self.confirmed():
            self.error.show_text(self.tr("The case number typed does not match."))
            return
        if not self.reason.toPlainText().strip():
            self.error.show_text(self.tr("Give the basis for the destruction."))
            return
        retention, number, reason = self.session.retention, self.target(), self.reason.toPlainText()
        self.busy.start(self.tr("Destroying the case and compacting the vault…"))
        self._update()
        run_in_background(lambda: retention.destroy(number, reason), on_success=self._destroyed,
                          on_failure=self._failed)

    def _destroyed(self, number: str) -> None:
        self.busy.stop()
        self.destroyed.emit(number)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.show_error(error)
        self._update()


class RetentionDialog(QDialog):
    case_destroyed = Signal(str)  # case number: the case list must be reloaded

    def __init__(self, session, parent: QWidget | None = None, *, today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.due: list[DueCase] = []
        self.dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Retention and destruction"))

        self.years = QSpinBox()
        self.years.setRange(1, 30)
        self.years.setSuffix(self.tr(" years after closure"))
        self.save_years_button = QPushButton(self.tr("Save"))
        self.save_years_button.clicked.connect(self.save_years)
        years_note = QLabel(self.tr("Must not be shorter than the period stated on the collection consent form."))
        years_note.setWordWrap(True)
        years_note.setStyleSheet("color: #5f6368;")
        period_box = QGroupBox(self.tr("Retention period"))
        period = QVBoxLayout(period_box)
        row = QHBoxLayout()
        row.addWidget(self.years)
        row.addWidget(self.save_years_button)
        row.addStretch()
        period.addLayout(row)
        period.addWidget(years_note)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Case number"), self.tr("Closed on"), self.tr("Due on")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("No closed case has reached the end of its retention period."))
        self.destroy_button = QPushButton(self.tr("Destroy the selected case…"))
        self.destroy_button.clicked.connect(self.destroy_selected)
        self.destroy_other_button = QPushButton(self.tr("Destroy another case…"))
        self.destroy_other_button.setToolTip(self.tr("For example after the consent to collection was withdrawn."))
        self.destroy_other_button.clicked.connect(self.destroy_other)
        due_box = QGroupBox(self.tr("Cases due for destruction"))
        due = QVBoxLayout(due_box)
        due.addWidget(self.empty_label)
        due.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.destroy_button)
        actions.addStretch()
        actions.addWidget(self.destroy_other_button)
        due.addLayout(actions)

        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(period_box)
        layout.addWidget(due_box, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.refresh()

    def refresh(self) -> None:
        self.error.clear()
        try:
            self.years.setValue(self.session.retention.retention_years())
            self.due = self.session.retention.due(self._today())
        except E.ServiceError as error:
            self.due = []
            self.error.show_error(error)
        self.table.setRowCount(len(self.due))
        for i, case in enumerate(self.due):
            for column, text in enumerate([case.case_number, show_date(case.closed_on), show_date(case.due_on)]):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self.empty_label.setVisible(not self.due)
        self.table.setVisible(bool(self.due))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.destroy_button.setEnabled(self.selected() is not None)

    def selected(self) -> DueCase | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows:
            return None
        i = rows[0].row()
        return self.due[i] if 0 <= i < len(self.due) else None

    def save_years(self) -> None:
        self.error.clear()
        try:
            self.session.retention.set_retention_years(self.years.value())
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.done_label.setText(self.tr("Retention period saved: %n year(s) after closure.", "", self.years.value()))
        self.refresh()

    def _open_destroy(self, case_number: str | None) -> DestroyDialog:
        dialog = DestroyDialog(self.session, case_number, self)
        dialog.destroyed.connect(self._destroyed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def destroy_selected(self) -> DestroyDialog | None:
        case = self.selected()
        return self._open_destroy(case.case_number) if case else None

    def destroy_other(self) -> DestroyDialog:
        return self._open_destroy(None)

    def _destroyed(self, number: str) -> None:
        self.done_label.setText(self.tr("Case {number} was destroyed.").format(number=number))
        self.refresh()
        self.case_destroyed.emit(number)
