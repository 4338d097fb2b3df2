"""The `.ikbak` backup file: a small clear header and a Cobblestone-256 encrypted body.

Layout (docs/backup-format.md is the reference; keep the two in step):

    offset 0        magic            8 bytes   89 'IKBAK' 0D 0A
    offset 8        format version   u16 BE    1
    offset 10       header length N  u32 BE    1 .. 1 MiB
    offset 14       header           N bytes   UTF-8 JSON (see BackupHeader)
    offset 14+N     header digest    32 bytes  SHA-256 of bytes 0 .. 14+N
    offset 46+N     body             Cobblestone-256 ciphertext, to the end of the file

The body is encrypted under a random 256-bit *file key*; the header carries that key wrapped
(AES-256-GCM) under the vault's `backup` purpose key, and copies of the vault's key slots so
that any account passphrase (as of the backup) or the recovery key recovers the data key and
with it the file key. The Cobblestone context is a label plus the header digest, so the body
authenticates every header byte: change one and decryption fails at the first chunk.

The digest alone is unkeyed. It lets damage be reported as damage before the slow KDF runs, but
it is not what makes the header trustworthy: the keyed binding through the body is.

This module only knows bytes and keys: no SQL, no files by name, no Qt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.cobblestone import Cobblestone256Decryptor, Cobblestone256Encryptor
from cryptography.exceptions import InvalidTag

from intake_desktop.crypto import keys, untrusted_json
from intake_desktop.crypto.aead import FieldCipher
from intake_desktop.crypto.errors import CryptoError, TamperedError
from intake_desktop.crypto.kdf import KdfParams

MAGIC = b"\x89IKBAK\r\n"
FORMAT_VERSION = 1
PRELUDE = struct.Struct(">8sHI")  # magic, format version, header length
DIGEST_BYTES = 32
MAX_HEADER_BYTES = 1 << 20
FILE_KEY_BYTES = 32
BODY_CIPHER = "cobblestone-256"
BODY_CONTEXT_LABEL = b"intake-desktop/backup/body/v1\x00"
HEADER_FORMAT = "intake-desktop backup"
MANIFEST_LENGTH = struct.Struct(">I")
# Cobblestone's own framing, for tests and for the format document (not used to parse).
STREAM_HEADER_BYTES = 56
STREAM_CHUNK_BYTES = 16384
STREAM_TAG_BYTES = 16


# Upper bounds for the KDF parameters of a slot copy. The header is not authenticated before
# the KDF runs, so without them a changed header could ask Argon2id for terabytes of memory.
# New slots use kdf.TARGET_MEMORY_KIB (64 MiB); these leave room for slots made with more.
MAX_SLOT_MEMORY_KIB = 1024 * 1024
MAX_SLOT_ITERATIONS = 64
MAX_SLOT_LANES = 16


def params_within_bounds(params: KdfParams) -> bool:
    return (
        0 < params.memory_kib <= MAX_SLOT_MEMORY_KIB
        and 0 < params.iterations <= MAX_SLOT_ITERATIONS
        and 0 < params.lanes <= MAX_SLOT_LANES
        and 8 <= len(params.salt) <= 64
    )


class NotABackupError(TamperedError):
    """The file does not start like a backup file, or its header is cut off or changed."""


class UnsupportedVersionError(CryptoError):
    """A sound header with a format version this program does not know (a newer release)."""

    def __init__(self, version: int) -> None:
        super().__init__(f"backup format version {version}")
        self.version = version


@dataclass(frozen=True)
class SlotCopy:
    """A key slot as it was when the backup was made (the DEK wrapped under a passphrase- or
    recovery-key-derived key). Opening it needs the secret and the slot's own id and vault id."""

    id: str
    kind: str  # "account" | "recovery"
    account_id: str | None
    username: str | None
    role: str | None
    params: KdfParams
    wrapped: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "account_id": self.account_id,
            "username": self.username, "role": self.role, "kdf": self.params.to_json(),
            "wrapped_key": base64.b64encode(self.wrapped).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "SlotCopy":
        return cls(
            id=_text(data["id"]), kind=_text(data["kind"]),
            account_id=_optional_text(data.get("account_id")), username=_optional_text(data.get("username")),
            role=_optional_text(data.get("role")), params=KdfParams.from_json(data["kdf"]),
            wrapped=base64.b64decode(_text(data["wrapped_key"]), validate=True),
        )

    def open(self, secret: bytes, vault_id: str) -> bytes:
        """The data key. Raises WrongKeyError (wrong secret, or a changed slot: GCM cannot tell)
        or WeakParametersError (KDF parameters below the minimum: treat as damage)."""
        return keys.unwrap_data_key(keys.WrappedKey(self.params, self.wrapped), secret, vault_id, self.id)


