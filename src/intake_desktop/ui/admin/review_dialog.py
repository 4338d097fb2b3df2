"""The monthly review of the access log (안전성 확보조치 기준 art. 8): look at one month's
figures that deserve attention, write a note, and record who reviewed which month."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHeaderView, QLabel,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from intake_desktop.letters.formatting import format_datetime
from intake_desktop.services.access_log import AccessEvent
from intake_desktop.ui.background import Latest
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit.fields import short_text_edit
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.kit.tables import compact_rows
from intake_desktop.domain import dates

MONTHS_OFFERED = 13
WORK_START_HOUR, WORK_END_HOUR = 7, 21  # outside this (or at weekends) counts as after hours


def month_bounds(month: str) -> tuple[date, date]:
    """'2025-05' -> (2025-05-01, 2025-05-31)."""
    year, number = (int(part) for part in month.split("-"))
    first = date(year, number, 1)
    following = date(year + (number == 12), number % 12 + 1, 1)
    return first, following - timedelta(days=1)


def recent_months(today: date, count: int = MONTHS_OFFERED) -> list[str]:
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


@dataclass(frozen=True)
class MonthFigures:
    total: int
    case_views: int
    failed_logins: int
    exports: int
    destructions: int
    after_hours: int
    busiest: tuple[tuple[str, int], ...]  # accounts with the most case openings


def month_figures(events: Sequence[AccessEvent]) -> MonthFigures:
    views = Counter(e.username for e in events if e.action == "case.view")
    after = sum(1 for e in events if e.at.weekday() >= 5 or not WORK_START_HOUR <= e.at.hour < WORK_END_HOUR)
    return MonthFigures(
        total=len(events), case_views=sum(views.values()),
        failed_logins=sum(1 for e in events if e.action == "login.failed"),
        exports=sum(1 for e in events if e.action in ("audit.export", "person.export")),
        destructions=sum(1 for e in events if e.action == "case.destroy"),
        after_hours=after, busiest=tuple(views.most_common(3)),
    )


class MonthlyReviewDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None, *, today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self.session = session
        self._loading = Latest()  # only the newest month asked for is shown
        self.figures: MonthFigures | None = None
        self.setWindowTitle(self.tr("Monthly review of the access log"))
        self.month = QComboBox()
        months = recent_months(today())
        for month in months:
            self.month.addItem(month, month)
        self.month.setCurrentIndex(1 if len(months) > 1 else 0)  # usually last month is reviewed
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        self.note = short_text_edit(3)
        self.note.setPlaceholderText(self.tr("What you checked and what you found (e.g. nothing unusual)"))
        self.record_button = QPushButton(self.tr("Record the review"))
        self.record_button.clicked.connect(self.record)
        self.reviews = QTableWidget(0, 4)
        self.reviews.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Reviewed by"), self.tr("On"),
                                                self.tr("Note")])
        self.reviews.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact_rows(self.reviews)
        header = self.reviews.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.busy = BusyBar()
        self.error = ErrorLabel()
        self.done_label = QLabel()

        form = QFormLayout()
        form.addRow(self.tr("Month:"), self.month)
        form.addRow(self.tr("Worth a look:"), self.figures_label)
        form.addRow(self.tr("Note:"), self.note)
        review_box = QGroupBox(self.tr("Reviews recorded"))
        QVBoxLayout(review_box).addWidget(self.reviews)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        layout.addWidget(review_box, 1)
        layout.addWidget(buttons)
        self.resize(700, 560)
        self.month.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def selected_month(self) -> str:
        return self.month.currentData()

    def load(self) -> None:
        self.error.clear()
        first, last = month_bounds(self.selected_month())
        log = self.session.access_log
        self.busy.start(self.tr("Reading the month…"))

        def work():
            month = log.events(start=first, end=last)
            reviews = log.events(action="audit.review", record_view=False)
            return month_figures(month), reviews

        self._loading.run(work, on_success=lambda result: self._loaded(*result), on_failure=self._failed)

    def _loaded(self, figures: MonthFigures, reviews: list[AccessEvent]) -> None:
        self.busy.stop()
        self.figures = figures
        lines = [
            self.tr("%n event(s) in all", "", figures.total),
            self.tr("Cases opened: %n", "", figures.case_views),
            self.tr("Wrong passphrases: %n", "", figures.failed_logins),
            self.tr("Downloads and exports: %n", "", figures.exports),
            self.tr("Cases destroyed: %n", "", figures.destructions),
            self.tr("Outside working hours (before 7:00, after 21:00, weekends): %n", "", figures.after_hours),
        ]
        if figures.busiest:
            lines.append(self.tr("Most cases opened by: {accounts}").format(
                accounts=", ".join(f"{name} ({count})" for name, count in figures.busiest)))
        self.figures_label.setText("\n".join(lines))
        reviews = list(reversed(reviews))
        self.reviews.setRowCount(len(reviews))
        for i, event in enumerate(reviews):
            texts = [str(event.details.get("month", "")), event.username, format_datetime(event.at),
                     str(event.details.get("note", ""))]
            for column, text in enumerate(texts):
                self.reviews.setItem(i, column, QTableWidgetItem(text))

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.show_error(error)

    def record(self) -> None:
        self.error.clear()
        month = self.selected_month()
        try:
            self.session.access_log.record_review(month, self.note.toPlainText().strip())
        except Exception as error:  # noqa: BLE001 - shown as a sentence, never a traceback
            self.error.show_error(error)
            return
        self.note.clear()
        self.done_label.setText(self.tr("Review of {month} recorded.").format(month=month))
        self.load()
