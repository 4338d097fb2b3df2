"""The command line needs no Qt: it translates from the compiled catalogue itself."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from intake_desktop.i18n.catalogue import Catalogue
from intake_desktop.paths import resources_dir


def test_a_command_runs_in_korean_without_loading_qt(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from intake_desktop.cli import main
        code = main(["--lang", "ko", "backup", "info", {str(tmp_path / "missing.ikbak")!r}])
        print("QT LOADED" if any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules) else "NO QT")
        sys.exit(code)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.stdout.strip().endswith("NO QT"), run.stdout
    assert run.returncode == 1
    assert "missing.ikbak" in run.stderr and any("\uac00" <= ch <= "\ud7a3" for ch in run.stderr), run.stderr


def test_the_catalogue_reader_agrees_with_the_shipped_file():
    catalogue = Catalogue.load(resources_dir() / "i18n" / "intake_ko.qm")
    assert len(catalogue) > 1000
    assert catalogue.translate("Cli", "Interrupted; nothing was changed.") != "Interrupted; nothing was changed."
    assert catalogue.translate("Cli", "no such message") == "no such message"


def test_a_damaged_catalogue_leaves_english(tmp_path):
    broken = tmp_path / "broken.qm"
    broken.write_bytes(b"not a catalogue")
    assert len(Catalogue.load(broken)) == 0
    assert len(Catalogue.load(tmp_path / "absent.qm")) == 0
    truncated = tmp_path / "truncated.qm"
    truncated.write_bytes((resources_dir() / "i18n" / "intake_ko.qm").read_bytes()[:5000])
    assert Catalogue.load(truncated).translate("Errors", "x") == "x"
