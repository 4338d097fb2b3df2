"""The in-memory case search: 초성, mixed queries, phone digits, case numbers, 가나다 order —
and the fast implementation agrees with the plain rules on arbitrary data."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.enums import Stage
from intake_desktop.domain.korean import CHOSEONG, choseong_of, digits_only, nfc
from intake_desktop.domain.search import CaseIndex, _jamo_class, sort_by_name


def summary(name: str, mobile: str = "", number: str = "2025-00001", case_id: str | None = None) -> CaseSummary:
    return CaseSummary(case_id=case_id or f"{name}|{mobile}|{number}", case_number=number, name=name,
                       birth_date=None, stage=Stage.INTAKE, risk_level=None, counsellor_id="c",
                       counsellor_name="상담사", mobile=mobile)


def reference_search(items: list[CaseSummary], query: str) -> list[int]:
    """The search rules written as plainly as possible (one Python test per case and column)."""
    query = nfc(query).casefold().replace(" ", "").replace("\x00", "")
    if not query:
        return list(range(len(items)))
    hits = set()
    for i, item in enumerate(items):
        name = nfc(item.name).casefold().replace("\x00", "")
        names, initials = name.replace(" ", ""), choseong_of(name).replace(" ", "")
        if all(ch in CHOSEONG for ch in query):
            hit = query in initials
        elif any(ch in CHOSEONG for ch in query):
            pattern = "".join(_jamo_class(ch) if ch in CHOSEONG else re.escape(ch) for ch in query)
            hit = re.search(pattern, names) is not None
        else:
            hit = query in names
        digits = digits_only(query)
        if len(digits) >= 3 and len(digits) >= len(query) - 2 and digits in item.mobile:
            hit = True
        if any(ch.isdigit() for ch in query) and query in item.case_number.casefold():
            hit = True
        if hit:
            hits.add(i)
    return sorted(hits)


PEOPLE = [
    summary("김민수", "01012345678", "2025-00001"),
    summary("김미숙", "01098765432", "2025-00002"),
    summary("남궁민수", "0212345678", "2025-00003"),
    summary("이서연", "", "2025-00010"),
    summary("Nguyen Thi Lan", "01055550000", "2025-00100"),
    summary("박 지 훈", "01011112222", "2024-00001"),
]


def names_for(index: CaseIndex, query: str) -> list[str]:
    return [index.items[i].name for i in index.search(query)]


def test_choseong_mixed_and_plain_queries():
    index = CaseIndex(sort_by_name(PEOPLE))
    assert names_for(index, "ㄱㅁㅅ") == ["김미숙", "김민수", "남궁민수"]
    assert names_for(index, "ㄱㅁㅅㄱ") == []
    assert names_for(index, "김ㅁ") == ["김미숙", "김민수"]
    assert names_for(index, "김민") == ["김민수"]
    assert names_for(index, "민수") == ["김민수", "남궁민수"]
    assert names_for(index, "박지훈") == ["박 지 훈"]  # spaces never matter
    assert names_for(index, "ㅂ ㅈ") == ["박 지 훈"]
    assert names_for(index, "NGUYEN thi") == ["Nguyen Thi Lan"]


def test_phone_digits_and_case_numbers():
    index = CaseIndex(sort_by_name(PEOPLE))
    assert names_for(index, "5678") == ["김민수", "남궁민수"]
    assert names_for(index, "010-1234") == ["김민수"]
    assert names_for(index, "2024") == ["박 지 훈"]
    assert names_for(index, "00100") == ["Nguyen Thi Lan"]
    assert names_for(index, "12") == []  # two digits: not a phone search, no case number holds "12"


def test_order_is_ganada_then_latin_and_empty_query_lists_all():
    index = CaseIndex(sort_by_name(PEOPLE))
    assert [s.name for s in index.items] == ["김미숙", "김민수", "남궁민수", "박 지 훈", "이서연", "Nguyen Thi Lan"]
    assert index.search("") == list(range(6))


def test_add_and_remove_keep_the_columns_in_step():
    index = CaseIndex(PEOPLE)
    assert names_for(index, "ㅇㅅㅇ") == ["이서연"]
    index.remove(PEOPLE[3].case_id)
    assert names_for(index, "ㅇㅅㅇ") == [] and len(index) == 5
    index.add(summary("오세영", "01077778888", "2025-00200"))
    assert names_for(index, "ㅇㅅㅇ") == ["오세영"]
    assert names_for(index, "7777") == ["오세영"]
    assert names_for(index, "5678") == ["김민수", "남궁민수"]


ALPHABET = list("김민수이서연박남궁ㄱㅁㅅㅇ가나다abcAB 0123-") + ["\x00"]
names = st.text(alphabet=st.sampled_from(ALPHABET), max_size=8)
mobiles = st.text(alphabet=st.sampled_from(list("0123456789")), max_size=11)
numbers = st.builds(lambda y, n: f"{y}-{n:05d}", st.sampled_from([2024, 2025]), st.integers(0, 99999))


@settings(max_examples=300, deadline=None)
@given(
    people=st.lists(st.builds(lambda n, m, c: summary(n, m, c), names, mobiles, numbers), max_size=40),
    queries=st.lists(st.text(alphabet=st.sampled_from(ALPHABET), max_size=6), min_size=1, max_size=8),
)
def test_fast_search_agrees_with_the_plain_rules(people, queries):
    index = CaseIndex(people)
    for query in queries:
        assert index.search(query) == reference_search(people, query), query


def test_many_matches_take_the_single_pass_path_and_agree():
    people = [summary(f"김{chr(0xAC00 + i)}", f"010{i:08d}", f"2025-{i:05d}") for i in range(500)]
    index = CaseIndex(people)
    for query in ("김", "ㄱ", "010", "2025", "0000", "김ㄱ", "3", "00012"):
        assert index.search(query) == reference_search(people, query), query
