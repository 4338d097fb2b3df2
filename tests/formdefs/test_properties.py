"""Property tests: scores stay in range, reverse scoring is symmetric, normalising is idempotent."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_desktop.formdefs import FormRegistry, normalise_answers, score_form, validate_answers
from intake_desktop.formdefs.fieldindex import field_index

REGISTRY = FormRegistry.from_directory()
INTAKE = REGISTRY.get("intake-youth")
INSTRUMENTS = ["hq25", "phq9", "gad7", "ucla3", "lsns6"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def allowed(inst_id: str) -> list[int]:
    return [o.value for o in REGISTRY.get(inst_id).answer_options]


def complete_answers(inst_id: str):
    keys = field_index(REGISTRY.get(inst_id)).answer_keys()
    return st.fixed_dictionaries({k: st.sampled_from(allowed(inst_id)) for k in keys})


@st.composite
def any_instrument_answers(draw, with_missing: bool = False):
    inst_id = draw(st.sampled_from(INSTRUMENTS))
    answers = draw(complete_answers(inst_id))
    if with_missing:
        keys = sorted(answers)
        drop = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
        for key in drop:
            del answers[key]
    return inst_id, answers


@SETTINGS
@given(any_instrument_answers())
def test_complete_answers_always_score_within_range_with_a_band(case):
    inst_id, answers = case
    inst = score_form(REGISTRY.get(inst_id), answers).get(inst_id)
    for scale in (inst.total, *inst.subscales):
        assert scale.scorable and not scale.prorated
        assert scale.min <= scale.score <= scale.max
        if REGISTRY.get(inst_id).scale(scale.scale_id).bands:
            assert scale.band is not None


@SETTINGS
@given(any_instrument_answers(with_missing=True))
def test_partial_answers_score_within_range_or_not_at_all(case):
    inst_id, answers = case
    form = REGISTRY.get(inst_id)
    inst = score_form(form, answers).get(inst_id)
    for scale in (inst.total, *inst.subscales):
        rule = form.scale(scale.scale_id).missing
        if scale.scorable:
            assert scale.min <= scale.score <= scale.max
            assert len(scale.missing_items) <= rule.max_missing
            assert scale.prorated == bool(scale.missing_items)
        else:
            assert scale.reason in ("too_many_missing", "not_administered")
            assert scale.reason == "not_administered" or len(scale.missing_items) > rule.max_missing


@SETTINGS
@given(complete_answers("hq25"))
def test_hq25_reverse_scoring_is_symmetric(answers):
    form = REGISTRY.get("hq25")
    flipped = {k: 4 - v for k, v in answers.items()}
    a = score_form(form, answers).get("hq25")
    b = score_form(form, flipped).get("hq25")
    assert a.total.score + b.total.score == 100
    for sa, sb in zip(a.subscales, b.subscales, strict=True):
        assert sa.score + sb.score == sa.max


@SETTINGS
@given(complete_answers("phq9"))
def test_phq9_safety_alert_iff_item9_positive(answers):
    inst = score_form(REGISTRY.get("phq9"), answers).get("phq9")
    assert any(a.kind == "safety" for a in inst.alerts) == (answers["phq9_9"] >= 1)
    assert inst.total.score == sum(answers.values())


json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(alphabet=string.printable + "가나다ㄱㅁㅅ０１２\u200b\u0301", max_size=30),
)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=10)
intake_keys = st.sampled_from(field_index(INTAKE).answer_keys() + ["unknown_key", "phq9_total_score"])


@SETTINGS
@given(st.dictionaries(intake_keys, json_values, max_size=12))
def test_normalise_is_idempotent_and_validation_never_crashes(answers):
    once = normalise_answers(INTAKE, answers)
    assert normalise_answers(INTAKE, once) == once
    for problems in (validate_answers(INTAKE, answers, partial=True), validate_answers(INTAKE, once)):
        assert all(p.code and p.message and p.field_id for p in problems)


@SETTINGS
@given(st.text(alphabet="0123456789-+ ()０１２３４５６７８９", max_size=20))
def test_phone_normalises_to_digits_only(raw):
    out = normalise_answers(INTAKE, {"mobile": raw}).get("mobile")
    assert out is None or out.isascii() and out.isdigit()
