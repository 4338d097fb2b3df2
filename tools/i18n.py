#!/usr/bin/env python3
"""Translation pipeline: English source strings -> resources/i18n/intake_ko.ts -> intake_ko.qm.

    python tools/i18n.py update    # collect strings from every .py under src/intake_desktop
                                   # (self.tr, QCoreApplication.translate, QT_TRANSLATE_NOOP),
                                   # keeping existing translations; new ones are "unfinished"
    python tools/i18n.py release   # compile the .ts into the .qm the app loads
    python tools/i18n.py check     # list unfinished or missing translations; exit 1 if any

lupdate's Python parser silently skips a translate() call whose arguments hold a nested call
(e.g. a numerus count written as len(x)): pass such values as plain names.
tests/ui/test_translation_markers.py finds every marked literal with Python's own parser and
fails when one is missing here.

Both files are committed. Locations are not stored in the .ts (-locations none): line numbers
would change with every edit anywhere and bury real translation changes in the diff.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "intake_desktop"
TS_FILE = ROOT / "resources" / "i18n" / "intake_ko.ts"
QM_FILE = ROOT / "resources" / "i18n" / "intake_ko.qm"

# The command line translates with its own module-level `tr(text)`, which calls
# QCoreApplication.translate("Cli", text). lupdate cannot see that and files those strings
# under an empty context, where the CLI would never find them. So around each lupdate run the
# empty context is renamed: "Cli" -> "" before (so lupdate keeps the translations), "" -> "Cli"
# after. Only the CLI may call a bare module-level tr().
MODULE_LEVEL_TR_CONTEXT = "Cli"
_EMPTY_CONTEXT = "<context>\n    <name></name>"
_CLI_CONTEXT = f"<context>\n    <name>{MODULE_LEVEL_TR_CONTEXT}</name>"


def _tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv's), else whatever is on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def _rename_context(ts_file: Path, old: str, new: str) -> None:
    if ts_file.exists():
        text = ts_file.read_text(encoding="utf-8")
        ts_file.write_text(re.sub(re.escape(old) + r"(?=\n)", new, text), encoding="utf-8")


def update(ts_file: Path = TS_FILE, *, quiet: bool = False) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    _rename_context(ts_file, _CLI_CONTEXT, _EMPTY_CONTEXT)
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    command = [
        _tool("pyside6-lupdate"), *files, "-ts", str(ts_file), "-no-obsolete",
        "-locations", "none", "-source-language", "en", "-target-language", "ko_KR",
    ]
    if quiet:
        command.append("-silent")
    try:
        subprocess.run(command, check=True, cwd=ROOT)
    finally:
        _rename_context(ts_file, _EMPTY_CONTEXT, _CLI_CONTEXT)


def release(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE, *, quiet: bool = False) -> None:
    command = [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)]
    if quiet:
        command.append("-silent")
    subprocess.run(command, check=True, cwd=ROOT)


def messages(ts_file: Path = TS_FILE) -> list[dict]:
    """Every message of a .ts: context, source, translation forms and whether it is finished."""
    result = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            result.append({
                "context": name,
                "source": message.findtext("source"),
                "numerus": message.get("numerus") == "yes",
                "forms": forms,
                "finished": translation.get("type") not in ("unfinished", "vanished", "obsolete"),
            })
    return result


def problems(ts_file: Path = TS_FILE) -> list[str]:
    return [
        f"[{m['context']}] {m['source']!r}"
        for m in messages(ts_file)
        if not m["finished"] or not all(form.strip() for form in m["forms"])
    ]


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        missing = problems()
        for line in missing:
            print("untranslated:", line)
        print(f"{len(missing)} untranslated of {len(messages())}")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
