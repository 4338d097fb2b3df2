"""The Korean catalogue is complete, compiled from the committed .ts, and really used."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "intake_ko.ts"
QM_FILE = ROOT / "resources" / "i18n" / "intake_ko.qm"
# Only identifier-like {placeholders} are filled with str.format; compare those.
PLACEHOLDER = re.compile(r"\{(\w+)(?:[:!][^}]*)?\}")


def load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():
    return load_tool()


def test_every_message_has_a_finished_korean_translation(tool):
    messages = tool.messages(TS_FILE)
    assert len(messages) > 200
    assert tool.problems(TS_FILE) == [], "run `python tools/i18n.py update`, translate, then `release`"


def test_translations_keep_their_placeholders(tool):
    wrong = []
    for message in tool.messages(TS_FILE):
        wanted = sorted(PLACEHOLDER.findall(message["source"]))
        for form in message["forms"]:
            if sorted(PLACEHOLDER.findall(form)) != wanted:
                wrong.append((message["context"], message["source"], form))
            if message["numerus"] and "%Ln" in message["source"] and "%Ln" not in form:
                wrong.append((message["context"], message["source"], form))
    assert wrong == []


def test_compiled_catalogue_matches_the_committed_one(tool, tmp_path):
    compiled = tmp_path / "intake_ko.qm"
    tool.release(TS_FILE, compiled, quiet=True)
    assert compiled.read_bytes() == QM_FILE.read_bytes(), "run `python tools/i18n.py release`"


def test_the_catalogue_knows_every_string_in_the_sources(tool, tmp_path):
    """A string added to the code without `tools/i18n.py update` would show in English."""
    scratch = tmp_path / "intake_ko.ts"
    shutil.copyfile(TS_FILE, scratch)
    tool.update(scratch, quiet=True)
    committed = {(m["context"], m["source"]) for m in tool.messages(TS_FILE)}
    current = {(m["context"], m["source"]) for m in tool.messages(scratch)}
    assert sorted(current - committed) == [], "new strings: run `python tools/i18n.py update` and translate"
    assert sorted(committed - current) == [], "stale strings: run `python tools/i18n.py update`"


def test_korean_ui_shows_korean(qtbot, centre_vault):
    from intake_desktop.ui.login import LoginWindow

    window = LoginWindow(centre_vault)
    qtbot.addWidget(window)
    assert window.sign_in_button.text() == "로그인"
    assert window.windowTitle() == "로그인 — intake-desktop"


def test_english_ui_shows_the_source_strings(qtbot, qapp, centre_vault):
    from intake_desktop.ui.i18n import install_translator
    from intake_desktop.ui.login import LoginWindow

    install_translator(qapp, "en")
    window = LoginWindow(centre_vault)
    qtbot.addWidget(window)
    assert window.sign_in_button.text() == "Sign in"


def test_service_errors_are_translated(qapp):
    from PySide6.QtCore import QCoreApplication

    from intake_desktop.services import errors as E

    error = E.DeniedError(E.MSG_LOCKED_OUT, seconds=30)
    assert error.render(QCoreApplication.translate) == "비밀번호를 너무 많이 틀렸습니다. 30초 후에 다시 시도하세요."


def run_python(code: str) -> str:
    """A fresh interpreter: the command line's situation, where no QApplication exists."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_install_translator_works_without_widgets():
    out = run_python(
        "from intake_desktop.ui.i18n import install_translator\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "install_translator(None, 'ko')\n"
        "assert type(QCoreApplication.instance()) is QCoreApplication\n"
        "print(QCoreApplication.translate('Errors', 'Wrong passphrase.'))\n"
    )
    assert out == "비밀번호가 틀렸습니다."


def test_gui_replaces_the_command_lines_bare_application():
    out = run_python(
        "from intake_desktop.ui.i18n import install_translator\n"
        "install_translator(None, 'ko')\n"
        "from intake_desktop.ui.app import gui_application\n"
        "app = gui_application()\n"
        "install_translator(app, 'ko')\n"
        "from PySide6.QtWidgets import QPushButton\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "print(type(app).__name__, QCoreApplication.translate('LoginWindow', 'Sign in'))\n"
    )
    assert out == "QApplication 로그인"


def test_qt_own_file_dialog_speaks_korean(qapp):
    """Issue 15, item 10: Qt's dialogs ("Look in:", "Files of type:", "Folder") in Korean."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QLabel

    from intake_desktop.ui.i18n import install_translator

    install_translator(qapp, "ko")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "찾는 위치(&L):" in labels and "파일 형식(&T):" in labels, labels
    assert not any(text.isascii() and any(ch.isalpha() for ch in text) for text in labels), labels
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "폴더"
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "파일 이름(&N):"  # Qt's own still wins
    dialog.deleteLater()


def _literal_sources() -> set[tuple[str, str]]:
    """(file, source text) of every tr()/translate() call whose text is a literal."""
    import ast

    found = set()
    for path in sorted((ROOT / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            index = {"tr": 0, "translate": 1}.get(name)
            if index is None or len(node.args) <= index:
                continue
            text = node.args[index]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.add((path.name, text.value))
    return found


def test_lupdate_extracts_every_literal_string_in_the_sources(tool):
    """lupdate silently skips some calls (e.g. translate(ctx, text, "", len(x)): a call as the
    count); such a string is never in the catalogue and shows in English in the Korean UI."""
    known = {m["source"] for m in tool.messages(TS_FILE)}
    assert sorted((f, s) for f, s in _literal_sources() if s not in known) == []
