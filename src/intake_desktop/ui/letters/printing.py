"""Printing a PDF held in memory, and saving one where the user chooses.

Printing: the pages of a loaded `QPdfDocument` are rendered with `QPdfDocument.render` at the
printer's resolution and drawn onto the printer's full A4 page (the letter has its own margins,
so the whole sheet is used: `setFullPage`). The printer is asked for PRINT_DPI (300: sharp
text, a 35 MB image per page); a driver that insists on more is still rendered at no more than
MAX_DPI, because a 1200-dpi A4 page would be a half-gigabyte image.

Saving: only to the path the user picked, through services/files.write_file (fileio.py: a
temporary name in the same folder, 0600, fsynced, renamed over the target in one step).
Nothing goes to the system's temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, QStandardPaths
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.files import write_file

PRINT_DPI = 300
MAX_DPI = 600
MSG_PRINT_FAILED = QT_TRANSLATE_NOOP(
    "Errors", "The printer could not be started. Check that it is switched on and try again."
)


class PrintError(E.ServiceError):
    message = MSG_PRINT_FAILED


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setResolution(PRINT_DPI)
    # The print queue shows this name to anyone at the printer: never a person's name.
    printer.setDocName(QCoreApplication.translate("Printing", "Document"))
    return printer


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog; True if the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw the document's pages (the range chosen in the dialog, else all) on the printer.
    Returns the number of pages sent."""
    count = document.pageCount()
    if count <= 0:
        return 0
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, count
    first, last = max(1, first), min(count, last)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError()
    sent = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        sheet = printer.pageLayout().fullRectPixels(printer.resolution())
        for page in range(first - 1, last):
            if sent:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
            # Keep the page's proportions if the user picked another paper size.
            scale = min(sheet.width() / points.width(), sheet.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            painter.drawImage(QRectF((sheet.width() - width) / 2, (sheet.height() - height) / 2, width, height), image)
            sent += 1
    finally:
        painter.end()
    return sent


def ask_save_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """The user's choice of file (in their Documents folder by default), or None."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = str(Path(folder) / suggested_name) if folder else suggested_name
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Printing", "Save as PDF"), start,
        QCoreApplication.translate("Printing", "PDF files (*.pdf)"))
    if not path:
        return None
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return path


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through the program's one writer (ServiceError on failure)."""
    write_file(Path(path), data)
