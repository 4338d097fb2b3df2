"""The plaintext baseline: the vault's person, case and intake tables, same columns, same engine and
pragmas, same batched inserts and the same list-building code — but `data` holds the JSON
document unencrypted. Only the benchmark uses it; it measures what encryption costs.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Optional

from sqlalchemy import LargeBinary, insert, select
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel
from sqlmodel import Session as DbSession

from intake_desktop.domain.search import CaseIndex, sort_by_name
from intake_desktop.services.cases import BATCH, NewCase, _summary
from intake_desktop.storage.engine import make_engine, sqlite_url
from intake_desktop.storage.models import new_id

_registry = registry()  # own metadata: nothing here touches the application's schema


class PlainBase(SQLModel, registry=_registry):
    pass


class PlainPerson(PlainBase, table=True):
    __tablename__ = "plain_person"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime
    updated_at: datetime
    version: int = 1
    data: bytes = Field(sa_type=LargeBinary, nullable=False)


class PlainCase(PlainBase, table=True):
    __tablename__ = "plain_case_file"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    person_id: str = Field(foreign_key="plain_person.id", index=True)
    case_number: str = Field(unique=True, max_length=32)
    stage: str = Field(max_length=16, index=True)
    counsellor_id: str = Field(max_length=36, index=True)
    is_demo: bool = False
    created_at: datetime
    updated_at: datetime
    closed_at: Optional[datetime] = None
    version: int = 1
    data: bytes = Field(sa_type=LargeBinary, nullable=False)


class PlainIntake(PlainBase, table=True):
    __tablename__ = "plain_intake_record"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    case_id: str = Field(foreign_key="plain_case_file.id", index=True)
    form_id: str = Field(max_length=64)
    form_version: int
    form_hash: str = Field(max_length=64)
    created_at: datetime
    created_by: str = Field(max_length=36)
    updated_at: datetime
    version: int = 1
    data: bytes = Field(sa_type=LargeBinary, nullable=False)


def _dump(document: object) -> bytes:
    # Same serialisation as crypto.aead.FieldCipher.encrypt_json, minus the encryption.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


class PlainStore:
    def __init__(self, path: Path) -> None:
        self.engine = make_engine(sqlite_url(path))
        _registry.metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def create_many(self, new_cases: Iterable[NewCase], owner: str) -> int:
        """Mirror of CasesService.create_many: batches of BATCH rows in one transaction."""
        now = datetime.now(timezone.utc)
        rows: dict[type, list[dict]] = {PlainPerson: [], PlainCase: [], PlainIntake: []}
        count = 0

        def flush(db) -> None:
            for model, batch in rows.items():
                if batch:
                    db.execute(insert(model), batch)
                    batch.clear()

        with DbSession(self.engine) as db:
            for new in new_cases:
                count += 1
                person_id, case_id = new_id(), new_id()
                rows[PlainPerson].append({"id": person_id, "created_at": now, "updated_at": now, "version": 1,
                                          "data": _dump(new.person)})
                rows[PlainCase].append({
                    "id": case_id, "person_id": person_id, "case_number": f"{now.year}-{count:05d}",
                    "stage": new.stage.value, "counsellor_id": new.counsellor_id or owner, "is_demo": new.is_demo,
                    "created_at": now, "updated_at": now, "version": 1, "data": _dump(new.case),
                })
                if new.intake is not None:
                    rows[PlainIntake].append({
                        "id": new_id(), "case_id": case_id, "form_id": new.intake.form_id,
                        "form_version": new.intake.form_version, "form_hash": new.intake.form_hash,
                        "created_at": now, "created_by": owner, "updated_at": now, "version": 1,
                        "data": _dump(new.intake.answers),
                    })
                if len(rows[PlainPerson]) >= BATCH:
                    flush(db)
            flush(db)
            db.commit()
        return count

    def load_index(self, counsellor_names: dict[str, str]) -> CaseIndex:
        """Mirror of CasesService.load_index (admin view: every case), with json.loads for open()."""
        summaries = []
        query = (
            select(PlainCase.id, PlainCase.case_number, PlainCase.stage, PlainCase.counsellor_id,
                   PlainCase.is_demo, PlainCase.created_at, PlainCase.version, PlainCase.data,
                   PlainPerson.id.label("person_id"), PlainPerson.version.label("person_version"),
                   PlainPerson.data.label("person_data"))
            .join(PlainPerson, PlainPerson.id == PlainCase.person_id)
        )
        with DbSession(self.engine) as db:
            for row in db.connection().execute(query):
                person = json.loads(row.person_data)
                case = json.loads(row.data)
                summaries.append(_summary(row, person, case, counsellor_names))
        return CaseIndex(sort_by_name(summaries))
