"""Dates as Korean people write them: the one reader for typed, pasted and imported dates.

    parse_date_text("2025-05-14") == parse_date_text("2025. 5. 14.") == parse_date_text("2025년 5월 14일")
    parse_date_text("20250514") == date(2025, 5, 14)
    parse_date_text("99-03-02", two_digit_years=True) == date(1999, 3, 2)

Four-digit years are read as written (separators -, ., /, 년 월 일, spaces; full-width digits
count). Two-digit years (`99-03-02`, `990302`) only when the caller asks: a spreadsheet of a
centre's caseload has them, an input field should not guess. The century is the latest one
that does not put the year after this year: the people a centre sees are young, so `05` is
2005 and `99` is 1999 (in 2026, `26` is 2026 and `27` is 1927; a birth year in the future is
never the right reading).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_FOUR = re.compile(r"^\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?\s*$")
_TWO = re.compile(r"^\s*(\d{2})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?\s*$")


def century_for(two_digits: int, today: date | None = None) -> int:
    """The four-digit year of a two-digit one: the latest that is not after this year."""
    this_year = (today or date.today()).year
    year = this_year - this_year % 100 + two_digits
    return year if year <= this_year else year - 100


def parse_date_text(text: str, *, two_digit_years: bool = False, today: date | None = None) -> date | None:
    """A date written as text (module docstring), or None when it is not one."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    elif two_digit_years and re.fullmatch(r"\d{6}", text):
        text = f"{text[:2]}-{text[2:4]}-{text[4:]}"
    match = _FOUR.match(text)
    parts: list[int] | None = [int(p) for p in match.groups()] if match else None
    if parts is None and two_digit_years:
        match = _TWO.match(text)
        if match:
            parts = [int(p) for p in match.groups()]
            parts[0] = century_for(parts[0], today)
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None

