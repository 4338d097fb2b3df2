"""What the case list shows about a case, and the person fields every layer agrees on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from intake_desktop.domain.enums import RiskLevel, Stage

# Field ids of the person part of the default intake form (forms/intake-youth.yaml). The import
# format, the person document and the letters all use these names: never rename one.
PERSON_FIELDS = (
    "name", "birth_date", "gender", "mobile", "address", "emergency_contact_name",
    "emergency_contact_phone", "preferred_contact",
)


def age_on(birth: date, today: date) -> int:
    """만 나이 (full years) on a given day."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def parse_date(value: object) -> date | None:
    """A stored date: a date, a datetime (its day), or ISO text — "2025-05-14", or a time
    stamp such as "2025-05-14T10:00:00" (its day). Anything else: None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


@dataclass
class CaseSummary:
    case_id: str
    case_number: str
    name: str
    birth_date: date | None
    stage: Stage
    risk_level: RiskLevel | None
    counsellor_id: str
    counsellor_name: str
    mobile: str = ""
    last_contact: date | None = None
    next_follow_up: date | None = None
    is_demo: bool = False
    crisis: bool = False
    created: date | None = None
    search_keys: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def age(self, today: date) -> int | None:
        return age_on(self.birth_date, today) if self.birth_date else None
