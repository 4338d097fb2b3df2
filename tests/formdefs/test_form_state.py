"""What the intake form shows for answers as typed, derived without Qt (formdefs/form_state.py)."""

from __future__ import annotations

from intake_desktop.domain.enums import RiskLevel
from intake_desktop.formdefs import validate_answers
from intake_desktop.formdefs.form_state import derive


def test_a_follow_up_question_shows_and_becomes_required_with_its_answer(intake):
    before = derive(intake, {"referral_source": "self"})
    assert not before.shown("referral_source_other")
    assert "referral_source_other" not in before.required
    after = derive(intake, {"referral_source": "other"})
    assert after.shown("referral_source_other")
    assert "referral_source_other" in after.missing


def test_missing_is_what_a_complete_save_refuses_as_required(intake):
    answers = {"referral_source": "other", "intake_mode": "visit", "current_danger": True, "risk_level": "low"}
    state = derive(intake, answers)
    refused = {p.field_id for p in validate_answers(intake, state.answers)
               if p.code in ("required", "override_reason_required")}
    assert set(state.missing) == refused
    assert set(state.missing) <= set(state.required)
    assert "intake_mode" in state.required and "intake_mode" not in state.missing


def test_answers_are_normalised_before_anything_is_derived(intake):
    state = derive(intake, {"phq9_1": "2", "counsellor_name": "  김상담  "})
    assert state.answers["phq9_1"] == 2
    assert state.scores.get("phq9") is not None


def test_choosing_a_level_other_than_the_proposal_requires_a_reason(intake):
    danger = {"current_danger": True}
    state = derive(intake, danger)
    assert state.proposal is not None and state.proposal.level is RiskLevel.URGENT
    assert not state.override_needed
    lowered = derive(intake, danger | {"risk_level": "low"})
    assert lowered.chosen_level == "low"
    assert lowered.override_needed
    assert "risk_override_reason" in lowered.missing
    explained = derive(intake, danger | {"risk_level": "low", "risk_override_reason": "어머니와 함께 있음"})
    assert "risk_override_reason" in explained.required and "risk_override_reason" not in explained.missing


def test_a_crisis_answer_raises_an_alert(intake):
    assert derive(intake, {}).alerts == []
    assert derive(intake, {"current_danger": True}).alerts


def test_the_score_of_an_instrument_not_given_is_not_shown(intake):
    assert derive(intake, {}).shown("ucla3_total_score")
    assert not derive(intake, {}, switched_off={"ucla3"}).shown("ucla3_total_score")
    assert derive(intake, {}, switched_off={"ucla3"}).shown("phq9_total_score")


def test_a_sub_question_of_a_group_row_follows_that_row(intake):
    assert not derive(intake, {}).row_visible("household", {"household_relation": "mother"}, "household_relation_other")
    assert derive(intake, {}).row_visible("household", {"household_relation": "other"}, "household_relation_other")
