"""Case list filters (stage, risk, my cases, overdue) and the bar of controls that sets them.

A filter becomes one boolean per case of the index (`filter_mask`), computed once when the
filter or the index changes (C-level loops: a few milliseconds at 100k cases). A keystroke then only keeps the search hits whose flag is set
(CaseTableModel._matching), so typing never calls Python per row on top of the search itself,
which is what a QSortFilterProxyModel.filterAcceptsRow would do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import and_, attrgetter
from typing import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from intake_desktop.domain import stages
from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.enums import RiskLevel, Stage
from intake_desktop.ui.labels import risk_label, stage_label

OPEN = "open"  # stage choice: any stage before closure
NO_RISK = "none"  # risk choice: no level recorded yet


@dataclass(frozen=True)
class CaseFilter:
    stage: Stage | str | None = None  # None: every stage; OPEN: 접수 … 점검
    risk: RiskLevel | str | None = None  # None: every level; NO_RISK: not assessed
    mine_only: bool = False
    overdue_only: bool = False

    @property
    def is_empty(self) -> bool:
        return self == CaseFilter()


def _member_flags(items: Sequence[CaseSummary], attribute: str, allowed) -> list[bool]:
    """`case.<attribute> in allowed` for every case, looped in C (map over attrgetter)."""
    return list(map(frozenset(allowed).__contains__, map(attrgetter(attribute), items)))


def filter_mask(items: Sequence[CaseSummary], case_filter: CaseFilter, account_id: str,
                today: date) -> list[bool] | None:
    """One flag per case: does it pass the filter? None when the filter lets everything through.

    One list of flags per criterion, computed with C-level loops where Python allows, and
    combined with `and`: a few milliseconds per criterion at 100k cases."""
    if case_filter.is_empty:
        return None
    flags: list[list[bool]] = []
    if case_filter.stage == OPEN:
        flags.append(_member_flags(items, "stage", stages.OPEN_STAGES))
    elif case_filter.stage is not None:
        flags.append(_member_flags(items, "stage", [Stage(case_filter.stage)]))
    if case_filter.risk == NO_RISK:
        flags.append(_member_flags(items, "risk_level", [None]))
    elif case_filter.risk is not None:
        flags.append(_member_flags(items, "risk_level", [RiskLevel(case_filter.risk)]))
    if case_filter.mine_only:
        flags.append(_member_flags(items, "counsellor_id", [account_id]))
    if case_filter.overdue_only:
        flags.append([due is not None and due < today for due in map(attrgetter("next_follow_up"), items)])
    mask = flags[0]
    for more in flags[1:]:
        mask = list(map(and_, mask, more))
    return mask


class FilterBar(QWidget):
    """Stage and risk choosers, "My cases" and "Overdue" switches, and a reset button."""

    changed = Signal(object)  # CaseFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), None)
        self.stage.addItem(self.tr("Open cases (before closure)"), OPEN)
        for stage in Stage:
            self.stage.addItem(stage_label(stage), stage.value)
        self.stage.setAccessibleName(self.tr("Filter by stage"))
        self.risk = QComboBox()
        self.risk.addItem(self.tr("Every risk level"), None)
        for level in RiskLevel:
            self.risk.addItem(risk_label(level), level.value)
        self.risk.addItem(self.tr("Not assessed"), NO_RISK)
        self.risk.setAccessibleName(self.tr("Filter by risk level"))
        self.mine = QCheckBox(self.tr("&My cases"))
        self.mine.setToolTip(self.tr("Only cases assigned to you"))
        self.overdue = QCheckBox(self.tr("&Overdue follow-ups"))
        self.overdue.setToolTip(self.tr("Only cases whose next follow-up date has passed"))
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.reset_button.setEnabled(False)

        stage_label_widget = QLabel(self.tr("&Stage:"))
        stage_label_widget.setBuddy(self.stage)
        risk_label_widget = QLabel(self.tr("&Risk:"))
        risk_label_widget.setBuddy(self.risk)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(stage_label_widget)
        layout.addWidget(self.stage)
        layout.addWidget(risk_label_widget)
        layout.addWidget(self.risk)
        layout.addWidget(self.mine)
        layout.addWidget(self.overdue)
        layout.addStretch()
        layout.addWidget(self.reset_button)

        self.stage.currentIndexChanged.connect(self._emit)
        self.risk.currentIndexChanged.connect(self._emit)
        self.mine.toggled.connect(self._emit)
        self.overdue.toggled.connect(self._emit)
        self.reset_button.clicked.connect(self.reset)

    def current(self) -> CaseFilter:
        stage, risk = self.stage.currentData(), self.risk.currentData()
        return CaseFilter(
            stage=OPEN if stage == OPEN else (Stage(stage) if stage else None),
            risk=NO_RISK if risk == NO_RISK else (RiskLevel(risk) if risk else None),
            mine_only=self.mine.isChecked(),
            overdue_only=self.overdue.isChecked(),
        )

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Show `case_filter` in the controls (announced once, not once per control)."""
        self.blockSignals(True)
        for box, value in ((self.stage, case_filter.stage), (self.risk, case_filter.risk)):
            box.setCurrentIndex(max(0, box.findData(getattr(value, "value", value))))
        self.mine.setChecked(case_filter.mine_only)
        self.overdue.setChecked(case_filter.overdue_only)
        self.blockSignals(False)
        self._emit()

    def reset(self) -> None:
        self.set_filter(CaseFilter())

    def _emit(self, *_args) -> None:
        current = self.current()
        self.reset_button.setEnabled(not current.is_empty)
        self.changed.emit(current)