@dataclass(frozen=True)
class BackupHeader:
    backup_id: str
    vault_id: str
    centre_name: str
    created_at: str  # ISO 8601, UTC
    app_version: str
    schema_revision: str
    slots: tuple[SlotCopy, ...]
    wrapped_file_key: bytes
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": HEADER_FORMAT, "backup_id": self.backup_id, "vault_id": self.vault_id,
            "centre_name": self.centre_name, "created_at": self.created_at,
            "app_version": self.app_version, "schema_revision": self.schema_revision,
            "key_slots": [slot.to_json() for slot in self.slots],
            "file_key": {"wrap": "aes-256-gcm", "under": "backup purpose key",
                         "wrapped": base64.b64encode(self.wrapped_file_key).decode("ascii")},
            "body": {"cipher": BODY_CIPHER, "content": "manifest+sqlite"},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], format_version: int) -> "BackupHeader":
        if data.get("format") != HEADER_FORMAT or data.get("body", {}).get("cipher") != BODY_CIPHER:
            raise NotABackupError("header does not describe an intake-desktop backup")
        return cls(
            backup_id=_text(data["backup_id"]), vault_id=_text(data["vault_id"]),
            centre_name=_text(data["centre_name"]), created_at=_text(data["created_at"]),
            app_version=_text(data["app_version"]), schema_revision=_text(data["schema_revision"]),
            slots=tuple(SlotCopy.from_json(slot) for slot in data["key_slots"]),
            wrapped_file_key=base64.b64decode(_text(data["file_key"]["wrapped"]), validate=True),
            format_version=format_version,
        )

    def encode(self) -> bytes:
        """Prelude + header JSON (the bytes the digest covers)."""
        body = json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        if len(body) > MAX_HEADER_BYTES:
            raise ValueError("backup header too large")
        return PRELUDE.pack(MAGIC, self.format_version, len(body)) + body


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


@dataclass(frozen=True)
class ParsedHeader:
    header: BackupHeader
    digest: bytes
    body_offset: int


def _read_exactly(source: BinaryIO, count: int) -> bytes:
    chunks, remaining = [], count
    while remaining:
        chunk = source.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_header(source: BinaryIO) -> ParsedHeader:
    """Read and check the header from the start of `source`, leaving it at the body.

    Order matters: the magic, then the digest over everything before it, and only then the
    version and the JSON, so a flipped bit anywhere in the header reads as damage."""
    prelude = _read_exactly(source, PRELUDE.size)
    if len(prelude) < PRELUDE.size or prelude[:8] != MAGIC:
        raise NotABackupError("not an intake-desktop backup file")
    _magic, version, length = PRELUDE.unpack(prelude)
    if not 0 < length <= MAX_HEADER_BYTES:
        raise NotABackupError("backup header length is out of range")
    body = _read_exactly(source, length)
    stored_digest = _read_exactly(source, DIGEST_BYTES)
    if len(body) != length or len(stored_digest) != DIGEST_BYTES:
        raise NotABackupError("backup header is cut off")
    digest = hashlib.sha256(prelude + body).digest()
    if digest != stored_digest:
        raise NotABackupError("backup header does not match its digest")
    if version != FORMAT_VERSION:
        raise UnsupportedVersionError(version)
    try:
        # Bounded depth, no duplicate keys: the digest is unkeyed, so these bytes may be forged.
        data = untrusted_json.loads(body.decode("utf-8"))
        if not isinstance(data, dict):
            raise NotABackupError("backup header is not a JSON object")
        header = BackupHeader.from_json(data, version)
    except NotABackupError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        # A sound digest over a header we cannot read: written by a broken build, or forged.
        raise NotABackupError("backup header is not valid") from exc
    return ParsedHeader(header, digest, PRELUDE.size + length + DIGEST_BYTES)


