"""Resident registration numbers (주민등록번호) typed into free text: find them, mask them.

The centre has no legal basis to record one (forms/intake-youth.yaml says so), yet one gets
typed into a note or a referral reason ("본인 주민번호 900101-1234567로 확인"). Entry screens warn
with `find_rrns`; everything that leaves the app as a letter or an export goes through
`mask_rrns`, so the number is never printed as typed.

Shape: YYMMDD, a separator or none (hyphen, dash, spaces, dots), then seven digits whose first
one (1–8) says the century and sex (5–8: registered foreigners). The last digit is a check
digit (weights 2,3,4,5,6,7,8,9,2,3,4,5; check = (11 - sum mod 11) mod 10). Numbers issued since
October 2020 no longer carry a valid check digit (their last six digits are random), so
masking does not require it: any number of the right shape with a real birth date is masked.
`find_rrns(strict=True)` (the default, for warnings) also wants the check digit, which keeps a
warning about an ordinary 13-digit reference number unlikely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
MASK = "******-*******"
# Not inside a longer run of digits; the halves may be joined by -, –, —, ., spaces, or nothing.
_PATTERN = re.compile(r"(?<!\d)(\d{6})\s*(?:[-\u2010-\u2015.]\s*)?(\d{7})(?!\d)")
_CENTURY = {1: 1900, 2: 1900, 5: 1900, 6: 1900, 3: 2000, 4: 2000, 7: 2000, 8: 2000}


@dataclass(frozen=True)
class RrnMatch:
    start: int
    end: int
    check_digit_ok: bool


def _digits(text: str) -> list[int]:
    return [int(ch) for ch in text]  # int() reads full-width digits too (\d matches them)


def check_digit_ok(digits: list[int]) -> bool:
    total = sum(d * w for d, w in zip(digits[:12], WEIGHTS))
    return (11 - total % 11) % 10 == digits[12]


def _plausible(front: list[int], back: list[int]) -> bool:
    century = _CENTURY.get(back[0])
    if century is None:
        return False
    year = century + front[0] * 10 + front[1]
    try:
        date(year, front[2] * 10 + front[3], front[4] * 10 + front[5])
    except ValueError:
        return False
    return True


def find_rrns(text: str, *, strict: bool = True) -> list[RrnMatch]:
    """Every resident registration number in `text`. `strict`: only those whose check digit
    is right (see the module note on numbers issued since 2020)."""
    found = []
    for match in _PATTERN.finditer(text or ""):
        front, back = _digits(match.group(1)), _digits(match.group(2))
        if not _plausible(front, back):
            continue
        ok = check_digit_ok(front + back)
        if ok or not strict:
            found.append(RrnMatch(match.start(), match.end(), ok))
    return found


def contains_rrn(text: str) -> bool:
    return bool(find_rrns(text))


def mask_rrns(text: str) -> str:
    """`text` with every number of that shape replaced by ******-*******."""
    if not text:
        return text
    out, last = [], 0
    for match in find_rrns(text, strict=False):
        out.append(text[last:match.start])
        out.append(MASK)
        last = match.end
    out.append(text[last:])
    return "".join(out)


def mask_everywhere(value: object) -> object:
    """The same for every string inside a JSON-like value (dicts, lists), keys left alone."""
    if isinstance(value, str):
        return mask_rrns(value)
    if isinstance(value, dict):
        return {key: mask_everywhere(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_everywhere(item) for item in value]
    return value
