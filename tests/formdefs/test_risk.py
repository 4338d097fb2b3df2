"""Crisis alerts and the proposed risk level of the shipped intake form."""

from __future__ import annotations

import pytest

from intake_desktop.domain.enums import RiskLevel
from intake_desktop.formdefs import (
    check_risk_override, crisis_alerts, override_reason_needed, propose_risk_level, score_form,
)


def phq9(values):
    return {f"phq9_{i}": v for i, v in enumerate(values, start=1)}


def level(intake, answers):
    return propose_risk_level(intake, answers).level


def rule_ids(intake, answers):
    return [r.rule_id for r in propose_risk_level(intake, answers).reasons]


def test_nothing_known_is_low(intake):
    proposal = propose_risk_level(intake, {})
    assert proposal.level is RiskLevel.LOW and proposal.reasons == ()


def test_item9_alone_is_high_with_plan_urgent(intake):
    answers = phq9([0] * 8 + [1])
    assert level(intake, answers) is RiskLevel.HIGH
    assert rule_ids(intake, answers) == ["safety_alert"]
    answers["suicide_plan_intent"] = True
    proposal = propose_risk_level(intake, answers)
    assert proposal.level is RiskLevel.URGENT
    assert [r.rule_id for r in proposal.deciding_reasons] == ["item9_with_plan", "plan_or_intent"]
    answers["suicide_plan_intent"] = False
    assert level(intake, answers) is RiskLevel.HIGH


def test_plan_answer_left_over_from_a_hidden_question_is_ignored(intake):
    # suicide_plan_intent is only shown when item 9 >= 1 (or recent self-harm/attempt);
    # a stale 'true' must not drive the proposal once the question is hidden.
    answers = phq9([0] * 9) | {"suicide_plan_intent": True}
    assert level(intake, answers) is RiskLevel.LOW


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"current_danger": True}, RiskLevel.URGENT),
        ({"suicide_attempt_history": "within_month"}, RiskLevel.URGENT),
        ({"suicide_attempt_history": "within_year"}, RiskLevel.HIGH),
        ({"suicide_attempt_history": "more_than_year_ago"}, RiskLevel.MEDIUM),
        ({"self_harm_history": "within_month"}, RiskLevel.HIGH),
        ({"self_harm_history": "within_year"}, RiskLevel.MEDIUM),
        ({"crime_victimisation": "ongoing"}, RiskLevel.HIGH),
        ({"crime_victimisation": "within_year"}, RiskLevel.MEDIUM),
        ({"crime_victimisation": "past"}, RiskLevel.LOW),
        ({"contact_loss_risk": "high"}, RiskLevel.HIGH),
        ({"contact_loss_risk": "some"}, RiskLevel.MEDIUM),
        ({"going_out_frequency": "room_only"}, RiskLevel.MEDIUM),
        ({"going_out_frequency": "nearby_only"}, RiskLevel.LOW),
        ({"emotional_isolation": True, "physical_isolation": True}, RiskLevel.MEDIUM),
        ({"emotional_isolation": True, "physical_isolation": False}, RiskLevel.LOW),
        (phq9([3, 3, 3, 3, 3, 3, 2, 0, 0]), RiskLevel.HIGH),  # PHQ-9 = 20
        (phq9([3, 3, 3, 3, 3, 2, 2, 0, 0]), RiskLevel.MEDIUM),  # 19
        (phq9([3, 3, 3, 1, 0, 0, 0, 0, 0]), RiskLevel.MEDIUM),  # 10
        (phq9([3, 3, 3, 0, 0, 0, 0, 0, 0]), RiskLevel.LOW),  # 9
        ({f"gad7_{i}": v for i, v in enumerate([3, 3, 3, 1, 0, 0, 0], 1)}, RiskLevel.MEDIUM),
    ],
)
def test_rule_table(intake, answers, expected):
    assert level(intake, answers) is expected


