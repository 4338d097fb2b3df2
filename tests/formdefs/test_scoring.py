"""Scores against hand-computed tables, for every shipped instrument."""

from __future__ import annotations

import pytest

from intake_desktop.formdefs import score_form

HQ25_REVERSE = {4, 7, 10, 15, 21, 25}
HQ25_FORWARD = [i for i in range(1, 26) if i not in HQ25_REVERSE]


def items(prefix: str, values: list[int]) -> dict[str, int]:
    return {f"{prefix}_{i}": v for i, v in enumerate(values, start=1) if v is not None}


def total(registry, instrument: str, answers: dict):
    report = score_form(registry.get(instrument), answers)
    return report.get(instrument).total


# -- PHQ-9 --------------------------------------------------------------------------------

# (item answers 1..9, expected total, expected band): built by hand, item 9 kept at 0
PHQ9_TABLE = [
    ([0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
    ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal"),
    ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),
    ([3, 3, 3, 0, 0, 0, 0, 0, 0], 9, "mild"),
    ([3, 3, 3, 1, 0, 0, 0, 0, 0], 10, "moderate"),
    ([2, 2, 2, 2, 2, 2, 2, 0, 0], 14, "moderate"),
    ([2, 2, 2, 2, 2, 2, 2, 1, 0], 15, "moderately_severe"),
    ([3, 3, 3, 3, 3, 2, 2, 0, 0], 19, "moderately_severe"),
    ([3, 3, 3, 3, 3, 3, 2, 0, 0], 20, "severe"),
    ([3, 3, 3, 3, 3, 3, 3, 3, 3], 27, "severe"),
]


@pytest.mark.parametrize(("answers", "expected", "band"), PHQ9_TABLE)
def test_phq9_band_edges(registry, answers, expected, band):
    result = total(registry, "phq9", items("phq9", answers))
    assert (result.score, result.band.id, result.scorable, result.prorated) == (expected, band, True, False)
    assert (result.min, result.max) == (0, 27)
    assert {c.id: c.reached for c in result.cutoffs} == {"further_assessment": expected >= 10}


def test_phq9_item9_alert(registry):
    form = registry.get("phq9")
    none = score_form(form, items("phq9", [0] * 9)).get("phq9")
    assert none.alerts == ()
    one = score_form(form, items("phq9", [0] * 8 + [1])).get("phq9")
    assert [(a.id, a.kind, a.field_ids) for a in one.alerts] == [("phq9.item9_safety", "safety", ("phq9_9",))]
    assert one.total.score == 1 and one.total.band.id == "minimal"  # alert is independent of the total


def test_phq9_missing_item9_is_prorated_but_flagged(registry):
    report = score_form(registry.get("phq9"), items("phq9", [1] * 8))
    inst = report.get("phq9")
    assert inst.total.score == 9 and inst.total.prorated  # 8 * 9 / 8
    assert inst.total.missing_items == ("phq9_9",)
    assert [a.id for a in inst.alerts] == ["phq9.item9_unanswered"]
    assert [a.kind for a in inst.alerts] == ["check"]


# (answers with None for missing, expected total or None, reason)
PHQ9_MISSING = [
    ([2, 2, 2, 2, 2, 2, 2, 3, None], 19, None),  # 17 * 9 / 8 = 19.125 -> 19
    ([1, 1, 1, 1, 0, 0, 0, 0, None], 5, None),  # 4 * 9 / 8 = 4.5 -> 5 (half up, not banker's 4)
    ([3, 3, 3, 3, 3, 3, 3, None, None], None, "too_many_missing"),
    ([None] * 9, None, "not_administered"),
]


@pytest.mark.parametrize(("answers", "expected", "reason"), PHQ9_MISSING)
def test_phq9_missing_rule(registry, answers, expected, reason):
    result = total(registry, "phq9", items("phq9", answers))
    assert (result.score, result.reason, result.scorable) == (expected, reason, expected is not None)


def test_invalid_value_is_never_scored(registry):
    answers = items("phq9", [0] * 9) | {"phq9_1": 5}
    result = total(registry, "phq9", answers)
    assert (result.scorable, result.reason, result.invalid_items) == (False, "invalid_answers", ("phq9_1",))
    result = total(registry, "phq9", items("phq9", [0] * 9) | {"phq9_2": True})  # bool is not 1
    assert result.reason == "invalid_answers"


# -- GAD-7 --------------------------------------------------------------------------------

GAD7_TABLE = [
    ([0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
    ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),
    ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),
    ([3, 3, 3, 0, 0, 0, 0], 9, "mild"),
    ([3, 3, 3, 1, 0, 0, 0], 10, "moderate"),
    ([2, 2, 2, 2, 2, 2, 2], 14, "moderate"),
    ([3, 2, 2, 2, 2, 2, 2], 15, "severe"),
    ([3, 3, 3, 3, 3, 3, 3], 21, "severe"),
]


@pytest.mark.parametrize(("answers", "expected", "band"), GAD7_TABLE)
def test_gad7_band_edges(registry, answers, expected, band):
    result = total(registry, "gad7", items("gad7", answers))
    assert (result.score, result.band.id, (result.min, result.max)) == (expected, band, (0, 21))
    assert result.cutoffs[0].reached is (expected >= 10)


def test_gad7_missing_rule(registry):
    assert total(registry, "gad7", items("gad7", [1, 1, 1, 0, 0, 0, None])).score == 4  # 3 * 7 / 6 = 3.5 -> 4
    assert total(registry, "gad7", items("gad7", [3, 3, 3, 0, 0, 0, None])).score == 11  # 9 * 7 / 6 = 10.5 -> 11
    assert total(registry, "gad7", items("gad7", [3, 3, 3, 0, 0, None, None])).reason == "too_many_missing"


# -- HQ-25 --------------------------------------------------------------------------------

def hq25(forward: dict[int, int] | None = None, reverse_value: int = 4, **overrides) -> dict[str, int]:
    """Answers with every reverse item at reverse_value (4 scores 0) and the forward items
    given (default 0)."""
    forward = forward or {}
    answers = {f"hq25_{i}": (reverse_value if i in HQ25_REVERSE else forward.get(i, 0)) for i in range(1, 26)}
    answers.update({k: v for k, v in overrides.items()})
    return answers


def forward_sum(n: int) -> dict[int, int]:
    """Forward items filled with 4s then the remainder, to reach n."""
    out = {}
    for i in HQ25_FORWARD:
        take = min(4, n)
        out[i] = take
        n -= take
    assert n == 0
    return out


def test_hq25_reverse_scoring_by_hand(registry):
    assert total(registry, "hq25", {f"hq25_{i}": 0 for i in range(1, 26)}).score == 24  # 6 reversed items x 4
    assert total(registry, "hq25", {f"hq25_{i}": 4 for i in range(1, 26)}).score == 76  # 19 forward items x 4
    assert total(registry, "hq25", {f"hq25_{i}": 2 for i in range(1, 26)}).score == 50
    # only item 4 (reverse) answered 0 among reverse items: 4 - 0 = 4 points
    assert total(registry, "hq25", hq25(hq25_4=0)).score == 4
    for item in HQ25_REVERSE:
        assert total(registry, "hq25", hq25(**{f"hq25_{item}": 1})).score == 3
    assert total(registry, "hq25", hq25({1: 1})).score == 1  # a forward item counts as is


@pytest.mark.parametrize(
    ("score", "band", "paper_42", "lab_44"),
    [(41, "below_cutoff", False, False), (42, "at_or_above_cutoff", True, False),
     (43, "at_or_above_cutoff", True, False), (44, "at_or_above_cutoff", True, True)],
)
def test_hq25_cutoff_boundaries(registry, score, band, paper_42, lab_44):
    result = total(registry, "hq25", hq25(forward_sum(score)))
    assert result.score == score
    assert result.band.id == band
    assert {c.id: c.reached for c in result.cutoffs} == {"paper_42": paper_42, "lab_44": lab_44}
    assert (result.min, result.max) == (0, 100)


def test_hq25_cutoff_boundaries_with_reverse_items(registry):
    # 41 reached through reverse items: all forward items 1 (19) + reverse items at 0 (6 x 4 = 24) = 43
    answers = {f"hq25_{i}": (0 if i in HQ25_REVERSE else 1) for i in range(1, 26)}
    assert total(registry, "hq25", answers).score == 43
    answers["hq25_25"] = 2  # reverse 2 -> 2 points instead of 4
    assert total(registry, "hq25", answers).score == 41
    answers["hq25_25"] = 1  # -> 3 points
    result = total(registry, "hq25", answers)
    assert (result.score, result.band.id) == (42, "at_or_above_cutoff")


def test_hq25_subscales_and_their_unverified_flag(registry):
    report = score_form(registry.get("hq25"), {f"hq25_{i}": 4 for i in range(1, 26)})
    inst = report.get("hq25")
    subs = {s.scale_id: s for s in inst.subscales}
    assert set(subs) == {"socialization", "isolation", "emotional_support"}
    # all answered 4: forward items score 4, reverse items 0
    assert subs["socialization"].score == 8 * 4  # 11 items, 3 reversed
    assert subs["isolation"].score == 8 * 4  # 8 items, none reversed
    assert subs["emotional_support"].score == 3 * 4  # 6 items, 3 reversed
    assert (subs["emotional_support"].min, subs["emotional_support"].max) == (0, 24)
    assert all(not s.verified for s in subs.values()) and inst.total.verified
    assert inst.review_required and inst.translation_validated is False
    assert "번역본, 타당화되지 않음" in inst.translation_note.ko


def test_hq25_missing_rule(registry):
    answers = {f"hq25_{i}": 2 for i in range(1, 26)}
    del answers["hq25_1"], answers["hq25_2"]
    result = total(registry, "hq25", answers)
    assert (result.score, result.prorated) == (50, True)  # 46 * 25 / 23 = 50
    del answers["hq25_3"]
    assert total(registry, "hq25", answers).reason == "too_many_missing"


# -- UCLA-3 and LSNS-6 (optional, off by default) ---------------------------------------

@pytest.mark.parametrize(
    ("answers", "expected", "band", "lonely"),
    [([1, 1, 1], 3, "not_lonely", False), ([2, 2, 1], 5, "not_lonely", False),
     ([2, 2, 2], 6, "lonely", True), ([3, 3, 3], 9, "lonely", True)],
)
def test_ucla3(registry, answers, expected, band, lonely):
    result = total(registry, "ucla3", items("ucla3", answers))
    assert (result.score, result.band.id, result.cutoffs[0].reached, result.min, result.max) == (expected, band, lonely, 3, 9)


def test_ucla3_no_proration(registry):
    assert total(registry, "ucla3", items("ucla3", [3, 3, None])).reason == "too_many_missing"


@pytest.mark.parametrize(
    ("answers", "expected", "band", "at_risk"),
    [([0] * 6, 0, "isolation_risk", True), ([2, 2, 2, 2, 2, 1], 11, "isolation_risk", True),
     ([2] * 6, 12, "no_isolation_risk", False), ([5] * 6, 30, "no_isolation_risk", False)],
)
def test_lsns6(registry, answers, expected, band, at_risk):
    inst = score_form(registry.get("lsns6"), items("lsns6", answers)).get("lsns6")
    assert (inst.total.score, inst.total.band.id, inst.total.cutoffs[0].reached) == (expected, band, at_risk)
    subs = {s.scale_id: s.score for s in inst.subscales}
    assert subs == {"family": sum(answers[:3]), "friends": sum(answers[3:])}


def test_lsns6_no_proration(registry):
    assert total(registry, "lsns6", items("lsns6", [5, 5, 5, 5, 5, None])).reason == "too_many_missing"


def test_optional_instruments_off_by_default(registry):
    assert not registry.get("ucla3").enabled_by_default
    assert not registry.get("lsns6").enabled_by_default
    assert all(registry.get(i).enabled_by_default for i in ("hq25", "phq9", "gad7"))


# -- through the intake form ------------------------------------------------------------

def test_intake_scores_embedded_instruments(intake):
    answers = items("phq9", [3, 3, 3, 3, 3, 3, 2, 0, 0]) | items("gad7", [1, 1, 1, 1, 1, 0, 0])
    report = score_form(intake, answers)
    assert [i.instrument_id for i in report.instruments] == ["hq25", "phq9", "gad7", "ucla3", "lsns6"]
    assert report.scale("phq9.total").score == 20
    assert report.scale("gad7.total").band.id == "mild"
    assert report.get("hq25").administered is False and report.get("hq25").reason == "not_administered"
    assert report.get("phq9").definition_hash == intake.instruments()["phq9"].definition_hash
    data = report.to_dict()
    assert data["instruments"][1]["total"]["score"] == 20
    assert data["definition_hash"] == intake.definition_hash
