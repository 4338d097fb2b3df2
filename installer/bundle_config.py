"""What goes into the frozen bundle, in one place.

Read by the PyInstaller spec (installer/intake-desktop.spec), the build scripts and
tests/test_packaging.py. Standard library only: it must import without PyInstaller or Qt.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "intake_desktop"
MIGRATIONS = PACKAGE / "storage" / "migrations"
HUB_MIGRATIONS = PACKAGE / "storage" / "hub_migrations"  # the centre server's schema (storage/hub.py)
MIGRATION_TREES = (MIGRATIONS, HUB_MIGRATIONS)

APP_NAME = "intake-desktop"
# The Windows build has two programs in one folder: the window (no console) and the command
# line (console). On Linux one program does both.
GUI_EXE = "intake-desktop"
CLI_EXE = "intake-desktop-cli"

# Qt modules the application imports (QtPdf/QtPdfWidgets: the letter preview). tests/
# test_packaging.py checks this against the imports in src/: a new Qt module must be added here.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtPdfWidgets")

# Qt's Python modules kept out even if something drags them in: the app has no network, QML,
# multimedia, 3D, charts, SVG widgets or web view. (A Qt *library* that a used module links to,
# such as libQt6Network for QtPdf, is still carried; only the Python module is left out.)
QT_MODULES_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects",
    "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtXml",
)

# Python packages that are in a developer's venv but never needed by the program. Pillow stays
# (ReportLab imports it) without the image formats nobody prints.
PYTHON_EXCLUDES = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "pluggy", "iniconfig",
    "IPython", "matplotlib", "numpy", "PyQt5", "PyQt6", "PySide2",
    "alembic.testing", "sqlalchemy.testing",
    "PIL._avif", "PIL.AvifImagePlugin", "PIL.ImageQt", "PIL.ImageTk", "PIL._imagingtk",
)

# Qt plugins left out (file name without "lib" and extension, per plugin folder; "*" = all).
# Kept: the desktop platforms (xcb, wayland, windows), offscreen/minimal, the input methods a
# Korean IME needs (ibus, compose), printing, ico/jpeg/gif/svg images, the desktop-portal theme.
QT_PLUGINS_DROPPED = {
    "platforms": ("qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl", "qdirect2d"),
    "platforminputcontexts": ("qtvirtualkeyboardplugin",),  # pulls in QML and Qt Quick
    "imageformats": ("qpdf", "qtiff", "qwebp", "qicns", "qtga", "qwbmp"),
    "egldeviceintegrations": ("*",),  # embedded full-screen devices
    "generic": ("*",),  # evdev and TUIO touch input for kiosks (TUIO pulls in QtNetwork)
    "platformthemes": ("qgtk3",),  # would carry a private GTK/GLib stack; the portal theme stays
}

# Qt's own translations: only the languages the program speaks.
QT_TRANSLATION_LANGUAGES = ("ko", "en")

# Not shipped from forms/ and resources/: translation sources and placeholders.
SHIPPED_SKIP_SUFFIXES = (".ts", ".pyc")
SHIPPED_SKIP_NAMES = (".keep", ".gitignore", "__pycache__")

# A Korean TrueType font for printed letters, taken from the build machine at build time
# (never committed). Debian/Ubuntu: package fonts-nanum.
LINUX_FONT_FILES = (
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    Path("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"),
)
LINUX_FONT_LICENCE = Path("/usr/share/doc/fonts-nanum/copyright")
FONT_LICENCE_NAME = "LICENSE-NanumGothic-OFL.txt"

ICON_SVG = ROOT / "resources" / "icons" / "intake-desktop.svg"
ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

# Size targets (bytes) for the one-folder bundle.
MAX_UNPACKED = 250 * 1000 * 1000
MAX_COMPRESSED = 100 * 1000 * 1000

# Third-party distributions whose licence files are copied into the bundle's licenses/ folder.
LICENCE_DISTRIBUTIONS = (
    "PySide6", "PySide6_Essentials", "shiboken6", "cryptography", "cffi", "pycparser",
    "SQLAlchemy", "sqlmodel", "alembic", "Mako", "MarkupSafe", "reportlab", "pillow",
    "charset-normalizer", "platformdirs", "pydantic", "pydantic_core", "annotated-types",
    "typing_extensions", "typing-inspection", "PyYAML", "filelock", "zxcvbn", "pyinstaller",
)
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)


def version() -> str:
    """`__version__` from src/intake_desktop/__init__.py, read without importing the package."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError("__version__ not found in src/intake_desktop/__init__.py")


def windows_file_version(text: str | None = None) -> str:
    """'0.1.0' -> '0.1.0.0' (Windows wants four numbers; a suffix such as 'rc1' is dropped)."""
    numbers = [int(n) for n in re.findall(r"\d+", (text or version()).split("+")[0])[:4]]
    return ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])


def _shipped_files(folder: Path) -> list[Path]:
    out = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if any(part in SHIPPED_SKIP_NAMES for part in path.relative_to(folder).parts):
            continue
        if path.suffix in SHIPPED_SKIP_SUFFIXES:
            continue
        out.append(path)
    return out


def data_files() -> list[tuple[Path, str]]:
    """(source file, destination folder inside the bundle) for everything read at run time:
    forms/, resources/ (with the compiled translations, not their .ts sources) and the Alembic
    scripts, which Alembic loads from files by path."""
    out: list[tuple[Path, str]] = []
    for name in ("forms", "resources"):
        top = ROOT / name
        for path in _shipped_files(top):
            out.append((path, str(Path(name) / path.parent.relative_to(top))))
    out += user_guide_files()
    for tree in MIGRATION_TREES:
        for path in _shipped_files(tree):
            dest = Path("intake_desktop") / "storage" / tree.name / path.parent.relative_to(tree)
            out.append((path, str(dest)))
    return out


