"""render_letter: what the PDF says (extracted with pypdf), and that it is deterministic."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from intake_desktop.letters import samples as S
from intake_desktop.letters.compose import compose_letter
from intake_desktop.letters.model import FieldMeta, ReferralDetails
from intake_desktop.letters.render import item_marker, render_letter
from intake_desktop.letters.templates import parse_template, templates_dir

from .conftest import KINDS, body_text, norm, page_texts, reader, sample_letter

ALL = frozenset(KINDS)
REPO = Path(__file__).resolve().parents[2]


# -- consent filter, end to end ------------------------------------------------------------------

EXTRA_FIELDS = {
    # id: (sensitivity, shareable_with, type, consented)
    "x_ok": ("personal", ALL, "text", True),
    "x_not_consented": ("personal", ALL, "text", False),
    "x_not_shareable": ("personal", None, "text", True),  # shareable with every kind but this one
    "x_sensitive": ("health", ALL, "text", True),
    "x_score_health": ("health", ALL, "score", True),
    "x_score_plain": ("personal", ALL, "score", True),
    "x_diagnosis": ("health", ALL, "text", True),
    "x_crime": ("crime", ALL, "text", True),
}


def marker(n: int) -> str:
    return f"QZX{n:03d}표식"


def marked_case(kind: str):
    """A template for ``kind`` with extra test fields, and a case where every field holds a
    unique marker. Returns (template, facts, meta, consented, markers{field: marker})."""
    raw = yaml.safe_load((templates_dir() / f"{kind}.yaml").read_text(encoding="utf-8"))
    raw.setdefault("sections", []).append({
        "key": "test_extra", "heading": {"ko": "시험 항목", "en": "Test"},
        "fields": [{"id": fid, "label": {"ko": f"항목{fid}", "en": fid}} for fid in EXTRA_FIELDS],
    })
    template = parse_template(raw, f"{kind}+test")
    facts, meta, consented, markers = {}, {}, set(), {}
    for n, fid in enumerate(list(template.field_ids) + ["x_not_in_template"], 1):
        markers[fid] = marker(n)
        facts[fid] = markers[fid]
        if fid in EXTRA_FIELDS:
            sensitivity, shareable, ftype, ok = EXTRA_FIELDS[fid]
            if shareable is None:
                shareable = ALL - {kind}
        else:
            sensitivity, shareable, ftype, ok = "personal", ALL, "text", True
        meta[fid] = FieldMeta(f"라벨{fid}", sensitivity, shareable, ftype)
        if ok:
            consented.add(fid)
    return template, facts, meta, consented, markers


def expected_present(kind: str, template_ids, sensitive_consent: bool) -> set[str]:
    police = kind == "police"
    present = {fid for fid in template_ids if fid not in EXTRA_FIELDS} | {"x_ok"}
    if not police:
        present.add("x_score_plain")
    if sensitive_consent:
        if police:
            present.add("x_crime")
        else:
            present |= {"x_sensitive", "x_score_health", "x_diagnosis"}
    return present


@pytest.mark.parametrize("sensitive_consent", [False, True])
@pytest.mark.parametrize("kind", KINDS)
def test_letter_carries_exactly_the_consented_shareable_fields(kind, sensitive_consent, fonts):
    template, facts, meta, consented, markers = marked_case(kind)
    extra = ReferralDetails(reason="사유 표식", warning_signs="징후 표식", last_contact=date(2025, 5, 1),
                            reply_by=date(2025, 6, 3))
    content = compose_letter(template, S.SAMPLE_RECIPIENTS[kind], S.SAMPLE_SENDER, facts, meta, consented,
                             sensitive_consent, extra, 5, date(2025, 5, 20), S.SAMPLE_SIGNATORIES)
    pdf = render_letter(content, fonts)
    text = body_text(pdf)
    present = expected_present(kind, template.field_ids, sensitive_consent)
    for fid, mark in markers.items():
        if fid in present:
            assert mark in text, f"{kind}: {fid} should be printed"
        else:
            assert mark not in text, f"{kind}: {fid} must not be printed"
    assert set(content.included_fields) == present
    # PDF metadata never holds personal data.
    info = reader(pdf).metadata
    assert info["/Title"] == "연계 의뢰서"
    for value in info.values():
        assert "QZX" not in str(value) and "표식" not in str(value)
    assert reader(pdf).xmp_metadata is None


def test_police_letter_has_no_scores_even_with_every_consent(fonts):
    """The shipped police template, a case with scores that the form (wrongly) marks as
    shareable with the police and that the person consented to: still nothing printed."""
    meta = {fid: replace(m, shareable_with=ALL) for fid, m in S.SAMPLE_FIELD_META.items()}
    content = sample_letter("police", field_meta=meta, consented_items=set(meta), sensitive_consent=True)
    text = body_text(render_letter(content, fonts))
    for word in ("PHQ", "GAD", "HQ-25", "점수", "총점", "진단", "우울", "불안"):
        assert word not in text
    assert "남궁민서" in text and "2025. 5. 12. 15:20" in text


# -- exact text ----------------------------------------------------------------------------------

TRICKY = [
    "<b>굵게</b> &amp; <para>문단</para> &nbsp; <font face=\"x\">글꼴</font>",
    "\"큰따옴표\" '작은따옴표' 백슬래시 C:\\폴더\\파일 \\n 그대로",
    "꺾쇠 < > & 와 <br/> 와 <!-- 주석 --> 그리고 ]]>",
]


@pytest.mark.parametrize("value", TRICKY)
def test_markup_like_input_prints_as_typed(value, fonts):
    facts = dict(S.SAMPLE_FACTS, trigger=value, name=value[:20])
    content = sample_letter("welfare", case_facts=facts, extra=ReferralDetails(reason=value))
    text = body_text(render_letter(content, fonts))
    assert norm(value) in text
    assert norm(value[:20]) in text


def test_nfd_hangul_comes_out_as_nfc(fonts):
    nfd = unicodedata.normalize("NFD", "황보미래 님의 의뢰 사유")
    content = sample_letter("welfare", case_facts=dict(S.SAMPLE_FACTS, name=unicodedata.normalize("NFD", "황보미래")),
                            extra=ReferralDetails(reason=nfd))
    text = body_text(render_letter(content, fonts))
    assert "황보미래 님의 의뢰 사유" in text
    assert not any(0x1100 <= ord(ch) <= 0x11FF for ch in text)  # no loose jamo


@pytest.mark.parametrize("name", ["남궁민서", "황보미래", "선우진", "제갈현", "독고영재", "Maria Santos", "응우옌 티 란"])
def test_names_print_exactly(name, fonts):
    content = sample_letter("welfare", case_facts=dict(S.SAMPLE_FACTS, name=name))
    assert f"성명 {name}" in body_text(render_letter(content, fonts))


def test_emoji_and_symbols_stay_in_the_text(fonts):
    reason = "좋아요 😀 👍 ❤️ ★ ☎ 끝"
    content = sample_letter("welfare", extra=ReferralDetails(reason=reason))
    assert reason in body_text(render_letter(content, fonts))


def test_long_reason_flows_onto_more_pages_with_page_numbers(fonts):
    words = ["고립", "은둔", "청년", "상담", "연계", "의뢰", "사유", "마음", "회복", "모임", "참여", "희망"]
    reason = " ".join(f"{words[i % len(words)]}{i}" for i in range(900))[:5000]
    assert len(reason) == 5000
    content = sample_letter("welfare", extra=ReferralDetails(reason=reason))
    pdf = render_letter(content, fonts)
    texts = page_texts(pdf)
    assert len(texts) >= 3
    for n, page in enumerate(texts, 1):
        assert f"- {n} -" in page
    assert norm(reason) in body_text(pdf)
    # The 결문 is on the last page, after all of the reason.
    assert "서울청년기지개센터장" in texts[-1]


def test_long_word_without_spaces_is_wrapped_not_cut(fonts):
    word = "가나다라마바사아자차카타파하" * 20
    content = sample_letter("welfare", extra=ReferralDetails(reason=word))
    text = "".join(body_text(render_letter(content, fonts)).split())
    assert word in text


def test_official_document_parts(fonts):
    pdf = render_letter(sample_letter("welfare"), fonts)
    first = norm(page_texts(pdf)[0])
    text = body_text(pdf)
    assert first.startswith("- 1 - 서울청년기지개센터 수신 동작이수사회복지관장(사례관리팀장) (경유) 제목")
    assert "1. 귀 기관의 무궁한 발전을 기원합니다. 2. 우리 센터에서" in text
    assert "가. 대상자 인적사항" in text and "나. 고립·은둔 현황 1) 외출 빈도:" in text
    assert "붙임 1. 개인정보 제3자 제공 동의서 1부. 끝." in text
    assert "1부.  끝." in "".join(page_texts(pdf))  # two spaces before 끝.
    assert "서울청년기지개센터장 기안자 사회복지사 김상담 검토자 팀장 이검토 결재권자 센터장 박결재" in text
    assert "시행 기지개-123 (2025. 5. 20.) 접수 ( )" in text
    assert "우 06900 서울특별시 동작구 예시로 10, 3층 / www.example.org" in text
    assert "전화 02-1234-5678 팩스 02-1234-5679 / 전자우편 referral@example.org / 공개구분 비공개 (개인정보)" in text
    assert "2025. 6. 3.까지" in text
    assert "생년월일" not in text  # the form does not let welfare centres have the birth date
    assert "2025. 05" not in text and "2025.5" not in text
    assert "생년월일 1999. 3. 2. (만 26세)" in body_text(render_letter(sample_letter("generic"), fonts))


def test_via_and_blank_signatories(fonts):
    rec = replace(S.SAMPLE_RECIPIENTS["welfare"], via="동작구청장")
    text = body_text(render_letter(sample_letter("welfare", recipient=rec, signatories=()), fonts))
    assert "(경유) 동작구청장" in text
    assert "기안자 검토자 결재권자" in text


def test_item_markers():
    assert [item_marker(0, 1), item_marker(1, 1), item_marker(2, 1), item_marker(3, 1)] == ["1.", "가.", "1)", "가)"]
    assert [item_marker(4, 2), item_marker(5, 2), item_marker(6, 2), item_marker(7, 2)] == ["(2)", "(나)", "②", "㉯"]
    assert item_marker(1, 14) == "하." and item_marker(1, 40) == "40."


def test_nested_items_render_with_korean_numbering(fonts):
    from intake_desktop.letters.model import Item, Section
    nested = (Item("첫째", children=(Item("하위", children=(Item("더 하위"),)),)), Item("둘째"))
    content = sample_letter("welfare")
    content = replace(content, body=content.body + (Section("extra", "추가", items=nested),))
    text = body_text(render_letter(content, fonts))
    assert "1) 첫째 가) 하위 (1) 더 하위 2) 둘째" in text


# -- determinism ---------------------------------------------------------------------------------

def test_same_letter_gives_identical_bytes(fonts):
    first = render_letter(sample_letter("welfare"), fonts)
    second = render_letter(sample_letter("welfare"), fonts)
    assert first == second
    other = render_letter(sample_letter("welfare", number=124), fonts)
    assert other != first
    assert reader(first).metadata["/CreationDate"] == "D:20250520000000+09'00'"


SCRIPT = """
import hashlib, sys
sys.path.insert(0, {tests!r})
from letters.conftest import sample_letter
from intake_desktop.letters.render import render_letter
from intake_desktop.letters.model import ReferralDetails
content = sample_letter("welfare", extra=ReferralDetails(reason="이모지 😀 👍 와 <b>표식</b>"))
print(hashlib.sha256(render_letter(content)).hexdigest())
"""


def test_identical_bytes_across_processes(fonts):
    from intake_desktop.letters.model import ReferralDetails
    content = sample_letter("welfare", extra=ReferralDetails(reason="이모지 😀 👍 와 <b>표식</b>"))
    here = hashlib.sha256(render_letter(content, fonts)).hexdigest()
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, SOURCE_DATE_EPOCH="1234567890")
        out = subprocess.run([sys.executable, "-c", SCRIPT.format(tests=str(REPO / "tests"))], env=env,
                             capture_output=True, text=True, check=True, cwd=REPO)
        digests.add(out.stdout.strip())
    assert digests == {here}


def test_render_writes_no_files(fonts, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    render_letter(sample_letter("police"), fonts)
    assert list(tmp_path.iterdir()) == []


# -- any text at all -------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("가각간남궁황보민서렬뷁똠얍ㄱㅏ") + list("abcXYZ019 .,;:!?()[]{}<>&\"'\\/#%=-_~*") +
                            ["😀", "é", "ß", "中", "\n", "\t", "&amp;", "<b>", "</para>", "&nbsp;", "<br/>"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_ALPHABET, min_size=1, max_size=80).map("".join))
def test_any_reason_prints_exactly(fonts, reason):
    if not reason.strip():
        reason = "빈칸" + reason
    content = sample_letter("welfare", extra=ReferralDetails(reason=reason))
    squeezed = "".join(body_text(render_letter(content, fonts)).split())
    expected = "".join(unicodedata.normalize("NFC", reason).split())
    assert expected in squeezed
