"""services/tabular/workbook.py: numbers, dates, marks, widths for Hangul, text never a formula."""

from __future__ import annotations

import io
from datetime import date

import openpyxl

from intake_desktop.services.tabular.workbook import Mark, Table, display_width, sheet_name, workbook_bytes


def read(tables):
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(tables)))


def test_cells_keep_their_types_and_marks():
    book = read([Table("표", ["구분", "값", "날짜"], [["가", 1234, date(2025, 5, 14)], ["나", Mark("<5"), None]])])
    sheet = book["표"]
    assert sheet["B2"].value == 1234 and sheet["B2"].number_format == "#,##0"
    assert sheet["C2"].value.date() == date(2025, 5, 14) and sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["B3"].value == "<5" and sheet["B3"].alignment.horizontal == "right"
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"


def test_text_that_looks_like_a_formula_stays_text():
    book = read([Table("표", ["이름"], [["=HYPERLINK(\"http://x\",\"클릭\")"], ["=1+2"]])])
    sheet = book["표"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
    assert sheet["A3"].data_type == "s" and sheet["A3"].value == "=1+2"


def test_widths_fit_hangul_and_sheet_names_are_valid_and_unique():
    assert display_width("동작이수사회복지관") == 18 and display_width("abc") == 3
    book = read([Table("연계 기관별 의뢰 결과: 상태/기관 [전체] 아주 긴 제목입니다", ["기관"], [["동작이수사회복지관"]]),
                 Table("연계 기관별 의뢰 결과: 상태/기관 [전체] 아주 긴 제목입니다", ["기관"], [])])
    first, second = book.sheetnames
    assert len(first) <= 31 and not set(first) & set("[]:*?/\\") and first != second
    assert book[first].column_dimensions["A"].width >= 18
    taken: set[str] = set()
    assert sheet_name("요약", taken) == "요약" and sheet_name("요약", taken) == "요약 (2)"
