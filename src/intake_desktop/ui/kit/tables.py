"""Table views shared by many screens."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def compact_rows(table: QTableView) -> None:
    """One text line a row (the default row height of some styles is twice that)."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    rows.hide()
