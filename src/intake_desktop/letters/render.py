"""LetterContent -> PDF bytes: a Korean official document (공문) on A4.

Layout (행정업무 공문서 양식, followed by private centres by custom):
  두문  sender name (centred, large); 수신 addressee(department); (경유); 제목
  본문  1. greeting  2. lead, with 가. sections (person table, situation items 1) ...,
        reason, requested service, first-contact notes, reply-by)  3. closing ...
        붙임  1. 개인정보 제3자 제공 동의서 1부.  끝.
  결문  발신명의 (centred, large); 기안자·검토자·결재권자; 시행 number (date)  접수 ( );
        우 postal code address / homepage; 전화 팩스 / 전자우편 / 공개구분
Every page carries '- n -' at the foot. Same content -> same bytes. Nothing is written to disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import HRFlowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from intake_desktop.letters.fonts import LetterFonts, load_fonts
from intake_desktop.letters.formatting import clean, format_date, format_phone
from intake_desktop.letters.model import Item, LetterContent, Section, Signatory
from intake_desktop.letters.pdfkit import FRAME_WIDTH, RENDER_LOCK, build_pdf, rich, table
from intake_desktop.letters.reply_slip import ReplySlipContent, reply_slip_story

_HANGUL_MARKS = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"
DEFAULT_SIGNATORY_ROLES = ("기안자", "검토자", "결재권자")
TEXT_INLINE_LIMIT = 90
LETTER_PDF_TITLE = "연계 의뢰서"  # never personal data  # a section's text this short (one paragraph) follows its heading on one line


def item_marker(level: int, n: int) -> str:
    """Korean official numbering: 1. 가. 1) 가) (1) (가) ① ㉮ (n starts at 1)."""
    def hangul(i: int) -> str | None:
        return _HANGUL_MARKS[i - 1] if 1 <= i <= len(_HANGUL_MARKS) else None

    kind = level % 8
    if kind == 0:
        return f"{n}."
    if kind == 1:
        return f"{hangul(n)}." if hangul(n) else f"{n}."
    if kind == 2:
        return f"{n})"
    if kind == 3:
        return f"{hangul(n)})" if hangul(n) else f"{n})"
    if kind == 4:
        return f"({n})"
    if kind == 5:
        return f"({hangul(n)})" if hangul(n) else f"({n})"
    if kind == 6:
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"
    return chr(0x326E + n - 1) if 1 <= n <= 14 else f"({n})"


@dataclass(frozen=True)
class LetterStyle:
    """Sizes in points. Body 11 pt is within the 10–12 pt usual for 공문."""

    org_size: float = 20
    head_size: float = 11.5
    body_size: float = 11
    table_size: float = 10
    sender_size: float = 18
    foot_size: float = 9
    leading_ratio: float = 1.5


class _Styles:
    def __init__(self, fonts: LetterFonts, s: LetterStyle):
        self.fonts = fonts
        self.s = s
        r, b = fonts.regular, fonts.bold
        lr = s.leading_ratio
        self.org = ParagraphStyle("org", fontName=b, fontSize=s.org_size, leading=s.org_size * 1.3,
                                  alignment=TA_CENTER, spaceAfter=6 * mm)
        self.head = ParagraphStyle("head", fontName=r, fontSize=s.head_size, leading=s.head_size * 1.45)
        self.head_bold = ParagraphStyle("head_bold", parent=self.head, fontName=b)
        self.body = ParagraphStyle("body", fontName=r, fontSize=s.body_size, leading=s.body_size * lr,
                                   bulletFontName=r, bulletFontSize=s.body_size, alignment=TA_LEFT,
                                   spaceBefore=1.2, spaceAfter=1.2, splitLongWords=1)
        self.cell = ParagraphStyle("cell", fontName=r, fontSize=s.table_size, leading=s.table_size * 1.45)
        self.cell_label = ParagraphStyle("cell_label", parent=self.cell, fontName=b, alignment=TA_CENTER)
        self.sender = ParagraphStyle("sender", fontName=b, fontSize=s.sender_size, leading=s.sender_size * 1.3,
                                     alignment=TA_CENTER)
        self.foot = ParagraphStyle("foot", fontName=r, fontSize=s.foot_size, leading=s.foot_size * 1.5)
        self._levels: dict[tuple[int, str], ParagraphStyle] = {}

    @property
    def step(self) -> float:
        """Indent per level: one Korean character (2 half-width spaces, 2타)."""
        return self.s.body_size

    def marker_width(self, marker: str) -> float:
        return stringWidth(marker, self.fonts.regular, self.s.body_size) + 0.3 * self.s.body_size

    def text_indent(self, level: int, marker: str) -> float:
        return level * self.step + self.marker_width(marker)

    def level(self, level: int, marker: str) -> ParagraphStyle:
        key = (level, marker)
        style = self._levels.get(key)
        if style is None:
            style = ParagraphStyle(f"l{level}-{marker}", parent=self.body, bulletIndent=level * self.step,
                                   leftIndent=self.text_indent(level, marker))
            self._levels[key] = style
        return style

    def indented(self, left: float) -> ParagraphStyle:
        return ParagraphStyle(f"in{left:.1f}", parent=self.body, leftIndent=left)


def _para(text: str, style: ParagraphStyle, fonts: LetterFonts, *, bold: bool = False) -> Paragraph:
    return Paragraph(rich(text, fonts, bold=bold), style)


def _labelled(label: str, text: str, fonts: LetterFonts) -> str:
    """'label: text' as markup (both parts escaped)."""
    return rich(label, fonts, multiline=False) + ": " + rich(text, fonts)


def _items(items: tuple[Item, ...], level: int, st: _Styles) -> list:
    out = []
    for n, item in enumerate(items, 1):
        marker = item_marker(level, n)
        markup = _labelled(item.label, item.text, st.fonts) if item.label else rich(item.text, st.fonts)
        out.append(Paragraph(markup, st.level(level, marker), bulletText=marker))
        if item.children:
            out.extend(_items(item.children, level + 1, st))
    return out


def _person_table(rows: tuple[tuple[str, str], ...], left: float, st: _Styles) -> Table:
    width = FRAME_WIDTH - left
    label_w = 30 * mm
    data = [[Paragraph(rich(label, st.fonts, multiline=False), st.cell_label), Paragraph(rich(value, st.fonts), st.cell)]
            for label, value in rows]
    grid = table(data, [label_w, width - label_w], st.fonts, [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ], splitInRow=1)
    return _indent(grid, left, st.fonts)


def _indent(flowable, left: float, fonts: LetterFonts) -> Table:
    """Shift a flowable right by ``left`` points (a two-cell table that can split by row)."""
    return table([[Spacer(left, 1), flowable]], [left, FRAME_WIDTH - left], fonts, [
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)], splitInRow=1)


def _section(section: Section, n: int, st: _Styles) -> list:
    level = 1
    marker = item_marker(level, n)
    style = st.level(level, marker)
    text_left = st.text_indent(level, marker)
    out = []
    heading = rich(section.heading, st.fonts, multiline=False)
    inline = (section.text and not section.rows and not section.items
              and "\n" not in section.text and len(section.text) <= TEXT_INLINE_LIMIT)
    if inline:
        out.append(Paragraph(heading + ": " + rich(section.text, st.fonts), style, bulletText=marker))
        return out
    out.append(Paragraph(heading, style, bulletText=marker))
    if section.rows:
        out.append(_person_table(section.rows, text_left, st))
    if section.text:
        for block in section.text.split("\n"):
            if block.strip():
                out.append(Paragraph(rich(block, st.fonts), st.indented(text_left)))
    if section.items:
        out.extend(_items(section.items, level + 1, st))
    return out


def _attachments(content: LetterContent, st: _Styles) -> list:
    items = list(content.attachments)
    label_w = stringWidth("붙임", st.fonts.regular, st.s.body_size) + 1.5 * st.s.body_size
    lines = []
    for i, text in enumerate(items, 1):
        line = f"{i}. " + rich(text, st.fonts, multiline=False)
        if i == len(items):
            line += "&nbsp;&nbsp;끝."  # two spaces before 끝.
        lines.append(line)
    para = Paragraph("<br/>".join(lines), st.body)
    block = table([[Paragraph(rich("붙임", st.fonts), st.body), para]], [label_w, FRAME_WIDTH - label_w], st.fonts, [
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 0)])
    return [Spacer(1, 3 * mm), block]


def _signatory_cells(signatories: tuple[Signatory, ...], st: _Styles) -> list:
    people = list(signatories) or [Signatory(role, "", "") for role in DEFAULT_SIGNATORY_ROLES]
    cells = []
    for person in people:
        role = rich(person.role, st.fonts, bold=True, multiline=False)
        rest = " ".join(p for p in (person.title, person.name) if p)
        cells.append(Paragraph(role + ("&nbsp;&nbsp;" + rich(rest, st.fonts, multiline=False) if rest else ""), st.foot))
    return cells


def _closing_block(content: LetterContent, st: _Styles) -> list:
    org = content.sender
    fonts = st.fonts
    sig = _signatory_cells(content.signatories, st)
    sig_table = table([sig], [FRAME_WIDTH / len(sig)] * len(sig), fonts, [
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("VALIGN", (0, 0), (-1, -1), "TOP")])

    def b(label: str) -> str:
        return rich(label, fonts, bold=True, multiline=False)

    gap = "&nbsp;&nbsp;"
    reception = rich(content.reception, fonts, multiline=False) if content.reception else "&nbsp;" * 24
    issued = f"{b('시행')}{gap}{rich(content.number, fonts, multiline=False)} ({format_date(content.issue_date)})"
    received = f"{b('접수')}{gap}({reception})"
    number_table = table([[Paragraph(issued, st.foot), Paragraph(received, st.foot)]],
                         [FRAME_WIDTH * 0.55, FRAME_WIDTH * 0.45], fonts, [
                             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])

    address = " ".join(p for p in (org.address,) if p)
    line_address = f"{b('우')} {rich(org.postal_code, fonts, multiline=False)}{gap}{rich(address, fonts, multiline=False)}"
    if org.homepage:
        line_address += f"{gap}/{gap}{rich(org.homepage, fonts, multiline=False)}"
    contact_parts = []
    if org.phone:
        contact_parts.append(f"{b('전화')} {rich(format_phone(org.phone), fonts, multiline=False)}")
    if org.fax:
        contact_parts.append(f"{b('팩스')} {rich(format_phone(org.fax), fonts, multiline=False)}")
    line_contact = gap.join(contact_parts)
    tail = []
    if org.email:
        tail.append(f"{b('전자우편')} {rich(org.email, fonts, multiline=False)}")
    tail.append(f"{b('공개구분')} {rich(content.classification, fonts, multiline=False)}")
    line_contact = f"{gap}/{gap}".join(([line_contact] if line_contact else []) + tail)

    return [
        Spacer(1, 10 * mm),
        _para(org.signature_title, st.sender, fonts),
        Spacer(1, 6 * mm),
        HRFlowable(width="100%", thickness=1.2, color=colors.black, spaceBefore=0, spaceAfter=2),
        sig_table,
        HRFlowable(width="100%", thickness=0.4, color=colors.black, spaceBefore=1, spaceAfter=2),
        number_table,
        Paragraph(line_address, st.foot),
        Paragraph(line_contact, st.foot),
        HRFlowable(width="100%", thickness=1.2, color=colors.black, spaceBefore=2, spaceAfter=0),
    ]


def _head(content: LetterContent, st: _Styles) -> list:
    fonts = st.fonts
    rec = content.recipient
    to = rec.addressee or rec.name
    if rec.department:
        to = f"{to}({rec.department})"
    label_w = 16 * mm
    rows = [
        [Paragraph(rich("수신", fonts, bold=True), st.head), Paragraph(rich(to, fonts, multiline=False), st.head)],
        [Paragraph(rich("(경유)", fonts), st.head), Paragraph(rich(rec.via, fonts, multiline=False), st.head)],
        [Paragraph(rich("제목", fonts, bold=True), st.head),
         Paragraph(rich(content.title, fonts, bold=True, multiline=False), st.head_bold)],
    ]
    head = table(rows, [label_w, FRAME_WIDTH - label_w], fonts, [
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return [
        _para(content.sender.name, st.org, fonts),
        head,
        HRFlowable(width="100%", thickness=0.8, color=colors.black, spaceBefore=2 * mm, spaceAfter=3 * mm),
    ]


def letter_story(content: LetterContent, fonts: LetterFonts, style: LetterStyle | None = None) -> list:
    st = _Styles(fonts, style or LetterStyle())
    story = _head(content, st)

    paragraphs: list[tuple[str, tuple[Section, ...]]] = []
    if content.greeting:
        paragraphs.append((content.greeting, ()))
    paragraphs.append((content.lead, content.body))
    paragraphs.extend((line, ()) for line in content.closing)
    last = len(paragraphs)
    tail: list = []  # the last paragraph, 붙임 and the 결문 stay on one page together
    for n, (text, sections) in enumerate(paragraphs, 1):
        marker = item_marker(0, n)
        markup = rich(text, fonts)
        if n == last and not content.attachments:
            markup += "&nbsp;&nbsp;끝."
        para = Paragraph(markup, st.level(0, marker), bulletText=marker)
        (tail if n == last and not sections else story).append(para)
        for i, section in enumerate(sections, 1):
            story.extend(_section(section, i, st))
    if content.attachments:
        tail.extend(_attachments(content, st))
    tail.extend(_closing_block(content, st))
    story.append(KeepTogether(tail))
    return story


def render_letter(content: LetterContent, fonts: LetterFonts | None = None,
                  style: LetterStyle | None = None,
                  reply_slip: ReplySlipContent | None = None) -> bytes:
    """The letter as PDF bytes (A4, fonts embedded, deterministic, in memory only).

    `reply_slip`, when given, is printed as the last page (letters/reply_slip.py).

    PDF metadata is neutral: title and subject '연계 의뢰서', author = the sending centre,
    no keywords; nothing from the letter's content (file names are the caller's business).
    """
    fonts = fonts or load_fonts()
    with RENDER_LOCK:
        story = letter_story(content, fonts, style)
        if reply_slip is not None:
            story += [PageBreak(), *reply_slip_story(reply_slip, fonts)]
        return build_pdf(story, fonts, day=content.issue_date, title=LETTER_PDF_TITLE,
                         author=clean(content.sender.name), subject=LETTER_PDF_TITLE)
