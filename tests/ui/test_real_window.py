"""The app as a counsellor starts it: the real program on a real X server (Xvfb), Qt's xcb
platform plugin loaded (QT_QPA_PLATFORM unset), a fresh data folder. The first window must be
the set-up wizard, titled in Korean, at its full size, and actually painted (screenshot).

The rest of the suite runs offscreen, where the xcb plugin is never loaded: this is the test
that fails when a system library the plugin needs is missing (issue 11). In CI it never skips:
`.ci/run` installs Xvfb, xwininfo and ImageMagick (`python3 dev.py setup --tests`)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from intake_desktop.i18n.catalogue import Translations

ROOT = Path(__file__).resolve().parents[2]


def _window_check():
    spec = importlib.util.spec_from_file_location("window_check", ROOT / "tools" / "window_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


window_check = _window_check()


@pytest.fixture
def x_tools():
    if not sys.platform.startswith("linux"):
        pytest.skip("the X server test runs on Linux")
    missing = window_check.missing_tools()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (python3 dev.py setup --tests)")
        pytest.skip(f"not installed: {missing} (python3 dev.py setup --tests)")


def test_the_first_window_on_a_real_x_server(x_tools, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("INTAKE_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"))
    title = Translations("ko").translate("FirstRunWizard", "Set up intake-desktop")
    assert title != "Set up intake-desktop"  # the Korean title, or the test would not see a missing catalogue
    shot = tmp_path / "first-window.png"
    result = window_check.check([sys.executable, "-m", "intake_desktop"], title, (640, 520), shot, env=env)
    assert result["ok"], result
    assert result["window"]["title"] == title
    assert (result["window"]["width"], result["window"]["height"]) >= (640, 520)
    assert result["colours"] >= 16 and shot.stat().st_size > 5000
    assert not (home / ".local/share/intake-desktop/vault.sqlite").exists()  # the wizard creates nothing yet
