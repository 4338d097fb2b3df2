"""The bar of controls that sets the case list's filter (the rule itself: domain/case_filters.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from intake_desktop.domain.case_filters import NO_RISK, OPEN, CaseFilter
from intake_desktop.domain.enums import RiskLevel, Stage
from intake_desktop.ui.labels import risk_label, stage_label


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
