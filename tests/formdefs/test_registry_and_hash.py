"""FormRegistry versions and the stability of definition_hash."""

from __future__ import annotations

import unicodedata

import pytest

from intake_desktop.formdefs import (
    FormDefinitionError,
    FormKind,
    FormRegistry,
    UnboundFormError,
    load_form_text,
    score_form,
    validate_answers,
)

MINI = """\
# comment lines never change the hash
id: mini
version: 1
kind: intake
title: {ko: "간단 양식", en: "Mini form"}
sections:
  - id: main
    title: {ko: "기본", en: "Basics"}
    fields:
      - {id: name, type: text, label: {ko: "이름", en: "Name"}, required: true}
      - {id: note, type: long_text, label: {ko: "메모", en: "Note"}}
"""

# The same definition: other key order, other quoting, explicit defaults, no comments, NFD.
MINI_REWRITTEN = unicodedata.normalize("NFD", """\
kind: intake
version: 1
id: mini
title:
  en: Mini form
  ko: 간단 양식
sections:
  - fields:
      - label: {en: Name, ko: 이름}
        type: text
        required: true
        id: name
        sensitivity: none
      - id: note
        label: {en: Note, ko: 메모}
        type: long_text
        required: false
        shareable_with: []
    title: {ko: 기본, en: Basics}
    id: main
""")

# Pinned: if this changes, existing records could no longer find their definition.
MINI_HASH = "28bede9ffbcfca8bd2ada4b25f5ebc3509637c5b2b63e28b0f1be025d032f40b"

# Pinned hashes of the shipped forms. A failure here means a shipped form changed:
# give the changed file a new `version` (records pin the old one) and then update this table.
SHIPPED_HASHES = {
    ("gad7", 1): "4ae0077261d8537e95fd2574e6fe2920699d3ccd48410bfdb881c2ccb152c7e9",
    ("hq25", 1): "bbafb7c58850db71834894b47d8825e03fcaf508c97c784f6da9617e87c7aefb",
    ("intake-youth", 1): "53f002044f2667142347aa21549e1933e3c81350057092833ea8230e9be46cfa",
    ("lsns6", 1): "b85404956b087eb58d2c028a28c33289733cf403c89d26c2d208c18a18bc8ed5",
    ("phq9", 1): "587c82f02ba7d270a2856cffb3583edeb787fb664ab40308b533cadf6792d93e",
    ("ucla3", 1): "02d04e09b09c587c9b94a3ff9b5d3a71094fdc07b6c7391eb612f49423e50b61",
}


def test_hash_is_sha256_hex_and_pinned():
    form = load_form_text(MINI, "mini.yaml")
    assert len(form.definition_hash) == 64 and int(form.definition_hash, 16) >= 0
    assert form.definition_hash == MINI_HASH


def test_hash_ignores_formatting_order_defaults_and_normalisation():
    assert load_form_text(MINI_REWRITTEN, "other.yaml").definition_hash == MINI_HASH


def test_hash_changes_with_content():
    changed = load_form_text(MINI.replace('"Name"', '"Full name"'), "mini.yaml")
    assert changed.definition_hash != MINI_HASH
    bumped = load_form_text(MINI.replace("version: 1", "version: 2"), "mini.yaml")
    assert bumped.definition_hash != MINI_HASH


def test_shipped_hashes_are_pinned(registry):
    actual = {(f.id, f.version): f.definition_hash for f in registry.list()}
    assert set(actual) == set(SHIPPED_HASHES)
    for key, pinned in SHIPPED_HASHES.items():
        assert actual[key] == pinned, f"{key} changed: raise its version, then update SHIPPED_HASHES"


def test_binding_does_not_change_the_hash(registry):
    from intake_desktop.formdefs import load_form_file
    from intake_desktop.paths import forms_dir

    unbound = load_form_file(forms_dir() / "intake-youth.yaml")
    assert not unbound.is_bound
    assert registry.get("intake-youth").definition_hash == unbound.definition_hash
    with pytest.raises(UnboundFormError):
        score_form(unbound, {})


