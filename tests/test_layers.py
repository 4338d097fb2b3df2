"""The layers below the UI never import Qt, and nothing below imports a layer above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "intake_desktop"
QT_FREE = ("domain", "crypto", "formdefs", "storage", "services", "letters", "i18n", "printing")
# What each layer may import from inside the package (besides itself).
ALLOWED = {
    "domain": {"i18n"},
    "crypto": set(),
    "formdefs": {"domain", "paths", "i18n"},
    "storage": {"domain"},
    "letters": {"domain", "paths", "i18n"},
    "services": {"domain", "crypto", "storage", "formdefs", "letters", "paths", "i18n", "fileio"},
    "printing": {"services", "i18n"},
}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_never_imports_qt(layer):
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(n for n in _imports(path) if n.split(".")[0] in ("PySide6", "shiboken6"))
        for path in _modules(layer)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_lower_layers(layer):
    bad = {}
    for path in _modules(layer):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "intake_desktop" or len(parts) < 2:
                continue
            target = parts[1]
            if target != layer and target not in ALLOWED[layer]:
                bad.setdefault(str(path.relative_to(PACKAGE)), []).append(name)
    assert bad == {}


def test_every_layer_exists():
    # Guards the two tests above against passing vacuously after a rename.
    for layer in QT_FREE:
        assert _modules(layer), layer
