"""crypto/untrusted_json.py: the depth pre-scan agrees with the parser, and hostile text cannot
make it slow (the scan runs before parsing, on whatever a file holds)."""

from __future__ import annotations

import json
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_desktop.crypto import untrusted_json as uj

_tricky_text = st.text(alphabet='[]{}"\\ab,:', max_size=12)
_values = st.recursive(st.none() | st.integers() | _tricky_text,
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_tricky_text, inner, max_size=3),
                       max_leaves=30)


def _depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


@settings(max_examples=150, deadline=None)
@given(_values)
def test_prescan_depth_is_the_parsers_depth(value):
    text = json.dumps(value)
    assert uj.nesting_depth(text) == _depth(value)
    if _depth(value) <= uj.MAX_DEPTH:
        assert uj.loads(text) == value


@pytest.mark.parametrize("text", [
    "[" * 40 + '"' + '\\"' * 200_000,  # one string never closed, full of escaped quotes
    "[" * 40 + '"a' * 200_000,  # 200,000 quotes
    '["' + "[\\\\" * 200_000 + '"]',  # brackets and escapes inside one long string
], ids=["unclosed-escaped-quotes", "many-quotes", "long-string"])
def test_hostile_text_is_answered_quickly(text):
    """A scan that backs up would need minutes here (it used to: quadratic in the quotes)."""
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.setdefault("result", _try(text)), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "the depth scan did not finish in 30 s"
    assert outcome["result"] in ("not_json", "too_deep", "ok")


def _try(text: str) -> str:
    try:
        uj.loads(text)
    except uj.UntrustedJsonError as exc:
        return exc.code
    return "ok"


@pytest.mark.parametrize("text, code", [
    ("[" * 33 + "]" * 33, "too_deep"),
    ('{"a": 1, "a": 2}', "duplicate_key"),
    ('{"a": NaN}', "not_a_number"),
    ('{"a": 1e400}', "not_a_number"),
    ('{"a": ' + "9" * 5000 + "}", "not_json"),
    ("{", "not_json"),
])
def test_refusals_have_their_codes(text, code):
    with pytest.raises(uj.UntrustedJsonError) as refused:
        uj.loads(text)
    assert refused.value.code == code


def test_the_depth_limit_itself_is_accepted():
    assert uj.loads("[" * uj.MAX_DEPTH + "]" * uj.MAX_DEPTH) is not None
