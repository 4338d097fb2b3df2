"""Importing a centre's Excel or CSV sheet: rows → the importer's record form → the importer.

    plan = SheetImport.open(Path("사례명단.xlsx"), overrides)   # read, map (refuses RRN columns)
    plan.mapping.unknown                                       # columns left out, to show
    report = plan.run(session, dry_run=True)                   # the preview: every problem
    report = plan.run(session, progress=...)                   # all or nothing

Reading and mapping need no vault: a file with an RRN column is refused before anyone unlocks.

Each row becomes one record keyed by field ids (values.py undoes what Excel did to the cells),
is checked by the importer's own `check_record` (the same rules as a JSON Lines line), then
against the people already in the vault and the rows above it (domain/duplicates: same name and
birth date, or the same mobile number). Any problem in any row — a bad value, a duplicate, a
cell that looks like a resident registration number — means nothing is imported
(services/importer: one transaction, rolled back). With `skip_duplicates` the rows that match a
person already there are left out instead, and named in the report.

A problem names the spreadsheet's row and column: `row 7, column C (생년월일): …`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from intake_desktop.domain.duplicates import DuplicateIndex
from intake_desktop.domain.enums import Role
from intake_desktop.domain.korean import nfc
from intake_desktop.domain.rrn import find_rrns
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services.cases import NewCase
from intake_desktop.services.forms import intake_form
from intake_desktop.services import errors as E
from intake_desktop.services.importer import MSG_EMPTY_FILE, ImportProblem, ImportRejected, ImportReport, Importer
from intake_desktop.services.tabular import values as V
from intake_desktop.services.tabular.mapping import COUNSELLOR, Mapping, Targets, build_mapping, header_key
from intake_desktop.services.tabular.sources import Sheet, column_letter, read_sheet

MSG_RRN_VALUE = QT_TRANSLATE_NOOP(
    "Errors", "looks like a resident registration number (주민등록번호); the centre records the birth date only. "
    "Delete these numbers from the file")
MSG_DUPLICATE_CASE = QT_TRANSLATE_NOOP(
    "Errors", "probably the same person as case {case} already in the vault (same name and birth date, or the "
    "same mobile number)")
MSG_DUPLICATE_ROW = QT_TRANSLATE_NOOP(
    "Errors", "probably the same person as row {row} above (same name and birth date, or the same mobile number)")
MSG_UNKNOWN_COUNSELLOR = QT_TRANSLATE_NOOP("Errors", "{value}: no active account has this name or user name")
MSG_NOT_YOURS = QT_TRANSLATE_NOOP(
    "Errors", "{value}: only a supervisor can import cases for another counsellor")
MSG_ROWS_INVALID = QT_TRANSLATE_NOOP("Errors", "{count} row(s) have problems; nothing was imported.")
MSG_RRN_WHERE = "@"  # a problem's field "@C": column C itself (a column no field is read from)


@dataclass
class SheetReport:
    """The importer's report, and what the sheet adds to it."""

    report: ImportReport
    skipped: list[int] = field(default_factory=list)  # rows left out as duplicates (skip_duplicates)
    rrn_rows: int = 0


def where(problem: ImportProblem, mapping: Mapping) -> str:
    """The column a problem is about, as the spreadsheet shows it ("C (생년월일)"), or ""."""
    if problem.field.startswith(MSG_RRN_WHERE):
        letter = problem.field[1:]
        column = next((c for c in mapping.columns if c.letter == letter), None)
        return column.label if column else letter
    target = problem.field.split("[")[0]
    column = mapping.column_for(target)
    if column is None and target == "address":
        column = mapping.column_for("address.road_address")
    return column.label if column else problem.field


