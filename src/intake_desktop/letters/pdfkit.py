"""Shared ReportLab plumbing for letters and consent forms: safe markup, deterministic
documents, page numbers. Nothing here knows what a letter says."""

from __future__ import annotations

import calendar
import hashlib
import io
import threading
from collections.abc import Callable
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table, TableStyle

from intake_desktop.letters.fonts import LetterFonts
from intake_desktop.letters.formatting import clean

PAGE_WIDTH, PAGE_HEIGHT = A4
# Margins close to the official 기안문 (top 30, left 20, right 15, bottom 15 mm), with a little
# more at the bottom for the page number.
MARGIN_TOP = 25 * mm
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

# One document at a time: ReportLab's font objects hold per-document subset state and the
# fallback placeholders mutate a face's character map. Rendering takes well under 100 ms.
RENDER_LOCK = threading.RLock()


def rich(text, fonts: LetterFonts, *, bold: bool = False, multiline: bool = True) -> str:
    """User text -> Paragraph markup that prints exactly that text.

    NFC-normalised, control characters dropped, '&', '<', '>' escaped (so '<b>' or '&amp;'
    print literally), newlines become line breaks, and runs of characters the Korean font
    lacks are wrapped in <font face=...> for the fallback font.
    """
    text = clean(text, multiline=multiline)
    main = fonts.bold if bold else fonts.regular
    lines = []
    for line in text.split("\n"):
        parts = []
        for name, run in fonts.runs(line, bold=bold):
            escaped = escape(run)
            parts.append(escaped if name == main else f'<font face="{name}">{escaped}</font>')
        lines.append("".join(parts))
    body = "<br/>".join(lines)
    return f'<font face="{main}">{body}</font>' if bold else body


def table(rows: list, widths: list[float], fonts: LetterFonts, commands: list | tuple = (), **kwargs) -> Table:
    """A Table whose cells default to the Korean font (ReportLab's default, Helvetica, would add
    an unembedded font reference even when every cell holds a Paragraph)."""
    kwargs.setdefault("hAlign", "LEFT")
    t = Table(rows, colWidths=widths, **kwargs)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.regular), *commands]))
    return t


class FixedTimeStamp:
    """ReportLab TimeStamp stand-in: the document date at 00:00 Korea time, so the same
    letter always gives the same bytes (CreationDate/ModDate) without claiming 'now'."""

    tzname = "KST"

    def __init__(self, day: date):
        self.YMDhms = (day.year, day.month, day.day, 0, 0, 0)
        self.dhh, self.dmm = 9, 0
        self.t = calendar.timegm((day.year, day.month, day.day, 0, 0, 0)) - 9 * 3600
        self.lt = (day.year, day.month, day.day, 0, 0, 0, day.weekday(), day.timetuple().tm_yday, 0)


def _canvas_maker(day: date, font_name: str):
    class DatedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = font_name  # no unembedded Helvetica reference
            super().__init__(*args, **kwargs)
            stamp = self._doc._timeStamp = FixedTimeStamp(day)
            # ReportLab seeded the document ID from its own clock (or SOURCE_DATE_EPOCH): reseed
            # it from the document date so the ID, like everything else, depends on content only.
            signature = hashlib.md5(usedforsecurity=False)
            signature.update(b"a reportlab document")
            signature.update(ascii(stamp.t).encode("ascii"))
            self._doc.signature = signature

    return DatedCanvas


def page_number_footer(fonts: LetterFonts, size: float = 9) -> Callable:
    """'- 1 -' centred at the foot of every page."""

    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(fonts.regular, size)
        canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN_BOTTOM / 2, f"- {doc.page} -")
        canvas.restoreState()

    return draw


def build_pdf(story: list, fonts: LetterFonts, *, day: date, title: str, author: str, subject: str,
              on_page: Callable | None = None) -> bytes:
    """Lay out ``story`` on A4 in memory and return the PDF bytes (deterministic)."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4,
        leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=title, author=author, subject=subject, keywords="", creator="intake-desktop",
        invariant=1, pageCompression=1, lang="ko-KR",
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page or page_number_footer(fonts))])
    with RENDER_LOCK:
        doc.build(story, canvasmaker=_canvas_maker(day, fonts.regular))
    return buffer.getvalue()
