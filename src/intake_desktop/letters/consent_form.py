"""The printable consent form: 개인정보 수집·이용 및 제3자 제공 동의서.

Three kinds of block, each with its own tick boxes (DOMAIN.md, "Consent"):
  (a) collection and use (개인정보 보호법 art. 15): purpose, items, retention, the right to
      refuse and what refusing means;
  (b) sensitive information (art. 23), separately;
  (c) one block PER partner institution (art. 17(2)): recipient, purpose, items provided,
      retention at the recipient, the right to refuse and what refusing means — plus a separate
      tick for any sensitive items that partner would receive.
The important parts (recipient, its purpose, sensitive items, retention periods, the questions)
are printed larger and bold: IMPORTANT_SIZE >= 9 pt and >= 1.2 x BODY_SIZE.
Under-14s get a guardian (법정대리인) signature block.
Wording: resources/letters/consent_form.yaml and each letter template's ``consent:`` part.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, StrictStr, ValidationError
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from intake_desktop.letters.fonts import LetterFonts, load_fonts
from intake_desktop.letters.formatting import age_on, clean, format_date
from intake_desktop.letters.model import SENSITIVE, FieldMeta, Organisation, Recipient
from intake_desktop.letters.pdfkit import FRAME_WIDTH, RENDER_LOCK, build_pdf, rich, table
from intake_desktop.letters.templates import LetterTemplate, TemplateError, _describe, _read_yaml, templates_dir

BODY_SIZE = 10.0
IMPORTANT_SIZE = 12.0  # >= 9 pt and >= 20 % larger than the body (고시: 중요한 내용의 표시)
TITLE_SIZE = 16.0
SMALL_SIZE = 9.0  # never below 9 pt anywhere on the form
GUARDIAN_AGE = 14
CONSENT_PDF_TITLE = "개인정보 수집·이용 및 제3자 제공 동의서"

BOX = "□"


# ---------------------------------------------------------------------------------------------
# Wording (data)

class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Block(_Model):
    heading: StrictStr
    purpose: StrictStr
    retention: StrictStr
    refusal: StrictStr
    question: StrictStr


class _ThirdParty(_Model):
    heading: StrictStr
    intro: StrictStr
    question: StrictStr
    sensitive_question: StrictStr


class _Labels(_Model):
    purpose: StrictStr
    items: StrictStr
    sensitive_items: StrictStr
    retention: StrictStr
    refusal: StrictStr
    recipient: StrictStr
    recipient_purpose: StrictStr
    provided_items: StrictStr
    recipient_retention: StrictStr
    agree: StrictStr
    disagree: StrictStr


class _Signature(_Model):
    date_line: StrictStr
    person: StrictStr
    guardian: StrictStr
    guardian_note: StrictStr
    name: StrictStr
    birth_date: StrictStr
    relation: StrictStr
    phone: StrictStr
    sign: StrictStr
    addressee: StrictStr


class ConsentWording(_Model):
    format: Literal[1]
    title: StrictStr
    intro: StrictStr
    collection: _Block
    sensitive: _Block
    third_party: _ThirdParty
    labels: _Labels
    withdrawal: StrictStr
    signature: _Signature


def load_consent_wording(directory: Path | None = None) -> ConsentWording:
    folder = Path(directory) if directory is not None else templates_dir()
    path = folder / "consent_form.yaml"
    return _load_wording(str(path), path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=8)
def _load_wording(path: str, _mtime: int) -> ConsentWording:
    data = _read_yaml(Path(path))
    try:
        return ConsentWording.model_validate(data)
    except ValidationError as exc:
        raise TemplateError(f"{path}: {_describe(exc)}") from None


# ---------------------------------------------------------------------------------------------
# Content (what is printed)

@dataclass(frozen=True)
class ConsentPart:
    """Block (a) or (b): what the centre itself collects."""

    purpose: str
    items: tuple[str, ...]
    retention: str
    refusal: str


@dataclass(frozen=True)
class RecipientConsent:
    """Block (c) for one partner institution."""

    recipient: str  # institution name: 동작이수사회복지관
    purpose: str
    items: tuple[str, ...]  # Korean labels of the items provided
    retention: str  # at the recipient
    refusal: str  # the right to refuse and what refusing means
    sensitive_items: tuple[str, ...] = ()  # sensitive items this partner would receive (own tick)


@dataclass(frozen=True)
class ConsentFormContent:
    organisation: Organisation
    issue_date: date
    collection: ConsentPart
    recipients: tuple[RecipientConsent, ...] = ()
    sensitive: ConsentPart | None = None  # None: no sensitive information is processed
    person_name: str = ""  # pre-filled; blank lines to fill by hand when empty
    birth_date: date | None = None
    guardian_required: bool | None = None  # None: decided from birth_date (under 14 at issue_date)

    @property
    def needs_guardian(self) -> bool:
        if self.guardian_required is not None:
            return self.guardian_required
        return self.birth_date is not None and age_on(self.birth_date, self.issue_date) < GUARDIAN_AGE


def recipient_consent(template: LetterTemplate, recipient: Recipient, items: Iterable[str],
                      sensitive_items: Iterable[str] = ()) -> RecipientConsent:
    """Block (c) for one partner, worded from that partner kind's template."""
    if template.kind.value != recipient.kind_value:
        raise ValueError(f"the '{template.kind.value}' template does not match a '{recipient.kind_value}' recipient")
    return RecipientConsent(
        recipient=clean(recipient.name, multiline=False),
        purpose=clean(template.consent.purpose),
        items=tuple(clean(i, multiline=False) for i in items if clean(i)),
        retention=clean(template.consent.retention),
        refusal=clean(template.consent.refusal),
        sensitive_items=tuple(clean(i, multiline=False) for i in sensitive_items if clean(i)),
    )


