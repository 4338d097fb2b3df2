"""Scanned documents attached to a case: a signed consent, a partner's reply slip, anything else.

Each attachment is one `attachment` row (its metadata sealed as the row's document, bound to the
case like every case record) and its content in `attachment_chunk` rows, sealed chunk by chunk
as the source file is read (crypto/chunks.py): nothing is ever written in clear, not even to a
temporary file. Reading decrypts into memory, checks every chunk's place and the SHA-256 of the
whole, and only then hands the bytes to the viewer or writes the file the user chose.
Who may: anyone who may read the case attaches, views and saves; deleting is for the account
that attached it or a supervisor. Attaching, viewing, saving and deleting are in the access log.
"""

from __future__ import annotations

import builtins
import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import delete, insert, select, text
from sqlmodel import col

from intake_desktop.crypto.chunks import open_stream, seal_stream
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.domain import attachments as rules
from intake_desktop.domain.enums import Role
from intake_desktop.domain.korean import clean_text
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.services.files import write_file
from intake_desktop.storage.models import Attachment, AttachmentChunk, Consent, Referral, new_id, utcnow

TABLE = "attachment"

MSG_NOT_A_SCAN = QT_TRANSLATE_NOOP(
    "Errors", "{name} is not a PDF, JPEG or PNG file (checked by its content, not its name). "
              "Nothing was attached.")
MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "Errors", "{name} is larger than {limit} MB. Scan it again at 300 dpi, or in several parts. "
              "Nothing was attached.")
MSG_BAD_KIND = QT_TRANSLATE_NOOP("Errors", "Unknown kind of document: {kind} (consent, reply or other).")
MSG_NOT_OF_CASE = QT_TRANSLATE_NOOP("Errors", "Case {case} has no consent or referral {record}.")
MSG_ONE_LINK = QT_TRANSLATE_NOOP("Errors", "A document belongs to one consent or one referral, not both.")
MSG_NO_ATTACHMENT = QT_TRANSLATE_NOOP("Errors", "There is no attached document {attachment}.")
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "The attached document {name} failed its check: it was changed, cut short or mixed with "
              "another document outside intake-desktop. Nothing was shown or saved; restore the last "
              "good backup.")
MSG_DELETE_DENIED = QT_TRANSLATE_NOOP(
    "Errors", "Only the person who attached this document or a supervisor may delete it.")


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment as listed: its metadata, never its content."""

    id: str
    case_id: str
    name: str
    media_type: str
    size: int
    sha256: str
    kind: str
    consent_id: str | None
    referral_id: str | None
    chunks: int
    created_at: datetime
    created_by: str

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "media_type": self.media_type, "size": self.size,
                "sha256": self.sha256, "kind": self.kind, "consent_id": self.consent_id,
                "referral_id": self.referral_id, "created_at": self.created_at.isoformat()}


class _Hashing:
    """A reader that hashes what passes through it (the SHA-256 of the plaintext, in one read)."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self.sha256 = hashlib.sha256()

    def read(self, size: int) -> bytes:
        data = self._source.read(size)
        self.sha256.update(data)
        return data


def _info(row: Attachment, doc: dict) -> AttachmentInfo:
    return AttachmentInfo(
        id=row.id, case_id=row.case_id, name=doc["name"], media_type=doc["media_type"], size=doc["size"],
        sha256=doc["sha256"], kind=doc["kind"], consent_id=doc.get("consent_id"),
        referral_id=doc.get("referral_id"), chunks=doc["chunks"], created_at=row.created_at,
        created_by=row.created_by)


