"""Passphrase rule (issue 15, item 8): a real strength estimate (zxcvbn) with Korean words;
the weakest are refused by the services themselves, whatever the screen."""

from __future__ import annotations

import pytest

from intake_desktop.services import errors as E
from intake_desktop.services.accounts import validate_passphrase
from intake_desktop.services.passphrases import MIN_PASSPHRASE_LENGTH, MSG_TOO_GUESSABLE, MSG_TOO_SHORT, estimate, \
    on_korean_keyboard


@pytest.mark.parametrize("weak", [
    "password123",  # 11 characters: was accepted as 약함
    "qwer1234!!", "abcdefghij1", "saranghae1234", "사랑해사랑해사랑해요", "gijigae2025", "dkssudgktpdy",
])
def test_the_weakest_are_refused(weak):
    assert len(weak) >= MIN_PASSPHRASE_LENGTH
    assert estimate(weak).problems == (MSG_TOO_GUESSABLE,)
    with pytest.raises(E.UsageError):
        validate_passphrase(weak)


def test_korean_words_typed_with_the_ime_off_are_known():
    assert on_korean_keyboard("사랑해") == "tkfkdgo"
    assert on_korean_keyboard("안녕하세요") == "dkssudgktpdy"
    assert estimate("tkfkdgotkfkdgo").problems == (MSG_TOO_GUESSABLE,)


def test_a_short_one_says_how_many_characters_are_missing():
    strength = estimate("blue sky")
    assert strength.problems[0] == MSG_TOO_SHORT and strength.missing == MIN_PASSPHRASE_LENGTH - 8


@pytest.mark.parametrize("good", ["blue river quiet 2024", "correct horse battery", "보라색 우산과 늦은 기차 7번"])
def test_a_few_unrelated_words_pass(good):
    assert estimate(good).acceptable and estimate(good).score >= 2
    validate_passphrase(good)


def test_the_vaults_own_words_count_against_it():
    assert estimate("kimminji.admin7").acceptable
    assert not estimate("kimminji.admin7", user_inputs=["kimminji.admin"]).acceptable


def test_an_account_whose_passphrase_is_its_user_name_is_refused(admin):
    from intake_desktop.domain.enums import Role

    with pytest.raises(E.UsageError):
        admin.accounts.add("kimminji.admin", Role.COUNSELLOR, "kimminji.admin7", "김민지")
