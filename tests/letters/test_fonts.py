"""Fonts: a Korean TrueType font is found, embedded as a subset, and emoji fall back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intake_desktop.letters.fonts import (
    FontFile, FontNotFoundError, check_korean_face, find_fallback_fonts, find_korean_fonts, load_fonts,
)
from intake_desktop.letters.render import render_letter

from .conftest import reader, sample_letter

NANUM = Path("/usr/share/fonts/truetype/nanum")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def embedded_fonts(pdf: bytes) -> dict[str, dict]:
    """BaseFont name -> font dictionary, for every font used on any page."""
    out = {}
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            out[str(font["/BaseFont"])] = font
    return out


def test_system_font_is_found_with_bold(fonts):
    assert fonts.choice is not None
    assert fonts.choice.regular.path.is_file()
    assert fonts.regular != fonts.bold
    assert check_korean_face(fonts.choice.regular) is None


def test_korean_font_is_embedded_as_truetype_subset(fonts):
    pdf = render_letter(sample_letter(), fonts)
    found = embedded_fonts(pdf)
    korean = {name: f for name, f in found.items() if fonts.choice.regular.path.stem.split("-")[0][:5] in name}
    assert korean, found.keys()
    for name, font in found.items():
        assert font["/Subtype"] == "/TrueType"
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"
        assert "+" in name  # subset prefix (ABCDEF+Name)
    # Both the regular and the bold face are in the document.
    assert any("Bold" in name for name in korean)


def test_explicit_path_wins_and_finds_bold_sibling():
    if not (NANUM / "NanumMyeongjo.ttf").is_file():
        pytest.skip("NanumMyeongjo not installed")
    choice = find_korean_fonts(NANUM / "NanumMyeongjo.ttf")
    assert choice.source == "explicit"
    assert choice.regular.path.name == "NanumMyeongjo.ttf"
    assert choice.bold.path.name == "NanumMyeongjoBold.ttf"


def test_bundled_folder_is_used_before_the_system(tmp_path):
    source = NANUM / "NanumBarunGothic.ttf"
    if not source.is_file():
        pytest.skip("NanumBarunGothic not installed")
    shutil.copy(source, tmp_path / "NanumBarunGothic.ttf")
    choice = find_korean_fonts(bundled_dir=tmp_path)
    assert choice.source == "bundled"
    assert choice.regular.path.parent == tmp_path


def test_no_font_raises_a_clear_error(tmp_path):
    junk = tmp_path / "broken.ttf"
    junk.write_bytes(b"not a font at all")
    with pytest.raises(FontNotFoundError) as info:
        find_korean_fonts(junk, bundled_dir=None, search_dirs=[tmp_path / "empty"])
    message = str(info.value)
    assert "fonts-nanum" in message and "Malgun Gothic" in message and "Apple SD Gothic Neo" in message
    assert "broken.ttf" in message


def test_a_font_without_hangul_is_refused():
    if not DEJAVU.is_file():
        pytest.skip("DejaVu not installed")
    assert check_korean_face(FontFile(DEJAVU)) == "has no Hangul glyphs"
    with pytest.raises(FontNotFoundError):
        find_korean_fonts(DEJAVU, bundled_dir=None, search_dirs=[])


def test_runs_split_by_glyph_availability(fonts):
    if not fonts.fallbacks:
        pytest.skip("no fallback font installed")
    runs = fonts.runs("안녕😀하세요")
    assert [text for _, text in runs] == ["안녕", "😀", "하세요"]
    assert runs[0][0] == fonts.regular and runs[1][0] == fonts.fallbacks[0][0]
    # bold text falls back to the bold fallback face
    assert fonts.runs("가😀", bold=True)[1][0] == fonts.fallbacks[0][1]


def test_emoji_fallback_font_is_embedded_and_extracts(fonts):
    if not fonts.fallbacks:
        pytest.skip("no fallback font installed")
    from .conftest import body_text
    from intake_desktop.letters.model import ReferralDetails
    content = sample_letter(extra=ReferralDetails(reason="웃음 😀 과 하트 ❤️ 그리고 없는 글자 👍 끝"))
    pdf = render_letter(content, fonts)
    names = embedded_fonts(pdf)
    assert any("DejaVuSans" in name for name in names)
    assert "웃음 😀 과 하트 ❤️ 그리고 없는 글자 👍 끝" in body_text(pdf)


def test_fallback_fonts_are_found():
    if not DEJAVU.is_file():
        pytest.skip("DejaVu not installed")
    found = find_fallback_fonts()
    assert found and found[0][0].path.name == "DejaVuSans.ttf"


def test_load_fonts_is_cached():
    assert load_fonts() is load_fonts()


def test_broken_settings_path_falls_back_and_says_so(tmp_path):
    junk = tmp_path / "broken.ttf"
    junk.write_bytes(b"not a font")
    choice = find_korean_fonts(junk, bundled_dir=None)
    assert choice.source == "system"
    assert choice.skipped and choice.skipped[0][0] == str(junk)


def test_collection_member_syntax():
    from intake_desktop.letters.fonts import _as_font_file
    assert _as_font_file("/x/AppleSDGothicNeo.ttc#AppleSDGothicNeo-Bold") == FontFile(
        Path("/x/AppleSDGothicNeo.ttc"), "AppleSDGothicNeo-Bold")
    assert _as_font_file("/x/gulim.ttc#2") == FontFile(Path("/x/gulim.ttc"), 2)
    assert _as_font_file("/x/malgun.ttf") == FontFile(Path("/x/malgun.ttf"))


def test_public_api_imports():
    import intake_desktop.letters as letters
    for name in letters.__all__:
        assert hasattr(letters, name), name
