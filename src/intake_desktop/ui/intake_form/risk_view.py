"""The risk level the form's rules propose, shown beside the risk_level question.

Only ever a proposal: the counsellor confirms it or picks another level, and then the form
(check_risk_override) requires the reason in risk_override_reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake_desktop.formdefs import RiskProposal
from intake_desktop.ui.intake_form.field_widgets import tag

MAX_REASONS = 6


class RiskProposalView(QFrame):
    use_proposal = Signal(str)  # the proposed level's value

    def __init__(self, field_id: str, field_label: str, level_labels: dict[str, str], note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level_labels = level_labels
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("risk_proposal")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        font = QFont(self.headline.font())
        font.setBold(True)
        self.headline.setFont(font)
        top.addWidget(self.headline, 1)
        self.use_button = QPushButton(QCoreApplication.translate("IntakeForm", "Use the proposed level"))
        name = QCoreApplication.translate("IntakeForm", "{field}: use the proposed level").format(field=field_label)
        tag(self.use_button, field_id, name, "use_proposal")
        self.use_button.clicked.connect(self._use_clicked)
        top.addWidget(self.use_button)
        layout.addLayout(top)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        layout.addWidget(self.reasons)
        self.override = QLabel()
        self.override.setWordWrap(True)
        self.override.setStyleSheet("color: #8a4b00;")
        self.override.hide()
        layout.addWidget(self.override)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        self._level = ""
        self._shown: tuple | None = None

    def show_proposal(self, proposal: RiskProposal, chosen: str | None, lang: str) -> None:
        key = (proposal, chosen, lang)
        if key == self._shown:
            return
        self._shown = key
        self._level = proposal.level.value
        level = self.level_labels.get(self._level, self._level)
        self.headline.setText(QCoreApplication.translate(
            "IntakeForm", "Proposed by the form's rules: {level}").format(level=level))
        if proposal.reasons:
            lines = [f"· {self.level_labels.get(r.level.value, r.level.value)}: "
                     f"{r.label.ko if lang == 'ko' else r.label.en}" for r in proposal.reasons[:MAX_REASONS]]
            if len(proposal.reasons) > MAX_REASONS:
                more = len(proposal.reasons) - MAX_REASONS
                lines.append(QCoreApplication.translate("IntakeForm", "… and %n more", "", more))
            self.reasons.setText("\n".join(lines))
        else:
            self.reasons.setText(QCoreApplication.translate("IntakeForm", "No rule matched."))
        differs = bool(chosen) and chosen != self._level
        self.override.setText(QCoreApplication.translate(
            "IntakeForm", "You chose a different level: write the reason below.") if differs else "")
        self.override.setVisible(differs)
        self.use_button.setEnabled(chosen != self._level)

    def _use_clicked(self) -> None:
        self.use_proposal.emit(self._level)

    def proposed_level(self) -> str:
        return self._level
