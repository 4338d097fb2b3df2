"""Helpers shared by the service, fault and CLI tests (plain functions, no fixtures)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import select

from intake_desktop.domain.cases import PERSON_FIELDS
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services.importer import IntakeValidator
from intake_desktop.storage.models import AuditEvent

PASSPHRASE = "correct horse battery"
PASSPHRASES = {
    "admin": PASSPHRASE,
    "boss": "supervisor horse battery",
    "kim": "kim's own long passphrase",
    "lee": "lee's own long passphrase",
}


class NetworkForbidden(RuntimeError):
    """Raised by the suite's network guard (tests/conftest.py)."""


@dataclass(frozen=True)
class VaultInfo:
    path: Path
    recovery_key: str
    ids: dict[str, str]


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


def person(name: str = "김민수", **extra) -> dict:
    doc = {"name": name, "birth_date": "2001-04-15", "gender": "male", "mobile": "010-1234-5678"}
    doc.update(extra)
    return doc


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """name -> sha256 of every file in a folder (the lock file is only ever empty)."""
    return {p.name: sha256(p) for p in sorted(Path(folder).iterdir()) if p.is_file()}


@contextlib.contextmanager
def raw_db(data_dir: Path) -> Iterator[sqlite3.Connection]:
    """The vault file as an attacker or a broken disk sees it: plain SQLite, no keys."""
    connection = sqlite3.connect(Path(data_dir) / VAULT_FILE)
    try:
        yield connection
        connection.commit()
    finally:
        connection.close()


def audit_events(session) -> list[AuditEvent]:
    with session.db() as db:
        return list(db.exec(select(AuditEvent).order_by(AuditEvent.seq)).scalars())


def actions(session) -> list[str]:
    return [event.action for event in audit_events(session)]


def write_jsonl(path: Path, records, *, bom: bool = False) -> Path:
    lines = [r if isinstance(r, (str, bytes)) else json.dumps(r, ensure_ascii=False) for r in records]
    data = b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


class FakeClock:
    """An injectable wall clock for lockout tests."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2025, 5, 14, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class AnswersAsGiven(IntakeValidator):
    """Import validator with the shipped form's identity but the answers taken as they are:
    what the form accepts is the form engine's tests' business, and must not change what the
    import-mechanics tests (all or nothing, reports, encodings, batches, canary) check."""

    def check(self, record: dict):
        return {k: v for k, v in record.items() if k not in PERSON_FIELDS}, []


def renamed_case(vault_dir) -> tuple[str, str, tuple]:
    """A case whose person was renamed once; returns (case id, person id, version-1 row)."""
    from intake_desktop.services.vault import Vault

    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        case_id = session.cases.create(person("김예전"))
        detail = session.cases.get(case_id)
        session.lock()
    with raw_db(vault_dir) as raw:
        old = raw.execute("SELECT version, updated_at, data FROM person WHERE id = ?", (detail.person_id,)).fetchone()
    with Vault.open(vault_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        session.cases.update_person(case_id, {**detail.person, "name": "김새이름"}, detail.person_version)
        session.lock()
    return case_id, detail.person_id, old
