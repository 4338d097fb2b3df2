"""Showing a PDF held in memory (QtPdf), with page navigation and zoom; and the one
preview/print/save dialog used for consent forms and reprints.

The bytes go into a `QBuffer` that `QPdfDocument.load(QIODevice)` reads: no temporary file.
Buffer and bytes stay referenced while the document shows them.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QToolButton,
    QVBoxLayout, QWidget,
)

from intake_desktop.services import errors as E
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.letters import printing
from intake_desktop.ui.kit.lock_guard import forget_on_lock

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0


class PdfPreview(QWidget):
    """A read-only PDF viewer: previous/next page, page counter, zoom out/in, fit width."""

    loaded = Signal(int)  # page count

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        self.pdf = b""

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setMinimumSize(360, 420)

        self.previous_button = QToolButton()
        self.previous_button.setText(self.tr("◀ Previous page"))
        self.previous_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Next page ▶"))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_label = QLabel()
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out"))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in"))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.clicked.connect(self.fit_width)
        self.zoom_label = QLabel()

        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch()
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #5f6368; background: #e8e8e8; padding: 24px;")
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_controls())
        self.view.zoomFactorChanged.connect(lambda _factor: self._update_controls())
        self._update_controls()

    # -- content ----------------------------------------------------------------------------
    def set_pdf(self, data: bytes) -> bool:
        """Show these PDF bytes; True if QtPdf could read them."""
        self.clear()
        self.pdf = bytes(data)
        self._bytes = QByteArray(self.pdf)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        ok = self.document.status() == QPdfDocument.Status.Ready
        self.fit_width()
        self.go_to(0)
        self._update_controls()
        if ok:
            self.loaded.emit(self.document.pageCount())
        return ok

    def clear(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._bytes = QByteArray()
        self.pdf = b""
        self._update_controls()

    def is_ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0

    # -- navigation and zoom ----------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount() if self.is_ready() else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if not self.is_ready():
            return
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._update_controls()

    def zoom_by(self, factor: float) -> None:
        current = self.view.zoomFactor() if self.view.zoomMode() == QPdfView.ZoomMode.Custom else self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, current * factor)))
        self._update_controls()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_controls()

    def _effective_zoom(self) -> float:
        """The zoom factor Fit width currently amounts to (page width vs viewport width)."""
        if not self.is_ready():
            return 1.0
        points = self.document.pagePointSize(max(0, self.current_page()))
        dpi = self.logicalDpiX() or 96
        page_pixels = points.width() / 72 * dpi
        viewport = self.view.viewport().width() - 2 * self.view.documentMargins().left()
        return max(ZOOM_MIN, min(ZOOM_MAX, viewport / page_pixels)) if page_pixels else 1.0

    def set_placeholder(self, text: str) -> None:
        """What the empty viewer says."""
        self.placeholder.setText(text)

    def _update_controls(self) -> None:
        count = self.page_count()
        self.stack.setCurrentWidget(self.view if count else self.placeholder)
        page = self.current_page() if count else -1
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=page + 1, count=count) if count else "")
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(count > 0)
        if not count:
            self.zoom_label.setText("")
        elif self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)}%")
        else:
            self.zoom_label.setText(f"{round(self._effective_zoom() * 100)}%")


class PdfPreviewDialog(QDialog):
    """Preview a finished PDF (a consent form, a reprint) and print or save it."""

    def __init__(self, title: str, pdf: bytes, suggested_name: str, parent: QWidget | None = None, *,
                 session=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.suggested_name = suggested_name
        self.preview = PdfPreview()
        self.error = ErrorLabel()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 900)
        if not self.preview.set_pdf(pdf):
            self.error.show_text(self.tr("The document could not be shown."))
            self.print_button.setEnabled(False)
        if session is not None:
            forget_on_lock(session, self, PdfPreviewDialog.forget)

    def forget(self) -> None:
        """The session locked: drop the document and close."""
        self.preview.clear()
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.done(QDialog.DialogCode.Rejected)

    def print_pdf(self) -> None:
        self.error.clear()
        choice = printing.ask_print(self, self.suggested_name)
        if choice is None:
            return
        if choice.job is None:  # Print to file: the same PDF, saved
            self._save_to(choice.save_path)
            return
        try:
            printing.send(self.preview.pdf, choice.job)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.done_label.setText(self.tr("Sent %n page(s) to the printer.", "", self.preview.page_count()))

    def save_pdf(self) -> None:
        self.error.clear()
        path = printing.ask_save_path(self, self.suggested_name)
        if path is not None:
            self._save_to(path)

    def _save_to(self, path) -> None:
        try:
            printing.write_atomically(path, self.preview.pdf)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.done_label.setText(self.tr("Saved as {path}.").format(path=str(path)))
