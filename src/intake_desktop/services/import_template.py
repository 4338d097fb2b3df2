"""One valid import record, printed by `intake-desktop import --template`."""

from __future__ import annotations

from typing import Any


def template_record() -> dict[str, Any]:
    return {
        "name": "홍길동",
        "birth_date": "2001-04-15",
        "gender": "male",
        "mobile": "010-0000-0000",
        "address": {"postal_code": "06900", "road_address": "서울특별시 동작구 노량진로 000", "detail": ""},
        "emergency_contact_name": "",
        "emergency_contact_phone": "",
        "preferred_contact": "text_only",
    }
