"""The recovery-key sheet as a PDF in memory, for the printer (never for a file: the app tells
the administrator not to keep the key in one). Wording comes in already translated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from intake_desktop.letters.fonts import LetterFonts, load_fonts
from intake_desktop.letters.pdfkit import build_pdf, rich

GROUPS_PER_LINE = 5


def key_lines(recovery_key: str) -> list[str]:
    """'ABCD-EFGH-…' -> lines of five space-separated groups, as shown and printed."""
    groups = [group for group in recovery_key.replace(" ", "-").split("-") if group]
    return ["  ".join(groups[i: i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)]


@dataclass(frozen=True)
class SheetWording:
    title: str
    centre_line: str    # "Centre: 서울청년기지개센터"
    printed_line: str   # "Printed on: 2026. 12. 2."
    advice: str


def render_recovery_sheet(recovery_key: str, wording: SheetWording, day: date,
                          fonts: LetterFonts | None = None) -> bytes:
    fonts = fonts or load_fonts()
    title = ParagraphStyle("title", fontName=fonts.bold, fontSize=18, leading=26, spaceAfter=10)
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=11, leading=17)
    # The embedded Korean bold face, like every other PDF here (no font left to the printer);
    # Crockford's alphabet has no I, L, O or U, so its glyphs cannot be confused.
    key = ParagraphStyle("key", fontName=fonts.bold, fontSize=20, leading=32)
    story = [Paragraph(rich(wording.title, fonts), title),
             Paragraph(rich(wording.centre_line, fonts), body),
             Paragraph(rich(wording.printed_line, fonts), body),
             Spacer(1, 18)]
    story += [Paragraph(line.replace(" ", "&nbsp;"), key) for line in key_lines(recovery_key)]
    story += [Spacer(1, 18), Paragraph(rich(wording.advice, fonts), body)]
    return build_pdf(story, fonts, day=day, title=wording.title, author="", subject="", on_page=lambda c, d: None)
