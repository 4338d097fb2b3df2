"""Two saves of the same record: show both versions side by side and let the counsellor choose.

Shown when a save fails with ConflictError (someone, or another window, saved the record after
this editor loaded it). Each field that differs gets a row: the version saved in the meantime,
the counsellor's own, and a chooser. Nothing is overwritten silently: "Save my choices" saves
the merge on top of the newer version; "Back to editing" keeps the counsellor's typing as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

THEIRS, MINE = "theirs", "mine"


@dataclass(frozen=True)
class Wording:
    """The dialog's texts (translated by the caller): the two-window edit's, or a sync conflict's."""

    title: str
    intro: str
    theirs_column: str
    mine_column: str
    theirs_choice: str
    mine_choice: str
    save: str
    back: str


class ConflictDialog(QDialog):
    resolved = Signal(dict)  # the merged values, to be saved on top of the newer version

    def __init__(self, fields: list[tuple[str, str]], base: dict, mine: dict, theirs: dict,
                 display: Callable[[str, Any], str], parent: QWidget | None = None, *,
                 wording: Wording | None = None, whole: bool = False) -> None:
        """`fields`: (key, translated name) in display order; `base`: what the editor loaded;
        `mine`: what the counsellor typed; `theirs`: what is stored now. `display(key, value)`
        renders a value for reading. `wording`: the texts of another use (a sync conflict);
        `whole`: the record is kept whole, so every chooser moves together."""
        super().__init__(parent)
        words = wording or Wording(
            self.tr("Saved elsewhere in the meantime"),
            self.tr("This record was changed and saved (in another window or by a colleague) after you "
                    "opened it. Both versions are shown below. For each field, choose which value to keep; "
                    "fields not listed are the same in both versions."),
            self.tr("Saved in the meantime"), self.tr("Your version"), self.tr("Saved version"),
            self.tr("Your version"), self.tr("Save my choices"), self.tr("Back to editing"))
        self.setWindowTitle(words.title)
        self._mine, self._theirs = dict(mine), dict(theirs)
        self.choosers: dict[str, QComboBox] = {}
        self.whole = whole

        intro = QLabel(words.intro)
        intro.setWordWrap(True)

        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        bold = QFont(self.font())
        bold.setBold(True)
        for column, title in enumerate((self.tr("Field"), words.theirs_column, words.mine_column, self.tr("Keep"))):
            header = QLabel(title)
            header.setFont(bold)
            grid.addWidget(header, 0, column)
        row = 1
        for key, name in fields:
            if mine.get(key, "") == theirs.get(key, ""):
                continue
            chooser = QComboBox()
            chooser.addItem(words.theirs_choice, THEIRS)
            chooser.addItem(words.mine_choice, MINE)
            # What the counsellor changed is kept unless they say otherwise; a field only the
            # other side changed keeps the other side's value.
            mine_changed = mine.get(key, "") != base.get(key, "")
            chooser.setCurrentIndex(1 if mine_changed else 0)
            chooser.setAccessibleName(self.tr("Keep which value of {field}").format(field=name))
            self.choosers[key] = chooser
            if whole:
                chooser.currentIndexChanged.connect(self._move_together)
            cells = (name, display(key, theirs.get(key, "")), display(key, mine.get(key, "")))
            for column, text in enumerate(cells):
                cell = QLabel(text)
                cell.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, row, column)
            grid.addWidget(chooser, row, 3)
            row += 1
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(words.save, QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button = buttons.addButton(words.back, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        self.back_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _move_together(self, index: int) -> None:
        for chooser in self.choosers.values():
            if chooser.currentIndex() != index:
                chooser.blockSignals(True)
                chooser.setCurrentIndex(index)
                chooser.blockSignals(False)

    def chosen(self) -> set[str]:
        """The sides chosen at least once ({"mine"}, {"theirs"} or both)."""
        return {chooser.currentData() for chooser in self.choosers.values()}

    def differing_keys(self) -> list[str]:
        return list(self.choosers)

    def choose(self, key: str, side: str) -> None:
        chooser = self.choosers[key]
        chooser.setCurrentIndex(chooser.findData(side))

    def merged(self) -> dict:
        """The stored version with the chosen fields of the counsellor's version."""
        result = dict(self._theirs)
        for key, chooser in self.choosers.items():
            if chooser.currentData() == MINE:
                result[key] = self._mine.get(key, "")
        return result

    def _save(self) -> None:
        merged = self.merged()
        self.accept()
        self.resolved.emit(merged)
