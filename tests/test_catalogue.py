"""The Qt catalogue read without Qt (i18n/catalogue.py) gives exactly what Qt's QTranslator gives
for every message of the .ts, so the command line and the window never disagree."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from intake_desktop.i18n import catalogue

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n as i18n_tool  # noqa: E402  tools/i18n.py

QM = ROOT / "resources" / "i18n" / "intake_ko.qm"


def test_every_message_reads_as_qt_reads_it(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    ours = catalogue.read_qm(QM.read_bytes())
    messages = i18n_tool.messages()
    assert len(messages) > 1000
    for message in messages:
        qt = translator.translate(message["context"], message["source"])
        assert ours[(message["context"], message["source"])][0] == qt, message
        assert qt == message["forms"][0]


def test_translate_in_korean_and_english(tmp_path):
    korean = catalogue.Translations("ko_KR", QM)
    assert korean.translate("Argparse", "usage: ") == "사용법: "
    assert korean.translate("Cli", "no such source text") == "no such source text"
    assert catalogue.Translations("en", QM).translate("Argparse", "usage: ") == "usage: "


def test_a_missing_or_damaged_catalogue_falls_back_to_english(tmp_path):
    assert catalogue.Translations("ko", tmp_path / "missing.qm").translate("Argparse", "usage: ") == "usage: "
    damaged = tmp_path / "damaged.qm"
    damaged.write_bytes(QM.read_bytes()[:16] + b"\x69\xff\xff\xff\xff")
    assert catalogue.Translations("ko", damaged).translate("Argparse", "usage: ") == "usage: "
    with pytest.raises(catalogue.CatalogueError):
        catalogue.read_qm(b"not a catalogue at all")


@pytest.mark.parametrize("given, expected", [("ko", "ko"), ("en_GB.UTF-8", "en"), ("EN", "en"), (None, "ko"),
                                             ("fr", "ko")])
def test_language_names(given, expected):
    assert catalogue.normalise_language(given) == expected
