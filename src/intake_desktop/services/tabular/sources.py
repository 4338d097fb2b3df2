"""Reading a spreadsheet: an .xlsx workbook's first sheet, or a .csv file, as rows of cells.

.xlsx is read with python-calamine (a kept Rust reader: on this machine 10k rows × 10 columns
took 0.15 s against 1.3–2.3 s for openpyxl's read-only mode, benchmarks/xlsx_import_bench.py).
Cells come back typed: text, int/float, bool, date/datetime (cells Excel formatted as dates),
"" for empty. A workbook is a zip archive of XML from outside: before the reader sees it, the
archive's own table of contents must say that it unpacks to at most MAX_UNPACKED_BYTES (a
small file that unpacks to gigabytes is refused, not read).

.csv is decoded by what it is: a UTF-8 byte-order mark → UTF-8; otherwise strict UTF-8 if the
whole file decodes; otherwise CP949 (the Korean Windows code page, a superset of EUC-KR, which
Korean Excel writes by default). Comma-separated; a header line with tabs and no commas means
tab-separated. A file that is neither is refused.

Row numbers are the spreadsheet's own (1 = the first row), so a problem "row 7" is the row the
person sees when they open the file.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.importer import MAX_LINES, open_import_file

MAX_CSV_BYTES = 256 << 20  # a 200,000-row caseload is ~40 MB
MAX_UNPACKED_BYTES = 1 << 30
MAX_COLUMNS = 256
FORMATS = ("xlsx", "csv")

MSG_UNKNOWN_KIND = QT_TRANSLATE_NOOP(
    "Errors", "{path}: only .xlsx, .csv and .jsonl files can be imported (an old .xls file: save it as .xlsx first).")
MSG_NOT_XLSX = QT_TRANSLATE_NOOP("Errors", "{path} is not an Excel workbook (.xlsx) that can be read: {reason}")
MSG_TOO_BIG = QT_TRANSLATE_NOOP("Errors", "{path} is too large to import (at most {max} MB); split it into smaller files.")
MSG_NOT_TEXT_FILE = QT_TRANSLATE_NOOP(
    "Errors", "{path} is neither UTF-8 nor CP949 (Korean Windows) text; save it from Excel as \"CSV UTF-8\".")
MSG_NO_SHEET = QT_TRANSLATE_NOOP("Errors", "{path} holds no worksheet with data.")
MSG_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "Errors", "{path} has more than {max} rows; nothing was imported. Split it into smaller files.")
MSG_TOO_MANY_COLUMNS = QT_TRANSLATE_NOOP("Errors", "{path} has more than {max} columns; is this the right sheet?")


def kind_of(path: Path) -> str:
    """"xlsx", "csv" or "jsonl" by the file name's extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("xlsx", "xlsm"):
        return "xlsx"
    if suffix in ("csv", "txt"):
        return "csv"
    if suffix in ("jsonl", "json", "ndjson"):
        return "jsonl"
    raise E.UsageError(MSG_UNKNOWN_KIND, path=str(path))


@dataclass
class Sheet:
    """A sheet's cells: `rows` is [(row number, [cell, …])], the column of cell j being
    `first_column + j` (0 = A). Empty rows are left out."""

    name: str
    rows: list[tuple[int, list[object]]]
    first_column: int = 0
    encoding: str = ""  # CSV only: how the file was decoded


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_empty(cells: Sequence[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def read_sheet(path: Path) -> Sheet:
    """The first sheet of an .xlsx file, or a .csv file (module docstring)."""
    kind = kind_of(path)
    with open_import_file(Path(path)) as handle:
        if kind == "xlsx":
            return _read_xlsx(handle, str(path))
        return _read_csv(handle, str(path))


def _check_archive(handle: BinaryIO, path: str) -> None:
    try:
        with zipfile.ZipFile(handle) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise E.UsageError(MSG_NOT_XLSX, path=path, reason=str(exc)) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise E.UsageError(MSG_TOO_BIG, path=path, max=MAX_UNPACKED_BYTES >> 20)
    handle.seek(0)


def _read_xlsx(handle: BinaryIO, path: str) -> Sheet:
    from python_calamine import CalamineWorkbook  # here: the command line stays light

    _check_archive(handle, path)
    try:
        workbook = CalamineWorkbook.from_filelike(handle)
        try:
            if not workbook.sheet_names:
                raise E.UsageError(MSG_NO_SHEET, path=path)
            sheet = workbook.get_sheet_by_index(0)
            name = sheet.name
            first_row, first_column = sheet.start or (0, 0)
            if sheet.width > MAX_COLUMNS:
                raise E.UsageError(MSG_TOO_MANY_COLUMNS, path=path, max=MAX_COLUMNS)
            if sheet.height > MAX_LINES + 1:
                raise E.UsageError(MSG_TOO_MANY_ROWS, path=path, max=MAX_LINES)
            rows: list[tuple[int, list[object]]] = [
                (first_row + 1 + i, list(cells)) for i, cells in enumerate(sheet.iter_rows())]
        finally:
            workbook.close()
    except E.ServiceError:
        raise
    except Exception as exc:  # calamine raises its own errors for a damaged workbook
        raise E.UsageError(MSG_NOT_XLSX, path=path, reason=str(exc) or type(exc).__name__) from exc
    return Sheet(name, [(n, cells) for n, cells in rows if not _is_empty(cells)], first_column)


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding name) by the rule in the module docstring; None when neither."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp949"), "cp949"


def _read_csv(handle: BinaryIO, path: str) -> Sheet:
    data = handle.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise E.UsageError(MSG_TOO_BIG, path=path, max=MAX_CSV_BYTES >> 20)
    try:
        text, encoding = decode_csv(data)
    except UnicodeDecodeError as exc:
        raise E.UsageError(MSG_NOT_TEXT_FILE, path=path) from exc
    del data
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    rows: list[tuple[int, list[object]]] = []
    for number, cells in enumerate(_csv_rows(text, delimiter), start=1):
        if number > MAX_LINES + 1:
            raise E.UsageError(MSG_TOO_MANY_ROWS, path=path, max=MAX_LINES)
        if len(cells) > MAX_COLUMNS:
            raise E.UsageError(MSG_TOO_MANY_COLUMNS, path=path, max=MAX_COLUMNS)
        if not _is_empty(cells):
            rows.append((number, list(cells)))
    return Sheet(Path(path).stem, rows, 0, encoding)


def _csv_rows(text: str, delimiter: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:  # a NUL byte, a field over the size limit
        raise E.UsageError(MSG_NOT_TEXT_FILE, path=str(exc)) from exc
