"""Encrypt whole row documents with their place in the database bound as associated data."""

from __future__ import annotations

from intake_desktop.crypto.aead import FieldCipher, associated_data


class Sealer:
    def __init__(self, cipher: FieldCipher) -> None:
        self._cipher = cipher

    def seal(self, table: str, row_id: str, version: int, document: object, column: str = "data") -> bytes:
        return self._cipher.encrypt_json(document, associated_data(table, column, row_id, version))

    def open(self, table: str, row_id: str, version: int, blob: bytes, column: str = "data"):
        return self._cipher.decrypt_json(blob, associated_data(table, column, row_id, version))
