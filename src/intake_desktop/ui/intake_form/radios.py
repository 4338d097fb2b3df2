"""A set of radio buttons that answers one question and may stay unanswered.

Qt already makes an exclusive group one Tab stop (the checked button, else the first) and
moves between its buttons with the arrow keys; Space picks the focused one. On top of that:
- every arrow key walks the options in order, in a row as in a column;
- Delete or Backspace takes the answer back (a radio group cannot be unchecked by clicking);
- with `number_keys`, pressing the digit of an option's value picks it and moves focus on to
  the next question, so a questionnaire can be keyed in as fast as it is read out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QButtonGroup, QRadioButton

from intake_desktop.formdefs.conditions import same

_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


class RadioSet(QObject):
    changed = Signal()  # the answer changed (picked, switched or taken back)
    committed = Signal()  # the person made a choice: time to check the answer
    focused = Signal()  # one of the buttons got the keyboard focus

    def __init__(self, values: list[Any], buttons: list[QRadioButton], parent: QObject, *,
                 number_keys: bool = False) -> None:
        super().__init__(parent)
        self.values = list(values)
        self.buttons = list(buttons)
        self.number_keys = number_keys
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for index, button in enumerate(self.buttons):
            self.group.addButton(button, index)
            button.installEventFilter(self)
        self.group.idToggled.connect(self._toggled)
        self.group.idClicked.connect(self.committed)

    def value(self) -> Any:
        index = self.group.checkedId()
        return self.values[index] if index >= 0 else None

    def set_value(self, value: Any) -> None:
        index = next((i for i, v in enumerate(self.values) if value is not None and same(v, value)), -1)
        if index < 0:
            self.clear()
        elif self.group.checkedId() != index:
            self.buttons[index].setChecked(True)

    def clear(self) -> None:
        if self.group.checkedId() < 0:
            return
        # An exclusive group refuses to uncheck its last button; let go for a moment.
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)
        self.changed.emit()

    def checked_button(self) -> QRadioButton | None:
        return self.group.checkedButton()

    def focus_button(self) -> QRadioButton:
        """The button Tab lands on: the checked one, else the first."""
        return self.group.checkedButton() or self.buttons[0]

    def _toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
            return False
        if event.type() != QEvent.Type.KeyPress or watched not in self.buttons:
            return False
        key = event.key()
        if key in _ARROWS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            # Every arrow walks the options in order, whether they stand in a row or a column
            # (Qt only follows the on-screen direction, so Down did nothing in a row).
            position = self.buttons.index(watched)
            target = position + (1 if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) else -1)
            if 0 <= target < len(self.buttons):
                button = self.buttons[target]
                if watched.isChecked():  # as in Qt: moving on from an answer changes the answer
                    button.setChecked(True)
                    self.committed.emit()
                button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in _CLEAR_KEYS and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                        Qt.KeyboardModifier.KeypadModifier):
            had_answer = self.group.checkedId() >= 0
            self.clear()
            if had_answer:
                self.committed.emit()
            return True
        if self.number_keys and Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            digit = key - Qt.Key.Key_0
            index = next((i for i, v in enumerate(self.values) if same(v, digit)), -1)
            if index < 0:
                return True  # not an answer of this question: swallow, change nothing
            button = self.buttons[index]
            button.setChecked(True)
            button.setFocus(Qt.FocusReason.TabFocusReason)
            self.committed.emit()
            # Exactly what Tab does from here: the next question, scrolled into view.
            QApplication.sendEvent(button, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab,
                                                     Qt.KeyboardModifier.NoModifier))
            return True
        return False
