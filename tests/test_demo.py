"""The demo centre: its records arrive with their cases, in bounded memory (issue 16)."""

from __future__ import annotations

import gc
import tracemalloc
from datetime import date

import intake_desktop.services.cases as cases_module
from intake_desktop.domain.enums import Role
from intake_desktop.services.demo import demo_cases, demo_partners, fill_demo
from intake_desktop.storage.models import CaseFile, Consent, SessionNote

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
