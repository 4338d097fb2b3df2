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
    name = _name_key(str(person.get("name") or ""))
    birth = parse_date(person.get("birth_date"))
    mobile = digits_only(str(person.get("mobile") or ""))
    if not (name and birth) and len(mobile) < 9:
        return []
    found = []
    for case in items:
        same_person = bool(name and birth) and case.birth_date == birth and _name_key(case.name) == name
        same_phone = len(mobile) >= 9 and case.mobile == mobile
        if same_person or same_phone:
            found.append(case)
    return found
