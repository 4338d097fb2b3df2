"""The letters register (발송 대장) as a file: CSV (UTF-8 with a BOM, as Excel opens it) or .xlsx.

    entries = session.letters.register()                     # recorded as letter.register
    write_register(entries, Path("발송대장.xlsx"))            # format by extension, atomic, 0600

One row per letter, oldest first, Korean headers. The register holds no personal data beyond
what a counsellor sees on screen: the letter number, date, recipient institution, case number,
counsellor and the SHA-256 of the PDF sent (names of young people are not in it).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Sequence

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.files import write_file

FORMATS = ("csv", "xlsx")
HEADERS = ("문서번호", "발송일", "수신", "사례번호", "담당자", "SHA-256")
SHEET = "발송 대장"
MSG_BAD_FORMAT = QT_TRANSLATE_NOOP("Errors", "The letters register is saved as .csv or .xlsx, not {suffix}.")


def format_of(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix.lstrip(".") not in FORMATS:
        raise E.UsageError(MSG_BAD_FORMAT, suffix=suffix or "''")
    return suffix.lstrip(".")


def register_rows(entries: Sequence) -> list[list[object]]:
    return [[e.number, e.issue_date, e.recipient_name, e.case_number, e.counsellor_name, e.sha256] for e in entries]


def register_bytes(entries: Sequence, fmt: str) -> bytes:
    rows = register_rows(entries)
    if fmt == "xlsx":
        from intake_desktop.services.tabular.workbook import Table, workbook_bytes

        return workbook_bytes([Table(SHEET, HEADERS, rows)])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows([[v.isoformat() if hasattr(v, "isoformat") else _not_a_formula(v) for v in row] for row in rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _not_a_formula(value: object) -> object:
    """A text Excel would take for a formula (=, +, -, @ first) gets a leading apostrophe, which
    Excel shows as plain text: a name typed "=HYPERLINK(…)" must not run when the CSV is opened."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def write_register(entries: Sequence, path: Path, *, replace: bool = True, exists=None) -> Path:
    return write_file(Path(path), register_bytes(entries, format_of(path)), replace=replace, exists=exists)
