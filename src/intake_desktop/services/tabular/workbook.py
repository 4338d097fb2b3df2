"""Tables written as an Excel workbook (.xlsx) with openpyxl: one sheet per table.

Text is always text: a value that starts with "=" (a partner's or a counsellor's name typed that
way) is stored as a string, never as a formula Excel would run.

What a person opening it in Excel should see: Korean headers in bold on a frozen first row,
numbers as numbers (#,##0, so they add up and sort), dates as dates, a hidden small count as the
same mark the CSV and the PDF print ("<5", "*", right-aligned like the numbers beside it), and
columns wide enough for Korean text (a Hangul syllable is about two Latin letters wide).
The bytes are handed to services/files.write_file by the caller (atomic, owner-only).
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Sequence

NUMBER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
DATE_FORMAT = "yyyy-mm-dd"
MAX_WIDTH = 60
LINE_HEIGHT = 15  # points per line of 11-point text
NOTE_WIDTH = 90  # characters across which the notes under a table are wrapped
DEFAULT_WIDTH = 8.43  # Excel's width of a column nobody sized
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Mark:
    """A value that is not shown (a suppressed count: "<5" or "*"; a median on too few: "–")."""

    text: str


@dataclass
class Table:
    title: str  # the sheet's name (cut to Excel's 31 characters)
    headers: Sequence[str]
    rows: list[list[object]] = field(default_factory=list)  # str, int, float, date, Mark, None
    notes: Sequence[str] = ()  # lines under the table (a rule, a definition)


def display_width(text: str) -> int:
    """Columns the text takes in a spreadsheet: wide (Hangul, CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cell_text(value: object) -> str:
    if isinstance(value, Mark):
        return value.text
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return "" if value is None else str(value)


def _lines(text_width: int, column_width: float) -> int:
    return max(1, -(-text_width // max(1, int(column_width) - 1)))


def sheet_name(title: str, taken: set[str]) -> str:
    name = _BAD_SHEET_CHARS.sub(" ", title).strip()[:31] or "Sheet"
    base, n = name, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


def workbook_bytes(tables: Sequence[Table]) -> bytes:
    """The .xlsx file of `tables`, in memory (a report's tables are small)."""
    from openpyxl import Workbook  # here: importing the package must not load openpyxl
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    right = Alignment(horizontal="right")
    for table in tables:
        sheet = workbook.create_sheet(sheet_name(table.title, taken))
        sheet.append(list(table.headers))
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True  # printed: one page wide, as long as it takes
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        widths = [display_width(str(h)) for h in table.headers]
        for row in table.rows:
            sheet.append([v.text if isinstance(v, Mark) else v for v in row])
            for j, value in enumerate(row):
                cell = sheet.cell(row=sheet.max_row, column=j + 1)
                if isinstance(value, str) and cell.data_type == "f":
                    cell.data_type = "s"  # text that starts with "=" (a name, a partner) stays text, never a formula
                if isinstance(value, Mark):
                    cell.alignment = right
                elif isinstance(value, bool):
                    pass
                elif isinstance(value, int):
                    cell.number_format = NUMBER_FORMAT
                elif isinstance(value, float):
                    cell.number_format = DECIMAL_FORMAT
                elif isinstance(value, (date, datetime)):
                    cell.number_format = DATE_FORMAT
                if j < len(widths):
                    widths[j] = max(widths[j], display_width(_cell_text(value)))
                else:
                    widths.append(display_width(_cell_text(value)))
        from openpyxl.utils import get_column_letter

        widths = [min(MAX_WIDTH, w + 2) for w in widths]
        for j, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(j)].width = width
        for row in sheet.iter_rows(min_row=2):  # a text wider than its column wraps, its row grows
            lines = max((_lines(display_width(str(c.value)), widths[c.column - 1])
                         for c in row if isinstance(c.value, str) and c.column <= len(widths)), default=1)
            if lines > 1:
                for c in row:
                    c.alignment = Alignment(wrap_text=True, vertical="top", horizontal=c.alignment.horizontal)
                sheet.row_dimensions[row[0].row].height = LINE_HEIGHT * lines
        if table.notes:
            # Under the table, each note across the table's width, wrapped (a definition is long).
            # at least NOTE_WIDTH wide: a two-column table's notes would be a tall narrow strip
            span, total = len(widths), float(sum(widths))
            while total < NOTE_WIDTH:
                span, total = span + 1, total + DEFAULT_WIDTH
            sheet.append([])
            for note in table.notes:
                sheet.append([note])
                at = sheet.max_row
                sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=span)
                sheet.cell(row=at, column=1).alignment = Alignment(wrap_text=True, vertical="top")
                sheet.row_dimensions[at].height = LINE_HEIGHT * _lines(display_width(note), total)
    if not tables:
        workbook.create_sheet("Sheet")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
