"""The layers below the UI never import Qt, nothing imports a layer above it, and each heavy
library stays inside the layer that owns it (docs/architecture.md, "Layers")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "intake_desktop"
QT_FREE = ("domain", "crypto", "formdefs", "storage", "services", "letters", "i18n", "fileio", "paths", "app", "cli",
           "printing", "platform_libs")
# What each layer may import from inside the package (besides itself). Top-level modules
# (fileio.py, paths.py, app.py) are layers of their own.
ALLOWED = {
    "domain": {"i18n"},
    "crypto": set(),
    "i18n": {"paths"},  # the Qt-free catalogue reader finds the shipped .qm
    "paths": set(),
    "fileio": set(),
    "platform_libs": set(),
    "formdefs": {"domain", "paths", "i18n"},
    "storage": {"domain"},
    "letters": {"domain", "paths", "i18n"},
    "services": {"domain", "crypto", "storage", "formdefs", "letters", "paths", "fileio", "i18n", "__version__"},
    "printing": {"services", "i18n"},
    "app": {"services", "paths", "domain"},
    "ui": {"services", "domain", "formdefs", "letters", "paths", "i18n", "app", "printing", "platform_libs",
           "__version__"},
    # cli may start the GUI (`intake-desktop` with no command imports ui/ lazily, in cmd_gui), but
    # its own modules never import Qt: the test below checks cli/ like every Qt-free layer.
    "cli": {"app", "services", "domain", "formdefs", "letters", "paths", "i18n", "ui", "printing", "fileio",
            "__version__"},
}
# Third-party libraries that belong to one layer: nobody else talks to them directly.
OWNERS = {
    "sqlalchemy": {"storage", "services"},
    "sqlmodel": {"storage", "services"},
    "alembic": {"storage"},
    "cryptography": {"crypto"},
    "reportlab": {"letters"},
    "PySide6": {"ui"},
    "shiboken6": {"ui"},
}
# Known exceptions, each with its reason; an entry that stops being needed fails the test below.
EXCEPTIONS: set[tuple[str, str]] = set()


def _imports(path: Path, package: tuple[str, ...] | None = None) -> set[str]:
    """Every module `path` imports, absolute, including `from intake_desktop import x` (as
    intake_desktop.x) and relative imports inside the package."""
    names = set()
    if package is None:
        package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if module == "intake_desktop" or (node.level and not node.module):
                names.update(f"{module}.{alias.name}" for alias in node.names)
            else:
                names.add(module)
    return names


def _layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _modules(layer: str) -> list[Path]:
    single = PACKAGE / f"{layer}.py"
    return [single] if single.exists() else sorted((PACKAGE / layer).rglob("*.py"))


def _all_modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts and p.name != "__main__.py"
            and p != PACKAGE / "__init__.py"]


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_never_imports_qt(layer):
    offenders = {
        _relative(path): sorted(n for n in _imports(path) if n.split(".")[0] in ("PySide6", "shiboken6"))
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
                bad.setdefault(_relative(path), []).append(name)
    assert bad == {}


def test_every_module_belongs_to_a_known_layer():
    assert {_layer_of(p) for p in _all_modules()} <= set(ALLOWED)


def test_libraries_stay_inside_their_layers():
    bad, used = {}, set()
    for path in _all_modules():
        for name in _imports(path):
            owners = OWNERS.get(name.split(".")[0])
            if owners is None or _layer_of(path) in owners:
                continue
            if (_relative(path), name) in EXCEPTIONS:
                used.add((_relative(path), name))
                continue
            bad.setdefault(_relative(path), []).append(name)
    assert bad == {}
    assert used == EXCEPTIONS, "an exception is no longer needed: remove it"


def test_the_checks_see_every_import_form(tmp_path):
    # Guards the tests above against passing vacuously: each import form is seen.
    sample = tmp_path / "probe.py"
    sample.write_text("from intake_desktop import ui\nimport intake_desktop.ui.app\nfrom . import faults\n"
                      "from ..ui import app as x\nimport sqlalchemy as sa\n", encoding="utf-8")
    tree_names = _imports(sample, ("intake_desktop", "services"))
    assert {"intake_desktop.ui", "intake_desktop.ui.app", "intake_desktop.services.faults", "sqlalchemy"} <= tree_names


def test_every_layer_exists():
    for layer in (*QT_FREE, *ALLOWED):
        assert _modules(layer), layer


def test_the_widget_kit_is_the_bottom_of_the_ui():
    """ui/kit is what every screen may use; it uses no screen (else a screen's change would
    ripple into every other one, as when the kit lived inside ui/letters)."""
    wrong = {}
    for path in sorted((PACKAGE / "ui" / "kit").rglob("*.py")):
        upward = {name for name in _imports(path) if name.startswith("intake_desktop.ui.")
                  and not name.startswith("intake_desktop.ui.kit")}
        if upward:
            wrong[_relative(path)] = sorted(upward)
    assert not wrong, wrong


def test_no_screen_borrows_widgets_from_another_screen_package():
    """Screens outside ui/letters use its public face (ConsentTab, ReferralsTab, LetterDialog,
    printing), not its inner modules: shared widgets live in ui/kit."""
    public = {"intake_desktop.ui.letters", "intake_desktop.ui.letters.printing"}
    borrowed = {}
    for path in _all_modules():
        if _layer_of(path) != "ui" or "letters" in path.relative_to(PACKAGE).parts:
            continue
        inner = {name for name in _imports(path) if name.startswith("intake_desktop.ui.letters")} - public
        if inner:
            borrowed[_relative(path)] = sorted(inner)
    assert not borrowed, borrowed
