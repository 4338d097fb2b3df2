"""JSON that comes from outside the program: import files and backup headers.

Python's parser recurses once per nesting level, so a line of 200,000 `[` ends in a
RecursionError (not a ValueError) that no caller expects; it also keeps the last of two equal
keys silently and accepts NaN and Infinity, which are not JSON. `loads` bounds the depth
*before* parsing, refuses duplicate keys and non-standard constants, and reports every refusal
as `UntrustedJsonError` (a ValueError), with a reason code and parameters the caller can turn
into its own message.

It lives in crypto/ because that is the lowest layer: the backup header parser needs it and
imports nothing else of the package; services use the same function for import files.
"""

from __future__ import annotations

from typing import NoReturn

import json
import re

MAX_DEPTH = 32  # an import record nests 3 levels, a backup header 4

# A string: a quote, then runs of ordinary characters and escapes, then the closing quote, or
# the end of the text for a string never closed (the parser fails inside it, so nothing after it
# counts). Matching never backs up, so the scan is linear even for hostile text: a pattern that
# required the closing quote would rescan to the end from every quote of `"\"\"\"…`.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class UntrustedJsonError(ValueError):
    """`code` is "not_json", "too_deep", "duplicate_key" or "not_a_number"; `params` fill a
    message (for "duplicate_key", the key, cut to 40 characters)."""

    def __init__(self, code: str, detail: str = "", **params: object) -> None:
        super().__init__(detail or code)
        self.code = code
        self.params = params


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in `text`, brackets inside strings not counted.

    Cheap for ordinary input: with no more opening brackets than the limit the depth cannot be
    larger, so the scan below only runs for text that has many; it is linear in the text.
    Strings are removed with the same rule the parser uses (a quote, then escapes or anything
    but a quote); for text that is not JSON the count may come out high, never low before the
    point where parsing would fail.
    """
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _refuse_constant(name: str) -> NoReturn:
    raise UntrustedJsonError("not_a_number", f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):  # 1e400: a number JSON can write, Python cannot hold
        raise UntrustedJsonError("not_a_number", f"{text[:40]} is out of range")
    return value


def _object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise UntrustedJsonError("duplicate_key", f"duplicate key {key[:40]!r}", key=key[:40])
            seen.add(key)
    return result


def loads(text: str, *, max_depth: int = MAX_DEPTH) -> object:
    """Parse `text` as strict JSON no deeper than `max_depth`. Raises UntrustedJsonError."""
    if text.count("[") + text.count("{") > max_depth and nesting_depth(text) > max_depth:
        raise UntrustedJsonError("too_deep", f"nested more than {max_depth} levels", max=max_depth)
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_refuse_constant,
                          parse_float=_finite)
    except UntrustedJsonError:
        raise
    except RecursionError as exc:  # cannot happen after the depth check; kept as a second wall
        raise UntrustedJsonError("too_deep", "nested too deeply", max=max_depth) from exc
    except ValueError as exc:
        raise UntrustedJsonError("not_json", str(exc)) from exc
