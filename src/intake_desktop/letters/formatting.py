"""How values are written on Korean official documents (dates, times, phones, addresses)."""

from __future__ import annotations

from datetime import date, datetime

from intake_desktop.domain.cases import age_on, parse_date
from intake_desktop.domain.korean import clean_text, format_date
from intake_desktop.domain.korean import format_phone as korean_phone

__all__ = ["age_on", "clean", "format_address", "format_date", "format_datetime", "format_phone", "parse_date"]


def clean(text: object, *, multiline: bool = True) -> str:
    """A value as printed: the program's text rules (domain.korean.clean_text: NFC, no control
    or invisible characters, emoji kept), plus CR/LF as one newline, tabs as spaces, a newline
    as a space in one-line fields, and no surrounding blanks. None prints as ""."""
    if text is None:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    return clean_text(text, multiline=multiline).strip()


def format_datetime(value: datetime | date) -> str:
    """2025. 5. 14. 15:20 (24-hour clock)."""
    if isinstance(value, datetime):
        return f"{format_date(value)} {value.hour:02d}:{value.minute:02d}"
    return format_date(value)


def format_phone(value: object) -> str:
    """The number as printed: domain.korean.format_phone of the cleaned value."""
    return korean_phone(clean(value, multiline=False))


def format_address(value) -> str:
    """'(06900) 서울특별시 동작구 노량진로 10, 101동 202호' from the intake address object
    {postal_code, road_address, detail}; a plain string is printed as given."""
    if isinstance(value, dict):
        postal = clean(value.get("postal_code"), multiline=False)
        road = clean(value.get("road_address"), multiline=False)
        detail = clean(value.get("detail"), multiline=False)
        body = ", ".join(part for part in (road, detail) if part)
        if postal and body:
            return f"({postal}) {body}"
        return body or (f"({postal})" if postal else "")
    return clean(value, multiline=False)


def format_number(value, unit: str = "") -> str:
    """18 -> '18', 2.5 -> '2.5', 1200000 with unit 원 -> '1,200,000원'."""
    if isinstance(value, bool):
        text = str(value)
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool):
        pass
    elif isinstance(value, int):
        text = f"{value:,}" if unit == "원" else str(value)
    elif isinstance(value, float):
        text = f"{value:g}"
    else:
        text = clean(value, multiline=False)
    return f"{text}{unit}" if unit and text else text


def format_org_line(*parts: str, sep: str = "  ") -> str:
    return sep.join(p for p in parts if p)
