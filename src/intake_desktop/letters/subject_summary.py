"""The readable summary that goes with a data-subject export (PIPA art. 35): everything held
about one person, on A4, in Korean. Built from the same dict as the JSON export, so the two
never disagree. Plain data in, PDF bytes out (no Qt, no SQL)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from intake_desktop.letters.fonts import LetterFonts, load_fonts
from intake_desktop.letters.pdfkit import build_pdf, rich

TITLE = "개인정보 열람 자료"
SECTIONS = (
    ("intakes", "초기상담"), ("notes", "상담 기록"), ("plans", "서비스 계획"),
    ("follow_ups", "후속 조치"), ("consents", "동의"), ("referrals", "연계·의뢰"), ("letters", "발송 공문"),
    ("attachments", "첨부 문서"),
)
PERSON_LABELS = {
    "name": "성명", "birth_date": "생년월일", "gender": "성별", "mobile": "휴대전화", "address": "주소",
    "emergency_contact_name": "비상 연락처", "emergency_contact_phone": "비상 연락처 전화",
    "preferred_contact": "선호 연락 방법",
}


def _lines(value, indent: str = "") -> list[str]:
    """A JSON value as readable 'key: value' lines (nested values indented)."""
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                out.append(f"{indent}{key}:")
                out.extend(_lines(item, indent + "    "))
            else:
                out.append(f"{indent}{key}: {'' if item is None else item}")
        return out
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, (dict, list)):
                out.append(f"{indent}-")
                out.extend(_lines(item, indent + "    "))
            else:
                out.append(f"{indent}- {item}")
        return out
    return [f"{indent}{value}"]


def render_subject_summary(data: dict, fonts: LetterFonts | None = None) -> bytes:
    fonts = fonts or load_fonts()
    title = ParagraphStyle("title", fontName=fonts.bold, fontSize=16, leading=22, spaceAfter=6)
    heading = ParagraphStyle("heading", fontName=fonts.bold, fontSize=12, leading=17, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=9.5, leading=14)

    def para(text: str, style=body) -> Paragraph:
        return Paragraph(rich(text, fonts), style)

    story = [para(TITLE, title),
             para(f"사례번호 {data['case_number']} · 단계 {data['stage']} · "
                  f"열람 자료 작성 {data['exported_at'][:10]} ({data['exported_by']})"),
             Spacer(1, 6), para("인적 사항", heading)]
    person = dict(data.get("person", {}))
    for key, label in PERSON_LABELS.items():
        value = person.pop(key, "")
        if isinstance(value, dict):
            value = " ".join(str(v) for v in value.values() if v)
        story.append(para(f"{label}: {value}"))
    story.extend(para(line) for line in _lines(person))
    story.append(para("사례 정보", heading))
    story.extend(para(line) for line in _lines(data.get("case", {})) or [para("-")])
    for key, label in SECTIONS:
        items = data.get(key) or []
        story.append(para(f"{label} ({len(items)}건)", heading))
        for number, item in enumerate(items, start=1):
            story.append(para(f"{number}.", body))
            story.extend(para(line) for line in _lines(item, "    "))
    day = date.fromisoformat(data["exported_at"][:10])
    return build_pdf(story, fonts, day=day, title=TITLE, author="", subject="")
