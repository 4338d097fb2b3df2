"""Tables. Everything about a person lives in the encrypted `data` column of its row.

Columns in clear are listed, with the reason, in docs/threat-model.md: ids, foreign keys,
timestamps, form ids/versions, status enums that say nothing about the person, and the
counsellor who owns a case. Keep that list and this file in step.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _blob() -> Any:
    # sa_type rather than sa_column: a Column object cannot be shared by the _CaseChild tables.
    return Field(sa_type=LargeBinary, nullable=False)


class VaultMeta(SQLModel, table=True):
    __tablename__ = "vault_meta"
    key: str = Field(primary_key=True, max_length=64)
    value: str


class Account(SQLModel, table=True):
    __tablename__ = "account"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    username: str = Field(index=True, unique=True, max_length=64)
    display_name: str = Field(max_length=100)
    role: str = Field(max_length=16)
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    disabled_at: Optional[datetime] = None
    failed_attempts: int = 0
    last_failed_at: Optional[datetime] = None
    version: int = 1


class KeySlot(SQLModel, table=True):
    __tablename__ = "key_slot"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    account_id: Optional[str] = Field(default=None, foreign_key="account.id", index=True)
    kind: str = Field(max_length=16)
    kdf_params: str  # JSON: algorithm, memory_kib, iterations, lanes, salt (hex)
    wrapped_key: bytes = _blob()
    created_at: datetime = Field(default_factory=utcnow)


REFUSED_LOCKED_OUT = "locked_out"  # LoginFailure.reason of an attempt refused during a lockout


class LoginFailure(SQLModel, table=True):
    """Failed and refused unlocks, written before any key is known; folded into the audit
    chain at the next successful unlock."""

    __tablename__ = "login_failure"
    id: Optional[int] = Field(default=None, primary_key=True)
    account_id: str = Field(foreign_key="account.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    # "wrong" (counted towards the lockout) or "locked_out" (refused unheard: logged only).
    reason: str = Field(default="wrong", max_length=16, sa_column_kwargs={"server_default": "wrong"})


class Person(SQLModel, table=True):
    __tablename__ = "person"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1
    data: bytes = _blob()


class CaseFile(SQLModel, table=True):
    __tablename__ = "case_file"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    person_id: str = Field(foreign_key="person.id", index=True)
    case_number: str = Field(unique=True, max_length=32)
    stage: str = Field(max_length=16, index=True)
    counsellor_id: str = Field(foreign_key="account.id", index=True)
    is_demo: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    closed_at: Optional[datetime] = None
    version: int = 1
    data: bytes = _blob()


class CaseShare(SQLModel, table=True):
    __tablename__ = "case_share"
    case_id: str = Field(foreign_key="case_file.id", primary_key=True)
    account_id: str = Field(foreign_key="account.id", primary_key=True)
    granted_by: str = Field(foreign_key="account.id")
    granted_at: datetime = Field(default_factory=utcnow)


class IntakeRecord(SQLModel, table=True):
    __tablename__ = "intake_record"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    case_id: str = Field(foreign_key="case_file.id", index=True)
    form_id: str = Field(max_length=64)
    form_version: int
    form_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(foreign_key="account.id")
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1
    data: bytes = _blob()


class _CaseChild(SQLModel):
    """Shape shared by the records that hang off a case (one encrypted document each)."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    case_id: str = Field(foreign_key="case_file.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(foreign_key="account.id")
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1
    data: bytes = _blob()


class SessionNote(_CaseChild, table=True):
    __tablename__ = "session_note"


class ServicePlan(_CaseChild, table=True):
    __tablename__ = "service_plan"


class FollowUp(_CaseChild, table=True):
    __tablename__ = "follow_up"


class Consent(_CaseChild, table=True):
    __tablename__ = "consent"


class Referral(_CaseChild, table=True):
    __tablename__ = "referral"
    status: str = Field(default="draft", max_length=16)


class Attachment(_CaseChild, table=True):
    """A scanned document of a case. `data` seals its metadata (file name, media type, size,
    SHA-256, kind, the consent or referral it belongs to, chunk count); the file itself is in
    attachment_chunk rows (services/attachments.py, docs/file-formats.md)."""

    __tablename__ = "attachment"


