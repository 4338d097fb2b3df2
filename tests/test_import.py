"""JSON Lines import: all or nothing, every bad line reported, dry run, template, BOM, encodings,
bounded memory."""

from __future__ import annotations

import gc
import json
import tracemalloc
import unicodedata

import pytest
from sqlalchemy import select

import intake_desktop.services.cases as cases_module
from intake_desktop.services import errors as E
from intake_desktop.services.import_template import template_record
from intake_desktop.services.importer import Importer, ImportRejected
from intake_desktop.storage.models import CaseFile, IntakeRecord

from vaultkit import AnswersAsGiven, actions, person, write_jsonl

def importer(session) -> Importer:
    """The import mechanics (all or nothing, reports, encodings, batches)."""
    return Importer(session, AnswersAsGiven())


def from_template(name: str, mobile: str = "010-0000-0000") -> dict:
    """A record built on `import --template`, which must stay valid whatever the form asks."""
    return {**template_record(), "name": name, "mobile": mobile}


VALID = [
    {**person("김민수"), "intake_date": "2025-05-14", "isolation_months": 18},
    {**person("이서연", mobile="01098765432", gender="female"), "referral_source": "family"},
    {"name": "Nguyen Thi Lan", "birth_date": "1999-12-31", "address": "서울특별시 동작구 상도로 1"},
]


def _intakes(session) -> list[dict]:
    with session.db() as db:
        rows = db.exec(select(IntakeRecord)).scalars().all()
    return [session.sealer.open("intake_record", r.id, r.version, r.data, owner=r.case_id) for r in rows]


