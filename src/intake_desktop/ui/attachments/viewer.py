"""Showing an attached document inside the app: PDFs through QtPdf (ui/letters/pdf_preview.py,
from an in-memory QBuffer), images through QImage.fromData. No temporary file is written; the
bytes are dropped when the dialog closes or the session locks. Saving goes through the service
(which records it) to a place the user chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
)

from intake_desktop.domain.attachments import PDF, is_image
from intake_desktop.services import errors as E
from intake_desktop.ui.kit.attachment_files import ask_save_path, kind_label, size_text
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit.lock_guard import forget_on_lock
from intake_desktop.ui.letters import PdfPreview


class AttachmentViewer(QDialog):
    def __init__(self, session, info, content: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.info = info
        self.content = content  # what the viewer shows: the tests compare it with the original
        self.setWindowTitle(self.tr("Document: {name}").format(name=info.name))
        self.facts = QLabel(f"{kind_label(info.kind)} · {size_text(info.size)} · {info.created_at:%Y-%m-%d}")
        self.pdf = PdfPreview()
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.pdf)
        self.stack.addWidget(scroll)
        self.error = ErrorLabel()
        self.done_label = QLabel()
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 900)
        self.shown_ok = self._show(content)
        forget_on_lock(session, self, AttachmentViewer.forget)

    def _show(self, content: bytes) -> bool:
        if self.info.media_type == PDF:
            self.stack.setCurrentIndex(0)
            ok = self.pdf.set_pdf(content)
        elif is_image(self.info.media_type):
            self.stack.setCurrentIndex(1)
            image = QImage.fromData(content)
            ok = not image.isNull()
            if ok:
                self.image.setPixmap(QPixmap.fromImage(image))
        else:
            ok = False
        if not ok:
            self.error.show_text(self.tr("The document could not be shown. You can still save it and open it "
                                         "with another program."))
        return ok

    def forget(self) -> None:
        """The session locked: drop the document and close."""
        self.pdf.clear()
        self.image.clear()
        self.content = b""
        self.save_button.setEnabled(False)
        self.done(QDialog.DialogCode.Rejected)

    def save_as(self) -> None:
        self.error.clear()
        path = ask_save_path(self, self.info.name, self.info.media_type)
        if path is None:
            return
        try:
            saved = self.session.attachments.save(self.info.id, path)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.done_label.setText(self.tr("Saved as {path}.").format(path=str(saved)))
