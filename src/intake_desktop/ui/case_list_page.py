"""The Cases tab of the main window: filters, notes and the list of cases.

The page shows a CaseTableModel (ui/case_table_model.py) and says what it shows: the counts (for
the window's top bar, `count_text`), the "no cases yet" hint, the demo-case note, and a note line
for what happened to unsaved typing (`show_note`). It never reads the vault: the window hands it
each decrypted index, and what a row means (open the case) goes out as `case_activated`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMenu, QTableView, QVBoxLayout, QWidget

from intake_desktop.domain.enums import RiskLevel, Stage
from intake_desktop.domain.korean import format_date
from intake_desktop.ui.case_list_filters import FilterBar
from intake_desktop.ui.case_table_model import CASE_ID_ROLE, CaseTableModel, Column
from intake_desktop.ui.labels import risk_label, stage_label

_COLUMN_WIDTHS = {Column.NAME: 130, Column.COUNSELLOR: 110}  # the others fit their content
_CELL_PADDING = 16
_HEADER_PADDING = 32  # room for the sort arrow


class CaseListPage(QWidget):
    case_activated = Signal(str)  # case id: a row was double-clicked or Enter pressed
    filter_changed = Signal(object)  # CaseFilter chosen in the filter bar

    def __init__(self, model: CaseTableModel, context_actions: list[QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._context_actions = context_actions  # the row's menu: open, open in a window
        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self.filter_changed)
        self.empty_hint = QLabel(self.tr("No cases yet. Use “New case” to add the first one."))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.hide()
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        self.draft_note.hide()
        self.demo_note = QLabel()
        self.demo_note.setStyleSheet("color: #2e6da4;")
        self.demo_note.hide()

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda index: self._activated(index.data(CASE_ID_ROLE)))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._list_menu)
        self._fit_rows()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        self._fit_columns()
        header.setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)

    def _activated(self, case_id: str | None) -> None:
        if case_id:
            self.case_activated.emit(case_id)

    # -- what the page says -------------------------------------------------------------------
    def count_text(self) -> str:
        """The count for the window's top bar; also updates the hint and the demo note."""
        shown, total = self.model.rowCount(), self.model.total_count()
        self.empty_hint.setVisible(total == 0)
        demo = self.model.demo_count()
        self.demo_note.setText(self.tr(
            "Names in blue are demo cases with invented data, for practice: %Ln of them.", "", demo))
        self.demo_note.setVisible(demo > 0)
        if self.model.is_narrowed():
            locale = QLocale()
            return self.tr("{shown} of {total}").format(shown=locale.toString(shown), total=locale.toString(total))
        return self.tr("Cases: %Ln", "", total)

    def show_note(self, text: str) -> None:
        self.draft_note.setText(text)
        self.draft_note.show()

    def clear_notes(self) -> None:
        self.draft_note.hide()
        self.demo_note.hide()

    # -- selection ----------------------------------------------------------------------------
    def selected_case_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(CASE_ID_ROLE) if rows else None

    def select_case(self, case_id: str, *, scroll: bool = True) -> None:
        row = self.model.row_of_case(case_id)
        if row is not None:
            self.table.selectRow(row)
            if scroll:
                self.table.scrollTo(self.model.index(row, 0))

    def _list_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        for action in self._context_actions:
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    # -- sizes --------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        font_changed = event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)
        if font_changed and hasattr(self, "table"):  # (also sent while the page is being built)
            self._fit_rows()  # the list's fixed row height follows the text size
            self._fit_columns()

    def _fit_rows(self) -> None:
        # Fixed row heights: Qt never measures 100k rows.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)

    def _fit_columns(self) -> None:
        """Widths from the longest label in the current language (Korean labels are short,
        English and pseudo ones long), never by measuring 100k cells."""
        cells = self.table.fontMetrics()
        headers = self.table.horizontalHeader().fontMetrics()
        scale = cells.height() / 16  # the fixed widths were chosen at a 16-pixel line
        samples = {
            Column.NUMBER: ["2026-00012"],
            Column.AGE: ["100"],
            Column.RISK: [risk_label(level) for level in RiskLevel],
            Column.STAGE: [stage_label(stage) for stage in Stage],
            Column.LAST_CONTACT: [format_date(date(2025, 12, 31))],
            Column.NEXT_FOLLOW_UP: [format_date(date(2025, 12, 31))],
        }
        for column in Column:
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = headers.horizontalAdvance(title) + _HEADER_PADDING
            if column in samples:
                width = max(width, max(cells.horizontalAdvance(s) for s in samples[column]) + _CELL_PADDING)
            else:
                width = max(width, round(_COLUMN_WIDTHS[column] * max(1.0, scale)))
            self.table.setColumnWidth(column, width)

