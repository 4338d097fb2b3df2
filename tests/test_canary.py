"""Plaintext canary: personal values never reach the disk in any encoding.

Every text field of an imported person, intake, note, draft and audit detail carries a unique
random marker (Hangul and ASCII). After working with them through the services, the data folder
(with its WAL and SHM while open, everything after close) and the temp folder are scanned as raw
bytes for every marker in UTF-8 (NFC and NFD), UTF-16-LE/BE, CP949 and JSON \\u-escapes.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
import unicodedata
from datetime import date, timedelta
from pathlib import Path


from intake_desktop.domain.korean import choseong_of
from intake_desktop.services.importer import Importer
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE, AnswersAsGiven, raw_db, write_jsonl

MAX_SCAN_BYTES = 64 * 1024 * 1024
# Unconditional free-text answers of forms/intake-youth.yaml (field ids are never renamed).
FREE_TEXT_ANSWERS = ("trigger", "warning_signs", "daily_life_note", "finances_note",
                     "work_history", "wished_work", "constraints", "counsellor_assessment")


class Markers:
    """Unique markers per field; the values only ever exist in memory and in the input file."""

    def __init__(self) -> None:
        self.by_field: dict[str, str] = {}

    def text(self, field: str) -> str:
        hangul = "".join(chr(0xAC00 + secrets.randbelow(11172)) for _ in range(6))
        ascii_part = "Qz" + secrets.token_hex(8)
        self.by_field[field + ":hangul"] = hangul
        self.by_field[field + ":ascii"] = ascii_part
        return f"{hangul} {ascii_part}"

    def digits(self, field: str, prefix: str, count: int) -> str:
        value = prefix + "".join(str(secrets.randbelow(10)) for _ in range(count))
        self.by_field[field] = value
        return value

    def birth_date(self) -> str:
        value = (date(1950, 1, 1) + timedelta(days=secrets.randbelow(365 * 25))).isoformat()
        self.by_field["birth_date"] = value
        return value


def _encodings(marker: str) -> dict[str, bytes]:
    forms = {
        "utf-8": marker.encode(),
        "utf-8-nfd": unicodedata.normalize("NFD", marker).encode(),
        "utf-16-le": marker.encode("utf-16-le"),
        "utf-16-be": marker.encode("utf-16-be"),
        "json-escaped": json.dumps(marker)[1:-1].encode(),
        "json-escaped-upper-hex": re.sub(r"\\u([0-9a-f]{4})", lambda h: "\\u" + h.group(1).upper(),
                                         json.dumps(marker)[1:-1]).encode(),
    }
    try:
        forms["cp949"] = marker.encode("cp949")
    except UnicodeEncodeError:  # random syllables outside KS X 1001: that encoding cannot hold them
        pass
    return forms


def _files(folder: Path, *, since: float | None = None, skip: tuple[Path, ...] = ()) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        if any(Path(root).is_relative_to(s) for s in skip):
            dirs[:] = []
            continue
        for name in names:
            path = Path(root) / name
            try:
                stat = path.stat()
            except OSError:
                continue
            if not path.is_file() or stat.st_size > MAX_SCAN_BYTES:
                continue
            if since is not None and stat.st_mtime < since:
                continue
            found.append(path)
    return found


def scan(paths: list[Path], markers: Markers) -> list[str]:
    patterns = [(field, encoding, raw) for field, marker in markers.by_field.items()
                for encoding, raw in _encodings(marker).items()]
    hits = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:  # vanished or unreadable (another program's temp file)
            continue
        hits += [f"{path}: {field} as {encoding}" for field, encoding, raw in patterns if raw in data]
    return hits


def test_no_personal_value_reaches_the_disk_in_any_encoding(tmp_path, private_tmp):
    started = time.time() - 1
    data_dir, inputs = tmp_path / "data", tmp_path / "input"
    inputs.mkdir()
    m = Markers()
    record = {
        "name": m.text("name")[:60],
        "birth_date": m.birth_date(),
        "gender": "female",
        "mobile": m.digits("mobile", "010", 8),
        "address": {"postal_code": "06900", "road_address": m.text("road_address"), "detail": m.text("detail")},
        "emergency_contact_name": m.text("emergency_contact_name"),
        "emergency_contact_phone": m.digits("emergency_contact_phone", "011", 7),
        "preferred_contact": "text_only",
        "family_situation": m.text("answer.family_situation"),
        "police_contact": {"details": m.text("answer.police_contact"), "dates": [m.text("answer.police_dates")]},
        "mental_health": [m.text("answer.mental_health")],
    }
    source = write_jsonl(inputs / "intake.jsonl", [record])
    # A second person through the real importer: markers in the intake form's free-text answers.
    form_record = {
        "name": m.text("form.name")[:50], "birth_date": "1990-02-03", "mobile": m.digits("form.mobile", "010", 8),
        **{field: m.text(f"form.{field}")[:200] for field in FREE_TEXT_ANSWERS},
    }
    form_source = write_jsonl(inputs / "form.jsonl", [form_record])

    created = Vault.create(data_dir, "센터", "admin", "", PASSPHRASE)
    created.vault.close()
    with Vault.open(data_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        assert Importer(session, AnswersAsGiven()).run(source).imported == 1
        assert Importer(session).run(form_source).imported == 1

        hangul_name = m.by_field["name:hangul"]
        (summary,) = session.cases.search(hangul_name[:3])
        assert session.cases.search(m.by_field["mobile"][3:9]) == [summary]
        assert summary in session.cases.search(choseong_of(hangul_name)[:4])
        case_id = summary.case_id
        detail = session.cases.get(case_id)
        assert detail.person["address"]["detail"] == record["address"]["detail"]

        session.cases.update_person(case_id, {**detail.person, "name": m.text("name.v2")[:60]}, detail.person_version)
        for kind in ("note", "plan", "follow_up", "consent", "referral"):
            session.records.add(kind, case_id, {"content": m.text(f"record.{kind}"), "list": [m.text(f"record.{kind}.item")]})
        assert session.records.list("note", case_id)[0]["content"].startswith(m.by_field["record.note:hangul"])
        session.drafts.save(f"note:{case_id}", {"content": m.text("draft.kept")})
        session.drafts.save("new-case", {"name": m.text("draft.discarded")})
        session.drafts.save("new-case", {"name": m.text("draft.discarded.v2")})
        session.drafts.discard("new-case")
        session.audit.record("qa.canary", case_id=case_id, details={"note": m.text("audit.details")})
        assert session.audit.verify() == []
        session.cases.load_index()

        # While open: the WAL and SHM hold the freshest pages.
        open_files = _files(data_dir)
        assert any(p.name.endswith("-wal") for p in open_files)
        assert scan(open_files, m) == []

        session.lock()
    assert scan(_files(data_dir) + _files(private_tmp), m) == []
    # SQLite and libraries may pick their temp folder before TMPDIR was set: sweep the system
    # temp folders for anything written during the test, too.
    system_temp = [Path(p) for p in ("/tmp", "/var/tmp") if Path(p).is_dir()]
    swept = [f for folder in system_temp for f in _files(folder, since=started, skip=(tmp_path,))]
    assert scan(swept, m) == []
    assert len(m.by_field) > 40


def test_scan_finds_what_it_looks_for(tmp_path):
    """The scanner itself works: a planted value is found in each encoding."""
    m = Markers()
    value = m.text("probe")
    hangul = m.by_field["probe:hangul"]
    (tmp_path / "utf16.bin").write_bytes(b"\x00junk" + value.encode("utf-16-be") + b"junk")
    (tmp_path / "nfd.bin").write_bytes(unicodedata.normalize("NFD", hangul).encode())
    (tmp_path / "json.bin").write_bytes(json.dumps({"v": hangul}, ensure_ascii=True).encode())
    hits = scan(_files(tmp_path), m)
    assert any("utf16.bin: probe:hangul as utf-16-be" in h for h in hits)
    assert any("utf16.bin: probe:ascii as utf-16-be" in h for h in hits)
    assert any("nfd.bin: probe:hangul as utf-8-nfd" in h for h in hits)
    assert any("json.bin: probe:hangul as json-escaped" in h for h in hits)


def test_a_destroyed_case_leaves_not_even_its_ciphertext(vault, vault_dir, private_tmp):
    session = vault.unlock("admin", PASSPHRASE)
    keep = session.cases.create({"name": "남는사람", "birth_date": "2000-01-01"})
    gone = session.cases.create({"name": "지울사람", "birth_date": "2000-01-01"}, {"risk_level": "high"})
    session.records.add("note", gone, {"content": "지울 기록 " * 200})
    session.drafts.save(f"note:{gone}", {"content": "쓰던 기록"})
    with raw_db(vault_dir) as db:
        blobs = [row[0] for table, column in (("person", "data"), ("case_file", "data"), ("session_note", "data"),
                                             ("draft", "data"))
                 for row in db.execute(f"SELECT {column} FROM {table}")]
        keep_blobs = {row[0] for row in db.execute(
            "SELECT p.data FROM person p JOIN case_file c ON c.person_id = p.id WHERE c.id = ?", (keep,))}
        keep_blobs |= {row[0] for row in db.execute("SELECT data FROM case_file WHERE id = ?", (keep,))}
    doomed = [b for b in blobs if b not in keep_blobs]
    assert len(doomed) == 4
    session.retention.destroy(gone, "보존기간 경과 (개인정보 보호법 제21조)")
    session.lock()
    vault.close()
    contents = b"".join(p.read_bytes() for p in _files(vault_dir) + _files(private_tmp))
    assert not [b for b in doomed if b[13:45] in contents]  # any 32 bytes of their ciphertext
    assert all(b[13:45] in contents for b in keep_blobs)
