"""Access-log events as a Qt table model (read-only)."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from intake_desktop.services.access_log import AccessEvent
from intake_desktop.ui.admin.action_labels import action_label


class Column:
    TIME, ACCOUNT, ACTION, CASE, WORKSTATION, DETAILS = range(6)


def details_text(event: AccessEvent) -> str:
    return "; ".join(f"{key}={value}" for key, value in sorted(event.details.items()))


class AccessLogModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.events: list[AccessEvent] = []

    def set_events(self, events: Sequence[AccessEvent]) -> None:
        self.beginResetModel()
        self.events = list(events)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time (Seoul)"), self.tr("Account"), self.tr("Action"), self.tr("Case"), self.tr("PC"),
                self.tr("Details"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        event = self.events[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (event.at.strftime("%Y-%m-%d %H:%M:%S"), event.username, action_label(event.action),
                    event.case_number, event.workstation, details_text(event))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.ACTION:
                return event.action
            if column == Column.DETAILS:
                return details_text(event)
        return None
