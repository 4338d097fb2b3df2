"""A report's period: whole months, Korea time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from intake_desktop.services.stats.labels import (
    MAX_MONTHS,
    MSG_BAD_MONTH,
    MSG_PERIOD_ORDER,
    MSG_PERIOD_TOO_LONG,
    Label,
)

from intake_desktop.services import errors as E

# Periods

def parse_month(value: object) -> tuple[int, int]:
    """'2025-05' (or a date, or (year, month)) -> (2025, 5); UsageError otherwise."""
    if isinstance(value, date):
        return value.year, value.month
    if isinstance(value, tuple) and len(value) == 2:
        year, month = value
    else:
        text = str(value).strip()
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
        if not match:
            raise E.UsageError(MSG_BAD_MONTH, value=text)
        year, month = int(match.group(1)), int(match.group(2))
    if not (1900 <= int(year) <= 2999 and 1 <= int(month) <= 12):
        raise E.UsageError(MSG_BAD_MONTH, value=str(value))
    return int(year), int(month)


def _month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


@dataclass(frozen=True)
class Period:
    start: date  # first day of the first month
    end: date  # last day of the last month

    @classmethod
    def of(cls, start_month: object, end_month: object) -> "Period":
        (y1, m1), (y2, m2) = parse_month(start_month), parse_month(end_month)
        if (y2, m2) < (y1, m1):
            raise E.UsageError(MSG_PERIOD_ORDER, start=_month_key(y1, m1), end=_month_key(y2, m2))
        if (y2 - y1) * 12 + (m2 - m1) + 1 > MAX_MONTHS:
            raise E.UsageError(MSG_PERIOD_TOO_LONG, max=MAX_MONTHS)
        following = date(y2 + (m2 == 12), m2 % 12 + 1, 1)
        return cls(date(y1, m1, 1), following - timedelta(days=1))

    @property
    def start_month(self) -> str:
        return _month_key(self.start.year, self.start.month)

    @property
    def end_month(self) -> str:
        return _month_key(self.end.year, self.end.month)

    def months(self) -> list[tuple[int, int]]:
        out, (y, m) = [], (self.start.year, self.start.month)
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def label_ko(self) -> str:
        first = f"{self.start.year}년 {self.start.month}월"
        last = f"{self.end.year}년 {self.end.month}월"
        return first if first == last else f"{first} ~ {last}"


def month_labels(period: Period) -> tuple[Label, ...]:
    months = period.months()
    one_year = period.start.year == period.end.year
    return tuple(
        Label(_month_key(y, m), _month_key(y, m), f"{m}월" if one_year else f"{y % 100:02d}.{m}", translatable=False)
        for y, m in months
    )


