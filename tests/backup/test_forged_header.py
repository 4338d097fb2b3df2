"""A backup header forged to attack the parser (issue 13, item 3): its digest is recomputed, so
only the parser stands between the bytes and the program. Every such header is damage (exit 4),
refused before any key is derived, never an unexpected error."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from intake_desktop.crypto import backup_file as bf


def _forged(header_text: str) -> bytes:
    body = header_text.encode()
    head = bf.PRELUDE.pack(bf.MAGIC, bf.FORMAT_VERSION, len(body)) + body
    return head + hashlib.sha256(head).digest() + b"\x00" * 64


def _real_header_json(backup_copy) -> dict:
    blob = backup_copy.read_bytes()
    length = bf.PRELUDE.unpack(blob[:bf.PRELUDE.size])[2]
    return json.loads(blob[bf.PRELUDE.size:bf.PRELUDE.size + length])


FORGERIES = {
    "200k-brackets": "[" * 200_000 + "]" * 200_000,
    "deep-inside-an-object": '{"format": "intake-desktop backup", "key_slots": ' + "[" * 5000 + "]" * 5000 + "}",
    "nan": '{"format": NaN}',
    "duplicate-format": '{"format": "intake-desktop backup", "format": "x"}',
}


@pytest.mark.parametrize("text", FORGERIES.values(), ids=FORGERIES.keys())
def test_forged_header_is_damage(text):
    with pytest.raises(bf.NotABackupError):
        bf.read_header(io.BytesIO(_forged(text)))


def test_duplicate_key_in_a_real_header_is_refused(backup_copy):
    """Two `vault_id` keys: a parser that keeps the last one could be shown one vault and
    open another. The digest is recomputed, so only the parser can notice."""
    data = _real_header_json(backup_copy)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    doubled = text.replace('"vault_id":', '"vault_id":"00000000-0000-0000-0000-000000000000","vault_id":', 1)
    assert doubled != text
    with pytest.raises(bf.NotABackupError):
        bf.read_header(io.BytesIO(_forged(doubled)))


@pytest.mark.parametrize("command", ["info", "verify"])
def test_forged_header_through_the_command_line(tmp_path, cli, command):
    path = tmp_path / "forged.ikbak"
    path.write_bytes(_forged(FORGERIES["200k-brackets"]))
    args = ["backup", command, path] + (["--user", "admin"] if command == "verify" else [])
    result = cli(*args, data_dir=tmp_path / "none")
    assert result.code == 4, result.err
    assert "Unexpected error" not in result.err and "Traceback" not in result.err
