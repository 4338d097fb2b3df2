"""Intake records: pinned form versions, scoring on save, crisis alerts kept in the case."""

from __future__ import annotations

import pytest

from intake_desktop.domain import dates
from intake_desktop.paths import forms_dir
from intake_desktop.services import errors as E
from intake_desktop.services.intakes import InvalidAnswers
from intake_desktop.services.vault import Vault

PASSPHRASE = "correct horse battery"


@pytest.fixture()
def session(tmp_path):
    created = Vault.create(tmp_path / "vault", "센터", "admin", "관리자", PASSPHRASE)
    session = created.vault.unlock("admin", PASSPHRASE)
    yield session
    created.vault.close()


@pytest.fixture()
def case_id(session):
    return session.cases.create({"name": "이영희", "birth_date": "2000-03-04"})


def test_old_record_keeps_rendering_with_its_own_form_version(session, case_id):
    first = session.intakes.save(case_id, {"going_out_frequency": "room_only"}, complete=False)
    text = (forms_dir() / "intake-youth.yaml").read_text(encoding="utf-8")
    newer = session.forms.import_yaml(text.replace("\nversion: 1\n", "\nversion: 2\n", 1), "intake-v2.yaml")
    assert newer.version == 2
    second = session.intakes.save(case_id, {"going_out_frequency": "home_only"}, complete=False)
    views = session.intakes.records(case_id)
    assert [(v.record_id, v.form.version) for v in views] == [(first.record_id, 1), (second.record_id, 2)]
    assert views[0].answers == {"going_out_frequency": "room_only"}


def test_item9_raises_an_alert_recorded_in_the_case_until_confirmed(session, case_id):
    saved = session.intakes.save(case_id, {f"phq9_{i}": 1 for i in range(1, 10)}, complete=False)
    assert [a.id for a in saved.alerts] == ["phq9_item9"]
    assert saved.scores.get("phq9").total.score == 9
    case = session.cases.get(case_id).case
    assert case["crisis"] is True and case["crisis_events"][0]["action"] is None
    assert case["scores"]["phq9"] == 9
    with pytest.raises(E.UsageError):
        session.intakes.confirm_crisis_action(case_id, "   ")
    session.intakes.confirm_crisis_action(case_id, "109 안내 후 보호자 연락")
    event = session.cases.get(case_id).case["crisis_events"][0]
    assert event["action"] == "109 안내 후 보호자 연락" and event["confirmed_by"] == session.account_id


def test_invalid_answers_are_refused_and_nothing_is_stored(session, case_id):
    with pytest.raises(InvalidAnswers) as caught:
        session.intakes.save(case_id, {"phq9_1": 9, "going_out_frequency": "room_only"}, complete=False)
    assert [p.field for p in caught.value.problems] == ["phq9_1"]
    assert session.intakes.records(case_id) == []


def test_a_complete_intake_needs_the_required_fields(session, case_id):
    with pytest.raises(InvalidAnswers) as caught:
        session.intakes.save(case_id, {"going_out_frequency": "room_only"})
    assert "intake_date" in {p.field for p in caught.value.problems}


def test_concurrent_edit_of_an_intake_is_detected(session, case_id):
    from intake_desktop.services.errors import ConflictError

    saved = session.intakes.save(case_id, {"going_out_frequency": "room_only"}, complete=False)
    session.intakes.save(case_id, {"going_out_frequency": "home_only"}, complete=False,
                         record_id=saved.record_id, expected_version=saved.version)
    with pytest.raises(ConflictError):
        session.intakes.save(case_id, {"going_out_frequency": "nearby_only"}, complete=False,
                             record_id=saved.record_id, expected_version=saved.version)
    assert session.intakes.latest(case_id).answers == {"going_out_frequency": "home_only"}


# -- the person's details have one source (issue 15, item 2) ---------------------------------
def test_a_new_intake_starts_with_the_person_today_and_the_signed_in_counsellor(session):

    case = session.cases.create({"name": "박지훈", "birth_date": "1998-07-01", "mobile": "010-2345-6789"})
    answers = session.intakes.form_answers(case)
    assert answers["name"] == "박지훈"
    assert answers["birth_date"] == "1998-07-01"
    assert answers["mobile"] == "01023456789"
    assert answers["intake_date"] == dates.today().isoformat()
    assert answers["counsellor_name"] == "관리자"
    assert "address" not in answers  # an empty part of the person is not an answer


def test_an_edit_in_the_intake_updates_the_person_and_is_not_kept_twice(session, case_id):
    answers = session.intakes.form_answers(case_id)
    answers["mobile"] = "010-9876-5432"
    answers["name"] = "이영희"
    saved = session.intakes.save(case_id, {**answers, "going_out_frequency": "room_only"}, complete=False)
    person = session.cases.get(case_id).person
    assert person["mobile"] == "01098765432"
    stored = session.intakes.records(case_id)[0]
    assert stored.record_id == saved.record_id
    assert "mobile" not in stored.answers and "name" not in stored.answers
    # a later edit of the person shows in the saved intake: the person is the one source
    detail = session.cases.get(case_id)
    session.cases.update_person(case_id, {**detail.person, "mobile": "01011112222"}, detail.person_version)
    shown = session.intakes.form_answers(case_id, stored)
    assert shown["mobile"] == "01011112222" and shown["going_out_frequency"] == "room_only"


def test_an_unfinished_intake_with_the_name_emptied_keeps_the_persons_name(session, case_id):
    answers = {k: v for k, v in session.intakes.form_answers(case_id).items() if k != "name"}
    session.intakes.save(case_id, {**answers, "mobile": "01055556666"}, complete=False)
    person = session.cases.get(case_id).person
    assert person["name"] == "이영희" and person["mobile"] == "01055556666"
