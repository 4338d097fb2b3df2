"""normalise_answers and validate_answers against the shipped intake form."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from intake_desktop.formdefs import normalise_answers, prune_hidden, validate_answers, visible_field_ids

TODAY = date(2025, 5, 14)


def valid_minimum() -> dict:
    """The smallest complete intake (risk level matches the proposal: low)."""
    return {
        "intake_date": "2025-05-14",
        "referral_source": "self",
        "intake_mode": "visit",
        "name": "김민수",
        "birth_date": "1999-03-04",
        "going_out_frequency": "social_often",
        "activity_last_month": ["work"],
        "current_danger": False,
        "counsellor_assessment": "첫 상담.",
        "risk_level": "low",
    }


def problems_by_field(problems):
    return {p.field_id: p.code for p in problems}


def test_minimum_is_valid(intake):
    assert validate_answers(intake, valid_minimum(), today=TODAY) == []


def test_normalise_text_phone_date_address(intake):
    nfd_name = unicodedata.normalize("NFD", "남궁민수")
    raw = {
        "name": f"  {nfd_name}\u200b\x07 ",
        "counsellor_name": "김\n상담   선생님\t",
        "mobile": "+82 10-1234-5678",
        "emergency_contact_phone": "０２-１２３-４５６７",
        "birth_date": "1999. 3. 4.",
        "intake_date": "20250514",
        "address": {"postal_code": " 06234 ", "road_address": " 서울특별시 강남구 테헤란로 1 ", "detail": "  "},
        "trigger": "첫 줄\r\n둘째 줄   \r\n",
        "isolation_months": "12",
        "current_danger": "아니요",
        "activity_last_month": ["none", "none"],
        "needs": ["employment", "counselling"],
        "gender": "",
    }
    out = normalise_answers(intake, raw)
    assert out["name"] == "남궁민수" and unicodedata.is_normalized("NFC", out["name"])
    assert out["mobile"] == "01012345678"
    assert out["counsellor_name"] == "김 상담 선생님"
    assert out["emergency_contact_phone"] == "021234567"
    assert out["birth_date"] == "1999-03-04" and out["intake_date"] == "2025-05-14"
    assert out["address"] == {"postal_code": "06234", "road_address": "서울특별시 강남구 테헤란로 1"}
    assert out["trigger"] == "첫 줄\n둘째 줄"
    assert out["isolation_months"] == 12
    assert out["current_danger"] is False
    assert out["activity_last_month"] == ["none"]
    assert out["needs"] == ["counselling", "employment"]  # option order
    assert "gender" not in out  # empty means unanswered
    assert normalise_answers(intake, out) == out  # idempotent


def test_out_of_range(intake):
    answers = valid_minimum() | {"isolation_months": 1000, "phq9_1": 7, "hq25_3": -1}
    by_field = problems_by_field(validate_answers(intake, answers, today=TODAY))
    assert by_field == {"isolation_months": "out_of_range", "phq9_1": "out_of_range", "hq25_3": "out_of_range"}
    problem = next(p for p in validate_answers(intake, answers, today=TODAY) if p.field_id == "isolation_months")
    assert problem.params == {"min": 0, "max": 480, "actual": 1000}
    assert problem.message


def test_unknown_field(intake):
    answers = valid_minimum() | {"resident_number": "990304-1234567", "phq9_10": 1}
    problems = validate_answers(intake, answers, today=TODAY)
    assert {(p.field_id, p.code) for p in problems} == {("resident_number", "unknown_field"), ("phq9_10", "unknown_field")}


def test_required_but_hidden(intake):
    answers = valid_minimum()
    # referral_source_other and crisis_action are required, but only when shown
    assert validate_answers(intake, answers, today=TODAY) == []
    answers["referral_source"] = "other"
    assert problems_by_field(validate_answers(intake, answers, today=TODAY)) == {"referral_source_other": "required"}
    answers["referral_source_other"] = "지인 소개"
    answers["current_danger"] = True
    assert problems_by_field(validate_answers(intake, answers, today=TODAY)) == {
        "crisis_action": "required",
        "risk_override_reason": "override_reason_required",  # the proposal is now urgent
    }


def test_instrument_item_makes_a_hidden_question_required(intake):
    answers = valid_minimum() | {"phq9_9": 1}
    codes = problems_by_field(validate_answers(intake, answers, today=TODAY))
    assert codes["suicide_plan_intent"] == "required"
    assert "suicide_plan_intent" in visible_field_ids(intake, answers)
    assert "suicide_plan_intent" not in visible_field_ids(intake, valid_minimum())


def test_partial_skips_required_but_not_bad_values(intake):
    assert validate_answers(intake, {}, partial=True) == []
    assert problems_by_field(validate_answers(intake, {"mobile": "0101234"}, partial=True)) == {"mobile": "bad_phone"}
    codes = {p.code for p in validate_answers(intake, {}, today=TODAY)}
    assert codes == {"required"}


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("gender", "unknown", "bad_choice"),
        ("needs", ["counselling", "flying"], "bad_choice"),
        ("activity_last_month", ["work", "none"], "exclusive_choice"),
        ("birth_date", "1999-02-30", "bad_date"),
        ("birth_date", "next week", "bad_date"),
        ("birth_date", "2026-01-01", "date_out_of_range"),
        ("mobile", "0212345678", "bad_phone"),  # a landline is not a mobile
        ("mobile", "01012345", "bad_phone"),
        ("emergency_contact_phone", "123", "bad_phone"),
        ("address", {"postal_code": "1234", "road_address": "서울 어딘가"}, "bad_postal_code"),
        ("address", {"postal_code": "06234"}, "bad_address"),
        ("address", "서울 강남구", "bad_address"),
        ("name", "가" * 51, "too_long"),
        ("email", "not-an-email", "pattern_mismatch"),
        ("isolation_months", 6.5, "not_integer"),
        ("isolation_months", "many", "bad_type"),
        ("current_danger", "maybe", "bad_type"),
        ("phq9_total_score", 12, "read_only"),
        ("phq9", 3, "read_only"),
    ],
)
def test_value_problems(intake, field, value, code):
    answers = valid_minimum() | {field: value}
    if field == "email":
        answers["preferred_contact"] = "email"
    if field == "isolation_months" and code == "bad_type":
        answers[field] = value
    found = [p for p in validate_answers(intake, answers, today=TODAY) if p.field_id == field]
    assert [p.code for p in found] == [code], [str(p) for p in found]


def test_valid_phone_numbers(intake):
    for number in ("01012345678", "0111234567", "01712345678"):
        assert validate_answers(intake, valid_minimum() | {"mobile": number}, today=TODAY) == []
    for number in ("021234567", "0311234567", "07012345678", "15881234"):
        answers = valid_minimum() | {"emergency_contact_phone": number}
        assert validate_answers(intake, answers, today=TODAY) == []


def test_group_rows(intake):
    answers = valid_minimum() | {
        "household": [
            {"household_relation": "parent", "household_age": 55},
            {"household_age": 200},
            {"household_relation": "other"},
            {"household_relation": "sibling", "pet": "cat"},
        ]
    }
    codes = {(p.field_id, p.code) for p in validate_answers(intake, answers, today=TODAY)}
    assert codes == {
        ("household[1].household_relation", "required"),
        ("household[1].household_age", "out_of_range"),
        ("household[3].pet", "unknown_field"),
    }
    too_many = valid_minimum() | {"household": [{"household_relation": "sibling"}] * 16}
    assert problems_by_field(validate_answers(intake, too_many, today=TODAY)) == {"household": "too_many_items"}


def test_prune_hidden_drops_stale_answers(intake):
    answers = valid_minimum() | {
        "referral_source_other": "예전에 고른 값",  # referral_source is 'self', so hidden
        "household": [{"household_relation": "parent", "household_relation_other": "stale"}],
        "phq9_1": 2,
    }
    pruned = prune_hidden(intake, answers)
    assert "referral_source_other" not in pruned
    assert pruned["household"] == [{"household_relation": "parent"}]
    assert pruned["phq9_1"] == 2


def test_answers_must_be_a_dict(intake):
    with pytest.raises(TypeError):
        validate_answers(intake, [("name", "x")])
