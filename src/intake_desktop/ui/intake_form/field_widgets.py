"""One editor per answerable field type, all with the same small interface.

    editor.value()          what is in the widgets now, as typed (normalise_answers cleans it)
    editor.set_value(v)     show a stored answer or a draft's typed value
    editor.changed          any edit
    editor.committed        focus left the field or a choice was made: time to check it
    editor.focus_widget()   where keyboard focus goes when the form jumps to this field

Editors never throw typing away: a number field accepts out-of-range digits, a date field
keeps text it cannot read, so validation can say what is wrong while the text stays.
Every control is tagged with the field id (`intake_field` property) and named for screen
readers after the field's label.

Why this module is longer than ~500 lines: it is a catalogue — ten small editor classes with
the same interface, one per field type, read and changed side by side.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget, QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QPlainTextEdit,
    QRadioButton, QToolButton, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.domain.dates import parse_date_text
from intake_desktop.domain.korean import format_phone
from intake_desktop.formdefs import FieldType
from intake_desktop.formdefs.conditions import same
from intake_desktop.formdefs.model import Field, Option
from intake_desktop.ui.intake_form.radios import RadioSet
from intake_desktop.ui.intake_form.texts import pick

FIELD_PROPERTY = "intake_field"  # the field id, on every control of an editor
PART_PROPERTY = "intake_part"  # which part of a composite editor (address, group row)
OPTION_PROPERTY = "intake_option"  # the option value a radio button or check box stands for
RADIO_MAX_OPTIONS = 5  # more options than this: a drop-down list
HORIZONTAL_CHOICE_WIDTH = 560  # choices side by side only if they fit in this many pixels
_IGNORED_FOCUS_REASONS = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)


def prop(obj: QObject, name: str) -> Any:
    """obj.property(name), or None when it is not set.

    PySide6 6.12 returns None for an unset property (an invalid QVariant) without taking a
    reference to it, so every such call lowers None's reference count until Python aborts
    ("none_dealloc"). QListWidgetItem.data() of an unset role does the same. Ask first.
    """
    wanted = name.encode()
    if any(bytes(n) == wanted for n in obj.dynamicPropertyNames()):
        return obj.property(name)
    return None


def tag(widget: QWidget, field_id: str, accessible_name: str, part: str | None = None) -> QWidget:
    widget.setProperty(FIELD_PROPERTY, field_id)
    if part:
        widget.setProperty(PART_PROPERTY, part)
    widget.setAccessibleName(accessible_name)
    return widget


class FieldEditor(QWidget):
    changed = Signal()
    committed = Signal()
    focused = Signal()  # one of its controls got the keyboard focus

    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.label = label
        self.lang = lang
        self._watched: list[QWidget] = []

    # -- the interface ----------------------------------------------------------------------
    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self._watched[0]

    def focus_widgets(self) -> list[QWidget]:
        """Controls in Tab order."""
        return list(self._watched)

    # -- helpers ----------------------------------------------------------------------------
    def _watch(self, widget: QWidget, accessible_name: str | None = None, part: str | None = None) -> QWidget:
        tag(widget, self.field.id, accessible_name or self.label, part)
        widget.installEventFilter(self)
        self._watched.append(widget)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
        elif event.type() == QEvent.Type.FocusOut and event.reason() not in _IGNORED_FOCUS_REASONS:
            self._focus_left()
            self.committed.emit()
        elif event.type() == QEvent.Type.Wheel and isinstance(watched, QComboBox) and not watched.hasFocus():
            event.ignore()  # scrolling the form over a drop-down must not change the answer
            return True
        return False

    def _focus_left(self) -> None:
        """Tidy the display when the person leaves the field (formatting only, never data)."""

    def _one_line(self, *widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
        """The editor's controls side by side, flush left (the stretch takes the rest of the line)."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        if stretch:
            layout.addStretch(1)
        return layout

    def _text_line(self, width: int | None) -> None:
        """A one-line text box as the whole editor (`self.edit`), at most `width` wide."""
        if width:
            self.edit.setMaximumWidth(width)
        self.edit.textChanged.connect(self.changed)
        self._one_line(self.edit, stretch=bool(width))


class RadioAnswer:
    """An editor whose answer is a RadioSet (`self.radios`): the answer and the focus are its."""

    radios: RadioSet

    def value(self) -> Any:
        return self.radios.value()

    def set_value(self, value: Any) -> None:
        self.radios.set_value(value)

    def focus_widget(self) -> QWidget:
        return self.radios.focus_button()

    def focus_widgets(self) -> list[QWidget]:
        return list(self.radios.buttons)


