"""A minimal "new case" form: name, date of birth, mobile, preferred contact.

Validation problems are listed in the dialog and everything typed stays. Before saving, a
`duplicate_finder` (given by the main window: ui/duplicates.py over the in-memory index) may
find the person's existing case; the counsellor then opens it or creates the case anyway.
The dialog is an editor with unsaved typing: on lock the main window stores `draft_content()` encrypted
(session.drafts) and empties it, and after unlock puts it back with `restore_draft()`.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
    QVBoxLayout, QWidget,
)

from intake_desktop.domain.cases import CaseSummary
from intake_desktop.services import errors as E
from intake_desktop.services.people import CONTACT_CHANNELS, clean_person
from intake_desktop.services.session import Session
from intake_desktop.ui.duplicates import DuplicateDialog
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.labels import CONTACT_LABELS, label
from intake_desktop.ui.messages import describe_problem

DRAFT_SLOT = "new-case"
_DOTTED_DATE = re.compile(r"^\s*(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?\s*$")


def normalise_date_input(text: str) -> str:
    """Korean habits to ISO: '1999. 3. 2.' / '1999.03.02' / '1999/3/2' -> '1999-03-02'.

    Anything else is passed on unchanged for the service to judge (and to complain about).
    """
    match = _DOTTED_DATE.match(text)
    if match:
        year, month, day = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return text.strip()


class NewCaseDialog(QDialog):
    case_created = Signal(str)  # case id
    open_existing_requested = Signal(str)  # case id of the duplicate the counsellor chose

    draft_slot = DRAFT_SLOT

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 duplicate_finder: Callable[[dict], Sequence[CaseSummary]] | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._duplicate_finder = duplicate_finder
        self.duplicate_dialog = None
        self.setWindowTitle(self.tr("New case"))

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Kim Minsu"))
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("e.g. 1999-03-02"))
        self.mobile = QLineEdit()
        self.mobile.setPlaceholderText("010-1234-5678")
        self.preferred_contact = QComboBox()
        self.preferred_contact.addItem(self.tr("(not asked yet)"), "")
        for channel in CONTACT_CHANNELS:
            self.preferred_contact.addItem(label(CONTACT_LABELS[channel]), channel)
        self.problems = ErrorLabel()
        hint = QLabel(self.tr(
            "Many young people prefer text messages to calls: ask before phoning."
        ))
        hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Date of birth:"), self.birth_date)
        form.addRow(self.tr("Mobile phone:"), self.mobile)
        form.addRow(self.tr("Preferred contact:"), self.preferred_contact)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    # -- the typed data ---------------------------------------------------------------------
    def person(self) -> dict:
        return {
            "name": self.name.text(),
            "birth_date": normalise_date_input(self.birth_date.text()),
            "mobile": self.mobile.text(),
            "preferred_contact": self.preferred_contact.currentData() or "",
        }

    def draft_content(self) -> dict:
        """Exactly what is in the fields (not normalised), so restoring changes nothing."""
        return {
            "name": self.name.text(),
            "birth_date": self.birth_date.text(),
            "mobile": self.mobile.text(),
            "preferred_contact": self.preferred_contact.currentData() or "",
        }

    def restore_draft(self, content: dict) -> None:
        self.name.setText(str(content.get("name", "")))
        self.birth_date.setText(str(content.get("birth_date", "")))
        self.mobile.setText(str(content.get("mobile", "")))
        channel = self.preferred_contact.findData(content.get("preferred_contact", ""))
        self.preferred_contact.setCurrentIndex(max(0, channel))

    def has_typing(self) -> bool:
        return any(self.draft_content().values())

    def clear_fields(self) -> None:
        for field in (self.name, self.birth_date, self.mobile):
            field.clear()
        self.preferred_contact.setCurrentIndex(0)
        self.problems.clear()

    # -- actions ----------------------------------------------------------------------------
    def save(self) -> None:
        person = self.person()
        _clean, problems = clean_person(person)
        if problems:
            self.problems.show_text("\n".join(describe_problem(p) for p in problems))
            return
        matches = self._duplicate_finder(person) if self._duplicate_finder else []
        if matches:
            self._ask_about_duplicates(matches, person)
            return
        self._create(person)

    def _ask_about_duplicates(self, matches: Sequence[CaseSummary], person: dict) -> None:
        dialog = DuplicateDialog(matches, self)
        dialog.open_existing.connect(self._open_existing)
        dialog.create_anyway.connect(lambda: self._create(person))
        self.duplicate_dialog = dialog
        dialog.open()

    def _open_existing(self, case_id: str) -> None:
        self.clear_fields()
        self.hide()
        self.setResult(QDialog.DialogCode.Rejected)
        self.open_existing_requested.emit(case_id)

    def _create(self, person: dict) -> None:
        try:
            case_id = self._session.cases.create(person)
        except E.ServiceError as error:
            self.problems.show_error(error)
            return
        self.clear_fields()
        self.hide()
        self.setResult(QDialog.DialogCode.Accepted)
        self.case_created.emit(case_id)

    def reject(self) -> None:
        if not self.has_typing():
            self.discard()
            return
        # Asked without a nested event loop (open, not exec): the answer arrives as a signal.
        question = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Discard the new case?"),
            self.tr("What you typed in this form will be lost."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self,
        )
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        question.button(QMessageBox.StandardButton.Discard).setText(self.tr("Discard"))
        question.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
        question.finished.connect(
            lambda answer: self.discard() if answer == QMessageBox.StandardButton.Discard else None
        )
        question.open()

    def discard(self) -> None:
        self.clear_fields()
        super().reject()
