"""The intake screen shows a phone number as the letter prints it (issue 12: one format_phone)."""

from __future__ import annotations

import pytest

from intake_desktop.formdefs import FormRegistry
from intake_desktop.letters.formatting import format_phone as printed
from intake_desktop.ui.intake_form.field_widgets import PhoneEditor


@pytest.mark.parametrize("stored, shown", [
    ("05051234567", "0505-123-4567"),  # was 050-5123-4567 on screen
    ("０１０１２３４５６７８", "010-1234-5678"),
    ("01012345678", "010-1234-5678"),
])
def test_phone_editor_shows_what_the_letter_prints(qtbot, stored, shown):
    form = FormRegistry.from_directory().get("intake-youth")
    field = next(f for s in form.sections for f in s.fields if f.id == "mobile")
    editor = PhoneEditor(field, "휴대전화", "ko")
    qtbot.addWidget(editor)
    editor.set_value(stored)
    assert editor.edit.text() == shown == printed(stored)
