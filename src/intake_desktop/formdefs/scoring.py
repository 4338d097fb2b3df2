"""Scoring instruments exactly as their form files define them.

Per scale: reverse-score where listed, sum, apply the scale's missing-answer rule
(prorate up to max_missing, else not scorable), then band and cut-offs. Invalid values are
never silently skipped: they make the scale not scorable. Alerts (e.g. PHQ-9 item 9) are
evaluated on the raw answers of every administered instrument.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from intake_desktop.formdefs.conditions import evaluate, field_refs, is_answered
from intake_desktop.formdefs.fieldindex import Visibility
from intake_desktop.formdefs.model import Cutoff, Field, FieldType, FormDefinition, Scale, Text


@dataclass(frozen=True)
class BandResult:
    id: str
    label: Text


@dataclass(frozen=True)
class CutoffResult:
    id: str
    op: str
    value: int
    reached: bool
    label: Text


@dataclass(frozen=True)
class ScaleScore:
    instrument_id: str
    scale_id: str
    role: str  # "total" | "subscale"
    title: Text
    score: int | None  # None when not scorable
    min: int
    max: int
    scorable: bool
    reason: str | None  # not_administered | hidden | too_many_missing | invalid_answers
    missing_items: tuple[str, ...]
    invalid_items: tuple[str, ...]
    prorated: bool
    band: BandResult | None
    cutoffs: tuple[CutoffResult, ...]
    verified: bool  # False: item membership of this scale could not be checked at source

    @property
    def key(self) -> str:
        return f"{self.instrument_id}.{self.scale_id}"


@dataclass(frozen=True)
class Alert:
    instrument_id: str
    rule_id: str
    kind: str  # safety | check | info
    label: Text
    field_ids: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.instrument_id}.{self.rule_id}"


@dataclass(frozen=True)
class InstrumentScore:
    instrument_id: str
    version: int
    definition_hash: str
    title: Text
    administered: bool
    total: ScaleScore
    subscales: tuple[ScaleScore, ...]
    alerts: tuple[Alert, ...]
    translation_validated: bool | None  # None: the form states no translation
    translation_note: Text | None  # print it beside the score ("번역본, 타당화되지 않음")
    review_required: bool  # the instrument file says parts are unverified (see its verification_notes)

    @property
    def scorable(self) -> bool:
        return self.total.scorable

    @property
    def reason(self) -> str | None:
        return self.total.reason


@dataclass(frozen=True)
class ScoreReport:
    form_id: str
    form_version: int
    definition_hash: str
    instruments: tuple[InstrumentScore, ...]

    def get(self, instrument_id: str) -> InstrumentScore | None:
        return next((i for i in self.instruments if i.instrument_id == instrument_id), None)

    def scale(self, key: str) -> ScaleScore | None:
        """'phq9.total' -> that scale's score."""
        inst_id, _, scale_id = key.partition(".")
        inst = self.get(inst_id)
        if inst is None:
            return None
        return next((s for s in (inst.total, *inst.subscales) if s.scale_id == scale_id), None)

    @property
    def alerts(self) -> tuple[Alert, ...]:
        return tuple(a for i in self.instruments for a in i.alerts)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, e.g. to store beside the answers or print."""
        def text(t: Text) -> dict[str, str]:
            return {"ko": t.ko, "en": t.en}

        def scale(s: ScaleScore) -> dict[str, Any]:
            return {
                "scale_id": s.scale_id, "role": s.role, "title": text(s.title), "score": s.score,
                "min": s.min, "max": s.max, "scorable": s.scorable, "reason": s.reason,
                "missing_items": list(s.missing_items), "invalid_items": list(s.invalid_items),
                "prorated": s.prorated, "verified": s.verified,
                "band": None if s.band is None else {"id": s.band.id, "label": text(s.band.label)},
                "cutoffs": [{"id": c.id, "op": c.op, "value": c.value, "reached": c.reached, "label": text(c.label)}
                            for c in s.cutoffs],
            }

        return {
            "form_id": self.form_id, "form_version": self.form_version, "definition_hash": self.definition_hash,
            "instruments": [
                {
                    "instrument_id": i.instrument_id, "version": i.version, "definition_hash": i.definition_hash,
                    "title": text(i.title), "administered": i.administered, "total": scale(i.total),
                    "subscales": [scale(s) for s in i.subscales],
                    "alerts": [{"id": a.id, "kind": a.kind, "label": text(a.label), "field_ids": list(a.field_ids)}
                               for a in i.alerts],
                    "translation_validated": i.translation_validated,
                    "translation_note": None if i.translation_note is None else text(i.translation_note),
                    "review_required": i.review_required,
                }
                for i in self.instruments
            ],
        }


def _round_half_up(value: Decimal) -> int:
    # Python's round() rounds 20.5 to 20 (banker's rounding); scoring manuals mean 21.
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _item_range(field: Field, instrument: FormDefinition) -> tuple[int, int]:
    values = [int(o.value) for o in (field.options or instrument.answer_options or [])]  # (likert: whole numbers)
    return min(values), max(values)


def _reached(cut: Cutoff, score: int) -> bool:
    return {"gte": score >= cut.value, "gt": score > cut.value, "lte": score <= cut.value, "lt": score < cut.value}[cut.op]


def score_scale(instrument: FormDefinition, scale: Scale, answers: dict[str, Any], *,
                administered: bool = True, hidden: bool = False) -> ScaleScore:
    fields = {f.id: f for s in instrument.sections for f in s.fields}
    lo = hi = 0
    total = 0
    missing, invalid = [], []
    for item_id in scale.items:
        field = fields[item_id]
        item_lo, item_hi = _item_range(field, instrument)
        lo, hi = lo + item_lo, hi + item_hi
        value = answers.get(item_id)
        if not is_answered(value):
            missing.append(item_id)
            continue
        allowed = [o.value for o in (field.options or instrument.answer_options or [])]
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            invalid.append(item_id)
            continue
        total += (item_lo + item_hi - value) if item_id in scale.reverse else value

    def result(score: int | None, reason: str | None, prorated: bool = False) -> ScaleScore:
        band = None
        cutoffs: tuple[CutoffResult, ...] = ()
        if score is not None:
            found = next((b for b in scale.bands if b.min <= score <= b.max), None)
            band = BandResult(found.id, found.label) if found else None
            cutoffs = tuple(CutoffResult(c.id, c.op, c.value, _reached(c, score), c.label) for c in scale.cutoffs)
        return ScaleScore(instrument.id, scale.id, scale.role, scale.title, score, lo, hi, score is not None, reason,
                          tuple(missing), tuple(invalid), prorated, band, cutoffs, scale.verified)

    if hidden:
        return result(None, "hidden")
    if not administered:
        return result(None, "not_administered")
    if invalid:
        return result(None, "invalid_answers")
    if not missing:
        return result(total, None)
    rule = scale.missing
    if rule.method == "prorate" and len(missing) <= rule.max_missing:
        answered = len(scale.items) - len(missing)
        return result(_round_half_up(Decimal(total) * len(scale.items) / answered), None, prorated=True)
    return result(None, "too_many_missing")


def score_form(form: FormDefinition, answers: dict[str, Any]) -> ScoreReport:
    """Score every instrument of the form (an intake form's embedded ones, or an instrument
    form itself). Instruments with no answered item are reported as not administered."""
    vis = Visibility(form, answers)
    results = []
    for inst_id, instrument in form.instruments().items():
        item_ids = [f.id for s in instrument.sections for f in s.fields if f.type is FieldType.LIKERT]
        hidden = bool(item_ids) and not any(vis.visible(i) for i in item_ids)
        # answers as the instrument sees them: hidden items count as unanswered
        seen = {i: vis.value(i) for i in item_ids}
        administered = any(is_answered(v) for v in seen.values())
        scales = [score_scale(instrument, s, seen, administered=administered, hidden=hidden)
                  for s in instrument.scales]
        total = next(s for s in scales if s.role == "total")
        alerts: tuple[Alert, ...] = ()
        if administered and not hidden:
            alerts = tuple(
                Alert(inst_id, rule.id, rule.kind, rule.label, tuple(sorted(field_refs(rule.when))))
                for rule in instrument.alerts
                if evaluate(rule.when, seen.get)
            )
        results.append(InstrumentScore(
            inst_id, instrument.version, instrument.definition_hash, instrument.title, administered and not hidden,
            total, tuple(s for s in scales if s.role == "subscale"), alerts,
            instrument.translation.validated if instrument.translation else None,
            instrument.translation.note if instrument.translation else None, instrument.review_required,
        ))
    return ScoreReport(form.id, form.version, form.definition_hash, tuple(results))

