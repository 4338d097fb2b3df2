"""The statistics screen (supervisors and admins): pick a period, see every figure as it will
be published — small counts already hidden — as a table and a bar chart, and save the report
as PDF, CSV or Excel for the district.

    dialog = StatsDialog(session, parent)
    dialog.show()

Counting runs off the UI thread (a vault of 100k cases takes a few seconds). What the screen
shows is the suppressed report, never the raw counts, so what a supervisor copies from the
screen is what the files say. Showing a report and saving it are recorded in the access log by
the service (`stats.report`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDate, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
    QListWidget, QPushButton, QSizePolicy, QSplitter, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.services import stats as S
from intake_desktop.ui.background import Latest, run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit.busy_bar import BusyBar

MONTH_FORMAT = "yyyy-MM"
CELL_PADDING = 16  # a cell's text margins and a little air
CONTEXT = "Stats"  # the services' QT_TRANSLATE_NOOP context for labels


def label_text(label: S.Label) -> str:
    """A figure's label in the interface language (proper names and months as they are)."""
    if not label.translatable:
        return label.source
    return QCoreApplication.translate(CONTEXT, label.source)


class BarChart(QWidget):
    """Horizontal bars, one per category: a bar for each published count, only the mark ("<5",
    "*") for a hidden one. Drawn with QPainter from the published numbers."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[S.Shown] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(self.tr("Bar chart"))

    def set_data(self, labels: list[str], values: list[S.Shown]) -> None:
        self.labels, self.values = list(labels), list(values)
        self.setMinimumHeight(self.ROW * max(1, len(self.labels)) + 16)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(460, self.ROW * max(1, len(self.labels)) + 16)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.labels:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = min(max(metrics.horizontalAdvance(t) for t in self.labels) + 12, int(self.width() * 0.45))
        value_width = max(metrics.horizontalAdvance(v.text) for v in self.values) + 12
        left = label_width
        span = max(10, self.width() - label_width - value_width - 8)
        biggest = max((v.value or 0 for v in self.values), default=0) or 1
        bar_colour = self.palette().color(QPalette.ColorRole.Highlight)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        muted = QColor(text_colour)
        muted.setAlpha(160)
        for i, (text, value) in enumerate(zip(self.labels, self.values)):
            top = 8 + i * self.ROW
            painter.setPen(text_colour)
            painter.drawText(0, top, label_width - 8, self.ROW,
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, label_width - 8))
            length = 0 if value.hidden else int(span * (value.value or 0) / biggest)
            if length:
                painter.fillRect(left, top + 5, length, self.ROW - 10, bar_colour)
            painter.setPen(muted if value.hidden else text_colour)
            painter.drawText(left + length + 6, top, value_width, self.ROW,
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value.text)
        painter.end()


def _item(text: str, *, number: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


def _table(headers: list[str], rows: list[list[QTableWidgetItem]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for r, row in enumerate(rows):
        for c, item in enumerate(row):
            table.setItem(r, c, item)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    table.resizeColumnsToContents()
    # Measured with each cell's own font: the bold total row ("100.0") is wider than what
    # Qt's content sizing assumed, and was cut off.
    for c in range(len(headers)):
        widest = max((QFontMetrics(row[c].font()).horizontalAdvance(row[c].text()) for row in rows if c < len(row)),
                     default=0)
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(c, max(table.columnWidth(c), widest + CELL_PADDING))
    # What the columns need, before the last one stretches to fill whatever room it is given.
    table.natural_width = sum(table.columnWidth(c) for c in range(len(headers)))
    header.setStretchLastSection(True)
    table.resizeRowsToContents()
    return table


def _share(value: S.Shown, total: S.Shown) -> str:
    if value.hidden or not total.value:
        return ""
    return f"{100 * value.value / total.value:.1f}"


class FigurePage(QWidget):
    """One figure: its definition, its table and (one-way figures) its chart."""

    def __init__(self, figure: S.PublishedFigure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        title = QLabel(f"<b>{label_text(figure.title)}</b>")
        note = QLabel(QCoreApplication.translate(CONTEXT, figure.note.source) if figure.note.source else "")
        note.setWordWrap(True)
        unit = label_text(figure.unit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        total_text = self.tr("Total")
        if figure.two_way:
            headers = [self.tr("Partner")] + [label_text(c) for c in figure.columns] + [total_text]
            if figure.extra_label is not None:
                headers.append(label_text(figure.extra_label))
            rows = []
            for i, row in enumerate(figure.cells):
                line = [_item(label_text(figure.rows[i]))] + [_item(v.text, number=True) for v in row]
                line.append(_item(figure.row_totals[i].text, number=True, bold=True))
                if figure.extra_label is not None:
                    line.append(_item(figure.extra[i], number=True))
                rows.append(line)
            last = [_item(total_text, bold=True)]
            last += [_item(v.text, number=True, bold=True) for v in figure.column_totals]
            last.append(_item(figure.total.text, number=True, bold=True))
            if figure.extra_label is not None:
                last.append(_item(figure.extra_total, number=True, bold=True))
            rows.append(last)
            self.table = _table(headers, rows)
            self.chart = None
            layout.addWidget(self.table, 1)
        else:
            headers = [self.tr("Category"), self.tr("Count ({unit})").format(unit=unit), self.tr("Share (%)")]
            rows = [[_item(label_text(r)), _item(row[0].text, number=True),
                     _item(_share(row[0], figure.total), number=True)]
                    for r, row in zip(figure.rows, figure.cells)]
            rows.append([_item(total_text, bold=True), _item(figure.total.text, number=True, bold=True),
                         _item("100.0" if figure.total.value else "", number=True, bold=True)])
            self.table = _table(headers, rows)
            self.chart = BarChart()
            self.chart.set_data([label_text(r) for r in figure.rows], [row[0] for row in figure.cells])
            width = self.table.verticalHeader().width() + 4 + self.table.natural_width
            self.table.setMinimumWidth(width + 32)  # never narrower than its numbers
            splitter = QSplitter(Qt.Orientation.Horizontal)
            splitter.addWidget(self.table)
            splitter.addWidget(self.chart)
            splitter.setStretchFactor(0, 0)
            splitter.setStretchFactor(1, 1)
            splitter.setSizes([width + 32, 480])
            layout.addWidget(splitter, 1)


def month_edit(value: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(MONTH_FORMAT)
    edit.setCalendarPopup(False)
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setDate(QDate(value.year, value.month, 1))
    return edit


def _month(edit: QDateEdit) -> str:
    value = edit.date()
    return f"{value.year():04d}-{value.month():02d}"


class StatsDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None, *, today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self.session = session
        self.report: S.StatsReport | None = None
        self.published: S.SuppressedReport | None = None
        self.saved_path: Path | None = None
        self._counting = Latest()  # only the newest period's count is shown
        self.setWindowTitle(self.tr("Statistics"))

        # It opens on the current month and counts it at once (showEvent): the figure asked
        # for most, and a blank screen looked broken.
        now = today()
        self._counted_on_open = False
        self.start = month_edit(now)
        self.end = month_edit(now)
        self.start.setAccessibleName(self.tr("First month"))
        self.end.setAccessibleName(self.tr("Last month"))
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From:")))
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        period.addWidget(self.show_button)
        period.addStretch(1)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.sections = QListWidget()
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setMaximumWidth(280)
        self.pages = QStackedWidget()
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.sections)
        body.addWidget(self.pages)
        body.setStretchFactor(1, 1)
        body.setSizes([240, 760])

        self.rule = QLabel(QCoreApplication.translate(CONTEXT, S.RULE))
        self.rule.setWordWrap(True)
        self.busy = BusyBar()
        self.error = ErrorLabel()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.csv_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.notice)
        layout.addWidget(body, 1)
        layout.addWidget(self.rule)
        layout.addWidget(self.busy)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._set_exportable(False)
        self.resize(1000, 680)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._counted_on_open:
            self._counted_on_open = True
            self.load()

    # -- counting ------------------------------------------------------------------------------
    def period(self) -> tuple[str, str]:
        return _month(self.start), _month(self.end)

    def set_period(self, start: str, end: str) -> None:
        (y1, m1), (y2, m2) = S.parse_month(start), S.parse_month(end)
        self.start.setDate(QDate(y1, m1, 1))
        self.end.setDate(QDate(y2, m2, 1))

    def load(self) -> None:
        self.error.clear()
        self.done_label.clear()
        start, end = self.period()
        self.busy.start(self.tr("Counting…"))
        self.show_button.setEnabled(False)
        self._set_exportable(False)
        service = self.session.stats

        def work(progress):
            report = service.compute(start, end, progress=progress)
            service.record_view(report)
            return report, report.suppressed()

        self._counting.run(work, on_success=lambda result: self._loaded(*result), on_failure=self._failed,
                           on_progress=self.busy.step)

    def _loaded(self, report: S.StatsReport, published: S.SuppressedReport) -> None:
        self.busy.stop()
        self.show_button.setEnabled(True)
        self.report, self.published = report, published
        self._show(published)
        self._set_exportable(True)

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.show_button.setEnabled(True)
        # The figures of the previous period would read as an answer to this one.
        self.report = self.published = None
        self._clear()
        self.notice.hide()
        self.error.show_error(error)

    def _set_exportable(self, enabled: bool) -> None:
        self.pdf_button.setEnabled(enabled)
        self.csv_button.setEnabled(enabled)
        self.xlsx_button.setEnabled(enabled)

    # -- showing ---------------------------------------------------------------------------------
    def _clear(self) -> None:
        self.sections.clear()
        while self.pages.count():
            page = self.pages.widget(0)
            self.pages.removeWidget(page)
            page.deleteLater()

    def _show(self, published: S.SuppressedReport) -> None:
        self._clear()
        notes = []
        if published.includes_demo:
            notes.append(QCoreApplication.translate(CONTEXT, S.DEMO_NOTE))
        if published.is_empty:
            notes.append(QCoreApplication.translate(CONTEXT, S.EMPTY_NOTE))
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        self.summary_table = _table(
            [self.tr("Figure"), self.tr("Count")],
            [[_item(label_text(label)), _item(shown.text, number=True)] for label, shown in published.summary])
        summary = QWidget()
        box = QVBoxLayout(summary)
        box.addWidget(QLabel(self.tr("<b>Summary</b> — {period}").format(
            period=f"{published.period.start_month} – {published.period.end_month}")))
        box.addWidget(self.summary_table, 1)
        self.sections.addItem(self.tr("Summary"))
        self.pages.addWidget(summary)
        self.figure_pages: list[FigurePage] = []
        for figure in published.figures:
            page = FigurePage(figure)
            self.figure_pages.append(page)
            self.sections.addItem(label_text(figure.title))
            self.pages.addWidget(page)
        self.sections.setCurrentRow(0)

    # -- saving ------------------------------------------------------------------------------------
    def export(self, fmt: str) -> None:
        if self.report is None:
            return
        self.error.clear()
        self.done_label.clear()
        report = self.report
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("statistics-{start}-{end}").format(start=report.start_month, end=report.end_month) + f".{fmt}"
        filters = {"pdf": self.tr("PDF files (*.pdf)"), "csv": self.tr("CSV files (*.csv)"),
                   "xlsx": self.tr("Excel workbooks (*.xlsx)")}[fmt]
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the statistics report"),
                                                    str(Path(folder) / name) if folder else name, filters)
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        self.busy.start(self.tr("Writing the file…"))
        self._set_exportable(False)
        service = self.session.stats
        run_in_background(lambda: service.export(report, path), on_success=self._exported,
                          on_failure=self._export_failed)

    def _exported(self, path: Path) -> None:
        self.busy.stop()
        self._set_exportable(self.report is not None)
        self.saved_path = Path(path)
        self.done_label.setText(self.tr("Saved to {path}.").format(path=str(path)))

    def _export_failed(self, error: BaseException) -> None:
        self.busy.stop()
        self._set_exportable(self.report is not None)
        self.error.show_error(error)

    # -- closing ------------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Closing (also when the main window locks) drops the figures and ignores late results."""
        self._counting.cancel()
        self.report = self.published = None
        self._clear()
        super().done(result)
