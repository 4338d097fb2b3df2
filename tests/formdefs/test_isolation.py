"""formdefs stays pure: importing it loads no Qt, no SQL and no other app layer."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("PySide6", "shiboken6", "sqlalchemy", "sqlmodel", "alembic", "reportlab")
FORBIDDEN_LAYERS = ("crypto", "storage", "services", "ui", "letters", "cli", "app")


def test_import_loads_nothing_forbidden():
    code = (
        "import sys, intake_desktop.formdefs as f\n"
        "f.FormRegistry.from_directory()\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    bad = [m for m in out if m.split(".")[0] in FORBIDDEN]
    bad += [m for m in out if m.startswith("intake_desktop.") and m.split(".")[1] in FORBIDDEN_LAYERS]
    assert bad == []
