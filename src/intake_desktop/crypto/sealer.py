"""Encrypt whole row documents with their place in the database bound as associated data.

The associated data names the table, column, row id and row version, and — for rows that hang
off another row through a clear foreign key — that owner's id too. So a ciphertext copied to
another row, column or version fails, and so does a row re-pointed at another parent (a note
moved to another case, a case moved to another person) by editing the clear column.
"""

from __future__ import annotations

from typing import Any

from intake_desktop.crypto.aead import FieldCipher, associated_data

# table -> the clear foreign-key column whose value is bound into every sealed value.
OWNER_COLUMN = {
    "case_file": "person_id",
    "intake_record": "case_id",
    "session_note": "case_id",
    "service_plan": "case_id",
    "follow_up": "case_id",
    "consent": "case_id",
    "referral": "case_id",
    "letter": "case_id",
    "attachment": "case_id",
    "draft": "account_id",
}


def _place(table: str, row_id: str, owner: str | None) -> str:
    if table in OWNER_COLUMN:
        if not owner:
            raise ValueError(f"sealing {table} needs its {OWNER_COLUMN[table]}")
        return f"{row_id}@{owner}"
    if owner is not None:
        raise ValueError(f"{table} rows have no owner")
    return row_id


class Sealer:
    def __init__(self, cipher: FieldCipher) -> None:
        self._cipher = cipher

    def seal(self, table: str, row_id: str, version: int, document: object, *,
             owner: str | None = None, column: str = "data") -> bytes:
        aad = associated_data(table, column, _place(table, row_id, owner), version)
        return self._cipher.encrypt_json(document, aad)

    def open(self, table: str, row_id: str, version: int, blob: bytes, *,
             owner: str | None = None, column: str = "data") -> Any:
        aad = associated_data(table, column, _place(table, row_id, owner), version)
        return self._cipher.decrypt_json(blob, aad)

    def open_bytes(self, table: str, row_id: str, version: int, blob: bytes, *,
                   owner: str | None = None, column: str = "data") -> bytes:
        """The authenticated document as the UTF-8 JSON bytes it was sealed as, unparsed: for
        readers that pick a few keys out of many rows (services/stats/reading.py)."""
        aad = associated_data(table, column, _place(table, row_id, owner), version)
        return self._cipher.decrypt(blob, aad)