def test_hq25_cutoff_rule(intake):
    reverse = {4, 7, 10, 15, 21, 25}
    answers = {f"hq25_{i}": (4 if i in reverse else 0) for i in range(1, 26)}
    forward = [i for i in range(1, 26) if i not in reverse]
    for i in forward[:10]:
        answers[f"hq25_{i}"] = 4
    answers[f"hq25_{forward[10]}"] = 1  # 41
    assert level(intake, answers) is RiskLevel.LOW
    answers[f"hq25_{forward[10]}"] = 2  # 42
    assert rule_ids(intake, answers) == ["hq25_cutoff"]


def test_prorated_phq9_counts_but_unscorable_does_not(intake):
    answers = phq9([3, 3, 3, 3, 3, 3, 0, 0, None])  # 18 * 9 / 8 = 20.25 -> 20
    answers = {k: v for k, v in answers.items() if v is not None}
    assert "phq9_severe" in rule_ids(intake, answers)
    del answers["phq9_8"]  # two missing: not scorable, so no score-based rule
    assert rule_ids(intake, answers) == []


def test_reasons_are_ordered_highest_first(intake):
    answers = phq9([3] * 9) | {"suicide_plan_intent": False, "going_out_frequency": "home_only"}
    ids = rule_ids(intake, answers)
    assert ids == ["safety_alert", "phq9_severe", "phq9_moderate", "reclusive"]


def test_crisis_alerts(intake):
    assert crisis_alerts(intake, {}) == []
    answers = phq9([0] * 8 + [2]) | {
        "suicide_plan_intent": True,
        "suicide_attempt_history": "within_year",
        "self_harm_history": "within_month",
        "current_danger": True,
        "contact_loss_risk": "high",
    }
    alerts = crisis_alerts(intake, answers)
    assert [a.id for a in alerts] == [
        "phq9_item9", "suicide_plan_intent", "suicide_attempt_recent", "self_harm_recent",
        "current_danger", "contact_loss_high",
    ]
    assert [a.protocol for a in alerts] == [True, True, True, True, True, False]
    assert alerts[0].field_ids == ("phq9_9",)
    assert alerts[0].label.ko and alerts[0].label.en


def test_crisis_alert_for_item9_only_when_answered_one_or_more(intake):
    assert crisis_alerts(intake, phq9([3] * 8 + [0])) == []
    assert [a.id for a in crisis_alerts(intake, phq9([0] * 8 + [1]))] == ["phq9_item9"]


def test_precomputed_scores_are_used(intake):
    answers = phq9([0] * 8 + [1])
    scores = score_form(intake, answers)
    assert propose_risk_level(intake, answers, scores).level is RiskLevel.HIGH
    assert [a.id for a in crisis_alerts(intake, answers, scores)] == ["phq9_item9"]


def test_override_needs_a_reason(intake):
    answers = phq9([0] * 8 + [1]) | {"suicide_plan_intent": False, "risk_level": "medium"}
    problems = check_risk_override(intake, answers)
    assert [(p.field_id, p.code, p.params) for p in problems] == [
        ("risk_override_reason", "override_reason_required", {"proposed": "high", "chosen": "medium"})
    ]
    assert check_risk_override(intake, answers | {"risk_override_reason": "보호자와 함께 있고 안전 계획 수립함"}) == []
    assert check_risk_override(intake, answers | {"risk_level": "high"}) == []


def test_instrument_form_has_no_risk_rules(registry):
    with pytest.raises(ValueError):
        propose_risk_level(registry.get("phq9"), {})


@pytest.mark.parametrize("chosen, needed", [
    ("medium", True), ("urgent", True), ("high", False), (None, False), ("", False),
    ("extreme", False),  # not a level (an old draft): the screen used to ask for a reason, saving did not
])
def test_the_screen_and_saving_ask_for_a_reason_in_the_same_cases(intake, chosen, needed):
    answers = phq9([0] * 8 + [1]) | {"suicide_plan_intent": False, "risk_level": chosen}
    proposal = propose_risk_level(intake, answers)
    assert override_reason_needed(intake, answers, proposal) is needed  # what the intake screen shows
    assert bool(check_risk_override(intake, answers)) is needed  # what saving refuses
    assert override_reason_needed(intake, answers, None) is False
