"""What a form shows for a set of answers as typed: the one place the intake screen asks.

    state = derive(form, answers_as_typed, switched_off={"gad7"})
    state.shown("phq9_total"); state.scores; state.alerts; state.proposal
    state.override_needed; state.required; state.missing

Every change on the screen re-derives the whole state from the answers as typed (normalised
first, never stored half-typed): which questions show (show_if), the scores, the crisis alerts,
the proposed risk level, whether choosing another level needs a reason, and which required
questions are shown and still unanswered. The screen (ui/intake_form/widget.py) only shows
the answer; the rules behind it are those that saving checks (formdefs.answers, formdefs.risk).

`switched_off`: optional instruments the counsellor did not give; their items are left out of
the answers by the caller, and their score fields are not shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Collection

from intake_desktop.formdefs.answers import normalise_answers
from intake_desktop.formdefs.conditions import is_answered
from intake_desktop.formdefs.fieldindex import Visibility
from intake_desktop.formdefs.model import FieldType, FormDefinition
from intake_desktop.formdefs.risk import (
    CrisisAlert, RiskProposal, crisis_alerts, override_reason_needed, propose_risk_level,
)
from intake_desktop.formdefs.scoring import ScoreReport, score_form


@dataclass(frozen=True)
class FormState:
    form: FormDefinition
    answers: dict[str, Any]  # normalised
    visibility: Visibility
    scores: ScoreReport
    alerts: list[CrisisAlert]
    proposal: RiskProposal | None  # None when the form has no risk rules
    override_needed: bool  # a level other than the proposal was chosen: a reason is required
    required: tuple[str, ...]  # required questions shown now, in form order
    missing: tuple[str, ...]  # those of them not answered
    switched_off: frozenset[str]

    def visible(self, field_id: str) -> bool:
        return self.visibility.visible(field_id)

    def shown(self, field_id: str) -> bool:
        """Visible, and not the score of an optional instrument that was not given."""
        if not self.visibility.visible(field_id):
            return False
        entry = self.visibility.index.entries.get(field_id)
        if entry is None or entry.field.type is not FieldType.SCORE or not entry.field.scale:
            return True
        return entry.field.scale.partition(".")[0] not in self.switched_off

    def row_visible(self, group_id: str, typed_row: dict[str, Any], sub_id: str) -> bool:
        """Whether a sub-question shows in one row of a group, for that row as typed."""
        cleaned = normalise_answers(self.form, {group_id: [typed_row]}).get(group_id) or [{}]
        row = cleaned[0] if isinstance(cleaned[0], dict) else {}
        return self.visibility.row_visible(group_id, row, sub_id)

    @property
    def chosen_level(self) -> Any:
        """The risk level the counsellor chose (None: none yet, or no risk rules)."""
        return self.answers.get(self.form.risk.level_field) if self.form.risk is not None else None


def derive(form: FormDefinition, answers_as_typed: dict[str, Any], *,
           switched_off: Collection[str] = ()) -> FormState:
    answers = normalise_answers(form, answers_as_typed)
    visibility = Visibility(form, answers)
    scores = score_form(form, answers)
    alerts = crisis_alerts(form, answers, scores)
    proposal = propose_risk_level(form, answers, scores) if form.risk is not None else None
    override_needed = override_reason_needed(form, answers, proposal)
    # The same rule saving checks (formdefs.answers.validate_answers): an answerable question
    # marked required, while it shows; and the override reason when another level was chosen.
    required = [fid for fid, entry in visibility.index.entries.items()
                if entry.answerable and entry.field.required and visibility.visible(fid)]
    if override_needed and form.risk is not None:
        reason = form.risk.override_reason_field
        if reason in visibility.index.entries and reason not in required:
            required.append(reason)
    missing = tuple(fid for fid in required if not is_answered(answers.get(fid)))
    return FormState(form, answers, visibility, scores, alerts, proposal, override_needed, tuple(required),
                     missing, frozenset(switched_off))
