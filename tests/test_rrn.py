"""Resident registration numbers in free text (issue 15, item 9): found with their check
digit, also spaced or dotted; masked on every letter and export."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intake_desktop.domain.rrn import MASK, WEIGHTS, contains_rrn, find_rrns, mask_everywhere, mask_rrns


def with_check_digit(first12: str) -> str:
    total = sum(int(d) * w for d, w in zip(first12, WEIGHTS))
    return first12 + str((11 - total % 11) % 10)


VALID = with_check_digit("900101123456")  # 1990-01-01, male, born before 2000
FRONT, BACK = VALID[:6], VALID[6:]


def test_found_with_hyphen_space_dot_or_nothing_between_the_halves():
    for sep in ("-", " - ", " ", ".", "", "–"):
        text = f"주민번호 {FRONT}{sep}{BACK}로 본인 확인"
        assert contains_rrn(text), repr(sep)
        assert mask_rrns(text) == f"주민번호 {MASK}로 본인 확인"


def test_a_wrong_check_digit_is_no_warning_but_is_still_masked():
    wrong = BACK[:-1] + str((int(BACK[-1]) + 1) % 10)
    text = f"{FRONT}-{wrong}"
    assert not contains_rrn(text)  # not warned about: could be any 13 digits
    assert mask_rrns(text) == MASK  # numbers issued since 2020 have no check digit: masked anyway


def test_things_that_are_not_resident_numbers_are_left_alone():
    for text in ("010-1234-5678", "2025-05-14", "01012345678", "사례 2026-00012", "우편번호 06234",
                 f"{FRONT}-{BACK}9",  # 14 digits: part of something longer
                 "991301-1234567",  # month 13
                 "900101-9234567"):  # no such century digit
        assert not contains_rrn(text), text
        assert mask_rrns(text) == text, text


def test_full_width_digits_and_2000s_births():
    born_2003 = with_check_digit("030405412345")
    assert contains_rrn(born_2003[:6] + "-" + born_2003[6:])
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in VALID)
    assert mask_rrns(full_width) == MASK


def test_every_string_of_an_export_is_masked():
    data = {"notes": [{"text": f"번호 {FRONT}-{BACK}"}], "count": 3, VALID: "key stays"}
    masked = mask_everywhere(data)
    assert masked["notes"][0]["text"] == f"번호 {MASK}" and masked["count"] == 3


@given(st.text(alphabet="0123456789- .가나", max_size=40))
def test_masking_leaves_no_findable_number_and_is_idempotent(text):
    once = mask_rrns(text)
    assert find_rrns(once, strict=False) == []
    assert mask_rrns(once) == once
