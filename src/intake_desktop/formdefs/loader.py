"""Load one form definition from YAML, reporting every problem with file and line."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any, Mapping

from pydantic import ValidationError

from intake_desktop.domain.korean import nfc
from intake_desktop.formdefs.checks import FIELD_TYPES, check_definition
from intake_desktop.formdefs.errors import FormDefinitionError, FormProblem
from intake_desktop.formdefs.model import FormDefinition
from intake_desktop.formdefs.yamlsource import SourceMap, YamlSyntaxError, parse_yaml


def load_form_file(path: str | FsPath) -> FormDefinition:
    path = FsPath(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormDefinitionError([FormProblem(str(path), None, None, "unreadable", f"cannot read file: {exc}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormDefinitionError([FormProblem(str(path), None, None, "not_utf8", "form files must be UTF-8")]) from exc
    return load_form_text(text, str(path))


def load_form_text(text: str, source_name: str) -> FormDefinition:
    """Parse and validate one definition. source_name is used in problem reports only."""
    # NFC first: a definition edited on macOS may arrive decomposed (NFD), which would break
    # comparisons with NFC answers and give the same form two hashes. YAML syntax is ASCII,
    # so normalising the whole text changes neither structure nor line numbers.
    text = nfc(text.lstrip("\ufeff"))
    try:
        data, source = parse_yaml(text)
    except YamlSyntaxError as exc:
        raise FormDefinitionError([FormProblem(source_name, exc.line, None, "malformed_yaml", exc.message)]) from None
    checked = check_definition(data, source, source_name)
    problems = list(checked.problems)
    form: FormDefinition | None = None
    if isinstance(data, dict):
        try:
            form = FormDefinition.model_validate(data)
        except ValidationError as exc:
            problems.extend(_pydantic_problems(exc, data, source, source_name))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.code))
        raise FormDefinitionError(problems)
    assert form is not None
    form._source_name = source_name
    form._source_map = source
    form._deferred_refs = tuple(checked.deferred_field_refs)
    form._score_refs = tuple(checked.score_refs)
    return form


def _pydantic_problems(exc: ValidationError, data: Any, source: SourceMap, file: str) -> list[FormProblem]:
    # A union (e.g. "text or whole number") fails once per member; merge those into one
    # problem per place so an admin reads one sentence, not one per union member.
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for err in exc.errors():
        loc = tuple(err["loc"])
        data_loc = _data_path(data, loc)
        code, message, hint = _describe(err, loc, data_loc)
        entry = merged.setdefault((data_loc, code), {
            "line": source.line_for(loc), "field_id": _field_id_at(data, loc), "messages": [], "hint": None,
        })
        if message not in entry["messages"]:
            entry["messages"].append(message)
        entry["hint"] = entry["hint"] or hint
    problems = []
    for (data_loc, code), entry in merged.items():
        text = " or ".join(entry["messages"])
        if code == "invalid":
            text = f"{'.'.join(str(p) for p in data_loc) or '(top level)'}: {text}"
        if entry["hint"]:
            text += f" ({entry['hint']})"
        problems.append(FormProblem(file, entry["line"], entry["field_id"], code, text))
    return problems


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """loc without the parts pydantic adds (union member and tag names)."""
    node, path = data, []
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif not isinstance(node, dict | list) or isinstance(part, int):
            continue
        elif part in ("str", "int", "bool", "float", "list", "date") or "[" in str(part):
            continue
        else:
            path.append(part)  # a missing key: keep it, it names the problem
    return tuple(path)


def _describe(err: Mapping[str, Any], loc: tuple[Any, ...], data_loc: tuple[Any, ...]) -> tuple[str, str, str | None]:
    """(code, message, hint). For code "invalid" the message is bare; the caller adds where."""
    where = ".".join(str(part) for part in data_loc) or "(top level)"
    kind = err["type"]
    if loc and loc[-1] == "type" and "fields" in loc and kind in ("enum", "literal_error"):
        known = ", ".join(sorted(FIELD_TYPES))
        return "unknown_field_type", f"unknown field type {err.get('input')!r} (known types: {known})", None
    if kind == "extra_forbidden":
        return "unknown_key", f"unknown key '{loc[-1]}' at {where}", None
    if kind == "missing":
        return "missing_key", f"missing required key '{loc[-1]}' at {where}", None
    hint = None
    if isinstance(err.get("input"), bool) and kind in ("string_type", "int_type"):
        # YAML 1.1 reads yes/no/on/off as booleans: the usual surprise for option values
        hint = "YAML reads yes, no, on, off, true and false as booleans: put the value in quotes"
    return "invalid", err["msg"].removeprefix("Value error, ").lower(), hint


def _field_id_at(data: Any, loc: tuple[Any, ...]) -> str | None:
    """The id of the innermost field (or other id-carrying entry) the location is inside."""
    node, found = data, None
    for depth, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            continue
        if depth and isinstance(node, dict) and isinstance(node.get("id"), str) and loc[depth - 1] != "when":
            found = node["id"]
    return found
