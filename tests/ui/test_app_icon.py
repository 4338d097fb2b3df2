"""The window icon comes from resources/icons in every shipped size."""

from __future__ import annotations


def test_the_app_icon_has_every_shipped_size(qapp):
    from intake_desktop.ui.app import app_icon

    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
