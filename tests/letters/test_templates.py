"""Templates are data: they load, they are checked, and a centre can reword them."""

from __future__ import annotations

import shutil

import pytest
import yaml

from intake_desktop.letters import samples as S
from intake_desktop.letters.model import PartnerKind
from intake_desktop.letters.render import render_letter
from intake_desktop.letters.templates import (
    TemplateError, load_all_templates, load_labels, load_template, parse_template, templates_dir,
)

from .conftest import KINDS, body_text, sample_letter


def raw(kind: str) -> dict:
    return yaml.safe_load((templates_dir() / f"{kind}.yaml").read_text(encoding="utf-8"))


def test_every_kind_has_a_template():
    templates = load_all_templates()
    assert set(templates) == set(PartnerKind)
    for kind, template in templates.items():
        assert template.kind is kind
        assert template.person.fields[0].id == "name"
        assert template.attachments == ["개인정보 제3자 제공 동의서 1부."]
        assert template.consent.purpose and template.consent.retention and template.consent.refusal


def test_police_template_is_minimal():
    police = load_template("police")
    assert set(police.field_ids) == {"name", "birth_date", "address", "mobile", "last_contact_date", "warning_signs"}
    assert [d.key for d in police.details][0] == "last_contact"
    assert not any("phq" in f or "gad" in f or "hq25" in f or "score" in f for f in police.field_ids)


def test_labels_for_fixed_person_codes():
    labels = load_labels()
    assert set(labels.choices["preferred_contact"]) == {"text_only", "phone", "visit", "email", "messenger"}
    assert set(labels.choices["gender"]) == {"male", "female", "other", "undisclosed"}


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("title"), "title"),
    (lambda d: d.update(surprise=1), "surprise"),
    (lambda d: d["person"]["fields"].append({"id": "name"}), "listed twice"),
    (lambda d: d["person"]["fields"].append({"id": "Bad-Id"}), "person.fields"),
    (lambda d: d["details"].append({"key": "gossip", "heading": {"ko": "가", "en": "a"}}), "details"),
    (lambda d: d.update(format=2), "format"),
    (lambda d: d["sections"].append({"key": "person", "heading": {"ko": "가", "en": "a"}, "fields": [{"id": "x"}]}),
     "reserved"),
])
def test_malformed_templates_are_refused(change, message):
    data = raw("welfare")
    change(data)
    with pytest.raises(TemplateError, match=message):
        parse_template(data, "welfare.yaml")


def test_file_kind_must_match_file_name(tmp_path):
    shutil.copytree(templates_dir(), tmp_path, dirs_exist_ok=True)
    data = raw("welfare")
    data["kind"] = "labour"
    (tmp_path / "welfare.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(TemplateError, match="is the file for 'welfare'"):
        load_template("welfare", tmp_path)


def test_missing_or_broken_file(tmp_path):
    with pytest.raises(TemplateError, match="not found"):
        load_template("welfare", tmp_path)
    (tmp_path / "welfare.yaml").write_text("title: [unclosed", encoding="utf-8")
    with pytest.raises(TemplateError, match="not valid YAML"):
        load_template("welfare", tmp_path)


def test_a_centre_can_reword_a_template_without_code(tmp_path, fonts):
    shutil.copytree(templates_dir(), tmp_path, dirs_exist_ok=True)
    data = raw("welfare")
    data["title"] = "청년 또래 모임 연계 요청 (수정본)"
    data["person"]["fields"][0]["label"] = {"ko": "이름", "en": "Name"}
    (tmp_path / "welfare.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    template = load_template("welfare", tmp_path)
    text = body_text(render_letter(sample_letter("welfare", template=template), fonts))
    assert "제목 청년 또래 모임 연계 요청 (수정본)" in text
    assert "이름 남궁민서" in text


def test_template_only_narrows(fonts):
    """Listing a field in a template is not enough: it must also be shareable and consented."""
    data = raw("jobcentre")
    data["sections"][0]["fields"].append({"id": "trigger"})  # shareable with welfare only
    template = parse_template(data)
    content = sample_letter("jobcentre", template=template, consented_items=set(S.SAMPLE_FIELD_META))
    assert "trigger" not in content.included_fields
    assert {o.field_id: o.reason for o in content.omitted}["trigger"] == "not_shareable"


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_renders_with_sample_data(kind, fonts):
    text = body_text(render_letter(sample_letter(kind), fonts))
    assert load_template(kind).title in text
