"""A keyed, incrementally updatable digest of a set of rows (a "set MAC").

digest(S) = XOR over the rows r in S of HMAC-SHA256(k, encode(r)), plus the number of rows.

Adding a row XORs its MAC in, removing it XORs the same MAC out, so a write costs one or two
HMACs whatever the size of the vault, and the result does not depend on the order of writes.

Why this is sound here (docs/architecture.md, "Whole-vault integrity"):
- the per-row function is a PRF keyed with a key only DEK holders can derive, so without the
  key nobody can compute the MAC of any row, old or new, and cannot build a change whose MACs
  cancel. (Unkeyed per-row hashes would NOT do: XOR of public hashes falls to linear algebra.)
- the per-row MACs are never stored, and the digest itself is stored only encrypted (AEAD with
  a fresh nonce), so differences of digests taken from old copies of the file reveal nothing
  that could be reused to compensate a change;
- a row is identified by its table and primary key, which the database keeps unique, so a row
  can never be in the set twice (XOR would cancel a duplicate).
No SQL here: callers hand over the row values exactly as the database returns them.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

DIGEST_BYTES = 32
_EMPTY = 0


def _encode(table: str, values) -> bytes:
    # Each value as its repr (unambiguous for str / int / float / None, and a repr never holds
    # the separator: control characters come out escaped); byte strings (the sealed documents)
    # as the hex SHA-256 of their bytes, which no repr looks like (no quotes).
    parts = [repr(table)]
    for value in values:
        parts.append(hashlib.sha256(value).hexdigest() if isinstance(value, (bytes, memoryview)) else repr(value))
    return "\x1f".join(parts).encode("utf-8", "surrogatepass")


def row_mac(key: bytes, table: str, values) -> int:
    """The keyed MAC of one row, as an integer ready to XOR."""
    return int.from_bytes(hmac.digest(key, _encode(table, values), "sha256"), "big")


@dataclass
class SetDigest:
    """Digest and size of one table's rows."""

    count: int = 0
    value: int = _EMPTY

    def add(self, mac: int) -> None:
        self.count += 1
        self.value ^= mac

    def remove(self, mac: int) -> None:
        self.count -= 1
        self.value ^= mac

    def to_json(self) -> list:
        return [self.count, self.value.to_bytes(DIGEST_BYTES, "big").hex()]

    @classmethod
    def from_json(cls, data) -> "SetDigest":
        count, value = data
        if not isinstance(count, int) or not isinstance(value, str) or len(value) != 2 * DIGEST_BYTES:
            raise ValueError("malformed set digest")
        return cls(count, int(value, 16))


def fold(key: bytes, table: str, rows) -> SetDigest:
    """The digest of all `rows` (iterables of values) of one table."""
    digest = SetDigest()
    mac = hmac.digest
    encode = _encode
    for values in rows:
        digest.count += 1
        digest.value ^= int.from_bytes(mac(key, encode(table, values), "sha256"), "big")
    return digest
