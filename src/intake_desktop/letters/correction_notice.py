"""The correction notice (개인정보 정정 통지서) given to a young person whose record was corrected
at their request (개인정보 보호법 arts. 35–36): what was corrected, when, by whom, and why.

One A4 page in the official-document manner: title; to whom; the handling table (요청 사유,
정정 일시, 처리자); the corrections (항목 | 정정 전 | 정정 후); the legal sentence; the date and
the centre's 발신명의. Deterministic like every document of this package; nothing on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from intake_desktop.letters.fonts import LetterFonts, load_fonts
from intake_desktop.letters.formatting import clean, format_date, format_datetime, format_phone
from intake_desktop.letters.model import Organisation
from intake_desktop.letters.pdfkit import FRAME_WIDTH, RENDER_LOCK, build_pdf, page_number_footer, rich, table

CORRECTION_PDF_TITLE = "개인정보 정정 통지서"  # never personal data


@dataclass(frozen=True)
class CorrectionNoticeContent:
    organisation: Organisation
    issue_date: date
    person_name: str
    corrected_at: datetime  # local time (KST) of the correction
    by_name: str
    reason: str
    rows: tuple[tuple[str, str, str], ...]  # (항목, 정정 전, 정정 후), already worded


def correction_story(content: CorrectionNoticeContent, fonts: LetterFonts) -> list:
    r, b = fonts.regular, fonts.bold
    title = ParagraphStyle("cn_title", fontName=b, fontSize=18, leading=24, alignment=TA_CENTER)
    body = ParagraphStyle("cn_body", fontName=r, fontSize=11, leading=17)
    cell = ParagraphStyle("cn_cell", fontName=r, fontSize=10.5, leading=15)
    head = ParagraphStyle("cn_head", fontName=b, fontSize=10.5, leading=15, alignment=TA_CENTER)
    sender = ParagraphStyle("cn_sender", fontName=b, fontSize=16, leading=22, alignment=TA_CENTER)
    centre = ParagraphStyle("cn_centre", parent=body, alignment=TA_CENTER)
    foot = ParagraphStyle("cn_foot", fontName=r, fontSize=9, leading=13)
    org = content.organisation

    def p(text: str, style=cell) -> Paragraph:
        return Paragraph(rich(text, fonts), style)

    grid = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
    shade = colors.Color(0.93, 0.93, 0.93)
    label_w = 32 * mm
    handling = table([
        [p("성명", head), p(content.person_name)],
        [p("요청 사유", head), p(content.reason)],
        [p("정정 일시", head), p(format_datetime(content.corrected_at))],
        [p("처리자", head), p(content.by_name)],
    ], [label_w, FRAME_WIDTH - label_w], fonts, [*grid, ("BACKGROUND", (0, 0), (0, -1), shade)], splitInRow=1)
    label_w = 42 * mm  # composite names: 주소 (도로명) · 상세주소
    third = (FRAME_WIDTH - label_w) / 2
    changes = table(
        [[p("항목", head), p("정정 전", head), p("정정 후", head)]]
        + [[p(name), p(old or "-"), p(new or "-")] for name, old, new in content.rows],
        [label_w, third, third], fonts, [*grid, ("BACKGROUND", (0, 0), (-1, 0), shade)], repeatRows=1,
        splitInRow=1)
    contact = "  ".join(part for part in (
        f"전화 {format_phone(org.phone)}" if org.phone else "", f"팩스 {format_phone(org.fax)}" if org.fax else "",
        org.email) if part)
    return [
        Paragraph(rich(CORRECTION_PDF_TITLE, fonts, bold=True, multiline=False), title),
        Spacer(1, 8 * mm),
        p(f"{content.person_name} 님께", body),
        Spacer(1, 3 * mm),
        p("귀하께서 요청하신 개인정보의 정정을 아래와 같이 처리하였음을 알려드립니다.", body),
        Spacer(1, 5 * mm),
        handling,
        Spacer(1, 6 * mm),
        p("정정한 내용", ParagraphStyle("cn_sub", parent=body, fontName=b)),
        Spacer(1, 2 * mm),
        changes,
        Spacer(1, 7 * mm),
        p("「개인정보 보호법」 제36조에 따라 정정하였으며, 정정 내용에 이의가 있으시면 위 센터로 "
          "말씀하여 주십시오.", body),
        Spacer(1, 10 * mm),
        Paragraph(format_date(content.issue_date), centre),
        Spacer(1, 8 * mm),
        Paragraph(rich(org.signature_title, fonts, bold=True, multiline=False), sender),
        Spacer(1, 8 * mm),
        p(" ".join(x for x in (f"우 {org.postal_code}" if org.postal_code else "", org.address) if x), foot),
        p(contact, foot),
    ]


def render_correction_notice(content: CorrectionNoticeContent, fonts: LetterFonts | None = None) -> bytes:
    """The notice as PDF bytes (A4, fonts embedded, deterministic, in memory only)."""
    fonts = fonts or load_fonts()
    with RENDER_LOCK:
        return build_pdf(correction_story(content, fonts), fonts, day=content.issue_date,
                         title=CORRECTION_PDF_TITLE, author=clean(content.organisation.name),
                         subject=CORRECTION_PDF_TITLE, on_page=page_number_footer(fonts))
