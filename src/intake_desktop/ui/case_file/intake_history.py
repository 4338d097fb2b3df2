"""The intakes and re-assessments of a case as a table: date, form, one column per instrument
total (HQ-25, PHQ-9, GAD-7, …), newest first. Scores are computed from the stored answers with
the exact form version each intake was filled in (`formdefs.score_form`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from intake_desktop import formdefs
from intake_desktop.domain.cases import parse_date
from intake_desktop.domain.korean import format_date

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class IntakeRow:
    view: object  # services.intakes.IntakeView
    on: date | None
    form_title: str
    totals: dict[str, int | None]  # instrument id -> total (None: not scorable)
    ranges: dict[str, tuple[int, int]]  # instrument id -> (min, max) of its total


def intake_rows(views, language: str) -> tuple[list[IntakeRow], list[tuple[str, str]]]:
    """Rows (newest first) and the instrument columns (id, title) in first-seen order."""
    rows, instruments = [], {}
    for view in views:
        report = formdefs.score_form(view.form, view.answers)
        totals, ranges = {}, {}
        for score in report.instruments:
            if not score.administered:
                continue
            instruments.setdefault(score.instrument_id, getattr(score.title, language, score.instrument_id))
            totals[score.instrument_id] = score.total.score
            ranges[score.instrument_id] = (score.total.min, score.total.max)
        on = parse_date(view.answers.get("intake_date"))
        if on is None and isinstance(view.created_at, datetime):
            on = view.created_at.date()
        title = getattr(view.form.title, language, view.form.id)
        rows.append(IntakeRow(view, on, f"{title} v{view.form.version}", totals, ranges))
    rows.sort(key=lambda r: (r.on or date.min, str(r.view.created_at)), reverse=True)
    return rows, list(instruments.items())


class IntakeHistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IntakeRow] = []
        self._instruments: list[tuple[str, str]] = []
        self._headers = (self.tr("Date"), self.tr("Form"))

    def set_rows(self, rows: list[IntakeRow], instruments: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows, self._instruments = list(rows), list(instruments)
        self.endResetModel()

    def row(self, row: int) -> IntakeRow:
        return self._rows[row]

    @property
    def instruments(self) -> list[tuple[str, str]]:
        return self._instruments

    def series(self, instrument_id: str) -> list[int | None]:
        """The instrument's totals oldest first (for the sparkline)."""
        return [row.totals.get(instrument_id) for row in reversed(self._rows)]

    def score_range(self, instrument_id: str) -> tuple[int, int] | None:
        return next((row.ranges[instrument_id] for row in self._rows if instrument_id in row.ranges), None)

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers) + len(self._instruments)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(self._headers):
            return self._headers[section]
        if 0 <= section - len(self._headers) < len(self._instruments):
            return self._instruments[section - len(self._headers)][1]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == VIEW_ROLE:
            return row.view
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= len(self._headers):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return format_date(row.on) if row.on else ""
        if column == 1:
            return row.form_title
        instrument = column - len(self._headers)
        if 0 <= instrument < len(self._instruments):
            total = row.totals.get(self._instruments[instrument][0], "")
            return "—" if total is None else str(total)
        return None