def recipient_consent_for(template: LetterTemplate, recipient: Recipient, field_meta: Mapping[str, FieldMeta],
                          field_ids: Iterable[str] | None = None) -> RecipientConsent:
    """Block (c) listing the fields this partner could receive (``offerable_fields``), or only
    ``field_ids`` among them; sensitive ones get their own tick."""
    from intake_desktop.letters.compose import offerable_fields
    offer = offerable_fields(template, field_meta)
    if field_ids is not None:
        wanted = set(field_ids)
        offer = [fid for fid in offer if fid in wanted]
    labels = {f.id: (f.label.ko if f.label else None) for f in template.person.fields}
    labels.update({f.id: (f.label.ko if f.label else None) for s in template.sections for f in s.fields})
    plain, sensitive = [], []
    for fid in offer:
        label = labels.get(fid) or field_meta[fid].label_ko
        (sensitive if field_meta[fid].sensitivity_value in SENSITIVE else plain).append(label)
    return recipient_consent(template, recipient, plain, sensitive)


def collection_part(items: Iterable[str], wording: ConsentWording | None = None) -> ConsentPart:
    w = (wording or load_consent_wording()).collection
    return ConsentPart(clean(w.purpose), tuple(clean(i) for i in items if clean(i)), clean(w.retention), clean(w.refusal))


def sensitive_part(items: Iterable[str], wording: ConsentWording | None = None) -> ConsentPart | None:
    items = tuple(clean(i) for i in items if clean(i))
    if not items:
        return None
    w = (wording or load_consent_wording()).sensitive
    return ConsentPart(clean(w.purpose), items, clean(w.retention), clean(w.refusal))


# ---------------------------------------------------------------------------------------------
# Layout

@dataclass(frozen=True)
class ConsentStyleSizes:
    body: float = BODY_SIZE
    important: float = IMPORTANT_SIZE
    title: float = TITLE_SIZE
    small: float = SMALL_SIZE

    def check(self) -> None:
        if self.important < 9 or self.important < self.body * 1.2 - 1e-9 or self.small < 9:
            raise ValueError("important text must be >= 9 pt and >= 20 % larger than the body; nothing < 9 pt")