# -- text ----------------------------------------------------------------------------------
def _line_width(field: Field) -> int | None:
    limit = field.validation.max_length if field.validation else None
    return 360 if limit is not None and limit <= 60 else None


class TextEditor(FieldEditor):
    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        self.edit = self._watch(QLineEdit())
        self._text_line(_line_width(field))

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class LongTextEditor(FieldEditor):
    LINES = 4

    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        self.edit = self._watch(QPlainTextEdit())
        self.edit.setTabChangesFocus(True)  # Tab moves on; a tab character is never wanted here
        margins = self.edit.contentsMargins()
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * self.LINES
                                 + 2 * self.edit.document().documentMargin() + margins.top()
                                 + margins.bottom() + 4)
        self.edit.textChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def value(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.edit.toPlainText():
            self.edit.setPlainText(text)


# -- date ----------------------------------------------------------------------------------
# parse_date_text (domain/dates.py) reads '2025-05-14', '2025. 5. 14.', '2025년 5월 14일', '20250514'.


class DateEditor(FieldEditor):
    """A line edit that may stay empty, reads Korean date habits, and offers a calendar.

    Not a QDateEdit: that has no empty state, and its sections fight Korean input habits
    ('2025. 5. 14.'). What the person types stays until they leave the field; a readable date
    is then shown as YYYY-MM-DD, anything else is left for validation to point out.
    The calendar opens from the button or with Alt+Down / F4 in the field.
    """

    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        self.edit = self._watch(QLineEdit())
        self.edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", "YYYY-MM-DD"))
        self.edit.setMaximumWidth(max(150, self.edit.fontMetrics().horizontalAdvance("0000-00-00 ") + 24))
        self.edit.textChanged.connect(self.changed)
        self.calendar_button = QToolButton()
        self.calendar_button.setText(QCoreApplication.translate("IntakeForm", "Calendar"))
        self.calendar_button.setToolTip(QCoreApplication.translate(
            "IntakeForm", "Pick the date on a calendar (Alt+Down in the field)"))
        self.calendar_button.setAccessibleName(QCoreApplication.translate(
            "IntakeForm", "{field}: pick on a calendar").format(field=label))
        # The field itself is the Tab stop; the calendar is one key away (Alt+Down, F4).
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.open_calendar)
        for keys in ("Alt+Down", "F4"):
            shortcut = QShortcut(QKeySequence(keys), self.edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self._one_line(self.edit, self.calendar_button)

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def _focus_left(self) -> None:
        parsed = parse_date_text(self.edit.text())
        if parsed is not None and self.edit.text() != parsed.isoformat():
            self.edit.setText(parsed.isoformat())

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.setAccessibleName(self.calendar_button.accessibleName())
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        current = parse_date_text(self.edit.text()) or dates.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.adjustSize()
        self.calendar.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, picked: QDate) -> None:
        self.edit.setText(date(picked.year(), picked.month(), picked.day()).isoformat())
        if self.calendar is not None:
            self.calendar.hide()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.committed.emit()


# -- phone, number -------------------------------------------------------------------------
class PhoneEditor(FieldEditor):
    """Stores digits (normalise_answers strips the dashes); shows them formatted."""

    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        self.edit = self._watch(QLineEdit())
        self.edit.setPlaceholderText("010-1234-5678")
        self._text_line(220)

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(format_phone("" if value is None else str(value)))

    def _focus_left(self) -> None:
        formatted = format_phone(self.edit.text())
        if formatted != self.edit.text():
            self.edit.setText(formatted)


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plain(number: float | None) -> str:
    return "" if number is None else _number_text(number)


class NumberEditor(FieldEditor):
    """A line edit, not a spin box: empty stays possible, and an out-of-range number stays
    as typed so the message can explain it. The validator admits digits (also full-width
    ones from an input method), a sign and a decimal point, nothing else."""

    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        self.edit = self._watch(QLineEdit())
        integer = bool(field.validation and field.validation.integer)
        pattern = r"[-−]?[0-9０-９]{0,9}" if integer else r"[-−]?[0-9０-９]{0,9}([.,][0-9０-９]{0,6})?"
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.edit))
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        v = field.validation
        if v is not None and (v.min is not None or v.max is not None):
            self.edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", "{min}–{max}").format(
                min=_plain(v.min), max=_plain(v.max)))
        self._text_line(120)

    def value(self) -> Any:
        return self.edit.text().replace("−", "-")

    def set_value(self, value: Any) -> None:
        self.edit.setText(_number_text(value))


