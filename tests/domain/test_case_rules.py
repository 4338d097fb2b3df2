"""The case list's filters and the duplicate check are rules on the case index, tested without Qt."""

from __future__ import annotations

from datetime import date

from intake_desktop.domain.case_filters import NO_RISK, OPEN, CaseFilter, filter_mask
from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.duplicates import find_duplicates
from intake_desktop.domain.enums import RiskLevel, Stage

TODAY = date(2025, 6, 10)


def _case(case_id: str, name: str, **extra) -> CaseSummary:
    values = dict(case_id=case_id, case_number=case_id, name=name, birth_date=date(2000, 1, 2), stage=Stage.INTAKE,
                  risk_level=None, counsellor_id="me", counsellor_name="상담사", mobile="")
    values.update(extra)
    return CaseSummary(**values)


CASES = [
    _case("a", "김민수", risk_level=RiskLevel.HIGH, next_follow_up=date(2025, 6, 1), mobile="01012345678"),
    _case("b", "이영희", stage=Stage.CLOSED, counsellor_id="other"),
    _case("c", "박 지훈", birth_date=date(1999, 9, 9), next_follow_up=date(2025, 6, 30)),
]


def test_filters_without_qt():
    assert filter_mask(CASES, CaseFilter(), "me", TODAY) is None
    assert filter_mask(CASES, CaseFilter(stage=OPEN), "me", TODAY) == [True, False, True]
    assert filter_mask(CASES, CaseFilter(risk=NO_RISK, mine_only=True), "me", TODAY) == [False, False, True]
    assert filter_mask(CASES, CaseFilter(overdue_only=True), "me", TODAY) == [True, False, False]
    assert filter_mask(CASES, CaseFilter(risk=RiskLevel.HIGH, overdue_only=True), "me", TODAY) == [True, False, False]


def test_duplicates_without_qt():
    assert find_duplicates(CASES, {"name": "박지훈", "birth_date": "1999-09-09"}) == [CASES[2]]
    assert find_duplicates(CASES, {"name": "박지훈", "birth_date": "1999-09-10"}) == []
    assert find_duplicates(CASES, {"name": "누구", "mobile": "010-1234-5678"}) == [CASES[0]]
    assert find_duplicates(CASES, {"name": "김민수"}) == []  # a name alone is not enough

