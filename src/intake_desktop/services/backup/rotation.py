"""Which automatically named backups to keep (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable


@dataclass(frozen=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class RotationPlan:
    keep: tuple[str, ...]
    delete: tuple[str, ...]


def plan_rotation(backups: Iterable[tuple[str, datetime]], policy: RotationPolicy = RotationPolicy()) -> RotationPlan:
    """Which backups to keep: the newest of each of the last `daily` days that have a backup,
    of the last `weekly` ISO weeks and of the last `monthly` months; the newest backup always.

    Pure: works on (name, time) pairs only. Ties in time are broken by name."""
    items = sorted(set(backups), key=lambda item: (item[1], item[0]), reverse=True)
    keep: set[str] = set()
    if items:
        keep.add(items[0][0])
    buckets: tuple[tuple[int, Callable[[datetime], object]], ...] = (
        (policy.daily, lambda when: when.date()),
        (policy.weekly, lambda when: when.isocalendar()[:2]),
        (policy.monthly, lambda when: (when.year, when.month)),
    )
    for limit, bucket_of in buckets:
        seen: set[object] = set()
        for name, when in items:
            if len(seen) >= limit:
                break
            bucket = bucket_of(when)
            if bucket not in seen:
                seen.add(bucket)
                keep.add(name)
    names_in_order = [name for name, _ in items]
    return RotationPlan(
        keep=tuple(n for n in names_in_order if n in keep),
        delete=tuple(n for n in names_in_order if n not in keep),
    )


@dataclass(frozen=True)
class RotationResult:
    kept: tuple[str, ...]
    deleted: tuple[str, ...]
    stale_partials_removed: int


