"""The app's own print dialog: the centre's printers, paper (A4 by default), copies, two-sided
where the printer has it, and "Print to file" (the same vector PDF as Save as PDF).

Not QPrintDialog: that one hands the job to Qt's print engine, which rasterises the pages and
spools them through a file in the temporary folder (issue 18). This dialog only chooses; the
printing itself is `ui/letters/printing.py` and `intake_desktop.printing`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from intake_desktop.printing import MAX_COPIES, Printer, PrintJob, Sides

TO_FILE = "to-file"  # the printer list's last entry: save the PDF instead


class PrintDialog(QDialog):
    """`printers` as the print system lists them. `paper_only`: the recovery key — file printers
    are left out, so is Print to file, and the dialog says so when nothing is left."""

    def __init__(self, printers: list[Printer], parent: QWidget | None = None, *, title: str = "",
                 paper_only: bool = False, job_title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Print"))
        self.paper_only = paper_only
        self.job_title = job_title
        self.all_printers = list(printers)
        self.printers = [p for p in printers if not (paper_only and p.is_file_printer)]

        self.printer_box = QComboBox()
        for printer in self.printers:
            self.printer_box.addItem(self._printer_label(printer), printer.name)
        if not paper_only:
            self.printer_box.addItem(self.tr("Print to file (PDF)"), TO_FILE)
        self.printer_box.setAccessibleName(self.tr("Printer"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.paper_box = QComboBox()
        self.copies_box = QSpinBox()
        self.copies_box.setRange(1, MAX_COPIES)
        self.copies_box.setValue(1)
        self.sides_box = QComboBox()
        self.sides_labels = {
            Sides.ONE_SIDED: self.tr("One-sided"),
            Sides.LONG_EDGE: self.tr("Two-sided, flip on long edge"),
            Sides.SHORT_EDGE: self.tr("Two-sided, flip on short edge"),
        }

        form = QFormLayout()
        form.addRow(self.tr("&Printer:"), self.printer_box)
        form.addRow(self.tr("P&aper:"), self.paper_box)
        form.addRow(self.tr("&Copies:"), self.copies_box)
        form.addRow(self.tr("&Sides:"), self.sides_box)
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton(self.tr("Print"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

        self.printer_box.currentIndexChanged.connect(self._printer_changed)
        default = next((i for i, p in enumerate(self.printers) if p.is_default), 0)
        self.printer_box.setCurrentIndex(default)
        self._printer_changed()
        self.setMinimumWidth(440)

    def _printer_label(self, printer: Printer) -> str:
        label = printer.description or printer.name
        if printer.description and printer.description != printer.name:
            label = f"{printer.description} ({printer.name})"
        if printer.location:
            label = self.tr("{printer} — {location}").format(printer=label, location=printer.location)
        return label

    def selected_printer(self) -> Printer | None:
        name = self.printer_box.currentData()
        return next((p for p in self.printers if p.name == name), None)

    def to_file(self) -> bool:
        return self.printer_box.currentData() == TO_FILE

    def _printer_changed(self, _index: int = 0) -> None:
        printer = self.selected_printer()
        papers = printer.papers if printer else ("A4",)
        self.paper_box.clear()
        for paper in papers:
            self.paper_box.addItem(self.tr("A4 (210 × 297 mm)") if paper == "A4" else paper, paper)
        self.sides_box.clear()
        for side in (printer.sides if printer else (Sides.ONE_SIDED,)):
            self.sides_box.addItem(self.sides_labels[side], side)
        if printer is not None:
            self.sides_box.setCurrentIndex(max(0, self.sides_box.findData(printer.default_sides)))
        on_paper = printer is not None
        self.paper_box.setEnabled(on_paper and len(papers) > 1)
        self.copies_box.setEnabled(on_paper)
        self.sides_box.setEnabled(on_paper and printer.has_duplex)
        self.print_button.setEnabled(on_paper or self.to_file())
        self.print_button.setText(self.tr("Save…") if self.to_file() else self.tr("Print"))
        self.note.setText(self._note(printer))

    def _note(self, printer: Printer | None) -> str:
        if self.paper_only and not self.printers:
            if self.all_printers:
                return self.tr("Only printers that write files are set up here, and a file with the recovery key "
                               "is what must not exist. Write the key down by hand instead.")
            return self.tr("No printer is set up on this computer. Write the key down by hand instead.")
        if self.to_file():
            return self.tr("Saves the document as a PDF file where you choose, the same as Save as PDF.")
        if printer is not None and printer.is_file_printer:
            return self.tr("This printer does not print on paper: it writes a PDF file, usually in your home folder.")
        if not self.printers:
            return self.tr("No printer is set up on this computer.")
        return ""

    def job(self) -> PrintJob | None:
        """The chosen job, or None for Print to file."""
        printer = self.selected_printer()
        if printer is None:
            return None
        return PrintJob(printer=printer.name, copies=self.copies_box.value(),
                        sides=self.sides_box.currentData() or Sides.ONE_SIDED,
                        paper=self.paper_box.currentData() or "A4", title=self.job_title or "document")
