"""Item data roles the program's Qt models share (one number each, so a view can take a row of
any list of cases and ask for its case id the same way)."""

from __future__ import annotations

from PySide6.QtCore import Qt

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
