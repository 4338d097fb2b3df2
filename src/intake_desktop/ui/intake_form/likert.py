"""Instruments embedded in the intake: a title, the translation note, and the items as a table
of radio buttons, one row per item, that number keys fill in.

The answer labels head the table's columns (repeated every few rows so they stay in sight);
each radio button shows the option's value, which is also the key that picks it. Pressing
0-4 (PHQ-9: 0-3, UCLA-3: 1-3) answers the focused item and moves on to the next one.
"""

from __future__ import annotations


from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from intake_desktop.formdefs import FormDefinition
from intake_desktop.formdefs.fieldindex import FieldEntry
from intake_desktop.formdefs.model import Field, Option
from intake_desktop.ui.intake_form.field_widgets import OPTION_PROPERTY, RadioAnswer, tag
from intake_desktop.ui.intake_form.radios import RadioSet
from intake_desktop.ui.intake_form.texts import first_sentence, pick, set_shown, set_text

HEADER_EVERY = 8  # repeat the answer labels after this many items (unless only a few are left)
CURRENT_STYLE = "background: #eaf2fb;"  # the item that has keyboard focus
OPTION_COLUMN_WIDTH = 84
NOTE_STYLE = "color: #8a4b00;"
HINT_STYLE = "color: #555555;"


def item_number(item_id: str) -> str:
    return item_id.rsplit("_", 1)[-1]


def item_label(entry: FieldEntry, lang: str) -> str:
    """How messages and lists name an item: 'PHQ-9, item 9'."""
    owner = pick(entry.instrument_field.label, lang) if entry.instrument_field else pick(entry.form.title, lang)
    return QCoreApplication.translate("IntakeForm", "{instrument}, item {number}").format(
        instrument=owner, number=item_number(entry.id))


class LikertRow(RadioAnswer, QObject):
    """One item: its text and a radio button per option. Speaks the editor interface of
    field_widgets (value, set_value, changed, committed, focus_widget) without being a widget,
    because its pieces sit in the instrument's table."""

    changed = Signal()
    committed = Signal()
    focused = Signal()

    def __init__(self, entry: FieldEntry, options: list[Option], lang: str, parent: QObject) -> None:
        super().__init__(parent)
        self.field: Field = entry.field
        self.label = item_label(entry, lang)
        text = pick(entry.field.label, lang)
        self.text_label = QLabel(f"{item_number(entry.id)}. {text}")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.buttons: list[QRadioButton] = []
        for option in options:
            button = QRadioButton(str(option.value))
            tag(button, entry.id, QCoreApplication.translate("IntakeForm", "{item}: {value} {option}").format(
                item=self.text_label.text(), value=option.value, option=pick(option.label, lang)))
            button.setToolTip(pick(option.label, lang))
            button.setProperty(OPTION_PROPERTY, option.value)
            self.buttons.append(button)
        self.radios = RadioSet([o.value for o in options], self.buttons, self, number_keys=True)
        self.radios.changed.connect(self.changed)
        self.radios.committed.connect(self.committed)
        self.radios.focused.connect(self.focused)
        self.text_label.setBuddy(self.buttons[0])

    def widgets(self) -> list[QWidget]:
        return [self.text_label, *self.buttons]

    def set_shown(self, shown: bool) -> None:
        if shown == self.is_shown():
            return
        for widget in self.widgets():
            widget.setVisible(shown)

    def is_shown(self) -> bool:
        return not self.text_label.isHidden()


