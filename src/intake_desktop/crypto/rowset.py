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
No SQL here: callers hand over the row values exactly as the database returns them, the sealed
document last.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import cast
import hmac
from dataclasses import dataclass

DIGEST_BYTES = 32
_EMPTY = 0


def _encode(table: str, row: Sequence[object]) -> bytes:
    # A row comes as its clear values followed by its sealed document (bytes, always last): the
    # repr of the table name and of the tuple of clear values (unambiguous for str / int / float
    # / None), then the SHA-256 of the document (fixed length, so the split is unambiguous).
    document = cast("bytes | None", row[-1])
    return b"%s%s\x1f%s" % (repr(table).encode(), repr(tuple(row[:-1])).encode("utf-8", "surrogatepass"),
                            hashlib.sha256(document if document is not None else b"").digest())


def row_mac(key: bytes, table: str, row: Sequence[object]) -> int:
    """The keyed MAC of one row (clear values..., document), as an integer ready to XOR."""
    return int.from_bytes(hmac.digest(key, _encode(table, row), "sha256"), "big")


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

    def to_json(self) -> list[object]:
        return [self.count, self.value.to_bytes(DIGEST_BYTES, "big").hex()]

    @classmethod
    def from_json(cls, data: object) -> "SetDigest":
        if not isinstance(data, (list, tuple)) or len(data) != 2:
            raise ValueError("malformed set digest")
        count, value = data
        if not isinstance(count, int) or not isinstance(value, str) or len(value) != 2 * DIGEST_BYTES:
            raise ValueError("malformed set digest")
        return cls(count, int(value, 16))


def fold(key: bytes, table: str, rows: Iterable[Sequence[object]]) -> SetDigest:
    """The digest of all `rows` (clear values..., document) of one table."""
    digest = SetDigest()
    mac, encode, from_bytes = hmac.digest, _encode, int.from_bytes
    value = 0
    for row in rows:
        digest.count += 1
        value ^= from_bytes(mac(key, encode(table, row), "sha256"), "big")
    digest.value = value
    return digest
