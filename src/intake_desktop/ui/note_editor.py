"""The session-note editor: date, kind of contact, duration, what happened, next steps.

Used in the case file's notes tab. It saves through `session.casework.add_note` (which checks
the date is not in the future and the note is not empty) and follows the editor protocol of
the case file (has_unsaved / draft / restore / clear), so a lock or a closed tab never loses a
half-written note: its text goes into the encrypted drafts.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.domain.cases import parse_date
from intake_desktop.services import errors as E
from intake_desktop.services.casework import NOTE_MODES
from intake_desktop.services.session import Session
from intake_desktop.ui.casework_labels import note_mode_label
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.rrn_warning import RrnWarning

MAX_MINUTES = 600
DATE_FORMAT = "yyyy. M. d."  # the Korean official date style, also readable in English


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class NoteEditor(QWidget):
    saved = Signal(object)  # the new Record

    def __init__(self, session: Session, case_id: str, *, today: Callable[[], date] = dates.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self._today = today

        self.on = QDateEdit()
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat(DATE_FORMAT)
        self.on.setAccessibleName(self.tr("Date of contact"))
        self.mode = QComboBox()
        for mode in NOTE_MODES:
            self.mode.addItem(note_mode_label(mode), mode)
        self.mode.setAccessibleName(self.tr("Kind of contact"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSingleStep(10)
        self.minutes.setSpecialValueText(self.tr("not recorded"))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Duration in minutes"))
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)  # Tab moves on; keyboard users are not trapped
        self.content.setPlaceholderText(self.tr("What happened, what the young person said, how they were"))
        self.content.setAccessibleName(self.tr("Note"))
        self.next_steps = QPlainTextEdit()
        self.next_steps.setTabChangesFocus(True)
        self.next_steps.setPlaceholderText(self.tr("What you agreed to do next"))
        self.next_steps.setAccessibleName(self.tr("Next steps"))
        self.next_steps.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.error = ErrorLabel()
        self.save_button = QPushButton(self.tr("Save note (&W)"))
        self.save_button.setToolTip(self.tr("Save the session note (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Cl&ear"))
        self.clear_button.clicked.connect(self.clear)

        first_row = QHBoxLayout()
        first_row.addWidget(self.on)
        mode_label = QLabel(self.tr("&Kind:"))
        mode_label.setBuddy(self.mode)
        first_row.addWidget(mode_label)
        first_row.addWidget(self.mode)
        minutes_label = QLabel(self.tr("D&uration:"))
        minutes_label.setBuddy(self.minutes)
        first_row.addWidget(minutes_label)
        first_row.addWidget(self.minutes)
        first_row.addStretch()
        form = QFormLayout()
        date_label = QLabel(self.tr("&Date:"))  # a row of fields: the label needs a buddy
        date_label.setBuddy(self.on)
        form.addRow(date_label, first_row)
        form.addRow(self.tr("&Note:"), self.content)
        form.addRow(self.tr("Ne&xt steps:"), self.next_steps)
        self.rrn_warning = RrnWarning(self.content, self.next_steps)
        form.addRow(self.rrn_warning)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        self.clear()

    # -- editor protocol ------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        return bool(self.content.toPlainText().strip() or self.next_steps.toPlainText().strip())

    def draft(self) -> dict:
        return {
            "date": from_qdate(self.on.date()).isoformat(), "mode": self.mode.currentData(),
            "minutes": self.minutes.value(), "content": self.content.toPlainText(),
            "next_steps": self.next_steps.toPlainText(),
        }

    def restore(self, content: dict) -> None:
        on = parse_date(content.get("date"))
        if on is not None:
            self.on.setDate(to_qdate(min(on, self._today())))
        self.mode.setCurrentIndex(max(0, self.mode.findData(content.get("mode"))))
        try:
            self.minutes.setValue(int(content.get("minutes") or 0))
        except (TypeError, ValueError):
            self.minutes.setValue(0)
        self.content.setPlainText(str(content.get("content") or ""))
        self.next_steps.setPlainText(str(content.get("next_steps") or ""))

    def clear(self) -> None:
        today = self._today()
        self.on.setMaximumDate(to_qdate(today))  # a note records what happened, never the future
        self.on.setDate(to_qdate(today))
        self.mode.setCurrentIndex(0)
        self.minutes.setValue(0)
        self.content.clear()
        self.next_steps.clear()
        self.error.clear()

    def save(self) -> bool:
        self.error.clear()
        try:
            record = self._session.casework.add_note(
                self._case_id, on=from_qdate(self.on.date()), mode=self.mode.currentData(),
                minutes=self.minutes.value() or None, content=self.content.toPlainText(),
                next_steps=self.next_steps.toPlainText(), today=self._today())
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self.clear()
        self.saved.emit(record)
        return True
