"""Problems found in a form definition, reported all at once.

An admin who imports a custom form should see every mistake in one go, each pointing at a
file and line, instead of fixing them one per round trip. So the loader collects problems
and raises one FormDefinitionError carrying the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FormProblem:
    file: str
    line: int | None  # 1-based; None when the problem has no single place (e.g. empty file)
    field_id: str | None
    code: str  # machine-readable, e.g. "duplicate_id", "unknown_field_type"
    message: str  # English, for admins and logs

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" [{self.field_id}]" if self.field_id else ""
        return f"{where}:{field} {self.message}"


class FormDefinitionError(Exception):
    """One or more problems in one or more form definitions."""

    def __init__(self, problems: list[FormProblem]):
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in form definition:\n{lines}")


class UnboundFormError(RuntimeError):
    """An intake form that embeds instruments was used without its instruments attached.

    Instrument items live in their own files; only a FormRegistry can pair the intake form
    with the exact instrument versions it pins.
    """