def test_valid_file_imports_every_line_in_one_transaction(admin, vault, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", VALID)
    report = importer(admin).run(source)
    assert (report.lines, report.imported, report.problems) == (3, 3, [])
    assert [s.name for s in admin.cases.index.items] == ["김민수", "이서연", "Nguyen Thi Lan"]  # 가나다, then Latin
    assert vault.count_rows(IntakeRecord) == 3
    answers = sorted(_intakes(admin), key=lambda a: json.dumps(a, sort_keys=True))
    assert {"intake_date": "2025-05-14", "isolation_months": 18} in answers
    assert {"referral_source": "family"} in answers
    lee = next(s for s in admin.cases.index.items if s.name == "이서연")
    assert lee.mobile == "01098765432"
    nguyen = next(s for s in admin.cases.index.items if s.name == "Nguyen Thi Lan")
    assert admin.cases.get(nguyen.case_id).person["address"]["road_address"] == "서울특별시 동작구 상도로 1"
    assert actions(admin).count("import") == 1
    assert admin.audit.verify() == []


BAD_FILE = [
    json.dumps(VALID[0], ensure_ascii=False),  # 1 fine
    json.dumps(person(""), ensure_ascii=False),  # 2 name missing
    '{"name": "깨진 줄", "birth_date": ',  # 3 not JSON
    "[1, 2, 3]",  # 4 not an object
    json.dumps(VALID[1], ensure_ascii=False),  # 5 fine
    json.dumps(person("박지훈", birth_date="2001-13-45", mobile="12"), ensure_ascii=False),  # 6 two problems
    '{"name": "최하늘", "birth_date": "2001-04-15"}'.encode("cp949"),  # 7 not UTF-8
    "",  # 8 blank: ignored
    json.dumps(person("정미래", birth_date="2999-01-01", gender="robot"), ensure_ascii=False),  # 9 future, bad choice
]
EXPECTED_PROBLEMS = {
    (2, "name"), (3, ""), (4, ""), (6, "birth_date"), (6, "mobile"), (7, ""), (9, "birth_date"), (9, "gender"),
}


def test_any_bad_line_imports_nothing_and_every_problem_is_reported(admin, vault, tmp_path):
    source = write_jsonl(tmp_path / "bad.jsonl", BAD_FILE)
    with pytest.raises(ImportRejected) as rejected:
        importer(admin).run(source)
    problems = rejected.value.report.problems
    assert {(p.line, p.field) for p in problems} == EXPECTED_PROBLEMS
    assert all(p.render() for p in problems)
    assert rejected.value.params["count"] == 6  # lines, not problems
    assert rejected.value.exit_code == 1
    assert vault.count_rows(CaseFile) == 0 and vault.count_rows(IntakeRecord) == 0
    assert "import" not in actions(admin)


def test_bad_lines_through_the_command_line(vault_dir, tmp_path, cli):
    source = write_jsonl(tmp_path / "bad.jsonl", BAD_FILE)  # the default importer may find more
    result = cli("import", source, "--user", "admin", data_dir=vault_dir)
    assert result.code == 1 and result.out == ""
    lines = result.err.strip().splitlines()
    for line, field in EXPECTED_PROBLEMS:
        tag = f"line {line} [{field}]: " if field else f"line {line}: "
        assert any(entry.startswith(tag) for entry in lines), (tag, lines)
    assert lines[-1].endswith("line(s) are invalid; nothing was imported.") and int(lines[-1].split()[0]) >= 6
    assert "Traceback" not in result.err
    assert "박지훈" not in result.err and "정미래" not in result.err  # no personal values in messages
    listing = cli("cases", "--user", "admin", "--json", data_dir=vault_dir)
    assert listing.code == 0 and listing.out == ""


def test_dry_run_stores_nothing(admin, vault, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", VALID)
    report = importer(admin).run(source, dry_run=True)
    assert report.imported == 3 and report.problems == []
    assert vault.count_rows(CaseFile) == 0 and vault.count_rows(IntakeRecord) == 0


def test_dry_run_through_the_command_line(vault_dir, tmp_path, cli):
    source = write_jsonl(tmp_path / "in.jsonl", [from_template(n) for n in ("김민수", "이서연", "박지훈")])
    result = cli("import", source, "--user", "admin", "--dry-run", data_dir=vault_dir)
    assert result.code == 0
    assert "3 record(s) are valid; nothing was imported (dry run)." in result.out
    assert cli("cases", "--user", "admin", data_dir=vault_dir).out == ""
    bad = cli("import", write_jsonl(tmp_path / "bad.jsonl", BAD_FILE), "--user", "admin", "--dry-run",
              data_dir=vault_dir)
    assert bad.code == 1 and "line 2 [name]" in bad.err


def test_template_output_imports_cleanly(vault_dir, tmp_path, cli):
    template = cli("import", "--template", passphrase=None)
    assert template.code == 0
    record = json.loads(template.out)
    source = tmp_path / "template.jsonl"
    source.write_text(template.out, encoding="utf-8")
    result = cli("import", source, "--user", "admin", data_dir=vault_dir)
    assert result.code == 0 and "1 record(s) imported." in result.out
    shown = cli("cases", "--user", "admin", "--json", "--show-names", data_dir=vault_dir)
    assert json.loads(shown.out)["name"] == record["name"]


def test_bom_and_windows_line_endings_are_accepted(admin, tmp_path):
    source = tmp_path / "excel.jsonl"
    body = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in VALID) + "\r\n"
    source.write_bytes(b"\xef\xbb\xbf" + body.encode())
    assert importer(admin).run(source).imported == 3
    assert "김민수" in [s.name for s in admin.cases.index.items]


def test_non_utf8_line_is_reported_with_its_number(admin, tmp_path):
    source = write_jsonl(tmp_path / "mixed.jsonl", [VALID[0], VALID[1], "{\"name\": \"\xe9\"}".encode("latin-1")])
    with pytest.raises(ImportRejected) as rejected:
        importer(admin).run(source)
    (problem,) = rejected.value.report.problems
    assert problem.line == 3 and "UTF-8" in problem.render()


@pytest.mark.parametrize("content", [b"", b"\n\n   \n", b"\xef\xbb\xbf\n"], ids=["empty", "blank", "bom-only"])
def test_file_without_records_is_a_usage_error(admin, tmp_path, content):
    source = tmp_path / "empty.jsonl"
    source.write_bytes(content)
    with pytest.raises(E.UsageError) as refused:
        importer(admin).run(source)
    assert refused.value.exit_code == 2


def test_missing_file_is_a_clear_error(vault_dir, tmp_path, cli):
    result = cli("import", tmp_path / "nowhere.jsonl", "--user", "admin", data_dir=vault_dir)
    assert result.code == 1 and "could not be read" in result.err and "Traceback" not in result.err


def test_imported_text_is_cleaned_like_typed_text(admin, tmp_path):
    nfd = unicodedata.normalize("NFD", "김민수")
    line = json.dumps(person(nfd), ensure_ascii=True).replace("\\uae40", "\\uae40\\ud800")  # plus a lone surrogate
    source = write_jsonl(tmp_path / "in.jsonl", [line, person("\u202e이서연\u0007")])
    assert importer(admin).run(source).imported == 2
    assert sorted(s.name for s in admin.cases.index.items) == ["김민수", "이서연"]


def test_import_by_a_counsellor_is_owned_by_them(login, tmp_path):
    kim = login("kim")
    importer(kim).run(write_jsonl(tmp_path / "in.jsonl", VALID[:2]))
    assert {s.counsellor_id for s in kim.cases.index.items} == {kim.account_id}
    assert len(login("lee").cases.index) == 0


def _rich_line(i: int) -> dict:
    return {
        **person(f"가져온사람{i:06d}", mobile=f"010-{i % 10000:04d}-{i % 9999:04d}",
                 address={"postal_code": "06900", "road_address": f"서울특별시 동작구 노량진로 {i} " + "가" * 60,
                          "detail": "3층 301호"},
                 emergency_contact_name="보호자", emergency_contact_phone="010-0000-0000"),
        "referral_note": "방 밖으로 나오는 것이 어렵다고 함. " * 20,
    }


def _peak_import_memory(session, path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        assert importer(session).run(path).imported > 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_import_memory_does_not_grow_with_the_file(login, tmp_path, monkeypatch):
    """Peak Python memory of a 6-batch import stays near that of a 1-batch import.

    Batches are made small (500) so the test is quick; what it checks is the design: plaintext
    of only one batch is alive at a time. Holding the whole file would add several times its
    size in Python objects; one id per case (a few dozen bytes) is all that may grow.
    """
    monkeypatch.setattr(cases_module, "BATCH", 500)
    small = write_jsonl(tmp_path / "small.jsonl", (_rich_line(i) for i in range(500)))
    large = write_jsonl(tmp_path / "large.jsonl", (_rich_line(i) for i in range(500, 3500)))
    peak_small = _peak_import_memory(login("kim"), small)
    peak_large = _peak_import_memory(login("lee"), large)
    added_plaintext = large.stat().st_size - small.stat().st_size  # 5× the small file
    assert added_plaintext > 2_500_000
    growth = peak_large - peak_small
    assert growth < 0.15 * added_plaintext, (peak_small, peak_large, added_plaintext)


def test_file_edited_during_the_import_imports_nothing(admin, vault, tmp_path, monkeypatch):
    monkeypatch.setattr(cases_module, "BATCH", 2)
    long_detail = {"postal_code": "06900", "road_address": "서울특별시 동작구 노량진로 1", "detail": "가" * 190}
    lines = [{**from_template(f"사람{i}"), "address": long_detail} for i in range(50)]  # ~30 KB: beyond read buffers
    source = write_jsonl(tmp_path / "in.jsonl", lines)

    def spoil_the_file(done, total):  # after the first batch is written, the file is edited
        if done == 2:
            write_jsonl(source, lines[:44] + [{"name": ""}] + lines[45:])

    with pytest.raises(ImportRejected) as rejected:
        importer(admin).run(source, progress=spoil_the_file)
    assert {p.line for p in rejected.value.report.problems} == {45}
    assert vault.count_rows(CaseFile) == 0 and vault.count_rows(IntakeRecord) == 0
