"""A record changed on two PCs from the same version: both versions kept until someone chooses."""

from __future__ import annotations

import pytest

from sync.centrekit import make_centre, records


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


def _rename(pc, case_id: str, name: str) -> None:
    with pc.session("kim") as s:
        detail = s.cases.get(case_id)
        s.cases.update_person(case_id, {**detail.person, "name": name}, detail.person_version)


def _name(pc, case_id: str) -> str:
    with pc.session("kim") as s:
        return s.cases.get(case_id).person["name"]


@pytest.fixture
def two_edits(centre):
    with centre.first.session("kim") as s:
        case_id = s.cases.create({"name": "원래이름", "birth_date": "2004-03-01"})
    centre.first.sync()
    second = centre.join("pc2")
    _rename(centre.first, case_id, "첫째피시")
    _rename(second, case_id, "둘째피시")
    first_result = centre.first.sync()
    second_result = second.sync()
    return centre.first, second, case_id, first_result, second_result


def test_the_second_writer_gets_a_conflict_and_both_versions_are_kept(two_edits):
    first, second, case_id, first_result, second_result = two_edits
    assert first_result.in_step and first_result.pushed >= 1
    assert second_result.conflicts == 1 and not second_result.in_step
    assert _name(first, case_id) == "첫째피시"
    assert _name(second, case_id) == "둘째피시"  # mine, untouched
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
        assert (conflict.table, conflict.row_id) != ("", "")
        theirs = s.sync.theirs(conflict.table, conflict.row_id)
        opened = s.sealer.open("person", theirs["id"], theirs["version"], theirs["data"])
        assert opened["name"] == "첫째피시"  # theirs, readable for the side-by-side chooser


@pytest.mark.parametrize("keep, expected", [("theirs", "첫째피시"), ("mine", "둘째피시")])
def test_a_choice_settles_the_conflict_on_every_pc(two_edits, keep, expected):
    first, second, case_id, _, _ = two_edits
    with second.session("kim") as s:
        [conflict] = s.sync.conflicts()
        s.sync.resolve(conflict.table, conflict.row_id, keep)
        assert s.sync.conflicts() == []
    assert second.sync().in_step
    assert first.sync().in_step
    assert _name(first, case_id) == _name(second, case_id) == expected
    assert records(first) == records(second)