# -- keys ------------------------------------------------------------------------------------
def new_file_key() -> bytes:
    return Cobblestone256Encryptor.generate_key()


def _file_key_aad(vault_id: str, backup_id: str) -> bytes:
    return f"intake-desktop|backup|file-key|v1|{vault_id}|{backup_id}".encode()


def wrap_file_key(file_key: bytes, backup_key: bytes, vault_id: str, backup_id: str) -> bytes:
    return FieldCipher(backup_key).encrypt(file_key, _file_key_aad(vault_id, backup_id))


def unwrap_file_key(header: BackupHeader, backup_key: bytes) -> bytes:
    """Raises TamperedError when the wrapped key fails authentication under this backup key
    (a changed header, or a data key from another vault)."""
    file_key = FieldCipher(backup_key).decrypt(
        header.wrapped_file_key, _file_key_aad(header.vault_id, header.backup_id)
    )
    if len(file_key) != FILE_KEY_BYTES:
        raise TamperedError("backup file key has the wrong length")
    return file_key


def body_context(header_digest: bytes) -> bytes:
    return BODY_CONTEXT_LABEL + header_digest


# -- body ------------------------------------------------------------------------------------
def _write_all(sink: BinaryIO, data: bytes) -> int:
    view = memoryview(data)
    while view:
        written = sink.write(view)
        if written is None:  # a raw, non-blocking stream: not something we write backups to
            raise OSError("short write")
        view = view[written:]
    return len(data)


class BackupWriter:
    """Writes header, digest and encrypted body to an open binary file.

    `write()` takes plaintext in any pieces; `finish()` writes the last chunk. The caller
    flushes, fsyncs and renames (the file-system part lives in services/backup/)."""

    def __init__(self, sink: BinaryIO, header: BackupHeader, file_key: bytes) -> None:
        self._sink = sink
        head = header.encode()
        digest = hashlib.sha256(head).digest()
        self._encryptor = Cobblestone256Encryptor(file_key, body_context(digest))
        self.bytes_written = _write_all(sink, head) + _write_all(sink, digest)

    def write(self, plaintext: bytes | memoryview) -> None:
        out = self._encryptor.update(plaintext)
        if out:
            self.bytes_written += _write_all(self._sink, out)

    def finish(self) -> None:
        self.bytes_written += _write_all(self._sink, self._encryptor.finalize())


class BodyDecryptor:
    """Streaming decryption of the body. Plaintext handed out by `update()` is NOT yet
    authenticated as a whole (truncation, appended bytes and a changed last chunk are only
    found by `finalize()`): callers keep it in a scratch place until `finalize()` returns."""

    def __init__(self, file_key: bytes, header_digest: bytes) -> None:
        self._decryptor = Cobblestone256Decryptor(file_key, body_context(header_digest))

    def update(self, ciphertext: bytes) -> bytes:
        try:
            return self._decryptor.update(ciphertext)
        except InvalidTag as exc:
            raise TamperedError("backup body failed authentication") from exc

    def finalize(self) -> bytes:
        try:
            return self._decryptor.finalize()
        except InvalidTag as exc:
            raise TamperedError("backup body is cut off or failed authentication") from exc


def manifest_prefix(manifest: bytes) -> bytes:
    """The body plaintext starts with the manifest's length (u32 BE) and the manifest."""
    return MANIFEST_LENGTH.pack(len(manifest)) + manifest
