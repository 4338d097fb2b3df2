"""Letters from a case: consent end to end, the register, reprints, the centre profile, the CLI.

The heart of it: for every kind of partner, every person field and intake answer carries a
unique marker; the person consents to giving only some items; the issued PDF's text must hold
every consented + shareable item and none of the others.
"""

from __future__ import annotations

import io
import os
import stat
from datetime import datetime
from pathlib import Path

import pypdf
import pytest
import yaml
from sqlalchemy import select, update

from intake_desktop.domain import dates
from intake_desktop import formdefs
from intake_desktop.letters import load_template
from intake_desktop.letters.compose import offerable_fields
from intake_desktop.services import errors as E
from intake_desktop.services import letter_json
from intake_desktop.services import letters as letters_module
from intake_desktop.services.forms import intake_form
from intake_desktop.services.vault import Vault
from intake_desktop.storage.models import AuditEvent, Letter, Referral

from letterkit import (  # noqa: F401 - `world` is a fixture
    CENTRE, ISSUE, KINDS, NEVER_SHAREABLE, PASSPHRASES, REASON, REPLY_BY, SCORE_LABELS, details, field_meta,
    give_consent, how, issue, make_case, marked_answers, nospace, pdf_text, world,
)

# ---------------------------------------------------------------------------------------------
# Consent decides what is printed

@pytest.mark.parametrize("kind", KINDS)
def test_letter_carries_exactly_the_consented_shareable_items(world, kind):
    admin = world.login("admin")
    case_id, printed = make_case(admin)
    partner = admin.partners.by_kind(kind)
    offer = offerable_fields(load_template(kind), field_meta())
    assert len(offer) >= 3, "every template offers something"
    chosen = set(offer[::2])  # every other offerable item: the rest is offerable but refused
    give_consent(admin, case_id, partner.id, chosen | set(NEVER_SHAREABLE))

    issued = issue(admin, case_id, partner.id)
    text = pdf_text(issued.pdf)

    expected = {fid for fid in chosen if fid in printed}
    assert expected, "the test must expect something"
    for fid in expected:
        assert nospace(printed[fid]) in text, f"{fid} was consented and shareable but is missing"
    for fid, marker in printed.items():
        if fid not in expected:
            assert nospace(marker) not in text, f"{fid} leaked into the {kind} letter"
    assert set(issued.content.included_fields) == expected
    reasons = {o.field_id: o.reason for o in issued.content.omitted}
    for fid in set(offer) - chosen:
        assert reasons[fid] == "not_consented"
    assert nospace(REASON) in text
    assert issued.number in text

    # PDF metadata: neutral, no marker anywhere
    meta = pypdf.PdfReader(io.BytesIO(issued.pdf)).metadata or {}
    meta_text = " ".join(str(v) for v in meta.values())
    for marker in printed.values():
        assert nospace(marker) not in nospace(meta_text)
    assert "남궁" not in meta_text and CENTRE in meta_text

    if kind == "police":
        for label in SCORE_LABELS:
            assert label not in text


def test_police_never_gets_scores_or_diagnoses_even_when_everything_is_consented(world, monkeypatch):
    """Defence in depth: a form (here: patched field policies) that would let everything go to
    the police, with consent to every item and the sensitive-information consent."""
    admin = world.login("admin")
    case_id, printed = make_case(admin)
    real = letters_module.field_meta_for

    def everything_to_everyone(form, scores=None):
        from dataclasses import replace
        return {fid: replace(meta, shareable_with=frozenset(KINDS)) for fid, meta in real(form, scores).items()}

    monkeypatch.setattr(letters_module, "field_meta_for", everything_to_everyone)
    meta = everything_to_everyone(intake_form())
    police = admin.partners.by_kind("police")
    give_consent(admin, case_id, police.id, set(meta))
    issued = issue(admin, case_id, police.id, details=details(warning_signs=""))
    text = pdf_text(issued.pdf)
    health = {fid for fid, m in meta.items() if m.sensitivity_value in ("health", "crime")
              or m.type in ("score", "instrument", "likert")}
    assert health >= {"counsellor_assessment", "mental_health_care", "medication_detail", "hq25_total_score"}
    for fid in health:
        if fid in printed:
            assert nospace(printed[fid]) not in text, fid
    for label in SCORE_LABELS:
        assert label not in text
    reasons = {o.field_id: o.reason for o in issued.content.omitted}
    assert not set(issued.content.included_fields) & health
    assert all(reasons.get(fid) in (None, "never_to_police", "not_in_template") for fid in health)
    assert "남궁QAN" in text  # the person is still named: the letter is not empty


