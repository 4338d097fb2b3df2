"""The case list as a Qt table model over the in-memory CaseIndex.

Built for 100k cases: the model holds only a list of positions into `index.items` (the rows
currently shown, in display order). A search replaces that list and resets the model; no
per-row Python filter callback (QSortFilterProxyModel would call one per row per keystroke).
Filters (stage, risk, my cases, overdue: ui/case_list_filters.py) are one precomputed flag per
case, applied to the search hits.
Sorting uses one precomputed key per case and column, computed the first time that column
is sorted. The index is already in 가나다 order, so sorting by name is just sorting positions.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from itertools import compress
from typing import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from intake_desktop.domain import dates
from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.enums import RiskLevel, Stage
from intake_desktop.domain.korean import collation_key, format_date
from intake_desktop.domain.search import CaseIndex
from intake_desktop.domain.case_filters import CaseFilter, filter_mask
from intake_desktop.ui.labels import risk_label, stage_label
from intake_desktop.ui.roles import CASE_ID_ROLE



class Column(IntEnum):
    NAME = 0
    NUMBER = 1  # the case number: the list is searched by it, so it is shown
    AGE = 2
    RISK = 3
    STAGE = 4
    COUNSELLOR = 5
    LAST_CONTACT = 6
    NEXT_FOLLOW_UP = 7


_RISK_RANK = {level: rank for rank, level in enumerate(RiskLevel)}  # urgent first
_STAGE_RANK = {stage: rank for rank, stage in enumerate(Stage)}
_URGENT_COLOUR = QColor("#b03a2e")
_OVERDUE_COLOUR = QColor("#b03a2e")
_DEMO_COLOUR = QColor("#2e6da4")  # demo names in blue; slanted Hangul reads badly

_COLUMN_COUNT = len(Column)
_HANDLED_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, CASE_ID_ROLE, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole,
))

KeyFunction = Callable[[int, CaseSummary], object]

# Sort keys; None means "no value", which sorts last in both directions.
_SORT_KEYS: dict[Column, KeyFunction] = {
    Column.NAME: lambda position, _case: position,  # index order is 가나다 order
    Column.NUMBER: lambda _p, case: case.case_number,
    Column.AGE: lambda _p, case: -case.birth_date.toordinal() if case.birth_date else None,
    Column.RISK: lambda _p, case: _RISK_RANK[case.risk_level] if case.risk_level else None,
    Column.STAGE: lambda _p, case: _STAGE_RANK[case.stage],
    Column.COUNSELLOR: lambda _p, case: collation_key(case.counsellor_name) if case.counsellor_name else None,
    Column.LAST_CONTACT: lambda _p, case: case.last_contact,
    Column.NEXT_FOLLOW_UP: lambda _p, case: case.next_follow_up,
}


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, *, today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self._today = today
        self._index: CaseIndex | None = None
        self._rows: list[int] = []
        self._query = ""
        self._filter = CaseFilter()
        self._filter_owner = ""  # the account "my cases" means
        self._mask: list[bool] | None = None  # one flag per index position; None: no filter
        self._sort_column = Column.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sort_keys: dict[Column, list] = {}
        self._headers = (
            self.tr("Name"), self.tr("Case number"), self.tr("Age"), self.tr("Risk"), self.tr("Stage"),
            self.tr("Counsellor"), self.tr("Last contact"), self.tr("Next follow-up"),
        )
        # Translated once: data() runs for every visible cell on every repaint.
        self._risk_labels = {level: risk_label(level) for level in RiskLevel}
        self._stage_labels = {stage: stage_label(stage) for stage in Stage}
        self._bold = QFont()
        self._bold.setBold(True)
        self._demo_count = 0
        self._demo_tooltip = self.tr("Demo case (invented data for practice)")
        self._overdue_tooltip = self.tr("Follow-up is overdue")

    # -- what is shown ----------------------------------------------------------------------
    def set_case_index(self, index: CaseIndex | None) -> None:
        """Show a freshly loaded index (None shows nothing), keeping query and sort order."""
        self.beginResetModel()
        self._index = index
        self._sort_keys = {}
        self._demo_count = sum(1 for case in index.items if case.is_demo) if index is not None else 0
        self._mask = self._make_mask()
        self._rows = self._ordered(self._matching(self._query))
        self.endResetModel()

    def clear(self) -> None:
        """Forget every decrypted row (on lock). The filter stays: it holds no personal data."""
        self.beginResetModel()
        self._index = None
        self._rows = []
        self._sort_keys = {}
        self._demo_count = 0
        self._query = ""
        self._mask = None
        self.endResetModel()

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self._query = query
        self._rows = self._ordered(self._matching(query))
        self.endResetModel()

    def set_filter(self, case_filter: CaseFilter, account_id: str = "") -> None:
        """Show only the cases passing `case_filter` ("my cases" means `account_id`'s)."""
        self.beginResetModel()
        self._filter, self._filter_owner = case_filter, account_id
        self._mask = self._make_mask()
        self._rows = self._ordered(self._matching(self._query))
        self.endResetModel()

    @property
    def query(self) -> str:
        return self._query

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def is_narrowed(self) -> bool:
        """True when a query or a filter hides some cases."""
        return bool(self._query.strip()) or not self._filter.is_empty

    def index_in_use(self) -> CaseIndex | None:
        return self._index

    def total_count(self) -> int:
        return len(self._index) if self._index is not None else 0

    def demo_count(self) -> int:
        return self._demo_count

    def summary_at(self, row: int) -> CaseSummary:
        return self._index.items[self._rows[row]]

    def row_of_case(self, case_id: str) -> int | None:
        if self._index is None:
            return None
        items = self._index.items
        return next((row for row, pos in enumerate(self._rows) if items[pos].case_id == case_id), None)

    def _make_mask(self) -> list[bool] | None:
        if self._index is None:
            return None
        return filter_mask(self._index.items, self._filter, self._filter_owner, self._today())

    def _matching(self, query: str) -> list[int]:
        if self._index is None:
            return []
        hits = self._index.search(query)
        if self._mask is None:
            return hits
        return list(compress(hits, map(self._mask.__getitem__, hits)))

    # -- sorting ----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._sort_column, self._sort_order = Column(column), order
        self._rows = self._ordered(self._rows)
        self._move_persistent_indexes(old_rows)
        self.layoutChanged.emit()

    def _keys_for(self, column: Column) -> list:
        keys = self._sort_keys.get(column)
        if keys is None:
            key_of = _SORT_KEYS[column]
            keys = self._sort_keys[column] = [key_of(p, case) for p, case in enumerate(self._index.items)]
        return keys

    def _ordered(self, positions: Sequence[int]) -> list[int]:
        """Positions in the current sort order; equal keys keep 가나다 order; blanks go last."""
        positions = sorted(positions)  # start from 가나다 order so ties stay alphabetical
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if self._index is None or (self._sort_column is Column.NAME and not descending):
            return positions
        keys = self._keys_for(self._sort_column)
        present = [p for p in positions if keys[p] is not None]
        blank = [p for p in positions if keys[p] is None]
        present.sort(key=keys.__getitem__, reverse=descending)
        return present + blank

    def _move_persistent_indexes(self, old_rows: list[int]) -> None:
        """Keep selections on the same cases across a re-sort."""
        persistent = self.persistentIndexList()
        if not persistent:
            return
        new_row_of = {position: row for row, position in enumerate(self._rows)}
        new_indexes = []
        for index in persistent:
            position = old_rows[index.row()]
            new_indexes.append(self.index(new_row_of[position], index.column()))
        self.changePersistentIndexList(persistent, new_indexes)

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self._headers):
                return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # A repaint asks about a dozen roles per visible cell; most get None at once.
        if role not in _HANDLED_ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._rows):
            return None
        case = self._index.items[self._rows[row]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == CASE_ID_ROLE:
            return case.case_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.RISK and case.risk_level is RiskLevel.URGENT:
                return QBrush(_URGENT_COLOUR)
            if column == Column.NEXT_FOLLOW_UP and self._is_overdue(case):
                return QBrush(_OVERDUE_COLOUR)
            if column == Column.NAME and case.is_demo:
                return QBrush(_DEMO_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column == Column.RISK and case.risk_level is RiskLevel.URGENT:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.NAME and case.is_demo:
                return self._demo_tooltip
            if column == Column.NEXT_FOLLOW_UP and self._is_overdue(case):
                return self._overdue_tooltip
        return None

    def _is_overdue(self, case: CaseSummary) -> bool:
        return case.next_follow_up is not None and case.next_follow_up < self._today()

    def _display(self, case: CaseSummary, column: int) -> str:
        if column == Column.NAME:
            return case.name
        if column == Column.NUMBER:
            return case.case_number
        if column == Column.AGE:
            age = case.age(self._today())
            return "" if age is None else str(age)
        if column == Column.RISK:
            return self._risk_labels[case.risk_level] if case.risk_level else ""
        if column == Column.STAGE:
            return self._stage_labels[case.stage]
        if column == Column.COUNSELLOR:
            return case.counsellor_name
        if column == Column.LAST_CONTACT:
            return format_date(case.last_contact) if case.last_contact else ""
        if column == Column.NEXT_FOLLOW_UP:
            return format_date(case.next_follow_up) if case.next_follow_up else ""
        return ""
