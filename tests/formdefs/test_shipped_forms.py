"""The shipped forms keep their contracts: ids, consent-related markings, sharing limits."""

from __future__ import annotations

import re

from intake_desktop.domain.enums import RiskLevel
from intake_desktop.formdefs import FieldType, Recipient, Sensitivity, field_policies, shareable_fields
from intake_desktop.formdefs.fieldindex import field_index

# Section 2 ids are used by the import format: they must exist with exactly these types.
IMPORT_CONTRACT = {
    "name": FieldType.TEXT,
    "birth_date": FieldType.DATE,
    "gender": FieldType.SINGLE_CHOICE,
    "mobile": FieldType.PHONE,
    "address": FieldType.ADDRESS,
    "emergency_contact_name": FieldType.TEXT,
    "emergency_contact_phone": FieldType.PHONE,
    "preferred_contact": FieldType.SINGLE_CHOICE,
}


def test_import_contract_ids(intake):
    personal = next(s for s in intake.sections if s.id == "personal")
    types = {f.id: f.type for f in personal.fields}
    for fid, ftype in IMPORT_CONTRACT.items():
        assert types.get(fid) is ftype, fid
    options = {f.id: [o.value for o in f.options or []] for f in personal.fields}
    assert options["gender"] == ["male", "female", "other", "undisclosed"]
    assert options["preferred_contact"] == ["text_only", "phone", "visit", "email", "messenger"]
    assert next(f for f in personal.fields if f.id == "name").required
    assert next(f for f in personal.fields if f.id == "birth_date").required


def test_no_resident_registration_number(intake):
    for fid in field_index(intake).entries:
        assert not re.search(r"rrn|resident|jumin|ssn", fid), fid


def test_section_order_follows_the_domain_outline(intake):
    assert [s.id for s in intake.sections] == [
        "reception", "personal", "isolation_status", "instruments", "crisis_screen",
        "daily_life_health", "needs_section", "consent_note", "assessment",
    ]


def test_choice_values_of_the_outline(intake):
    def values(fid):
        return [o.value for o in field_index(intake).entries[fid].field.options]

    assert values("referral_source") == ["self", "family", "institution", "district_outreach", "police", "hotline", "other"]
    assert values("intake_mode") == ["visit", "phone", "outreach"]
    assert set(values("needs")) >= {"counselling", "peer_group", "work_experience", "employment", "safety"}
    assert values("risk_level") == [lvl.value for lvl in RiskLevel]


def test_police_gets_only_minimal_fields(intake):
    assert shareable_fields(intake, Recipient.POLICE) == [
        "name", "birth_date", "mobile", "address", "preferred_contact", "last_contact_date", "warning_signs",
    ]


def test_no_scores_or_health_fields_leave_in_letters_except_by_rule(intake):
    policies = field_policies(intake)
    for fid, policy in policies.items():
        if policy.sensitivity in (Sensitivity.HEALTH, Sensitivity.CRIME):
            assert not policy.shareable_with, fid
    for fid in (f"phq9_{i}" for i in range(1, 10)):
        assert policies[fid].sensitivity is Sensitivity.HEALTH and not policies[fid].shareable_with


def test_labour_and_welfare_sets(intake):
    labour = shareable_fields(intake, "labour")
    assert {"name", "birth_date", "mobile", "activity_last_month", "months_without_activity", "needs"} <= set(labour)
    welfare = shareable_fields(intake, "welfare")
    assert {"name", "mobile", "preferred_contact", "needs"} <= set(welfare)
    assert "birth_date" not in welfare and "trigger" not in welfare and "address" not in welfare


def test_instruments_state_their_translation_and_source(registry):
    for inst_id in ("hq25", "phq9", "gad7", "ucla3", "lsns6"):
        form = registry.get(inst_id)
        assert form.source and form.licence, inst_id
        assert form.translation is not None and form.translation.validated is False
        assert "번역본, 타당화되지 않음" in form.translation.note.ko
        assert "not validated" in form.translation.note.en
        for scale in form.scales:
            assert scale.missing.rationale.ko and scale.missing.rationale.en


def test_instrument_item_keys(registry):
    expected = {"hq25": 25, "phq9": 9, "gad7": 7, "ucla3": 3, "lsns6": 6}
    for inst_id, count in expected.items():
        keys = field_index(registry.get(inst_id)).answer_keys()
        assert keys == [f"{inst_id}_{i}" for i in range(1, count + 1)]


def test_hq25_published_facts(registry):
    form = registry.get("hq25")
    total = form.scale("total")
    assert total.reverse == ["hq25_4", "hq25_7", "hq25_10", "hq25_15", "hq25_21", "hq25_25"]
    assert {c.id: (c.op, c.value) for c in total.cutoffs} == {"paper_42": ("gte", 42), "lab_44": ("gte", 44)}
    subs = [s for s in form.scales if s.role == "subscale"]
    assert sorted(i for s in subs for i in s.items) == sorted(total.items)  # a partition of the 25 items
    assert all(s.verified is False for s in subs) and form.review_required


def test_every_answer_key_is_unique_across_intake_and_instruments(intake):
    keys = field_index(intake).answer_keys()
    assert len(keys) == len(set(keys))
    assert len([k for k in keys if k.startswith(("hq25_", "phq9_", "gad7_", "ucla3_", "lsns6_"))]) == 50
