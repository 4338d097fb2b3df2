"""Both versions of a conflicting row as plain documents, and a merge of them written back.

A conflict keeps the other PC's row sealed under the hub key exactly as it arrived
(state.py); this module opens it and this PC's row down to the documents a counsellor reads,
for the side-by-side chooser, and writes the counsellor's merge as a new version on top of
the other PC's (so the next push is a plain compare-and-swap on that version: no new conflict).

Which rows get the field-by-field chooser (FIELD_TABLES): the person's details, the case
overview and the intake answers. Their fields are independent facts (a phone number, the risk
level, one answer), each typed by someone, so keeping one side's phone and the other side's
address is a record both counsellors would sign. Every other row is one act as a whole: a
session note or a plan is one text by one author, a consent is what the person agreed to on
one day, a letter was sent with that number and that PDF, an attachment is that file, a
follow-up is one appointment, a change-history entry says who changed what. Half of one and
half of the other would record something that never happened, so those rows are shown side by
side but kept whole (this PC's version or the other one). A deletion on either side is kept
whole too: there are no fields to mix with "deleted".

Reading either version is reading the case: the same role rule as opening it
(CasesService.case_row), and an access-log event. Rows that belong to no case (accounts,
forms, partners, centre settings) are the administrator's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from intake_desktop.crypto.errors import TamperedError
from intake_desktop.crypto.sealer import OWNER_COLUMN
from intake_desktop.domain.enums import Role, Stage
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.history import CASE_DERIVED
from intake_desktop.services.people import clean_person
from intake_desktop.services.sync import codec
from intake_desktop.storage.models import ENCRYPTED_TABLES, utcnow

FIELD_TABLES = frozenset({"person", "case_file", "intake_record"})
# Clear columns a counsellor edits with the document, offered as fields of it.
CLEAR_FIELDS = {"case_file": ("stage",)}
HISTORY_ENTITY = {"person": "person", "case_file": "case", "intake_record": "intake"}
VIEW_ACTION = "case.view_conflict"

MSG_WHOLE_ONLY = QT_TRANSLATE_NOOP(
    "Errors", "This record can only be kept whole: choose this PC's version or the other one.")
MSG_CONFLICT_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "A version of this conflicting record failed its integrity check and cannot be shown.")


@dataclass(frozen=True)
class ConflictVersions:
    table: str
    row_id: str
    case_id: str | None
    case_number: str | None
    mine: dict | None    # None: deleted on this PC
    theirs: dict | None  # None: deleted on the other PC

    @property
    def by_field(self) -> bool:
        """Whether the field-by-field chooser applies (else: one version or the other, whole)."""
        return self.table in FIELD_TABLES and self.mine is not None and self.theirs is not None

    def differing(self) -> list[str]:
        """Top-level fields whose values differ, in a stable order."""
        mine, theirs = self.mine or {}, self.theirs or {}
        return sorted(k for k in set(mine) | set(theirs) if _blank(mine.get(k)) != _blank(theirs.get(k)))


def _blank(value: Any) -> Any:
    return None if value in (None, "", [], {}) else value


# -- rows ----------------------------------------------------------------------------------------
def local_row(db, table: str, row_id: str) -> dict | None:
    """This PC's synced columns of one row, as stored (None: not here)."""
    spec = codec.BY_NAME[table]
    connection = db.connection()
    names = codec.synced_columns(connection, spec)
    key = codec.key_of(spec, row_id)
    sql = ("SELECT " + ", ".join(f'"{c}"' for c in names) + f' FROM "{table}" WHERE '
           + " AND ".join(f'"{k}" = :{k}' for k in key))
    found = connection.execute(text(sql), key).first()
    return dict(zip(names, found, strict=True)) if found is not None else None


def theirs_row(keyring, conflict) -> dict | None:
    if conflict.theirs_tombstone:
        return None
    try:
        encoded = codec.open_sealed(keyring, conflict.tbl, conflict.row_id, conflict.theirs_version,
                                    conflict.theirs_payload)
        return codec.decode(encoded)
    except TamperedError as exc:
        raise E.DamagedError(MSG_CONFLICT_DAMAGED) from exc


