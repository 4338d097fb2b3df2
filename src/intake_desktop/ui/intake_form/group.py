"""A repeatable group of questions (e.g. household members): rows with Add and Remove.

The value is a list of rows `{sub_field_id: value}` as typed; normalise_answers drops empty
rows, so problem keys like "household[1].household_age" count non-empty rows only —
`ui_row_of` maps them back to the row on screen.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake_desktop.formdefs.conditions import is_answered
from intake_desktop.formdefs.model import Field
from intake_desktop.ui.intake_form.field_widgets import FieldEditor, make_editor, tag
from intake_desktop.ui.intake_form.sections import FieldRow
from intake_desktop.ui.intake_form.texts import pick

RowVisibility = Callable[[dict, str], bool]  # (row as typed, sub-field id) -> shown?


class GroupRow(QFrame):
    def __init__(self, group: "GroupEditor", number: int) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        title = QLabel(QCoreApplication.translate("IntakeForm", "{group} {number}").format(
            group=group.label, number=number))
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title)
        top.addStretch(1)
        self.remove_button = QPushButton(QCoreApplication.translate("IntakeForm", "Remove"))
        name = QCoreApplication.translate("IntakeForm", "Remove {group} {number}").format(
            group=group.label, number=number)
        tag(self.remove_button, group.field.id, name, "remove")
        top.addWidget(self.remove_button)
        layout.addLayout(top)
        self.editors: dict[str, FieldEditor] = {}
        self.rows: dict[str, FieldRow] = {}
        for sub in group.field.fields or []:
            sub_label = pick(sub.label, group.lang)
            editor = make_editor(sub, QCoreApplication.translate("IntakeForm", "{group} {number}: {field}").format(
                group=group.label, number=number, field=sub_label), group.lang)
            if editor is None:
                continue
            for control in editor.focus_widgets():
                control.setProperty("intake_group_row", number - 1)
            row = FieldRow(sub.id, sub_label, pick(sub.help, group.lang), editor, required=sub.required)
            row.setAutoFillBackground(False)
            layout.addWidget(row)
            self.editors[sub.id] = editor
            self.rows[sub.id] = row
            editor.changed.connect(group.changed)
            editor.committed.connect(group.committed)
            editor.focused.connect(group.focused)

    def value(self) -> dict:
        return {sub_id: editor.value() for sub_id, editor in self.editors.items()}

    def set_value(self, value: dict) -> None:
        for sub_id, editor in self.editors.items():
            editor.set_value(value.get(sub_id))

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for editor in self.editors.values():
            widgets += editor.focus_widgets()
        return widgets + [self.remove_button]


class GroupEditor(FieldEditor):
    structure_changed = Signal()  # rows added or removed: the Tab order must be rebuilt

    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        self.group_rows: list[GroupRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        self.empty_note = QLabel(QCoreApplication.translate("IntakeForm", "No rows yet."))
        self.empty_note.setStyleSheet("color: #555555;")
        layout.addWidget(self.empty_note)
        self.add_button = QPushButton(QCoreApplication.translate("IntakeForm", "Add a row"))
        name = QCoreApplication.translate("IntakeForm", "{group}: add a row").format(group=label)
        tag(self.add_button, field.id, name, "add")
        self.add_button.clicked.connect(lambda _checked=False: self.add_row(focus=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._watched = [self.add_button]
        self._update_buttons()

    # -- rows -------------------------------------------------------------------------------
    def add_row(self, *, focus: bool = False, value: dict | None = None) -> GroupRow:
        row = GroupRow(self, len(self.group_rows) + 1)
        if value:
            row.set_value(value)
        row.remove_button.clicked.connect(lambda _checked=False, r=row: self.remove_row(r))
        self.group_rows.append(row)
        self.rows_box.addWidget(row)
        row.show()  # at once: a layout would only show it from the event loop, after Tab is pressed
        self._update_buttons()
        self.structure_changed.emit()
        self.changed.emit()
        if focus and row.focus_widgets():
            row.focus_widgets()[0].setFocus(Qt.FocusReason.TabFocusReason)
        return row

    def remove_row(self, row: GroupRow) -> None:
        index = self.group_rows.index(row)
        values = [r.value() for r in self.group_rows]
        del values[index]
        self._rebuild(values)
        self.changed.emit()
        self.committed.emit()
        target = self.group_rows[min(index, len(self.group_rows) - 1)].focus_widgets()[0] \
            if self.group_rows else self.add_button
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def _rebuild(self, values: list[dict]) -> None:
        for row in self.group_rows:
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.group_rows = []
        for value in values:
            row = GroupRow(self, len(self.group_rows) + 1)
            row.set_value(value)
            row.remove_button.clicked.connect(lambda _=False, r=row: self.remove_row(r))
            self.group_rows.append(row)
            self.rows_box.addWidget(row)
            row.show()
        self._update_buttons()
        self.structure_changed.emit()

    def _update_buttons(self) -> None:
        limit = self.field.validation.max_items if self.field.validation else None
        self.add_button.setEnabled(limit is None or len(self.group_rows) < limit)
        self.empty_note.setVisible(not self.group_rows)

    # -- the editor interface ---------------------------------------------------------------
    def value(self) -> Any:
        return [row.value() for row in self.group_rows] or None

    def set_value(self, value: Any) -> None:
        rows = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
        current = [r.value() for r in self.group_rows]
        if len(rows) == len(current):
            for row, row_value in zip(self.group_rows, rows):
                row.set_value(row_value)
        else:
            self._rebuild(rows)
        self.changed.emit()

    def focus_widget(self) -> QWidget:
        return self.group_rows[0].focus_widgets()[0] if self.group_rows else self.add_button

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for row in self.group_rows:
            widgets += row.focus_widgets()
        return widgets + [self.add_button]

    # -- visibility and messages ------------------------------------------------------------
    def update_visibility(self, shown: RowVisibility) -> None:
        for row in self.group_rows:
            typed = row.value()
            for sub_id, field_row in row.rows.items():
                field_row.set_shown(shown(typed, sub_id))

    def ui_row_of(self, normalised_index: int) -> int | None:
        """Problem row index (empty rows skipped by normalising) -> row on screen."""
        filled = [i for i, row in enumerate(self.group_rows)
                  if any(is_answered(v) for v in row.value().values())]
        return filled[normalised_index] if 0 <= normalised_index < len(filled) else None

    def set_row_error(self, ui_row: int, sub_id: str, text: str | None) -> None:
        if 0 <= ui_row < len(self.group_rows) and sub_id in self.group_rows[ui_row].rows:
            self.group_rows[ui_row].rows[sub_id].set_error(text)

    def clear_row_errors(self) -> None:
        for row in self.group_rows:
            for field_row in row.rows.values():
                field_row.set_error(None)

    def row_focus_widget(self, ui_row: int, sub_id: str) -> QWidget | None:
        if 0 <= ui_row < len(self.group_rows) and sub_id in self.group_rows[ui_row].editors:
            return self.group_rows[ui_row].editors[sub_id].focus_widget()
        return None
