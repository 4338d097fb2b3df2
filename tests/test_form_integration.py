"""The services use the shipped intake form: demo data is valid on it and import checks it."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from intake_desktop.formdefs import validate_answers
from intake_desktop.services.demo import demo_cases
from intake_desktop.services.forms import check_answers, intake_form
from intake_desktop.services.importer import Importer, ImportRejected
from intake_desktop.services.vault import Vault
from intake_desktop.storage.models import IntakeRecord

PASSPHRASE = "correct horse battery"


@pytest.fixture()
def session(tmp_path):
    created = Vault.create(tmp_path / "vault", "센터", "admin", "관리자", PASSPHRASE)
    session = created.vault.unlock("admin", PASSPHRASE)
    yield session
    created.vault.close()


def test_every_demo_intake_is_complete_and_valid_on_the_current_form():
    form = intake_form()
    for new_case, _extras in demo_cases(200, seed=7, today=date(2026, 5, 14), counsellor_ids=["c"]):
        answers = {**new_case.person, **new_case.intake.answers}
        assert new_case.intake.form_hash == form.definition_hash
        cleaned, problems = check_answers(form, answers, partial=False)
        assert problems == [], problems
        assert validate_answers(form, cleaned) == []


def test_import_rejects_answers_the_form_does_not_allow(session, tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        {"name": "박지훈", "birth_date": "1998-02-03", "phq9_1": 2},
        {"name": "최수아", "birth_date": "1998-02-03", "phq9_1": 7, "nosuchfield": 1,
         "going_out_frequency": "somewhere"},
    ]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        Importer(session).run(path)
    problems = {(p.line, p.field, p.message.split(":")[1].strip()) for p in caught.value.report.problems}
    assert {(line, field) for line, field, _ in problems} == {
        (2, "phq9_1"), (2, "nosuchfield"), (2, "going_out_frequency")}
    assert session.cases.count() == 0


def test_imported_intake_is_pinned_to_the_form_version(session, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"name": "박지훈", "birth_date": "1998-02-03", "phq9_9": 1,
                                "going_out_frequency": "room_only"}, ensure_ascii=False), encoding="utf-8")
    Importer(session).run(path)
    form = intake_form()
    with session.db() as db:
        record = db.exec(select(IntakeRecord)).scalars().one()
    assert (record.form_id, record.form_version, record.form_hash) == (form.id, form.version, form.definition_hash)
    answers = session.sealer.open("intake_record", record.id, record.version, record.data, owner=record.case_id)
    assert answers == {"phq9_9": 1, "going_out_frequency": "room_only"}
