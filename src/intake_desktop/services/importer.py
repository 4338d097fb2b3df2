"""JSON Lines import: one person + intake per line, keyed by the intake form's field ids.

All or nothing, in one pass. The file is opened once (a regular file only: a pipe or device
could block or be read only once) and read line by line; each line is parsed and validated once
and, while no line has failed, encrypted and written in batches inside one transaction. After
the first bad line nothing more is written, but the rest is still checked so that every bad
line is reported; then the transaction is rolled back. So 100k lines never sit in memory as
plaintext, and any bad line means nothing is stored.

Everything from the file is untrusted: a line is at most MAX_LINE_BYTES (longer lines are
skipped without being held), a file at most MAX_LINES, nesting and duplicate keys are refused
before a value is used (crypto/untrusted_json.py), and the problems kept in detail are capped
while every bad line is still counted and named by number.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from intake_desktop.crypto import untrusted_json
from intake_desktop.domain.cases import PERSON_FIELDS
from intake_desktop.formdefs import FormDefinition
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.forms import check_answers, intake_form
from intake_desktop.services.people import FieldProblem, clean_person

MAX_LINE_BYTES = 1 << 20  # the largest legitimate record (every text answer full) is ~100 KB
MAX_LINES = 200_000
MAX_DETAILED_LINES = 500  # bad lines whose problems are kept in full; the rest by number only
MAX_PROBLEMS_PER_LINE = 20
_SKIP_CHUNK = 1 << 16

MSG_NOT_JSON = QT_TRANSLATE_NOOP("Errors", "not a JSON object: {reason}")
MSG_NOT_OBJECT = QT_TRANSLATE_NOOP("Errors", "a line must hold one JSON object")
MSG_NOT_UTF8 = QT_TRANSLATE_NOOP("Errors", "not UTF-8 text")
MSG_TOO_DEEP = QT_TRANSLATE_NOOP("Errors", "nested more than {max} levels deep")
MSG_DUPLICATE_KEY = QT_TRANSLATE_NOOP("Errors", "{field}: given twice on one line.")
MSG_LINE_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "the line is too long (at most {max} bytes)")
MSG_MORE_PROBLEMS = QT_TRANSLATE_NOOP("Errors", "{count} more problem(s) on this line")
MSG_EMPTY_FILE = QT_TRANSLATE_NOOP("Errors", "The file {path} holds no records.")
MSG_NOT_REGULAR = QT_TRANSLATE_NOOP(
    "Errors", "{path} is not a regular file (a folder, pipe or device cannot be imported). "
    "Save the records to a file first.")
MSG_TOO_MANY_LINES = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} has more than {max} lines; nothing was imported. Split it into smaller files.")


@dataclass(frozen=True)
class ImportProblem:
    line: int
    field: str
    message: str  # English source (context "Errors"), params already known
    params: dict = field(default_factory=dict)

    def render(self, translate=lambda context, text: text) -> str:
        return translate("Errors", self.message).format(**self.params)


@dataclass
class ImportReport:
    lines: int = 0
    imported: int = 0  # valid records (written, unless a dry run or a bad line stopped it)
    problems: list[ImportProblem] = field(default_factory=list)  # of the first MAX_DETAILED_LINES bad lines
    bad_ranges: list[list[int]] = field(default_factory=list)  # every bad line, as [first, last] runs
    _bad_count: int = 0

    def add(self, line: int, problems: list[ImportProblem]) -> None:
        self._bad_count += 1
        if self.bad_ranges and self.bad_ranges[-1][1] == line - 1:
            self.bad_ranges[-1][1] = line
        else:
            self.bad_ranges.append([line, line])
        if self._bad_count <= MAX_DETAILED_LINES:
            kept = problems[:MAX_PROBLEMS_PER_LINE]
            if len(problems) > len(kept):
                kept.append(ImportProblem(line, "", MSG_MORE_PROBLEMS, {"count": len(problems) - len(kept)}))
            self.problems.extend(kept)

    def bad_line_count(self) -> int:
        return self._bad_count

    def bad_lines(self) -> list[int]:
        return [n for first, last in self.bad_ranges for n in range(first, last + 1)]

    def undetailed_ranges(self) -> list[tuple[int, int]]:
        """Runs of bad lines whose problems are not in `problems` (beyond the detail cap)."""
        detailed = {p.line for p in self.problems}
        runs: list[tuple[int, int]] = []
        for first, last in self.bad_ranges:
            start = first
            while start <= last and start in detailed:
                start += 1
            if start <= last:
                runs.append((start, last))
        return runs


class IntakeValidator:
    """Checks the answers of a line against the current default intake form."""

    def __init__(self, form: FormDefinition | None = None) -> None:
        self.form = form or intake_form()

    def check(self, record: dict) -> tuple[dict, list[FieldProblem]]:
        """Answers other than the person fields, and the problems of those answers (the person
        fields are checked by clean_person, which the person document needs anyway)."""
        answers, problems = check_answers(self.form, record, partial=True)
        answers = {k: v for k, v in answers.items() if k not in PERSON_FIELDS}
        return answers, [p for p in problems if p.field.split(".")[0].split("[")[0] not in PERSON_FIELDS]


def open_import_file(path: Path) -> BinaryIO:
    """Open `path` for one read, refusing anything but a regular file.

    The check is made on the opened descriptor (no race with a swapped path), and the open does
    not wait: O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError as exc:
        raise E.UsageError(MSG_NOT_REGULAR, path=str(path)) from exc
    except OSError as exc:
        raise E.ServiceError(E.MSG_IO, path=str(path), reason=exc.strerror or str(exc)) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise E.UsageError(MSG_NOT_REGULAR, path=str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        raw = io.FileIO(fd, "rb")
        raw.name = str(path)  # messages name the file, not the descriptor number
        return io.BufferedReader(raw)
    except BaseException:
        os.close(fd)
        raise


def _lines(handle: BinaryIO, path: str) -> Iterator[tuple[int, bytes | None]]:
    """(number, bytes) per line; None for a line longer than MAX_LINE_BYTES, which is read past
    in small pieces and never held whole. More than MAX_LINES lines refuse the file."""
    number = 0
    try:
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            if number > MAX_LINES:
                raise E.UsageError(MSG_TOO_MANY_LINES, path=path, max=MAX_LINES)
            if len(raw) <= MAX_LINE_BYTES:
                yield number, raw
                continue
            while not raw.endswith(b"\n"):
                raw = handle.readline(_SKIP_CHUNK)
                if not raw:
                    break
            yield number, None
    except OSError as exc:
        raise E.ServiceError(E.MSG_IO, path=path, reason=exc.strerror or str(exc)) from exc


def _json_problem(number: int, error: untrusted_json.UntrustedJsonError) -> ImportProblem:
    if error.code == "too_deep":
        return ImportProblem(number, "", MSG_TOO_DEEP, {"max": error.params["max"]})
    if error.code == "duplicate_key":
        key = str(error.params["key"])
        return ImportProblem(number, key, MSG_DUPLICATE_KEY, {"field": key})
    return ImportProblem(number, "", MSG_NOT_JSON, {"reason": str(error)})


class Importer:
    def __init__(self, session, validator: IntakeValidator | None = None) -> None:
        self._session = session
        self._validator = validator or IntakeValidator()

    def _parse(self, number: int, raw: bytes | None) -> tuple[NewCase | None, list[ImportProblem]]:
        if raw is None:
            return None, [ImportProblem(number, "", MSG_LINE_TOO_LONG, {"max": MAX_LINE_BYTES})]
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            return None, [ImportProblem(number, "", MSG_NOT_UTF8)]
        if not text.strip():
            return None, []
        try:
            record = untrusted_json.loads(text)
        except untrusted_json.UntrustedJsonError as exc:
            return None, [_json_problem(number, exc)]
        if not isinstance(record, dict):
            return None, [ImportProblem(number, "", MSG_NOT_OBJECT)]
        return self.check_record(number, record)

    def check_record(self, number: int, record: dict) -> tuple[NewCase | None, list[ImportProblem]]:
        """One record in the import form (keys: field ids) validated: the case, or its problems."""
        person, person_problems = clean_person({k: v for k, v in record.items() if k in PERSON_FIELDS})
        answers, answer_problems = self._validator.check(record)
        problems = [
            ImportProblem(number, p.field, p.message, p.params) for p in person_problems + answer_problems
        ]
        if problems:
            return None, problems
        form = self._validator.form
        intake = NewIntake(form.id, form.version, form.definition_hash, answers)
        return NewCase(person=person, case={}, intake=intake), []

    def _cases(self, parsed: Iterable[tuple[int, NewCase | None, list[ImportProblem]]], path: str,
               report: ImportReport) -> Iterator[NewCase]:
        """Valid records up to the first bad line; then only checks. Ends by raising when any
        line was bad (the caller's transaction rolls back) or when there was nothing to import."""
        for number, new_case, problems in parsed:
            report.lines = number
            if problems:
                report.add(number, problems)
            elif new_case is not None:
                report.imported += 1
                if not report.bad_ranges:
                    yield new_case
        if report.bad_ranges:
            raise ImportRejected(report)
        if report.imported == 0:
            raise E.UsageError(MSG_EMPTY_FILE, path=path)

    def run(self, source: Path | BinaryIO, *, dry_run: bool = False,
            progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """Import a file (a path, or a binary stream the caller opened with open_import_file).
        `progress(done, 0)` is called after each written batch (the total is not known)."""
        report = ImportReport()
        with contextlib.ExitStack() as stack:
            if isinstance(source, (str, os.PathLike)):
                path = str(source)
                handle = stack.enter_context(open_import_file(Path(source)))
            else:
                path, handle = str(getattr(source, "name", "")), source
            parsed = ((number, *self._parse(number, raw)) for number, raw in _lines(handle, path))
            return self._store(self._cases(parsed, path, report), report, dry_run=dry_run, progress=progress)

    def run_records(self, parsed: Iterable[tuple[int, NewCase | None, list[ImportProblem]]], *, name: str,
                    dry_run: bool = False, total: int | None = None,
                    progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """The same all-or-nothing import for records another source (services/tabular: Excel,
        CSV) has read and checked with `check_record`: (row number, case or None, problems)."""
        report = ImportReport()
        return self._store(self._cases(parsed, name, report), report, dry_run=dry_run, total=total,
                           progress=progress)

    def _store(self, cases: Iterator[NewCase], report: ImportReport, *, dry_run: bool, total: int | None = None,
               progress: Callable[[int, int], None] | None = None) -> ImportReport:
        if dry_run:
            for _ in cases:
                pass
            return report
        created = self._session.cases.create_many(cases, total=total, progress=progress, audit_action="import")
        report.imported = len(created)
        return report


class ImportRejected(E.UsageError):
    exit_code = E.EXIT_FAILURE

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(E.MSG_IMPORT_INVALID, count=report.bad_line_count())