class AttachmentChunk(SQLModel, table=True):
    """One sealed piece of an attachment's content (crypto/chunks.py). `case_id` is repeated
    here so that destruction and the centre sync need no join, and it is bound into every
    chunk's associated data, so a chunk re-pointed at another case fails."""

    __tablename__ = "attachment_chunk"
    __table_args__ = (UniqueConstraint("attachment_id", "idx"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    attachment_id: str = Field(foreign_key="attachment.id", index=True)
    case_id: str = Field(foreign_key="case_file.id", index=True)
    idx: int
    version: int = 1
    data: bytes = _blob()


class ChangeRecord(_CaseChild, table=True):
    """One save that changed a person, a case's overview, an intake, a plan or a consent: the
    entity, each field's old and new value, who, when, and the reason of a correction (PIPA
    arts. 35–36). All of it in `data`; the clear columns are the _CaseChild ones."""

    __tablename__ = "change_record"


class Partner(SQLModel, table=True):
    """Institutions, not people: their details are public and stay in clear."""

    __tablename__ = "partner"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    kind: str = Field(max_length=16)
    details: str  # JSON: names, addressee title, address, phone, fax, e-mail
    active: bool = True
    version: int = 1


class Letter(SQLModel, table=True):
    """The letters register (발송 대장)."""

    __tablename__ = "letter"
    __table_args__ = (UniqueConstraint("number"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    number: str = Field(max_length=48)
    case_id: str = Field(foreign_key="case_file.id", index=True)
    partner_id: Optional[str] = Field(default=None, foreign_key="partner.id")
    created_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(foreign_key="account.id")
    pdf_sha256: str = Field(max_length=64)
    version: int = 1
    data: bytes = _blob()


class CustomForm(SQLModel, table=True):
    """A form definition an admin imported (YAML text). Forms hold no personal data."""

    __tablename__ = "custom_form"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    form_id: str = Field(max_length=64, index=True)
    version: int
    definition_hash: str = Field(max_length=64, unique=True)
    source_name: str = Field(max_length=255)
    yaml_text: str
    imported_at: datetime = Field(default_factory=utcnow)
    imported_by: str = Field(foreign_key="account.id")


class Draft(SQLModel, table=True):
    """Unsaved typing, kept encrypted so it survives a lock or a crash."""

    __tablename__ = "draft"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    account_id: str = Field(foreign_key="account.id", index=True)
    slot: str = Field(max_length=128)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1
    data: bytes = _blob()


class AuditEvent(SQLModel, table=True):
    """Append-only. `mac` chains each event to the one before it (HMAC under the audit key)."""

    __tablename__ = "audit_event"
    seq: Optional[int] = Field(default=None, primary_key=True)
    id: str = Field(default_factory=new_id, unique=True, max_length=36)
    at: datetime = Field(default_factory=utcnow, index=True)
    account_id: Optional[str] = Field(default=None, foreign_key="account.id", index=True)
    action: str = Field(max_length=48, index=True)
    case_id: Optional[str] = Field(default=None, max_length=36, index=True)
    details: bytes = _blob()
    prev_mac: str = Field(max_length=64)
    mac: str = Field(max_length=64)


# Tables whose `data` is a sealed JSON document (crypto/sealer.py); attachment_chunk holds raw
# sealed chunks (crypto/chunks.py) and is checked on its own.
ENCRYPTED_TABLES = (
    "person", "case_file", "intake_record", "session_note", "service_plan", "follow_up",
    "consent", "referral", "letter", "draft", "attachment", "change_record",
)


def sealed_tables() -> tuple[str, ...]:
    """Tables whose rows carry a sealed document (`data`) and a `version`: discovered from the
    models, so a new table of that shape is covered by the integrity check and its tests."""
    return tuple(sorted(
        table.name for table in SQLModel.metadata.sorted_tables
        if {"data", "version"} <= set(table.columns.keys())
    ))


# -- centre sync (services/sync): local bookkeeping, never sent to the server ----------------------
class SyncRow(SQLModel, table=True):
    """Where each synced row stood with the hub when this PC was last in step with it: the hub's
    version of the row and a hash of the row as it was then. A row whose hash differs now (or
    that has no entry, or whose row is gone) is a local change waiting to be pushed: the outbox
    is computed, so no write path has to remember to fill it and a crash cannot lose an entry."""

    __tablename__ = "sync_row"
    tbl: str = Field(primary_key=True, max_length=64)
    row_id: str = Field(primary_key=True, max_length=80)
    base_version: int
    base_hash: str = Field(max_length=64)


class SyncConflict(SQLModel, table=True):
    """A row changed here and on another PC from the same base: the other PC's version, kept
    sealed exactly as the hub sent it, until a counsellor chooses (services/sync/service.py)."""

    __tablename__ = "sync_conflict"
    tbl: str = Field(primary_key=True, max_length=64)
    row_id: str = Field(primary_key=True, max_length=80)
    theirs_version: int
    theirs_pc: str = Field(max_length=36)
    theirs_tombstone: bool = False
    theirs_payload: Optional[bytes] = Field(default=None, sa_type=LargeBinary)
    detected_at: datetime = Field(default_factory=utcnow)
