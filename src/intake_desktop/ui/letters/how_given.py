"""How a consent was given: the date, signed or verbal with a witness, and a legal guardian
when the young person is under 14 on that date (개인정보 보호법 art. 22-2).

The guardian rows appear only when the birth date says they are needed (or is unknown, then
they are optional); the service has the last word and its message is shown if it refuses.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget

from intake_desktop.domain import dates
from intake_desktop.domain.cases import age_on
from intake_desktop.services.consent import GUARDIAN_AGE, HowGiven
from intake_desktop.ui.kit.dates import date_edit, from_qdate


class HowGivenFields(QWidget):
    def __init__(self, birth_date: date | None, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._birth_date = birth_date
        today = today or dates.today()
        self.date = date_edit(today, maximum=today)
        self.signed = QRadioButton(self.tr("Signed form"))
        self.verbal = QRadioButton(self.tr("Verbal, with a witness"))
        self.signed.setChecked(True)
        self._methods = QButtonGroup(self)
        self._methods.addButton(self.signed)
        self._methods.addButton(self.verbal)
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("Name of the witness"))
        self.guardian_note = QLabel()
        self.guardian_note.setWordWrap(True)
        self.guardian_name = QLineEdit()
        self.guardian_relationship = QLineEdit()
        self.guardian_relationship.setPlaceholderText(self.tr("e.g. mother, father, guardian"))

        methods = QHBoxLayout()
        methods.setContentsMargins(0, 0, 0, 0)
        methods.addWidget(self.signed)
        methods.addWidget(self.verbal)
        methods.addStretch()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Date given:"), self.date)
        self.form.addRow(self.tr("How:"), methods)
        self.form.addRow(self.tr("Witness:"), self.witness)
        self.form.addRow("", self.guardian_note)
        self.form.addRow(self.tr("Legal guardian:"), self.guardian_name)
        self.form.addRow(self.tr("Relationship:"), self.guardian_relationship)

        self.verbal.toggled.connect(self._update)
        self.date.dateChanged.connect(lambda _d: self._update())
        self._update()

    def guardian_needed(self) -> bool:
        birth = self._birth_date
        return birth is not None and age_on(birth, from_qdate(self.date.date())) < GUARDIAN_AGE

    def _update(self) -> None:
        self.witness.setEnabled(self.verbal.isChecked())
        needed = self.guardian_needed()
        unknown = self._birth_date is None
        if needed:
            self.guardian_note.setText(self.tr(
                "The young person is under 14 on this date: a legal guardian must consent. "
                "Give the guardian's name and relationship."))
            self.guardian_note.setStyleSheet("color: #a3261b; font-weight: bold;")
        elif unknown:
            self.guardian_note.setText(self.tr(
                "The birth date is not recorded. If the young person is under 14, a legal guardian must consent."))
            self.guardian_note.setStyleSheet("")
        for row in (self.guardian_note, self.guardian_name, self.guardian_relationship):
            self.form.setRowVisible(row, needed or unknown)

    def value(self) -> HowGiven:
        verbal = self.verbal.isChecked()
        return HowGiven(
            on=from_qdate(self.date.date()),
            method="verbal_witness" if verbal else "signed",
            witness=self.witness.text() if verbal else "",
            guardian_name=self.guardian_name.text(),
            guardian_relationship=self.guardian_relationship.text(),
        )
