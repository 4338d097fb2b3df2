"""StatsDocument -> PDF bytes: the statistics report for the district and the partnership.

A4, Korean, embedded fonts, charts drawn with reportlab.graphics. Gets only published numbers
(already suppressed by services/stats/: "<5", "*", 0 and counts of 5 or more) and fixed
labels; it never sees a case. Same document -> same bytes (the generation date is the PDF's
date, as for letters).

Layout: title block (centre, title, period, generation date), demo notice, the suppression
rule, a summary table, then one section per figure (heading, definition, chart beside or above
its table), definitions at the end. Every page: centre name and '- n -' at the foot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from intake_desktop.letters.fonts import LetterFonts, load_fonts
from intake_desktop.letters.formatting import format_date
from intake_desktop.letters.pdfkit import (
    FRAME_WIDTH, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH, build_pdf, rich, table,
)

REPORT_TITLE = "고립·은둔 청년 지원 현황 통계"
BAR_COLOUR = colors.HexColor("#3d6fa8")
GRID_COLOUR = colors.HexColor("#d5dbe3")
HEAD_FILL = colors.HexColor("#eef2f7")
RULE_FILL = colors.HexColor("#f6f6f2")
DEMO_COLOUR = colors.HexColor("#9c2f22")
MUTED = colors.HexColor("#555555")


@dataclass(frozen=True)
class DocValue:
    text: str  # "12", "0", "<5", "*"
    number: int | None  # None when hidden


@dataclass(frozen=True)
class DocFigure:
    key: str
    title: str
    unit: str
    note: str
    chart: str  # "vbar", "hbar" or ""
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[DocValue, ...], ...]
    row_totals: tuple[DocValue, ...] | None
    column_totals: tuple[DocValue, ...] | None
    total: DocValue
    extra_label: str = ""
    extra: tuple[str, ...] = ()
    extra_total: str = ""

    @property
    def two_way(self) -> bool:
        return len(self.column_labels) > 1


@dataclass(frozen=True)
class StatsDocument:
    centre_name: str
    period_label: str  # 2025년 1월 ~ 2025년 6월
    period_dates: str  # 2025. 1. 1. ~ 2025. 6. 30.
    generated_on: date
    rule: str
    demo_note: str
    empty_note: str
    summary: tuple[tuple[str, DocValue], ...]
    figures: tuple[DocFigure, ...]
    definitions: tuple[str, ...] = ()


class _Styles:
    def __init__(self, fonts: LetterFonts) -> None:
        r, b = fonts.regular, fonts.bold
        self.centre = ParagraphStyle("centre", fontName=b, fontSize=12, leading=16, alignment=TA_CENTER,
                                     textColor=MUTED)
        self.title = ParagraphStyle("title", fontName=b, fontSize=19, leading=25, alignment=TA_CENTER,
                                    spaceAfter=3 * mm)
        self.meta = ParagraphStyle("meta", fontName=r, fontSize=10, leading=15, alignment=TA_CENTER)
        self.heading = ParagraphStyle("heading", fontName=b, fontSize=12.5, leading=17, spaceBefore=5 * mm,
                                      spaceAfter=1 * mm)
        self.note = ParagraphStyle("note", fontName=r, fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=2 * mm)
        self.body = ParagraphStyle("body", fontName=r, fontSize=9.5, leading=14)
        self.rule = ParagraphStyle("rule", fontName=r, fontSize=9, leading=13.5)
        self.demo = ParagraphStyle("demo", fontName=b, fontSize=10.5, leading=15, textColor=DEMO_COLOUR,
                                   alignment=TA_CENTER)
        self.empty = ParagraphStyle("empty", fontName=b, fontSize=13, leading=19, alignment=TA_CENTER)
        self.cell = ParagraphStyle("cell", fontName=r, fontSize=9, leading=12)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=b)
        self.num = ParagraphStyle("num", parent=self.cell, alignment=TA_RIGHT)
        self.num_bold = ParagraphStyle("num_bold", parent=self.num, fontName=b)
        self.head = ParagraphStyle("head", parent=self.cell, fontName=b, alignment=TA_CENTER)
        self.definition = ParagraphStyle("definition", fontName=r, fontSize=8.5, leading=12.5, leftIndent=4 * mm,
                                         firstLineIndent=-4 * mm, spaceAfter=1)


def _p(text: str, style: ParagraphStyle, fonts: LetterFonts, *, bold: bool = False) -> Paragraph:
    return Paragraph(rich(text, fonts, bold=bold), style)


# -- charts ------------------------------------------------------------------------------------------
def _nice_scale(maximum: int) -> tuple[int, int]:
    """(axis maximum, step): about 15 % room above the longest bar for its label, and at most
    six steps of 1, 2 or 5 x 10^k."""
    if maximum <= 0:
        return 5, 1
    wanted = maximum * 1.15
    raw = wanted / 5
    magnitude = 1
    while magnitude * 10 <= raw:
        magnitude *= 10
    step = magnitude
    for factor in (1, 2, 5, 10):
        step = factor * magnitude
        if step >= raw:
            break
    return int(step * -(-wanted // step)), int(step)


def _chart_values(values: tuple[DocValue, ...]) -> tuple[list[int], list[str]]:
    return [v.number or 0 for v in values], [v.text for v in values]


def _drawing(width: float, height: float, fonts: LetterFonts) -> Drawing:
    """A Drawing whose default font is the Korean one (ReportLab's default, Helvetica, would add
    an unembedded font reference)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.regular
    drawing.initialFontSize = 8
    return drawing


