"""The vault's key hierarchy.

One random data key (DEK) per vault. Purpose keys are derived from it with HKDF so that a key
used for, say, the audit chain can never be confused with the one for fields. Key slots hold the
DEK wrapped under a key-encryption key from a passphrase (Argon2id) or the recovery key.
"""

from __future__ import annotations

import hmac
import hashlib
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from intake_desktop.crypto import kdf
from intake_desktop.crypto.aead import FieldCipher
from intake_desktop.crypto.errors import TamperedError, WrongKeyError

DEK_BYTES = 32
PURPOSES = ("fields", "search", "audit", "backup", "drafts", "integrity", "hub")


def new_data_key() -> bytes:
    return os.urandom(DEK_BYTES)


def derive_purpose_key(dek: bytes, purpose: str, vault_id: str) -> bytes:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown key purpose {purpose!r}")
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=vault_id.encode(),
        info=f"intake-desktop/{purpose}/v1".encode(),
    ).derive(dek)


def _slot_aad(vault_id: str, slot_id: str) -> bytes:
    return f"intake-desktop|key_slot|{vault_id}|{slot_id}".encode()


@dataclass(frozen=True)
class WrappedKey:
    params: kdf.KdfParams
    wrapped: bytes


def wrap_data_key(dek: bytes, secret: bytes, vault_id: str, slot_id: str) -> WrappedKey:
    params = kdf.new_params()
    kek = kdf.derive_key(secret, params)
    return WrappedKey(params, FieldCipher(kek).encrypt(dek, _slot_aad(vault_id, slot_id)))


def unwrap_data_key(slot: WrappedKey, secret: bytes, vault_id: str, slot_id: str) -> bytes:
    kek = kdf.derive_key(secret, slot.params)
    try:
        return FieldCipher(kek).decrypt(slot.wrapped, _slot_aad(vault_id, slot_id))
    except TamperedError as exc:
        # GCM cannot tell a wrong key from a changed slot; a wrong secret is far more likely.
        raise WrongKeyError("the passphrase or recovery key does not open this slot") from exc


class KeyRing:
    """The unlocked keys of one session. `close()` drops them (best effort: Python cannot wipe)."""

    def __init__(self, dek: bytes, vault_id: str) -> None:
        self._dek = bytearray(dek)
        self.vault_id = vault_id
        self._ciphers: dict[str, FieldCipher] = {}

    @property
    def is_open(self) -> bool:
        return bool(self._dek)

    def _require(self) -> bytes:
        if not self._dek:
            raise WrongKeyError("the vault is locked")
        return bytes(self._dek)

    def data_key(self) -> bytes:
        return self._require()

    def purpose_key(self, purpose: str) -> bytes:
        return derive_purpose_key(self._require(), purpose, self.vault_id)

    def cipher(self, purpose: str = "fields") -> FieldCipher:
        cipher = self._ciphers.get(purpose)
        if cipher is None:
            cipher = self._ciphers[purpose] = FieldCipher(self.purpose_key(purpose))
        return cipher

    def mac(self, purpose: str, message: bytes) -> bytes:
        return hmac.new(self.purpose_key(purpose), message, hashlib.sha256).digest()

    def close(self) -> None:
        for i in range(len(self._dek)):
            self._dek[i] = 0
        self._dek = bytearray()
        self._ciphers.clear()
