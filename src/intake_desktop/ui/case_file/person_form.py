"""The person's details as an editable form, and the same details as display text.

The form knows what it was filled with (`pristine`), so it can say whether anything was
changed, and keeps the typed text exactly for drafts. `display_fields` renders a person
document field by field for the conflict dialog, which compares two versions side by side.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from intake_desktop.domain.cases import parse_date
from intake_desktop.domain.korean import digits_only, format_date, format_phone
from intake_desktop.services.people import CONTACT_CHANNELS, GENDERS
from intake_desktop.ui.casework_labels import gender_label
from intake_desktop.ui.labels import CONTACT_LABELS, field_label, label
from intake_desktop.ui.new_case_dialog import normalise_date_input

# (document key, field id for the translated label) in the order the form shows them.
FIELDS = (
    ("name", "name"), ("birth_date", "birth_date"), ("gender", "gender"), ("mobile", "mobile"),
    ("postal_code", "address.postal_code"), ("road_address", "address.road_address"),
    ("detail", "address.detail"), ("emergency_contact_name", "emergency_contact_name"),
    ("emergency_contact_phone", "emergency_contact_phone"), ("preferred_contact", "preferred_contact"),
)
_ADDRESS_PARTS = ("postal_code", "road_address", "detail")


def flat(person: dict) -> dict[str, str]:
    """The person document with the address parts lifted to the top level."""
    address = person.get("address") or {}
    out = {key: str(person.get(key) or "") for key, _ in FIELDS if key not in _ADDRESS_PARTS}
    out.update({part: str(address.get(part) or "") for part in _ADDRESS_PARTS})
    return out


def unflat(values: dict[str, str]) -> dict:
    person = {key: value for key, value in values.items() if key not in _ADDRESS_PARTS}
    person["address"] = {part: values.get(part, "") for part in _ADDRESS_PARTS}
    return person


def display_value(key: str, value: str) -> str:
    if not value:
        return "—"
    if key == "birth_date":
        parsed = parse_date(value)
        return format_date(parsed) if parsed else value
    if key in ("mobile", "emergency_contact_phone"):
        return format_phone(digits_only(value))
    if key == "gender":
        return gender_label(value)
    if key == "preferred_contact":
        return label(CONTACT_LABELS[value]) if value in CONTACT_LABELS else value
    return value


def display_fields(person: dict) -> list[tuple[str, str, str]]:
    """(key, translated field name, display text) for every field of the form."""
    values = flat(person)
    return [(key, field_label(field), display_value(key, values[key])) for key, field in FIELDS]


class PersonForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("e.g. 1999. 3. 2."))
        self.gender = QComboBox()
        self.gender.addItem(self.tr("(not asked yet)"), "")
        for gender in GENDERS:
            self.gender.addItem(gender_label(gender), gender)
        self.mobile = QLineEdit()
        self.mobile.setPlaceholderText("010-1234-5678")
        self.postal_code = QLineEdit()
        self.postal_code.setPlaceholderText(self.tr("5 digits"))
        self.postal_code.setMaxLength(5)
        self.postal_code.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000") + 16)
        self.road_address = QLineEdit()
        self.road_address.setPlaceholderText(self.tr("Road-name address"))
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(self.tr("Floor, flat"))
        self.emergency_contact_name = QLineEdit()
        self.emergency_contact_phone = QLineEdit()
        self.preferred_contact = QComboBox()
        self.preferred_contact.addItem(self.tr("(not asked yet)"), "")
        for channel in CONTACT_CHANNELS:
            self.preferred_contact.addItem(label(CONTACT_LABELS[channel]), channel)
        for key, field in FIELDS:
            getattr(self, key).setAccessibleName(field_label(field))

        address = QHBoxLayout()
        address.addWidget(self.postal_code)
        address.addWidget(self.road_address, 2)
        address.addWidget(self.detail, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("Date of &birth:"), self.birth_date)
        form.addRow(self.tr("Gender:"), self.gender)
        form.addRow(self.tr("&Mobile phone:"), self.mobile)
        address_label = QLabel(self.tr("A&ddress:"))  # a row of fields: the label needs a buddy
        address_label.setBuddy(self.postal_code)
        form.addRow(address_label, address)
        form.addRow(self.tr("&Emergency contact:"), self.emergency_contact_name)
        form.addRow(self.tr("Emergency contact phone:"), self.emergency_contact_phone)
        form.addRow(self.tr("Preferred contact:"), self.preferred_contact)
        self._pristine: dict[str, str] = self.raw()

    # -- the typed text ---------------------------------------------------------------------
    def _combos(self) -> dict[str, QComboBox]:
        return {"gender": self.gender, "preferred_contact": self.preferred_contact}

    def raw(self) -> dict[str, str]:
        """Exactly what is in the fields (for drafts and for "was anything changed?")."""
        combos = self._combos()
        return {key: (combos[key].currentData() or "") if key in combos else getattr(self, key).text()
                for key, _ in FIELDS}

    def set_raw(self, values: dict[str, str]) -> None:
        combos = self._combos()
        for key, _ in FIELDS:
            value = str(values.get(key) or "")
            if key in combos:
                combos[key].setCurrentIndex(max(0, combos[key].findData(value)))
            else:
                getattr(self, key).setText(value)

    def person(self) -> dict:
        """The typed details as a person document for the service (dates normalised)."""
        values = self.raw()
        values["birth_date"] = normalise_date_input(values["birth_date"])
        return unflat(values)

    # -- loading and change tracking --------------------------------------------------------
    def set_person(self, person: dict) -> None:
        """Fill from a stored document; this becomes the unchanged state."""
        values = flat(person)
        birth = parse_date(values["birth_date"])
        values["birth_date"] = format_date(birth) if birth else values["birth_date"]
        for key in ("mobile", "emergency_contact_phone"):
            values[key] = format_phone(values[key]) if values[key] else ""
        self.set_raw(values)
        self._pristine = self.raw()

    def is_dirty(self) -> bool:
        return self.raw() != self._pristine

    def mark_clean(self) -> None:
        self._pristine = self.raw()

    def set_read_only(self, read_only: bool) -> None:
        for key, _ in FIELDS:
            widget = getattr(self, key)
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)
