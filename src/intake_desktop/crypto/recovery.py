"""Recovery key: 160 random bits shown once as groups of Crockford base32 characters.

Crockford's alphabet has no I, L, O or U, so a key copied by hand from paper survives the usual
misreadings (we map them back when parsing). A 4-character checksum catches typing mistakes
before the slow KDF runs.
"""

from __future__ import annotations

import hashlib
import os

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = {"O": "0", "I": "1", "L": "1", "U": "V"}
KEY_BITS = 160
GROUP = 4


class RecoveryKeyFormatError(ValueError):
    pass


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def _checksum(body: str) -> str:
    digest = int.from_bytes(hashlib.sha256(body.encode()).digest()[:3], "big")
    return _encode(digest >> 4, 4)


def generate() -> str:
    body = _encode(int.from_bytes(os.urandom(KEY_BITS // 8), "big"), KEY_BITS // 5)
    full = body + _checksum(body)
    return "-".join(full[i : i + GROUP] for i in range(0, len(full), GROUP))


def normalise(text: str) -> str:
    """Accept lower case, spaces, dashes and the common misreadings; verify the checksum."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    cleaned = "".join(_READ_AS.get(ch, ch) for ch in cleaned)
    body_len = KEY_BITS // 5
    if len(cleaned) != body_len + 4 or any(ch not in ALPHABET for ch in cleaned):
        raise RecoveryKeyFormatError("a recovery key has 36 letters and digits")
    body, check = cleaned[:body_len], cleaned[body_len:]
    if _checksum(body) != check:
        raise RecoveryKeyFormatError("the recovery key has a typing mistake")
    return body


def secret_bytes(text: str) -> bytes:
    return normalise(text).encode()
