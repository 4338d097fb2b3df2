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

The working day (one rule, one place; docs/architecture.md "Dates and the clock"): every date the
program writes or compares — a record's date, a letter's issue date, "today" in a list, a
statistics period, the access log's days — is the date in Seoul (`today()`), and a time shown to
a person is Seoul time (`now()`, `in_seoul()`), whatever time zone the PC is set to. The people
served and the counsellors are in Seoul; a PC left on UTC (or a CI machine) must not date a
letter yesterday or file the morning's events under another day than the access log does.
Moments stored for ordering and sync stay UTC instants (storage/models.utcnow).
Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact for every
date the program writes, and needs no time-zone database (Windows ships none with Python).
Tests set the clock with `set_clock` (or pass `today=` where a function takes one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone

SEOUL = timezone(timedelta(hours=9), "KST")


def _system_clock() -> datetime:
    return datetime.now(timezone.utc)


_clock: Callable[[], datetime] = _system_clock


def now() -> datetime:
    """This moment, in Seoul time (time-zone aware)."""
    return _clock().astimezone(SEOUL)


def today() -> date:
    """Today's date in Seoul: the counsellor's working day."""
    return now().date()


def in_seoul(moment: datetime) -> datetime:
    """A stored moment as Seoul time, for showing it; a naive one is taken as UTC (as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(SEOUL)


def set_clock(clock: Callable[[], datetime] | None) -> None:
    """Replace the clock (an aware datetime each call); None puts the system clock back."""
    global _clock
    _clock = clock or _system_clock


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Within the block the clock stands still at `moment` (aware)."""
    set_clock(lambda: moment)
    try:
        yield
    finally:
        set_clock(None)

_FOUR = re.compile(r"^\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?\s*$")
_TWO = re.compile(r"^\s*(\d{2})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?\s*$")


def century_for(two_digits: int, today: date | None = None) -> int:
    """The four-digit year of a two-digit one: the latest that is not after this year."""
    this_year = (today or now().date()).year  # `today` the parameter hides today()
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

