"""Session notes: the editor for a new note above, the timeline (newest first) and the full
text of the chosen note below."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QGroupBox, QListView, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.services import errors as E
from intake_desktop.services.session import Session
from intake_desktop.ui.case_file.notes_model import RECORD_ROLE, NotesModel
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.note_editor import NoteEditor


class NotesTab(QWidget):
    changed = Signal()  # a note was added: the case's last contact moved

    def __init__(self, session: Session, case_id: str, *, today: Callable[[], date] = dates.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self.editor = NoteEditor(session, case_id, today=today)
        self.editor.saved.connect(self._note_saved)
        editor_box = QGroupBox(self.tr("New session note"))
        QVBoxLayout(editor_box).addWidget(self.editor)

        self.model = NotesModel(self)
        self.timeline = QListView()
        self.timeline.setModel(self.model)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setAccessibleName(self.tr("Session notes, newest first"))
        self.timeline.setUniformItemSizes(True)
        # One line per note, cut with "…" (the full text is beside it): no sideways scrolling.
        self.timeline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.selectionModel().currentChanged.connect(lambda current, _previous: self._show(current))
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("The chosen note"))
        self.error = ErrorLabel()

        history = QSplitter(Qt.Orientation.Horizontal)
        history.addWidget(self.timeline)
        history.addWidget(self.detail)
        history.setStretchFactor(0, 1)
        history.setStretchFactor(1, 1)
        history_box = QGroupBox(self.tr("Timeline"))
        QVBoxLayout(history_box).addWidget(history)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(editor_box)
        splitter.addWidget(history_box)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)

    def refresh(self) -> None:
        self.error.clear()
        try:
            notes = self._session.casework.notes(self._case_id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.model.set_notes(notes)
        if notes:
            self.timeline.setCurrentIndex(self.model.index(0))
        else:
            self.detail.setPlainText(self.tr("No session notes yet."))

    def _show(self, index) -> None:
        record = index.data(RECORD_ROLE) if index.isValid() else None
        if record is None:
            self.detail.clear()
            return
        document = record.document
        text = f"{self.model.heading(record)}\n\n{document.get('content', '')}"
        if document.get("next_steps"):
            text += "\n\n" + self.tr("Next steps:") + "\n" + document["next_steps"]
        self.detail.setPlainText(text)

    def _note_saved(self, _record) -> None:
        self.refresh()
        self.changed.emit()

    # -- editor protocol (delegated to the note editor) -----------------------------------------
    def has_unsaved(self) -> bool:
        return self.editor.has_unsaved()

    def draft(self) -> dict:
        return self.editor.draft()

    def restore(self, content: dict) -> None:
        self.editor.restore(content)

    def save(self) -> bool:
        return self.editor.save()
