"""Korean fonts for printed letters: find one, register it embedded, fall back per character.

Lookup order (first that works wins):
  1. an explicit path from settings (regular, optionally bold);
  2. a bundled folder, ``paths.resources_dir()/fonts`` (the installer may put a font there);
  3. the system: Malgun Gothic (Windows), Apple SD Gothic Neo / AppleGothic (macOS),
     Nanum or Noto Sans KR (Linux and anywhere else the files happen to be).

Only TrueType-outlined fonts can be embedded by ReportLab (``.ttf`` and ``.ttc``); a
CFF-flavoured ``.otf``/``.otc`` (e.g. Noto Sans CJK) is rejected with the reason recorded.
Fonts are always embedded as subsets: nothing depends on the printer having the font.

Characters that the Korean font lacks (emoji, rare symbols) are drawn with the first fallback
font that has them (DejaVu Sans, Symbola, Segoe UI Symbol/Emoji, ...). A character that no
font has is still written into the text layer (so copying or extracting the text gives exactly
what was typed); it prints as the font's "missing glyph" box, or as nothing for zero-width
marks such as variation selectors.
"""

from __future__ import annotations

import os
import sys
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

SAMPLE_HANGUL = "가나다한글"

INSTALL_HINT = (
    "Install a Korean TrueType font and try again: on Windows 'Malgun Gothic' (맑은 고딕, "
    "malgun.ttf) comes with the system; on macOS 'Apple SD Gothic Neo'; on Debian/Ubuntu "
    "run 'sudo apt install fonts-nanum' (NanumGothic.ttf); or choose a Korean .ttf/.ttc file "
    "in Settings. CFF-based .otf fonts (such as Noto Sans CJK .otf/.ttc) cannot be embedded."
)


class FontNotFoundError(RuntimeError):
    """No usable Korean TrueType font: the message says what to install."""

    def __init__(self, tried: list[tuple[str, str]] | None = None):
        self.tried = list(tried or [])
        detail = ""
        if self.tried:
            shown = "; ".join(f"{path}: {why}" for path, why in self.tried[:8])
            more = f" (and {len(self.tried) - 8} more)" if len(self.tried) > 8 else ""
            detail = f" Tried: {shown}{more}."
        super().__init__("No Korean font found for printing letters. " + INSTALL_HINT + detail)


@dataclass(frozen=True)
class FontFile:
    """One face: a .ttf, or one member of a .ttc (index or PostScript name)."""

    path: Path
    subfont: int | str = 0

    def __str__(self) -> str:
        return f"{self.path}#{self.subfont}" if self.subfont not in (0, "") else str(self.path)


@dataclass(frozen=True)
class FontChoice:
    """What to use; ``source`` says where it came from (explicit, bundled, system)."""

    regular: FontFile
    bold: FontFile
    source: str
    skipped: tuple[tuple[str, str], ...] = ()  # (font, why) tried before this one, e.g. a broken settings path


# ---------------------------------------------------------------------------------------------
# Candidate lists. Each entry: (regular file name, bold file name or None, subfont regular,
# subfont bold). File names are matched case-insensitively inside the search folders.

_KOREAN_CANDIDATES: tuple[tuple[str, str | None, int | str, int | str], ...] = (
    ("malgun.ttf", "malgunbd.ttf", 0, 0),
    ("AppleSDGothicNeo.ttc", "AppleSDGothicNeo.ttc", "AppleSDGothicNeo-Regular", "AppleSDGothicNeo-Bold"),
    ("NanumGothic.ttf", "NanumGothicBold.ttf", 0, 0),
    ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf", 0, 0),
    ("NanumMyeongjo.ttf", "NanumMyeongjoBold.ttf", 0, 0),
    ("NotoSansKR-Regular.ttf", "NotoSansKR-Bold.ttf", 0, 0),
    ("NotoSansKR[wght].ttf", None, 0, 0),
    ("AppleGothic.ttf", None, 0, 0),
    ("UnDotum.ttf", "UnDotumBold.ttf", 0, 0),
    ("gulim.ttf", None, 0, 0),
    ("gulim.ttc", None, 0, 0),
)

