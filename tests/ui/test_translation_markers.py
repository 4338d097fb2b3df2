"""lupdate only sees self.tr(...), QCoreApplication.translate("Context", "...") and
QT_TRANSLATE_NOOP. A module-level helper such as `def _tr(text): return
QCoreApplication.translate("Ctx", text)` called with literals hides those literals from the
catalogue, so the Korean UI would show English. (The CLI's `tr` is the one exception:
tools/i18n.py files its strings under "Cli".)"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCES = Path(__file__).resolve().parents[2] / "src" / "intake_desktop"


def _translating_helpers(tree: ast.Module) -> set[str]:
    helpers = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
                        and call.func.attr == "translate":
                    helpers.add(node.name)
    return helpers


def test_no_literal_is_translated_through_a_private_helper():
    offenders = []
    for path in SOURCES.rglob("*.py"):
        if path.parent.name == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = _translating_helpers(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                offenders.append(f"{path.relative_to(SOURCES)}:{node.lineno} {node.func.id}({node.args[0].value!r})")
    assert offenders == []
