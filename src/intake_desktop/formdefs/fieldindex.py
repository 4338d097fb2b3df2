"""Every answerable field of a (bound) form, flattened, and which of them are visible.

An intake form embeds instruments by reference; their items become ordinary answer keys
(phq9_1, ...) of the intake. This module is the one place that knows how that flattening
works, so answers, scoring, risk and sharing policy all see the same field list.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, cast

from intake_desktop.formdefs.conditions import evaluate
from intake_desktop.formdefs.model import Condition, Field, FieldType, FormDefinition, FormKind, Section


@dataclass(frozen=True)
class FieldEntry:
    id: str
    field: Field
    section: Section
    form: FormDefinition  # where the field is defined: the intake or an instrument form
    conditions: tuple[Condition, ...]  # all must hold for the field to be visible
    instrument_field: Field | None = None  # the intake field embedding this instrument item
    group: Field | None = None  # the group this is a sub-field of

    answerable: bool = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Asked hundreds of times per record by an import: worked out once per field.
        object.__setattr__(self, "answerable",
                           self.field.type not in (FieldType.SCORE, FieldType.NOTE, FieldType.INSTRUMENT))


class FieldIndex:
    def __init__(self, form: FormDefinition):
        self.form = form
        self.entries: dict[str, FieldEntry] = {}  # top level, in form order (read-only ones too)
        self.group_fields: dict[str, dict[str, FieldEntry]] = {}
        instruments = form.instruments()
        for section in form.sections:
            for field in section.fields:
                base = tuple(c for c in (section.show_if, field.show_if) if c is not None)
                self._add(FieldEntry(field.id, field, section, form, base))
                if field.type is FieldType.GROUP:
                    self.group_fields[field.id] = {
                        sub.id: FieldEntry(sub.id, sub, section, form, (sub.show_if,) if sub.show_if else (), group=field)
                        for sub in field.fields or []
                    }
                if field.type is FieldType.INSTRUMENT and form.kind is FormKind.INTAKE:
                    instrument = instruments[cast(str, field.instrument)]  # (the loader checked it names one)
                    for inner in instrument.sections:
                        for item in inner.fields:
                            conds = base + tuple(c for c in (inner.show_if, item.show_if) if c is not None)
                            self._add(FieldEntry(item.id, item, inner, instrument, conds, instrument_field=field))

    def _add(self, entry: FieldEntry) -> None:
        self.entries.setdefault(entry.id, entry)

    def answer_keys(self) -> list[str]:
        return [fid for fid, e in self.entries.items() if e.answerable]


def field_index(form: FormDefinition) -> FieldIndex:
    if form._index is None:  # cached: a definition never changes once loaded
        form._index = FieldIndex(form)
    return cast(FieldIndex, form._index)


class Visibility:
    """Which fields are visible for a given set of answers.

    A hidden field counts as unanswered in every condition, so a chain of show_if
    conditions collapses as soon as one link is hidden. The loader guarantees no cycles.
    """

    def __init__(self, form: FormDefinition, answers: dict[str, Any]):
        self.index = field_index(form)
        self.answers = answers
        self._memo: dict[str, bool] = {}

    def visible(self, field_id: str) -> bool:
        if field_id in self._memo:
            return self._memo[field_id]
        entry = self.index.entries.get(field_id)
        if entry is None:
            return False
        self._memo[field_id] = False  # guard: a cycle (impossible after loading) reads as hidden
        result = all(evaluate(c, self.value) for c in entry.conditions)
        self._memo[field_id] = result
        return result

    def value(self, field_id: str) -> Any:
        """The answer as conditions see it: None when hidden or unanswered."""
        if field_id not in self.index.entries or not self.visible(field_id):
            return None
        return self.answers.get(field_id)

    def row_visible(self, group_id: str, row: dict[str, Any], sub_id: str) -> bool:
        """Visibility of a sub-field in one group row; its show_if may test the same row."""
        if not self.visible(group_id):
            return False
        entry = self.index.group_fields[group_id][sub_id]

        def lookup(ref: str) -> Any:
            if ref in self.index.group_fields[group_id]:
                return row.get(ref) if self.row_visible(group_id, row, ref) else None
            return self.value(ref)

        return all(evaluate(c, lookup) for c in entry.conditions)
