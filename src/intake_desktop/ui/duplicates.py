"""Before a second case is opened for the same young person: the dialog that lists the likely
matches (the rule that finds them: domain/duplicates.py)."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
    QVBoxLayout, QWidget,
)

from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.korean import format_date
from intake_desktop.ui.labels import stage_label
from intake_desktop.ui.roles import CASE_ID_ROLE


class DuplicateDialog(QDialog):
    """Lists the matches; the counsellor opens one of them or creates the new case anyway."""

    open_existing = Signal(str)  # case id
    create_anyway = Signal()

    def __init__(self, matches: Sequence[CaseSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicate"))
        intro = QLabel(self.tr(
            "This person may already have a case: same name and date of birth, or same mobile "
            "number. Open the existing case instead of starting a second one?"))
        intro.setWordWrap(True)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Existing cases"))
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for case in matches:
            item = QListWidgetItem(self._describe(case))
            item.setData(CASE_ID_ROLE, case.case_id)
            self.matches.addItem(item)
        self.matches.setCurrentRow(0)
        self.matches.itemActivated.connect(lambda _item: self._open())

        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(self.tr("Open the existing case"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button = buttons.addButton(self.tr("Create a new case anyway"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton(self.tr("Back to the form"), QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.create_button.clicked.connect(self._create)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.matches, 1)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def _describe(self, case: CaseSummary) -> str:
        birth = format_date(case.birth_date) if case.birth_date else "—"
        return self.tr("{name} · born {birth} · {number} · {stage} · {counsellor}").format(
            name=case.name, birth=birth, number=case.case_number, stage=stage_label(case.stage),
            counsellor=case.counsellor_name or "—")

    def selected_case_id(self) -> str | None:
        item = self.matches.currentItem()
        return item.data(CASE_ID_ROLE) if item is not None else None

    def _open(self) -> None:
        case_id = self.selected_case_id()
        if case_id:
            self.accept()
            self.open_existing.emit(case_id)

    def _create(self) -> None:
        self.accept()
        self.create_anyway.emit()
