"""`session.stats`: supervisors and admins only."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.files import write_file
from intake_desktop.services.stats.counting import tally
from intake_desktop.domain import dates
from intake_desktop.services.stats.labels import FORMATS, MSG_BAD_FORMAT
from intake_desktop.services.stats.period import Period
from intake_desktop.services.stats.reading import _read_vault
from intake_desktop.services.stats.report import StatsReport

if TYPE_CHECKING:
    from intake_desktop.services.session import Session

# The service

def format_of(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix.lstrip(".") not in FORMATS:
        raise E.UsageError(MSG_BAD_FORMAT, suffix=suffix or "''")
    return suffix.lstrip(".")


class StatsService:
    """`session.stats`: supervisors and admins only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def compute(self, start_month: str, end_month: str, *, today: date | None = None, include_demo: bool | None = None,
                progress: Callable[[int, int], None] | None = None) -> StatsReport:
        """Count everything for the months `start_month`..`end_month` ("YYYY-MM").

        `include_demo=None` counts demo cases only when the vault holds no real case.
        """
        self._session.require_role(Role.SUPERVISOR)
        period = Period.of(start_month, end_month)
        cases, referrals, with_demo = _read_vault(self._session, period, include_demo, progress)
        partners = [(p.id, p.label("ko"), p.label("en")) for p in self._session.partners.list(include_inactive=True)]
        figures = tally(cases, referrals, period, partners)
        del cases, referrals
        if self._session.is_locked:  # locked while counting: hand nothing out
            raise E.DeniedError(E.MSG_VAULT_LOCKED)
        return StatsReport(period=period, generated_on=today or dates.today(),
                           centre_name=self._session.centre.settings().name, includes_demo=with_demo,
                           figures=figures)

    # -- outputs (each recorded) ---------------------------------------------------------------
    def _record(self, report: StatsReport, fmt: str) -> None:
        self._session.audit.record("stats.report", details={
            "from": report.start_month, "to": report.end_month, "format": fmt, "demo": report.includes_demo})

    def render(self, report: StatsReport, fmt: str, *, record: bool = True) -> bytes:
        """The suppressed report as PDF, CSV or Excel (.xlsx) bytes."""
        self._session.require_role(Role.SUPERVISOR)
        if fmt not in FORMATS:
            raise E.UsageError(MSG_BAD_FORMAT, suffix=fmt)
        published = report.suppressed()
        if fmt == "csv":
            data = published.csv_bytes()
        elif fmt == "xlsx":
            data = published.xlsx_bytes()
        else:
            from intake_desktop.letters.stats_report import render_stats_pdf

            data = render_stats_pdf(published.document(), self._session.letters.fonts)
        if record:
            self._record(report, fmt)
        return data

    def export(self, report: StatsReport, path: Path) -> Path:
        """Write the report to `path` (format by extension), atomically; recorded."""
        fmt = format_of(path)
        data = self.render(report, fmt, record=False)
        write_file(Path(path), data)
        self._record(report, fmt)
        return Path(path)

    def record_view(self, report: StatsReport) -> None:
        """The statistics screen showed a report (recorded like a file)."""
        self._record(report, "screen")
