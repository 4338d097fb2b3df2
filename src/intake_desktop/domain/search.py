"""In-memory case search: names (with 초성), phone digits and case numbers.

Built once at unlock from decrypted summaries; a keystroke then scans precomputed lower-case
strings, which stays well under the 100 ms budget at 100k cases (see benchmarks/). Each column
is also kept as one joined string, so the scan itself runs in C and only matching cases cost
Python work: a selective keystroke takes a few milliseconds even at 100k cases.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from itertools import accumulate, compress, repeat
from operator import add, contains
from typing import Iterable, Sequence

from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.korean import (
    CHOSEONG, HANGUL_BASE, choseong_of, collation_key, digits_only, nfc,
)

_SYLLABLES_PER_INITIAL = 21 * 28
_SEP = "\x00"  # between the cases of a column; never part of a name, number or query


def _jamo_class(initial: str) -> str:
    """Regex character class of every syllable that starts with this initial consonant."""
    index = CHOSEONG.index(initial)
    first = chr(HANGUL_BASE + index * _SYLLABLES_PER_INITIAL)
    last = chr(HANGUL_BASE + (index + 1) * _SYLLABLES_PER_INITIAL - 1)
    return f"[{initial}{first}-{last}]"


class _Column:
    """One searchable string per case, also kept joined into one long string so that a
    keystroke's substring scan runs in C (str.count / str.find / re) instead of a Python loop
    over every case. Only the matching rows cost Python work."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._joined: str | None = None
        self._starts = array("q")  # offset of each case in the joined string (8 bytes each)

    @classmethod
    def of(cls, values: Iterable[str]) -> "_Column":
        column = cls()
        parts = list(values)
        if _SEP.join(parts).count(_SEP) != max(0, len(parts) - 1):  # rare: a value holds the separator
            parts = [value.replace(_SEP, "") for value in parts]
        column.parts = parts
        return column

    def append(self, value: str) -> None:
        self.parts.append(value.replace(_SEP, ""))
        self._joined = None

    def delete(self, position: int) -> None:
        del self.parts[position]
        self._joined = None

    def prepare(self) -> str:
        if self._joined is None:
            # offsets of each case: running sum of (length + separator), all in C
            self._starts = array("q", accumulate(map(add, map(len, self.parts), repeat(1)), initial=0))
            self._starts.pop()  # the end of the last case: not the start of one
            self._joined = _SEP.join(self.parts) + _SEP
        return self._joined

    def _row(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1

    def containing(self, needle: str) -> list[int]:
        """Rows whose string contains `needle`, in order."""
        joined = self.prepare()
        hits = joined.count(needle)
        if hits == 0:
            return []
        if hits * 8 > len(self.parts):  # many rows match: one pass, still without a Python loop
            return list(compress(range(len(self.parts)), map(contains, self.parts, repeat(needle))))
        rows, starts, last = [], self._starts, len(self.parts) - 1
        position = joined.find(needle)
        while position != -1:
            row = self._row(position)
            rows.append(row)
            position = joined.find(needle, starts[row + 1]) if row < last else -1
        return rows

    def matching(self, pattern: re.Pattern[str]) -> list[int]:
        """Rows in which `pattern` (which never matches the separator) finds a match."""
        joined = self.prepare()
        rows, starts, last = [], self._starts, len(self.parts) - 1
        found = pattern.search(joined)
        while found is not None:
            row = self._row(found.start())
            rows.append(row)
            found = pattern.search(joined, starts[row + 1]) if row < last else None
        return rows


def name_forms(name: str) -> tuple[str, str]:
    """What a name is searched by: the name and its 초성, case-folded, without spaces."""
    folded = nfc(name).casefold()
    return folded.replace(" ", ""), choseong_of(folded).replace(" ", "")


class CaseIndex:
    def __init__(self, summaries: Iterable[CaseSummary],
                 forms: Sequence[tuple[str, str]] | None = None) -> None:
        """`forms`: each summary's `name_forms`, if known already (a stored list keeps them:
        working them out is most of building the index at 100k cases)."""
        self._items: list[CaseSummary] = list(summaries)
        if forms is None or len(forms) != len(self._items):
            forms = [name_forms(s.name) for s in self._items]
        self._names = _Column.of(name for name, _initials in forms)
        self._initials = _Column.of(initials for _name, initials in forms)
        self._digits = _Column.of(s.mobile for s in self._items)
        self._numbers = _Column.of(s.case_number.casefold() for s in self._items)
        for column in self._columns():  # joined now, at unlock, rather than on the first keystroke
            column.prepare()

    def name_forms(self) -> list[tuple[str, str]]:
        return list(zip(self._names.parts, self._initials.parts))

    def _columns(self) -> tuple[_Column, ...]:
        return (self._names, self._initials, self._digits, self._numbers)

    def add(self, summary: CaseSummary) -> None:
        name, initials = name_forms(summary.name)
        self._items.append(summary)
        self._names.append(name)
        self._initials.append(initials)
        self._digits.append(summary.mobile)
        self._numbers.append(summary.case_number.casefold())

    def remove(self, case_id: str) -> None:
        for i, item in enumerate(self._items):
            if item.case_id == case_id:
                del self._items[i]
                for column in self._columns():
                    column.delete(i)
                return

    def __len__(self) -> int:
        return len(self._items)

    @property
    def items(self) -> Sequence[CaseSummary]:
        return self._items

    def search(self, query: str) -> list[int]:
        """Positions (into `items`) of the cases matching `query`, in index order."""
        query = nfc(query).casefold().replace(" ", "").replace(_SEP, "")
        if not query:
            return list(range(len(self._items)))
        found: list[list[int]] = []
        if all(ch in CHOSEONG for ch in query):
            found.append(self._initials.containing(query))
        elif any(ch in CHOSEONG for ch in query):
            # Mixed, e.g. "김ㅁ": a full syllable must match itself, a lone consonant any
            # syllable starting with it.
            pattern = re.compile("".join(_jamo_class(ch) if ch in CHOSEONG else re.escape(ch) for ch in query))
            found.append(self._names.matching(pattern))
        else:
            found.append(self._names.containing(query))
        digits = digits_only(query)
        if len(digits) >= 3 and len(digits) >= len(query) - 2:
            found.append(self._digits.containing(digits))
        if any(ch.isdigit() for ch in query):
            found.append(self._numbers.containing(query))
        found = sorted((rows for rows in found if rows), key=len)
        if not found:
            return []
        if len(found) == 1 or len(found[-1]) == len(self._items):  # one column, or every case
            return found[-1]
        return sorted(set().union(*found))


def sort_by_name(summaries: list[CaseSummary]) -> list[CaseSummary]:
    """가나다 order (see korean.collation_key), then case number for equal names."""
    return sorted(summaries, key=lambda s: (collation_key(s.name), s.case_number))