def case_of(db, table: str, values: dict | None) -> list[tuple[str, str]]:
    """(case id, case number) the row belongs to: a person's cases oldest first (a person may
    have several), one for a case or a record of a case, none for centre-wide rows."""
    if values is None:
        return []
    if table == "person":
        sql, arg = "SELECT id, case_number FROM case_file WHERE person_id = :x ORDER BY created_at, id", values.get("id")
    elif table == "case_file":
        return [(values["id"], values.get("case_number") or "")]
    elif "case_id" in values:
        sql, arg = "SELECT id, case_number FROM case_file WHERE id = :x", values.get("case_id")
    else:
        return []
    rows = db.connection().execute(text(sql), {"x": arg}).all()
    if not rows and table != "person":
        return [(str(arg), "")]  # the case itself is gone here: its id still names it
    return [(r[0], r[1]) for r in rows]


def check_access(session, db, table: str, cases: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The case through which this account may read the row (DeniedError if none)."""
    if table not in {"person", "case_file"} and not cases:
        session.require_role(Role.ADMIN)
        return None
    refused: E.ServiceError | None = None
    for case_id, _number in cases:
        try:
            row = session.cases.case_row(db, case_id)
            return row.id, row.case_number
        except E.ServiceError as error:
            refused = refused or error
    if refused is not None:
        raise refused
    session.require_role(Role.SUPERVISOR)  # a person with no case left: only a supervisor
    return None


# -- documents -----------------------------------------------------------------------------------
def document(sealer, table: str, values: dict | None) -> dict | None:
    """The row as a person reads it: the sealed document opened (plus the clear columns edited
    with it), or for a row with no sealed document its clear columns (bytes left out)."""
    if values is None:
        return None
    if table in ENCRYPTED_TABLES:
        owner = values.get(OWNER_COLUMN[table]) if table in OWNER_COLUMN else None
        try:
            doc = sealer.open(table, values["id"], values["version"], values["data"], owner=owner)
        except (TamperedError, KeyError, TypeError) as exc:
            raise E.DamagedError(MSG_CONFLICT_DAMAGED) from exc
        if not isinstance(doc, dict):
            doc = {"text": doc}
        for name in CLEAR_FIELDS.get(table, ()):
            doc[name] = values.get(name)
        return doc
    return {k: v for k, v in values.items() if not isinstance(v, (bytes, bytearray, memoryview))}


def merged_row(session, table: str, theirs: dict, theirs_doc: dict, merged: dict) -> tuple[dict, dict]:
    """(column values to write over the other PC's row, the merged document as sealed)."""
    if table not in FIELD_TABLES:
        raise E.UsageError(MSG_WHOLE_ONLY)
    doc = {k: v for k, v in merged.items() if k not in CLEAR_FIELDS.get(table, ())}
    if table == "person":
        doc, problems = clean_person(doc)
        if problems:
            raise E.ValidationError(problems)
    version = int(theirs["version"]) + 1
    owner = theirs.get(OWNER_COLUMN[table]) if table in OWNER_COLUMN else None
    values: dict[str, Any] = {
        "version": version, "updated_at": utcnow(),
        "data": session.sealer.seal(table, theirs["id"], version, doc, owner=owner),
    }
    if table == "case_file" and merged.get("stage") and merged["stage"] != theirs_doc.get("stage"):
        # services.cases imports this package (case numbers): imported here, not at the top.
        from intake_desktop.services.cases import stage_columns

        values.update(stage_columns(Stage(merged["stage"])))
    return values, doc


def record_merge(session, db, table: str, row_id: str, case_id: str | None, old: dict, new: dict) -> None:
    """The merge in the case's change history, as an edit from the other PC's version."""
    entity = HISTORY_ENTITY.get(table)
    if entity is None or case_id is None:
        return
    old_doc = {k: v for k, v in old.items() if k not in CLEAR_FIELDS.get(table, ())}
    extra = []
    if table == "case_file" and new.get("stage") and new["stage"] != old.get("stage"):
        extra = [{"field": "stage", "old": old.get("stage"), "new": new["stage"]}]
    new_doc = {k: v for k, v in new.items() if k not in CLEAR_FIELDS.get(table, ())}
    skip = CASE_DERIVED if table == "case_file" else frozenset()
    session.history.record(db, case_id, entity, row_id, old_doc, new_doc, skip=skip, extra=extra)
