"""Screenshots of GUI tests in both languages, with the tofu check (shared by test modules)."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def screen_language(qapp, language: str):
    """The UI in `language` through the shipped catalogue, then back to Korean."""
    from intake_desktop.ui.i18n import install_translator

    install_translator(qapp, language)
    try:
        yield
    finally:
        install_translator(qapp, "ko")


def screenshot_dir(tmp_path: Path) -> Path:
    """docs/screenshots with UPDATE_SCREENSHOTS=1, else a temporary folder."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path


def tofu_finder():
    """tools/screenshots.py's check: visible Hangul the widget's font cannot draw."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("screenshots_tool", ROOT / "tools" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.tofu_texts


class Shots:
    def __init__(self, qtbot, folder: Path, language: str) -> None:
        self.qtbot, self.folder, self.language = qtbot, folder, language
        self.tofu_texts = tofu_finder()
        self.paths: list[Path] = []
        self.tofu: list[str] = []

    def grab(self, widget, name: str, wait: int = 50) -> Path:
        widget.show()
        self.qtbot.wait(wait)
        QApplication.processEvents()
        path = self.folder / f"{self.language}-{name}.png"
        assert widget.grab().save(str(path)), path
        self.paths.append(path)
        self.tofu += [f"{name}: {text}" for text in self.tofu_texts(widget)]
        return path
