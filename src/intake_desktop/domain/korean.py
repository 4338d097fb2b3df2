"""Korean text rules: NFC at the edge, 가나다 collation, 초성 (initial consonant) search."""

from __future__ import annotations

import unicodedata

HANGUL_BASE = 0xAC00
HANGUL_LAST = 0xD7A3
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_SYLLABLES_PER_INITIAL = 21 * 28
_CONTROL_KEEP = {"\n", "\t"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_text(text: str, *, multiline: bool = False) -> str:
    """NFC-normalise and drop control characters (keeping newlines/tabs in multi-line text)."""
    text = nfc(text)
    keep = _CONTROL_KEEP if multiline else set()
    return "".join(
        ch for ch in text if ch in keep or unicodedata.category(ch) not in ("Cc", "Cf") or ch == "\u200d"
    )


def is_hangul_syllable(ch: str) -> bool:
    return HANGUL_BASE <= ord(ch) <= HANGUL_LAST


def choseong_of(text: str) -> str:
    """김민수 -> ㄱㅁㅅ. Non-syllables pass through unchanged (lower-cased)."""
    out = []
    for ch in nfc(text):
        if is_hangul_syllable(ch):
            out.append(CHOSEONG[(ord(ch) - HANGUL_BASE) // _SYLLABLES_PER_INITIAL])
        else:
            out.append(ch.lower())
    return "".join(out)


def is_choseong_query(text: str) -> bool:
    return bool(text) and all(ch in CHOSEONG or ch.isspace() for ch in text)


def collation_key(text: str) -> tuple[int, str]:
    """가나다 order: Hangul names first, then Latin (case-insensitive), then everything else.

    NFC Hangul in code-point order already is 가나다 order; the group number keeps a
    foreign name written in Latin letters from landing between Korean ones.
    """
    text = nfc(text).strip()
    if not text:
        return (3, "")
    first = text[0]
    if is_hangul_syllable(first) or first in CHOSEONG:
        group = 0
    elif first.isascii() and first.isalpha():
        group = 1
    else:
        group = 2
    return (group, text.casefold())


def digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def format_mobile(digits: str) -> str:
    """01012345678 -> 010-1234-5678; 10-digit 011/016–019 numbers -> 011-123-4567."""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def format_date(value) -> str:
    """Korean official date: 2025. 5. 14. (no leading zeros)."""
    return f"{value.year}. {value.month}. {value.day}."
