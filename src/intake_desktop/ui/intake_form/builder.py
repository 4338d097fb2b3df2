"""Widgets generated from a form definition: one block per section, one row per question,
an instrument table per embedded instrument, a live view per score field.

`build_form` only builds; IntakeFormWidget (widget.py) wires the behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from intake_desktop.formdefs import FieldType, FormDefinition
from intake_desktop.formdefs.fieldindex import FieldEntry, field_index
from intake_desktop.ui.intake_form.field_widgets import make_editor
from intake_desktop.ui.intake_form.group import GroupEditor
from intake_desktop.ui.intake_form.likert import InstrumentBlock
from intake_desktop.ui.intake_form.risk_view import RiskProposalView
from intake_desktop.ui.intake_form.scores_panel import ScaleView
from intake_desktop.ui.intake_form.sections import FieldRow, SectionBlock
from intake_desktop.ui.intake_form.texts import pick


@dataclass
class Slot:
    """An answerable question and where it shows: its editor and its row (or table row)."""

    field_id: str
    entry: FieldEntry
    editor: Any  # FieldEditor or LikertRow: value / set_value / changed / committed / focus_widget
    row: Any  # FieldRow or LikertRow: set_shown / set_error (LikertRow: via its instrument)
    label: str  # how messages name it
    section_id: str
    instrument: InstrumentBlock | None = None

    def set_error(self, text: str | None) -> None:
        if self.instrument is not None:
            self.instrument.set_item_error(self.field_id, text)
        else:
            self.row.set_error(text)

    def focus_widgets(self) -> list[QWidget]:
        return self.editor.focus_widgets()


@dataclass
class BuiltForm:
    content: QWidget
    sections: dict[str, SectionBlock] = dc_field(default_factory=dict)
    slots: dict[str, Slot] = dc_field(default_factory=dict)  # answerable fields, form order
    rows: dict[str, FieldRow] = dc_field(default_factory=dict)  # every top-level row, read-only ones too
    instruments: dict[str, InstrumentBlock] = dc_field(default_factory=dict)  # by instrument id
    instruments_by_field: dict[str, InstrumentBlock] = dc_field(default_factory=dict)
    scale_views: dict[str, tuple[str, ScaleView]] = dc_field(default_factory=dict)  # field id -> (scale, view)
    risk_view: RiskProposalView | None = None
    risk_field: str | None = None
    order: list[tuple[str, str]] = dc_field(default_factory=list)  # (section id, field id), top to bottom

    def section_of(self, field_id: str) -> str | None:
        slot = self.slots.get(field_id)
        if slot is not None:
            return slot.section_id
        return next((sid for sid, fid in self.order if fid == field_id), None)

    def focus_sequence(self) -> list[QWidget]:
        """Every keyboard stop of the form, top to bottom."""
        widgets: list[QWidget] = []
        for _section_id, field_id in self.order:
            if field_id in self.instruments_by_field:
                widgets += self.instruments_by_field[field_id].focus_widgets()
            elif field_id in self.slots:
                widgets += self.slots[field_id].focus_widgets()
                if self.risk_view is not None and field_id == self.risk_field:
                    widgets.append(self.risk_view.use_button)
        return widgets


def build_form(form: FormDefinition, lang: str) -> BuiltForm:
    index = field_index(form)
    content = QWidget()
    content.setObjectName("form_content")
    layout = QVBoxLayout(content)
    layout.setContentsMargins(12, 8, 12, 24)
    built = BuiltForm(content)

    title = QLabel(pick(form.title, lang))
    font = QFont(title.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.5)
    title.setFont(font)
    title.setWordWrap(True)
    layout.addWidget(title)
    if form.description is not None:
        description = QLabel(pick(form.description, lang))
        description.setWordWrap(True)
        layout.addWidget(description)
    legend = QLabel(QCoreApplication.translate(
        "IntakeForm", "* required. Answers are kept as an encrypted draft while you type."))
    legend.setWordWrap(True)
    legend.setStyleSheet("color: #555555;")
    layout.addWidget(legend)

    risk_config = form.risk
    for section in form.sections:
        block = SectionBlock(section.id, pick(section.title, lang), pick(section.help, lang))
        built.sections[section.id] = block
        layout.addWidget(block)
        for fdef in section.fields:
            entry = index.entries[fdef.id]
            built.order.append((section.id, fdef.id))
            label = pick(fdef.label, lang)
            help_text = pick(fdef.help, lang)
            if fdef.type is FieldType.INSTRUMENT:
                instrument = form.instruments()[fdef.instrument]
                items = [e for e in index.entries.values() if e.instrument_field is fdef]
                block_widget = InstrumentBlock(fdef, instrument, items, lang)
                block.add(block_widget)
                built.instruments[instrument.id] = block_widget
                built.instruments_by_field[fdef.id] = block_widget
                for item_id, row in block_widget.rows.items():
                    built.slots[item_id] = Slot(item_id, index.entries[item_id], row, row, row.label,
                                                section.id, block_widget)
                continue
            if fdef.type is FieldType.SCORE:
                view = ScaleView(fdef.id, lang)
                row = FieldRow(fdef.id, label, help_text, view)
                built.scale_views[fdef.id] = (fdef.scale, view)
            elif fdef.type is FieldType.NOTE:
                row = FieldRow(fdef.id, label, help_text, None, heading=True)
            else:
                editor = make_editor(fdef, label, lang, likert_options=list(form.answer_options or []),
                                     group_factory=GroupEditor)
                row = FieldRow(fdef.id, label, help_text, editor, required=fdef.required)
                built.slots[fdef.id] = Slot(fdef.id, entry, editor, row, label, section.id)
                if risk_config is not None and fdef.id == risk_config.level_field:
                    levels = {str(o.value): pick(o.label, lang) for o in fdef.options or []}
                    built.risk_view = RiskProposalView(fdef.id, label, levels, pick(risk_config.note, lang))
                    built.risk_field = fdef.id
                    row.extra.addWidget(built.risk_view)
            built.rows[fdef.id] = row
            block.add(row)
    layout.addStretch(1)
    return built
