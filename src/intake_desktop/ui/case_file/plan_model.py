"""The service plan's goals as an editable table: goal, services, responsible partner (from
the partner directory), target date, status. Editing happens in place (F2, Enter or typing);
the delegate offers a list for the partner and the status."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QWidget

from intake_desktop.domain.cases import parse_date
from intake_desktop.domain.korean import format_date
from intake_desktop.ui.kit.list_table import ListTableModel
from intake_desktop.ui.casework_labels import PLAN_STATUSES, plan_status_label
from intake_desktop.ui.new_case_dialog import normalise_date_input


class PlanColumn(IntEnum):
    GOAL = 0
    SERVICES = 1
    PARTNER = 2
    TARGET = 3
    STATUS = 4


_KEYS = {PlanColumn.GOAL: "goal", PlanColumn.SERVICES: "services", PlanColumn.PARTNER: "partner_id",
         PlanColumn.TARGET: "target_date", PlanColumn.STATUS: "status"}


def blank_goal() -> dict:
    return {"goal": "", "services": "", "partner_id": None, "target_date": None, "status": "open"}


class PlanModel(ListTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._goals: list[dict] = []
        self._pristine: list[dict] = []
        self.partners: list[tuple[str, str]] = []  # (partner id, name) in directory order
        self._partner_names: dict[str, str] = {}
        self._headers = (self.tr("Goal"), self.tr("Services"), self.tr("Responsible partner"),
                         self.tr("Target date"), self.tr("Status"))

    # -- content --------------------------------------------------------------------------------
    def set_partners(self, partners: list[tuple[str, str]]) -> None:
        self.partners = list(partners)
        self._partner_names = dict(partners)

    def set_goals(self, goals: list[dict], *, pristine: list[dict] | None = None) -> None:
        self.beginResetModel()
        self._goals = [dict(blank_goal(), **g) for g in goals]
        self._pristine = [dict(g) for g in (pristine if pristine is not None else self._goals)]
        self.endResetModel()

    def goals(self) -> list[dict]:
        return [dict(g) for g in self._goals]

    def is_dirty(self) -> bool:
        return self._goals != self._pristine

    def mark_clean(self) -> None:
        self._pristine = [dict(g) for g in self._goals]

    def add_goal(self) -> int:
        row = len(self._goals)
        self.beginInsertRows(QModelIndex(), row, row)
        self._goals.append(blank_goal())
        self.endInsertRows()
        return row

    def remove_goal(self, row: int) -> None:
        if 0 <= row < len(self._goals):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._goals[row]
            self.endRemoveRows()

    def partner_name(self, partner_id: str | None) -> str:
        return self._partner_names.get(partner_id, "") if partner_id else ""

    # -- QAbstractTableModel ------------------------------------------------------------------
    def _row_count(self) -> int:
        return len(self._goals)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._goals) or not 0 <= index.column() < len(PlanColumn):
            return None
        goal, column = self._goals[index.row()], PlanColumn(index.column())
        value = goal.get(_KEYS[column])
        if role == Qt.ItemDataRole.EditRole:
            return value or ""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column is PlanColumn.PARTNER:
            return self.partner_name(value)
        if column is PlanColumn.TARGET:
            parsed = parse_date(value)
            return format_date(parsed) if parsed else (value or "")
        if column is PlanColumn.STATUS:
            return plan_status_label(value or "open")
        return value or ""

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._goals):
            return False
        column = PlanColumn(index.column())
        if column is PlanColumn.TARGET:
            text = normalise_date_input(str(value or ""))
            value = text or None
        elif column is PlanColumn.PARTNER:
            value = value or None
        elif column is PlanColumn.STATUS:
            value = value if value in PLAN_STATUSES else "open"
        else:
            value = str(value or "")
        self._goals[index.row()][_KEYS[column]] = value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True


class PlanDelegate(QStyledItemDelegate):
    """A list to choose from for the partner and the status; a date hint for the target date."""

    def createEditor(self, parent: QWidget, option, index):  # noqa: N802 - Qt override
        column = index.column()
        model: PlanModel = index.model()
        if column == PlanColumn.PARTNER:
            box = QComboBox(parent)
            box.addItem(self.tr("(none)"), "")
            for partner_id, name in model.partners:
                box.addItem(name, partner_id)
            return box
        if column == PlanColumn.STATUS:
            box = QComboBox(parent)
            for status in PLAN_STATUSES:
                box.addItem(plan_status_label(status), status)
            return box
        editor = QLineEdit(parent)
        if column == PlanColumn.TARGET:
            editor.setPlaceholderText(self.tr("e.g. 2025. 9. 30."))
        return editor

    def setEditorData(self, editor: QWidget, index) -> None:  # noqa: N802 - Qt override
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value or "")))
        elif index.column() == PlanColumn.TARGET:
            parsed = parse_date(value)
            editor.setText(format_date(parsed) if parsed else str(value or ""))
        else:
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model, index) -> None:  # noqa: N802 - Qt override
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            model.setData(index, editor.text())
