"""Problems with the answers, in words: under each field, and as a list before saving.

Messages are services.forms.ANSWER_MESSAGES (context "Errors"), translated, with {field}
replaced by the field's label in the current language. Group problems come keyed
"household[1].household_age"; `split_key` takes such a key apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from intake_desktop.services.people import FieldProblem

_GROUP_KEY = re.compile(r"^(?P<group>[a-z][a-z0-9_]*)\[(?P<row>\d+)\](?:\.(?P<sub>[a-z][a-z0-9_]*))?$")


@dataclass(frozen=True)
class ProblemKey:
    field_id: str  # the top-level field
    row: int | None = None  # group row (as counted by validation: non-empty rows only)
    sub_id: str | None = None


def split_key(key: str) -> ProblemKey:
    match = _GROUP_KEY.match(key)
    if match is None:
        return ProblemKey(key)
    return ProblemKey(match["group"], int(match["row"]), match["sub"])


def describe(problem: FieldProblem, field_label: str, extra: str = "") -> str:
    """The translated message with the field's label; `extra` adds a hint (e.g. the range)."""
    text = QCoreApplication.translate("Errors", problem.message)
    params = dict(problem.params)
    params["field"] = field_label
    try:
        text = text.format(**params)
    except (KeyError, IndexError, ValueError):
        pass
    return f"{text} {extra}".strip()


class ProblemsPanel(QFrame):
    """Shown above the form when saving is refused: the required questions still empty, then
    the answers to check. Click or Enter on a line jumps to that question."""

    jump_requested = Signal(str)  # a problem key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ProblemsPanel { background: #fdf1ef; border: 1px solid #d9a39b; }")
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("color: #8c2a1e; font-weight: bold;")
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("IntakeForm", "Answers that need attention"))
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        layout.addWidget(self.list)
        self.hide()

    def show_problems(self, missing: list[tuple[str, str]], others: list[tuple[str, str]], *,
                      complete: bool) -> None:
        """`missing`: (key, field label) of required questions without an answer;
        `others`: (key, message) of every other problem."""
        self.list.clear()
        # Counts go in as names: lupdate skips a call whose count is itself a call.
        problems, corrections = len(missing) + len(others), len(others)
        if complete:
            heading = QCoreApplication.translate(
                "IntakeForm", "Not saved: %n question(s) need an answer or a correction.", "", problems)
        else:
            heading = QCoreApplication.translate(
                "IntakeForm", "Not saved: %n answer(s) need a correction.", "", corrections)
        self.heading.setText(heading)
        if missing:
            self._section(QCoreApplication.translate("IntakeForm", "Required questions without an answer:"))
            for key, label in missing:
                self._line(key, label)
        if others:
            self._section(QCoreApplication.translate("IntakeForm", "Answers to correct:"))
            for key, message in others:
                self._line(key, message)
        rows = min(self.list.count(), 8)
        height = sum(self.list.sizeHintForRow(i) for i in range(rows)) + 2 * self.list.frameWidth() + 4
        self.list.setFixedHeight(max(height, self.list.fontMetrics().height() * 2))
        self.show()

    def show_message(self, text: str) -> None:
        """A refusal that is not about one answer (e.g. someone else saved in between)."""
        self.list.clear()
        self.list.hide()
        self.heading.setText(text)
        self.show()

    def _section(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, "")  # never leave data unset (see field_widgets.prop)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.list.addItem(item)
        self.list.show()

    def _line(self, key: str, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.list.addItem(item)

    def keys(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).data(Qt.ItemDataRole.UserRole)]

    def _chosen(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key:
            self.jump_requested.emit(key)

    def clear(self) -> None:
        self.list.clear()
        self.hide()

