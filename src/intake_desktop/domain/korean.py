"""Korean text rules: NFC at the edge, 가나다 collation, 초성 (initial consonant) search."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

HANGUL_BASE = 0xAC00
HANGUL_LAST = 0xD7A3
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_SYLLABLES_PER_INITIAL = 21 * 28
_CONTROL_KEEP = {"\n", "\t"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_DROP = {"Cc", "Cf", "Cs"}  # controls, invisible format characters, lone surrogates
_ZWJ = "\u200d"  # joins emoji sequences (👩‍👧): kept
_BLACK_FLAG = "\U0001F3F4"  # base of the subdivision flags (🏴󠁧󠁢󠁳󠁣󠁴󠁿), spelt with tag characters
_TAG_FIRST, _TAG_CANCEL = "\U000E0020", "\U000E007F"
_MAX_FLAG_TAGS = 7


def clean_text(text: str, *, multiline: bool = False) -> str:
    """NFC-normalise and drop control and invisible characters (keeping newlines/tabs in
    multi-line text, and line/paragraph separators only there, as newlines).

    Tag characters are invisible and can smuggle text, so they are kept only inside a complete
    emoji flag sequence (black flag, a few tags, cancel tag).
    """
    out: list[str] = []
    tags: list[str] | None = None  # pending tags after a black flag
    for ch in nfc(text):
        if _TAG_FIRST <= ch <= _TAG_CANCEL:
            if tags is not None and len(tags) < _MAX_FLAG_TAGS:
                tags.append(ch)
                if ch == _TAG_CANCEL:
                    out.extend(tags)
                    tags = None
            continue
        tags = [] if ch == _BLACK_FLAG else None
        category = unicodedata.category(ch)
        if category in ("Zl", "Zp"):
            if multiline:
                out.append("\n")
        elif (multiline and ch in _CONTROL_KEEP) or ch == _ZWJ or category not in _DROP:
            out.append(ch)
    return "".join(out)


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


def initials_of(name: str) -> str:
    """A name reduced to its initials, for papers that leave the centre without the name (the
    reply slip): 김민수 -> ㄱㅁㅅ, 남궁민 -> ㄴㄱㅁ, Maria Lopez -> M. L. Anything that is neither
    a Hangul syllable nor a letter (digits, marks) is dropped: it could spell out the name."""
    out: list[str] = []
    for word in clean_text(name).split():
        if any(is_hangul_syllable(ch) for ch in word):
            out.append("".join(CHOSEONG[(ord(ch) - HANGUL_BASE) // _SYLLABLES_PER_INITIAL]
                               for ch in word if is_hangul_syllable(ch)))
        else:
            first = next((ch for ch in word if ch.isalpha()), "")
            if first:
                out.append(f"{first.upper()}.")
    hangul = [part for part in out if not part.endswith(".")]
    return "".join(hangul) + (" " if hangul and len(hangul) < len(out) else "") + " ".join(
        part for part in out if part.endswith("."))


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


_PHONE_PUNCTUATION = frozenset(" -().")


def format_phone(text: str) -> str:
    """A Korean phone number as Koreans write it: 010-1234-5678, 011-123-4567, 02-123-4567,
    031-123-4567, 0505-123-4567 (050x numbers have a four-digit prefix), 1588-1234.

    Full-width digits and punctuation count as their ASCII forms (NFKC). Anything else — letters,
    a +82 prefix, a length no Korean number has — is returned as given, for a person to read."""
    normal = unicodedata.normalize("NFKC", text)
    digits = "".join(ch for ch in normal if "0" <= ch <= "9")
    if not digits or any(not ("0" <= ch <= "9") and ch not in _PHONE_PUNCTUATION and not ch.isspace()
                         for ch in normal):
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


def format_date(value: date) -> str:
    """Korean official date: 2025. 5. 14. (no leading zeros)."""
    return f"{value.year}. {value.month}. {value.day}."


# -- particles (조사) chosen by the last syllable -------------------------------------------------
# (with final consonant, without): 을/를, 이/가, 은/는, 과/와; (으)로 also takes 로 after ㄹ.
PARTICLES = {"을/를": ("을", "를"), "이/가": ("이", "가"), "은/는": ("은", "는"), "과/와": ("과", "와"),
             "으로/로": ("으로", "로")}
_RIEUL = 8  # index of ㄹ among the final consonants
# How a final digit is read (Sino-Korean): (has a final consonant, it is ㄹ).
_DIGITS = {"0": (True, False), "1": (True, True), "2": (False, False), "3": (True, False), "4": (False, False),
           "5": (False, False), "6": (True, False), "7": (True, True), "8": (True, True), "9": (False, False)}
# Round numbers are read by their unit: 10 십, 100 백, 1000 천, 10000 만.
_UNITS = {1: (True, False), 2: (True, False), 3: (True, False), 4: (True, False)}
_OPENING = {")": "(", "]": "[", "」": "「", "』": "『"}


def _last_sound(word: str) -> tuple[bool, bool] | None:
    """(ends in a final consonant, that consonant is ㄹ) for how `word` is read aloud, or None
    when it cannot be told. A closing bracket is skipped with what it encloses (김민수(2026-12)를)."""
    text = nfc(word).rstrip()
    while text and text[-1] in _OPENING:
        opening = text.rfind(_OPENING[text[-1]])
        if opening <= 0:
            return None
        text = text[:opening].rstrip()
    text = text.rstrip(" .,'\"’”")
    if not text:
        return None
    last = text[-1]
    if is_hangul_syllable(last):
        final = (ord(last) - HANGUL_BASE) % 28
        return final != 0, final == _RIEUL
    if last.isdigit() and last.isascii():
        digits = text[len(text.rstrip("0123456789")):]
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros and digits.strip("0"):
            return _UNITS.get(zeros, (True, False))
        return _DIGITS[last]
    if last.isascii() and last.isalpha():
        # A Latin name as Koreans say it: -l (ㄹ), -m, -n, -ng end in a consonant; others do not
        # (Mark 마크, Peter 피터, Anna 안나).
        lower = text.lower()
        if lower.endswith("ng") or lower[-1] in "mn":
            return True, False
        if lower[-1] == "l":
            return True, True
        return False, False
    return None


def with_particle(word: str, particle: str) -> str:
    """`word` followed by the right form of `particle` ("을/를", "이/가", "은/는", "과/와",
    "으로/로"); the double form ("을(를)") when the last sound cannot be told."""
    with_final, without = PARTICLES[particle]
    sound = _last_sound(word)
    if sound is None:
        return f"{word}{with_final}({without})" if particle != "으로/로" else f"{word}(으)로"
    has_final, rieul = sound
    if particle == "으로/로":
        return word + ("으로" if has_final and not rieul else "로")
    return word + (with_final if has_final else without)


# The double forms translators write after a placeholder: {name}을(를), {number}(으)로, ...
_DOUBLE = re.compile(r"(을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로)")
_DOUBLE_KEY = {"을(를)": "을/를", "를(을)": "을/를", "이(가)": "이/가", "가(이)": "이/가", "은(는)": "은/는",
               "는(은)": "은/는", "과(와)": "과/와", "와(과)": "과/와", "(으)로": "으로/로"}


def resolve_particles(text: str) -> str:
    """A finished sentence with each double form ("기지개-12(으)로") replaced by the one the
    word before it takes ("기지개-12로"); left as it is where that cannot be told."""
    if "(" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        before = text[:match.start()]
        return with_particle(before, _DOUBLE_KEY[match.group(1)])[len(before):]

    return _DOUBLE.sub(one, text)
