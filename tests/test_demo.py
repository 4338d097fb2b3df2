"""The demo centre: its records arrive with their cases, in bounded memory (issue 16)."""

from __future__ import annotations

import gc
import tracemalloc
from datetime import date

import pytest

import intake_desktop.services.cases as cases_module
from intake_desktop.domain.enums import Role, Stage
from intake_desktop.services.demo import demo_cases, demo_partners, fill_demo
from intake_desktop.storage.models import CaseFile, Consent, SessionNote

from vaultkit import person

TODAY = date(2025, 5, 14)


def test_demo_cases_carry_their_notes_and_consents(admin, vault):
    assert fill_demo(admin, 40, seed=3, today=TODAY) == 40
    owners = [a.id for a in admin.accounts.list() if a.active and a.role == Role.COUNSELLOR.value]
    expected = list(demo_cases(40, 3, TODAY, owners, demo_partners(admin)))  # same seed, same draws
    assert vault.count_rows(CaseFile) == 40
    assert vault.count_rows(SessionNote) == sum(len(extra["notes"]) for _new, extra in expected) > 0
    assert vault.count_rows(Consent) == sum(len(extra["consents"]) for _new, extra in expected)
    for summary in admin.cases.index.items[:10]:
        consents = admin.records.list("consent", summary.case_id)
        assert "collection" in {c["type"] for c in consents}
        assert all(c["taken_by"] == summary.counsellor_id for c in consents)
    assert admin.audit.verify() == []


def _peak(session, count: int) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fill_demo(session, count, seed=count, today=TODAY)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_demo_memory_does_not_grow_with_the_number_of_cases(login, vault, monkeypatch):
    """Peak Python memory for 2,400 cases stays near that for 400 (batches of 200 here): the
    cases, notes and consents are written batch by batch, not gathered in lists first."""
    monkeypatch.setattr(cases_module, "BATCH", 200)
    admin = login("admin")
    small = _peak(admin, 400)
    large = _peak(admin, 2400)
    assert vault.count_rows(CaseFile) == 2800
    # Holding 2,000 more cases' documents (~3 KB of sealed rows each) would add ~6 MB; one id
    # per case (≈100 bytes) is what may grow.
    assert large - small < 1_000_000, (small, large)


# -- a consistent history (issue 15, item 5) ------------------------------------------------------------
@pytest.mark.parametrize("size", [40, 150, 400])
def test_demo_centre_statistics_agree_with_each_other(login, vault, size):
    """On a demo centre, every figure that appears in two places of the report agrees, and the
    report agrees with the case list: over a period covering the whole history, new intakes and
    the caseload are every case, each closed case is one closure, each case past the referral
    stage has its referral, each urgent intake its crisis alert, and no closed case is flagged."""
    admin = login("admin")
    fill_demo(admin, size, seed=size, today=TODAY)
    report = login("boss").stats.compute("2023-10", "2025-05", today=TODAY, include_demo=True)
    figures = {f.key: f for f in report.figures}
    totals = {}
    for figure in report.figures:  # the summary shows one total per population: all its tables agree
        assert totals.setdefault(figure.population, figure.total) == figure.total, figure.key
    stages = figures["stage"].as_dict()
    items = admin.cases.index.items
    assert len(items) == size
    assert report.population_total("new_intakes") == size == report.population_total("caseload")
    assert stages == {s: sum(1 for i in items if i.stage.value == s) for s in stages}
    closed = stages["closed"] + stages["follow_up"]
    assert report.population_total("closures") == closed
    assert report.population_total("referrals") >= stages["referral"] + stages["monitoring"]
    urgent = figures["risk"].as_dict()["urgent"]
    assert report.population_total("crisis_alerts") == urgent
    assert figures["crisis"].as_dict() == {"confirmed": urgent, "open": 0}
    assert not [i for i in items if i.crisis and i.stage.value in ("closed", "follow_up")]
    open_urgent = sum(1 for i in items if i.risk_level and i.risk_level.value == "urgent"
                      and i.stage.value not in ("closed", "follow_up"))
    assert sum(1 for i in items if i.crisis) == open_urgent  # what home counts
    if size >= 150:  # big enough that every kind of figure has something in it
        assert closed and report.population_total("referrals") and urgent


def test_closing_a_case_clears_its_crisis_flag_and_keeps_the_alert_history(admin):
    case_id = admin.cases.create(person(), {"crisis": True, "crisis_events": [{"raised_on": "2025-05-01"}]})
    admin.cases.change_stage(case_id, Stage.CLOSED, reason="목표 달성")
    (item,) = [i for i in admin.cases.index.items if i.case_id == case_id]
    assert not item.crisis
    assert admin.cases.get(case_id).case["crisis_events"] == [{"raised_on": "2025-05-01"}]
