"""Printing a PDF held in memory, and saving one where the user chooses.

Where the print system is CUPS (Linux, macOS) the PDF bytes go to it unchanged
(`intake_desktop.printing.CupsPrinting`): text stays vector and nothing is written anywhere but
the scheduler's spool. Qt's print engine is not used there: it rasterises every page and its CUPS
backend spools the whole job through a file in $TMPDIR (issue 18).

Windows has no CUPS. There the pages are rendered with QPdfDocument at the printer's own
resolution (600 dpi or more when the driver offers it), flattened onto opaque white (no alpha,
so no transparency mask or lossy side path) and drawn on the printer's painter; Qt hands them
to GDI, and Windows spools the job (docs/threat-model.md, "Printing").

Saving: only to the path the user picked, through services/files.write_file (fileio.py: a
temporary name in the same folder, 0600, fsynced, renamed over the target in one step).
Nothing goes to the system's temporary folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from intake_desktop.printing import CupsPrinting, Printer, PrintError, PrintJob, Sides
from intake_desktop.services.files import write_file
from intake_desktop.ui.letters.print_dialog import PrintDialog

MIN_DPI = 600   # sharp small Korean text on a raster path
MAX_DPI = 1200  # a 1200-dpi A4 page is already a 560 MB image: never more
PRINTER_DPI_FLOOR = 300  # below this an "offered" resolution is a placeholder, not the printer's


def job_title() -> str:
    # The print queue shows this name to anyone at the printer: never a person's name.
    return QCoreApplication.translate("Printing", "Document")


# -- Windows: render to the printer device ------------------------------------------------------
def choose_resolution(offered: list[int]) -> int:
    """The smallest offered resolution of at least MIN_DPI; else the highest offered if it is a
    real printer resolution (300 or more); else MIN_DPI — Qt reports [72] when the driver says
    nothing useful, and a page at 72 dpi is unreadable. Never above MAX_DPI."""
    usable = sorted(dpi for dpi in offered if 0 < dpi <= MAX_DPI)
    good = [dpi for dpi in usable if dpi >= MIN_DPI]
    if good:
        return good[0]
    return usable[-1] if usable and usable[-1] >= PRINTER_DPI_FLOOR else MIN_DPI


def page_image(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """One page at `dpi`, opaque: RGB32 on white, so the print engine gets no alpha channel."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    return image


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page on the printer at its resolution; the number of pages sent."""
    count = document.pageCount()
    if count <= 0:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError()
    try:
        dpi = printer.resolution()
        sheet = printer.pageLayout().fullRectPixels(dpi)
        for page in range(count):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = page_image(document, page, dpi)
            # Keep the page's proportions if the user picked another paper size.
            scale = min(sheet.width() / points.width(), sheet.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            painter.drawImage(QRectF((sheet.width() - width) / 2, (sheet.height() - height) / 2, width, height), image)
    finally:
        painter.end()
    return count


QT_SIDES = {Sides.ONE_SIDED: QPrinter.DuplexMode.DuplexNone, Sides.LONG_EDGE: QPrinter.DuplexMode.DuplexLongSide,
            Sides.SHORT_EDGE: QPrinter.DuplexMode.DuplexShortSide}
QT_PAPERS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter, "A5": QPageSize.PageSizeId.A5,
             "B5": QPageSize.PageSizeId.B5, "Legal": QPageSize.PageSizeId.Legal}


def make_printer(job: PrintJob, info: QPrinterInfo | None = None) -> QPrinter:
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution) if info is not None and not info.isNull() \
        else QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QT_PAPERS.get(job.paper, QPageSize.PageSizeId.A4)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the letter has its own margins: the whole sheet is used
    printer.setCopyCount(job.copies)
    printer.setDuplex(QT_SIDES[job.sides])
    printer.setDocName(job.title)
    printer.setResolution(choose_resolution(list(printer.supportedResolutions())))
    return printer


class QtPrinting:
    """The printers Windows knows (through Qt), and the render-to-device path."""

    def printers(self) -> list[Printer]:
        found = []
        for info in QPrinterInfo.availablePrinters():
            modes = info.supportedDuplexModes()
            sides = [Sides.ONE_SIDED] + [s for s, m in QT_SIDES.items() if s is not Sides.ONE_SIDED and m in modes]
            papers = ("A4", *[name for name, page_id in QT_PAPERS.items() if name != "A4" and any(
                size.id() == page_id for size in info.supportedPageSizes())])
            found.append(Printer(name=info.printerName(), description=info.description(), location=info.location(),
                                 is_default=info.isDefault(), sides=tuple(sides), papers=papers))
        return found

    def print_pdf(self, pdf: bytes, job: PrintJob) -> str:
        data = QByteArray(pdf)
        buffer = QBuffer()
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        try:
            if document.status() != QPdfDocument.Status.Ready:
                raise PrintError()
            render_to_printer(document, make_printer(job, QPrinterInfo.printerInfo(job.printer)))
        finally:
            document.close()
            buffer.close()
        return ""


def system_printing():
    """The print system of this computer: CUPS where there is one, Windows' through Qt."""
    return QtPrinting() if sys.platform == "win32" else CupsPrinting()


# -- the dialog and the hand-over --------------------------------------------------------------
@dataclass(frozen=True)
class PrintChoice:
    job: PrintJob | None   # None: Print to file
    save_path: Path | None = None


def ask_print(parent: QWidget | None, suggested_name: str, *, title: str = "", paper_only: bool = False,
              ) -> PrintChoice | None:
    """The app's print dialog (then, for Print to file, the save dialog). None when cancelled."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        printers = system_printing().printers()
    except PrintError:
        printers = []  # no print system: the dialog says so and offers the file
    finally:
        QGuiApplication.restoreOverrideCursor()
    dialog = PrintDialog(printers, parent, title=title, paper_only=paper_only, job_title=job_title())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    job = dialog.job()
    if job is not None:
        return PrintChoice(job)
    path = ask_save_path(parent, suggested_name)
    return PrintChoice(None, path) if path is not None else None


def send(pdf: bytes, job: PrintJob) -> str:
    """Hand the PDF to the print system (the same call the command line makes); the job id."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return system_printing().print_pdf(pdf, job)
    finally:
        QGuiApplication.restoreOverrideCursor()


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
