"""Evaluating the condition language (see model.Condition)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from intake_desktop.domain.values import is_answered
from intake_desktop.formdefs.model import Condition

__all__ = ["Lookup", "evaluate", "field_refs", "is_answered", "same"]

if TYPE_CHECKING:  # pragma: no cover
    from intake_desktop.formdefs.scoring import ScoreReport

Lookup = Callable[[str], Any]  # field id -> value, or None when unanswered or hidden


def same(a: Any, b: Any) -> bool:
    # True == 1 in Python; a yes_no answer must not match a likert value of 1.
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return bool(a == b)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def evaluate(cond: Condition, lookup: Lookup, scores: ScoreReport | None = None) -> bool:
    if cond.any_of is not None:
        return any(evaluate(c, lookup, scores) for c in cond.any_of)
    if cond.all_of is not None:
        return all(evaluate(c, lookup, scores) for c in cond.all_of)
    if cond.not_ is not None:
        return not evaluate(cond.not_, lookup, scores)
    if cond.alert_kind is not None:
        if scores is None:
            raise ValueError("this condition needs the score report (alert_kind)")
        return any(alert.kind == cond.alert_kind for alert in scores.alerts)
    if cond.score is not None:
        if scores is None:
            raise ValueError("this condition needs the score report (score)")
        scale = scores.scale(cond.score)
        value = scale.score if scale is not None and scale.scorable else None
        return _compare(cond, value)
    assert cond.field is not None
    return _compare(cond, lookup(cond.field))


def _compare(cond: Condition, value: Any) -> bool:
    answered = is_answered(value)
    if cond.answered is not None:
        return answered == cond.answered
    if not answered:
        return False  # every comparison, not_equals included, is false for an unanswered field
    values = value if isinstance(value, list) else [value]
    if cond.equals is not None:
        return any(same(v, cond.equals) for v in values)
    if cond.not_equals is not None:
        return not any(same(v, cond.not_equals) for v in values)
    if cond.in_ is not None:
        return any(same(v, target) for v in values for target in cond.in_)
    number = _number(value)
    if number is None:
        return False
    if cond.gte is not None:
        return number >= cond.gte
    if cond.lte is not None:
        return number <= cond.lte
    return False  # unreachable: the model guarantees one operator


def field_refs(cond: Condition | None) -> set[str]:
    if cond is None:
        return set()
    refs = {cond.field} if cond.field else set()
    for sub in (cond.any_of or []) + (cond.all_of or []) + ([cond.not_] if cond.not_ else []):
        refs |= field_refs(sub)
    return refs
