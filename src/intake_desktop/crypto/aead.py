"""AES-256-GCM for values at rest.

Stored form: 1 format byte, 12-byte random nonce, ciphertext with 16-byte tag. The associated
data names where the value belongs (table, column, row id, row version), so a value copied to
another row, column or version fails authentication instead of being read as the wrong thing.
"""

from __future__ import annotations

import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from intake_desktop.crypto.errors import TamperedError

FORMAT_V1 = b"\x01"
NONCE_BYTES = 12


def associated_data(table: str, column: str, row_id: str, version: int) -> bytes:
    return f"intake-desktop|{table}|{column}|{row_id}|{version}".encode()


class FieldCipher:
    """Encrypts and decrypts single values under one key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("AES-256 needs a 32-byte key")
        self._aead = AESGCM(key)

    def encrypt(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return FORMAT_V1 + nonce + self._aead.encrypt(nonce, plaintext, aad)

    def decrypt(self, blob: bytes, aad: bytes) -> bytes:
        if not blob or blob[:1] != FORMAT_V1 or len(blob) < 1 + NONCE_BYTES + 16:
            raise TamperedError("stored value has an unknown format or is truncated")
        nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, body, aad)
        except InvalidTag as exc:
            raise TamperedError("stored value failed authentication") from exc

    # "surrogatepass": JSON may carry a lone surrogate ("\ud800" in an imported file); it must
    # round-trip rather than crash the save. Valid text encodes to the same bytes either way.
    def encrypt_json(self, document: object, aad: bytes) -> bytes:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        return self.encrypt(text.encode("utf-8", "surrogatepass"), aad)

    def decrypt_json(self, blob: bytes, aad: bytes) -> object:
        raw = self.decrypt(blob, aad)
        try:
            return json.loads(raw.decode("utf-8", "surrogatepass"))
        except ValueError as exc:  # authenticated but not JSON: written by a broken build
            raise TamperedError("stored value is not a valid document") from exc
