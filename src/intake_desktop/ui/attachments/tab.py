"""The 첨부 문서 tab of a case: scanned documents, added with a file chooser or by dropping files
on the tab, listed, viewed inside the app, saved where the user chooses, deleted after a question.

Everything goes through services/attachments.py (roles, access log, encryption); this screen keeps
only the list of metadata, and drops it when the session locks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from intake_desktop.domain.attachments import KINDS, MAX_BYTES
from intake_desktop.services import errors as E
from intake_desktop.services.attachments import AttachmentInfo
from intake_desktop.ui.kit.attachment_files import (
    ask_save_path, ask_scan_files, dropped_files, kind_label, size_text,
)
from intake_desktop.ui.attachments.viewer import AttachmentViewer
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit import ask
from intake_desktop.ui.letters import consent_kind_label
from intake_desktop.ui.kit.lock_guard import forget_on_lock
from intake_desktop.ui.kit.tables import compact_rows


class Column:
    NAME, KIND, LINK, SIZE, DATE = range(5)


class AttachmentsTab(QWidget):
    changed = Signal()  # a document was attached or deleted

    def __init__(self, session, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.items: list[AttachmentInfo] = []
        self.viewer: AttachmentViewer | None = None
        self._consent_kinds: dict[str, str] = {}
        self.setAcceptDrops(True)

        self.hint = QLabel(self.tr(
            "Scanned PDF, JPEG or PNG files up to {limit} MB, kept encrypted in the vault. Drop files here "
            "or use Add files.").format(limit=MAX_BYTES // (1024 * 1024)))
        self.hint.setWordWrap(True)
        self.kind_box = QComboBox()
        for kind in KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.kind_box.setCurrentIndex(KINDS.index("other"))
        kind_label_widget = QLabel(self.tr("Attach as:"))
        kind_label_widget.setBuddy(self.kind_box)
        self.add_button = QPushButton(self.tr("Add fil&es…"))
        self.add_button.clicked.connect(self.add_from_chooser)
        self.view_button = QPushButton(self.tr("Sho&w"))
        self.view_button.clicked.connect(self.view_selected)
        self.save_button = QPushButton(self.tr("Save as (&K)…"))
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Document"), self.tr("Kind"), self.tr("Belongs to"), self.tr("Size"), self.tr("Attached on")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (Column.KIND, Column.LINK, Column.SIZE, Column.DATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.view_selected())
        self.empty = QLabel(self.tr("No documents are attached to this case yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6368;")
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.error = ErrorLabel()

        buttons = QHBoxLayout()
        buttons.addWidget(kind_label_widget)
        buttons.addWidget(self.kind_box)
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        for button in (self.view_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        forget_on_lock(session, self, AttachmentsTab.forget)
        self.refresh()

    def forget(self) -> None:
        self.items = []
        self._consent_kinds = {}
        self.table.setRowCount(0)
        self.done_label.clear()

    # -- data -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.error.clear()
        try:
            self.items = self.session.attachments.list(self.case_id)
            self._consent_kinds = {r.id: r.document.get("type", "")
                                   for r in self.session.records.records("consent", self.case_id)}
        except E.ServiceError as error:
            self.items = []
            self.error.show_error(error)
        self._fill()

    def _link_text(self, info: AttachmentInfo) -> str:
        if info.consent_id:
            kind = self._consent_kinds.get(info.consent_id, "")
            return self.tr("Consent: {kind}").format(kind=consent_kind_label(kind) if kind else "—")
        if info.referral_id:
            return self.tr("Referral")
        return ""

    def _fill(self) -> None:
        self.table.setRowCount(len(self.items))
        for i, info in enumerate(self.items):
            texts = [info.name, kind_label(info.kind), self._link_text(info), size_text(info.size),
                     f"{info.created_at:%Y-%m-%d}"]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == Column.SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, column, item)
        self.empty.setVisible(not self.items)
        self._selection_changed()

    def selected(self) -> AttachmentInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        i = rows[0].row()
        return self.items[i] if 0 <= i < len(self.items) else None

    def select(self, attachment_id: str) -> None:
        for i, info in enumerate(self.items):
            if info.id == attachment_id:
                self.table.selectRow(i)

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        for button in (self.view_button, self.save_button, self.delete_button):
            button.setEnabled(chosen)

    # -- attaching --------------------------------------------------------------------------------
    def add_from_chooser(self) -> None:
        paths = ask_scan_files(self)
        if paths:
            self.attach_files(paths)

    def attach_files(self, paths: list[Path]) -> list[AttachmentInfo]:
        """Attach each file as the chosen kind; a refused file is named and the others still go in."""
        self.error.clear()
        self.done_label.clear()
        kind = self.kind_box.currentData()
        added, failures = [], []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for path in paths:
                try:
                    added.append(self.session.attachments.attach(self.case_id, path, kind=kind))
                except E.ServiceError as error:
                    failures.append(error)
        finally:
            QApplication.restoreOverrideCursor()
        if added:
            self.refresh()
            self.select(added[-1].id)
            self.done_label.setText(self.tr("Attached %n document(s).", "", len(added)))
            self.changed.emit()
        if failures:  # after the refresh, which clears the error line
            self.error.show_error(failures[0])
        return added

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = dropped_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.attach_files(paths)

    # -- one document -----------------------------------------------------------------------------
    def view_selected(self) -> AttachmentViewer | None:
        info = self.selected()
        if info is None:
            return None
        self.error.clear()
        try:
            info, content = self.session.attachments.open(info.id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return None
        self.viewer = AttachmentViewer(self.session, info, content, self)
        self.viewer.open()
        return self.viewer

    def save_selected(self, path: Path | None = None) -> Path | None:
        info = self.selected()
        if info is None:
            return None
        self.error.clear()
        path = path or ask_save_path(self, info.name, info.media_type)
        if path is None:
            return None
        try:
            saved = self.session.attachments.save(info.id, path)
        except E.ServiceError as error:
            self.error.show_error(error)
            return None
        self.done_label.setText(self.tr("Saved as {path}.").format(path=str(saved)))
        return saved

    def delete_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        if not ask.confirm(self, self.tr("Delete document"), self.tr(
                "Delete {name} from this case? The scan cannot be brought back, except from a backup.").format(
                    name=info.name), destructive=True):
            return False
        self.error.clear()
        try:
            self.session.attachments.delete(info.id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self.done_label.setText(self.tr("{name} was deleted.").format(name=info.name))
        self.refresh()
        self.changed.emit()
        return True