# Fallback faces for characters the Korean font lacks: (regular, bold or None).
_FALLBACK_CANDIDATES: tuple[tuple[str, str | None], ...] = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("seguisym.ttf", None),
    ("seguiemj.ttf", None),
    ("Symbola.ttf", None),
    ("Symbola_hint.ttf", None),
    ("NotoEmoji-Regular.ttf", "NotoEmoji-Bold.ttf"),
    ("NotoSansSymbols2-Regular.ttf", None),
    ("Apple Symbols.ttf", None),
)

_BOLD_SIBLING_PATTERNS = ("{stem}Bold{ext}", "{stem}-Bold{ext}", "{stem}_Bold{ext}", "{stem}bd{ext}",
                          "{base}-Bold{ext}", "{base}Bold{ext}")


def system_font_dirs(platform: str = sys.platform) -> list[Path]:
    """Folders where the operating system keeps fonts (existing or not)."""
    home = Path.home()
    if platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), home / "Library" / "Fonts"]
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts", home / ".fonts"]
    data_home = os.environ.get("XDG_DATA_HOME")
    if data_home:
        dirs.append(Path(data_home) / "fonts")
    return dirs


def bundled_font_dir() -> Path | None:
    """``resources/fonts`` if shipped (fonts are never committed; the installer adds one)."""
    try:
        from intake_desktop import paths
        folder = paths.resources_dir() / "fonts"
    except (FileNotFoundError, ImportError):
        return None
    return folder if folder.is_dir() else None


