"""Guard rails for the test suite itself."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_no_test_module_imports_another():
    """Shared helpers live in helper modules (conftest.py, screenshots.py, …), so each test file
    can be read, run and changed on its own."""
    offenders = []
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [a.name for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            if any(name.rpartition(".")[2].startswith("test_") for name in names):
                offenders.append(path.relative_to(TESTS).as_posix())
    assert offenders == []
