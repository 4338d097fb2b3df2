"""The crisis protocol: what to do now, the crisis numbers in large type, and the action taken.

Shown when an intake is saved with a crisis alert (PHQ-9 item 9 >= 1, a current plan or
intent, a recent suicide attempt or self-harm, current danger: the `crisis_alerts` of the
form), and again whenever the intake form opens on a case whose alert is not yet confirmed.
The steps and numbers come from resources/crisis.yaml (reviewed yearly; no code change needed).

The dialog is application-modal and cannot be dismissed by the person: Esc and the window's
close button do nothing, and the only button stays disabled until the action taken is
written down. Confirming records it in the case (`session.intakes.confirm_crisis_action`).
Code may still close it with done() (the main window does so when it locks): then whatever
was typed is kept as an encrypted draft, the alert stays open in the case, and the dialog
comes back the next time the intake form is opened for that case.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Iterable

import yaml
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from intake_desktop.formdefs import CrisisAlert, FormDefinition
from intake_desktop.paths import resources_dir
from intake_desktop.services import errors as E
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.kit.lock_guard import forget_on_lock

log = logging.getLogger(__name__)

RESOURCE_FILE = "crisis.yaml"
DRAFT_SLOT = "crisis:{case_id}"
NUMBER_COLUMNS = 2
# Only if resources/crisis.yaml cannot be read (a broken install): a crisis screen without
# any number would be worse than these three, which are fixed by law.
_FALLBACK = {
    "numbers": [
        {"number": "109", "name": {"ko": "자살예방 상담전화", "en": "Suicide prevention line"}},
        {"number": "112", "name": {"ko": "경찰", "en": "Police"}},
        {"number": "119", "name": {"ko": "119 구급", "en": "Ambulance and fire"}},
    ],
    "steps": {"ko": [], "en": []},
}


@lru_cache(maxsize=1)
def crisis_resource() -> dict[str, Any]:
    """resources/crisis.yaml: `numbers` [{number, name{ko,en}, when{ko,en}}], `steps` {ko: [...], en: [...]}."""
    path = resources_dir() / RESOURCE_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not data.get("numbers"):
            raise ValueError("no numbers")
        return data
    except (OSError, ValueError, yaml.YAMLError):
        log.error("crisis resource %s unreadable; showing the fallback numbers", path)
        return dict(_FALLBACK, fallback=True)


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ko") or "")
    if hasattr(value, "ko"):
        return value.ko if lang == "ko" else value.en
    return "" if value is None else str(value)


def open_crisis_alerts(case_doc: dict, form: FormDefinition) -> list[CrisisAlert]:
    """The form's crisis alerts named by the case's unconfirmed crisis events."""
    pending = {alert_id for event in case_doc.get("crisis_events", []) or []
               if isinstance(event, dict) and event.get("action") is None
               for alert_id in event.get("alerts", []) or []}
    return [CrisisAlert(rule.id, rule.label, rule.protocol, ()) for rule in form.crisis_alerts if rule.id in pending]


class CrisisDialog(QDialog):
    confirmed = Signal(str)  # the action taken, as recorded

    def __init__(self, session, case_id: str, alerts: Iterable[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self.alerts = list(alerts)
        self._confirmed = False
        self.draft_slot = DRAFT_SLOT.format(case_id=case_id)
        lang = content_language()
        resource = crisis_resource()

        self.setWindowTitle(self.tr("Crisis protocol"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        # A title, no close button: the only way out is recording the action taken.
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                            | Qt.WindowType.WindowTitleHint)

        heading = QLabel(self.tr("Act now: this intake raised a crisis alert"))
        heading.setObjectName("crisis_heading")
        heading.setStyleSheet("#crisis_heading { color: #b3261e; }")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        heading.setWordWrap(True)

        self.reasons = QLabel("\n".join(f"· {_text(getattr(a, 'label', a), lang)}" for a in self.alerts))
        self.reasons.setWordWrap(True)

        steps_title = QLabel(self.tr("What to do now"))
        bold = QFont(steps_title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        steps_title.setFont(bold)
        steps = (resource.get("steps") or {}).get(lang) or (resource.get("steps") or {}).get("ko") or []
        self.steps = QLabel("\n".join(f"{i}. {step}" for i, step in enumerate(steps, start=1)))
        self.steps.setWordWrap(True)
        step_font = QFont(self.steps.font())
        step_font.setPointSizeF(step_font.pointSizeF() * 1.1)
        self.steps.setFont(step_font)

        numbers_title = QLabel(self.tr("Crisis numbers"))
        numbers_title.setFont(bold)
        numbers = QGridLayout()
        numbers.setHorizontalSpacing(10)
        numbers.setVerticalSpacing(10)
        self.number_labels: list[QLabel] = []
        for index, entry in enumerate(resource.get("numbers", [])):
            numbers.addWidget(self._number_card(entry, lang), index // NUMBER_COLUMNS, index % NUMBER_COLUMNS)
        checked = resource.get("checked")
        self.checked = QLabel(self.tr("Numbers last checked: {date}").format(date=checked) if checked else "")
        self.checked.setStyleSheet("color: #555555;")
        self.checked.setVisible(bool(checked))

        action_label = QLabel(self.tr("What did you do? Who was contacted, when, and with what result "
                                      "(required to close this window):"))
        action_label.setWordWrap(True)
        self.action = QPlainTextEdit()
        self.action.setTabChangesFocus(True)
        self.action.setAccessibleName(self.tr("Action taken"))
        self.action.setFixedHeight(self.action.fontMetrics().lineSpacing() * 5 + 16)
        action_label.setBuddy(self.action)
        self.action.textChanged.connect(self._update_button)
        self.reminder = QLabel(self.tr("This window closes only after you write down the action taken."))
        self.reminder.setStyleSheet("color: #8a4b00;")
        self.reminder.setWordWrap(True)
        self.reminder.hide()
        self.error = ErrorLabel()

        self.confirm_button = QPushButton(self.tr("Record the action and close"))
        self.confirm_button.setEnabled(False)
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.reasons)
        layout.addSpacing(6)
        layout.addWidget(steps_title)
        layout.addWidget(self.steps)
        layout.addSpacing(6)
        layout.addWidget(numbers_title)
        layout.addLayout(numbers)
        layout.addWidget(self.checked)
        layout.addSpacing(6)
        layout.addWidget(action_label)
        layout.addWidget(self.action)
        layout.addWidget(self.reminder)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(720)
        self.action.setFocus()
        self._restore_typing()
        _close_on_lock(session, self)

    def _number_card(self, entry: dict, lang: str) -> QFrame:
        card = QFrame()
        card.setObjectName("crisis_number")
        card.setStyleSheet("#crisis_number { border: 1px solid #d9a39b; border-radius: 4px; background: #fdf1ef; }")
        layout = QVBoxLayout(card)
        layout.setSpacing(2)
        number = QLabel(str(entry.get("number", "")))
        font = QFont(number.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 2.2)
        number.setFont(font)
        number.setObjectName("crisis_number_value")
        number.setStyleSheet("#crisis_number_value { color: #b3261e; }")
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Not word-wrapped: a wrapped label in a grid of cards is given too little height by
        # Qt (heightForWidth is not passed up to the dialog), and the lines overlap. The
        # dialog grows wider instead; the texts are short.
        name = QLabel(_text(entry.get("name"), lang))
        bold = QFont(name.font())
        bold.setBold(True)
        name.setFont(bold)
        when = QLabel(_text(entry.get("when"), lang))
        when.setStyleSheet("color: #444444;")
        for label in (number, name, when):
            layout.addWidget(label)
        layout.addStretch(1)
        self.number_labels.append(number)
        card.setAccessibleName(f"{number.text()} {name.text()}")
        return card

    # -- the only way out -------------------------------------------------------------------
    def _update_button(self) -> None:
        self.confirm_button.setEnabled(bool(self.action.toPlainText().strip()))

    def confirm(self) -> None:
        text = self.action.toPlainText().strip()
        if not text:
            self._remind()
            return
        try:
            self._session.intakes.confirm_crisis_action(self._case_id, text)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        try:
            self._session.drafts.discard(self.draft_slot)
        except E.ServiceError:
            pass  # the action is recorded; a stale draft only pre-fills the box next time
        self._confirmed = True
        self.confirmed.emit(text)
        self.accept()

    def is_confirmed(self) -> bool:
        return self._confirmed

    def _remind(self) -> None:
        self.reminder.show()
        self.action.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        """Esc and the close button: refused until the action is recorded."""
        if self._confirmed:
            super().reject()
            return
        self._remind()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and not self._confirmed:
            self._remind()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._confirmed or not self.isVisible():
            event.accept()
            return
        event.ignore()
        self._remind()

    def done(self, result: int) -> None:
        """Closing from code (a lock): keep the typing encrypted; the alert stays open."""
        if not self._confirmed:
            self._keep_typing()
        super().done(result)

    # -- typing that survives a lock --------------------------------------------------------
    def _keep_typing(self) -> None:
        text = self.action.toPlainText()
        if not text.strip() or self._session.is_locked:
            return
        try:
            self._session.drafts.save(self.draft_slot, {"action": text})
        except E.ServiceError as error:
            log.error("could not keep the crisis action draft: %s", type(error).__name__)

    def _restore_typing(self) -> None:
        try:
            draft = self._session.drafts.load(self.draft_slot)
        except E.ServiceError:
            return
        if draft and isinstance(draft.get("action"), str):
            self.action.setPlainText(draft["action"])


def _close_on_lock(session, dialog: CrisisDialog) -> None:
    """If the session locks under an open dialog, hide it (the lock screen must be usable)."""

    def close(target: CrisisDialog) -> None:
        if target.isVisible():
            QDialog.done(target, QDialog.DialogCode.Rejected)

    forget_on_lock(session, dialog, close)