# -- address -------------------------------------------------------------------------------
class AddressEditor(FieldEditor):
    """Postal code (5 digits) and road-name address on one line, the detail below."""

    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        name = QCoreApplication.translate("IntakeForm", "{field}: postal code").format(field=label)
        self.postal_code = self._watch(QLineEdit(), name, "postal_code")
        self.postal_code.setPlaceholderText(QCoreApplication.translate("IntakeForm", "Postal code"))
        self.postal_code.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9０-９]{0,5}"),
                                                                  self.postal_code))
        self.postal_code.setMaximumWidth(max(90, self.postal_code.fontMetrics().horizontalAdvance(
            self.postal_code.placeholderText()) + 24))
        name = QCoreApplication.translate("IntakeForm", "{field}: road-name address").format(field=label)
        self.road_address = self._watch(QLineEdit(), name, "road_address")
        self.road_address.setPlaceholderText(QCoreApplication.translate(
            "IntakeForm", "Road-name address, e.g. 서울특별시 중구 세종대로 110"))
        name = QCoreApplication.translate("IntakeForm", "{field}: detail (flat, floor)").format(field=label)
        self.detail = self._watch(QLineEdit(), name, "detail")
        self.detail.setPlaceholderText(QCoreApplication.translate(
            "IntakeForm", "Detail: building, floor, flat (optional)"))
        for edit in (self.postal_code, self.road_address, self.detail):
            edit.textChanged.connect(self.changed)
        top = QHBoxLayout()
        top.addWidget(self.postal_code)
        top.addWidget(self.road_address, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.detail)

    def value(self) -> Any:
        parts = {"postal_code": self.postal_code.text(), "road_address": self.road_address.text(),
                 "detail": self.detail.text()}
        return {k: v for k, v in parts.items() if v.strip()} or None

    def set_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        self.postal_code.setText(str(value.get("postal_code") or ""))
        self.road_address.setText(str(value.get("road_address") or ""))
        self.detail.setText(str(value.get("detail") or ""))

    def part_widget(self, part: str) -> QWidget:
        return {"postal_code": self.postal_code, "road_address": self.road_address}.get(part, self.detail)


# -- choices -------------------------------------------------------------------------------
def _fits_in_a_row(widget: QWidget, labels: list[str]) -> bool:
    metrics = widget.fontMetrics()
    # indicator + spacing per option, roughly; exact enough to choose between two layouts
    return sum(metrics.horizontalAdvance(text) + 48 for text in labels) <= HORIZONTAL_CHOICE_WIDTH


def _choice_box(buttons: list[QWidget], horizontal: bool) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box) if horizontal else QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(16 if horizontal else 4)
    for button in buttons:
        layout.addWidget(button)
    if horizontal:
        layout.addStretch(1)
    return box


class RadioEditor(RadioAnswer, FieldEditor):
    """Single choice with few options, yes/no and likert: a row (or column) of radio buttons
    that can stay unanswered (Delete takes an answer back)."""

    def __init__(self, field: Field, label: str, lang: str, options: list[tuple[Any, str]],
                 parent: QWidget | None = None, *, number_keys: bool = False) -> None:
        super().__init__(field, label, lang, parent)
        buttons = []
        for value, text in options:
            button = QRadioButton(text)
            button.setProperty(OPTION_PROPERTY, value)
            self._watch(button, QCoreApplication.translate("IntakeForm", "{field}: {option}").format(
                field=label, option=text))
            buttons.append(button)
        self.radios = RadioSet([v for v, _ in options], buttons, self, number_keys=number_keys)
        self.radios.changed.connect(self.changed)
        self.radios.committed.connect(self.committed)
        self.radios.focused.connect(self.focused)
        self._one_line(_choice_box(buttons, _fits_in_a_row(self, [t for _, t in options])), stretch=False)


