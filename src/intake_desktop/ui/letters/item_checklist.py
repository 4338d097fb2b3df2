"""Checkboxes for consent items (intake fields), labelled in Korean as on the consent form."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake_desktop.ui.letters.items import ConsentItem

COLUMNS = 2


class ItemChecklist(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
        self.empty_label = QLabel(self.tr("The intake form lets nothing go to this kind of partner."))
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.all_button = QPushButton(self.tr("Select all"))
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button = QPushButton(self.tr("Select none"))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

    def set_items(self, items: Iterable[ConsentItem], checked: Iterable[str] = ()) -> None:
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        checked = set(checked)
        items = list(items)
        rows = (len(items) + COLUMNS - 1) // COLUMNS
        for i, item in enumerate(items):
            text = item.label_ko  # as on the consent form the young person signs
            if item.sensitive:
                text += " " + self.tr("[sensitive]")
            box = QCheckBox(text)
            if item.label_en and item.label_en != item.label_ko:
                box.setToolTip(item.label_en)
            box.setObjectName(f"item_{item.field_id}")
            box.setChecked(item.field_id in checked)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes[item.field_id] = box
            self._grid.addWidget(box, i % rows if rows else 0, i // rows if rows else 0)
        self.empty_label.setVisible(not items)
        self.all_button.setEnabled(bool(items))
        self.none_button.setEnabled(bool(items))
        self.changed.emit()

    def set_all(self, checked: bool) -> None:
        for box in self.boxes.values():
            box.setChecked(checked)

    def check(self, field_ids: Iterable[str]) -> None:
        for fid in field_ids:
            if fid in self.boxes:
                self.boxes[fid].setChecked(True)

    def checked_ids(self) -> list[str]:
        return [fid for fid, box in self.boxes.items() if box.isChecked()]
