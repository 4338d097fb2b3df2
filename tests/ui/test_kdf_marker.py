"""The `real_kdf` marker works in the GUI tests too (the cheap KDF comes from tests/conftest.py)."""

from __future__ import annotations

import pytest

from intake_desktop.crypto import kdf


def test_gui_tests_use_the_cheap_kdf_by_default(cheap_kdf):
    assert cheap_kdf is True and kdf._policy.test_mode


@pytest.mark.real_kdf
def test_real_kdf_marker_is_honoured_under_tests_ui(cheap_kdf):
    assert cheap_kdf is False and not kdf._policy.test_mode