def consent_styles(fonts: LetterFonts, sizes: ConsentStyleSizes | None = None) -> dict[str, ParagraphStyle]:
    """The style table (tests read the sizes from here and from the PDF's Tf operators)."""
    z = sizes or ConsentStyleSizes()
    z.check()
    r, b = fonts.regular, fonts.bold
    return {
        "title": ParagraphStyle("title", fontName=b, fontSize=z.title, leading=z.title * 1.35, alignment=TA_CENTER,
                                spaceAfter=4 * mm),
        "body": ParagraphStyle("body", fontName=r, fontSize=z.body, leading=z.body * 1.5, splitLongWords=1),
        "heading": ParagraphStyle("heading", fontName=b, fontSize=z.important, leading=z.important * 1.4,
                                  spaceBefore=4 * mm, spaceAfter=1.5 * mm),
        "label": ParagraphStyle("label", fontName=b, fontSize=z.body, leading=z.body * 1.4),
        "cell": ParagraphStyle("cell", fontName=r, fontSize=z.body, leading=z.body * 1.45),
        "important": ParagraphStyle("important", fontName=b, fontSize=z.important, leading=z.important * 1.4),
        "question": ParagraphStyle("question", fontName=b, fontSize=z.important, leading=z.important * 1.5),
        "small": ParagraphStyle("small", fontName=r, fontSize=z.small, leading=z.small * 1.5),
        "right": ParagraphStyle("right", fontName=r, fontSize=z.important, leading=z.important * 1.6,
                                alignment=TA_RIGHT),
        "addressee": ParagraphStyle("addressee", fontName=b, fontSize=z.important + 2, leading=(z.important + 2) * 1.4,
                                    spaceBefore=5 * mm),
    }


def _grid(rows: list[list], widths: list[float], fonts: LetterFonts) -> Table:
    return table(rows, widths, fonts, [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ], splitInRow=1)


def _row(label: str, value: str, important: bool, st, fonts) -> list:
    style = st["important"] if important else st["cell"]
    return [Paragraph(rich(label, fonts, bold=True), st["label"]), Paragraph(rich(value, fonts, bold=important), style)]


