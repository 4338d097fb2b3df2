"""Reading a compiled Qt catalogue (.qm) without Qt, for the command line.

The command line must not need Qt (issue 12): it translates its messages and the services'
error messages from `resources/i18n/intake_ko.qm`, the same file the GUI loads into a
QTranslator. A .qm file is a 16-byte magic number and tagged sections; the messages section
holds, per message, its context, source text and translation(s) (lrelease keeps them), so a
dictionary keyed by (context, source) answers every lookup the command line makes. A file that
cannot be read gives an empty catalogue: messages then stay in English, as with Qt.
"""

from __future__ import annotations

import struct
from pathlib import Path

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


class Catalogue:
    def __init__(self, messages: dict[tuple[str, str], str] | None = None) -> None:
        self._messages = messages or {}

    def __len__(self) -> int:
        return len(self._messages)

    def translate(self, context: str, text: str) -> str:
        return self._messages.get((context, text)) or text

    @classmethod
    def load(cls, path: Path) -> Catalogue:
        try:
            return cls(_parse(Path(path).read_bytes()))
        except (OSError, ValueError, struct.error):
            return cls()


def _parse(data: bytes) -> dict[tuple[str, str], str]:
    if data[:16] != QM_MAGIC:
        raise ValueError("not a Qt catalogue")
    pos, body = 16, b""
    while pos + 5 <= len(data):
        tag = data[pos]
        (length,) = struct.unpack(">I", data[pos + 1:pos + 5])
        if tag == _MESSAGES:
            body = data[pos + 5:pos + 5 + length]
        pos += 5 + length
    messages: dict[tuple[str, str], str] = {}
    fields: dict[int, bytes] = {}
    translations: list[str] = []
    at = 0
    while at < len(body):
        tag = body[at]
        at += 1
        if tag == _END:
            if _SOURCE in fields and _CONTEXT in fields and translations:
                messages[(fields[_CONTEXT].decode("utf-8"), fields[_SOURCE].decode("utf-8"))] = translations[0]
            fields, translations = {}, []
        elif tag == _OBSOLETE1:
            at += 4
        elif tag in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
            (length,) = struct.unpack(">I", body[at:at + 4])
            at += 4
            if length == 0xFFFFFFFF:  # a null string
                continue
            value = body[at:at + length]
            at += length
            if tag == _TRANSLATION:
                translations.append(value.decode("utf-16-be"))
            else:
                fields[tag] = value
        else:
            raise ValueError(f"unknown tag {tag} in a Qt catalogue")
    return messages
