"""Follow-ups: the list (tick "done" with the mouse or Space) and a line to add one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.domain.cases import parse_date
from intake_desktop.services import errors as E
from intake_desktop.services.session import Session
from intake_desktop.ui.case_file.follow_ups_model import FollowUpColumn, FollowUpsModel
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.note_editor import DATE_FORMAT, from_qdate, to_qdate

DEFAULT_DAYS_AHEAD = 7


class FollowUpsTab(QWidget):
    changed = Signal()  # the case's next follow-up date moved

    def __init__(self, session: Session, case_id: str, *, today: Callable[[], date] = dates.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self._today = today
        self.model = FollowUpsModel(self, today=today)
        self.model.complete_requested.connect(self.complete)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Follow-ups"))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FollowUpColumn.DUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FollowUpColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FollowUpColumn.DONE, QHeaderView.ResizeMode.ResizeToContents)

        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(DATE_FORMAT)
        self.due.setAccessibleName(self.tr("Due date"))
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("e.g. text message to ask how the first group meeting went"))
        self.what.setAccessibleName(self.tr("What is to be done"))
        self.what.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("A&dd follow-up"))
        self.add_button.clicked.connect(self.add)
        self.error = ErrorLabel()
        due_label = QLabel(self.tr("D&ue:"))
        due_label.setBuddy(self.due)
        what_label = QLabel(self.tr("&What:"))
        what_label.setBuddy(self.what)
        row = QHBoxLayout()
        row.addWidget(due_label)
        row.addWidget(self.due)
        row.addWidget(what_label)
        row.addWidget(self.what, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self._reset_form()

    def _reset_form(self) -> None:
        self.due.setDate(to_qdate(self._today() + timedelta(days=DEFAULT_DAYS_AHEAD)))
        self.what.clear()

    def refresh(self) -> None:
        self.error.clear()
        try:
            self.model.set_records(self._session.casework.follow_ups(self._case_id))
        except E.ServiceError as error:
            self.error.show_error(error)

    def add(self) -> bool:
        self.error.clear()
        try:
            self._session.casework.add_follow_up(self._case_id, from_qdate(self.due.date()), self.what.text())
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self._reset_form()
        self.refresh()
        self.changed.emit()
        return True

    def complete(self, record) -> None:
        self.error.clear()
        try:
            self._session.casework.complete_follow_up(self._case_id, record, on=self._today())
        except E.ServiceError as error:
            self.error.show_error(error)
        self.refresh()
        self.changed.emit()

    # -- editor protocol: only the "add" line holds typing ------------------------------------
    def has_unsaved(self) -> bool:
        return bool(self.what.text().strip())

    def draft(self) -> dict:
        return {"due": from_qdate(self.due.date()).isoformat(), "what": self.what.text()}

    def restore(self, content: dict) -> None:
        due = parse_date(content.get("due"))
        if due is not None:
            self.due.setDate(to_qdate(due))
        self.what.setText(str(content.get("what") or ""))

    def save(self) -> bool:
        return self.add() if self.has_unsaved() else True
