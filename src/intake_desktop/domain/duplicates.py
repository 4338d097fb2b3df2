"""Before a second case is opened for the same young person: look for them in the case index.

A match is the same name (NFC, spaces and case ignored) with the same birth date, or the same
mobile number. Only the in-memory index is searched (no decryption, no database): it holds
every case this account may see, so a counsellor is warned about their own and shared cases;
a supervisor about every case of the centre.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from intake_desktop.domain.cases import CaseSummary, parse_date
from intake_desktop.domain.korean import digits_only, nfc


def _name_key(name: str) -> str:
    return nfc(name).casefold().replace(" ", "")


def find_duplicates(items: Sequence[CaseSummary], person: Mapping[str, Any]) -> list[CaseSummary]:
    """Cases that probably belong to the person in `person` (a new-case form's data)."""
    person_key, mobile = _keys(person)
    if not person_key and not mobile:
        return []
    return [case for case in items
            if (person_key and (_name_key(case.name), case.birth_date) == person_key)
            or (mobile and case.mobile == mobile)]


def _keys(person: Mapping[str, Any]) -> tuple[tuple[str, object] | None, str | None]:
    """(name and birth date, mobile): what `find_duplicates` compares, or None where too little."""
    name = _name_key(str(person.get("name") or ""))
    birth = parse_date(person.get("birth_date"))
    mobile = digits_only(str(person.get("mobile") or ""))
    return ((name, birth) if name and birth else None), (mobile if len(mobile) >= 9 else None)


class DuplicateIndex:
    """The rule of `find_duplicates` for many people at once (an import of thousands of rows
    against thousands of cases): looked up by key instead of a scan per person. `add` makes
    a later person of the same batch match an earlier one."""

    def __init__(self, items: Sequence[CaseSummary] = ()) -> None:
        self._by_person: dict[tuple[str, object], list[object]] = {}
        self._by_mobile: dict[str, list[object]] = {}
        for case in items:
            self.add(case, {"name": case.name, "birth_date": case.birth_date, "mobile": case.mobile})

    def add(self, match: object, person: Mapping[str, Any]) -> None:
        person_key, mobile = _keys(person)
        if person_key:
            self._by_person.setdefault(person_key, []).append(match)
        if mobile:
            self._by_mobile.setdefault(mobile, []).append(match)

    def find(self, person: Mapping[str, Any]) -> list[Any]:
        person_key, mobile = _keys(person)
        found = list(self._by_person.get(person_key, ())) if person_key else []
        for match in self._by_mobile.get(mobile, ()) if mobile else ():
            if not any(match is f for f in found):
                found.append(match)
        return found
