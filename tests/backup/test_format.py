"""crypto/backup_file.py on its own: header encoding, digest, body binding, streaming."""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_desktop.crypto import backup_file as bf
from intake_desktop.crypto import keys
from intake_desktop.crypto.errors import TamperedError, WrongKeyError
from intake_desktop.crypto.kdf import KdfParams


def _header(**changes) -> tuple[bf.BackupHeader, bytes, bytes]:
    dek = keys.new_data_key()
    vault_id = "6efdd44a-ff23-4d43-a234-496ccac806ec"
    slot = keys.wrap_data_key(dek, b"correct horse battery", vault_id, "slot-1")
    file_key = bf.new_file_key()
    backup_key = keys.derive_purpose_key(dek, "backup", vault_id)
    fields = dict(
        backup_id="b-1", vault_id=vault_id, centre_name="기지개센터", created_at="2026-11-25T12:00:00+00:00",
        app_version="0.1.0", schema_revision="0001",
        slots=(bf.SlotCopy("slot-1", "account", "acc-1", "admin", "admin", slot.params, slot.wrapped),),
        wrapped_file_key=bf.wrap_file_key(file_key, backup_key, vault_id, "b-1"),
    )
    fields.update(changes)
    return bf.BackupHeader(**fields), file_key, dek


def _encrypt(header: bf.BackupHeader, file_key: bytes, plaintext: bytes, pieces: int = 1) -> bytes:
    out = io.BytesIO()
    writer = bf.BackupWriter(out, header, file_key)
    step = max(1, len(plaintext) // pieces)
    for start in range(0, len(plaintext), step):
        writer.write(plaintext[start:start + step])
    writer.finish()
    assert writer.bytes_written == len(out.getvalue())
    return out.getvalue()


def _decrypt(blob: bytes, key: bytes | None = None) -> bytes:
    source = io.BytesIO(blob)
    parsed = bf.read_header(source)
    decryptor = bf.BodyDecryptor(key, parsed.digest)
    return decryptor.update(source.read()) + decryptor.finalize()


def test_header_round_trip_and_layout():
    header, file_key, dek = _header()
    blob = _encrypt(header, file_key, b"hello")
    assert blob[:8] == bf.MAGIC
    assert int.from_bytes(blob[8:10], "big") == bf.FORMAT_VERSION
    length = int.from_bytes(blob[10:14], "big")
    assert blob[14 + length:14 + length + 32] == hashlib.sha256(blob[:14 + length]).digest()
    parsed = bf.read_header(io.BytesIO(blob))
    assert parsed.header == header
    assert parsed.body_offset == 14 + length + 32
    body = blob[parsed.body_offset:]
    assert len(body) == bf.STREAM_HEADER_BYTES + 5 + bf.STREAM_TAG_BYTES
    assert _decrypt(blob, file_key) == b"hello"


def test_slot_copy_opens_with_the_passphrase_only():
    header, _file_key, dek = _header()
    slot = header.slots[0]
    assert slot.open(b"correct horse battery", header.vault_id) == dek
    with pytest.raises(WrongKeyError):
        slot.open(b"wrong horse battery", header.vault_id)
    with pytest.raises(WrongKeyError):  # the slot is bound to its vault id
        slot.open(b"correct horse battery", "another-vault")


def test_file_key_is_bound_to_vault_and_backup_id():
    header, file_key, dek = _header()
    backup_key = keys.derive_purpose_key(dek, "backup", header.vault_id)
    assert bf.unwrap_file_key(header, backup_key) == file_key
    other = bf.BackupHeader(**{**header.__dict__, "backup_id": "b-2"})
    with pytest.raises(TamperedError):
        bf.unwrap_file_key(other, backup_key)
    with pytest.raises(TamperedError):
        bf.unwrap_file_key(header, keys.derive_purpose_key(dek, "fields", header.vault_id))


@pytest.mark.parametrize("position", [0, 3, 7, 8, 9, 10, 13, 14, 40, -33, -1])
def test_header_damage_is_reported_before_any_key(position):
    header, file_key, _ = _header()
    blob = bytearray(_encrypt(header, file_key, b"x" * 100))
    parsed = bf.read_header(io.BytesIO(bytes(blob)))
    index = position if position >= 0 else parsed.body_offset + position
    blob[index] ^= 0x40
    with pytest.raises(bf.NotABackupError):
        bf.read_header(io.BytesIO(bytes(blob)))


def test_a_newer_version_with_a_sound_digest_is_not_damage():
    header, file_key, _ = _header(format_version=2)
    blob = _encrypt(header, file_key, b"x")
    with pytest.raises(bf.UnsupportedVersionError):
        bf.read_header(io.BytesIO(blob))


def test_body_authenticates_every_header_byte():
    """Forge a header (change the date, recompute the digest): the body no longer opens."""
    header, file_key, _ = _header()
    blob = _encrypt(header, file_key, os.urandom(40000))
    parsed = bf.read_header(io.BytesIO(blob))
    forged_header = bf.BackupHeader(**{**header.__dict__, "created_at": "2020-01-01T00:00:00+00:00"})
    head = forged_header.encode()
    forged = head + hashlib.sha256(head).digest() + blob[parsed.body_offset:]
    assert bf.read_header(io.BytesIO(forged)).header.created_at.startswith("2020")
    with pytest.raises(TamperedError):
        _decrypt(forged, file_key)


def test_short_and_foreign_files_are_not_backups():
    for blob in (b"", b"\x89IKBAK", b"SQLite format 3\x00" + bytes(100), bf.MAGIC + b"\x00\x01\x00\x00\x00\x00"):
        with pytest.raises(bf.NotABackupError):
            bf.read_header(io.BytesIO(blob))


@settings(max_examples=40, deadline=None)
@given(size=st.integers(0, 3 * bf.STREAM_CHUNK_BYTES + 50), pieces=st.integers(1, 9), cut=st.integers(1, 200))
def test_streaming_round_trip_and_truncation(size, pieces, cut):
    header, file_key, _ = _header()
    plaintext = os.urandom(size)
    blob = _encrypt(header, file_key, plaintext, pieces)
    assert _decrypt(blob, file_key) == plaintext
    with pytest.raises(TamperedError):
        _decrypt(blob[:-min(cut, len(blob) - 1)], file_key)
    with pytest.raises(TamperedError):
        _decrypt(blob + b"\x00" * cut, file_key)


def test_kdf_params_in_slot_survive_json():
    params = KdfParams("argon2id", 19456, 2, 1, bytes(range(16)))
    slot = bf.SlotCopy("s", "recovery", None, None, None, params, b"\x01" * 61)
    assert bf.SlotCopy.from_json(slot.to_json()) == slot
