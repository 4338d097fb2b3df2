"""The published view: what may leave the program (PDF, CSV)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from intake_desktop.services.stats.labels import (
    DEMO_NOTE_KO,
    EMPTY_NOTE_KO,
    MEDIAN_MIN,
    NOT_SHOWN,
    RULE_KO,
    TOTAL,
    Label,
)
from intake_desktop.services.stats.period import Period
from intake_desktop.services.stats.report import (
    POPULATIONS,
    SUMMARY_HANDLED,
    SUMMARY_LABELS,
    StatsReport,
)
from intake_desktop.services.stats.suppression import _Population, _Var

if TYPE_CHECKING:
    from intake_desktop.letters.stats_report import StatsDocument

# The published view

@dataclass(frozen=True)
class Shown:
    """A number as published: `value` is None when hidden; `mark` is "<5" or "*" then."""

    value: int | None
    mark: str = ""

    @property
    def text(self) -> str:
        return self.mark or str(self.value)

    @property
    def hidden(self) -> bool:
        return self.value is None


def _shown(var: _Var) -> Shown:
    return Shown(None, var.state) if var.state else Shown(var.value)


def _median_text(median: float | None, n: int) -> str:
    if median is None or n < MEDIAN_MIN:
        return NOT_SHOWN
    return f"{median:g}"


@dataclass(frozen=True)
class PublishedFigure:
    key: str
    population: str
    title: Label
    unit: Label
    note: Label
    chart: str
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    cells: tuple[tuple[Shown, ...], ...]
    row_totals: tuple[Shown, ...] | None
    column_totals: tuple[Shown, ...] | None
    total: Shown
    extra_label: Label | None = None
    extra: tuple[str, ...] = ()
    extra_total: str = ""

    @property
    def two_way(self) -> bool:
        return len(self.columns) > 1

    def cell(self, row_key: str, column_key: str | None = None) -> Shown:
        i = [r.key for r in self.rows].index(row_key)
        j = 0 if column_key is None else [c.key for c in self.columns].index(column_key)
        return self.cells[i][j]

    def texts(self) -> dict:
        """{row key: text} (one-way) or {row key: {column key: text}} — handy in tests."""
        if self.two_way:
            return {r.key: {c.key: row[j].text for j, c in enumerate(self.columns)}
                    for r, row in zip(self.rows, self.cells)}
        return {r.key: row[0].text for r, row in zip(self.rows, self.cells)}


@dataclass(frozen=True)
class SuppressedReport:
    """Everything that may leave the program: no raw small count, no name, no free text."""

    period: Period
    generated_on: date
    centre_name: str
    includes_demo: bool
    is_empty: bool
    summary: tuple[tuple[Label, Shown], ...]
    figures: tuple[PublishedFigure, ...]

    def figure(self, key: str) -> PublishedFigure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    # -- outputs -----------------------------------------------------------------------------------
    def document(self) -> StatsDocument:
        """The Korean document the PDF prints (letters.stats_report.StatsDocument)."""
        from intake_desktop.letters.stats_report import (
            DocFigure,
            DocValue,
            StatsDocument,
        )

        def value(shown: Shown) -> DocValue:  # 12,345 on paper; the CSV keeps plain digits
            return DocValue(shown.mark or f"{shown.value:,}", shown.value)

        figures = []
        for f in self.figures:
            figures.append(DocFigure(
                key=f.key, title=f.title.ko, unit=f.unit.ko, note=f.note.ko, chart=f.chart,
                row_labels=tuple(r.ko for r in f.rows), column_labels=tuple(c.ko for c in f.columns),
                cells=tuple(tuple(value(c) for c in row) for row in f.cells),
                row_totals=tuple(value(v) for v in f.row_totals) if f.row_totals is not None else None,
                column_totals=tuple(value(v) for v in f.column_totals) if f.column_totals is not None else None,
                total=value(f.total), extra_label=f.extra_label.ko if f.extra_label else "",
                extra=f.extra, extra_total=f.extra_total,
            ))
        return StatsDocument(
            centre_name=self.centre_name, period_label=self.period.label_ko(),
            period_dates=f"{_dot(self.period.start)} ~ {_dot(self.period.end)}", generated_on=self.generated_on,
            rule=RULE_KO, demo_note=DEMO_NOTE_KO if self.includes_demo else "",
            empty_note=EMPTY_NOTE_KO if self.is_empty else "",
            summary=tuple((label.ko, value(shown)) for label, shown in self.summary),
            figures=tuple(figures), definitions=DEFINITIONS_KO,
        )

    def csv_rows(self) -> list[list[str]]:
        """[section, category, value] rows, Korean, hidden values as "<5" or "*"."""
        rows = [["구분", "항목", "값"],
                ["보고서", "기관", self.centre_name],
                ["보고서", "기간", f"{self.period.start_month} ~ {self.period.end_month}"],
                ["보고서", "작성일", _dot(self.generated_on)],
                ["보고서", "비공개 규칙", RULE_KO]]
        if self.includes_demo:
            rows.append(["보고서", "자료", DEMO_NOTE_KO])
        if self.is_empty:
            rows.append(["보고서", "자료", EMPTY_NOTE_KO])
        for label, shown in self.summary:
            rows.append(["요약", label.ko, shown.text])
        for f in self.figures:
            section = f"{f.title.ko}({f.unit.ko})"
            if f.two_way:
                for r, row, row_total in zip(f.rows, f.cells, f.row_totals):
                    for c, cell in zip(f.columns, row):
                        rows.append([section, f"{r.ko} / {c.ko}", cell.text])
                    rows.append([section, f"{r.ko} / {TOTAL.ko}", row_total.text])
                for c, column_total in zip(f.columns, f.column_totals):
                    rows.append([section, f"{TOTAL.ko} / {c.ko}", column_total.text])
            else:
                for r, row in zip(f.rows, f.cells):
                    rows.append([section, r.ko, row[0].text])
            rows.append([section, TOTAL.ko, f.total.text])
            if f.extra_label is not None:
                extra_section = f"{f.title.ko} - {f.extra_label.ko}(일)"
                for r, text in zip(f.rows, f.extra):
                    rows.append([extra_section, r.ko, text])
                rows.append([extra_section, "전체", f.extra_total])
        return rows

    def xlsx_tables(self) -> list:
        """The report as workbook tables (services/tabular/workbook): a sheet 보고서 (centre,
        period, rule, definitions), 요약, then one sheet per table, Korean; a hidden count is the
        mark the CSV prints, a number is a number."""
        from intake_desktop.services.tabular.workbook import Mark, Table

        def number(shown: Shown) -> object:
            return Mark(shown.mark) if shown.hidden else shown.value

        def median(text: str) -> object:
            try:
                return float(text)
            except ValueError:
                return Mark(text)

        about = Table("보고서", ["항목", "내용"], [
            ["기관", self.centre_name], ["기간", f"{self.period.start_month} ~ {self.period.end_month}"],
            ["작성일", _dot(self.generated_on)], ["비공개 규칙", RULE_KO]])
        if self.includes_demo:
            about.rows.append(["자료", DEMO_NOTE_KO])
        if self.is_empty:
            about.rows.append(["자료", EMPTY_NOTE_KO])
        about.notes = DEFINITIONS_KO
        tables = [about, Table("요약", ["항목", "값"], [[label.ko, number(shown)] for label, shown in self.summary])]
        for f in self.figures:
            extra = [f"{f.extra_label.ko}(일)"] if f.extra_label is not None else []
            if f.two_way:
                headers = ["구분"] + [c.ko for c in f.columns] + [TOTAL.ko]
                rows = [[r.ko] + [number(c) for c in row] + [number(t)]
                        for r, row, t in zip(f.rows, f.cells, f.row_totals)]
                rows.append([TOTAL.ko] + [number(t) for t in f.column_totals] + [number(f.total)])
            else:
                headers = ["구분", f"{f.unit.ko}"] + extra
                rows = [[r.ko, number(row[0])] + ([median(f.extra[i])] if extra else [])
                        for i, (r, row) in enumerate(zip(f.rows, f.cells))]
                rows.append([TOTAL.ko, number(f.total)] + ([median(f.extra_total)] if extra else []))
            tables.append(Table(f.title.ko, headers, rows, notes=(f.note.ko, RULE_KO) if f.note.ko else (RULE_KO,)))
        return tables

    def xlsx_bytes(self) -> bytes:
        from intake_desktop.services.tabular.workbook import workbook_bytes

        return workbook_bytes(self.xlsx_tables())

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(self.csv_rows())
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")


DEFINITIONS_KO = (
    "기간: 시작 월 1일부터 끝 월 말일까지. 신규 접수는 첫 초기상담지의 접수일(없으면 사례 등록일) 기준입니다.",
    "연령대·고립·은둔 구분·기간·위험도·접수 경로: 기간 중 신규 접수 사례의 첫 초기상담 응답 기준입니다.",
    "은둔: 외출 정도가 '취미나 개인 용무가 있을 때만' 이하(임신·출산·장애가 주된 이유인 경우 제외). "
    "고립: 은둔이 아니면서 정서적 고립 또는 물리적 고립에 해당.",
    "사례관리 단계: 기간 마지막 날까지 접수된 사례 중 기간 시작 전에 종결된 사례를 뺀 사례의, 그날 기준 단계입니다.",
    "연계 의뢰: 기간 중 발송한 의뢰의 현재 상태이며, 회신 소요일은 발송일부터 협력기관 회신일까지의 일수입니다.",
    "종결 사유: 상담자가 적은 사유를 정해진 분류로만 집계하며, 사유 문장은 보고서에 옮기지 않습니다.",
    "위기 알림: 기간 중 발생한 알림 건수와, 그중 상담자가 취한 조치를 확인·기록한 건수입니다.",
    "이 보고서에는 이름, 연락처, 주소, 상담 내용 등 개인을 알아볼 수 있는 정보가 들어 있지 않습니다.",
)


def _dot(day: date) -> str:
    return f"{day.year}. {day.month}. {day.day}."


def suppress(report: StatsReport) -> SuppressedReport:
    """Apply the small-cell rule (module docstring) to every figure of the report."""
    published: dict[str, PublishedFigure] = {}
    totals: dict[str, Shown] = {}
    for population in dict.fromkeys(f.population for f in report.figures):
        figures = [f for f in report.figures if f.population == population]
        group = _Population(figures[0].total)
        built = []
        for f in figures:
            if f.two_way:
                built.append((f, group.add_two_way(f.counts, len(f.columns))))
            else:
                built.append((f, group.add_one_way([row[0] for row in f.counts])))
        group.suppress()
        totals[population] = _shown(group.total)
        for f, made in built:
            if f.two_way:
                cells, rows, columns = made
                shown_cells = tuple(tuple(_shown(v) for v in row) for row in cells)
                row_totals = tuple(_shown(v) for v in rows)
                column_totals = tuple(_shown(v) for v in columns)
            else:
                shown_cells = tuple((_shown(v),) for v in made)
                row_totals = column_totals = None
            published[f.key] = PublishedFigure(
                f.key, f.population, f.title, f.unit, f.note, f.chart, f.rows, f.columns, shown_cells, row_totals,
                column_totals, totals[population], f.extra_label,
                tuple(_median_text(m, n) for m, n in f.extra),
                _median_text(*f.extra_total) if f.extra_total else "",
            )
    summary = [(SUMMARY_LABELS[p], totals[p]) for p in POPULATIONS if p in totals]
    if "crisis" in published:
        summary.append((SUMMARY_HANDLED, published["crisis"].cell("confirmed")))
    return SuppressedReport(
        period=report.period, generated_on=report.generated_on, centre_name=report.centre_name,
        includes_demo=report.includes_demo, is_empty=report.is_empty, summary=tuple(summary),
        figures=tuple(published[f.key] for f in report.figures),
    )