def _tick_line(question: str, st, fonts, w: ConsentWording) -> Table:
    agree = f"{rich(w.labels.agree, fonts, bold=True)} {BOX}&nbsp;&nbsp;&nbsp;&nbsp;{rich(w.labels.disagree, fonts, bold=True)} {BOX}"
    return table([[Paragraph(rich(question, fonts, bold=True), st["question"]), Paragraph(agree, st["question"])]],
                 [FRAME_WIDTH * 0.6, FRAME_WIDTH * 0.4], fonts, [
                     ("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                     ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                     ("LEFTPADDING", (0, 0), (-1, -1), 5)])


def _own_part(part: ConsentPart, block, number: int, sensitive: bool, st, fonts, w: ConsentWording) -> list:
    label_w = 42 * mm
    L = w.labels
    rows = [
        _row(L.purpose, part.purpose, False, st, fonts),
        _row(L.sensitive_items if sensitive else L.items, ", ".join(part.items), sensitive, st, fonts),
        _row(L.retention, part.retention, True, st, fonts),
        _row(L.refusal, part.refusal, False, st, fonts),
    ]
    return [KeepTogether([
        Paragraph(rich(f"{number}. {block.heading}", fonts, bold=True), st["heading"]),
        _grid(rows, [label_w, FRAME_WIDTH - label_w], fonts),
        Spacer(1, 1.5 * mm),
        _tick_line(block.question, st, fonts, w),
    ])]


def _recipient_block(rc: RecipientConsent, number: str, st, fonts, w: ConsentWording) -> list:
    label_w = 42 * mm
    L = w.labels
    rows = [
        _row(L.recipient, rc.recipient, True, st, fonts),
        _row(L.recipient_purpose, rc.purpose, True, st, fonts),
        _row(L.provided_items, ", ".join(rc.items + rc.sensitive_items), False, st, fonts),
        _row(L.recipient_retention, rc.retention, True, st, fonts),
        _row(L.refusal, rc.refusal, False, st, fonts),
    ]
    parts = [
        Paragraph(rich(f"{number} {rc.recipient}", fonts, bold=True), st["heading"]),
        _grid(rows, [label_w, FRAME_WIDTH - label_w], fonts),
        Spacer(1, 1.5 * mm),
        _tick_line(w.third_party.question, st, fonts, w),
    ]
    if rc.sensitive_items:
        question = clean(w.third_party.sensitive_question).replace("{items}", ", ".join(rc.sensitive_items))
        parts += [Spacer(1, 1 * mm), _tick_line(question, st, fonts, w)]
    return [KeepTogether(parts)]


def _signature(content: ConsentFormContent, st, fonts, w: ConsentWording) -> list:
    S = w.signature
    blank = "&nbsp;" * 16
    name = rich(content.person_name, fonts) if content.person_name else blank
    birth = format_date(content.birth_date) if content.birth_date else blank

    def line(role: str, cells: list[tuple[str, str]]) -> Table:
        row = [Paragraph(rich(role, fonts, bold=True), st["label"])]
        for label, value in cells:
            row.append(Paragraph(f"{rich(label, fonts, bold=True)}&nbsp;&nbsp;{value}", st["cell"]))
        row.append(Paragraph(rich(S.sign, fonts), st["cell"]))
        widths = [30 * mm] + [(FRAME_WIDTH - 60 * mm) / len(cells)] * len(cells) + [30 * mm]
        return table([row], widths, fonts, [
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 2)])

    out = [
        Spacer(1, 4 * mm),
        Paragraph(rich(clean(S.date_line).replace(" ", "\u00a0"), fonts), st["right"]),
        Spacer(1, 2 * mm),
        line(S.person, [(S.name, name), (S.birth_date, birth)]),
    ]
    if content.needs_guardian:
        out += [
            Spacer(1, 2 * mm),
            line(S.guardian, [(S.name, blank), (S.relation, "&nbsp;" * 8), (S.phone, "&nbsp;" * 12)]),
            Paragraph(rich(S.guardian_note, fonts), st["small"]),
        ]
    head = content.organisation.signature_title
    out.append(Paragraph(rich(clean(S.addressee).replace("{head}", head), fonts, bold=True), st["addressee"]))
    return [KeepTogether(out)]


def consent_story(content: ConsentFormContent, fonts: LetterFonts, wording: ConsentWording | None = None,
                  sizes: ConsentStyleSizes | None = None) -> list:
    w = wording or load_consent_wording()
    st = consent_styles(fonts, sizes)
    org = content.organisation.name
    story = [
        Paragraph(rich(w.title, fonts, bold=True), st["title"]),
        Paragraph(rich(clean(w.intro).replace("{organisation}", org), fonts), st["body"]),
    ]
    number = 1
    story += _own_part(content.collection, w.collection, number, False, st, fonts, w)
    if content.sensitive is not None:
        number += 1
        story += _own_part(content.sensitive, w.sensitive, number, True, st, fonts, w)
    if content.recipients:
        number += 1
        lead = [Paragraph(rich(f"{number}. {w.third_party.heading}", fonts, bold=True), st["heading"]),
                Paragraph(rich(w.third_party.intro, fonts), st["body"])]
        for i, rc in enumerate(content.recipients, 1):
            block = _recipient_block(rc, f"{number}-{i}.", st, fonts, w)
            story.append(KeepTogether(lead + block) if i == 1 else block[0])
    story += [Spacer(1, 3 * mm), Paragraph(rich(w.withdrawal, fonts), st["body"])]
    story += _signature(content, st, fonts, w)
    return story


def render_consent_form(content: ConsentFormContent, fonts: LetterFonts | None = None,
                        wording: ConsentWording | None = None, sizes: ConsentStyleSizes | None = None) -> bytes:
    """The consent form as PDF bytes (A4, embedded fonts, deterministic, in memory only)."""
    fonts = fonts or load_fonts()
    with RENDER_LOCK:
        story = consent_story(content, fonts, wording, sizes)
        return build_pdf(story, fonts, day=content.issue_date, title=CONSENT_PDF_TITLE,
                         author=clean(content.organisation.name), subject=CONSENT_PDF_TITLE)
