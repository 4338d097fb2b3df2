"""The font-size preference, applied to the whole application.

Qt propagates the application font to every widget that has not set its own, so one
`QApplication.setFont` resizes menus, tables, forms and dialogs at once. The platform's own
size is remembered the first time, so "system default" (0) can always be restored.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

FONT_POINTS_MIN = 9
FONT_POINTS_MAX = 24
SYSTEM_DEFAULT = 0

_platform_points: float | None = None


def apply_font_size(app: QApplication, points: int) -> float:
    """Set the application font to `points` (SYSTEM_DEFAULT: the platform's size).

    Returns the point size now in use. Keeps the family (the Korean font chosen at start).
    """
    global _platform_points
    font = QFont(app.font())
    if _platform_points is None:
        _platform_points = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    wanted = float(max(FONT_POINTS_MIN, min(FONT_POINTS_MAX, points))) if points else _platform_points
    if abs(font.pointSizeF() - wanted) > 0.01:
        font.setPointSizeF(wanted)
        app.setFont(font)
    return wanted