class ComboEditor(FieldEditor):
    """Single choice with many options: a drop-down whose first entry means 'not answered'.
    Down/Up pick with the keyboard; the mouse wheel only acts when the list has focus."""

    def __init__(self, field: Field, label: str, lang: str, options: list[tuple[Any, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        self.combo = self._watch(QComboBox())
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # "" not None: an item without data would hand back an invalid QVariant (see `prop`).
        self.combo.addItem(QCoreApplication.translate("IntakeForm", "(not answered)"), "")
        self.values = [v for v, _ in options]
        for value, text in options:
            self.combo.addItem(text, value)
        # Signals straight to signals: a lambda returning emit()'s True would, under PySide6
        # 6.12 on Python 3.11, drop a reference to True each time (see `prop`).
        self.combo.currentIndexChanged.connect(self.changed)
        self.combo.activated.connect(self.committed)
        self._one_line(self.combo)

    def value(self) -> Any:
        index = self.combo.currentIndex()
        return self.values[index - 1] if index > 0 else None

    def set_value(self, value: Any) -> None:
        index = next((i + 1 for i, v in enumerate(self.values) if value is not None and same(v, value)), 0)
        self.combo.setCurrentIndex(index)


class CheckboxEditor(FieldEditor):
    """Multiple choice: one check box per option; an exclusive option ('none of these')
    unticks the others and is unticked by any of them."""

    def __init__(self, field: Field, label: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(field, label, lang, parent)
        self.options: list[Option] = list(field.options or [])
        self.boxes: list[QCheckBox] = []
        for option in self.options:
            text = pick(option.label, lang)
            box = QCheckBox(text)
            box.setProperty(OPTION_PROPERTY, option.value)
            self._watch(box, QCoreApplication.translate("IntakeForm", "{field}: {option}").format(
                field=label, option=text))
            box.toggled.connect(lambda checked, o=option: self._toggled(o, checked))
            box.clicked.connect(self.committed)
            self.boxes.append(box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        labels = [pick(o.label, lang) for o in self.options]
        if _fits_in_a_row(self, labels) or len(self.boxes) <= 4:
            layout.addWidget(_choice_box(self.boxes, _fits_in_a_row(self, labels)))
        else:
            grid_box = QWidget()
            grid = QGridLayout(grid_box)
            grid.setContentsMargins(0, 0, 0, 0)
            rows = (len(self.boxes) + 1) // 2
            for i, box in enumerate(self.boxes):  # down the first column, then the second: Tab agrees
                grid.addWidget(box, i % rows, i // rows)
            layout.addWidget(grid_box)
        layout.addStretch(1)

    def _toggled(self, option: Option, checked: bool) -> None:
        if checked:
            for other, box in zip(self.options, self.boxes):
                if other is not option and (option.exclusive or other.exclusive) and box.isChecked():
                    box.setChecked(False)
        self.changed.emit()

    def value(self) -> Any:
        return [o.value for o, box in zip(self.options, self.boxes) if box.isChecked()] or None

    def set_value(self, value: Any) -> None:
        picked = value if isinstance(value, list) else ([] if value is None else [value])
        for option, box in zip(self.options, self.boxes):
            box.blockSignals(True)
            box.setChecked(any(same(option.value, p) for p in picked))
            box.blockSignals(False)
        self.changed.emit()


def option_pairs(options: list[Option], lang: str) -> list[tuple[Any, str]]:
    return [(o.value, pick(o.label, lang)) for o in options]


def yes_no_pairs() -> list[tuple[Any, str]]:
    return [(True, QCoreApplication.translate("IntakeForm", "Yes")),
            (False, QCoreApplication.translate("IntakeForm", "No"))]


def make_editor(field: Field, label: str, lang: str, *, likert_options: list[Option] | None = None,
                group_factory: Callable[..., FieldEditor] | None = None) -> FieldEditor | None:
    """The editor for an answerable field; None for read-only types (score, note, instrument)."""
    t = field.type
    if t is FieldType.TEXT:
        return TextEditor(field, label, lang)
    if t is FieldType.LONG_TEXT:
        return LongTextEditor(field, label, lang)
    if t is FieldType.DATE:
        return DateEditor(field, label, lang)
    if t is FieldType.PHONE:
        return PhoneEditor(field, label, lang)
    if t is FieldType.ADDRESS:
        return AddressEditor(field, label, lang)
    if t is FieldType.NUMBER:
        return NumberEditor(field, label, lang)
    if t is FieldType.YES_NO:
        return RadioEditor(field, label, lang, yes_no_pairs())
    if t is FieldType.SINGLE_CHOICE:
        options = option_pairs(field.options or [], lang)
        if len(options) <= RADIO_MAX_OPTIONS:
            return RadioEditor(field, label, lang, options)
        return ComboEditor(field, label, lang, options)
    if t is FieldType.MULTIPLE_CHOICE:
        return CheckboxEditor(field, label, lang)
    if t is FieldType.LIKERT:  # a likert question outside an instrument table
        options = option_pairs(field.options or likert_options or [], lang)
        labelled = [(v, f"{v} {text}") for v, text in options]
        return RadioEditor(field, label, lang, labelled, number_keys=True)
    if t is FieldType.GROUP:
        if group_factory is None:
            raise ValueError("a group field needs a group_factory")
        return group_factory(field, label, lang)
    return None
