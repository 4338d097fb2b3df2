"""A spreadsheet cell turned into the value the importer's record form expects.

What Excel does to a centre's data, undone here (and only here; the importer's own rules —
clean_person, the form's normaliser — then check the result like any JSON Lines record):

- dates: a cell formatted as a date arrives as a date; a date in a cell left as "General"
  arrives as Excel's serial number (36221 = 1999-03-02, 1900 date system); text is read by
  domain/dates.parse_date_text with two-digit years allowed (`99-03-02`, `990302`; the century
  rule is in that module: the latest century that does not put the year in the future);
- phone numbers: typed as a number, Excel drops the leading 0 (010-1234-5678 → 1012345678);
  every Korean number but the 8-digit 15xx/16xx/18xx ones starts with 0, so a 9- or 10-digit
  number without it gets it back; the result is written by domain/korean.format_phone;
- postal codes: 06900 typed as a number is 6900; a 4-digit code gets its 0 back;
- whole numbers come back as floats (1.0): shown as 1;
- every text is NFC (a Mac's decomposed Hangul is the same name as a PC's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from intake_desktop.domain.dates import parse_date_text
from intake_desktop.domain.korean import format_phone, nfc
from intake_desktop.i18n import QT_TRANSLATE_NOOP

MSG_NOT_A_DATE = QT_TRANSLATE_NOOP(
    "Errors", "not a date that can be read (write it as 1999-03-02, 1999.3.2, 99-03-02 or 1999년 3월 2일)")
MSG_NOT_A_NUMBER = QT_TRANSLATE_NOOP("Errors", "not a number")
MSG_CELL_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "more than {max} characters")

MAX_CELL = 32_767  # Excel's own limit for one cell
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 61 = 1900-03-01 (Excel counts a 1900-02-29 that never was)
_FIRST_SERIAL, _LAST_SERIAL = 61, 2_958_465  # 1900-03-01 .. 9999-12-31

# Kinds of target (what a column's values become)
TEXT, LONG_TEXT, DATE, PHONE, POSTAL, NUMBER, CHOICE, MULTIPLE, YES_NO, ACCOUNT = (
    "text", "long_text", "date", "phone", "postal", "number", "choice", "multiple", "yes_no", "account")


@dataclass(frozen=True)
class CellProblem:
    message: str  # English source, context "Errors"
    params: dict


def is_blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def cell_text(cell: Any) -> str:
    """What the cell shows, as text: 1.0 → "1", a date → 1999-03-02."""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, timedelta):
        return str(cell)
    return nfc(str(cell)).strip()


def _whole(cell: Any) -> int | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return None


def excel_serial_date(serial: int) -> date | None:
    if not _FIRST_SERIAL <= serial <= _LAST_SERIAL:
        return None
    return _EXCEL_EPOCH + timedelta(days=serial)


def to_date(cell: Any, today: date | None = None) -> date | None:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    whole = _whole(cell)
    if whole is not None:
        return excel_serial_date(whole)
    text = cell_text(cell)
    if text.isdigit() and len(text) <= 5:  # a serial that went through a CSV
        return excel_serial_date(int(text))
    return parse_date_text(text, two_digit_years=True, today=today)


def restore_leading_zero(digits: str) -> str:
    """1012345678 → 01012345678; 212345678 → 0212345678 (module docstring)."""
    if digits and digits[0] != "0" and len(digits) in (9, 10):
        return "0" + digits
    return digits


def to_phone(cell: Any) -> str:
    whole = _whole(cell)
    text = str(whole) if whole is not None else cell_text(cell)
    if whole is not None or text.isdigit():
        text = restore_leading_zero(text)
    return format_phone(text)


def to_postal(cell: Any) -> str:
    text = cell_text(cell)
    return text.zfill(5) if text.isdigit() and len(text) == 4 else text


def convert(cell: Any, kind: str, options: dict[str, str] | None = None,
            today: date | None = None) -> tuple[Any, CellProblem | None]:
    """(value for the record, or a problem). Blank cells are None (no answer)."""
    if is_blank(cell):
        return None, None
    if isinstance(cell, str) and len(cell) > MAX_CELL:
        return None, CellProblem(MSG_CELL_TOO_LONG, {"max": MAX_CELL})
    if kind == DATE:
        parsed = to_date(cell, today)
        return (parsed.isoformat(), None) if parsed else (None, CellProblem(MSG_NOT_A_DATE, {}))
    if kind == PHONE:
        return to_phone(cell), None
    if kind == POSTAL:
        return to_postal(cell), None
    if kind == NUMBER:
        whole = _whole(cell)
        if whole is not None:
            return whole, None
        if isinstance(cell, float):
            return cell, None
        return cell_text(cell), None  # the form's normaliser reads "3", "1,200"; else it says why
    if kind == YES_NO and isinstance(cell, bool):
        return cell, None
    if kind == CHOICE:
        return choose(cell_text(cell), options or {}), None
    if kind == MULTIPLE:
        parts = [p.strip() for p in cell_text(cell).replace("·", ",").replace(";", ",").replace("/", ",").split(",")]
        return [choose(p, options or {}) for p in parts if p], None
    if kind == LONG_TEXT and isinstance(cell, str):
        return nfc(cell).strip(), None
    return cell_text(cell), None


def option_key(text: str) -> str:
    return nfc(text).casefold().replace(" ", "")


def choose(text: str, options: dict[str, str]) -> str:
    """An option's value for a label or value as written (spaces and case ignored); the text
    unchanged when it matches none (validation then names the allowed ones)."""
    return options.get(option_key(text), text)


