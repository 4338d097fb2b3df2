"""The red banner at the top of the form while the answers raise a crisis alert.

It appears the moment an alert holds (PHQ-9 item 9 >= 1, a recent suicide attempt, current
danger, ... as the form's `crisis_alerts` say), lists why, shows the crisis numbers at once,
and offers to record the intake now and open the crisis protocol. Alerts without protocol
(e.g. a high risk of losing contact) show as an amber notice instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake_desktop.formdefs import CrisisAlert
from intake_desktop.ui.crisis_dialog import crisis_resource
from intake_desktop.ui.intake_form.texts import pick


class CrisisBanner(QWidget):
    protocol_requested = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.urgent = QFrame()
        self.urgent.setObjectName("crisis_banner")
        self.urgent.setStyleSheet("#crisis_banner { background: #b3261e; border-radius: 4px; }"
                                  "#crisis_banner QLabel { color: white; }")
        urgent = QVBoxLayout(self.urgent)
        urgent.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.title = QLabel(QCoreApplication.translate("IntakeForm", "Crisis alert: follow the crisis protocol now"))
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.protocol_button = QPushButton(QCoreApplication.translate("IntakeForm", "Record now and open the protocol"))
        self.protocol_button.setAccessibleName(self.protocol_button.text())
        self.protocol_button.clicked.connect(self.protocol_requested)
        top.addWidget(self.protocol_button, 0, Qt.AlignmentFlag.AlignTop)
        urgent.addLayout(top)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        urgent.addWidget(self.reasons)
        numbers = crisis_resource().get("numbers", [])
        self.numbers = QLabel("   ".join(number_and_name(n, lang) for n in numbers))
        bold = QFont(self.numbers.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.numbers.setFont(bold)
        self.numbers.setWordWrap(True)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        urgent.addWidget(self.numbers)
        self.when = QLabel(QCoreApplication.translate(
            "IntakeForm", "The protocol opens when the intake is saved; what you did is "
                          "recorded in the case."))
        self.when.setWordWrap(True)
        urgent.addWidget(self.when)
        layout.addWidget(self.urgent)

        self.notice = QLabel()
        self.notice.setObjectName("crisis_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("#crisis_notice { background: #fff3cd; color: #5c4400; padding: 6px; "
                                  "border: 1px solid #e0c36c; border-radius: 4px; }")
        layout.addWidget(self.notice)
        self.alerts: list[CrisisAlert] = []
        self._shown: list[str] | None = None
        self.set_alerts([])

    def set_alerts(self, alerts: list[CrisisAlert]) -> None:
        if self._shown is not None and [a.id for a in alerts] == self._shown:
            return
        self._shown = [a.id for a in alerts]
        self.alerts = list(alerts)
        urgent = [a for a in alerts if a.protocol]
        other = [a for a in alerts if not a.protocol]
        self.reasons.setText("\n".join(f"· {pick(a.label, self.lang)}" for a in urgent))
        self.urgent.setVisible(bool(urgent))
        self.notice.setText("\n".join(pick(a.label, self.lang) for a in other))
        self.notice.setVisible(bool(other))
        self.setVisible(bool(alerts))
        self.urgent.setAccessibleName(self.title.text() if urgent else "")

    def has_protocol_alert(self) -> bool:
        return any(a.protocol for a in self.alerts)


def number_and_name(entry: dict, lang: str) -> str:
    """'109 자살예방 상담전화'; a name that starts with its number ('119 구급') stands alone."""
    number, name = str(entry.get("number", "")), pick_text(entry.get("name"), lang)
    return name if name.startswith(number) else f"{number} {name}".strip()


def pick_text(value, lang: str) -> str:
    """A {ko, en} mapping from the crisis resource file."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ko") or "")
    return str(value or "")