class AttachmentsService:
    def __init__(self, session) -> None:
        self._session = session

    # -- attaching ------------------------------------------------------------------------------
    def attach(self, case_ref: str, path: Path, *, kind: str | None = None, consent_id: str | None = None,
               referral_id: str | None = None) -> AttachmentInfo:
        """Attach the file at `path` (see attach_stream)."""
        path = Path(path)
        try:
            with open(path, "rb") as source:
                return self.attach_stream(case_ref, source, path.name, kind=kind, consent_id=consent_id,
                                          referral_id=referral_id)
        except OSError as exc:
            raise faults.from_os_error(exc, path) from exc

    def attach_stream(self, case_ref: str, source: BinaryIO, name: str, *, kind: str | None = None,
                      consent_id: str | None = None, referral_id: str | None = None) -> AttachmentInfo:
        """Seal `source` into the vault as a document of the case, read and encrypted a chunk at a
        time in one transaction: a refusal (wrong type, too big) or a failure stores nothing.
        `kind` defaults to "consent" with a consent, "reply" with a referral, else "other"."""
        name = clean_text(Path(name.replace("\\", "/")).name).strip() or "document"
        if consent_id and referral_id:
            raise E.UsageError(MSG_ONE_LINK)
        kind = kind or ("consent" if consent_id else "reply" if referral_id else "other")
        if kind not in rules.KINDS:
            raise E.UsageError(MSG_BAD_KIND, kind=kind)
        head = source.read(rules.SNIFF_BYTES)
        media_type = rules.sniff(head)
        if media_type is None:
            raise E.UsageError(MSG_NOT_A_SCAN, name=name)
        attachment_id = new_id()
        cipher = self._session.keyring.cipher("fields")
        hashing = _Hashing(source)
        hashing.sha256.update(head)
        now = utcnow()
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            self._check_link(db, case_row, Consent, consent_id)
            self._check_link(db, case_row, Referral, referral_id)
            # The chunks go in before their attachment row, whose document needs the size and
            # hash known only at the end: the foreign key is checked at commit instead.
            db.execute(text("PRAGMA defer_foreign_keys = ON"))
            count = size = 0
            try:
                for index, blob, read_so_far in seal_stream(cipher, attachment_id, case_row.id, hashing,
                                                            first=head, limit=rules.MAX_BYTES):
                    db.execute(insert(AttachmentChunk), {
                        "id": new_id(), "attachment_id": attachment_id, "case_id": case_row.id,
                        "idx": index, "version": 1, "data": blob})
                    count, size = index + 1, read_so_far
            except OverflowError:
                db.rollback()
                raise E.UsageError(MSG_TOO_BIG, name=name, limit=rules.MAX_BYTES // (1024 * 1024)) from None
            sha256 = hashing.sha256.hexdigest()
            document = {"name": name, "media_type": media_type, "size": size,
                        "sha256": sha256, "kind": kind, "consent_id": consent_id,
                        "referral_id": referral_id, "chunks": count}
            db.execute(insert(Attachment), {
                "id": attachment_id, "case_id": case_row.id, "created_at": now, "updated_at": now,
                "created_by": self._session.account_id, "version": 1,
                "data": self._session.sealer.seal(TABLE, attachment_id, 1, document, owner=case_row.id)})
            self._session.audit.record("attachment.add", case_id=case_row.id,
                                       details={"attachment": attachment_id, "kind": kind, "size": size}, db=db)
            db.commit()
        return AttachmentInfo(attachment_id, case_row.id, name, media_type, size, sha256, kind,
                              consent_id, referral_id, count, now, self._session.account_id)

    @staticmethod
    def _check_link(db, case_row, model, record_id: str | None) -> None:
        if record_id is None:
            return
        found = db.exec(select(model.id).where(model.id == record_id, model.case_id == case_row.id)).first()
        if found is None:
            raise E.UsageError(MSG_NOT_OF_CASE, case=case_row.case_number, record=record_id)

    # -- listing --------------------------------------------------------------------------------
    def list(self, case_ref: str) -> list[AttachmentInfo]:
        """The case's attachments, oldest first (metadata only: no content is decrypted)."""
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            case_row = self._session.cases.case_row(db, case_ref)
            rows = db.exec(select(Attachment).where(col(Attachment.case_id) == case_row.id)
                           .order_by(col(Attachment.created_at), col(Attachment.id))).scalars().all()
            return [self._open_row(row) for row in rows]

    def scanned_consents(self, case_ref: str) -> set[str]:
        """Ids of the case's consents that have a signed scan attached."""
        return {a.consent_id for a in self.list(case_ref) if a.consent_id and a.kind == "consent"}

    def for_referral(self, case_ref: str, referral_id: str) -> builtins.list[AttachmentInfo]:
        """The documents attached to one referral (its reply slips, kind "reply", and others)."""
        return [a for a in self.list(case_ref) if a.referral_id == referral_id]

    def _open_row(self, row: Attachment) -> AttachmentInfo:
        try:
            return _info(row, self._session.sealer.open(TABLE, row.id, row.version, row.data, owner=row.case_id))
        except (TamperedError, KeyError, TypeError) as exc:
            raise E.DamagedError(MSG_DAMAGED, name=row.id) from exc

    def _row(self, db, attachment_id: str) -> Attachment:
        row = db.get(Attachment, attachment_id)
        if row is None:
            raise E.ServiceError(MSG_NO_ATTACHMENT, attachment=attachment_id)
        self._session.cases.case_row(db, row.case_id)  # raises unless this account may read the case
        return row

    def info(self, attachment_id: str) -> AttachmentInfo:
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            return self._open_row(self._row(db, attachment_id))

    # -- reading --------------------------------------------------------------------------------
    def _content(self, db, info: AttachmentInfo) -> bytes:
        chunks = db.execute(
            select(col(AttachmentChunk.idx), col(AttachmentChunk.data), col(AttachmentChunk.case_id))
            .where(col(AttachmentChunk.attachment_id) == info.id).order_by(col(AttachmentChunk.idx)))

        def placed():
            for index, blob, case_id in chunks:
                if case_id != info.case_id:
                    raise TamperedError("a chunk names another case")
                yield index, blob

        try:
            content = b"".join(open_stream(self._session.keyring.cipher("fields"), info.id, info.case_id,
                                           info.size, placed(), info.chunks))
        except TamperedError as exc:
            raise E.DamagedError(MSG_DAMAGED, name=info.name) from exc
        if hashlib.sha256(content).hexdigest() != info.sha256:
            raise E.DamagedError(MSG_DAMAGED, name=info.name)
        return content

    def _read(self, attachment_id: str, action: str) -> tuple[AttachmentInfo, bytes]:
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row = self._row(db, attachment_id)
            info = self._open_row(row)
            content = self._content(db, info)
        if action:
            self._session.audit.record(action, case_id=info.case_id, details={"attachment": info.id})
        return info, content

    def open(self, attachment_id: str) -> tuple[AttachmentInfo, bytes]:
        """The document's bytes, checked whole, for the in-app viewer (recorded as a view)."""
        return self._read(attachment_id, "attachment.view")

    def save(self, attachment_id: str, out: Path, *, replace: bool = True) -> Path:
        """Write the document where the user chose (atomically, owner-only; recorded as a save)."""
        info, content = self._read(attachment_id, "")
        path = write_file(Path(out), content, replace=replace)
        self._session.audit.record("attachment.save", case_id=info.case_id, details={"attachment": info.id})
        return path

    def contents(self, case_ref: str) -> builtins.list[tuple[AttachmentInfo, bytes]]:
        """Every attachment of a case with its bytes (for the data-subject export; the caller
        records the export)."""
        infos = self.list(case_ref)
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            return [(info, self._content(db, info)) for info in infos]

    # -- deleting -------------------------------------------------------------------------------
    def delete(self, attachment_id: str) -> None:
        """Remove a document and its content. secure_delete zeroes the freed pages; the WAL
        keeps the old ciphertext only until the next checkpoint."""
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            row = self._row(db, attachment_id)
            if row.created_by != self._session.account_id and not self._session.has_role(Role.SUPERVISOR):
                raise E.DeniedError(MSG_DELETE_DENIED)
            db.exec(delete(AttachmentChunk).where(col(AttachmentChunk.attachment_id) == row.id))
            db.exec(delete(Attachment).where(col(Attachment.id) == row.id))
            self._session.audit.record("attachment.delete", case_id=row.case_id,
                                       details={"attachment": row.id}, db=db)
            db.commit()
