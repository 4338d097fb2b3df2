"""What the case list shows about a case, and the person fields every layer agrees on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from intake_desktop.domain.enums import RiskLevel, Stage

# Field ids of the person part of the default intake form (forms/intake-youth.yaml). The import
# format, the person document and the letters all use these names: never rename one.
PERSON_FIELDS = (
    "name", "birth_date", "gender", "mobile", "address", "emergency_contact_name",
    "emergency_contact_phone", "preferred_contact",
)


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def parse_date(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
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
    search_keys: tuple = field(default=(), repr=False, compare=False)

    def age(self, today: date) -> int | None:
        return age_on(self.birth_date, today) if self.birth_date else None
