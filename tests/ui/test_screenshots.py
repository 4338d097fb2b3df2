"""The screenshot tool runs in Korean and English, and no Korean text renders as tofu (□).

It writes to a temporary folder here; `python tools/screenshots.py` refreshes docs/screenshots.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from intake_desktop.ui.fonts import font_has_hangul

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ("wizard-1-centre", "wizard-2-admin", "wizard-3-recovery-key", "login", "recovery",
           "main", "main-search", "new-case", "settings", "lock")


def load_tool():
    spec = importlib.util.spec_from_file_location("screenshots_tool", ROOT / "tools" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_application_font_has_hangul(qapp):
    assert font_has_hangul(qapp.font()), (
        f"The application font {qapp.font().family()!r} has no Hangul: Korean would show as boxes. "
        "Install fonts-nanum or fonts-noto-cjk."
    )


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshots_have_every_screen_and_no_tofu(qapp, tmp_path, language):
    result = load_tool().capture(tmp_path, language)
    assert [p.name for p in result.shots] == [f"{language}-{screen}.png" for screen in SCREENS]
    for path in result.shots:
        image = QImage(str(path))
        assert image.width() > 200 and image.height() > 100, path.name
    assert result.missing_glyphs == [], "Korean text the font cannot draw (tofu)"
