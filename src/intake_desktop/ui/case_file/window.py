"""A case file in a window of its own (several can be open, e.g. two cases side by side).

Ctrl+S saves the current tab, Ctrl+W closes the window; closing with unsaved changes asks
whether to keep them as a draft. The main window keeps track of these windows so that a lock
stores their drafts and closes them, and the unlock opens them again.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake_desktop.domain import dates
from intake_desktop.services.session import Session
from intake_desktop.ui.case_file.close_question import ask_about_unsaved
from intake_desktop.ui.case_file.widget import CaseFileWidget


class CaseFileWindow(QWidget):
    closed = Signal(object)  # this window

    def __init__(self, session: Session, case_id: str, *, today: Callable[[], date] = dates.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.case_file = CaseFileWidget(session, case_id, today=today)
        self.case_file.title_changed.connect(self.setWindowTitle)
        self.setWindowTitle(self.case_file.title())
        self.close_question = None
        self._confirmed = False
        save = QAction(self.tr("Save"), self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self.case_file.save_current)
        close = QAction(self.tr("Close case"), self)
        close.setShortcut(QKeySequence("Ctrl+W"))
        close.triggered.connect(self.close)
        self.addActions([save, close])
        layout = QVBoxLayout(self)
        layout.addWidget(self.case_file)
        self.resize(900, 680)

    @property
    def case_id(self) -> str:
        return self.case_file.case_id

    def close_without_asking(self) -> None:
        """For the lock and quit paths, which have already kept the draft."""
        self._confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._confirmed or not self.case_file.has_unsaved():
            self.closed.emit(self)
            event.accept()
            return
        event.ignore()

        def keep() -> None:
            if self.case_file.keep_draft() is not None:
                self.close_without_asking()

        self.close_question = ask_about_unsaved(self, self.case_file.title(), keep, self.close_without_asking)
