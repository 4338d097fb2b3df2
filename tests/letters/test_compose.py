"""compose_letter: what may appear, and how values are worded."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, datetime

import pytest

from intake_desktop.letters import samples as S
from intake_desktop.letters.compose import (
    LetterPolicyError, exclusion_reason, format_value, offerable_fields, unknown_template_fields,
)
from intake_desktop.letters.formatting import format_address, format_date, format_datetime, format_phone
from intake_desktop.letters.model import FieldMeta, Organisation, ReferralDetails
from intake_desktop.letters.templates import TemplateField, load_labels, load_template

from .conftest import KINDS, sample_letter

ALL = frozenset(KINDS)


def reasons(content) -> dict[str, str]:
    return {o.field_id: o.reason for o in content.omitted}


def printed(content) -> str:
    """Every string the renderer will print from the body."""
    parts = [content.title, content.greeting, content.lead, *content.closing]
    for section in content.body:
        parts += [section.heading, section.text]
        parts += [f"{label} {value}" for label, value in section.rows]
        parts += [f"{item.label} {item.text}" for item in section.items]
    return "\n".join(parts)


# -- the rule ----------------------------------------------------------------------------------

def decide(fid="f", kind="welfare", meta=None, consented=("f",), sensitive_consent=False, template_ids=("f",)):
    meta = {"f": meta or FieldMeta("필드", "personal", ALL, "text")}
    return exclusion_reason(fid, kind, frozenset(template_ids), meta, frozenset(consented), sensitive_consent)


def test_field_allowed_only_when_template_shareable_and_consented():
    assert decide() is None
    assert decide(template_ids=()) == "not_in_template"
    assert decide(consented=()) == "not_consented"
    assert decide(meta=FieldMeta("필드", "personal", {"labour"}, "text")) == "not_shareable"
    assert decide(fid="g", template_ids=("g",)) == "unknown_field"


def test_sensitive_fields_need_the_separate_consent():
    health = FieldMeta("PHQ-9", "health", ALL - {"police"}, "score")
    assert decide(meta=health) == "no_sensitive_consent"
    assert decide(meta=health, sensitive_consent=True) is None


def test_police_never_gets_health_or_scores_whatever_the_data_says():
    for meta in (FieldMeta("진단", "health", ALL, "text"), FieldMeta("점수", "personal", ALL, "score"),
                 FieldMeta("문항", "personal", ALL, "likert"), FieldMeta("검사", "none", ALL, "instrument")):
        assert decide(kind="police", meta=meta, sensitive_consent=True) == "never_to_police"
        assert decide(kind="welfare", meta=meta, sensitive_consent=True) is None


def test_crime_information_only_ever_to_the_police():
    crime = FieldMeta("범죄 피해", "crime", ALL, "text")
    assert decide(kind="welfare", meta=crime, sensitive_consent=True) == "crime_not_police"
    assert decide(kind="police", meta=crime) == "no_sensitive_consent"
    assert decide(kind="police", meta=crime, sensitive_consent=True) is None


def test_unknown_sensitivity_is_treated_as_health():
    odd = FieldMeta("이상", "very-secret", ALL, "text")
    assert decide(meta=odd) == "no_sensitive_consent"
    assert decide(kind="police", meta=odd, sensitive_consent=True) == "never_to_police"


def test_enum_values_from_formdefs_are_accepted():
    from intake_desktop.formdefs.model import Recipient as FormRecipient, Sensitivity as FormSensitivity
    meta = FieldMeta("성명", FormSensitivity.PERSONAL, {FormRecipient.WELFARE}, "text")
    assert "welfare" in meta.shareable_with
    assert decide(meta=meta) is None


def test_template_for_another_kind_is_refused():
    with pytest.raises(LetterPolicyError):
        sample_letter("welfare", template=load_template("police"))


def test_required_reason_is_enforced():
    with pytest.raises(LetterPolicyError, match="의뢰 사유"):
        sample_letter("welfare", extra=ReferralDetails(reason="   "))


def test_omitted_lists_ids_and_reasons_never_values():
    consent = S.sample_consent()["welfare"] - {"mobile"}
    content = sample_letter("welfare", consented_items=consent, sensitive_consent=False)
    why = reasons(content)
    assert why["mobile"] == "not_consented"
    assert why["phq9_total_score"] == "no_sensitive_consent"
    assert why["emergency_contact_name"] == "not_in_template"
    assert "010-1234-5678" not in printed(content)
    assert "mobile" not in content.included_fields and "name" in content.included_fields
    for omission in content.omitted:
        assert set(vars(omission)) == {"field_id", "reason"}


def test_empty_answers_are_left_out_not_printed_blank():
    facts = dict(S.SAMPLE_FACTS, gender="", needs=[], address={"postal_code": "", "road_address": "", "detail": ""})
    content = sample_letter("generic", case_facts=facts)
    why = reasons(content)
    assert why["gender"] == why["needs"] == why["address"] == "unanswered"
    assert "성별" not in [label for label, _ in content.person_rows]


def test_offerable_fields_for_police_are_minimal():
    assert offerable_fields(load_template("police"), S.SAMPLE_FIELD_META) == [
        "name", "birth_date", "address", "mobile", "last_contact_date", "warning_signs"]


def test_templates_match_the_sample_form():
    for kind in KINDS:
        assert unknown_template_fields(load_template(kind), S.SAMPLE_FIELD_META) == []


# -- wording of values ---------------------------------------------------------------------------

def test_dates_have_no_leading_zeros():
    assert format_date(date(2025, 5, 14)) == "2025. 5. 14."
    assert format_date(date(2025, 12, 1)) == "2025. 12. 1."
    assert format_datetime(datetime(2025, 5, 14, 9, 5)) == "2025. 5. 14. 09:05"
    content = sample_letter("generic")
    assert dict(content.person_rows)["생년월일"] == "1999. 3. 2. (만 26세)"
    assert content.section("reply_by").text.startswith("2025. 6. 3.까지")
    assert dict(sample_letter("police").person_rows)["생년월일"] == "1999. 3. 2."  # no age for the police


def test_age_is_counted_at_the_issue_date():
    content = sample_letter("generic", issue_date=date(2025, 3, 1))
    assert dict(content.person_rows)["생년월일"] == "1999. 3. 2. (만 25세)"


@pytest.mark.parametrize("raw, shown", [
    ("01012345678", "010-1234-5678"), ("010-1234-5678", "010-1234-5678"), ("0111234567", "011-123-4567"),
    ("021234567", "02-123-4567"), ("0212345678", "02-1234-5678"), ("0311234567", "031-123-4567"),
    ("050512345678", "0505-1234-5678"), ("15881234", "1588-1234"), ("+82 10 1234 5678", "+82 10 1234 5678"),
    ("내선 123", "내선 123"),
])
def test_phone_numbers(raw, shown):
    assert format_phone(raw) == shown


def test_address():
    value = {"postal_code": "06900", "road_address": "서울특별시 동작구 예시로 12", "detail": "101동 202호"}
    assert format_address(value) == "(06900) 서울특별시 동작구 예시로 12, 101동 202호"
    assert format_address({"road_address": "서울특별시 동작구 예시로 12"}) == "서울특별시 동작구 예시로 12"


def test_choices_are_printed_as_korean_labels():
    content = sample_letter("welfare")
    rows = dict(content.person_rows)
    assert rows["연락 방법"] == "문자 메시지만 가능"
    assert rows["성별"] == "여"
    items = {i.label: i.text for i in content.section("situation").items}
    assert items["외출 빈도"] == "취미 활동이나 간단한 볼일이 있을 때만 외출"
    assert items["고립·은둔 기간"] == "18개월"
    assert {i.label: i.text for i in content.section("needs").items}["희망 지원"] == "또래 모임·문화 활동, 일 경험"


def test_template_choice_labels_override_the_form():
    spec = TemplateField(id="preferred_contact", choices={"text_only": "문자로만 연락"})
    meta = S.SAMPLE_FIELD_META["preferred_contact"]
    assert format_value("text_only", meta, spec, load_labels(), date(2025, 5, 20)) == "문자로만 연락"


def test_score_note_is_printed_after_the_value():
    content = sample_letter("welfare")
    items = {i.label: i.text for i in content.section("scores").items}
    assert items["고립 척도(HQ-25) 총점"] == "61점 (번역본, 타당화되지 않음)"


def test_everything_is_nfc_normalised():
    nfd_name = unicodedata.normalize("NFD", "황보미래")
    assert nfd_name != "황보미래"
    sender = replace(S.SAMPLE_SENDER, name=unicodedata.normalize("NFD", "서울청년기지개센터"))
    content = sample_letter("generic", case_facts=dict(S.SAMPLE_FACTS, name=nfd_name), sender=sender,
                           extra=ReferralDetails(reason=unicodedata.normalize("NFD", "한글 사유")))
    assert dict(content.person_rows)["성명"] == "황보미래"
    assert content.sender.name == "서울청년기지개센터"
    assert content.reason == "한글 사유"


def test_document_number_from_int_or_text():
    assert sample_letter(number=7).number == "기지개-7"
    assert sample_letter(number="기지개-2025-15").number == "기지개-2025-15"


def test_default_requested_service_from_template():
    content = sample_letter("welfare")
    assert content.requested_service == "또래 모임 또는 문화·여가 프로그램 참여 연계"
    custom = sample_letter("welfare", extra=replace(S.SAMPLE_DETAILS, requested_service="주 1회 또래 모임"))
    assert custom.requested_service == "주 1회 또래 모임"


def test_police_letter_has_last_contact_and_warning_signs():
    content = sample_letter("police")
    assert content.section("last_contact").text == "2025. 5. 12. 15:20"
    items = {i.label: i.text for i in content.section("safety").items}
    assert items["마지막으로 연락된 날"] == "2025. 5. 12."
    assert "8일째" in items["우려되는 징후"]
    assert [label for label, _ in content.person_rows] == ["성명", "생년월일", "주소", "연락처"]


def test_signature_title_is_derived():
    assert S.SAMPLE_SENDER.signature_title == "서울청년기지개센터장"
    assert Organisation("동작복지재단", "재단", head_title="이사장").signature_title == "동작복지재단 이사장"
    assert Organisation("A", "A", sender_title="A 대표").signature_title == "A 대표"