def _index_folders(folders: list[Path], recursive: bool) -> dict[str, Path]:
    """lower-case file name -> first path found (folders in order)."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        try:
            walker = sorted(folder.rglob("*")) if recursive else sorted(folder.iterdir())
        except OSError:
            continue
        for path in walker:
            if path.suffix.lower() in (".ttf", ".ttc") and path.name.lower() not in found:
                found[path.name.lower()] = path
    return found


def check_korean_face(font: FontFile) -> str | None:
    """None when the face loads, is TrueType-outlined and has Hangul; else the reason."""
    try:
        face = _load_face(str(font.path), font.subfont)
    except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError) as exc:
        return f"cannot be embedded ({exc})"
    missing = [ch for ch in SAMPLE_HANGUL if ord(ch) not in face.charToGlyph]
    if missing:
        return "has no Hangul glyphs"
    return None


def _bold_sibling(path: Path) -> Path | None:
    stem, ext = path.stem, path.suffix
    base = stem[:-len("-Regular")] if stem.endswith("-Regular") else stem
    for pattern in _BOLD_SIBLING_PATTERNS:
        candidate = path.with_name(pattern.format(stem=stem, base=base, ext=ext))
        if candidate != path and candidate.is_file():
            return candidate
    return None


def _as_font_file(value: str | os.PathLike | FontFile) -> FontFile:
    if isinstance(value, FontFile):
        return value
    text = os.fspath(value)
    # "file.ttc#2" or "file.ttc#AppleSDGothicNeo-Bold" selects a member of a collection.
    if "#" in text and not Path(text).exists():
        path, _, sub = text.rpartition("#")
        return FontFile(Path(path), int(sub) if sub.isdigit() else sub)
    return FontFile(Path(text))


def find_korean_fonts(explicit: str | os.PathLike | FontFile | None = None,
                      explicit_bold: str | os.PathLike | FontFile | None = None, *,
                      bundled_dir: Path | None | bool = True,
                      search_dirs: list[Path] | None = None,
                      platform: str = sys.platform) -> FontChoice:
    """Choose the regular and bold Korean faces (see the module docstring for the order).

    ``bundled_dir=True`` means ``resources/fonts`` if it exists; pass a folder, or None/False
    to skip. ``search_dirs`` replaces the system folders (tests use it).
    Raises FontNotFoundError when nothing usable is found.
    """
    tried: list[tuple[str, str]] = []

    if explicit is not None:
        regular = _as_font_file(explicit)
        problem = check_korean_face(regular)
        if problem is None:
            bold = _as_font_file(explicit_bold) if explicit_bold is not None else None
            if bold is None:
                sibling = _bold_sibling(regular.path)
                bold = FontFile(sibling) if sibling else None
            if bold is not None and check_korean_face(bold) is not None:
                bold = None
            return FontChoice(regular, bold or regular, "explicit")
        tried.append((str(regular), problem))

    if bundled_dir is True:
        bundled_dir = bundled_font_dir()
    groups: list[tuple[str, list[Path], bool]] = []
    if bundled_dir:
        groups.append(("bundled", [Path(bundled_dir)], False))
    groups.append(("system", list(search_dirs) if search_dirs is not None else system_font_dirs(platform), True))

    for source, folders, recursive in groups:
        index = _index_folders(folders, recursive)
        for reg_name, bold_name, reg_sub, bold_sub in _KOREAN_CANDIDATES:
            path = index.get(reg_name.lower())
            if path is None:
                continue
            regular = FontFile(path, reg_sub)
            problem = check_korean_face(regular)
            if problem is not None:
                tried.append((str(regular), problem))
                continue
            bold = regular
            bold_path = index.get(bold_name.lower()) if bold_name else None
            if bold_path is not None:
                candidate = FontFile(bold_path, bold_sub)
                if check_korean_face(candidate) is None:
                    bold = candidate
            return FontChoice(regular, bold, source, tuple(tried))
    raise FontNotFoundError(tried)


def find_fallback_fonts(search_dirs: list[Path] | None = None,
                        platform: str = sys.platform) -> list[tuple[FontFile, FontFile]]:
    """Fallback faces present here, in preference order: [(regular, bold)]."""
    folders = list(search_dirs) if search_dirs is not None else system_font_dirs(platform)
    bundled = bundled_font_dir()
    if bundled is not None:
        folders.insert(0, bundled)
    index = _index_folders(folders, recursive=True)
    out = []
    for reg_name, bold_name in _FALLBACK_CANDIDATES:
        path = index.get(reg_name.lower())
        if path is None:
            continue
        try:
            _load_face(str(path), 0)
        except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
            continue
        bold = index.get(bold_name.lower()) if bold_name else None
        out.append((FontFile(path), FontFile(bold) if bold else FontFile(path)))
    return out


# ---------------------------------------------------------------------------------------------
# Registration

@lru_cache(maxsize=32)
def _load_face(path: str, subfont: int | str):
    """Parse once (validates TrueType outlines); used for checks only."""
    from reportlab.pdfbase.ttfonts import TTFontFace
    return TTFontFace(path, validate=0, subfontIndex=subfont)


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A ToUnicode CMap that also maps characters beyond U+FFFF (as UTF-16 surrogate pairs);
    ReportLab's own writes those as five hex digits, which text extraction misreads."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0",
        ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", "<00> <%02X>" % (len(subset) - 1), "endcodespacerange",
        "%d beginbfchar" % len(subset),
    ]
    lines += ["<%02X> <%s>" % (i, _utf16_hex(v)) for i, v in enumerate(subset)]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class EmbeddedTTFont(TTFont):
    """TTFont with a correct ToUnicode map for supplementary-plane characters (emoji)."""

    def addObjects(self, doc):  # noqa: N802 (ReportLab's name)
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        if not any(code > 0xFFFF for subset in subsets for code in subset):
            return
        from reportlab.pdfbase.ttfonts import SUBSETN
        for n, subset in enumerate(subsets):
            base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset)


def _registered_name(role: str, font: FontFile) -> str:
    # Stable across runs for the same file: the name only appears inside the PDF's font map.
    stem = "".join(ch for ch in font.path.stem if ch.isalnum())[:24] or "Font"
    sub = "".join(ch for ch in str(font.subfont) if ch.isalnum())[:24]
    return f"IDL{role}-{stem}-{sub}"


_register_lock = threading.RLock()


def _register(role: str, font: FontFile) -> str:
    name = _registered_name(role, font)
    with _register_lock:
        existing = pdfmetrics._fonts.get(name)
        if existing is None:
            ttf = EmbeddedTTFont(name, str(font.path), subfontIndex=font.subfont, shapable=False)
            pdfmetrics.registerFont(ttf)
    return name


_ZERO_WIDTH_CATEGORIES = ("Mn", "Me", "Cf")
# Korean fonts traditionally draw U+005C (backslash) as the won sign ₩; the letter should print
# what the text holds, so a fallback face that has a real backslash draws it when there is one.
_PREFER_FALLBACK = frozenset("\\")


@dataclass
class LetterFonts:
    """The registered faces a letter uses, and per-character fallback.

    ``regular``/``bold`` are ReportLab font names; ``fallbacks`` is [(regular, bold)] names.
    """

    regular: str
    bold: str
    fallbacks: list[tuple[str, str]] = field(default_factory=list)
    choice: FontChoice | None = None
    _cmaps: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self):
        for name in (self.regular, self.bold, *[n for pair in self.fallbacks for n in pair]):
            if name not in self._cmaps:
                face = pdfmetrics.getFont(name).face
                # Snapshot before any placeholder is added (see _ensure_placeholder).
                self._cmaps[name] = frozenset(getattr(face, "_letters_cmap", None) or face.charToGlyph)
                if not hasattr(face, "_letters_cmap"):
                    face._letters_cmap = self._cmaps[name]

    def has_glyph(self, font_name: str, ch: str) -> bool:
        return ord(ch) in self._cmaps[font_name]

    def font_for(self, ch: str, bold: bool = False) -> str:
        """The font that will draw ``ch``: the Korean face if it can, else a fallback,
        else the Korean face with a placeholder glyph (the character stays in the text)."""
        main = self.bold if bold else self.regular
        if ch.isspace() or (self.has_glyph(main, ch) and ch not in _PREFER_FALLBACK):
            return main
        for reg, bld in self.fallbacks:
            name = bld if bold else reg
            if self.has_glyph(name, ch):
                return name
        self._ensure_placeholder(ch)
        return main

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """Split text into (font name, text) runs by glyph availability."""
        out: list[tuple[str, str]] = []
        for ch in text:
            name = self.font_for(ch, bold)
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + ch)
            else:
                out.append((name, ch))
        return out

    def _ensure_placeholder(self, ch: str) -> None:
        """Map a character no font has to the missing-glyph box (zero-width marks to an empty
        glyph with no advance), in both Korean faces, so ReportLab still writes it into the
        text layer with a ToUnicode entry instead of dropping it."""
        code = ord(ch)
        zero = unicodedata.category(ch) in _ZERO_WIDTH_CATEGORIES
        with self._lock:
            for name in {self.regular, self.bold}:
                face = pdfmetrics.getFont(name).face
                if code in face.charToGlyph:
                    continue
                if zero:
                    face.charToGlyph[code] = face.charToGlyph.get(32, 0)
                    face.charWidths[code] = 0
                else:
                    face.charToGlyph[code] = 0
                    face.charWidths[code] = face.defaultWidth or 1000


@lru_cache(maxsize=8)
def _load_fonts_cached(choice: FontChoice, fallback_key: tuple[tuple[FontFile, FontFile], ...]) -> LetterFonts:
    regular = _register("R", choice.regular)
    bold = _register("B", choice.bold)
    fallbacks = [(_register("FR", reg), _register("FB", bld)) for reg, bld in fallback_key]
    from reportlab.lib.fonts import addMapping
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)
    return LetterFonts(regular=regular, bold=bold, fallbacks=fallbacks, choice=choice)


def load_fonts(explicit: str | os.PathLike | FontFile | None = None,
               explicit_bold: str | os.PathLike | FontFile | None = None, *,
               fallback: bool = True,
               bundled_dir: Path | None | bool = True,
               search_dirs: list[Path] | None = None) -> LetterFonts:
    """Find, register (embedded, subset) and return the fonts for letters.

    Discovery and registration are cached per set of arguments; call ``reset_font_cache()``
    after the user installs a font or changes the font in settings.
    Raises FontNotFoundError when no Korean font is usable (not cached: the next call looks again).
    """
    key = (
        str(explicit) if explicit is not None else None,
        str(explicit_bold) if explicit_bold is not None else None,
        fallback,
        bundled_dir if not isinstance(bundled_dir, Path) else str(bundled_dir),
        tuple(str(p) for p in search_dirs) if search_dirs is not None else None,
    )
    with _register_lock:
        cached = _discovered.get(key)
        if cached is None:
            choice = find_korean_fonts(explicit, explicit_bold, bundled_dir=bundled_dir, search_dirs=search_dirs)
            fallbacks = tuple(find_fallback_fonts(search_dirs)) if fallback else ()
            cached = _discovered[key] = _load_fonts_cached(choice, fallbacks)
        return cached


_discovered: dict[tuple, LetterFonts] = {}


def reset_font_cache() -> None:
    """Forget which fonts were found (registered fonts stay registered; that is harmless)."""
    with _register_lock:
        _discovered.clear()
    _load_face.cache_clear()
