"""What counts as an answer, for every layer that asks (forms, letters, the intake screen)."""

from __future__ import annotations

from typing import Any


def is_answered(value: Any) -> bool:
    """None, blank text and containers of nothing but those are unanswered. An address object
    {"postal_code": "", "road_address": ""} is unanswered too: it holds no answer, only keys."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(is_answered(v) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(is_answered(v) for v in value)
    return True
