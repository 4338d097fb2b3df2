from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from intake_desktop.formdefs import FormDefinitionError, FormRegistry, load_form_file


@pytest.fixture(scope="session")
def registry() -> FormRegistry:
    return FormRegistry.from_directory()


@pytest.fixture(scope="session")
def intake(registry):
    return registry.get("intake-youth")


@pytest.fixture()
def write_form(tmp_path: Path):
    """Write dedented YAML to a file and return its path."""

    def write(text: str, name: str = "form.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture()
def load_problems(write_form):
    """Load YAML that must fail; return (path, problems)."""

    def load(text: str, name: str = "form.yaml"):
        path = write_form(text, name)
        with pytest.raises(FormDefinitionError) as info:
            load_form_file(path)
        return path, info.value.problems

    return load
