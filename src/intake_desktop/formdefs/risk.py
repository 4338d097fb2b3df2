"""Crisis alerts and the proposed risk level of an intake, from the rules in the form file.

The level is only ever a proposal: the counsellor confirms it in the risk_level field or
overrides it, and an override needs a written reason (check_risk_override).
Rules live in the intake YAML (crisis_alerts, risk.rules) so a centre can read and adapt
them; the documented default rule set is in forms/intake-youth.yaml and docs/form-format.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake_desktop.domain.enums import RiskLevel
from intake_desktop.formdefs.answers import AnswerProblem
from intake_desktop.formdefs.conditions import Lookup, evaluate, field_refs, is_answered
from intake_desktop.formdefs.fieldindex import Visibility
from intake_desktop.formdefs.model import FormDefinition, Text
from intake_desktop.formdefs.scoring import ScoreReport, score_form

# Highest first; the proposal is the highest level any rule reaches.
LEVEL_ORDER = (RiskLevel.URGENT, RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW)


@dataclass(frozen=True)
class RiskReason:
    rule_id: str
    level: RiskLevel
    label: Text


@dataclass(frozen=True)
class RiskProposal:
    level: RiskLevel
    reasons: tuple[RiskReason, ...]  # every matched rule, highest level first

    @property
    def deciding_reasons(self) -> tuple[RiskReason, ...]:
        return tuple(r for r in self.reasons if r.level is self.level)


@dataclass(frozen=True)
class CrisisAlert:
    id: str
    label: Text
    protocol: bool  # show the urgent protocol and crisis numbers (resources/)
    field_ids: tuple[str, ...]


def _lookup(form: FormDefinition, answers: dict[str, Any]) -> Lookup:
    return Visibility(form, answers).value


def crisis_alerts(form: FormDefinition, answers: dict[str, Any], scores: ScoreReport | None = None) -> list[CrisisAlert]:
    """Crisis alerts raised by the answers (e.g. PHQ-9 item 9, recent suicide attempt,
    current danger), in the order the form lists them."""
    scores = scores if scores is not None else score_form(form, answers)
    lookup = _lookup(form, answers)
    return [
        CrisisAlert(rule.id, rule.label, rule.protocol, tuple(sorted(field_refs(rule.when))))
        for rule in form.crisis_alerts
        if evaluate(rule.when, lookup, scores)
    ]


def propose_risk_level(form: FormDefinition, answers: dict[str, Any], scores: ScoreReport | None = None) -> RiskProposal:
    if form.risk is None:
        raise ValueError(f"form {form.id} v{form.version} defines no risk rules")
    scores = scores if scores is not None else score_form(form, answers)
    lookup = _lookup(form, answers)
    matched = [RiskReason(r.id, r.level, r.label) for r in form.risk.rules if evaluate(r.when, lookup, scores)]
    matched.sort(key=lambda r: LEVEL_ORDER.index(r.level))  # stable: form order within a level
    level = matched[0].level if matched else RiskLevel.LOW
    return RiskProposal(level, tuple(matched))


_LEVEL_VALUES = frozenset(level.value for level in RiskLevel)


def override_reason_needed(form: FormDefinition, answers: dict[str, Any], proposal: RiskProposal | None) -> bool:
    """Whether the counsellor chose a risk level other than the proposal, so a reason must be
    written (whether or not it is). A level that is not one of the four is no choice at all."""
    if form.risk is None or proposal is None:
        return False
    chosen = answers.get(form.risk.level_field)
    return isinstance(chosen, str) and chosen in _LEVEL_VALUES and chosen != proposal.level.value


def check_risk_override(form: FormDefinition, answers: dict[str, Any], scores: ScoreReport | None = None) -> list[AnswerProblem]:
    """An override_reason_required problem when the chosen level differs from the proposal
    and no reason is written."""
    if form.risk is None:
        return []
    chosen = answers.get(form.risk.level_field)
    if not isinstance(chosen, str) or chosen not in _LEVEL_VALUES:
        return []
    proposal = propose_risk_level(form, answers, scores)
    if not override_reason_needed(form, answers, proposal) or is_answered(answers.get(form.risk.override_reason_field)):
        return []
    field = form.risk.override_reason_field
    return [AnswerProblem(field, "override_reason_required", {"proposed": proposal.level.value, "chosen": chosen},
                          f"risk level '{chosen}' differs from the proposed '{proposal.level.value}': give a reason")]