def user_guide_files() -> list[tuple[Path, str]]:
    """docs/user-guide.ko.md and the pictures it shows (not every screenshot in docs/), for
    Help → User guide (paths.user_guide_path looks in <bundle>/docs)."""
    guide = ROOT / "docs" / "user-guide.ko.md"
    pictures = sorted(set(re.findall(r"\]\((screenshots/[^)\s]+\.png)\)", guide.read_text(encoding="utf-8"))))
    out = [(guide, "docs")]
    for picture in pictures:
        source = ROOT / "docs" / picture
        if source.is_file():
            out.append((source, str(Path("docs") / Path(picture).parent)))
    return out


def migration_imports() -> list[str]:
    """Every module the Alembic scripts import. They are loaded by path at run time, so
    PyInstaller cannot see these imports: the spec lists them as hidden imports."""
    found: set[str] = set()
    for path in sorted(p for tree in MIGRATION_TREES for p in tree.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                # "from alembic import op", "from intake_desktop.storage import models": the
                # names may be modules in their own right.
                found.update(f"{node.module}.{alias.name}" for alias in node.names
                             if _is_module(f"{node.module}.{alias.name}"))
    return sorted(found)


def _is_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def qt_excludes() -> list[str]:
    return [f"PySide6.{name}" for name in QT_MODULES_EXCLUDED]


def keep_qt_translation(dest_name: str) -> bool:
    """True for a data file to keep: anything that is not a Qt translation, and Qt's
    translations for the languages we speak."""
    normal = dest_name.replace("\\", "/")
    # Linux wheels: PySide6/Qt/translations; Windows wheels: PySide6/translations.
    if not re.match(r"^PySide6/(Qt/)?translations/", normal):
        return True
    name = normal.rsplit("/", 1)[-1]
    match = re.match(r"^[a-z_]+?_([a-z]{2})(_[A-Za-z]+)?\.qm$", name)
    return bool(match) and match.group(1) in QT_TRANSLATION_LANGUAGES


def _plugin_key(dest_name: str) -> tuple[str, str] | None:
    """('imageformats', 'qpdf') for .../Qt/plugins/imageformats/libqpdf.so (or qpdf.dll)."""
    parts = dest_name.replace("\\", "/").split("/")
    if "plugins" not in parts[:-2]:
        return None
    folder, name = parts[-2], parts[-1]
    stem = name.split(".", 1)[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return folder, stem


def dropped_plugin(dest_name: str) -> bool:
    key = _plugin_key(dest_name)
    if key is None:
        return False
    wanted = QT_PLUGINS_DROPPED.get(key[0], ())
    return "*" in wanted or key[1] in wanted


def prune_binaries(binaries, imports_of):
    """Drop the unwanted Qt plugins and the libraries that only they needed.

    `binaries` is PyInstaller's TOC of (dest name, source path, typecode); `imports_of(source)`
    gives the file names a binary links against (all of them, as ldd does, or the direct ones).
    A library goes only if a dropped plugin needed it and nothing that stays does, so libraries
    loaded by other means (dlopen, ctypes) are never touched. Returns (kept, dropped dest names).
    """
    def base(name: str) -> str:
        return name.replace("\\", "/").rsplit("/", 1)[-1].lower()

    removed = [entry for entry in binaries if dropped_plugin(entry[0])]
    if not removed:
        return list(binaries), []
    staying = [entry for entry in binaries if not dropped_plugin(entry[0])]
    by_base: dict[str, list] = {}
    for entry in staying:
        by_base.setdefault(base(entry[0]), []).append(entry)

    def closure(roots) -> set[str]:
        seen: set[str] = set()
        todo = [entry[1] for entry in roots]
        while todo:
            for name in imports_of(todo.pop()):
                key = base(name)
                if key in by_base and key not in seen:
                    seen.add(key)
                    todo.extend(entry[1] for entry in by_base[key])
        return seen

    candidates = closure(removed)
    # Roots: everything that is not a library somebody else links to - extension modules,
    # programs, the plugins that stay, and libraries outside the candidates.
    roots = [entry for entry in staying if base(entry[0]) not in candidates]
    needed = closure(roots)
    gone = candidates - needed
    kept = [entry for entry in staying if base(entry[0]) not in gone]
    dropped = sorted([entry[0] for entry in removed] + [entry[0] for entry in staying if base(entry[0]) in gone])
    return kept, dropped


def drop_dangling_symlinks(datas, dropped):
    """PyInstaller lists top-level links to libraries (e.g. libQt6Quick.so.6 ->
    PySide6/Qt/lib/libQt6Quick.so.6) as SYMLINK data; drop those whose target was dropped."""
    gone = {name.replace("\\", "/") for name in dropped}
    return [entry for entry in datas
            if not (entry[2] == "SYMLINK" and entry[1].replace("\\", "/") in gone)]


if __name__ == "__main__":  # `python installer/bundle_config.py --version`: for the build scripts
    import sys

    if sys.argv[1:] == ["--version"]:
        print(version())
    elif sys.argv[1:] == ["--windows-version"]:
        print(windows_file_version())
    else:
        raise SystemExit("usage: bundle_config.py --version | --windows-version")
