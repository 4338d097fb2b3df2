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


def _catalogue() -> set[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    root = ET.parse(SOURCES.parents[1] / "resources" / "i18n" / "intake_ko.ts").getroot()
    return {(context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context") for message in context.iter("message")}


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _marked_literals(tree: ast.Module):
    """(context, text, line) of every literal this module hands to self.tr (context: the class),
    QCoreApplication.translate or QT_TRANSLATE_NOOP, found by Python's own parser."""
    def visit(node: ast.AST, cls: str):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                yield from visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name == "tr" and isinstance(func, ast.Attribute) and child.args:
                    text = _literal(child.args[0])
                    if text is not None:
                        yield cls, text, child.lineno
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(child.args) >= 2:
                    context, text = _literal(child.args[0]), _literal(child.args[1])
                    if context is not None and text is not None:
                        yield context, text, child.lineno
            yield from visit(child, cls)
    yield from visit(tree, "")


def test_every_marked_literal_reaches_the_catalogue():
    """lupdate's Python parser silently drops some calls it cannot read (for one, a numerus
    count written as `len(x)` inside QCoreApplication.translate); such a string shows in
    English in the Korean UI. Python's parser finds every call, so it checks lupdate's work."""
    known = _catalogue()
    lost = []
    for path in sorted(SOURCES.rglob("*.py")):
        for context, text, line in _marked_literals(ast.parse(path.read_text(encoding="utf-8"))):
            if (context, text) not in known:
                lost.append(f"{path.relative_to(SOURCES)}:{line} {context}: {text!r}")
    assert lost == []
