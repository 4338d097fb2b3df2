"""Every kind of damage to a backup file is refused by verify and by restore, with exit code 4,
and neither the live vault nor the target folder is changed."""

from __future__ import annotations

import hashlib
import io
import json
import random
from pathlib import Path

import pytest

from intake_desktop.crypto import backup_file as bf
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import backup as B
from intake_desktop.services import errors as E

from .conftest import PASSPHRASE, files_digest

CHUNK = bf.STREAM_CHUNK_BYTES + bf.STREAM_TAG_BYTES  # one ciphertext chunk


def _layout(blob: bytes) -> tuple[int, int, int]:
    """(header length, body offset, number of body chunks)."""
    parsed = bf.read_header(io.BytesIO(blob))
    header_length = parsed.body_offset - bf.PRELUDE.size - bf.DIGEST_BYTES
    body = len(blob) - parsed.body_offset - bf.STREAM_HEADER_BYTES
    return header_length, parsed.body_offset, -(-body // CHUNK)


def _field_positions(blob: bytes, header_length: int) -> dict[str, int]:
    """A byte inside each interesting header field, found in the JSON text."""
    text = blob[bf.PRELUDE.size:bf.PRELUDE.size + header_length].decode()
    data = json.loads(text)
    wanted = {
        "backup_id": data["backup_id"], "vault_id": data["vault_id"], "created_at": data["created_at"],
        "schema_revision": '"schema_revision":"',
        "slot_wrapped_key": data["key_slots"][0]["wrapped_key"],
        "slot_salt": data["key_slots"][0]["kdf"]["salt"],
        "slot_memory": '"memory_kib":',
        "recovery_wrapped_key": next(s for s in data["key_slots"] if s["kind"] == "recovery")["wrapped_key"],
        "file_key": data["file_key"]["wrapped"],
        "centre_name": data["centre_name"],
    }
    positions = {}
    for name, needle in wanted.items():
        index = text.index(needle)
        positions[name] = bf.PRELUDE.size + len(text[:index + len(needle) // 2].encode())
    return positions


def damage_cases(blob: bytes) -> dict[str, bytes]:
    header_length, body, chunks = _layout(blob)
    size = len(blob)
    cases: dict[str, bytes] = {}

    def flip(name: str, position: int) -> None:
        changed = bytearray(blob)
        changed[position] ^= 0x01
        cases[f"flip {name} @{position}"] = bytes(changed)

    for position in range(0, 8):
        flip("magic", position)
    flip("version", 9)
    flip("header length", 13)
    flip("header length (high)", 10)
    for name, position in _field_positions(blob, header_length).items():
        flip(f"header {name}", position)
    flip("header digest first", body - bf.DIGEST_BYTES)
    flip("header digest last", body - 1)
    for position in (body, body + 31, body + 32, body + bf.STREAM_HEADER_BYTES - 1):
        flip("stream header", position)
    for k in range(chunks):
        start = body + bf.STREAM_HEADER_BYTES + k * CHUNK
        for offset in (-1, 0, 1, CHUNK // 2, CHUNK - bf.STREAM_TAG_BYTES, CHUNK - 1):
            if body + bf.STREAM_HEADER_BYTES <= start + offset < size:
                flip(f"chunk {k}", start + offset)
    flip("last byte", size - 1)

    cuts = {0, 1, 7, 8, 13, 14, 15, body - bf.DIGEST_BYTES, body - 1, body, body + 1,
            body + bf.STREAM_HEADER_BYTES, size - 1, size - bf.STREAM_TAG_BYTES}
    for k in range(1, chunks):
        start = body + bf.STREAM_HEADER_BYTES + k * CHUNK
        cuts.update({start - 1, start, start + 1})
    rng = random.Random(7)
    cuts.update(rng.randrange(0, size) for _ in range(12))
    for cut in sorted(c for c in cuts if 0 <= c < size):
        cases[f"truncate to {cut}"] = blob[:cut]

    first = body + bf.STREAM_HEADER_BYTES
    if chunks >= 3:
        a, b = first + CHUNK, first + 2 * CHUNK
        cases["swap chunks 1 and 2"] = blob[:a] + blob[b:b + CHUNK] + blob[a:b] + blob[b + CHUNK:]
        cases["swap chunks 0 and 1"] = blob[:first] + blob[a:b] + blob[first:a] + blob[b:]
        assert cases["swap chunks 0 and 1"] != blob and cases["swap chunks 1 and 2"] != blob
        cases["drop chunk 1"] = blob[:a] + blob[b:]
        cases["repeat chunk 1"] = blob[:b] + blob[a:b] + blob[b:]
    cases["append 1 byte"] = blob + b"\x00"
    cases["append 16 bytes"] = blob + bytes(16)
    cases["append a chunk"] = blob + blob[first:first + CHUNK]
    cases["append the last chunk again"] = blob + blob[size - (size - first) % CHUNK:]
    cases["prepend a byte"] = b"\x00" + blob
    return cases


@pytest.fixture(scope="module")
def cases(template_backup) -> dict[str, bytes]:
    blob = template_backup.read_bytes()
    assert _layout(blob)[2] >= 10, "the template backup should span many chunks"
    return damage_cases(blob)


def test_the_matrix_covers_every_region(cases, template_backup):
    names = " | ".join(cases)
    for region in ("magic", "version", "header length", "header backup_id", "header slot_wrapped_key",
                   "header file_key", "header digest", "stream header", "chunk 0", "chunk 9",
                   "last byte", "truncate", "swap", "append", "prepend"):
        assert region in names, region
    assert len(cases) > 120


def test_every_damage_is_refused_by_verify_and_restore(cases, template, tmp_path):
    live_before = files_digest(template.data_dir)
    secret = B.BackupSecret.passphrase(PASSPHRASE, "admin")
    accepted = []
    for index, (name, blob) in enumerate(cases.items()):
        path = tmp_path / f"damaged-{index}.ikbak"
        path.write_bytes(blob)
        into = tmp_path / f"restore-{index}"
        for action in ("verify", "restore"):
            try:
                with B.open_backup(path, secret) as opened:
                    if action == "verify":
                        B.verify_backup(opened)
                    else:
                        B.restore_backup(opened, into)
            except E.DamagedError:
                continue
            except E.ServiceError as error:
                accepted.append((name, action, type(error).__name__, error.render()))
                continue
            accepted.append((name, action, "accepted", ""))
        # Nothing was published and no scratch file was left behind.
        assert not into.exists() or sorted(p.name for p in into.iterdir()) in ([], ["vault.lock"]), name
        assert path.read_bytes() == blob
    assert accepted == []
    assert files_digest(template.data_dir) == live_before


def test_cli_exit_code_4_for_damage_and_the_live_vault_is_untouched(cases, vault_copy, cli, tmp_path):
    before = files_digest(vault_copy.data_dir)
    rng = random.Random(11)
    sample = rng.sample(sorted(cases), 12) + ["flip magic @0", "append 1 byte", "swap chunks 1 and 2"]
    for index, name in enumerate(sample):
        path = tmp_path / f"d{index}.ikbak"
        path.write_bytes(cases[name])
        result = cli("backup", "verify", path, "--user", "admin", data_dir=vault_copy.data_dir)
        assert result.code == 4, (name, result)
        assert "damaged" in result.err and "Traceback" not in result.err
        into = tmp_path / f"into-{index}"
        result = cli("backup", "restore", path, "--into", into, "--user", "admin", data_dir=vault_copy.data_dir)
        assert result.code == 4, (name, result)
        assert not (into / VAULT_FILE).exists()
    assert files_digest(vault_copy.data_dir) == before


def test_cli_wrong_secrets_exit_3(backup_copy, vault_copy, cli, tmp_path):
    from intake_desktop.crypto import recovery

    before = files_digest(vault_copy.data_dir)

    def run(*args, passphrase=PASSPHRASE):
        return cli(*args, data_dir=vault_copy.data_dir, passphrase=passphrase).code

    wrong = "wrong horse battery"
    assert run("backup", "verify", backup_copy, "--user", "admin", passphrase=wrong) == 3
    assert run("backup", "verify", backup_copy, passphrase=wrong) == 3  # every slot tried
    assert run("backup", "restore", backup_copy, "--into", tmp_path / "r", "--user", "admin", passphrase=wrong) == 3
    assert run("backup", "verify", backup_copy, "--user", "nobody") == 3
    wrong_key = tmp_path / "wrong.key"
    wrong_key.write_text(recovery.generate())
    assert run("backup", "verify", backup_copy, "--recovery-key-file", wrong_key) == 3
    typo = tmp_path / "typo.key"
    typo.write_text(vault_copy.recovery_key[:-1] + ("0" if vault_copy.recovery_key[-1] != "0" else "1"))
    assert run("backup", "verify", backup_copy, "--recovery-key-file", typo) == 3
    assert run("backup", "restore", backup_copy, "--into", tmp_path / "r", "--recovery-key-file", wrong_key) == 3
    assert not (tmp_path / "r" / VAULT_FILE).exists()
    assert files_digest(vault_copy.data_dir) == before


def test_forged_header_with_recomputed_digest(backup_copy, tmp_path):
    """An attacker who rewrites the header and its (unkeyed) digest still gets nowhere: the
    body is bound to the header bytes, and the wrapped keys are AES-GCM. A changed account slot
    can only make the passphrase look wrong (GCM cannot tell the two apart)."""
    blob = backup_copy.read_bytes()
    parsed = bf.read_header(io.BytesIO(blob))
    body = blob[parsed.body_offset:]
    header = parsed.header

    def forge(**changes) -> Path:
        forged = bf.BackupHeader(**{**header.__dict__, **changes})
        head = forged.encode()
        path = tmp_path / f"forged-{len(list(tmp_path.iterdir()))}.ikbak"
        path.write_bytes(head + hashlib.sha256(head).digest() + body)
        return path

    secret = B.BackupSecret.passphrase(PASSPHRASE, "admin")
    older = forge(created_at="2020-01-01T00:00:00+00:00")
    with B.open_backup(older, secret) as opened, pytest.raises(E.DamagedError):
        B.verify_backup(opened)
    wrapped = bytearray(header.wrapped_file_key)
    wrapped[20] ^= 1
    with pytest.raises(E.DamagedError):
        B.open_backup(forge(wrapped_file_key=bytes(wrapped)), secret)
    slot = next(s for s in header.slots if s.username == "admin")
    bad = bytearray(slot.wrapped)
    bad[-1] ^= 1
    slots = tuple(bf.SlotCopy(**{**s.__dict__, "wrapped": bytes(bad)}) if s is slot else s for s in header.slots)
    with pytest.raises(E.DeniedError):
        B.open_backup(forge(slots=slots), secret)
    weak = tuple(
        bf.SlotCopy(**{**s.__dict__, "params": s.params.__class__(**{**s.params.__dict__, "memory_kib": 8})})
        if s is slot else s for s in header.slots
    )
    huge = tuple(
        bf.SlotCopy(**{**s.__dict__, "params": s.params.__class__(**{**s.params.__dict__, "memory_kib": 1 << 40})})
        if s is slot else s for s in header.slots
    )
    with pytest.raises(E.DamagedError):  # refused before Argon2id tries to allocate a petabyte
        B.open_backup(forge(slots=huge), secret)
    from intake_desktop.crypto.kdf import _policy  # the real minimum applies outside test mode

    previous, _policy.test_mode = _policy.test_mode, False
    try:
        with pytest.raises(E.DamagedError):
            B.open_backup(forge(slots=weak), secret)
    finally:
        _policy.test_mode = previous


def test_newer_format_version_is_not_damage(backup_copy, tmp_path, cli):
    parsed = bf.read_header(io.BytesIO(backup_copy.read_bytes()))
    newer = bf.BackupHeader(**{**parsed.header.__dict__, "format_version": 2})
    head = newer.encode()
    path = tmp_path / "newer.ikbak"
    path.write_bytes(head + hashlib.sha256(head).digest() + backup_copy.read_bytes()[parsed.body_offset:])
    with pytest.raises(E.ServiceError) as caught:
        B.read_backup_info(path)
    assert caught.value.message == B.MSG_BACKUP_TOO_NEW
    assert cli("backup", "verify", path, "--user", "admin", data_dir=tmp_path / "none").code == 1


def test_not_a_backup(tmp_path, cli, vault_copy):
    path = tmp_path / "vault-copy.ikbak"
    path.write_bytes((vault_copy.data_dir / VAULT_FILE).read_bytes())
    with pytest.raises(E.DamagedError):
        B.read_backup_info(path)
    assert cli("backup", "info", path, data_dir=tmp_path / "none").code == 4
    missing = cli("backup", "verify", tmp_path / "missing.ikbak", "--user", "admin", data_dir=tmp_path / "none")
    assert missing.code == 1 and "missing.ikbak" in missing.err
