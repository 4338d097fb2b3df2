"""Fast checks of the packaging files (installer/), run with the normal suite.

The real build and its smoke test are `bash installer/build_linux.sh --smoke` (CI runs it
after the tests). These tests catch, in a second, the mistakes that would otherwise only show
there or on a Windows machine: a data file the spec names but that does not exist, a Qt module
the app starts to use but the bundle leaves out, an .iss message missing in one language, a
version written in two places, an invalid .desktop file, an install script that touches data.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
SRC = ROOT / "src" / "intake_desktop"
ISS = INSTALLER / "windows" / "intake-desktop.iss"
DESKTOP = INSTALLER / "linux" / "intake-desktop.desktop"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cfg = _load("bundle_config", INSTALLER / "bundle_config.py")


# -- the spec and what it lists ------------------------------------------------------------------
def test_spec_parses_and_takes_everything_from_bundle_config():
    source = (INSTALLER / "intake-desktop.spec").read_text(encoding="utf-8")
    tree = ast.parse(source)
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= called
    for needed in ("cfg.data_files()", "cfg.migration_imports()", "cfg.qt_excludes()", "cfg.PYTHON_EXCLUDES",
                   "cfg.prune_binaries(", "cfg.keep_qt_translation(", "X utf8_mode=1", "INTAKE_BUNDLE_FONT_DIR"):
        assert needed in source, needed
    assert not re.search(r"\d+\.\d+\.\d+", source), "the spec must not carry a version number"


def test_data_files_exist_and_cover_what_the_program_reads_at_run_time():
    files = cfg.data_files()
    for src, dest in files:
        assert src.is_file(), src
        assert not Path(dest).is_absolute()
    dests = {(src.name, dest.replace("\\", "/")) for src, dest in files}
    for form in sorted((ROOT / "forms").glob("*.yaml")):
        assert (form.name, "forms") in dests
    assert ("intake_ko.qm", "resources/i18n") in dests
    assert not any(src.suffix == ".ts" for src, _ in files), "translation sources are not shipped"
    assert not any(src.name == ".keep" or "__pycache__" in src.parts for src, _ in files)
    for path in cfg.MIGRATIONS.rglob("*.py"):
        if "__pycache__" not in path.parts:
            dest = "intake_desktop/storage/migrations/" + str(path.parent.relative_to(cfg.MIGRATIONS)).replace("\\", "/")
            assert (path.name, dest.rstrip("/.")) in dests, path
    assert ("script.py.mako", "intake_desktop/storage/migrations") in dests
    for path in cfg.HUB_MIGRATIONS.rglob("*.py"):  # the centre server's schema ships too
        if "__pycache__" not in path.parts:
            dest = "intake_desktop/storage/hub_migrations/" + str(path.parent.relative_to(cfg.HUB_MIGRATIONS))
            assert (path.name, dest.replace("\\", "/").rstrip("/.")) in dests, path
    for size in cfg.ICON_SIZES:
        assert (f"intake-desktop-{size}.png", "resources/icons") in dests


def test_data_files_land_where_paths_and_migrate_look_for_them():
    """paths.shipped_dir() looks in sys._MEIPASS/<name>; migrate.py beside its own module."""
    from intake_desktop.storage import migrate

    assert migrate.MIGRATIONS_DIR == cfg.MIGRATIONS
    relative = cfg.MIGRATIONS.relative_to(cfg.SRC)
    assert any(dest.replace("\\", "/") == str(relative).replace("\\", "/") for _, dest in cfg.data_files())


def test_migration_scripts_are_importable_in_the_bundle():
    """Alembic loads the scripts by path, so their imports are listed as hidden imports."""
    wanted = cfg.migration_imports()
    assert {"alembic.op", "sqlalchemy", "sqlmodel", "intake_desktop.storage.models", "alembic.context"} <= set(wanted)
    for name in wanted:
        assert importlib.util.find_spec(name) is not None, name


# -- Qt modules --------------------------------------------------------------------------------------
def _qt_modules_imported_by_src() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + ([f"PySide6.{a.name}" for a in node.names] if node.module == "PySide6" else [])
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1:
                    found.setdefault(parts[1], set()).add(str(path.relative_to(SRC)))
    return found


def test_the_bundle_excludes_no_qt_module_the_app_imports():
    imported = _qt_modules_imported_by_src()
    excluded = set(cfg.QT_MODULES_EXCLUDED) & set(imported)
    assert not excluded, {m: sorted(imported[m]) for m in excluded}
    unknown = set(imported) - set(cfg.QT_MODULES_USED)
    assert not unknown, ("add these Qt modules to QT_MODULES_USED in installer/bundle_config.py "
                         f"(and check the bundle size): { {m: sorted(imported[m]) for m in unknown} }")
    assert not set(cfg.QT_MODULES_USED) & set(cfg.QT_MODULES_EXCLUDED)
    for module in cfg.QT_MODULES_USED:
        assert importlib.util.find_spec(f"PySide6.{module}") is not None, module


def test_keep_qt_translation_keeps_only_korean_and_english():
    keep = cfg.keep_qt_translation
    assert keep("PySide6/Qt/translations/qtbase_ko.qm")
    assert keep("PySide6/Qt/translations/qt_en.qm")
    assert keep("PySide6\\Qt\\translations\\qtbase_ko.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/translations/qt_help_zh_CN.qm")
    assert keep("PySide6\\translations\\qtbase_ko.qm")  # the Windows wheels' layout
    assert not keep("PySide6\\translations\\qtbase_ja.qm")
    assert keep("resources/i18n/intake_ko.qm") and keep("forms/phq9.yaml")


def test_prune_drops_unwanted_plugins_and_only_what_they_alone_need():
    toc = [
        ("PySide6/QtGui.abi3.so", "/q/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/q/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/q/libQt6Quick.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", "/q/libQt6Qml.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/q/libQt6Network.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", "/q/libQt6Pdf.so.6", "BINARY"),
        ("libdlopened.so.1", "/q/libdlopened.so.1", "BINARY"),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/q/vkb.so", "BINARY"),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", "/q/tuio.so", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", "/q/qpdf.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/xcb.so", "BINARY"),
        ("PySide6/QtPdf.abi3.so", "/q/QtPdf.abi3.so", "EXTENSION"),
    ]
    links = {
        "/q/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/q/vkb.so": ["libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Gui.so.6"],
        "/q/libQt6Quick.so.6": ["libQt6Qml.so.6", "libQt6Network.so.6"],
        "/q/libQt6Qml.so.6": ["libQt6Network.so.6"],
        "/q/tuio.so": ["libQt6Network.so.6"],
        "/q/qpdf.so": ["libQt6Pdf.so.6"],
        "/q/QtPdf.abi3.so": ["libQt6Pdf.so.6"],
        "/q/libQt6Pdf.so.6": ["libQt6Network.so.6", "libQt6Gui.so.6"],
        "/q/xcb.so": ["libQt6Gui.so.6"],
    }
    kept, dropped = cfg.prune_binaries(toc, lambda path: links.get(path, []))
    kept_names = {entry[0].rsplit("/", 1)[-1] for entry in kept}
    assert kept_names == {"QtGui.abi3.so", "libQt6Gui.so.6", "libQt6Network.so.6", "libQt6Pdf.so.6",
                          "libdlopened.so.1", "libqxcb.so", "QtPdf.abi3.so"}
    assert {d.rsplit("/", 1)[-1] for d in dropped} == {
        "libQt6Quick.so.6", "libQt6Qml.so.6", "libqtvirtualkeyboardplugin.so", "libqtuiotouchplugin.so", "libqpdf.so"}
    datas = [("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
             ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("forms/x.yaml", "/src/forms/x.yaml", "DATA")]
    assert [d[0] for d in cfg.drop_dangling_symlinks(datas, dropped)] == ["libQt6Gui.so.6", "forms/x.yaml"]


def test_windows_plugin_names_are_recognised_too():
    assert cfg.dropped_plugin("PySide6\\plugins\\platforms\\qdirect2d.dll")
    assert cfg.dropped_plugin("PySide6\\plugins\\imageformats\\qpdf.dll")
    assert not cfg.dropped_plugin("PySide6\\plugins\\platforms\\qwindows.dll")
    assert not cfg.dropped_plugin("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll")
    assert not cfg.dropped_plugin("PySide6/QtGui.pyd")


# -- version in one place ------------------------------------------------------------------------
def test_version_comes_from_one_place():
    import intake_desktop

    assert cfg.version() == intake_desktop.__version__
    assert cfg.windows_file_version("0.1.0") == "0.1.0.0"
    assert cfg.windows_file_version("1.2.3rc1") == "1.2.3.1"
    assert cfg.windows_file_version("2.0") == "2.0.0.0"
    iss = ISS.read_text(encoding="utf-8-sig")
    assert "AppVersion={#AppVersion}" in iss and "#error" in iss
    setup = _iss_sections(iss)["Setup"]
    assert not any(re.search(r"\d+\.\d+\.\d+", line) for line in setup), "no version written into the .iss"
    ps1 = (INSTALLER / "build_windows.ps1").read_text(encoding="utf-8-sig")
    assert '"/DAppVersion=$Version"' in ps1 and "bundle_config.py --version" in ps1
    assert "bundle_config.py --version" in (INSTALLER / "build_linux.sh").read_text(encoding="utf-8")
    about = (SRC / "ui" / "about.py").read_text(encoding="utf-8")
    assert "from intake_desktop import __version__" in about


# -- the Inno Setup script -------------------------------------------------------------------------
def _iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            assert current not in sections, f"section [{current}] twice"
            sections[current] = []
        elif current and line and not line.startswith(";") and current != "Code":
            sections[current].append(line)
        elif current == "Code":
            sections[current].append(raw)
    return sections


def _directives(lines: list[str]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def test_iss_is_utf8_with_bom_and_has_the_required_sections():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs a BOM to read the Korean text as UTF-8"
    raw.decode("utf-8-sig")
    sections = _iss_sections(raw.decode("utf-8-sig"))
    for name in ("Setup", "Languages", "CustomMessages", "Tasks", "InstallDelete", "Files", "Icons", "Run",
                 "UninstallDelete", "Code"):
        assert name in sections, name


def test_iss_setup_is_per_user_and_keeps_data_out_of_the_program_folder():
    setup = _directives(_iss_sections(ISS.read_text(encoding="utf-8-sig"))["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\{#AppName}"
    assert setup["DisableDirPage"] == "yes"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    for key in ("AppName", "AppVersion", "AppPublisher", "OutputBaseFilename", "SetupIconFile",
                "UninstallDisplayIcon", "ArchitecturesInstallIn64BitMode", "Compression", "WizardStyle"):
        assert setup.get(key), key
    assert "{#AppVersion}" in setup["OutputBaseFilename"]


def test_iss_data_folder_is_the_one_the_program_uses_on_windows(monkeypatch):
    """paths.default_data_dir() on Windows: platformdirs.user_data_dir("intake-desktop",
    appauthor=False, roaming=False) -> %LOCALAPPDATA%\\intake-desktop; settings go there too."""
    from platformdirs import windows

    from intake_desktop import paths

    monkeypatch.setattr(windows, "get_win_folder", lambda csidl: {
        "CSIDL_LOCAL_APPDATA": r"C:\Users\kim\AppData\Local",
        "CSIDL_APPDATA": r"C:\Users\kim\AppData\Roaming"}[csidl])
    dirs = windows.Windows(paths.APP_NAME, appauthor=False, roaming=False)
    assert dirs.user_data_dir.replace("/", "\\") == r"C:\Users\kim\AppData\Local\intake-desktop"
    assert windows.Windows(paths.APP_NAME, appauthor=False).user_config_dir == dirs.user_data_dir
    iss = ISS.read_text(encoding="utf-8-sig")
    assert '#define DataDirName "intake-desktop"' in iss
    assert r"ExpandConstant('{localappdata}\{#DataDirName}')" in iss
    assert '#define AppName "intake-desktop"' in iss  # program in ...\Programs\intake-desktop: another folder


def test_iss_uninstall_keeps_records_unless_asked_twice():
    code = "\n".join(_iss_sections(ISS.read_text(encoding="utf-8-sig"))["Code"])
    assert "Check.Checked := False;" in code
    assert "UninstallSilent()" in code
    assert "MB_DEFBUTTON2" in code, "the final question must default to No"
    assert code.count("DelTree(") == 1 and "RemoveData then" in code
    # Pascal blocks balance: every begin/try/case is closed by an end.
    bare = re.sub(r"'[^']*'", "''", re.sub(r"\{[^}]*\}", "", code)).lower()
    words = re.findall(r"\b(begin|try|case|end)\b", bare)
    assert words.count("end") == words.count("begin") + words.count("try") + words.count("case")
    for function in ("InitializeUninstall", "CurUninstallStepChanged", "AskRemoveData", "DataDir"):
        assert re.search(rf"\b(function|procedure) {function}\b", code), function
    # [InstallDelete]/[UninstallDelete] never name the data folder.
    sections = _iss_sections(ISS.read_text(encoding="utf-8-sig"))
    for name in ("InstallDelete", "UninstallDelete"):
        for line in sections[name]:
            assert "{app}" in line and "localappdata" not in line.lower(), line


def test_iss_languages_and_every_custom_message_in_both():
    text = ISS.read_text(encoding="utf-8-sig")
    sections = _iss_sections(text)
    languages = "\n".join(sections["Languages"])
    assert r'Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"' in languages
    assert r'Name: "english"; MessagesFile: "compiler:Default.isl"' in languages
    defined: dict[str, set[str]] = {}
    for line in sections["CustomMessages"]:
        language, _, rest = line.partition(".")
        defined.setdefault(rest.split("=", 1)[0], set()).add(language)
    for name, languages_ in defined.items():
        assert languages_ == {"korean", "english"}, name
    standard = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}  # in every .isl file
    used = set(re.findall(r"\{cm:(\w+)", text)) | set(re.findall(r"CustomMessage\('(\w+)'\)", text))
    assert used - standard <= set(defined), used - standard - set(defined)
    assert "{cm:ShortcutName}" in "\n".join(sections["Icons"])


def test_iss_installs_the_programs_the_spec_builds():
    iss = ISS.read_text(encoding="utf-8-sig")
    assert f'#define AppExe "{cfg.GUI_EXE}.exe"' in iss
    assert f"{cfg.CLI_EXE}.exe" in iss
    spec = (INSTALLER / "intake-desktop.spec").read_text(encoding="utf-8")
    assert "name=cfg.GUI_EXE" in spec and "name=cfg.CLI_EXE" in spec


# -- Linux: .desktop file, install and uninstall scripts ------------------------------------------
def _desktop_entries(text: str) -> dict[str, str]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "[Desktop Entry]"
    entries: dict[str, str] = {}
    for line in lines[1:]:
        assert not line.startswith("["), "only the [Desktop Entry] group is expected"
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Za-z0-9-]+(\[[A-Za-z_@]+\])?", key), line
        assert key not in entries, f"{key} twice"
        entries[key] = value
    return entries


def test_desktop_file_is_valid():
    entries = _desktop_entries(DESKTOP.read_text(encoding="utf-8"))
    for key in ("Type", "Name", "Name[ko]", "Comment", "Comment[ko]", "Exec", "Icon", "Categories"):
        assert entries.get(key), key
    assert entries["Type"] == "Application" and entries["Terminal"] == "false"
    assert entries["Icon"] == "intake-desktop" and entries["Exec"].startswith("intake-desktop")
    assert entries["Categories"].endswith(";") and entries["Keywords[ko]"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.parametrize("script", ["build_linux.sh", "smoke_test.sh", "linux/install.sh", "linux/uninstall.sh"])
def test_shell_scripts_parse(script):
    shell = "bash" if script.endswith(("build_linux.sh", "smoke_test.sh")) else "sh"
    if not shutil.which(shell):
        pytest.skip(f"no {shell}")
    result = subprocess.run([shell, "-n", str(INSTALLER / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(sys.platform.startswith("win") or not shutil.which("sh"), reason="POSIX shell scripts")
def test_linux_install_upgrade_and_uninstall_keep_the_records(tmp_path):
    bundle = tmp_path / "intake-desktop-9.9.9-linux-x86_64"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "intake-desktop"
    exe.write_text("#!/bin/sh\necho intake-desktop 9.9.9\n")
    exe.chmod(0o755)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(INSTALLER / "linux" / script, bundle / script)
    (bundle / "share" / "applications").mkdir(parents=True)
    shutil.copy2(DESKTOP, bundle / "share" / "applications" / DESKTOP.name)
    icon_dir = bundle / "share" / "icons" / "hicolor" / "48x48" / "apps"
    icon_dir.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "intake-desktop-48.png", icon_dir / "intake-desktop.png")
    home = tmp_path / "home"
    data = home / ".local" / "share" / "intake-desktop"
    data.mkdir(parents=True)
    (data / "vault.sqlite").write_bytes(b"records")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}

    def sh(*args, stdin=""):
        return subprocess.run(["sh", *map(str, args)], env=env, input=stdin, capture_output=True, text=True)

    for _ in range(2):  # install, then the same again as an upgrade
        result = sh(bundle / "install.sh")
        assert result.returncode == 0, result.stderr
    app = home / ".local" / "opt" / "intake-desktop"
    assert (app / "intake-desktop").is_file() and (app / "uninstall.sh").is_file()
    assert not (app / "install.sh").exists() and not Path(f"{app}.old").exists()
    entry = (home / ".local" / "share" / "applications" / "intake-desktop.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}/intake-desktop" gui' in entry
    assert (home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "intake-desktop.png").is_file()
    assert (data / "vault.sqlite").read_bytes() == b"records"

    result = sh(app / "uninstall.sh", "--remove-data", stdin="no\n")  # anything but DELETE keeps them
    assert result.returncode == 0, result.stderr
    assert not app.exists() and (data / "vault.sqlite").read_bytes() == b"records"
    assert not (home / ".local" / "share" / "applications" / "intake-desktop.desktop").exists()

    sh(bundle / "install.sh")
    assert sh(app / "uninstall.sh").returncode == 0
    assert (data / "vault.sqlite").exists()
    sh(bundle / "install.sh")
    result = sh(app / "uninstall.sh", "--remove-data", stdin="DELETE\n")
    assert result.returncode == 0 and not data.exists()


# -- icon --------------------------------------------------------------------------------------------
def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_icon_svg_and_committed_pngs():
    svg = ET.parse(cfg.ICON_SVG).getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"
    assert "clipPath" not in cfg.ICON_SVG.read_text(encoding="utf-8"), "Qt's SVG renderer ignores clip paths"
    for size in cfg.ICON_SIZES:
        png = cfg.ICON_SVG.parent / f"intake-desktop-{size}.png"
        assert _png_size(png) == (size, size), png


def test_ico_and_version_resource_are_made_from_the_svg(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))  # prepare_build.py puts installer/ on it
    prepare = _load("prepare_build", INSTALLER / "prepare_build.py")
    pngs = prepare.render_pngs(cfg.ICON_SVG, cfg.ICON_SIZES, tmp_path)
    ico = prepare.ico_bytes(pngs)
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(cfg.ICON_SIZES))
    sizes = []
    for i in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i: 22 + 16 * i])
        size = width or 256
        sizes.append(size)
        assert (planes, bits) == (1, 32) and offset + length <= len(ico)
        body = ico[offset:offset + length]
        if size == 256:
            assert body[:8] == b"\x89PNG\r\n\x1a\n"
        else:
            assert struct.unpack("<Iii", body[:12]) == (40, size, 2 * size)
    assert sorted(sizes) == sorted(cfg.ICON_SIZES)
    text = prepare.version_info_text("1.2.3")
    ast.parse(text)
    assert "(1, 2, 3, 0)" in text and "'1.2.3'" in text and "intake-desktop.exe" in text


# -- About box ------------------------------------------------------------------------------------------
def test_about_box_names_the_version_and_the_licences(qtbot, monkeypatch, tmp_path):
    from intake_desktop import __version__
    from intake_desktop.ui.about import AboutDialog

    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version_label.text()
    names = [c.name for c in dialog.components()]
    for needed in ("Qt", "ReportLab", "cryptography", "SQLAlchemy"):
        assert needed in names
    assert dialog.open_licences is None  # not frozen: no licence folder to open

    # As in the frozen bundle: sys._MEIPASS with licenses/ and the bundled font.
    bundle = tmp_path / "bundle"
    (bundle / "licenses").mkdir(parents=True)
    (bundle / "resources" / "fonts").mkdir(parents=True)
    (bundle / "resources" / "fonts" / "NanumGothic.ttf").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    frozen = AboutDialog(None)
    qtbot.addWidget(frozen)
    assert "NanumGothic" in [c.name for c in frozen.components()]
    assert frozen.open_licences is not None
    assert str(bundle / "licenses") in frozen.notices.toPlainText()


def test_about_box_strings_all_have_korean_waiting():
    """Every self.tr string of the About box has a translation in installer/about_translations.py,
    which fills them into the .ts after `tools/i18n.py update` (the packaging work may not edit
    resources/i18n itself)."""
    translations = _load("about_translations", INSTALLER / "about_translations.py")
    tree = ast.parse((SRC / "ui" / "about.py").read_text(encoding="utf-8"))
    strings = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                and node.args and isinstance(node.args[0], ast.Constant)):
            strings.add(node.args[0].value)
    assert len(strings) > 15
    assert strings == set(translations.KOREAN), strings ^ set(translations.KOREAN)
    for source, korean in translations.KOREAN.items():
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", korean)), source


# -- CI --------------------------------------------------------------------------------------------------
def test_ci_builds_and_smoke_tests_the_bundle_after_the_tests():
    lines = [line.split("#")[0].strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    assert "python3 dev.py test" in lines
    assert "bash installer/build_linux.sh --smoke" in lines
    assert lines.index("bash installer/build_linux.sh --smoke") > lines.index("python3 dev.py test")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'build = \[\s*"pyinstaller>=6\.10",\s*\]', pyproject)


def test_the_user_guide_and_its_pictures_ship_with_the_program():
    """Help → User guide reads docs/user-guide.ko.md beside its pictures (issue 15, item 7)."""
    import tomllib

    dests = {(src.name, dest.replace("\\", "/")) for src, dest in cfg.data_files()}
    assert ("user-guide.ko.md", "docs") in dests
    guide = (ROOT / "docs" / "user-guide.ko.md").read_text(encoding="utf-8")
    pictures = set(re.findall(r"\]\((screenshots/[^)\s]+\.png)\)", guide))
    assert pictures and all((Path(p).name, "docs/screenshots") in dests for p in pictures)
    assert all((ROOT / "docs" / p).is_file() for p in pictures), "the guide shows a picture that is missing"
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = wheel["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["docs/user-guide.ko.md"] == "intake_desktop/_bundled/docs/user-guide.ko.md"
    assert included["docs/screenshots"] == "intake_desktop/_bundled/docs/screenshots"
