"""Check form files before importing them: python -m intake_desktop.formdefs FILE...

Each file is loaded and, if it is an intake form, bound to the shipped instruments (and to
any instrument files given on the same command line). Every problem is printed as
file:line: [field] message. Exit status 0 when all files are fine, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys

from intake_desktop.formdefs.errors import FormDefinitionError, FormProblem
from intake_desktop.formdefs.loader import load_form_file
from intake_desktop.formdefs.model import FormKind
from intake_desktop.formdefs.registry import FormRegistry


def check_files(files: list[str]) -> tuple[list[str], list[FormProblem]]:
    """Load and bind the files against the shipped forms. Returns (ok lines, problems)."""
    registry = FormRegistry.from_directory()
    loaded, ok, problems = [], [], []
    for path in files:
        try:
            loaded.append(load_form_file(path))
        except FormDefinitionError as exc:
            problems.extend(exc.problems)
    # instruments first, so an intake form on the same command line can embed them
    for form in sorted(loaded, key=lambda f: f.kind is FormKind.INTAKE):
        try:
            added = registry.add(form)
            ok.append(f"{form.source_name}: ok — {added.id} v{added.version} ({added.kind.value}) {added.definition_hash}")
        except FormDefinitionError as exc:
            problems.extend(exc.problems)
    return ok, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m intake_desktop.formdefs", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="form definition YAML files")
    args = parser.parse_args(argv)
    ok, problems = check_files(args.files)
    for line in ok:
        print(line)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
