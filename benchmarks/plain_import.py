#!/usr/bin/env python3
"""The baseline for `import`: a plain sqlite3 script writing the same rows, in clear.

    python benchmarks/plain_import.py FILE.jsonl DB.sqlite

Reads the JSON Lines file once, splits each record into the person fields and the intake
answers, and writes one person, one case and one intake row per line (ids, timestamps, a case
number, the JSON documents unencrypted) in one transaction, with the vault's pragmas (WAL,
synchronous=FULL, foreign keys). No validation, no encryption, no audit, no ORM: what any
program importing the file would have to do at least. Only the standard library is imported, so
its start-up is Python's own.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import uuid
from datetime import datetime, timezone

PERSON_FIELDS = {"name", "birth_date", "gender", "mobile", "address", "emergency_contact_name",
                 "emergency_contact_phone", "preferred_contact"}
SCHEMA = """
CREATE TABLE person (id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT, version INTEGER, data BLOB NOT NULL);
CREATE TABLE case_file (id TEXT PRIMARY KEY, person_id TEXT REFERENCES person(id), case_number TEXT UNIQUE,
    stage TEXT, counsellor_id TEXT, is_demo INTEGER, created_at TEXT, updated_at TEXT, version INTEGER,
    data BLOB NOT NULL);
CREATE INDEX ix_case_person ON case_file(person_id);
CREATE TABLE intake_record (id TEXT PRIMARY KEY, case_id TEXT REFERENCES case_file(id), form_id TEXT,
    form_version INTEGER, form_hash TEXT, created_at TEXT, created_by TEXT, updated_at TEXT, version INTEGER,
    data BLOB NOT NULL);
CREATE INDEX ix_intake_case ON intake_record(case_id);
"""


def dump(document) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def main(source: str, target: str) -> int:
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.executescript(SCHEMA)
    now = datetime.now(timezone.utc).isoformat()
    owner = str(uuid.uuid4())
    count = 0
    db.execute("BEGIN IMMEDIATE")
    with open(source, "rb") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            record = json.loads(raw)
            count += 1
            person = {k: v for k, v in record.items() if k in PERSON_FIELDS}
            answers = {k: v for k, v in record.items() if k not in PERSON_FIELDS}
            person_id, case_id = str(uuid.uuid4()), str(uuid.uuid4())
            db.execute("INSERT INTO person VALUES (?, ?, ?, 1, ?)", (person_id, now, now, dump(person)))
            db.execute("INSERT INTO case_file VALUES (?, ?, ?, 'intake', ?, 0, ?, ?, 1, ?)",
                       (case_id, person_id, f"2026-{count:06d}", owner, now, now, b"{}"))
            db.execute("INSERT INTO intake_record VALUES (?, ?, 'intake-youth', 1, '', ?, ?, ?, 1, ?)",
                       (str(uuid.uuid4()), case_id, now, owner, now, dump(answers)))
    db.execute("COMMIT")
    db.close()
    print(f"{count} record(s) written.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
