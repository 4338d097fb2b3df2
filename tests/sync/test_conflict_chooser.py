"""The side-by-side chooser of a sync conflict, through the sync service: both versions as plain
documents (role-checked like the case, logged), and a field-by-field merge written on top of
the other PC's version, which every PC then takes without a new conflict."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from intake_desktop.services import errors as E
from intake_desktop.services.sync.conflict_views import VIEW_ACTION
from intake_desktop.storage.models import AuditEvent
from sync.centrekit import make_centre, records
from vaultkit import PASSPHRASES


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


def _edit_person(pc, case_id: str, **changes) -> None:
    with pc.session("kim") as s:
        detail = s.cases.get(case_id)
        s.cases.update_person(case_id, {**detail.person, **changes}, detail.person_version)


def _person(pc, case_id: str) -> dict:
    with pc.session("kim") as s:
        return s.cases.get(case_id).person


@pytest.fixture
def person_conflict(centre):
    """PC 1 and PC 2 both change the name and the mobile of one person before syncing."""
    with centre.first.session("kim") as s:
        case_id = s.cases.create({"name": "원래이름", "birth_date": "2004-03-01", "mobile": "01000000000"})
        number = s.cases.get(case_id).case_number
    centre.first.sync()
    second = centre.join("pc2")
    _edit_person(centre.first, case_id, name="김첫째", mobile="01011112222")
    _edit_person(second, case_id, name="김둘째", mobile="01033334444")
    assert centre.first.sync().in_step
    assert second.sync().conflicts == 1
    return centre.first, second, case_id, number


def test_a_person_conflict_names_its_case(person_conflict):
    _first, second, case_id, number = person_conflict
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
    assert conflict.table == "person"
    assert conflict.case_id == case_id
    assert conflict.case_number == number
    assert conflict.by_field


def test_both_versions_are_plain_documents_and_reading_them_is_logged(person_conflict):
    _first, second, case_id, number = person_conflict
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
        versions = s.sync.conflict_versions(conflict.table, conflict.row_id)
        with s.db() as db:
            logged = db.exec(select(AuditEvent.case_id).where(AuditEvent.action == VIEW_ACTION)).scalars().all()
    assert versions.mine["name"] == "김둘째" and versions.mine["mobile"] == "01033334444"
    assert versions.theirs["name"] == "김첫째" and versions.theirs["mobile"] == "01011112222"
    assert versions.case_id == case_id and versions.case_number == number
    assert versions.by_field
    assert {"name", "mobile"} <= set(versions.differing())
    assert "birth_date" not in versions.differing()
    assert logged == [case_id]


def test_a_merge_of_both_versions_reaches_every_pc_without_a_new_conflict(person_conflict):
    first, second, case_id, _number = person_conflict
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
        versions = s.sync.conflict_versions(conflict.table, conflict.row_id)
        # the name typed on this PC, the mobile typed on the other one
        merged = {**versions.theirs, "name": versions.mine["name"]}
        s.sync.resolve(conflict.table, conflict.row_id, "merged", merged=merged)
        assert s.sync.conflicts() == []
    second_round = second.sync()
    assert second_round.in_step and second_round.pushed >= 1
    first_round = first.sync()
    assert first_round.in_step and first_round.conflicts == 0 and first_round.pulled >= 1
    for pc in (first, second):
        person = _person(pc, case_id)
        assert (person["name"], person["mobile"]) == ("김둘째", "01011112222")
    assert records(first) == records(second)
    assert second.sync().in_step and first.sync().in_step  # nothing left to send either way


def test_the_merge_is_in_the_case_history_as_an_edit_of_the_other_version(person_conflict):
    _first, second, case_id, _number = person_conflict
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
        versions = s.sync.conflict_versions(conflict.table, conflict.row_id)
        s.sync.resolve(conflict.table, conflict.row_id, "merged", merged={**versions.theirs, "name": "김셋째"})
        entries = s.history.for_case(case_id)
    latest = max((e for e in entries if e.entity == "person"), key=lambda e: e.at)
    assert [(c.field, c.old, c.new) for c in latest.changes] == [("name", "김첫째", "김셋째")]


def test_a_counsellor_who_may_not_read_the_case_sees_neither_version(person_conflict):
    _first, second, _case_id, _number = person_conflict
    with second.session("lee") as s:
        [conflict] = s.sync.conflicts()
        with pytest.raises(E.DeniedError):
            s.sync.conflict_versions(conflict.table, conflict.row_id)
        with pytest.raises(E.DeniedError):
            s.sync.theirs(conflict.table, conflict.row_id)
        with pytest.raises(E.DeniedError):
            s.sync.resolve(conflict.table, conflict.row_id, "theirs")
        with s.db() as db:
            assert db.exec(select(AuditEvent).where(AuditEvent.action == VIEW_ACTION)).first() is None
    with second.session("boss") as s:  # a supervisor reaches every case
        [conflict] = s.sync.conflicts()
        assert s.sync.conflict_versions(conflict.table, conflict.row_id).mine["name"] == "김둘째"


def test_a_merge_must_be_a_valid_person(person_conflict):
    _first, second, case_id, _number = person_conflict
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
        versions = s.sync.conflict_versions(conflict.table, conflict.row_id)
        with pytest.raises(E.ValidationError):
            s.sync.resolve(conflict.table, conflict.row_id, "merged", merged={**versions.theirs, "name": ""})
        assert len(s.sync.conflicts()) == 1  # nothing was written
    assert _person(second, case_id)["name"] == "김둘째"


def test_a_session_note_is_kept_whole(centre):
    with centre.first.session("kim") as s:
        case_id = s.cases.create({"name": "원래이름", "birth_date": "2004-03-01"})
        note = s.records.add("note", case_id, {"date": "2026-12-01", "text": "처음 메모"})
    centre.first.sync()
    second = centre.join("pc2")
    for pc, words in ((centre.first, "첫째 피시의 메모"), (second, "둘째 피시의 메모")):
        with pc.session("kim") as s:
            [current] = [r for r in s.records.records("note", case_id) if r.id == note.id]
            s.records.replace("note", current, {**current.document, "text": words})
    centre.first.sync()
    assert second.sync().conflicts == 1
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
        assert conflict.table == "session_note" and conflict.case_id == case_id and not conflict.by_field
        versions = s.sync.conflict_versions(conflict.table, conflict.row_id)
        assert not versions.by_field
        assert (versions.mine["text"], versions.theirs["text"]) == ("둘째 피시의 메모", "첫째 피시의 메모")
        with pytest.raises(E.UsageError):
            s.sync.resolve(conflict.table, conflict.row_id, "merged", merged=versions.mine)
        s.sync.resolve(conflict.table, conflict.row_id, "theirs")
    assert second.sync().in_step and centre.first.sync().in_step
    assert records(centre.first) == records(second)


def test_the_command_line_lists_a_person_conflict_with_its_case_and_settles_it(person_conflict, cli):
    first, second, case_id, number = person_conflict
    kim = PASSPHRASES["kim"]
    listed = cli("conflicts", "--user", "kim", "--json", data_dir=second.data_dir, passphrase=kim)
    assert listed.code == 0, listed.err
    [item] = json.loads(listed.out)
    assert (item["table"], item["case_id"], item["case_number"], item["by_field"]) == ("person", case_id, number, True)
    plain = cli("conflicts", "--user", "kim", data_dir=second.data_dir, passphrase=kim)
    assert number in plain.out
    refused = cli("conflicts", "--user", "lee", "--resolve", "person", item["row_id"], "--keep", "theirs",
                  data_dir=second.data_dir, passphrase=PASSPHRASES["lee"])
    assert refused.code == 3 and "Traceback" not in refused.err
    alone = cli("conflicts", "--user", "kim", "--keep", "theirs", data_dir=second.data_dir, passphrase=kim)
    assert alone.code == 2
    settled = cli("conflicts", "--user", "kim", "--resolve", "person", item["row_id"], "--keep", "theirs",
                  data_dir=second.data_dir, passphrase=kim)
    assert settled.code == 0, settled.err
    assert json.loads(cli("conflicts", "--user", "kim", "--json", data_dir=second.data_dir, passphrase=kim).out) == []
    assert second.sync().in_step and first.sync().in_step
    assert _person(first, case_id)["name"] == _person(second, case_id)["name"] == "김첫째"


def test_a_case_merge_takes_the_stage_from_one_pc_and_the_risk_level_from_the_other(centre):
    from intake_desktop.domain.enums import Stage

    with centre.first.session("kim") as s:
        case_id = s.cases.create({"name": "원래이름", "birth_date": "2004-03-01"})
    centre.first.sync()
    second = centre.join("pc2")
    with centre.first.session("kim") as s:
        detail = s.cases.get(case_id)
        s.cases.update_case(case_id, {**detail.case, "risk_level": "high"}, detail.case_version)
    with second.session("kim") as s:
        s.cases.change_stage(case_id, Stage.ASSESSMENT)
    centre.first.sync()
    assert second.sync().conflicts == 1
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
        assert (conflict.table, conflict.case_id, conflict.by_field) == ("case_file", case_id, True)
        versions = s.sync.conflict_versions(conflict.table, conflict.row_id)
        assert (versions.mine["stage"], versions.theirs["stage"]) == ("assessment", "intake")
        assert {"stage", "risk_level"} <= set(versions.differing())
        merged = {**versions.theirs, **{k: versions.mine.get(k) for k in versions.differing() if k != "risk_level"}}
        s.sync.resolve(conflict.table, conflict.row_id, "merged", merged=merged)
    assert second.sync().in_step and centre.first.sync().in_step
    for pc in (centre.first, second):
        with pc.session("kim") as s:
            detail = s.cases.get(case_id)
            assert (detail.stage, detail.case.get("risk_level")) == (Stage.ASSESSMENT, "high")
    assert records(centre.first) == records(second)