def test_registry_lists_and_gets(registry):
    assert [f.id for f in registry.list(kind=FormKind.INTAKE)] == ["intake-youth"]
    assert {f.id for f in registry.list(kind=FormKind.INSTRUMENT)} == {"hq25", "phq9", "gad7", "ucla3", "lsns6"}
    assert registry.get("phq9").version == 1
    assert registry.get("phq9", 1) is registry.get("phq9")
    with pytest.raises(KeyError):
        registry.get("phq9", 7)
    with pytest.raises(KeyError):
        registry.get("nope")
    form = registry.get("gad7")
    assert registry.get_by_hash(form.definition_hash) is form


def test_custom_form_versions_side_by_side():
    registry = FormRegistry.from_directory()
    v2 = registry.load_form_text(MINI.replace("version: 1", "version: 2"), "vault:mini-v2")
    v1 = registry.load_form_text(MINI, "vault:mini-v1")
    assert registry.versions("mini") == [1, 2]
    assert registry.get("mini") is v2  # latest
    assert registry.get("mini", 1) is v1  # pinned
    assert [f.version for f in registry.list() if f.id == "mini"] == [1, 2]
    assert [f.version for f in registry.list(latest_only=True) if f.id == "mini"] == [2]
    # the same text again is a no-op; changed text under the same version is refused
    assert registry.load_form_text(MINI, "again") is v1
    with pytest.raises(FormDefinitionError) as info:
        registry.load_form_text(MINI.replace('"Note"', '"Notes"'), "vault:mini-edited")
    problem = info.value.problems[0]
    assert problem.code == "duplicate_version" and problem.file == "vault:mini-edited" and problem.line == 3


def test_answers_keyed_against_another_version_are_flagged():
    registry = FormRegistry()
    old = registry.load_form_text(MINI, "v1")
    new = registry.load_form_text(
        MINI.replace("version: 1", "version: 2").replace(
            '      - {id: note,', '      - {id: nickname, type: text, label: {ko: "별명", en: "Nickname"}}\n      - {id: note,'
        ),
        "v2",
    )
    answers = {"name": "김민수", "nickname": "민"}
    assert validate_answers(new, answers) == []
    assert [(p.field_id, p.code) for p in validate_answers(old, answers)] == [("nickname", "unknown_field")]


def test_custom_intake_embedding_a_shipped_instrument(registry):
    text = """
id: short-intake
version: 1
kind: intake
title: {ko: "짧은 상담지", en: "Short intake"}
sections:
  - id: s
    title: {ko: "척도", en: "Instruments"}
    fields:
      - {id: phq9, type: instrument, instrument: phq9, version: 1, label: {ko: "PHQ-9", en: "PHQ-9"}, sensitivity: health}
      - {id: phq9_total_score, type: score, scale: phq9.total, label: {ko: "총점", en: "Total"}}
      - {id: follow_up, type: yes_no, label: {ko: "추가 확인", en: "Follow-up"}, show_if: {field: phq9_9, gte: 1}}
"""
    local = FormRegistry.from_directory()
    form = local.load_form_text(text, "vault:short")
    assert form.is_bound
    assert score_form(form, {f"phq9_{i}": 1 for i in range(1, 10)}).scale("phq9.total").score == 9


def test_score_field_must_name_an_embedded_scale(registry):
    text = """
id: bad-score
version: 1
kind: intake
title: {ko: "가", en: "A"}
sections:
  - id: s
    title: {ko: "가", en: "A"}
    fields:
      - {id: total, type: score, scale: gad7.total, label: {ko: "총점", en: "Total"}}
"""
    with pytest.raises(FormDefinitionError) as info:
        FormRegistry.from_directory().load_form_text(text, "vault:bad")
    p = info.value.problems[0]
    assert (p.code, p.line, p.field_id) == ("missing_scale", 10, "total")  # the text starts with a blank line


def test_from_directory_reports_problems_of_all_files(tmp_path):
    (tmp_path / "a.yaml").write_text("id: a\nversion: [\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text(MINI.replace("type: text", "type: txt"), encoding="utf-8")
    (tmp_path / "README.md").write_text("not a form", encoding="utf-8")
    with pytest.raises(FormDefinitionError) as info:
        FormRegistry.from_directory(tmp_path)
    files = {p.file.rsplit("/", 1)[-1] for p in info.value.problems}
    assert files == {"a.yaml", "b.yml"}
