"""JSON Lines import: one person + intake per line, keyed by the intake form's field ids.

All or nothing. A first pass reads the file line by line and only keeps the problems; a second
pass reads it again and streams the encrypted rows into one transaction. So 100k lines never
sit in memory as plaintext, and any bad line means nothing is stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from intake_desktop.domain.cases import PERSON_FIELDS
from intake_desktop.formdefs import FormDefinition
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.forms import check_answers, intake_form
from intake_desktop.services.people import FieldProblem, clean_person

MSG_NOT_JSON = QT_TRANSLATE_NOOP("Errors", "not a JSON object: {reason}")
MSG_NOT_OBJECT = QT_TRANSLATE_NOOP("Errors", "a line must hold one JSON object")
MSG_NOT_UTF8 = QT_TRANSLATE_NOOP("Errors", "not UTF-8 text")
MSG_EMPTY_FILE = QT_TRANSLATE_NOOP("Errors", "The file {path} holds no records.")


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
    imported: int = 0
    problems: list[ImportProblem] = field(default_factory=list)


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


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            yield number, raw


class Importer:
    def __init__(self, session, validator: IntakeValidator | None = None) -> None:
        self._session = session
        self._validator = validator or IntakeValidator()

    def _parse(self, number: int, raw: bytes) -> tuple[NewCase | None, list[ImportProblem]]:
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            return None, [ImportProblem(number, "", MSG_NOT_UTF8)]
        if not text.strip():
            return None, []
        try:
            record = json.loads(text)
        except ValueError as exc:
            return None, [ImportProblem(number, "", MSG_NOT_JSON, {"reason": str(exc)})]
        if not isinstance(record, dict):
            return None, [ImportProblem(number, "", MSG_NOT_OBJECT)]
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

    def check(self, path: Path) -> ImportReport:
        report = ImportReport()
        try:
            for number, raw in _lines(path):
                report.lines = number
                new_case, problems = self._parse(number, raw)
                report.problems.extend(problems)
                if new_case is not None:
                    report.imported += 1
        except OSError as exc:
            raise E.ServiceError(E.MSG_IO, path=str(path), reason=exc.strerror or str(exc)) from exc
        return report

    def run(self, path: Path, *, dry_run: bool = False,
            progress: Callable[[int, int], None] | None = None) -> ImportReport:
        report = self.check(path)
        if report.problems:
            raise ImportRejected(report)
        if report.imported == 0:
            raise E.UsageError(MSG_EMPTY_FILE, path=str(path))
        if dry_run:
            return report

        def cases() -> Iterator[NewCase]:
            for number, raw in _lines(path):
                new_case, problems = self._parse(number, raw)
                if problems:  # the file changed between the passes
                    raise ImportRejected(ImportReport(number, 0, problems))
                if new_case is not None:
                    yield new_case

        created = self._session.cases.create_many(
            cases(), total=report.imported, progress=progress, audit_action="import"
        )
        report.imported = len(created)
        return report


class ImportRejected(E.UsageError):
    exit_code = E.EXIT_FAILURE

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(E.MSG_IMPORT_INVALID, count=len({p.line for p in report.problems}))
