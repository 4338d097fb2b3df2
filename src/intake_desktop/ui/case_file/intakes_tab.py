"""Intakes and re-assessments: the table of scores over time, a sparkline per instrument, and
buttons to start a re-assessment or open an intake in the intake form (ui/intake_form)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from intake_desktop.services import errors as E
from intake_desktop.services.session import Session
from intake_desktop.ui.case_file import screens
from intake_desktop.ui.case_file.intake_history import VIEW_ROLE, IntakeHistoryModel, intake_rows
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.case_file.sparkline import Sparkline
from intake_desktop.ui.error_label import ErrorLabel


class IntakesTab(QWidget):
    changed = Signal()  # an intake was saved: the case's risk, scores or crisis flag may differ

    def __init__(self, session: Session, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self.intake_dialog = None
        self._dialog_record = ""
        self.model = IntakeHistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Intakes and re-assessments"))
        self.table.activated.connect(lambda _index: self.open_selected())
        self.empty = QLabel(self.tr("No intake yet. Start with “New intake…”."))
        self.trend_box = QWidget()
        self.trends = QGridLayout(self.trend_box)
        self.trends.setContentsMargins(0, 0, 0, 0)
        self.error = ErrorLabel()
        self.new_button = QPushButton(self.tr("&New intake / re-assessment…"))
        self.new_button.clicked.connect(self.new_intake)
        self.open_button = QPushButton(self.tr("Op&en"))
        self.open_button.clicked.connect(self.open_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Scores over time (oldest to newest):")))
        layout.addWidget(self.trend_box)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.error.clear()
        try:
            rows, instruments = intake_rows(self._session.intakes.records(self._case_id), content_language())
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.model.set_rows(rows, instruments)
        self.empty.setVisible(not rows)
        self.open_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
        self._show_trends()

    def _show_trends(self) -> None:
        while self.trends.count():
            item = self.trends.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for row, (instrument_id, title) in enumerate(self.model.instruments):
            name = QLabel(title)
            line = Sparkline()
            series = self.model.series(instrument_id)
            line.set_values(series, self.model.score_range(instrument_id), title)
            values = QLabel(" → ".join("—" if v is None else str(v) for v in series))
            self.trends.addWidget(name, row, 0)
            self.trends.addWidget(line, row, 1)
            self.trends.addWidget(values, row, 2)
        self.trends.setColumnStretch(3, 1)  # the lines keep their size; the rest of the row is empty

    def selected_view(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(VIEW_ROLE) if rows else None

    def new_intake(self) -> None:
        self._open_dialog(None)

    def open_selected(self) -> None:
        view = self.selected_view()
        if view is not None:
            self._open_dialog(view)

    def _open_dialog(self, view) -> None:
        dialog_class = screens.intake_form_dialog()
        try:
            dialog = dialog_class(self._session, self._case_id, view=view, parent=self)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        dialog.finished.connect(self._dialog_closed)
        self.intake_dialog = dialog
        self._dialog_record = view.record_id if view is not None else ""
        dialog.show()

    def open_dialog_record(self) -> str | None:
        """The record id of the intake open in the form ("" for a new one), None if none is."""
        dialog = self.intake_dialog
        if dialog is None or not dialog.isVisible():
            return None
        return self._dialog_record

    def reopen_dialog(self, record_id: str) -> None:
        """Open the form again on the same intake (after an unlock); it restores its draft."""
        if not record_id:
            self._open_dialog(None)
            return
        try:
            views = self._session.intakes.records(self._case_id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        view = next((v for v in views if v.record_id == record_id), None)
        if view is not None:
            self._open_dialog(view)

    def _dialog_closed(self, _result: int) -> None:
        self.intake_dialog = None
        if self._session.is_locked:
            return
        self.refresh()
        self.changed.emit()