class SheetImport:
    def __init__(self, sheet: Sheet, targets: Targets, mapping: Mapping, name: str) -> None:
        self.sheet = sheet
        self.targets = targets
        self.mapping = mapping
        self.name = name

    @classmethod
    def open(cls, path: Path, overrides: dict[str, str | None] | None = None) -> SheetImport:
        sheet = read_sheet(path)
        targets = Targets(intake_form())
        return cls(sheet, targets, build_mapping(sheet, targets, overrides, source=str(path)), str(path))

    def remap(self, overrides: dict[str, str | None]) -> None:
        """A mapping chosen on screen (keys: column letters)."""
        self.mapping = build_mapping(self.sheet, self.targets, overrides, source=self.name)

    @property
    def rows(self) -> list[tuple[int, list[object]]]:
        return [(n, cells) for n, cells in self.sheet.rows if n > self.mapping.header_row]

    def row_count(self) -> int:
        return len(self.rows)

    # -- one row -------------------------------------------------------------------------------
    @staticmethod
    def _accounts(session) -> dict[str, str]:
        accounts: dict[str, str] = {}
        for account in session.accounts.list():
            if account.active:
                accounts.setdefault(header_key(account.display_name), account.id)
                accounts[header_key(account.username)] = account.id
        return accounts

    def _row(self, session, number: int, cells: list[object], accounts: dict[str, str]
             ) -> tuple[dict, list[ImportProblem], str | None]:
        record: dict = {}
        problems: list[ImportProblem] = []
        counsellor_id = None
        for j, cell in enumerate(cells):  # every cell, read or not: no RRN comes in through any column
            if isinstance(cell, str) and _is_rrn(cell):
                problems.append(ImportProblem(number, MSG_RRN_WHERE + column_letter(self.sheet.first_column + j),
                                              MSG_RRN_VALUE))
        if problems:
            return record, problems, None
        for column in self.mapping.used:
            target = column.target or ""  # `used` holds mapped columns only
            cell = cells[column.index] if column.index < len(cells) else None
            value, problem = V.convert(cell, column.kind, column.options)
            if problem is not None:
                problems.append(ImportProblem(number, target, problem.message, problem.params))
            elif value is None:
                continue
            elif target == COUNSELLOR:
                counsellor_id = accounts.get(header_key(value))
                if counsellor_id is None:
                    problems.append(ImportProblem(number, COUNSELLOR, MSG_UNKNOWN_COUNSELLOR, {"value": value}))
                elif counsellor_id != session.account_id and not session.has_role(Role.SUPERVISOR):
                    problems.append(ImportProblem(number, COUNSELLOR, MSG_NOT_YOURS, {"value": value}))
            elif target.startswith("address."):
                record.setdefault("address", {})[target.split(".", 1)[1]] = value
            else:
                record[target] = value
        return record, problems, counsellor_id

    def _parsed(self, session, importer: Importer, result: SheetReport, skip_duplicates: bool
                ) -> Iterator[tuple[int, NewCase | None, list[ImportProblem]]]:
        accounts = self._accounts(session) if self.mapping.column_for(COUNSELLOR) else {}
        existing = DuplicateIndex(session.cases.index.items)
        earlier = DuplicateIndex()
        for number, cells in self.rows:
            record, problems, counsellor_id = self._row(session, number, cells, accounts)
            if any(p.field.startswith(MSG_RRN_WHERE) for p in problems):
                result.rrn_rows += 1
                yield number, None, problems
                continue
            new_case, checked = importer.check_record(number, record)
            mine = {p.field for p in problems}
            problems += [p for p in checked if p.field not in mine]  # a cell that could not be read
            if not problems and new_case is not None:
                matches = existing.find(new_case.person)
                if matches and skip_duplicates:
                    result.skipped.append(number)
                    yield number, None, []
                    continue
                if matches:
                    problems.append(ImportProblem(number, "name", MSG_DUPLICATE_CASE,
                                                  {"case": matches[0].case_number}))
                else:
                    earlier_rows = earlier.find(new_case.person)
                    if earlier_rows:
                        problems.append(ImportProblem(number, "name", MSG_DUPLICATE_ROW, {"row": earlier_rows[0]}))
                earlier.add(number, new_case.person)
            if problems:
                yield number, None, problems
                continue
            if counsellor_id is not None and new_case is not None:
                new_case.counsellor_id = counsellor_id
            yield number, new_case, []

    def run(self, session, *, dry_run: bool = False, skip_duplicates: bool = False,
            progress: Callable[[int, int], None] | None = None) -> SheetReport:
        """Check every row and, unless a dry run, import them all or none. Raises
        ImportRejected (its `report` lists the problems) when any row is bad."""
        result = SheetReport(ImportReport())
        importer = Importer(session)
        try:
            result.report = importer.run_records(self._parsed(session, importer, result, skip_duplicates),
                                                 name=self.name,
                                                 dry_run=dry_run, total=self.row_count(), progress=progress)
        except ImportRejected as rejected:
            rejected.sheet = result  # type: ignore[attr-defined]
            rejected.message = MSG_ROWS_INVALID  # a sheet has rows, not lines
            raise
        except E.UsageError as error:
            if error.message == MSG_EMPTY_FILE and result.skipped:
                return result  # everyone in the sheet is already in the vault: nothing new, no error
            raise
        return result


def _is_rrn(text: str) -> bool:
    """The cell holds a resident registration number: one with a right check digit anywhere, or
    the whole cell is one of an RRN's shape (a real birth date, century digit 1–8) without it
    (numbers issued since 2020 have no check digit)."""
    text = nfc(text).strip()
    if find_rrns(text):  # anywhere in the cell, with a right check digit ("주민번호 900101-…" in a note)
        return True
    if not 13 <= len(text) <= 16:
        return False
    found = find_rrns(text, strict=False)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(text)
