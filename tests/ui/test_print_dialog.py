"""The app's print dialog, and the Windows render-to-device path, offscreen.

The Windows path cannot run here (no Windows print system); what can be checked is what it hands
to the printer's painter: pages at the printer's resolution, opaque (no alpha), every page, A4.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from intake_desktop.printing import Printer, PrintJob, Sides
from intake_desktop.ui.letters import printing
from intake_desktop.ui.letters.print_dialog import TO_FILE, PrintDialog
from printkit import FakePrintSystem, sample_letter

from .screenshots import Shots, screen_language, screenshot_dir
from .windows import created_wizard


def test_defaults_are_the_default_printer_a4_one_copy_and_its_own_sides(qtbot):
    dialog = PrintDialog(FakePrintSystem().printers())
    qtbot.addWidget(dialog)
    assert dialog.printer_box.currentData() == "Office"
    assert [dialog.printer_box.itemData(i) for i in range(dialog.printer_box.count())] == ["Office", "PDF", TO_FILE]
    assert dialog.paper_box.currentData() == "A4" and dialog.copies_box.value() == 1
    assert dialog.sides_box.isEnabled() and dialog.sides_box.count() == 2
    dialog.copies_box.setValue(3)
    dialog.sides_box.setCurrentIndex(dialog.sides_box.findData(Sides.LONG_EDGE))
    assert dialog.job() == PrintJob("Office", copies=3, sides=Sides.LONG_EDGE, paper="A4", title="document")


def test_duplex_only_where_the_printer_has_it_and_a_file_printer_is_named_as_such(qtbot):
    dialog = PrintDialog(FakePrintSystem().printers())
    qtbot.addWidget(dialog)
    dialog.printer_box.setCurrentIndex(dialog.printer_box.findData("PDF"))
    assert not dialog.sides_box.isEnabled() and dialog.sides_box.currentData() == Sides.ONE_SIDED
    assert dialog.note.text()  # "does not print on paper: it writes a PDF file"
    dialog.printer_box.setCurrentIndex(dialog.printer_box.findData(TO_FILE))
    assert dialog.job() is None and dialog.print_button.isEnabled()
    assert not dialog.copies_box.isEnabled()


def test_the_printers_own_default_sides_is_preselected(qtbot):
    duplex = Printer("Duplex", sides=(Sides.ONE_SIDED, Sides.LONG_EDGE, Sides.SHORT_EDGE),
                     default_sides=Sides.LONG_EDGE, is_default=True)
    dialog = PrintDialog([duplex])
    qtbot.addWidget(dialog)
    assert dialog.job().sides is Sides.LONG_EDGE


def test_no_printers_leaves_print_to_file(qtbot):
    dialog = PrintDialog([])
    qtbot.addWidget(dialog)
    assert dialog.printer_box.count() == 1 and dialog.to_file() and dialog.print_button.isEnabled()


# -- the Windows path ------------------------------------------------------------------------------
def load(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return document, buffer


@pytest.fixture(scope="module")
def two_page_pdf() -> bytes:
    pdf = sample_letter()
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 2
    return pdf


@pytest.mark.parametrize(("offered", "chosen"), [
    ([300, 600, 1200], 600), ([1200], 1200), ([150, 300], 300), ([], 600), ([2400, 4800], 600), ([600, 2400], 600),
    ([72], 600), ([96, 150], 600),
])
def test_resolution_is_the_printers_own_at_least_600_when_offered(offered, chosen):
    assert printing.choose_resolution(offered) == chosen


def test_page_image_is_at_the_printers_resolution_opaque_and_white(qapp, two_page_pdf):
    document, _buffer = load(two_page_pdf)
    image = printing.page_image(document, 0, 600)
    assert (image.width(), image.height()) == (round(595.2756 / 72 * 600), round(841.8898 / 72 * 600))
    assert image.format() == QImage.Format.Format_RGB32 and not image.hasAlphaChannel()
    assert image.pixelColor(2, 2).name() == "#ffffff"
    assert round(image.dotsPerMeterX() * 0.0254) == 600
    # Something is drawn: the page is not blank.
    assert any(image.pixelColor(x, y).name() != "#ffffff" for x in range(0, image.width(), 40)
               for y in range(0, image.height() // 3, 40))


def test_every_page_goes_to_the_printer_painter_at_its_resolution(qapp, two_page_pdf, tmp_path, monkeypatch):
    document, _buffer = load(two_page_pdf)
    handed = []
    real = printing.page_image
    monkeypatch.setattr(printing, "page_image", lambda doc, page, dpi: handed.append((page, dpi)) or
                        real(doc, page, dpi))
    printer = printing.make_printer(PrintJob("x", copies=2, sides=Sides.LONG_EDGE))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # stands in for the Windows device
    printer.setOutputFileName(str(tmp_path / "device.pdf"))
    printer.setResolution(600)
    assert printing.render_to_printer(document, printer) == document.pageCount()
    assert handed == [(page, 600) for page in range(document.pageCount())]
    assert printer.copyCount() == 2
    out = pypdf.PdfReader(str(tmp_path / "device.pdf"))
    assert len(out.pages) == document.pageCount()
    assert abs(float(out.pages[0].mediabox.width) - 595.3) < 1.5


# -- screenshots -----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshots(qtbot, qapp, tmp_path, language, data_dir, monkeypatch):
    with screen_language(qapp, language):
        shots = Shots(qtbot, screenshot_dir(tmp_path), language)
        dialog = PrintDialog(FakePrintSystem().printers(), title="")
        qtbot.addWidget(dialog)
        shots.grab(dialog, "print-dialog")
        recovery = PrintDialog([Printer("PDF", "PDF", device_uri="cups-pdf:/")], paper_only=True)
        qtbot.addWidget(recovery)
        shots.grab(recovery, "print-dialog-recovery-key")
        # The recovery key page after printing: where it went, and to check the sheet came out.
        monkeypatch.setattr(printing, "system_printing", lambda: FakePrintSystem())
        monkeypatch.setattr(PrintDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
        wizard = created_wizard(qtbot, data_dir)
        wizard.key_page.ask_to_print()
        assert "Office" in wizard.key_page.print_status.text()
        shots.grab(wizard, "wizard-3-recovery-key-printed")
        wizard.created_vault.close()
        assert shots.tofu == []
        assert all(Path(p).stat().st_size > 1000 for p in shots.paths)