def permissive_form_yaml() -> str:
    """The shipped form as version 2, every non-police recipient allowed everything but crime."""
    data = yaml.safe_load((Path(__file__).parents[1] / "forms" / "intake-youth.yaml").read_text(encoding="utf-8"))
    data["version"] = 2
    for section in data["sections"]:
        for f in section["fields"]:
            if f["type"] == "note":
                continue
            if f.get("sensitivity") == "crime":
                f["shareable_with"] = ["police"]
            elif f.get("sensitivity") == "health":
                f["shareable_with"] = [k for k in KINDS if k != "police"]
            else:
                f["shareable_with"] = list(KINDS)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_case_uses_its_pinned_form_version_and_scores_follow_consent(world):
    """An intake on a custom form version that shares scores: the welfare letter prints them only
    with the sensitive-information consent; the police letter never."""
    admin = world.login("admin")
    form = admin.forms.import_yaml(permissive_form_yaml(), "permissive.yaml")
    assert form.version == 2
    case_id, printed = make_case(admin, form=form)
    welfare = admin.partners.by_kind("welfare")
    items = set(letters_module.field_meta_for(form))
    admin.consent.record_collection(case_id, how())
    sensitive = admin.consent.record_sensitive(case_id, how())
    admin.consent.record_provision(case_id, welfare.id, sorted(items), "연계", "1년", how())
    admin.consent.record_provision(case_id, "police", sorted(items), "안전 확인", "확인 종료 시", how())
    admin.consent.withdraw(case_id, sensitive.id, ISSUE, "본인")

    without = admin.letters.prepare(case_id, welfare.id, details(), issue_date=ISSUE)
    assert without.form_version == 2
    reasons = {o.field_id: o.reason for o in without.omitted}
    assert reasons["hq25_total_score"] == "no_sensitive_consent"
    assert "총점" not in pdf_text(without.pdf)

    admin.consent.record_sensitive(case_id, how())
    with_consent = admin.letters.prepare(case_id, welfare.id, details(), issue_date=ISSUE)
    text = pdf_text(with_consent.pdf)
    assert "hq25_total_score" in with_consent.included_fields
    hq25 = formdefs.score_form(form, marked_answers(form)[0])
    total = next(i.total.score for i in hq25.instruments if i.instrument_id == "hq25")
    assert f"총점:{total}점" in text
    assert printed["crime_victimisation_detail"] not in text  # crime: police only, whatever the form says

    police = admin.letters.prepare(case_id, "police", details(), issue_date=ISSUE)
    police_text = pdf_text(police.pdf)
    for label in SCORE_LABELS:
        assert label not in police_text
    assert printed["counsellor_assessment"] not in police_text


# ---------------------------------------------------------------------------------------------
# No consent, withdrawal, override

