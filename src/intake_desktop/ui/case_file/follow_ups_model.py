"""Follow-ups of a case: due date, what is to be done, done (a check box). Open ones first,
by due date; an overdue one is shown in red. Ticking "done" asks the tab to record it (the
model never calls a service itself); a done follow-up cannot be un-ticked."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from intake_desktop.domain import dates
from intake_desktop.domain.cases import parse_date
from intake_desktop.domain.korean import format_date
from intake_desktop.services.records import Record
from intake_desktop.ui.kit.list_table import ListTableModel

_OVERDUE = QColor("#b03a2e")


class FollowUpColumn(IntEnum):
    DUE = 0
    WHAT = 1
    DONE = 2


class FollowUpsModel(ListTableModel):
    complete_requested = Signal(object)  # the Record to mark as done

    def __init__(self, parent: QObject | None = None, *, today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self._today = today
        self._records: list[Record] = []
        self._headers = (self.tr("Due"), self.tr("What"), self.tr("Done"))

    def set_records(self, records: list[Record]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Record:
        return self._records[row]

    def _overdue(self, record: Record) -> bool:
        due = parse_date(record.document.get("due"))
        return not record.document.get("done") and due is not None and due < self._today()

    def _row_count(self) -> int:
        return len(self._records)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == FollowUpColumn.DONE and not self._records[index.row()].document.get("done"):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record, column = self._records[index.row()], index.column()
        document = record.document
        if role == Qt.ItemDataRole.DisplayRole:
            if column == FollowUpColumn.DUE:
                due = parse_date(document.get("due"))
                return format_date(due) if due else ""
            if column == FollowUpColumn.WHAT:
                return document.get("what", "")
            if column == FollowUpColumn.DONE:
                done = parse_date(document.get("done"))
                return format_date(done) if done else ""
        if role == Qt.ItemDataRole.CheckStateRole and column == FollowUpColumn.DONE:
            return Qt.CheckState.Checked if document.get("done") else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column == FollowUpColumn.DUE and self._overdue(record):
            return QBrush(_OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and self._overdue(record):
            return self.tr("Overdue")
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != FollowUpColumn.DONE or not 0 <= index.row() < len(self._records)):
            return False
        record = self._records[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if record.document.get("done") or not checked:
            return False
        self.complete_requested.emit(record)
        return True
