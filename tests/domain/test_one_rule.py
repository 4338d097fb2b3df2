"""Rules that were written twice and disagreed (issue 12): one function each, every layer agrees."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from intake_desktop.domain import cases, korean
from intake_desktop.domain.values import is_answered
from intake_desktop.formdefs import conditions
from intake_desktop.letters import compose, formatting


@pytest.mark.parametrize("raw, shown", [
    ("05051234567", "0505-123-4567"),  # 050x: a four-digit prefix (was 050-5123-4567 on screen)
    ("050712345678", "0507-1234-5678"),
    ("０１０１２３４５６７８", "010-1234-5678"),  # full-width digits (were left raw on the letter)
    ("０５０５－１２３－４５６７", "0505-123-4567"),
    ("01012345678", "010-1234-5678"),
    ("0111234567", "011-123-4567"),
    ("021234567", "02-123-4567"),
    ("0212345678", "02-1234-5678"),
    ("0311234567", "031-123-4567"),
    ("15880199", "1588-0199"),
    ("+82 10 1234 5678", "+82 10 1234 5678"),
    ("내선 123", "내선 123"),
    ("12345", "12345"),
])
def test_phone_numbers_read_the_same_on_screen_and_on_the_letter(raw, shown):
    assert korean.format_phone(raw) == shown
    assert formatting.format_phone(raw) == shown


def test_the_letter_cleans_before_formatting():
    assert formatting.format_phone(" 010\u202e1234\u202c5678 ") == "010-1234-5678"
    assert formatting.format_phone(None) == ""


@pytest.mark.parametrize("value, answered", [
    ({"a": ""}, False),  # was True for forms, False for letters
    ({"postal_code": " ", "road_address": None}, False),
    ({"a": "", "b": "x"}, True),
    ([""], False),
    ([[], {}], False),
    (["x"], True),
    ("  ", False),
    (0, True),
    (False, True),
    (None, False),
])
def test_what_counts_as_an_answer_is_one_rule(value, answered):
    assert is_answered(value) is answered
    assert conditions.is_answered(value) is answered
    assert compose.is_answered(value) is answered


@pytest.mark.parametrize("value, day", [
    ("2025-05-14T10:00:00", date(2025, 5, 14)),  # was None in domain/cases.py
    ("2025-05-14T10:00:00+09:00", date(2025, 5, 14)),
    ("2025-05-14", date(2025, 5, 14)),
    (" 2025-05-14 ", date(2025, 5, 14)),
    (datetime(2025, 5, 14, 23, 59), date(2025, 5, 14)),  # a datetime is its day, not a datetime
    (date(2025, 5, 14), date(2025, 5, 14)),
    ("2025-13-01", None),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_dates_are_read_the_same_everywhere(value, day):
    assert cases.parse_date(value) == day
    assert formatting.parse_date(value) == day
    assert type(cases.parse_date(value)) in (date, type(None))


def test_printed_text_follows_the_programs_text_rules():
    # Invisible format characters (a right-to-left override could reorder a printed line) go,
    # as they do everywhere else; emoji joiners and flags stay.
    assert formatting.clean("이\u202e름\u200b") == korean.clean_text("이\u202e름\u200b") == "이름"
    family = "👩\u200d👧"
    assert formatting.clean(f" {family}\r\n둘째 줄\t끝 ") == f"{family}\n둘째 줄 끝"
    assert formatting.clean("한 줄\n두 줄", multiline=False) == "한 줄 두 줄"
    assert formatting.clean(None) == ""


def test_the_letters_use_the_domains_dates_and_ages():
    assert formatting.age_on is cases.age_on
    assert formatting.format_date is korean.format_date
    assert cases.age_on(date(2000, 5, 15), date(2025, 5, 14)) == 24
    assert korean.format_date(date(2025, 5, 4)) == "2025. 5. 4."


def test_the_duplicate_index_applies_the_same_rule_as_find_duplicates():
    """An import checks thousands of rows through DuplicateIndex; the new-case dialog one
    person through find_duplicates: both must say the same."""
    from datetime import date

    from intake_desktop.domain.cases import CaseSummary
    from intake_desktop.domain.duplicates import DuplicateIndex, find_duplicates

    def case(number, name, birth, mobile=""):
        item = CaseSummary.__new__(CaseSummary)
        item.case_number, item.name, item.birth_date, item.mobile = number, name, birth, mobile
        return item

    items = [case("1", "김민수", date(1999, 3, 2)), case("2", "이서연", date(2001, 4, 15), "01012345678"),
             case("3", "Kim Minsu", date(1999, 3, 2))]
    index = DuplicateIndex(items)
    for person in ({"name": "김 민수", "birth_date": "1999-03-02"}, {"name": "박", "mobile": "010-1234-5678"},
                   {"name": "kim minsu", "birth_date": "1999-03-02"}, {"name": "김민수", "birth_date": "1999-03-03"},
                   {"name": "김민수"}, {"mobile": "0101234"}):
        assert [c.case_number for c in index.find(person)] == [c.case_number for c in find_duplicates(items, person)]
