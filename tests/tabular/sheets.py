"""Making spreadsheets for the import tests: .xlsx with openpyxl, .csv in a chosen encoding."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl


def write_xlsx(path: Path, rows: list[list[object]], *, title_rows: list[list[object]] = ()) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "명단"
    for row in list(title_rows) + rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


HEADER = ["성명", "생년월일", "성별", "휴대전화", "주소", "우편번호", "담당자", "접수일"]
