"""Validation and clean-up of the person document at the edge (before anything is stored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from intake_desktop.domain import dates
from intake_desktop.domain.cases import PERSON_FIELDS, parse_date
from intake_desktop.domain.korean import clean_text, digits_only
from intake_desktop.i18n import QT_TRANSLATE_NOOP

MAX_NAME = 60
MAX_TEXT = 200
GENDERS = ("male", "female", "other", "undisclosed")
CONTACT_CHANNELS = ("text_only", "phone", "visit", "email", "messenger")
ADDRESS_PARTS = ("postal_code", "road_address", "detail")


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str  # English source, context "Errors"
    params: dict[str, Any]

    def render(self, translate: Callable[[str, str], str] = lambda context, text: text) -> str:
        return translate("Errors", self.message).format(**self.params)


MSG_REQUIRED = QT_TRANSLATE_NOOP("Errors", "{field}: required.")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "{field}: at most {max} characters.")
MSG_BAD_DATE = QT_TRANSLATE_NOOP("Errors", "{field}: not a date (use YYYY-MM-DD).")
MSG_FUTURE_DATE = QT_TRANSLATE_NOOP("Errors", "{field}: lies in the future.")
MSG_BAD_PHONE = QT_TRANSLATE_NOOP("Errors", "{field}: a phone number has 9 to 11 digits.")
MSG_BAD_POSTAL = QT_TRANSLATE_NOOP("Errors", "{field}: a postal code has 5 digits.")
MSG_BAD_CHOICE = QT_TRANSLATE_NOOP("Errors", "{field}: {value} is not one of {allowed}.")
MSG_UNKNOWN_FIELD = QT_TRANSLATE_NOOP("Errors", "{field}: unknown field.")
MSG_NOT_TEXT = QT_TRANSLATE_NOOP("Errors", "{field}: must be text.")


def clean_person(raw: dict[str, Any], *, today: date | None = None) -> tuple[dict[str, Any], list[FieldProblem]]:
    """Return the normalised person document and every problem found (never raises).

    Values come from outside (an import line, a form): each is checked for its JSON type first,
    and a value of the wrong type is one problem and an empty field, nothing more."""
    today = today or dates.today()
    problems: list[FieldProblem] = []
    person: dict[str, Any] = {}

    def problem(field: str, message: str, **params: Any) -> None:
        problems.append(FieldProblem(field, message, {"field": field, **params}))

    def text(field: str, value: Any) -> str:
        """Cleaned text; None and "" are empty; any other non-text value is a problem."""
        if value is None:
            return ""
        if not isinstance(value, str):
            problem(field, MSG_NOT_TEXT)
            return ""
        return clean_text(value).strip()

    for key in raw:
        if key not in PERSON_FIELDS:
            problem(key, MSG_UNKNOWN_FIELD)
    for key in ("name", "gender", "emergency_contact_name", "preferred_contact"):
        person[key] = text(key, raw.get(key))
    if not person["name"] and (raw.get("name") is None or isinstance(raw.get("name"), str)):
        problem("name", MSG_REQUIRED)
    elif len(person["name"]) > MAX_NAME:
        problem("name", MSG_TOO_LONG, max=MAX_NAME)
    if len(person["emergency_contact_name"]) > MAX_NAME:
        problem("emergency_contact_name", MSG_TOO_LONG, max=MAX_NAME)
    for key, allowed in (("gender", GENDERS), ("preferred_contact", CONTACT_CHANNELS)):
        value = person[key]
        if value and value not in allowed:
            problem(key, MSG_BAD_CHOICE, value=value, allowed=", ".join(allowed))

    birth = raw.get("birth_date")
    parsed = parse_date(birth) if isinstance(birth, str) else None
    if birth is None or birth == "":
        problem("birth_date", MSG_REQUIRED)
    elif parsed is None:
        problem("birth_date", MSG_BAD_DATE)
    elif parsed > today:
        problem("birth_date", MSG_FUTURE_DATE)
    person["birth_date"] = parsed.isoformat() if parsed else ""

    for key in ("mobile", "emergency_contact_phone"):
        value = text(key, raw.get(key))
        digits = digits_only(value)
        if value and not 9 <= len(digits) <= 11:
            problem(key, MSG_BAD_PHONE)
        person[key] = digits

    address = raw.get("address")
    if address is None or address == "":
        address = {}
    elif isinstance(address, str):
        address = {"road_address": address}
    elif not isinstance(address, dict):
        address = {}
        problem("address", MSG_NOT_TEXT)
    for key in address:
        if key not in ADDRESS_PARTS:
            problem(f"address.{key}", MSG_UNKNOWN_FIELD)
    parts = {part: text(f"address.{part}", address.get(part)) for part in ADDRESS_PARTS}
    postal = digits_only(parts["postal_code"])
    if parts["postal_code"] and len(postal) != 5:
        problem("address.postal_code", MSG_BAD_POSTAL)
    person["address"] = {**parts, "postal_code": postal}
    for part in ("road_address", "detail"):
        if len(person["address"][part]) > MAX_TEXT:
            problem(f"address.{part}", MSG_TOO_LONG, max=MAX_TEXT)
    return person, problems
