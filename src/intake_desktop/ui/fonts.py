"""Pick a font that has Hangul, so Korean never renders as tofu boxes (□)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

WINDOWS_FAMILIES = ("Malgun Gothic", "맑은 고딕")
MAC_FAMILIES = ("Apple SD Gothic Neo", "AppleGothic")
LINUX_FAMILIES = (
    "Noto Sans CJK KR", "Noto Sans KR", "NanumBarunGothic", "NanumGothic", "Source Han Sans KR",
    "UnDotum", "Baekmuk Gulim",
)
# With full hinting NanumGothic's full stop is drawn like a comma at UI sizes ("2025, 5, 14,"),
# which would misstate every Korean date. Unhinted it is right.
UNHINTED_FAMILIES = frozenset({"NanumGothic"})
SAMPLE_HANGUL = "가"


def preferred_families(platform: str = sys.platform) -> tuple[str, ...]:
    if platform.startswith("win"):
        return WINDOWS_FAMILIES
    if platform == "darwin":
        return MAC_FAMILIES
    return LINUX_FAMILIES


def korean_family(platform: str = sys.platform) -> str | None:
    """The first preferred Korean family installed here, or None."""
    installed = set(QFontDatabase.families())
    return next((family for family in preferred_families(platform) if family in installed), None)


def font_has_hangul(font: QFont) -> bool:
    """True if the font itself (not a fallback) has Hangul glyphs."""
    return QRawFont.fromFont(font).supportsCharacter(ord(SAMPLE_HANGUL))  # a str would not do


def apply_korean_font(app: QApplication) -> str | None:
    """Make the application font a Korean family (keeping the platform's size).

    Returns the family used, or None when no Korean font is installed (then Qt's own fallback
    decides, which may or may not find Hangul glyphs).
    """
    family = korean_family()
    if family is None:
        return None
    font = QFont(app.font())
    font.setFamilies([family])
    if family in UNHINTED_FAMILIES:
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return family


def monospace_font(point_size: int) -> QFont:
    """For the recovery key: Latin letters and digits only, so the system's fixed font does."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font