def _thousands(value) -> str:
    return f"{int(value):,}"


def _style_axis_labels(labels, fonts: LetterFonts, size: float) -> None:
    labels.fontName = fonts.regular
    labels.fontSize = size
    labels.fillColor = colors.black


def horizontal_bars(labels: tuple[str, ...], values: tuple[DocValue, ...], fonts: LetterFonts,
                    width: float, label_width: float = 30 * mm) -> Drawing:
    """Categories top to bottom, a bar per visible count; hidden counts get no bar, only their mark."""
    numbers, texts = _chart_values(values)
    bar_room = 15.0
    height = bar_room * len(labels) + 26
    drawing = _drawing(width, height, fonts)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 22, height - 24
    # HorizontalBarChart draws the first category at the bottom: reverse to read top-down.
    chart.data = [list(reversed(numbers))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    top, step = _nice_scale(max(numbers, default=0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID_COLOUR
    chart.valueAxis.strokeColor = colors.grey
    chart.categoryAxis.strokeColor = colors.grey
    chart.categoryAxis.visibleTicks = False
    _style_axis_labels(chart.categoryAxis.labels, fonts, 8.5)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    _style_axis_labels(chart.valueAxis.labels, fonts, 7.5)
    chart.valueAxis.labelTextFormat = _thousands
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.barWidth = 9
    chart.groupSpacing = 5
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(reversed(texts))]
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def vertical_bars(labels: tuple[str, ...], values: tuple[DocValue, ...], fonts: LetterFonts, width: float,
                  height: float = 50 * mm) -> Drawing:
    """Months left to right; many months get slanted labels."""
    numbers, texts = _chart_values(values)
    slanted = len(labels) > 12
    bottom = 30 if slanted else 18
    drawing = _drawing(width, height, fonts)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, bottom
    chart.width, chart.height = width - 36, height - bottom - 10
    chart.data = [numbers]
    chart.categoryAxis.categoryNames = list(labels)
    top, step = _nice_scale(max(numbers, default=0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID_COLOUR
    chart.valueAxis.strokeColor = colors.grey
    chart.categoryAxis.strokeColor = colors.grey
    _style_axis_labels(chart.categoryAxis.labels, fonts, 7 if slanted else 8.5)
    if slanted:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx = 2
    _style_axis_labels(chart.valueAxis.labels, fonts, 7.5)
    chart.valueAxis.labelTextFormat = _thousands
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.groupSpacing = 4 if len(labels) > 24 else 8
    chart.barLabelFormat = "values"
    chart.barLabelArray = [texts]
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = 6.5 if len(labels) > 24 else 8
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    drawing.add(chart)
    return drawing


def _no_chart_note(fonts: LetterFonts, width: float, text: str) -> Drawing:
    drawing = _drawing(width, 14, fonts)
    drawing.add(String(0, 3, text, fontName=fonts.regular, fontSize=9, fillColor=MUTED))
    return drawing


# -- tables -------------------------------------------------------------------------------------------
def _share(value: DocValue, total: DocValue) -> str:
    if value.number is None or not total.number:
        return ""
    return f"{100 * value.number / total.number:.1f}"


def _grid(head_rows: int = 1, total_row: bool = True) -> list:
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa3ad")),
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), HEAD_FILL))
    return commands


def one_way_table(figure: DocFigure, fonts: LetterFonts, s: _Styles, width: float):
    unit = figure.unit
    rows = [[_p("구분", s.head, fonts), _p(f"수({unit})", s.head, fonts), _p("비율(%)", s.head, fonts)]]
    for label, (value,) in zip(figure.row_labels, figure.cells):
        rows.append([_p(label, s.cell, fonts), _p(value.text, s.num, fonts),
                     _p(_share(value, figure.total), s.num, fonts)])
    rows.append([_p("계", s.cell_bold, fonts), _p(figure.total.text, s.num_bold, fonts),
                 _p("100.0" if figure.total.number else "", s.num_bold, fonts)])
    widths = [width * 0.52, width * 0.24, width * 0.24]
    return table(rows, widths, fonts, _grid(), repeatRows=1)


def two_way_table(figure: DocFigure, fonts: LetterFonts, s: _Styles, width: float):
    extra = bool(figure.extra_label)
    head = [_p("기관", s.head, fonts)] + [_p(c, s.head, fonts) for c in figure.column_labels] + [_p("계", s.head, fonts)]
    if extra:
        head.append(_p(f"{figure.extra_label}(일)", s.head, fonts))
    rows = [head]
    for i, label in enumerate(figure.row_labels):
        row = [_p(label, s.cell, fonts)] + [_p(v.text, s.num, fonts) for v in figure.cells[i]]
        row.append(_p(figure.row_totals[i].text, s.num_bold, fonts))
        if extra:
            row.append(_p(figure.extra[i], s.num, fonts))
        rows.append(row)
    last = [_p("계", s.cell_bold, fonts)] + [_p(v.text, s.num_bold, fonts) for v in figure.column_totals]
    last.append(_p(figure.total.text, s.num_bold, fonts))
    if extra:
        last.append(_p(figure.extra_total, s.num_bold, fonts))
    rows.append(last)
    n = len(figure.column_labels)
    name_width = width * 0.25
    extra_width = width * 0.15 if extra else 0
    rest = (width - name_width - extra_width) / (n + 1)
    widths = [name_width] + [rest] * (n + 1) + ([extra_width] if extra else [])
    return table(rows, widths, fonts, _grid(), repeatRows=1)


def _figure_flowables(number: int, figure: DocFigure, fonts: LetterFonts, s: _Styles) -> list:
    heading = _p(f"{number}. {figure.title} (단위: {figure.unit})", s.heading, fonts, bold=True)
    note = _p(figure.note, s.note, fonts)
    if figure.two_way:
        return [KeepTogether([heading, note, two_way_table(figure, fonts, s, FRAME_WIDTH)])]
    values = tuple(row[0] for row in figure.cells)
    has_bars = any(v.number for v in values) or any(v.number is None for v in values)
    if figure.chart == "vbar":
        body = [vertical_bars(figure.row_labels, values, fonts, FRAME_WIDTH) if has_bars
                else _no_chart_note(fonts, FRAME_WIDTH, "해당 기간 자료 없음"),
                Spacer(1, 2 * mm), one_way_table(figure, fonts, s, FRAME_WIDTH * 0.62)]
        return [KeepTogether([heading, note, body[0], body[1]]), body[2]]
    table_width = FRAME_WIDTH * 0.42
    chart_width = FRAME_WIDTH - table_width - 4 * mm
    if figure.chart == "hbar" and has_bars:
        chart = horizontal_bars(figure.row_labels, values, fonts, chart_width)
    elif figure.chart == "hbar":
        chart = _no_chart_note(fonts, chart_width, "해당 기간 자료 없음")
    else:
        return [KeepTogether([heading, note, one_way_table(figure, fonts, s, table_width)])]
    side_by_side = table([[one_way_table(figure, fonts, s, table_width), chart]],
                         [table_width + 4 * mm, chart_width], fonts,
                         [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                          ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return [KeepTogether([heading, note, side_by_side])]


# -- the document ---------------------------------------------------------------------------------------
def _footer(document: StatsDocument, fonts: LetterFonts):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(fonts.regular, 8)
        canvas.setFillColor(MUTED)
        y = MARGIN_BOTTOM / 2
        canvas.drawString(MARGIN_LEFT, y, f"{document.centre_name} · {REPORT_TITLE}")
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, f"- {doc.page} -")
        canvas.restoreState()

    return draw


def build_story(document: StatsDocument, fonts: LetterFonts) -> list:
    s = _Styles(fonts)
    story: list = [
        _p(document.centre_name, s.centre, fonts, bold=True),
        _p(REPORT_TITLE, s.title, fonts, bold=True),
        _p(f"기간: {document.period_label} ({document.period_dates})", s.meta, fonts),
        _p(f"작성일: {format_date(document.generated_on)}", s.meta, fonts),
        Spacer(1, 4 * mm),
    ]
    if document.demo_note:
        story.append(table([[_p(document.demo_note, s.demo, fonts, bold=True)]], [FRAME_WIDTH], fonts,
                           [("BOX", (0, 0), (-1, -1), 1.2, DEMO_COLOUR), ("TOPPADDING", (0, 0), (-1, -1), 5),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        story.append(Spacer(1, 3 * mm))
    story.append(table([[_p(document.rule, s.rule, fonts)]], [FRAME_WIDTH], fonts,
                       [("BACKGROUND", (0, 0), (-1, -1), RULE_FILL), ("BOX", (0, 0), (-1, -1), 0.6, colors.grey),
                        ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    if document.empty_note:
        story += [Spacer(1, 8 * mm),
                  table([[_p(document.empty_note, s.empty, fonts, bold=True)]], [FRAME_WIDTH], fonts,
                        [("BOX", (0, 0), (-1, -1), 1, colors.black), ("TOPPADDING", (0, 0), (-1, -1), 10),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 12)])]
    # summary
    story.append(_p("요약", s.heading, fonts, bold=True))
    rows = [[_p("항목", s.head, fonts), _p("수", s.head, fonts)]]
    rows += [[_p(label, s.cell, fonts), _p(value.text, s.num, fonts)] for label, value in document.summary]
    story.append(table(rows, [FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.17], fonts, _grid(total_row=False)))
    if not document.empty_note:
        for number, figure in enumerate(document.figures, start=1):
            story += _figure_flowables(number, figure, fonts, s)
    if document.definitions:
        story.append(CondPageBreak(40 * mm))
        story.append(_p("정의", s.heading, fonts, bold=True))
        story += [_p(f"· {line}", s.definition, fonts) for line in document.definitions]
    return story


def render_stats_pdf(document: StatsDocument, fonts: LetterFonts | None = None) -> bytes:
    """The report as PDF bytes (A4, Korean, fonts embedded, deterministic)."""
    fonts = fonts or load_fonts()
    story = build_story(document, fonts)
    return build_pdf(story, fonts, day=document.generated_on, title=REPORT_TITLE, author=document.centre_name,
                     subject=f"{document.period_label}", on_page=_footer(document, fonts))
