"""Importing a centre's Excel or CSV sheet: choose the file, check the columns, see every
problem, then import all rows or none (services/tabular/sheet_import.py does the work).

Steps on one screen, top to bottom: the file; the columns (one row per column of the sheet:
its header, an example value, and a combo for the field it fills — recognised headers come
pre-chosen, "Not imported" leaves a column out); the check (a dry run: every problem by row and
column, as the spreadsheet numbers them); the import with a progress bar. Reading, checking and
importing run off the UI thread. A file with a resident registration number column is refused
as it is opened, with the reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services.importer import ImportRejected
from intake_desktop.services.tabular import values as V
from intake_desktop.services.tabular.mapping import COUNSELLOR
from intake_desktop.services.tabular.sheet_import import SheetImport, where
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.intake_form.texts import language
from intake_desktop.ui.kit.busy_bar import BusyBar

CONTEXT = "ImportDialog"
# Targets that are not questions of the form (the address parts, the account).
_OWN_LABELS = {
    "address.postal_code": QT_TRANSLATE_NOOP("ImportDialog", "Postal code"),
    "address.road_address": QT_TRANSLATE_NOOP("ImportDialog", "Road-name address"),
    "address.detail": QT_TRANSLATE_NOOP("ImportDialog", "Address detail"),
    COUNSELLOR: QT_TRANSLATE_NOOP("ImportDialog", "Counsellor in charge (account)"),
}
MAX_PREVIEW_PROBLEMS = 2000  # more would not be read on screen; the count says how many there are


class ImportDialog(QDialog):
    imported = Signal(int)  # how many cases were added

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan: SheetImport | None = None
        self.checked_ok = False
        self.closed = False  # a result that arrives after closing (or locking) is dropped
        self.setWindowTitle(self.tr("Import from Excel or CSV"))
        self.resize(900, 640)

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("An .xlsx workbook (first sheet) or a .csv file"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)

        self.columns_label = QLabel(self.tr("<b>Columns</b> — which field each column fills"))
        self.columns = _table([self.tr("Column"), self.tr("Example"), self.tr("Imported as")], stretch=1)

        self.skip_duplicates = QCheckBox(self.tr("Leave out people already in the vault (otherwise they are problems)"))
        self.skip_duplicates.toggled.connect(self._changed)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        check_row = QHBoxLayout()
        check_row.addWidget(self.skip_duplicates, 1)
        check_row.addWidget(self.check_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = _table([self.tr("Row"), self.tr("Column"), self.tr("Problem")], stretch=2)
        self.problems.setWordWrap(True)

        self.busy = BusyBar()
        self.error = ErrorLabel()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.run_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.columns, 2)
        layout.addLayout(check_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._set_state()

    # -- state ---------------------------------------------------------------------------------------
    def _working(self) -> bool:
        return self.busy.running

    def _set_state(self) -> None:
        working = self._working()
        self.choose_button.setEnabled(not working)
        self.columns.setEnabled(self.plan is not None and not working)
        self.check_button.setEnabled(self.plan is not None and not working)
        self.skip_duplicates.setEnabled(self.plan is not None and not working)
        self.import_button.setEnabled(self.plan is not None and self.checked_ok and not working)

    def _changed(self) -> None:
        """A choice changed: the last check no longer speaks for what would be imported."""
        self.checked_ok = False
        self.summary.clear()
        self.problems.setRowCount(0)
        self._set_state()

    # -- the file --------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the sheet to import"), folder or "",
            self.tr("Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        self.plan = None
        self.path_edit.setText(str(path))
        self.columns.setRowCount(0)
        self._changed()
        self.error.clear()
        self.busy.start(self.tr("Reading the file…"))
        self._set_state()
        run_in_background(lambda: SheetImport.open(path), on_success=self._opened, on_failure=self._failed)

    def _opened(self, plan: SheetImport) -> None:
        if self.closed:
            return
        self.busy.stop()
        self.plan = plan
        self._fill_columns()
        self._set_state()

    def _failed(self, error: BaseException) -> None:
        if self.closed:
            return
        self.busy.stop()
        self.error.show_error(error)
        self._set_state()

    # -- the columns -----------------------------------------------------------------------------------
    @property
    def sheet(self) -> SheetImport:
        """The sheet being imported (the steps that use it are enabled only once there is one)."""
        if self.plan is None:
            raise RuntimeError("no sheet is open")
        return self.plan

    def target_label(self, target: str) -> str:
        if target in _OWN_LABELS:
            return QCoreApplication.translate(CONTEXT, _OWN_LABELS[target])
        ko, en = self.sheet.targets.labels.get(target, (target, target))
        return ko if language() == "ko" else en

    def _fill_columns(self) -> None:
        plan = self.sheet
        rows = plan.rows
        self.columns.setRowCount(len(plan.mapping.columns))
        self.combos: list[QComboBox] = []
        targets = sorted(plan.targets.kinds, key=lambda t: (t not in _PERSON_ORDER, _PERSON_ORDER.get(t, 0),
                                                            self.target_label(t)))
        self.examples = [next((cells[column.index] for _n, cells in rows
                               if column.index < len(cells) and not V.is_blank(cells[column.index])), None)
                         for column in plan.mapping.columns]
        for i, column in enumerate(plan.mapping.columns):
            self.columns.setItem(i, 0, QTableWidgetItem(column.label))
            self.columns.setItem(i, 1, QTableWidgetItem())
            combo = QComboBox()
            combo.addItem(self.tr("Not imported"), None)
            for target in targets:
                combo.addItem(self.target_label(target), target)
            combo.setCurrentIndex(max(0, combo.findData(column.target)) if column.target else 0)
            combo.currentIndexChanged.connect(self._remap)
            combo.setAccessibleName(self.tr("Field for column {column}").format(column=column.label))
            self.combos.append(combo)
            self.columns.setCellWidget(i, 2, combo)
        self._show_examples()
        self.columns.resizeColumnsToContents()

    def _show_examples(self) -> None:
        """The first value of each column, and what it becomes ("1012345678 → 010-1234-5678")."""
        for i, (column, cell) in enumerate(zip(self.sheet.mapping.columns, self.examples)):
            text = "" if cell is None else V.cell_text(cell)
            if column.target and cell is not None and column.kind not in (V.CHOICE, V.MULTIPLE):  # no codes
                value, problem = V.convert(cell, column.kind, column.options)
                if problem is None and value is not None and str(value) != text:
                    text = f"{text} → {value}"
            item = self.columns.item(i, 1)
            if item is not None:
                item.setText(text[:80])

    def _remap(self) -> None:
        overrides = {column.letter: combo.currentData()
                     for column, combo in zip(self.sheet.mapping.columns, self.combos)}
        self.error.clear()
        try:
            self.sheet.remap(overrides)
        except Exception as error:  # noqa: BLE001 - two columns for one field: said, not raised
            self.error.show_error(error)
            self.checked_ok = False
            self._set_state()
            return
        self._show_examples()
        self._changed()

    # -- check and import -----------------------------------------------------------------------------
    def check(self) -> None:
        self._run(dry_run=True)

    def run_import(self) -> None:
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        plan, session, skip = self.sheet, self.session, self.skip_duplicates.isChecked()
        self.error.clear()
        self.busy.start(self.tr("Checking every row…") if dry_run else self.tr("Importing…"))
        self._set_state()
        total = plan.row_count()

        def work(progress):
            return plan.run(session, dry_run=dry_run, skip_duplicates=skip,
                            progress=None if dry_run else progress)

        run_in_background(work, on_success=lambda result: self._ran(result, dry_run),
                          on_failure=self._run_failed,
                          on_progress=lambda done, _total: self.busy.step(
                              done, total, self.tr("Importing… {done} of {total}").format(done=done, total=total)))

    def _ran(self, result, dry_run: bool) -> None:
        if self.closed:
            return
        self.busy.stop()
        self.problems.setRowCount(0)
        skipped = ""
        if result.skipped:
            skipped = " " + self.tr("Rows left out (already in the vault): {rows}.").format(
                rows=", ".join(str(n) for n in result.skipped))
        if dry_run:
            self.checked_ok = True
            self.summary.setText(self.tr("All {count} row(s) can be imported.").format(
                count=result.report.imported) + skipped)
        else:
            self.checked_ok = False
            self.summary.setText(self.tr("{count} case(s) imported.").format(count=result.report.imported) + skipped)
            self.imported.emit(result.report.imported)
        self._set_state()

    def _run_failed(self, error: BaseException) -> None:
        if self.closed:
            return
        self.busy.stop()
        self.checked_ok = False
        if isinstance(error, ImportRejected):
            self._show_problems(error)
        else:
            self.error.show_error(error)
        self._set_state()

    def done(self, result: int) -> None:
        """Closing (also when the app locks) lets go of the sheet's rows."""
        self.closed = True
        self.plan = None
        self.columns.setRowCount(0)
        self.problems.setRowCount(0)
        super().done(result)

    def _show_problems(self, rejected: ImportRejected) -> None:
        report = rejected.report
        shown = report.problems[:MAX_PREVIEW_PROBLEMS]
        self.problems.setRowCount(len(shown))
        for i, problem in enumerate(shown):
            row = QTableWidgetItem(str(problem.line))
            row.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.problems.setItem(i, 0, row)
            self.problems.setItem(i, 1, QTableWidgetItem(where(problem, self.sheet.mapping)))
            self.problems.setItem(i, 2, QTableWidgetItem(problem.render(QCoreApplication.translate)))
        self.problems.resizeRowsToContents()
        self.summary.setText(self.tr(
            "{count} row(s) have problems; nothing can be imported until they are corrected in the file "
            "(or their column is left out). Correct the file, then choose it again.").format(
                count=report.bad_line_count()))


def _table(headers: list[str], *, stretch: int) -> QTableWidget:
    """A read-only table: every column as wide as its contents but `stretch`, which takes the rest."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    for j in range(len(headers)):
        header.setSectionResizeMode(j, QHeaderView.ResizeMode.Stretch if j == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


_PERSON_ORDER = {target: i for i, target in enumerate((
    "name", "birth_date", "gender", "mobile", "address.postal_code", "address.road_address", "address.detail",
    "emergency_contact_name", "emergency_contact_phone", "preferred_contact", COUNSELLOR, "intake_date"))}
