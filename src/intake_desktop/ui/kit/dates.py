"""Date and date-time editors in the Korean official style, and conversions to and from Qt."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from intake_desktop.domain import dates
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
    edit.setDate(to_qdate(value or dates.today()))
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
