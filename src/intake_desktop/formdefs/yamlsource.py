"""YAML text -> plain Python data plus a map from data path to source line.

PyYAML's normal loaders throw the node marks away. We compose the node tree ourselves and
build the data from it, remembering where every mapping value and list item started, so a
problem found later (by pydantic or by our own checks) can name the line it came from.
"""

from __future__ import annotations

from typing import Any

import yaml

Path = tuple[Any, ...]


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


class DuplicateKey:
    """A mapping key written twice. PyYAML would silently keep the last one."""

    def __init__(self, path: Path, key: Any, line: int):
        self.path, self.key, self.line = path, key, line


class SourceMap:
    """Data path (keys and list indices) -> 1-based line of that value in the file."""

    def __init__(self) -> None:
        self.lines: dict[Path, int] = {}
        self.duplicate_keys: list[DuplicateKey] = []

    def line_for(self, path: Path) -> int | None:
        """Line of the deepest known prefix of path (pydantic paths may name union members)."""
        best = self.lines.get(())
        current: Path = ()
        for part in path:
            candidate = (*current, part)
            if candidate in self.lines:
                current = candidate
                best = self.lines[candidate]
            # else: a part that is not in the data (e.g. a pydantic tag); skip it
        return best


def parse_yaml(text: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document. Raises YamlSyntaxError with the line of the first syntax error."""
    source = SourceMap()
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        message = " ".join(part for part in (exc.context, exc.problem) if part) or str(exc)
        raise YamlSyntaxError(f"malformed YAML: {message}", line) from exc
    except yaml.YAMLError as exc:  # e.g. more than one document
        raise YamlSyntaxError(f"malformed YAML: {exc}", None) from exc
    if node is None:
        return None, source
    constructor = yaml.SafeLoader("")  # only used to build scalars with the safe tag rules
    try:
        data = _build(node, (), source, constructor)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise YamlSyntaxError(f"malformed YAML: {exc.problem}", mark.line + 1 if mark else None) from exc
    return data, source


def _build(node: yaml.Node, path: Path, source: SourceMap, constructor: yaml.SafeLoader) -> Any:
    source.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _build(key_node, (*path, "<key>"), source, constructor)
            if isinstance(key, list | dict):
                raise YamlSyntaxError("malformed YAML: a mapping key must be a plain value", key_node.start_mark.line + 1)
            if key in result:
                source.duplicate_keys.append(DuplicateKey(path, key, key_node.start_mark.line + 1))
            # the key's line is where a reader looks for "this entry"
            source.lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*path, key), source, constructor)
        source.lines.pop((*path, "<key>"), None)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), source, constructor) for i, item in enumerate(node.value)]
    return constructor.construct_object(node, deep=True)
