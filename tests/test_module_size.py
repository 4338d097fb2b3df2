"""Small modules with one job: a module over ~500 lines says at its top why it is longer."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "intake_desktop"
LIMIT = 500
REASON = "Why this module is"


def test_a_long_module_says_why():
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # generated once, then never changed
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > LIMIT and REASON not in (ast.get_docstring(ast.parse(text)) or ""):
            unexplained.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
    assert unexplained == []
