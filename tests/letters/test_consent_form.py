"""The printable consent form: separate blocks, one per partner, larger type where it matters."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pytest

from intake_desktop.letters import samples as S
from intake_desktop.letters.consent_form import (
    BODY_SIZE, IMPORTANT_SIZE, SMALL_SIZE, TITLE_SIZE, ConsentStyleSizes, consent_styles, load_consent_wording,
    recipient_consent, render_consent_form,
)
from intake_desktop.letters.templates import load_template

from .conftest import body_text, page_texts, reader
from .consent_samples import KINDS_ON_FORM, sample_form

def sizes_by_text(pdf: bytes) -> dict[str, set[float]]:
    """Text run -> font sizes it was drawn at (from the Tf operators, via pypdf's visitor)."""
    found: dict[str, set[float]] = defaultdict(set)
    for page in reader(pdf).pages:
        def visit(text, cm, tm, font_dict, font_size):
            if text.strip():
                found[text.strip()].add(round(font_size * tm[0], 2))
        page.extract_text(visitor_text=visit)
    return found


def all_tf_sizes(pdf: bytes) -> set[float]:
    sizes = set()
    for page in reader(pdf).pages:
        data = page.get_contents().get_data().decode("latin-1")
        sizes.update(float(m) for m in re.findall(r"/F[\w+]+ ([\d.]+) Tf", data))
    return sizes


@pytest.fixture(scope="module")
def form_pdf():
    return render_consent_form(sample_form())


def test_each_recipient_has_its_own_block_with_the_five_items(form_pdf):
    text = body_text(form_pdf)
    wording = load_consent_wording()
    L = wording.labels
    blocks = re.split(r"3-\d\. ", text)[1:]
    assert len(blocks) == len(KINDS_ON_FORM)
    for kind, block in zip(KINDS_ON_FORM, blocks):
        template = load_template(kind)
        name = S.SAMPLE_RECIPIENTS[kind].name
        assert block.startswith(name)
        for label, value in ((L.recipient, name), (L.recipient_purpose, template.consent.purpose),
                             (L.provided_items, None), (L.recipient_retention, template.consent.retention),
                             (L.refusal, None)):
            assert label in block, (kind, label)
            if value:
                assert " ".join(value.split()) in block, (kind, value)
        assert "동의의 철회" not in block  # (sanity: the withdrawal note is not per block)
        assert f"{L.agree} □ {L.disagree} □" in block
    # The police block offers only the minimal items; no scores are offered to the police.
    police = blocks[2]
    assert "성명, 생년월일, 주소, 연락처" in police
    assert "PHQ" not in police and "민감정보(" not in police
    # Welfare is offered the scores as sensitive information, with a separate tick.
    assert "이 기관에 민감정보(" in blocks[0] and blocks[0].count("동의함 □") == 2


def test_collection_and_sensitive_blocks_are_separate(form_pdf):
    text = body_text(form_pdf)
    wording = load_consent_wording()
    first = text.index(wording.collection.heading)
    second = text.index(wording.sensitive.heading)
    third = text.index(wording.third_party.heading)
    assert first < second < third
    for block in (text[first:second], text[second:third]):
        for label in (wording.labels.purpose, wording.labels.retention, wording.labels.refusal):
            assert label in block
        assert "동의함 □ 동의하지 않음 □" in block
    assert "우울(PHQ-9)·불안(GAD-7) 검사 결과" in text[second:third]


def test_style_table_sizes():
    assert IMPORTANT_SIZE >= 9 and IMPORTANT_SIZE >= 1.2 * BODY_SIZE
    assert SMALL_SIZE >= 9 and TITLE_SIZE > IMPORTANT_SIZE
    from intake_desktop.letters.fonts import load_fonts
    styles = consent_styles(load_fonts())
    assert styles["important"].fontSize == styles["question"].fontSize == IMPORTANT_SIZE
    assert styles["body"].fontSize == styles["cell"].fontSize == BODY_SIZE
    assert min(s.fontSize for s in styles.values()) >= 9
    with pytest.raises(ValueError):
        consent_styles(load_fonts(), ConsentStyleSizes(body=10, important=11))


def test_important_parts_are_printed_larger(form_pdf):
    sizes = sizes_by_text(form_pdf)
    welfare = load_template("welfare")

    def size_of(fragment: str) -> set[float]:
        hits = set()
        for text, s in sizes.items():
            if fragment in text:
                hits |= s
        assert hits, fragment
        return hits

    # important: recipient, its purpose, retention, sensitive items, the questions
    assert size_of("동작이수사회복지관") >= {IMPORTANT_SIZE}
    assert size_of(welfare.consent.retention[:10]) == {IMPORTANT_SIZE}
    assert size_of(welfare.consent.purpose[:10]) == {IMPORTANT_SIZE}
    assert size_of("우울(PHQ-9)·불안(GAD-7)") >= {IMPORTANT_SIZE}
    assert size_of("이 기관에 위 항목을 알리는 것에") == {IMPORTANT_SIZE}
    # ordinary text at body size
    assert size_of("그대로 받을 수 있습니다") == {BODY_SIZE}
    assert size_of("상담과 지원을 위해") == {BODY_SIZE}  # the introduction
    # nothing on the form is smaller than 9 pt
    assert min(all_tf_sizes(form_pdf)) >= 9


def test_guardian_block_only_for_under_14():
    adult = body_text(render_consent_form(sample_form(birth=date(1999, 3, 2))))
    child = body_text(render_consent_form(sample_form(birth=date(2012, 5, 21))))  # 12 on 2025-05-20
    almost = body_text(render_consent_form(sample_form(birth=date(2011, 5, 20))))  # 14 that day
    assert "법정대리인" not in adult
    assert "법정대리인 성명" in child and "관계" in child and "제22조의2" in child
    assert "법정대리인 성명" not in almost
    forced = body_text(render_consent_form(sample_form(birth=None, guardian_required=True)))
    assert "법정대리인 성명" in forced


def test_signature_lines_and_addressee(form_pdf):
    text = body_text(form_pdf)
    assert "정보주체(본인) 성명 황보미래 생년월일 1999. 3. 2. (서명 또는 인)" in text
    assert "년 월 일" in text
    assert text.rstrip().endswith("서울청년기지개센터장 귀하")


def test_consent_form_is_deterministic_and_neutral(form_pdf):
    assert render_consent_form(sample_form()) == form_pdf
    info = reader(form_pdf).metadata
    assert info["/Title"] == "개인정보 수집·이용 및 제3자 제공 동의서"
    assert all("황보" not in str(v) for v in info.values())


def test_recipient_consent_checks_the_template_kind():
    with pytest.raises(ValueError):
        recipient_consent(load_template("police"), S.SAMPLE_RECIPIENTS["welfare"], ["성명"])


def test_blank_form_when_nothing_is_prefilled():
    content = sample_form(birth=None, person_name="", sensitive=None, recipients=())
    pages = page_texts(render_consent_form(content))
    text = " ".join(pages)
    assert "민감정보 처리 동의" not in text and "제3자 제공 동의 (" not in text
    assert "성명" in text
