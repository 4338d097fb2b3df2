"""Session notes as a timeline, newest first: one row per note, date · kind · duration and the
first line of the text (the full note is shown beside the list)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from intake_desktop.domain.cases import parse_date
from intake_desktop.domain.korean import format_date
from intake_desktop.services.records import Record
from intake_desktop.ui.casework_labels import note_mode_label

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
_PREVIEW_CHARS = 80


class NotesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[Record] = []

    def set_notes(self, notes: list[Record]) -> None:
        """`notes` newest first (casework.notes() order)."""
        self.beginResetModel()
        self._notes = list(notes)
        self.endResetModel()

    def note(self, row: int) -> Record:
        return self._notes[row]

    def heading(self, record: Record) -> str:
        document = record.document
        on = parse_date(document.get("date"))
        parts = [format_date(on) if on else "—", note_mode_label(document.get("mode", ""))]
        if document.get("minutes"):
            parts.append(self.tr("{minutes} min").format(minutes=document["minutes"]))
        return " · ".join(parts)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        record = self._notes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            first_line = (record.document.get("content") or "").strip().splitlines()
            preview = first_line[0] if first_line else ""
            if len(preview) > _PREVIEW_CHARS:
                preview = preview[:_PREVIEW_CHARS] + "…"
            return f"{self.heading(record)} — {preview}"
        if role == RECORD_ROLE:
            return record
        return None
