"""Sealing a file as a sequence of chunks, each its own AES-256-GCM value (crypto/aead.py).

The associated data of chunk i of n names the attachment, the case it belongs to, i, and whether
it is the last one:

    intake-desktop|attachment_chunk|data|<attachment id>@<case id>|<i>|<last: 0 or 1>|<version>

so a chunk copied into another attachment or another case, moved to another place in the
sequence, or a sequence cut short (no chunk ends it as the last) fails authentication. The reader
also insists on indices 0..n-1 with exactly one last chunk at n-1. The plaintext is padded with
zero bytes to a multiple of PAD_BYTES before sealing, so the stored size says only the size class
of the file, not its exact length; the exact length is in the sealed metadata (docs/file-formats.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from intake_desktop.crypto.aead import FieldCipher
from intake_desktop.crypto.errors import TamperedError

CHUNK_BYTES = 1024 * 1024
PAD_BYTES = 64 * 1024
TABLE = "attachment_chunk"


def chunk_aad(attachment_id: str, case_id: str, index: int, last: bool, version: int = 1) -> bytes:
    return f"intake-desktop|{TABLE}|data|{attachment_id}@{case_id}|{index}|{int(last)}|{version}".encode()


def _padded(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % PAD_BYTES)


class Readable(Protocol):
    """What seal_stream reads from: an open binary file, or a wrapper around one."""

    def read(self, size: int, /) -> bytes: ...


def seal_stream(cipher: FieldCipher, attachment_id: str, case_id: str, source: Readable,
                first: bytes = b"", limit: int | None = None) -> Iterator[tuple[int, bytes, int]]:
    """(index, sealed chunk, plaintext bytes so far) for `first` + the rest of `source`, read
    CHUNK_BYTES at a time; one chunk is held back until the next read says whether it is the
    last. Raises OverflowError as soon as more than `limit` bytes were read."""
    index = 0
    pending = first + source.read(CHUNK_BYTES - len(first))
    total = len(pending)
    while True:
        following = source.read(CHUNK_BYTES) if pending else b""
        total += len(following)
        if limit is not None and total > limit:
            raise OverflowError(total)
        last = not following
        plain = _padded(pending) if last else pending
        yield index, cipher.encrypt(plain, chunk_aad(attachment_id, case_id, index, last)), total
        if last:
            return
        index, pending = index + 1, following


def open_stream(cipher: FieldCipher, attachment_id: str, case_id: str, size: int,
                chunks: Iterable[tuple[int, bytes]], count: int) -> Iterator[bytes]:
    """The plaintext of sealed chunks (index, blob) in stored order, cut to `size` bytes.
    TamperedError if any chunk fails, is out of place, missing, or extra."""
    remaining, expected = size, 0
    for index, blob in chunks:
        if index != expected or index >= count:
            raise TamperedError("attachment chunks are missing, extra or out of order")
        plain = cipher.decrypt(blob, chunk_aad(attachment_id, case_id, index, index == count - 1))
        part = plain[:remaining]
        remaining -= len(part)
        expected += 1
        yield part
    if expected != count or remaining != 0:
        raise TamperedError("attachment is truncated")