def test_no_consent_no_letter_naming_the_partner(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    with pytest.raises(E.DeniedError, match="collection and use"):
        admin.letters.prepare(case_id, "welfare", details())
    admin.consent.record_collection(case_id, how())
    with pytest.raises(E.DeniedError) as denied:
        admin.letters.prepare(case_id, "welfare", details())
    assert "동작이수사회복지관" in str(denied.value)
    assert denied.value.exit_code == 3
    # consent to another partner does not count for this one
    admin.consent.record_provision(case_id, "labour", ["name"], "연계", "1년", how())
    with pytest.raises(E.DeniedError, match="동작이수사회복지관"):
        admin.letters.prepare(case_id, "welfare", details())
    with world.vault.engine.connect() as connection:
        assert connection.execute(select(Letter)).first() is None


def test_withdrawal_blocks_the_next_letter(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    record = give_consent(admin, case_id, "welfare", ["name", "mobile"])
    issue(admin, case_id, "welfare")
    admin.consent.withdraw(case_id, record.id, ISSUE, "본인")
    with pytest.raises(E.DeniedError, match="동작이수사회복지관"):
        admin.letters.prepare(case_id, "welfare", details())


def test_withdrawal_between_preview_and_issue_stops_the_letter(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    record = give_consent(admin, case_id, "welfare", ["name", "mobile"])
    prepared = admin.letters.prepare(case_id, "welfare", details(), issue_date=ISSUE)
    admin.consent.withdraw(case_id, record.id, ISSUE, "본인")
    with pytest.raises(E.DeniedError):
        admin.letters.issue(prepared)
    assert admin.letters.register() == []


def test_supervisor_override_allows_exactly_one_letter_and_is_recorded(world):
    admin = world.login("admin")
    case_id, printed = make_case(admin, counsellor=world.ids["kim"])
    admin.consent.record_collection(case_id, how())
    kim, boss = world.login("kim"), world.login("boss")

    with pytest.raises(E.DeniedError):
        kim.consent.override(case_id, "police", "연락 두절 8일째", ["name", "address"])
    override = boss.consent.override(case_id, "police", "연락 두절 8일째, 보호자도 연락 안 됨", ["name", "address"])

    prepared = kim.letters.prepare(case_id, "police", details(), issue_date=ISSUE)
    assert prepared.consent.override and prepared.consent.record_id == override.id
    issued = kim.letters.issue(prepared)
    text = pdf_text(issued.pdf)
    assert printed["name"] in text and printed["address"] in text
    assert printed["mobile"] not in text  # not among the override's items

    record = next(r for r in admin.records.records("consent", case_id) if r.id == override.id)
    assert record.document["used"] is True
    assert record.document["used_for"]["number"] == issued.number
    with admin.db() as db:
        events = db.exec(select(AuditEvent).where(AuditEvent.case_id == case_id)).scalars().all()
        actions = [e.action for e in events]
        issue_event = next(e for e in events if e.action == "letter.issue")
    assert {"consent.override", "consent.override_used", "letter.issue"} <= set(actions)
    assert admin.audit.details(issue_event)["override"] is True
    assert admin.audit.verify() == []

    with pytest.raises(E.DeniedError, match="동작경찰서"):
        kim.letters.prepare(case_id, "police", details())


def test_a_prepared_override_letter_cannot_be_issued_twice(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    admin.consent.record_collection(case_id, how())
    admin.consent.override(case_id, "police", "연락 두절", ["name"])
    prepared = admin.letters.prepare(case_id, "police", details(), issue_date=ISSUE)
    admin.letters.issue(prepared)
    with pytest.raises(E.DeniedError):
        admin.letters.issue(prepared)
    assert len(admin.letters.register()) == 1


def test_a_real_consent_is_used_before_an_override(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    provision = give_consent(admin, case_id, "welfare", ["name"])
    override = admin.consent.override(case_id, "welfare", "사유", ["name", "mobile"])
    prepared = admin.letters.prepare(case_id, "welfare", details(), issue_date=ISSUE)
    assert prepared.consent.record_id == provision.id and not prepared.consent.override
    admin.letters.issue(prepared)
    record = next(r for r in admin.records.records("consent", case_id) if r.id == override.id)
    assert record.document["used"] is False


def test_counsellor_reaches_only_own_cases(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin, counsellor=world.ids["kim"])
    give_consent(admin, case_id, "welfare", ["name"])
    kim, lee = world.login("kim"), world.login("lee")
    issued = issue(kim, case_id, "welfare")
    with pytest.raises(E.DeniedError):
        lee.letters.prepare(case_id, "welfare", details())
    with pytest.raises(E.DeniedError):
        lee.letters.reprint(issued.letter_id)
    assert lee.letters.register() == []
    assert [e.number for e in kim.letters.register()] == [issued.number]
    assert kim.letters.register()[0].counsellor_name == "김상담"


def test_missing_reason_is_refused(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name"])
    with pytest.raises(E.UsageError, match="의뢰 사유"):
        admin.letters.prepare(case_id, "welfare", details(reason="  "))


# ---------------------------------------------------------------------------------------------
# Determinism, reprint, tampering

def test_same_letter_twice_is_byte_identical_and_reprint_matches(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "labour", ["name", "birth_date", "wished_work", "work_history"])
    first = admin.letters.prepare(case_id, "labour", details(), issue_date=ISSUE)
    second = admin.letters.prepare(case_id, "labour", details(), issue_date=ISSUE)
    assert first.pdf == second.pdf and first.sha256 == second.sha256

    issued = admin.letters.issue(first)
    assert issued.pdf == first.pdf
    reprinted = admin.letters.reprint(issued.letter_id)
    assert reprinted == issued.pdf
    assert admin.letters.reprint(issued.number) == issued.pdf  # by number too
    with world.vault.engine.connect() as connection:
        row = connection.execute(select(Letter)).one()
        prints = connection.execute(select(AuditEvent).where(AuditEvent.action == "letter.print")).all()
    assert row.pdf_sha256 == issued.sha256 and row.number == issued.number and row.case_id == case_id
    assert row.created_by == admin.account_id
    assert len(prints) == 2


def _letter_row(world):
    with world.vault.engine.connect() as connection:
        return connection.execute(select(Letter)).one()


def test_tampered_register_inputs_are_reported_as_damage(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name", "mobile"])
    issued = issue(admin, case_id, "welfare")
    row = _letter_row(world)

    # 1. validly sealed, but different inputs (someone with the key re-sealed the row)
    document = admin.sealer.open("letter", row.id, row.version, row.data, owner=row.case_id)
    document["content"]["body"][0]["rows"][0][1] = "다른사람"
    with world.vault.engine.begin() as connection:
        connection.execute(update(Letter).where(Letter.id == row.id)
                           .values(data=admin.sealer.seal("letter", row.id, row.version, document, owner=row.case_id)))
    with pytest.raises(E.DamagedError):
        admin.letters.reprint(issued.letter_id)

    # 2. flipped ciphertext
    broken = bytearray(row.data)
    broken[-1] ^= 1
    with world.vault.engine.begin() as connection:
        connection.execute(update(Letter).where(Letter.id == row.id).values(data=bytes(broken)))
    with pytest.raises(E.DamagedError):
        admin.letters.reprint(issued.letter_id)

    # 3. the original inputs back, but the register's hash changed
    with world.vault.engine.begin() as connection:
        connection.execute(update(Letter).where(Letter.id == row.id).values(data=row.data, pdf_sha256="0" * 64))
    with pytest.raises(E.DamagedError):
        admin.letters.reprint(issued.letter_id)

    with world.vault.engine.begin() as connection:
        connection.execute(update(Letter).where(Letter.id == row.id).values(pdf_sha256=row.pdf_sha256))
    assert admin.letters.reprint(issued.letter_id) == issued.pdf


def test_content_survives_the_register_round_trip(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "police", ["name", "birth_date", "address", "mobile", "warning_signs"])
    prepared = admin.letters.prepare(
        case_id, "police", details(last_contact=datetime(2025, 5, 12, 15, 20)),
        issue_date=ISSUE)
    data = letter_json.content_to_json(prepared.content)
    assert letter_json.content_from_json(data) == prepared.content
    assert letter_json.details_from_json(letter_json.details_to_json(prepared.details)) == prepared.details


# ---------------------------------------------------------------------------------------------
# Numbers and the register

def test_register_numbers_are_unique_and_sequential(world):
    admin = world.login("admin")
    cases = [make_case(admin)[0] for _ in range(2)]
    for case_id in cases:
        give_consent(admin, case_id, "welfare", ["name"])
        give_consent(admin, case_id, "labour", ["name"])
    numbers = [issue(admin, cases[0], "welfare").number, issue(admin, cases[1], "labour").number,
               issue(admin, cases[0], "labour").number]
    assert numbers == ["기지개-1", "기지개-2", "기지개-3"]
    register = admin.letters.register()
    assert [e.number for e in register] == numbers
    assert [e.recipient_name for e in register] == ["동작이수사회복지관", "서울관악고용노동지청", "서울관악고용노동지청"]
    assert all(e.issue_date == ISSUE and len(e.sha256) == 64 for e in register)
    assert [e.number for e in admin.letters.register(cases[0])] == ["기지개-1", "기지개-3"]
    assert admin.letters.next_number() == "기지개-4"


def test_a_number_taken_meanwhile_moves_to_the_next(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name"])
    give_consent(admin, case_id, "labour", ["name"])
    first = admin.letters.prepare(case_id, "welfare", details(), issue_date=ISSUE)
    second = admin.letters.prepare(case_id, "labour", details(), issue_date=ISSUE)
    assert first.number == second.number == "기지개-1"
    a, b = admin.letters.issue(first), admin.letters.issue(second)
    assert (a.number, b.number) == ("기지개-1", "기지개-2")
    assert b.renumbered and not a.renumbered
    assert "기지개-2" in pdf_text(b.pdf) and "기지개-1" not in pdf_text(b.pdf)
    assert admin.letters.reprint(b.letter_id) == b.pdf


def test_numbers_are_never_reused_after_a_case_is_destroyed(world):
    admin = world.login("admin")
    keep, gone = make_case(admin)[0], make_case(admin)[0]
    for case_id in (keep, gone):
        give_consent(admin, case_id, "welfare", ["name"])
    assert issue(admin, keep, "welfare").number == "기지개-1"
    assert issue(admin, gone, "welfare").number == "기지개-2"
    admin.retention.destroy(gone, "보유기간 경과")
    assert issue(admin, keep, "welfare").number == "기지개-3"


def test_issue_writes_register_referral_and_audit_together(world):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name"])
    issued = issue(admin, case_id, "welfare")
    referrals = admin.referrals.for_case(case_id)
    assert len(referrals) == 1
    referral = referrals[0]
    assert referral.id == issued.referral_id and referral.status == "sent"
    assert referral.letter_number == issued.number and referral.reply_by == REPLY_BY
    assert referral.partner_name == "동작이수사회복지관"
    with world.vault.engine.connect() as connection:
        assert connection.execute(select(Referral.status)).scalar_one() == "sent"
    assert admin.letters.stored(issued.letter_id)["referral_id"] == referral.id


def test_a_failed_issue_leaves_nothing_behind(world, monkeypatch):
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    admin.consent.record_collection(case_id, how())
    override = admin.consent.override(case_id, "police", "연락 두절", ["name"])
    prepared = admin.letters.prepare(case_id, "police", details(), issue_date=ISSUE)
    real = admin.audit.record

    def failing(action, **kw):
        if action == "letter.issue":
            raise OSError(28, "No space left on device")
        return real(action, **kw)

    monkeypatch.setattr(admin.audit, "record", failing)
    with pytest.raises(E.ServiceError):
        admin.letters.issue(prepared)
    monkeypatch.undo()
    with world.vault.engine.connect() as connection:
        assert connection.execute(select(Letter)).first() is None
        assert connection.execute(select(Referral)).first() is None
    record = next(r for r in admin.records.records("consent", case_id) if r.id == override.id)
    assert record.document["used"] is False


# ---------------------------------------------------------------------------------------------
# Centre profile

def test_centre_profile_defaults_and_admin_only_updates(world):
    admin, kim = world.login("admin"), world.login("kim")
    profile = admin.centre.profile()
    assert profile.name == CENTRE and profile.short_name == "기지개" and profile.head_title == "센터장"
    assert profile.signature_title == "서울청년기지개센터장"
    with pytest.raises(E.DeniedError):
        kim.centre.update(phone="0212345678")
    admin.centre.update(phone="02-1234-5678", postal_code="06900", address="서울특별시 동작구 예시로 10",
                        email="centre@example.org", short_name="기지개센터", department="사례관리팀")
    profile = kim.centre.profile()
    assert (profile.phone, profile.short_name, profile.department) == ("0212345678", "기지개센터", "사례관리팀")
    with pytest.raises(E.UsageError):
        admin.centre.update(postal_code="123")
    with pytest.raises(E.UsageError):
        admin.centre.update(short_name="기 지개")
    with pytest.raises(E.UsageError):
        admin.centre.update(favourite_colour="blue")
    with admin.db() as db:
        assert db.exec(select(AuditEvent).where(AuditEvent.action == "centre.edit")).first() is not None

    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name"])
    issued = issue(admin, case_id, "welfare")
    assert issued.number == "기지개센터-1"
    text = pdf_text(issued.pdf)
    assert "02-1234-5678" in text and "centre@example.org" in text
    assert "기안자사회복지사관리자" in text  # the signed-in account drafts the letter


def test_default_short_name_is_the_name_without_gijigae(tmp_path):
    created = Vault.create(tmp_path / "other", "동작구 청년센터", "admin", "관리자", PASSPHRASES["admin"])
    try:
        session = created.vault.unlock("admin", PASSPHRASES["admin"])
        # without spaces: the profile refuses a short name with spaces (see test_cli.py)
        assert session.centre.profile().short_name == "동작구청년센터"
        session.lock()
    finally:
        created.vault.close()


# ---------------------------------------------------------------------------------------------
# Consent form

def test_consent_form_has_a_block_per_partner_and_a_guardian_line_under_14(world):
    admin = world.login("admin")
    adult, _ = make_case(admin)
    child_birth = dates.today().replace(year=dates.today().year - 12, day=1).isoformat()
    child, _ = make_case(admin, birth_date=child_birth)
    text = pdf_text(admin.letters.consent_form(adult))
    for name in ("동작이수사회복지관", "서울관악고용노동지청", "노량진청년일자리센터", "동작경찰서", "동작구청"):
        assert name in text
    assert "3-6." not in text  # the centre itself is not a third party: five blocks, not six
    assert "남궁QAN" in text and "법정대리인" not in text
    assert "법정대리인" in pdf_text(admin.letters.consent_form(child))
    only = pdf_text(admin.letters.consent_form(adult, ["police"]))
    assert "동작경찰서" in only and "동작이수사회복지관" not in only


# ---------------------------------------------------------------------------------------------
# Command line

@pytest.fixture
def cli_world(world):
    """A case with consent to welfare only; the vault closed so the CLI can open it."""
    admin = world.login("admin")
    case_id, printed = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name", "mobile"])
    number = admin.cases.get(case_id).case_number
    world.close()
    return world, case_id, number, printed


def _letter_args(number: str, out: Path, to: str = "welfare", *extra: str) -> list[str]:
    return ["letter", "--user", "admin", "--case", number, "--to", to, "--out", str(out), "--reason", REASON,
            "--reply-by", "2025-06-03", *extra]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".part")


def test_cli_letter_writes_the_file_and_refuses_to_overwrite(cli, cli_world, tmp_path):
    world, case_id, number, printed = cli_world
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "letter.pdf"
    result = cli(*_letter_args(number, out), data_dir=world.path)
    assert result.code == 0, result.err
    assert "기지개-1" in result.out
    text = pdf_text(out.read_bytes())
    assert printed["name"] in text and printed["mobile"] in text and printed["address"] not in text
    assert _leftovers(out_dir) == []

    before = out.read_bytes()
    refused = cli(*_letter_args(number, out), data_dir=world.path)
    assert refused.code == 2 and "--force" in refused.err
    assert out.read_bytes() == before and _leftovers(out_dir) == []

    forced = cli(*_letter_args(number, out, "welfare", "--force"), data_dir=world.path)
    assert forced.code == 0, forced.err
    assert "기지개-2" in pdf_text(out.read_bytes())
    assert _leftovers(out_dir) == []

    world.reopen()
    admin = world.login("admin")
    assert [e.number for e in admin.letters.register()] == ["기지개-1", "기지개-2"]  # the refusal issued nothing

    again = out_dir / "again.pdf"
    world.close()
    result = cli("letter-reprint", "--user", "admin", "--letter", "기지개-2", "--out", str(again), data_dir=world.path)
    assert result.code == 0, result.err
    assert again.read_bytes() == out.read_bytes()


def test_cli_letter_without_consent_exits_3_naming_it(cli, cli_world, tmp_path):
    world, case_id, number, _ = cli_world
    out = tmp_path / "police.pdf"
    result = cli(*_letter_args(number, out, "police"), data_dir=world.path)
    assert result.code == 3
    assert "동작경찰서" in result.err
    assert not out.exists() and _leftovers(tmp_path) == []


def test_cli_letter_requires_a_reason(cli, cli_world, tmp_path):
    world, case_id, number, _ = cli_world
    out = tmp_path / "x.pdf"
    result = cli("letter", "--user", "admin", "--case", number, "--to", "welfare", "--out", str(out),
                 data_dir=world.path)
    assert result.code == 2 and "--reason" in result.err
    assert not out.exists()


def test_cli_consent_form(cli, cli_world, tmp_path):
    world, case_id, number, _ = cli_world
    out = tmp_path / "consent.pdf"
    result = cli("consent-form", "--user", "admin", "--case", number, "--out", str(out), data_dir=world.path)
    assert result.code == 0, result.err
    text = pdf_text(out.read_bytes())
    for name in ("동작이수사회복지관", "서울관악고용노동지청", "노량진청년일자리센터", "동작경찰서", "동작구청"):
        assert name in text
    assert "개인정보제3자제공동의" in text
    refused = cli("consent-form", "--user", "admin", "--case", number, "--out", str(out), data_dir=world.path)
    assert refused.code == 2
    assert _leftovers(tmp_path) == []


def test_atomic_write_never_replaces_silently(tmp_path):
    from intake_desktop.cli.letter_commands import write_atomically

    target = tmp_path / "a.pdf"
    write_atomically(target, b"one", force=False)
    with pytest.raises(E.UsageError):
        write_atomically(target, b"two", force=False)
    assert target.read_bytes() == b"one"
    write_atomically(target, b"three", force=True)
    assert target.read_bytes() == b"three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]
    if os.name != "nt":  # through the one writer: owner-only (Windows: the folder's ACL)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_addressee_names_the_institution_when_it_is_run_by_another_body(world):
    admin = world.login("admin")
    recipients = {kind: letters_module.recipient_for(admin.partners.by_kind(kind)) for kind in KINDS}
    assert (recipients["jobcentre"].addressee, recipients["jobcentre"].department) == ("동작구청장", "노량진 청년 일자리센터")
    assert (recipients["welfare"].addressee, recipients["welfare"].department) == ("동작이수사회복지관장", "")
    admin.partners.update_contact("welfare", department="사례관리팀")
    assert letters_module.recipient_for(admin.partners.get("welfare")).department == "사례관리팀"


def test_a_unique_number_clash_at_insert_retries_with_the_next(world, monkeypatch):
    """Two issues racing for one number: the register's UNIQUE constraint refuses the second
    insert, and issue() takes the next number instead of failing."""
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name"])
    first = issue(admin, case_id, "welfare")
    real = letters_module.LettersService._next_number
    calls = []

    def stale_once(self, db, short_name):
        calls.append(short_name)
        return ("기지개-1", 1) if len(calls) == 1 else real(self, db, short_name)

    prepared = admin.letters.prepare(case_id, "welfare", details(), issue_date=ISSUE)
    monkeypatch.setattr(letters_module.LettersService, "_next_number", stale_once)
    second = admin.letters.issue(prepared)
    assert first.number == "기지개-1" and second.number == "기지개-2" and len(calls) == 2
    assert admin.letters.reprint(second.letter_id) == second.pdf
    assert len(admin.referrals.for_case(case_id)) == 2


def test_consents_are_taken_in_order_and_say_what_is_missing(world):
    """Issue 15, item 1: no sensitive or partner consent before collection and use; no health
    item for a partner before the sensitive-information consent."""
    from intake_desktop.services.consent import STEP_COLLECTION, STEP_PROVISION, STEP_SENSITIVE, missing_steps

    admin = world.login("admin")
    case_id, _ = make_case(admin)
    assert missing_steps(admin.consent.status(case_id)) == [STEP_COLLECTION, STEP_SENSITIVE, STEP_PROVISION]
    with pytest.raises(E.UsageError, match="collection and use first"):
        admin.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", how())
    with pytest.raises(E.UsageError, match="collection and use first"):
        admin.consent.record_sensitive(case_id, how())
    admin.consent.record_collection(case_id, how())
    with pytest.raises(E.UsageError, match="sensitive-information consent first") as refused:
        admin.consent.record_provision(case_id, "welfare", ["name", "phq9_total_score"], "연계", "1년", how())
    assert "PHQ-9" in str(refused.value) or "우울" in str(refused.value)
    admin.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", how())
    assert missing_steps(admin.consent.status(case_id)) == [STEP_SENSITIVE]
    admin.consent.record_sensitive(case_id, how())
    admin.consent.record_provision(case_id, "welfare", ["name", "phq9_total_score"], "연계", "1년", how())
    assert missing_steps(admin.consent.status(case_id)) == []


def test_no_letter_the_partner_cannot_answer(tmp_path):
    """Issue 15, item 13: with no address, phone, fax or e-mail of the centre, no letter is made."""
    created = Vault.create(tmp_path / "bare", CENTRE, "admin", "관리자", PASSPHRASES["admin"])
    try:
        admin = created.vault.unlock("admin", PASSPHRASES["admin"])
        case_id, _ = make_case(admin)
        give_consent(admin, case_id, "welfare", ["name", "mobile"])
        with pytest.raises(E.UsageError, match="could not reply"):
            admin.letters.prepare(case_id, "welfare", details(), issue_date=ISSUE)
        admin.centre.update(email="centre@example.org")
        text = pdf_text(admin.letters.prepare(case_id, "welfare", details(), issue_date=ISSUE).pdf)
        assert "centre@example.org" in text
        admin.lock()
    finally:
        created.vault.close()


def test_a_resident_number_in_the_referral_reason_is_masked_on_the_letter(world):
    """Issue 15, item 9: typed into the reason, printed as ******-*******."""
    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name", "mobile"])
    prepared = admin.letters.prepare(case_id, "welfare", details(reason="본인 확인 주민번호 900101-1234568 있음"),
                                     issue_date=ISSUE)
    text = nospace(pdf_text(prepared.pdf))
    assert "1234568" not in text and "******-*******" in text


# ---------------------------------------------------------------------------------------------
# The register as a file (.csv, .xlsx)

def test_register_written_as_xlsx_and_csv_reads_back(world, tmp_path):
    import csv

    import openpyxl

    from intake_desktop.services.register_export import HEADERS, write_register

    admin = world.login("admin")
    case_id, _ = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name"])
    issued = issue(admin, case_id, "welfare")
    entries = admin.letters.register()
    xlsx = write_register(entries, tmp_path / "발송대장.xlsx")
    assert oct(xlsx.stat().st_mode & 0o777) == "0o600"
    sheet = openpyxl.load_workbook(xlsx)["발송 대장"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert rows[1][0] == issued.number and rows[1][2] == "동작이수사회복지관"
    assert rows[1][1].date() == ISSUE and sheet["B2"].number_format == "yyyy-mm-dd"  # a date, not text
    assert sheet.column_dimensions["C"].width >= len("동작이수사회복지관") * 2  # Hangul is twice as wide
    data = write_register(entries, tmp_path / "발송대장.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0] == list(HEADERS) and lines[1][:2] == [issued.number, ISSUE.isoformat()]
    with pytest.raises(E.UsageError):
        write_register(entries, tmp_path / "발송대장.pdf")


def test_register_csv_never_hands_excel_a_formula(world, tmp_path):
    from intake_desktop.services.register_export import register_bytes
    from intake_desktop.services.letters import RegisterEntry

    entry = RegisterEntry("id", "기지개-1", ISSUE, "=HYPERLINK(\"http://x\")", None, "c", "2025-00001", "u",
                          "@담당", "0" * 64, None)
    text = register_bytes([entry], "csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@담당" in text
