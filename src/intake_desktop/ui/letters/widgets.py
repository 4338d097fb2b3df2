"""Small widgets shared by the letters and admin screens: dates, a busy bar, a form title."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Qt
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QWidget

from intake_desktop.domain.korean import format_date

DATE_FORMAT = "yyyy. M. d."  # Korean official style, as printed in letters
DATETIME_FORMAT = "yyyy. M. d. HH:mm"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date | None = None, *, maximum: date | None = None, minimum: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    if minimum is not None:
        edit.setMinimumDate(to_qdate(minimum))
    if maximum is not None:
        edit.setMaximumDate(to_qdate(maximum))
    edit.setDate(to_qdate(value or date.today()))
    return edit


def datetime_edit(value: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    edit.setDateTime(QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute)))
    return edit


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def show_date(value: date | None) -> str:
    return format_date(value) if value else ""


class BusyBar(QWidget):
    """An indeterminate (or stepped) progress bar with a caption, hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(260)
        self.bar.setTextVisible(False)
        self.caption = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.caption, 1)
        self._running = False
        self.hide()

    def start(self, caption: str) -> None:
        self._running = True
        self.bar.setRange(0, 0)
        self.caption.setText(caption)
        self.show()

    def step(self, done: int, total: int, caption: str | None = None) -> None:
        self._running = True
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if caption is not None:
            self.caption.setText(caption)
        self.show()

    def stop(self) -> None:
        self._running = False
        self.hide()
        self.caption.clear()

    @property
    def running(self) -> bool:
        return self._running


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def compact_rows(table) -> None:
    """One text line a row (the default row height of some styles is twice that)."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    rows.hide()
