"""The raw report: counts that stay inside the program."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from intake_desktop.services.stats.labels import Label
from intake_desktop.services.stats.period import Period

from intake_desktop.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_desktop.services.stats.published import SuppressedReport

# The raw report (counts stay inside the program)

@dataclass(frozen=True)
class Figure:
    """One table of counts. One-way tables have the single column COUNT_COLUMN; the referral
    table is two-way (partners x statuses) with row and column totals. `population` names the
    group of people or events the table splits up: tables of one population share one total."""

    key: str
    population: str
    title: Label
    unit: Label
    note: Label
    chart: str  # "vbar", "hbar" or "" (no chart)
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    counts: tuple[tuple[int, ...], ...] = field(repr=False)
    extra_label: Label | None = None
    extra: tuple[tuple[float | None, int], ...] = field(default=(), repr=False)  # (median, n) per row
    extra_total: tuple[float | None, int] | None = field(default=None, repr=False)

    @property
    def two_way(self) -> bool:
        return len(self.columns) > 1

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts)

    @property
    def row_totals(self) -> tuple[int, ...]:
        return tuple(sum(row) for row in self.counts)

    @property
    def column_totals(self) -> tuple[int, ...]:
        return tuple(sum(row[j] for row in self.counts) for j in range(len(self.columns)))

    def count(self, row_key: str, column_key: str | None = None) -> int:
        i = [r.key for r in self.rows].index(row_key)
        j = 0 if column_key is None else [c.key for c in self.columns].index(column_key)
        return self.counts[i][j]

    def as_dict(self) -> dict[str, Any]:
        """{row key: count} (one-way) or {row key: {column key: count}} (two-way)."""
        if self.two_way:
            return {r.key: {c.key: row[j] for j, c in enumerate(self.columns)}
                    for r, row in zip(self.rows, self.counts)}
        return {r.key: row[0] for r, row in zip(self.rows, self.counts)}


POPULATION_NEW = "new_intakes"
POPULATION_CASELOAD = "caseload"
POPULATION_REFERRALS = "referrals"
POPULATION_CLOSURES = "closures"
POPULATION_CRISIS = "crisis_alerts"
POPULATIONS = (POPULATION_NEW, POPULATION_CASELOAD, POPULATION_REFERRALS, POPULATION_CLOSURES, POPULATION_CRISIS)
SUMMARY_LABELS = {
    POPULATION_NEW: Label(POPULATION_NEW, QT_TRANSLATE_NOOP("Stats", "New intakes"), "신규 접수"),
    POPULATION_CASELOAD: Label(POPULATION_CASELOAD, QT_TRANSLATE_NOOP("Stats", "Cases at the end of the period"),
                               "기간 말 관리 사례"),
    POPULATION_REFERRALS: Label(POPULATION_REFERRALS, QT_TRANSLATE_NOOP("Stats", "Referrals sent"), "연계 의뢰"),
    POPULATION_CLOSURES: Label(POPULATION_CLOSURES, QT_TRANSLATE_NOOP("Stats", "Closures"), "종결"),
    POPULATION_CRISIS: Label(POPULATION_CRISIS, QT_TRANSLATE_NOOP("Stats", "Crisis alerts raised"), "위기 알림 발생"),
}
SUMMARY_HANDLED = Label("crisis_confirmed", QT_TRANSLATE_NOOP("Stats", "Crisis alerts with action confirmed"),
                        "위기 알림 조치 확인")


@dataclass(frozen=True)
class StatsReport:
    """Raw figures for one period. Never written out as such: `suppressed()` is what leaves."""

    period: Period
    generated_on: date
    centre_name: str
    includes_demo: bool
    figures: tuple[Figure, ...] = field(repr=False)

    @property
    def start_month(self) -> str:
        return self.period.start_month

    @property
    def end_month(self) -> str:
        return self.period.end_month

    def figure(self, key: str) -> Figure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    def population_total(self, population: str) -> int:
        return next(f.total for f in self.figures if f.population == population)

    @property
    def is_empty(self) -> bool:
        return all(f.total == 0 for f in self.figures)

    def suppressed(self) -> SuppressedReport:
        # Imported here: the published view is built from this model (published imports report).
        from intake_desktop.services.stats.published import suppress

        return suppress(self)


