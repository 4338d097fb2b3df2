"""The reply slip (회신서) a partner fills in by hand and sends back for one referral letter.

It names the person by initials only (ㄱㅁㅅ): the slip travels back by fax or post, often
through hands that never saw the letter, so it carries no name, birth date or contact. The
letter number (기지개-17) is what ties it to the person at the centre. Printed as the letter's
last page, or alone (services/letters.py `reply_slip`). Same input -> same bytes.

Layout (A4): title; a ruled table — 의뢰 문서번호, 대상자(이니셜), 회신 기관, then the parts the
partner writes by hand: 접수일, 담당자, 연계 결과 (☐ 참여 ☐ 미참여 ☐ 연락 안 됨, boxes drawn as
lines so no font needs the ☐ glyph), 제공 서비스, 회신일, 비고; "위와 같이 회신합니다.", date and
signature lines; the centre's return address and fax in a box at the foot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from intake_desktop.letters.fonts import LetterFonts, load_fonts
from intake_desktop.letters.formatting import clean, format_date, format_phone
from intake_desktop.letters.model import Organisation
from intake_desktop.letters.pdfkit import FRAME_WIDTH, RENDER_LOCK, build_pdf, rich, table

REPLY_SLIP_PDF_TITLE = "연계 의뢰 회신서"  # never personal data
RESULT_CHOICES = ("참여", "미참여", "연락 안 됨")  # the order of the boxes on the slip
BLANK_DATE = "년" + "&nbsp;" * 8 + "월" + "&nbsp;" * 8 + "일"


@dataclass(frozen=True)
class ReplySlipContent:
    number: str  # the letter's 시행 number, 기지개-17
    issue_date: date  # the letter's date
    recipient_name: str  # the partner that replies
    initials: str  # ㄱㅁㅅ — never the name
    sender: Organisation  # where the slip goes back to
    reply_by: date | None = None


class CheckBox(Flowable):
    """An empty square to tick by hand (drawn, not a glyph)."""

    def __init__(self, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def wrap(self, _avail_width, _avail_height):
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


class _Styles:
    def __init__(self, fonts: LetterFonts) -> None:
        r, b = fonts.regular, fonts.bold
        self.title = ParagraphStyle("slip_title", fontName=b, fontSize=20, leading=26, alignment=TA_CENTER)
        self.sub = ParagraphStyle("slip_sub", fontName=r, fontSize=10.5, leading=15, alignment=TA_CENTER)
        self.label = ParagraphStyle("slip_label", fontName=b, fontSize=11, leading=15, alignment=TA_CENTER)
        self.cell = ParagraphStyle("slip_cell", fontName=r, fontSize=11, leading=15)
        self.hint = ParagraphStyle("slip_hint", fontName=r, fontSize=9, leading=13,
                                   textColor=colors.Color(0.3, 0.3, 0.3))
        self.body = ParagraphStyle("slip_body", fontName=r, fontSize=12, leading=18, alignment=TA_CENTER)
        self.right = ParagraphStyle("slip_right", fontName=r, fontSize=12, leading=18, alignment=TA_RIGHT)
        self.addressee = ParagraphStyle("slip_to", fontName=b, fontSize=15, leading=20, alignment=TA_CENTER)
        self.foot = ParagraphStyle("slip_foot", fontName=r, fontSize=10, leading=15)


def _boxes(fonts: LetterFonts, st: _Styles):
    cells = []
    widths = []
    for label in RESULT_CHOICES:
        cells.extend([CheckBox(), Paragraph(rich(label, fonts, multiline=False), st.cell)])
        widths.extend([6 * mm, 26 * mm])
    return table([cells], widths, fonts, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])


def reply_slip_story(content: ReplySlipContent, fonts: LetterFonts) -> list:
    st = _Styles(fonts)
    org = content.sender

    def text(value: str, style=None) -> Paragraph:
        return Paragraph(rich(value, fonts), style or st.cell)

    def label(value: str) -> Paragraph:
        return Paragraph(rich(value, fonts, bold=True, multiline=False), st.label)

    blank_date = Paragraph(BLANK_DATE, ParagraphStyle("slip_date", parent=st.cell, alignment=TA_RIGHT))
    number = f"{clean(content.number, multiline=False)} ({format_date(content.issue_date)})"
    rows = [
        [label("의뢰 문서번호"), text(number)],
        [label("대상자"), [text(content.initials or "-"),
                         text("개인정보 보호를 위해 이니셜만 적었습니다. 문서번호로 확인하여 주십시오.", st.hint)]],
        [label("회신 기관"), text(content.recipient_name)],
        [label("접수일"), blank_date],
        [label("담당자"), Paragraph("성명" + "&nbsp;" * 30 + "연락처", st.cell)],
        [label("연계 결과"), _boxes(fonts, st)],
        [label("제공 서비스"), text("")],
        [label("회신일"), blank_date],
        [label("비고"), text("")],
    ]
    label_w = 32 * mm
    heights = [None, None, None, 11 * mm, 11 * mm, 11 * mm, 36 * mm, 11 * mm, 24 * mm]
    grid = table(rows, [label_w, FRAME_WIDTH - label_w], fonts, [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (1, 6), (1, 6), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ], rowHeights=heights)

    back = [f"{rich('회신처', fonts, bold=True)}&nbsp;&nbsp;{rich(org.name, fonts, multiline=False)}"
            + (f" ({rich(org.department, fonts, multiline=False)})" if org.department else "")]
    if org.postal_code or org.address:
        back.append(f"{rich('주소', fonts, bold=True)}&nbsp;&nbsp;"
                    + rich(" ".join(p for p in (f"우 {org.postal_code}" if org.postal_code else "", org.address) if p),
                           fonts, multiline=False))
    contact = []
    if org.fax:
        contact.append(f"{rich('팩스', fonts, bold=True)} {rich(format_phone(org.fax), fonts, multiline=False)}")
    if org.phone:
        contact.append(f"{rich('전화', fonts, bold=True)} {rich(format_phone(org.phone), fonts, multiline=False)}")
    if org.email:
        contact.append(f"{rich('전자우편', fonts, bold=True)} {rich(org.email, fonts, multiline=False)}")
    if contact:
        back.append("&nbsp;&nbsp;/&nbsp;&nbsp;".join(contact))
    if content.reply_by:
        back.append(f"{rich('회신 요청', fonts, bold=True)}&nbsp;&nbsp;{format_date(content.reply_by)}까지")
    back_box = table([[Paragraph("<br/>".join(back), st.foot)]], [FRAME_WIDTH], fonts, [
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)])

    return [
        Paragraph(rich(REPLY_SLIP_PDF_TITLE, fonts, bold=True, multiline=False), st.title),
        Spacer(1, 2 * mm),
        Paragraph(rich(f"{content.number} 연계 의뢰에 대한 회신", fonts, multiline=False), st.sub),
        Spacer(1, 7 * mm),
        grid,
        Spacer(1, 9 * mm),
        text("위와 같이 회신합니다.", st.body),
        Spacer(1, 6 * mm),
        Paragraph(BLANK_DATE, st.body),
        Spacer(1, 6 * mm),
        Paragraph("회신 기관" + "&nbsp;" * 40 + "(서명 또는 인)", st.right),
        Spacer(1, 8 * mm),
        Paragraph(rich(f"{org.signature_title} 귀하", fonts, bold=True, multiline=False), st.addressee),
        Spacer(1, 8 * mm),
        back_box,
    ]


def render_reply_slip(content: ReplySlipContent, fonts: LetterFonts | None = None) -> bytes:
    """The slip alone as PDF bytes (A4, fonts embedded, deterministic, in memory only)."""
    fonts = fonts or load_fonts()
    with RENDER_LOCK:
        return build_pdf(reply_slip_story(content, fonts), fonts, day=content.issue_date,
                         title=REPLY_SLIP_PDF_TITLE, author=clean(content.sender.name), subject=REPLY_SLIP_PDF_TITLE,
                         on_page=lambda canvas, doc: None)
