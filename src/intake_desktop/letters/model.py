"""What a referral letter says, as plain data (no ReportLab, no Qt, no SQL).

``compose.compose_letter`` builds a ``LetterContent`` from a case, the consent and a template;
``render.render_letter`` turns it into PDF bytes. Everything in a LetterContent is printed:
the consent filter runs before, in compose, never in the renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from types import MappingProxyType


class PartnerKind(str, Enum):
    """Kinds of partner institution. The values equal formdefs.Recipient's."""

    WELFARE = "welfare"  # 사회복지관: peer groups, culture programmes
    LABOUR = "labour"  # 고용센터 (고용노동부): job exploration, training, 국민취업지원제도
    JOBCENTRE = "jobcentre"  # 청년일자리센터: work experience, job linking
    POLICE = "police"  # 경찰서: safety check only
    GENERIC = "generic"  # any other institution


def kind_value(kind) -> str:
    """'welfare' from PartnerKind.WELFARE, formdefs.Recipient.WELFARE or 'welfare'."""
    return str(getattr(kind, "value", kind))


class Sensitivity(str, Enum):
    """Same values as formdefs.Sensitivity."""

    NONE = "none"
    PERSONAL = "personal"
    HEALTH = "health"  # 민감정보 (개인정보 보호법 art. 23): needs the separate consent
    CRIME = "crime"  # crime victimisation / offending: sensitive; at most to the police


SENSITIVE = frozenset({Sensitivity.HEALTH.value, Sensitivity.CRIME.value})

# Field types that carry test results or instrument answers: never printed for the police.
SCORE_TYPES = frozenset({"score", "instrument", "likert"})


@dataclass(frozen=True)
class Organisation:
    """The sending centre (or any institution). Printed in the 두문 and 결문."""

    name: str  # 서울청년기지개센터
    short_name: str  # 기지개 (document numbers: 기지개-123)
    head_title: str = "센터장"
    department: str = ""  # 처리과, e.g. 사례관리팀
    address: str = ""  # road-name address
    postal_code: str = ""  # 5 digits
    phone: str = ""
    fax: str = ""
    email: str = ""
    homepage: str = ""
    sender_title: str = ""  # 발신명의; empty: derived, e.g. 서울청년기지개센터장

    @property
    def signature_title(self) -> str:
        """발신명의: '서울청년기지개센터' + '센터장' -> '서울청년기지개센터장'."""
        if self.sender_title:
            return self.sender_title
        head = self.head_title or "장"
        if head.endswith("장") and len(head) > 1 and self.name.endswith(head[:-1]):
            return self.name + "장"
        return f"{self.name}{head}" if head == "장" else f"{self.name} {head}"


@dataclass(frozen=True)
class Recipient:
    """수신: the partner institution. ``addressee`` is how the head is addressed."""

    kind: PartnerKind | str
    name: str  # 동작이수사회복지관
    addressee: str  # 동작이수사회복지관장
    department: str = ""  # printed in brackets after the addressee: (사례관리팀장)
    via: str = ""  # 경유 institution, if any

    @property
    def kind_value(self) -> str:
        return kind_value(self.kind)


@dataclass(frozen=True)
class Signatory:
    """One person in the 기안자·검토자·결재권자 row."""

    role: str  # 기안자 | 검토자 | 결재권자 | 협조자
    title: str  # 직위: 사회복지사, 팀장, 센터장
    name: str


@dataclass(frozen=True)
class Item:
    """A numbered line of the body; children are numbered one level deeper
    (1. -> 가. -> 1) -> 가) -> (1) -> (가) -> ① -> ㉮)."""

    text: str
    label: str = ""  # printed as 'label: text'
    children: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Section:
    """One lettered block under the main body paragraph (가. 대상자 인적사항, 나. ...).

    ``key`` names the block for code (person, reason, requested_service, ...). A section shows
    a table (``rows``), a paragraph (``text``), numbered ``items`` or several of them.
    """

    key: str
    heading: str
    text: str = ""
    rows: tuple[tuple[str, str], ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Omission:
    """A field that was left out, and why (ids only: never the value)."""

    field_id: str
    reason: str  # not_in_template | unknown_field | not_shareable | not_consented |
    #              no_sensitive_consent | never_to_police | crime_not_police | unanswered


@dataclass(frozen=True)
class LetterContent:
    """Everything printed on one referral letter, in print order."""

    number: str  # 시행 number, e.g. 기지개-123
    issue_date: date
    title: str  # 제목
    recipient: Recipient
    sender: Organisation
    greeting: str  # body paragraph 1
    lead: str  # body paragraph 2; the sections hang under it
    body: tuple[Section, ...] = ()
    closing: tuple[str, ...] = ()  # body paragraphs 3, 4, ...
    attachments: tuple[str, ...] = ("개인정보 제3자 제공 동의서 1부.",)
    signatories: tuple[Signatory, ...] = ()
    reception: str = ""  # 접수 (filled by the receiver; blank box when empty)
    classification: str = "비공개 (개인정보)"  # 공개구분
    reply_by: date | None = None
    included_fields: tuple[str, ...] = ()  # intake field ids printed (for the letter register)
    omitted: tuple[Omission, ...] = ()  # intake field ids not printed, with the reason

    def section(self, key: str) -> Section | None:
        return next((s for s in self.body if s.key == key), None)

    @property
    def person_rows(self) -> tuple[tuple[str, str], ...]:
        person = self.section("person")
        return person.rows if person else ()

    def _text_of(self, key: str) -> str:
        section = self.section(key)
        return section.text if section else ""

    @property
    def reason(self) -> str:
        return self._text_of("reason")

    @property
    def requested_service(self) -> str:
        return self._text_of("requested_service")

    @property
    def first_contact_notes(self) -> str:
        return self._text_of("first_contact_notes")


def _frozen_map(value: Mapping | None) -> Mapping:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class FieldMeta:
    """What the form definition says about one intake field (services builds these from
    formdefs.field_policies and the field's options)."""

    label_ko: str
    sensitivity: Sensitivity | str = Sensitivity.PERSONAL
    shareable_with: frozenset[str] = frozenset()
    type: str = "text"  # formdefs.FieldType value: text, date, phone, address, single_choice, ...
    choices: Mapping[str, str] = field(default_factory=dict)  # option value -> Korean label
    note: str = ""  # printed after the value, e.g. '번역본, 타당화되지 않음' for a score

    def __post_init__(self):
        object.__setattr__(self, "shareable_with", frozenset(kind_value(k) for k in self.shareable_with))
        object.__setattr__(self, "choices", _frozen_map({str(k): v for k, v in dict(self.choices).items()}))

    @property
    def sensitivity_value(self) -> str:
        return kind_value(self.sensitivity)


@dataclass(frozen=True)
class ReferralDetails:
    """What the counsellor writes for this letter (not intake answers). Printed only where the
    template has a heading for it. Free text: the counsellor is responsible for what it says."""

    reason: str = ""  # 의뢰 사유
    requested_service: str | None = None  # None: the template's default wording
    first_contact_notes: str = ""  # e.g. 문자 연락만 가능합니다.
    reply_by: date | None = None  # 회신 기한
    last_contact: datetime | date | None = None  # police: 마지막 연락 시각
    warning_signs: str = ""  # police: 우려되는 징후
    notes: str = ""  # anything else (기타)
