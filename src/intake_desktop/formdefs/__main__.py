"""Check form files before importing them: python -m intake_desktop.formdefs FILE...

Each file is loaded and, if it is an intake form, bound to the shipped instruments (and to
any instrument files given on the same command line). Every problem is printed as
file:line: [field] message. Exit status 0 when all files are fine, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys

from intake_desktop.formdefs.errors import FormDefinitionError
from intake_desktop.formdefs.loader import load_form_file
from intake_desktop.formdefs.model import FormKind
from intake_desktop.formdefs.registry import FormRegistry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m intake_desktop.formdefs", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="form definition YAML files")
    args = parser.parse_args(argv)
    registry = FormRegistry.from_directory()
    loaded, failed = [], False
    for path in args.files:
        try:
            loaded.append(load_form_file(path))
        except FormDefinitionError as exc:
            failed = True
            for problem in exc.problems:
                print(problem)
    # instruments first, so an intake form on the same command line can embed them
    for form in sorted(loaded, key=lambda f: f.kind is FormKind.INTAKE):
        try:
            added = registry.add(form)
            print(f"{form.source_name}: ok — {added.id} v{added.version} ({added.kind.value}) {added.definition_hash}")
        except FormDefinitionError as exc:
            failed = True
            for problem in exc.problems:
                print(problem)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
