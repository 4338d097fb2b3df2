"""How values are written on Korean official documents (dates, times, phones, addresses)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from intake_desktop.domain.rrn import mask_rrns

_KEEP_CONTROLS = {"\n", "\t"}


def clean(text, *, multiline: bool = True) -> str:
    """NFC-normalise; drop control characters; tabs become spaces; CR/LF become one newline.

    Zero-width joiners and variation selectors stay (they are part of emoji as typed). A
    resident registration number typed into free text is masked: every text of a letter passes
    here, so none is ever printed (domain/rrn.py).
    """
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        if ch == "\t":
            out.append(" ")
        elif ch == "\n":
            out.append("\n" if multiline else " ")
        elif unicodedata.category(ch) == "Cc" or ch in ("\u2028", "\u2029"):
            out.append("\n" if multiline and ch in ("\u2028", "\u2029") else "")
        else:
            out.append(ch)
    return mask_rrns("".join(out).strip())


def parse_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def format_date(value: date) -> str:
    """2025. 5. 14. (no leading zeros, a full stop after each part)."""
    return f"{value.year}. {value.month}. {value.day}."


def format_datetime(value: datetime | date) -> str:
    """2025. 5. 14. 15:20 (24-hour clock)."""
    if isinstance(value, datetime):
        return f"{format_date(value)} {value.hour:02d}:{value.minute:02d}"
    return format_date(value)


def age_on(birth: date, today: date) -> int:
    """만 나이 (full years) on a given day."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def format_phone(value) -> str:
    """Korean numbers with hyphens: 010-1234-5678, 011-123-4567, 02-123-4567, 02-1234-5678,
    031-123-4567, 0505-123-4567, 1588-1234. Anything else is printed as given."""
    text = clean(value, multiline=False)
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or any(ch not in "0123456789-+ ()." for ch in text):
        return text
    n = len(digits)
    if digits.startswith("02") and n in (9, 10):
        return f"02-{digits[2:n - 4]}-{digits[n - 4:]}"
    if digits.startswith("050") and n in (11, 12):
        return f"{digits[:4]}-{digits[4:n - 4]}-{digits[n - 4:]}"
    if digits.startswith("0") and n in (10, 11):
        return f"{digits[:3]}-{digits[3:n - 4]}-{digits[n - 4:]}"
    if digits.startswith("1") and n == 8:
        return f"{digits[:4]}-{digits[4:]}"
    return text


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
