"""The command line starts fast: `--version` and `--help` import no Qt, no database stack, no
PDF library (checked in a fresh interpreter, through sys.modules), and the CLI translates its
messages without Qt (the Qt catalogue read by i18n/catalogue.py). Times: benchmarks/cli_startup.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from intake_desktop.cli import common
from intake_desktop.services import errors as E

HEAVY = ("PySide6", "shiboken6", "sqlalchemy", "sqlmodel", "alembic", "reportlab", "cryptography", "pydantic",
         "yaml", "platformdirs")


def modules_after(argv: list[str], env_lang: str | None = None) -> tuple[set[str], str, int]:
    """The modules a fresh interpreter holds after `intake-desktop ARGV`, its output and exit code."""
    code = (
        "import io, json, sys, contextlib\n"
        "from intake_desktop.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):\n"
        f"    rc = main({argv!r})\n"
        "print(json.dumps({'modules': sorted(sys.modules), 'out': out.getvalue(), 'rc': rc}))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "INTAKE_DATA_DIR": "/nonexistent/intake-test"}
    if env_lang:
        env["INTAKE_LANG"] = env_lang
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.splitlines()[-1])
    return set(data["modules"]), data["out"], data["rc"]


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_version_imports_nothing_heavy_and_no_service():
    modules, out, rc = modules_after(["--version"])
    assert rc == 0 and out.startswith("intake-desktop ")
    assert heavy(modules) == []
    assert [m for m in modules if m.startswith("intake_desktop.services")] == []
    assert "intake_desktop.cli.vault_commands" not in modules  # answered before the parser is built


def test_version_after_global_options_is_answered_the_same_way():
    modules, out, rc = modules_after(["--lang", "en", "--data-dir", "x", "--version"])
    assert rc == 0 and out.startswith("intake-desktop ") and heavy(modules) == []


@pytest.mark.parametrize("argv", [["--help"], ["backup", "--help"], ["letter", "--help"], ["stats", "--help"]])
def test_help_imports_nothing_heavy(argv):
    modules, out, rc = modules_after(argv)
    assert rc == 0 and "intake-desktop" in out
    assert heavy(modules) == []


def test_usage_errors_and_service_errors_are_translated_without_qt():
    modules, out, rc = modules_after(["cases", "--user", "kim"])  # no vault: a service error
    assert rc == E.EXIT_FAILURE
    assert "보관함이 없습니다" in out
    assert [m for m in modules if m.startswith(("PySide6", "shiboken6"))] == []
    modules, out, rc = modules_after(["cases"], env_lang="en")
    assert rc == E.EXIT_USAGE and "the following arguments are required: --user" in out
    assert [m for m in modules if m.startswith(("PySide6", "shiboken6"))] == []


def test_the_exit_code_for_usage_errors_is_the_services_one():
    assert common.EXIT_USAGE == E.EXIT_USAGE
