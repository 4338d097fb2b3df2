"""The compiled Qt catalogue (`resources/i18n/intake_ko.qm`), read without Qt.

The command line translates its messages (and the service errors it prints) without importing
Qt: loading QtCore alone costs more than the whole of `intake-desktop --version` may take. The
catalogue stays the Qt translation system's own file, kept by `tools/i18n.py` (lupdate → .ts →
lrelease → .qm); this module only reads the .qm that `QTranslator` loads in the window, so the
command line and the window can never disagree. `tests/test_cli_i18n.py` checks every message of
the .ts against this reader.

The .qm layout (Qt's `qtranslator.cpp`, stable since Qt 4): a 16-byte magic number, then blocks
`tag (1 byte), length (4 bytes, big-endian), data`. The messages block (tag 0x69) is a run of
records, each a run of items `tag, [length, bytes]` closed by the end tag: the translation is
UTF-16BE (one item per plural form), source text, context and comment are UTF-8. lrelease writes
every message in full (`SaveEverything`), so no hash lookup is needed here.
"""

from __future__ import annotations

import os
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_BLOCK_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8
_NULL = 0xFFFFFFFF

LANG_ENV = "INTAKE_LANG"
DEFAULT_LANGUAGE = "ko"


class CatalogueError(ValueError):
    """Not a .qm file, or a damaged one."""


def read_qm(data: bytes) -> dict[tuple[str, str], list[str]]:
    """{(context, source text): [translation, plural forms…]} of a compiled catalogue.

    A message with an empty translation is left out (Qt shows the source text for it too)."""
    if data[:16] != MAGIC:
        raise CatalogueError("not a Qt .qm catalogue")
    messages: dict[tuple[str, str], list[str]] = {}
    position = 16
    while position + 5 <= len(data):
        tag = data[position]
        length = int.from_bytes(data[position + 1:position + 5], "big")
        start, position = position + 5, position + 5 + length
        if position > len(data):
            raise CatalogueError("catalogue block runs past the end of the file")
        if tag == _BLOCK_MESSAGES:
            _read_messages(memoryview(data)[start:position], messages)
    return messages


def _read_messages(block: memoryview, into: dict[tuple[str, str], list[str]]) -> None:
    position, forms, source, context = 0, [], "", ""
    while position < len(block):
        tag = block[position]
        position += 1
        if tag == _END:
            if forms and any(forms):
                into[(context, source)] = forms
            forms, source, context = [], "", ""
            continue
        if tag == _OBSOLETE1:
            position += 4
            continue
        if tag not in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT) or position + 4 > len(block):
            raise CatalogueError(f"unknown item {tag:#x} in the catalogue's messages")
        length = int.from_bytes(block[position:position + 4], "big")
        position += 4
        if length == _NULL:
            value = b""
        else:
            value = bytes(block[position:position + length])
            position += length
        if tag == _TRANSLATION:
            forms.append(value.decode("utf-16-be"))
        elif tag == _SOURCE:
            source = value.decode("utf-8")
        elif tag == _CONTEXT:
            context = value.decode("utf-8")


def normalise_language(language: str | None) -> str:
    """'ko_KR', 'KO', 'en-GB' -> 'ko' / 'en'; None or anything else -> Korean (the default)."""
    code = (language or "").strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in ("ko", "en") else DEFAULT_LANGUAGE


class Translations:
    """Translate (context, text) with a catalogue loaded on first use; English needs none."""

    def __init__(self, language: str | None = None, path: Path | None = None) -> None:
        self.language = normalise_language(language)
        self._path = path
        self._messages: dict[tuple[str, str], list[str]] | None = None

    def _catalogue(self) -> dict[tuple[str, str], list[str]]:
        if self._messages is None:
            self._messages = {}
            if self.language == "ko":
                try:
                    self._messages = read_qm((self._path or catalogue_path()).read_bytes())
                except (OSError, CatalogueError):
                    pass  # a broken install still speaks English rather than not at all
        return self._messages

    def translate(self, context: str, text: str) -> str:
        forms = self._catalogue().get((context, text)) if self.language != "en" else None
        return forms[0] if forms else text


def catalogue_path() -> Path:
    from intake_desktop.paths import resources_dir

    return resources_dir() / "i18n" / "intake_ko.qm"


_current = Translations(os.environ.get(LANG_ENV))


def set_language(language: str | None) -> None:
    """Choose the language of `translate` for this process (the CLI's --lang / INTAKE_LANG)."""
    global _current
    if normalise_language(language) != _current.language:
        _current = Translations(language)


def current_language() -> str:
    return _current.language


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate's answer, without Qt."""
    return _current.translate(context, text)
