"""Statistics for the district and the partnership: numbers, never names.

    report = session.stats.compute("2025-01", "2025-06")      # raw counts (stay in the program)
    published = report.suppressed()                            # what may leave it
    session.stats.export(report, Path("통계.pdf"))              # PDF or CSV, atomic, recorded

Who: supervisors and admins only (a counsellor gets DeniedError). The figures cover every case
of the centre; a counsellor reaches only their own cases, so their figures would be partial and
misleading, and deciding what leaves the centre is a supervisor's call. Producing a report
(PDF, CSV or the on-screen view) is recorded in the access log as `stats.report` with the
period and the format, never a name or a case.

What is counted (docs/statistics.md has the full definitions):
- a case's *intake date* is the `intake_date` answer of its first intake record, else the
  day the case was created (Korea time); "new intakes" are cases whose intake date falls in
  the period; their age, isolation type, duration, risk level and referral source come from
  that first intake;
- the stage distribution is the caseload on the last day of the period: every case with an
  intake on or before that day, except cases already closed before the period began, each at
  the stage it had that day (from the case's stage history);
- referrals sent in the period, per partner, by their current status, with the median days
  from sending to the partner's reply; closures in the period by reason (the free-text reason
  is sorted into fixed categories by keywords and never copied); crisis alerts raised in the
  period and whether the counsellor confirmed the action taken.
- Demo cases are counted only when the vault holds no real case (the report then says so).

Small-cell suppression (the rule printed on every report, `RULE_KO`):
- a count of 1–4 is shown as "<5" (primary suppression); 0 stays 0;
- totals are true totals, and the same population (e.g. the period's new intakes) has the same
  total in every table, so a hidden cell could be worked out by subtraction. Therefore every
  hidden 1–4 count is checked against everything published — the other cells, the table's
  totals, the totals of the other tables of the same population, the "<5" and "*" marks — and,
  while any hidden count could be narrowed below "somewhere from 1 to 4", one more cell is
  hidden (complementary suppression, shown as "*"; such a cell holds 5 or more). The check is
  exact: interval arithmetic for one-way tables sharing a total, a feasible-flow test for the
  two-way referral table (rows, columns and the grand total at once). The cell chosen is the
  smallest one that protects the hidden count on its own, preferring cells in the same row,
  column or table; if none does, the one that widens the possible range most.
- a median is shown only when it rests on 5 or more replies.

Speed: one pass over the vault, reading only the few keys each figure needs out of each
decrypted document (see `reading._pick`), so 100k cases take a few seconds (benchmarks/stats_bench.py).

The package, one job per module: `service` (StatsService, what `session.stats` is), `reading`
(the vault, through the session's Sealer like every other service), `counting` (pure),
`suppression` (which cells are hidden), `published` (what may leave: PDF, CSV), `report` (the
raw model), `period` and `labels`. Import from the package, not the modules.
"""

from __future__ import annotations

from intake_desktop.services.stats.counting import tally
from intake_desktop.services.stats.labels import (
    COUNT_COLUMN, DEMO_NOTE, EMPTY_NOTE, FORMATS, ITEMS, NOT_SHOWN, PEOPLE, PRIMARY, RULE, RULE_KO, SECONDARY,
    Label,
)
from intake_desktop.services.stats.period import Period, parse_month
from intake_desktop.services.stats.published import PublishedFigure, Shown, SuppressedReport, suppress
from intake_desktop.services.stats.reading import classify_closure
from intake_desktop.services.stats.report import (
    POPULATION_CASELOAD, POPULATION_CLOSURES, POPULATION_CRISIS, POPULATION_NEW, POPULATION_REFERRALS, POPULATIONS,
    Figure, StatsReport,
)
from intake_desktop.services.stats.service import StatsService, format_of

__all__ = [
    "COUNT_COLUMN", "DEMO_NOTE", "EMPTY_NOTE", "FORMATS", "ITEMS", "NOT_SHOWN", "PEOPLE", "POPULATIONS",
    "POPULATION_CASELOAD", "POPULATION_CLOSURES", "POPULATION_CRISIS", "POPULATION_NEW", "POPULATION_REFERRALS",
    "PRIMARY", "RULE", "RULE_KO", "SECONDARY",
    "Figure", "Label", "Period", "PublishedFigure", "Shown", "StatsReport", "StatsService", "SuppressedReport",
    "classify_closure", "format_of", "parse_month", "suppress", "tally",
]
