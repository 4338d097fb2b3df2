"""What a change-history field and value are called, in Korean (the notice, the Korean screen)
or English: form fields by their labels in the form file, the rest from the table below.

A field id is the flattened path history.flatten makes: `mobile`, `address.postal_code`,
`goals.2.services`, `withdrawn.date`. Its first part names the field; list positions become
numbers (`목표 2 · 서비스`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from intake_desktop.formdefs import FormDefinition
from intake_desktop.formdefs.fieldindex import field_index
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.i18n.catalogue import Translations
from intake_desktop.letters.formatting import format_phone

# (English source, context "History"; Korean). Keys: a field's part, for every entity.
FIXED: dict[str, tuple[str, str]] = {
    "postal_code": (QT_TRANSLATE_NOOP("History", "Postal code"), "우편번호"),
    "road_address": (QT_TRANSLATE_NOOP("History", "Road address"), "도로명주소"),
    "detail": (QT_TRANSLATE_NOOP("History", "Address details"), "상세주소"),
    "stage": (QT_TRANSLATE_NOOP("History", "Stage"), "사례관리 단계"),
    "risk_level": (QT_TRANSLATE_NOOP("History", "Risk level"), "위기 수준"),
    "crisis": (QT_TRANSLATE_NOOP("History", "In crisis"), "위기 상황"),
    "closure": (QT_TRANSLATE_NOOP("History", "Closure"), "종결"),
    "reason": (QT_TRANSLATE_NOOP("History", "Reason"), "사유"),
    "outcome": (QT_TRANSLATE_NOOP("History", "Outcome"), "결과"),
    "on": (QT_TRANSLATE_NOOP("History", "Date"), "일자"),
    "goals": (QT_TRANSLATE_NOOP("History", "Goal"), "목표"),
    "goal": (QT_TRANSLATE_NOOP("History", "Goal"), "목표"),
    "services": (QT_TRANSLATE_NOOP("History", "Services"), "서비스"),
    "partner_id": (QT_TRANSLATE_NOOP("History", "Partner"), "연계 기관"),
    "target_date": (QT_TRANSLATE_NOOP("History", "Target date"), "목표일"),
    "status": (QT_TRANSLATE_NOOP("History", "Status"), "상태"),
    "type": (QT_TRANSLATE_NOOP("History", "Kind of consent"), "동의 종류"),
    "given": (QT_TRANSLATE_NOOP("History", "Given"), "동의 여부"),
    "date": (QT_TRANSLATE_NOOP("History", "Date"), "일자"),
    "method": (QT_TRANSLATE_NOOP("History", "How it was given"), "동의 방법"),
    "witness": (QT_TRANSLATE_NOOP("History", "Witness"), "입회자"),
    "guardian": (QT_TRANSLATE_NOOP("History", "Legal guardian"), "법정대리인"),
    "name": (QT_TRANSLATE_NOOP("History", "Name"), "성명"),
    "relationship": (QT_TRANSLATE_NOOP("History", "Relationship"), "관계"),
    "taken_by": (QT_TRANSLATE_NOOP("History", "Recorded by"), "기록자"),
    "partner_name": (QT_TRANSLATE_NOOP("History", "Recipient"), "제공받는 자"),
    "items": (QT_TRANSLATE_NOOP("History", "Items provided"), "제공 항목"),
    "purpose": (QT_TRANSLATE_NOOP("History", "Purpose"), "이용 목적"),
    "retention": (QT_TRANSLATE_NOOP("History", "Retention"), "보유 기간"),
    "withdrawn": (QT_TRANSLATE_NOOP("History", "Withdrawal"), "동의 철회"),
    "requested_by": (QT_TRANSLATE_NOOP("History", "Requested by"), "요청자"),
    "recorded_by": (QT_TRANSLATE_NOOP("History", "Recorded by"), "기록자"),
    "used": (QT_TRANSLATE_NOOP("History", "Used"), "사용 여부"),
    "used_for": (QT_TRANSLATE_NOOP("History", "Used for"), "사용 내역"),
    "number": (QT_TRANSLATE_NOOP("History", "Letter number"), "문서번호"),
    "letter_id": (QT_TRANSLATE_NOOP("History", "Letter"), "문서"),
    "by": (QT_TRANSLATE_NOOP("History", "By"), "처리자"),
    # a session note's and a follow-up's parts (shown side by side in a sync conflict)
    "mode": (QT_TRANSLATE_NOOP("History", "How the session took place"), "상담 방법"),
    "minutes": (QT_TRANSLATE_NOOP("History", "Minutes"), "상담 시간(분)"),
    "content": (QT_TRANSLATE_NOOP("History", "Content"), "내용"),
    "next_steps": (QT_TRANSLATE_NOOP("History", "Next steps"), "다음 계획"),
    "due": (QT_TRANSLATE_NOOP("History", "Due"), "예정일"),
    "what": (QT_TRANSLATE_NOOP("History", "What to do"), "할 일"),
    "done": (QT_TRANSLATE_NOOP("History", "Done on"), "완료일"),
}
# Stored codes of the person, case and consent documents, with their words.
VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "risk_level": {
        "urgent": (QT_TRANSLATE_NOOP("History", "Urgent"), "긴급"),
        "high": (QT_TRANSLATE_NOOP("History", "High"), "고"),
        "medium": (QT_TRANSLATE_NOOP("History", "Medium"), "중"),
        "low": (QT_TRANSLATE_NOOP("History", "Low"), "저"),
    },
    "stage": {
        "intake": (QT_TRANSLATE_NOOP("History", "Intake and first interview"), "접수·초기상담"),
        "assessment": (QT_TRANSLATE_NOOP("History", "Assessment"), "사정"),
        "planning": (QT_TRANSLATE_NOOP("History", "Service planning"), "서비스 계획"),
        "referral": (QT_TRANSLATE_NOOP("History", "Linkage and referral"), "연계·의뢰"),
        "monitoring": (QT_TRANSLATE_NOOP("History", "Monitoring"), "점검"),
        "closed": (QT_TRANSLATE_NOOP("History", "Closed"), "종결"),
        "follow_up": (QT_TRANSLATE_NOOP("History", "Follow-up"), "사후관리"),
    },
    "status": {  # a plan goal's (ui/casework_labels.PLAN_STATUSES)
        "open": (QT_TRANSLATE_NOOP("History", "Not started"), "시작 전"),
        "in_progress": (QT_TRANSLATE_NOOP("History", "In progress"), "진행 중"),
        "done": (QT_TRANSLATE_NOOP("History", "Achieved"), "달성"),
        "stopped": (QT_TRANSLATE_NOOP("History", "Stopped"), "중단"),
    },
    "method": {
        "signed": (QT_TRANSLATE_NOOP("History", "Signed form"), "서면 서명"),
        "verbal_witness": (QT_TRANSLATE_NOOP("History", "Verbal, with a witness"), "구두 (입회자 확인)"),
    },
    "type": {
        "collection": (QT_TRANSLATE_NOOP("History", "Collection and use"), "수집·이용"),
        "sensitive": (QT_TRANSLATE_NOOP("History", "Sensitive information"), "민감정보"),
        "provision": (QT_TRANSLATE_NOOP("History", "Provision to a third party"), "제3자 제공"),
        "override": (QT_TRANSLATE_NOOP("History", "Supervisor override"), "관리자 예외 승인"),
    },
}
BOOLEAN = {True: (QT_TRANSLATE_NOOP("History", "Yes"), "예"), False: (QT_TRANSLATE_NOOP("History", "No"), "아니요")}
PHONE_FIELDS = frozenset({"mobile", "emergency_contact_phone"})
ACCOUNT_FIELDS = frozenset({"taken_by", "recorded_by", "confirmed_by", "by"})  # values are account ids


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ko" else Translations(lang).translate("History", pair[0])


class HistoryLabels:
    """Names and values of one case's history, by the intake form the vault uses now."""

    def __init__(self, form: FormDefinition | None, lang: str = "ko", *, partners: dict[str, str] | None = None,
                 accounts: dict[str, str] | None = None) -> None:
        self.lang = lang
        self._fields = field_index(form).entries if form is not None else {}
        self._partners = partners or {}  # id -> name: a plan goal's or a consent's partner
        self._accounts = accounts or {}  # id -> display name

    def _part(self, part: str) -> str:
        entry = self._fields.get(part)
        if entry is not None:
            return entry.field.label.ko if self.lang == "ko" else entry.field.label.en
        if part in FIXED:
            return _pick(FIXED[part], self.lang)
        return part

    def in_form_order(self, keys: Iterable[str]) -> list[str]:
        """Top-level field ids in the order the intake form asks them; others after, sorted."""
        position = {key: i for i, key in enumerate(self._fields)}
        return sorted(keys, key=lambda k: (position.get(k, len(position)), k))

    def field(self, field: str) -> str:
        """'address.postal_code' -> '주소 · 우편번호'; 'goals.2.services' -> '목표 2 · 서비스'."""
        out: list[str] = []
        for part in field.split("."):
            if part.isdigit() and out:
                out[-1] = f"{out[-1]} {part}"
            else:
                out.append(self._part(part))
        return " · ".join(out)

    def value(self, field: str, value: Any) -> str:
        """A stored value as a reader knows it (choice labels, 010-1234-5678, 예/아니요)."""
        if value is None or value == "":
            return ""
        if isinstance(value, list):
            return ", ".join(self.value(field, v) for v in value if not isinstance(v, (list, dict)))
        if isinstance(value, bool):
            return _pick(BOOLEAN[value], self.lang)
        head, last = field.split(".", 1)[0], field.rsplit(".", 1)[-1]
        if last == "partner_id":
            return self._partners.get(str(value), str(value))
        if last in ACCOUNT_FIELDS:
            return self._accounts.get(str(value), str(value))
        if last == "items":  # a consent's items are field ids
            return self._part(str(value))
        entry = self._fields.get(head)
        if entry is not None and entry.field.options:
            for option in entry.field.options:
                if str(option.value) == str(value):
                    return option.label.ko if self.lang == "ko" else option.label.en
        for key in (field, head, last):
            if key in VALUES and str(value) in VALUES[key]:
                return _pick(VALUES[key][str(value)], self.lang)
        if head in PHONE_FIELDS or last == "phone":
            return format_phone(value)
        if isinstance(value, dict):
            return ", ".join(f"{self._part(k)}: {self.value(k, v)}" for k, v in value.items() if v not in (None, ""))
        return str(value)
