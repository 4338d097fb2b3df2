"""A tiny line chart of one instrument's totals over the intakes (QPainter, no chart library).

Drawn against the instrument's full range (e.g. PHQ-9 0–27), so a small change looks small.
Missing scores leave a gap. The accessible description reads the values out in order.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

_LINE = QColor("#2e6da4")
_AXIS = QColor("#b0b0b0")


class Sparkline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[int | None] = []
        self._range = (0, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_values(self, values: Sequence[int | None], value_range: tuple[int, int] | None, title: str) -> None:
        self._values = list(values)
        low, high = value_range or (min((v for v in values if v is not None), default=0),
                                    max((v for v in values if v is not None), default=1))
        self._range = (low, high if high > low else low + 1)
        shown = " → ".join("—" if v is None else str(v) for v in self._values)
        self.setAccessibleName(title)
        self.setAccessibleDescription(shown)
        self.setToolTip(f"{title}: {shown}")
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Sized in text lines, so it grows with the text-size setting and the screen scale.
        line = self.fontMetrics().height()
        return QSize(line * 14, round(line * 2.5))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = 4.0
        width, height = self.width() - 2 * margin, self.height() - 2 * margin
        painter.setPen(QPen(_AXIS, 1))
        painter.drawLine(QPointF(margin, margin + height), QPointF(margin + width, margin + height))
        count = len(self._values)
        if count == 0:
            return
        low, high = self._range

        def point(i: int, value: int) -> QPointF:
            x = margin + (width * i / (count - 1) if count > 1 else width / 2)
            y = margin + height - (value - low) / (high - low) * height
            return QPointF(x, y)

        pen = QPen(_LINE, 2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        previous = None
        for i, value in enumerate(self._values):
            if value is None:
                previous = None
                continue
            current = point(i, value)
            if previous is not None:
                painter.drawLine(previous, current)
            painter.setBrush(_LINE)
            painter.drawEllipse(current, 2.5, 2.5)
            previous = current
