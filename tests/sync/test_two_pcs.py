"""Two and three PCs of one centre: offline work on each, then sync in every order."""

from __future__ import annotations

import itertools

import pytest

from sync.centrekit import make_centre, records
from intake_desktop.services import errors as E

PERSON = {"name": "홍길동", "birth_date": "2004-03-01"}


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


def _new_case(pc, name: str, username: str = "kim") -> str:
    with pc.session(username) as s:
        return s.cases.create({**PERSON, "name": name})


def test_a_joined_pc_gets_the_centre_and_its_cases(centre):
    case_id = _new_case(centre.first, "김하늘")
    centre.first.sync()
    second = centre.join("pc2")
    with second.session("kim") as s:
        assert s.cases.get(case_id).person["name"] == "김하늘"
    assert records(second) == records(centre.first)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_offline_work_on_three_pcs_converges_in_any_order(centre, order):
    pcs = [centre.first, centre.join("pc2"), centre.join("pc3")]
    made = [_new_case(pc, f"사람{i}") for i, pc in enumerate(pcs)]
    for i in order:
        pcs[i].sync()
    for pc in pcs:  # a second round brings everyone what the later ones pushed
        pc.sync()
    snapshots = [records(pc) for pc in pcs]
    assert snapshots[0] == snapshots[1] == snapshots[2]
    with pcs[order[0]].session("admin") as s:
        assert {s.cases.get(c).case_number for c in made}.__len__() == 3


def test_a_disabled_account_cannot_unlock_on_another_pc_after_sync(centre):
    second = centre.join("pc2")
    with second.session("kim"):
        pass  # kim can log in on the new PC
    with centre.first.session("admin") as s:
        s.accounts.disable("kim")
        s.sync.run()
    second.sync()
    with pytest.raises(E.DeniedError):
        second.session("kim").__enter__()


def test_case_numbers_stay_unique_after_offline_work_on_two_pcs(centre):
    second = centre.join("pc2")
    made = {pc.name: [_new_case(pc, f"{pc.name}-{i}") for i in range(4)] for pc in (centre.first, second)}
    # both PCs numbered offline, from their own blocks
    centre.first.sync()
    second.sync()
    centre.first.sync()
    with centre.first.session("admin") as s:
        numbers = {pc: [s.cases.get(c).case_number for c in ids] for pc, ids in made.items()}
    every = numbers["pc1"] + numbers["pc2"]
    assert len(set(every)) == 8
    assert all(n.split("-")[0].isdigit() and len(n.split("-")[1]) == 5 for n in every)  # format kept
    assert max(numbers["pc1"]) < min(numbers["pc2"]) or max(numbers["pc2"]) < min(numbers["pc1"])
