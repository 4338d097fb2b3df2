"""In-memory case search: names (with 초성), phone digits and case numbers.

Built once at unlock from decrypted summaries; a keystroke then scans precomputed lower-case
strings, which stays well under the 100 ms budget at 100k cases (see benchmarks/).
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.korean import (
    CHOSEONG, HANGUL_BASE, choseong_of, collation_key, digits_only, nfc,
)

_SYLLABLES_PER_INITIAL = 21 * 28


def _jamo_class(initial: str) -> str:
    """Regex character class of every syllable that starts with this initial consonant."""
    index = CHOSEONG.index(initial)
    first = chr(HANGUL_BASE + index * _SYLLABLES_PER_INITIAL)
    last = chr(HANGUL_BASE + (index + 1) * _SYLLABLES_PER_INITIAL - 1)
    return f"[{initial}{first}-{last}]"


class CaseIndex:
    def __init__(self, summaries: Iterable[CaseSummary]) -> None:
        self._items: list[CaseSummary] = []
        self._names: list[str] = []
        self._initials: list[str] = []
        self._digits: list[str] = []
        self._numbers: list[str] = []
        for summary in summaries:
            self.add(summary)

    def add(self, summary: CaseSummary) -> None:
        name = nfc(summary.name).casefold()
        self._items.append(summary)
        self._names.append(name.replace(" ", ""))
        self._initials.append(choseong_of(name).replace(" ", ""))
        self._digits.append(summary.mobile)
        self._numbers.append(summary.case_number.casefold())

    def remove(self, case_id: str) -> None:
        for i, item in enumerate(self._items):
            if item.case_id == case_id:
                for column in (self._items, self._names, self._initials, self._digits, self._numbers):
                    del column[i]
                return

    def __len__(self) -> int:
        return len(self._items)

    @property
    def items(self) -> Sequence[CaseSummary]:
        return self._items

    def search(self, query: str) -> list[int]:
        """Positions (into `items`) of the cases matching `query`, in index order."""
        query = nfc(query).casefold().replace(" ", "")
        if not query:
            return list(range(len(self._items)))
        matches: set[int] = set()
        if all(ch in CHOSEONG for ch in query):
            matches.update(i for i, s in enumerate(self._initials) if query in s)
        elif any(ch in CHOSEONG for ch in query):
            # Mixed, e.g. "김ㅁ": a full syllable must match itself, a lone consonant any
            # syllable starting with it.
            pattern = re.compile("".join(_jamo_class(ch) if ch in CHOSEONG else re.escape(ch) for ch in query))
            matches.update(i for i, s in enumerate(self._names) if pattern.search(s))
        else:
            matches.update(i for i, s in enumerate(self._names) if query in s)
        digits = digits_only(query)
        if len(digits) >= 3 and len(digits) >= len(query) - 2:
            matches.update(i for i, s in enumerate(self._digits) if digits in s)
        if any(ch.isdigit() for ch in query):
            matches.update(i for i, s in enumerate(self._numbers) if query in s)
        return sorted(matches)


def sort_by_name(summaries: list[CaseSummary]) -> list[CaseSummary]:
    """가나다 order (see korean.collation_key), then case number for equal names."""
    return sorted(summaries, key=lambda s: (collation_key(s.name), s.case_number))