class InstrumentBlock(QFrame):
    """An embedded instrument: title, translation and source notes, the item table, its total."""

    enabled_changed = Signal(bool)

    def __init__(self, field: Field, instrument: FormDefinition, entries: list[FieldEntry], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.instrument = instrument
        self.lang = lang
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"instrument_{field.id}")
        layout = QVBoxLayout(self)

        self.title = QLabel(pick(field.label, lang))
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        self.notes: list[QLabel] = []
        if instrument.translation is not None:
            validated = instrument.translation.validated
            note = QLabel(pick(instrument.translation.note, lang))
            note.setWordWrap(True)
            note.setStyleSheet("" if validated else NOTE_STYLE)
            note.setObjectName("translation_note")
            self.notes.append(note)
        if instrument.review_required:
            review = QLabel(QCoreApplication.translate(
                "IntakeForm", "Parts of this instrument could not be checked against the "
                              "original; read the notes before relying on it."))
            review.setWordWrap(True)
            review.setStyleSheet(NOTE_STYLE)
            review.setToolTip("\n\n".join(pick(n, lang) for n in instrument.verification_notes))
            self.notes.append(review)
        if instrument.source:
            source = QLabel(QCoreApplication.translate("IntakeForm", "Source: {source}").format(
                source=instrument.source))
            source.setWordWrap(True)
            source.setStyleSheet(HINT_STYLE)
            source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.notes.append(source)
        for note in self.notes:
            layout.addWidget(note)

        self.enable_box: QCheckBox | None = None
        if not instrument.enabled_by_default:
            self.enable_box = QCheckBox(QCoreApplication.translate("IntakeForm", "Use this optional instrument"))
            self.enable_box.setProperty(OPTION_PROPERTY, "use")
            name = QCoreApplication.translate("IntakeForm", "{field}: use this optional instrument").format(
                field=pick(field.label, lang))
            tag(self.enable_box, field.id, name)
            self.enable_box.toggled.connect(self._set_body_visible)
            self.enable_box.toggled.connect(self.enabled_changed)
            layout.addWidget(self.enable_box)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        bold = QFont(self.font())
        bold.setBold(True)
        if instrument.instructions is not None:
            instructions = QLabel(pick(instrument.instructions, lang))
            instructions.setWordWrap(True)
            instructions.setFont(bold)
            body.addWidget(instructions)
        options = list(instrument.answer_options or [])
        if options:
            values = [o.value for o in options]
            hint = QLabel(QCoreApplication.translate(
                "IntakeForm", "Keys {first}–{last} answer the item and move on; Delete clears "
                              "an answer.").format(first=min(values), last=max(values)))
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            body.addWidget(hint)

        self.rows: dict[str, LikertRow] = {}
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 1)
        self._grid_row = 0
        sections = [s for s in instrument.sections]
        by_id = {e.id: e for e in entries}
        for section in sections:
            section_items = [by_id[f.id] for f in section.fields if f.id in by_id]
            if not section_items:
                continue
            if len(sections) > 1:
                heading = QLabel(pick(section.title, lang))
                heading.setFont(bold)
                self.grid.addWidget(heading, self._grid_row, 0, 1, 1 + len(options))
                self._grid_row += 1
            for count, entry in enumerate(section_items):
                item_options = list(entry.field.options or options)
                if count == 0 or (count % HEADER_EVERY == 0 and len(section_items) - count >= HEADER_EVERY // 2):
                    self._add_header(item_options)
                row = LikertRow(entry, item_options, lang, self)
                self.grid.addWidget(row.text_label, self._grid_row, 0)
                for column, button in enumerate(row.buttons, start=1):
                    self.grid.addWidget(button, self._grid_row, column, Qt.AlignmentFlag.AlignHCenter)
                self._grid_row += 1
                self.rows[entry.id] = row
        for column in range(1, 1 + max((len(r.buttons) for r in self.rows.values()), default=0)):
            self.grid.setColumnMinimumWidth(column, OPTION_COLUMN_WIDTH)
        body.addLayout(self.grid)

        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b03a2e;")
        self.errors.hide()
        body.addWidget(self.errors)
        self._item_errors: dict[str, str] = {}
        self._current: str | None = None

        self.total = QLabel()
        self.total.setWordWrap(True)
        self.total.setObjectName("instrument_total")
        body.addWidget(self.total)
        layout.addWidget(self.body)
        self._set_body_visible(self.is_enabled())

    def _add_header(self, options: list[Option]) -> None:
        for column, option in enumerate(options, start=1):
            header = QLabel(pick(option.label, self.lang))
            header.setWordWrap(True)
            header.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            header.setStyleSheet(HINT_STYLE)
            header.setMaximumWidth(OPTION_COLUMN_WIDTH + 12)
            self.grid.addWidget(header, self._grid_row, column, Qt.AlignmentFlag.AlignBottom)
        self._grid_row += 1

    # -- optional instruments ---------------------------------------------------------------
    def is_enabled(self) -> bool:
        return self.enable_box is None or self.enable_box.isChecked()

    def set_enabled(self, enabled: bool) -> None:
        if self.enable_box is not None:
            self.enable_box.setChecked(enabled)

    def _set_body_visible(self, visible: bool) -> None:
        self.body.setVisible(visible)

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.enable_box] if self.enable_box is not None else []
        for row in self.rows.values():
            widgets += row.focus_widgets()
        return widgets

    # -- feedback ---------------------------------------------------------------------------
    def set_total_text(self, text: str) -> None:
        set_text(self.total, text)

    def set_item_error(self, item_id: str, text: str | None) -> None:
        if text:
            self._item_errors[item_id] = text
        else:
            self._item_errors.pop(item_id, None)
        ordered = [self._item_errors[i] for i in self.rows if i in self._item_errors]
        set_text(self.errors, "\n".join(ordered))
        set_shown(self.errors, bool(ordered))

    def set_current_item(self, item_id: str | None) -> None:
        """Highlight the item whose radio buttons have the keyboard focus."""
        if item_id == self._current:
            return
        for key in (self._current, item_id):
            row = self.rows.get(key) if key else None
            if row is not None:
                row.text_label.setStyleSheet(CURRENT_STYLE if key == item_id else "")
        self._current = item_id

    def short_note(self) -> str:
        """'번역본, 타당화되지 않음' — printed beside every score of this instrument."""
        if self.instrument.translation is None or self.instrument.translation.validated:
            return ""
        return first_sentence(pick(self.instrument.translation.note, self.lang))
