"""Particles (조사) from the last syllable (issue 15, item 11): one helper, domain/korean.py."""

from __future__ import annotations

import pytest

from intake_desktop.domain.korean import resolve_particles, with_particle


@pytest.mark.parametrize("word, particle, expected", [
    ("김민수", "을/를", "김민수를"), ("이영희", "을/를", "이영희를"), ("박지훈", "을/를", "박지훈을"),
    ("김민수", "이/가", "김민수가"), ("박지훈", "이/가", "박지훈이"),
    ("김민수", "은/는", "김민수는"), ("박지훈", "은/는", "박지훈은"),
    ("김민수", "으로/로", "김민수로"), ("박지훈", "으로/로", "박지훈으로"),
    ("한가람", "으로/로", "한가람으로"),
    ("서울", "으로/로", "서울로"), ("남궁철", "으로/로", "남궁철로"),  # ㄹ takes 로
    ("서울", "을/를", "서울을"),
    ("Kim", "은/는", "Kim은"), ("Anna", "은/는", "Anna는"), ("Paul", "으로/로", "Paul로"),
    ("Mark", "을/를", "Mark를"), ("Young", "이/가", "Young이"),
    ("기지개-12", "으로/로", "기지개-12로"), ("기지개-13", "으로/로", "기지개-13으로"),
    ("기지개-7", "으로/로", "기지개-7로"), ("사례 10", "을/를", "사례 10을"), ("20", "이/가", "20이"),
    ("105", "이/가", "105가"), ("2026-00012", "을/를", "2026-00012를"),
    ("기지개-12 (2025. 5. 14.)", "으로/로", "기지개-12 (2025. 5. 14.)로"),
])
def test_the_particle_follows_the_last_sound(word, particle, expected):
    assert with_particle(word, particle) == expected


def test_unknown_endings_keep_the_double_form():
    assert with_particle("★", "을/를") == "★을(를)"
    assert with_particle("★", "으로/로") == "★(으)로"


def test_sentences_with_double_forms_are_resolved():
    assert resolve_particles("기지개-12(2025. 5. 14.)(으)로 발급했습니다.") == "기지개-12(2025. 5. 14.)로 발급했습니다."
    assert resolve_particles("계정 kim.admin을(를) 추가했습니다.") == "계정 kim.admin을 추가했습니다."
    assert resolve_particles("사례 2026-00012이(가) 없습니다.") == "사례 2026-00012가 없습니다."
    assert resolve_particles("동작이수사회복지관은(는) 협력 기관 항목이 아닙니다.") == "동작이수사회복지관은 협력 기관 항목이 아닙니다."
    assert resolve_particles("intake-desktop 0.5.0(으)로 만든 백업") == "intake-desktop 0.5.0으로 만든 백업"
    assert resolve_particles("No particles here (at all).") == "No particles here (at all)."


def test_service_errors_render_with_the_right_particle():
    from intake_desktop.services import errors as E

    korean = {"There is no partner institution {partner}.": "협력 기관 {partner}이(가) 없습니다."}
    error = E.UsageError("There is no partner institution {partner}.", partner="동작경찰서")
    assert error.render(lambda _context, text: korean.get(text, text)) == "협력 기관 동작경찰서가 없습니다."
