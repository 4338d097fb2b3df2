"""Importing a centre's Excel/CSV sheet: counts, encodings, Excel's habits, every bad row named
by row and column, RRN columns refused, all or nothing, dry run, duplicates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from intake_desktop.services import errors as E
from intake_desktop.services.importer import ImportRejected
from intake_desktop.services.tabular.mapping import RrnColumnRefused
from intake_desktop.services.tabular.sheet_import import SheetImport, where
from intake_desktop.storage.models import CaseFile

from tabular.sheets import HEADER, write_csv, write_xlsx

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

ROWS = [
    ["김민수", date(1999, 3, 2), "남", 1012345678, "서울특별시 동작구 노량진로 10", 6900, "김상담", date(2025, 5, 14)],
    ["이서연", "2001.4.15", "여성", "010-9876-5432", "서울특별시 관악구 관악로 1", "08826", "kim", "2025년 5월 20일"],
    ["박지훈", "03-11-30", "", "01055556666", "", "", "", 45800],  # serial 45800 = 2025-05-24
]


def people(session) -> dict[str, dict]:
    out = {}
    for item in session.cases.index.items:
        out[item.name] = session.cases.get(item.case_id).person
    return out


def run(session, path: Path, **kwargs):
    return SheetImport.open(path, kwargs.pop("overrides", None)).run(session, **kwargs)


def test_openpyxl_workbook_imports_with_excel_habits_undone(admin, vault, tmp_path, info):
    path = write_xlsx(tmp_path / "명단.xlsx", [HEADER] + ROWS, title_rows=[["2025년 사례 명단"], []])
    result = run(admin, path)
    assert result.report.imported == 3
    found = people(admin)
    assert found["김민수"]["birth_date"] == "1999-03-02"
    assert found["김민수"]["mobile"] == "01012345678"  # Excel's lost leading 0 given back
    assert found["김민수"]["gender"] == "male"
    assert found["김민수"]["address"] == {"postal_code": "06900", "road_address": "서울특별시 동작구 노량진로 10",
                                          "detail": ""}
    assert found["이서연"]["birth_date"] == "2001-04-15" and found["이서연"]["gender"] == "female"
    assert found["박지훈"]["birth_date"] == "2003-11-30"  # two-digit year: the latest century not in the future
    with admin.db() as db:
        owners = {row.counsellor_id for row in db.exec(select(CaseFile)).scalars()}
    assert owners == {info.ids["kim"], info.ids["admin"]}  # 담당자 김상담 and kim: the account; empty: me
    assert vault.count_rows(CaseFile) == 3


def test_libreoffice_workbook_imports_the_expected_count(admin, vault):
    """Made by `soffice --headless --convert-to xlsx` (tests/fixtures/make_libreoffice_xlsx.sh)."""
    result = run(admin, FIXTURES / "libreoffice-caseload.xlsx")
    assert result.report.imported == 4
    assert vault.count_rows(CaseFile) == 4
    assert people(admin)["최유나"]["birth_date"] == "2000-01-31"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_csv_in_every_korean_encoding_imports(admin, vault, tmp_path, encoding):
    rows = [HEADER] + [[str(c) if not isinstance(c, date) else c.isoformat() for c in row] for row in ROWS]
    path = write_csv(tmp_path / "명단.csv", rows, encoding)
    sheet_import = SheetImport.open(path)
    assert sheet_import.sheet.encoding == encoding
    assert sheet_import.run(admin).report.imported == 3
    assert set(people(admin)) == {"김민수", "이서연", "박지훈"}
    assert people(admin)["김민수"]["mobile"] == "01012345678"


def test_every_bad_row_is_named_with_its_row_and_column_and_nothing_is_written(admin, vault, tmp_path):
    rows = [HEADER,
            ["김민수", "1999-03-02", "남", "01012345678", "", "", "", ""],
            ["", "1999-13-45", "", "", "", "", "", ""],                    # row 3: no name, no such date
            ["이서연", "2001-04-15", "", "", "", "123", "", ""],            # row 4: postal code
            ["박지훈", "2001-04-15", "", "", "", "", "아무개", ""]]         # row 5: no such counsellor
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    plan = SheetImport.open(path)
    with pytest.raises(ImportRejected) as caught:
        plan.run(admin)
    report = caught.value.report
    assert report.bad_lines() == [3, 4, 5]
    named = {(p.line, where(p, plan.mapping)) for p in report.problems}
    assert (3, "A (성명)") in named and (3, "B (생년월일)") in named
    assert (4, "F (우편번호)") in named and (5, "G (담당자)") in named
    assert vault.count_rows(CaseFile) == 0  # the good row 2 was not kept either


def test_dry_run_writes_nothing(admin, vault, tmp_path):
    path = write_xlsx(tmp_path / "명단.xlsx", [HEADER] + ROWS)
    result = run(admin, path, dry_run=True)
    assert result.report.imported == 3
    assert vault.count_rows(CaseFile) == 0


@pytest.mark.parametrize("header", ["주민등록번호", "주민번호", "주민 등록 번호(앞자리)", "RRN"])
def test_a_resident_registration_number_column_refuses_the_file(admin, vault, tmp_path, header):
    path = write_xlsx(tmp_path / "명단.xlsx", [["성명", header], ["김민수", "990302-1234567"]])
    with pytest.raises(RrnColumnRefused) as caught:
        SheetImport.open(path)
    assert caught.value.exit_code == E.EXIT_USAGE
    assert "B" in str(caught.value) and vault.count_rows(CaseFile) == 0


def test_numbers_that_look_like_rrns_are_refused_in_any_column(admin, vault, tmp_path):
    rows = [["성명", "생년월일", "비고"],
            ["김민수", "1999-03-02", "9903021234567"],          # no header to tell, the value does
            ["이서연", "2001-04-15", "메모"]]
    path = write_xlsx(tmp_path / "명단.xlsx", rows)
    plan = SheetImport.open(path)
    with pytest.raises(ImportRejected) as caught:
        plan.run(admin)
    problem = caught.value.report.problems[0]
    assert (problem.line, where(problem, plan.mapping)) == (2, "C (비고)")
    assert "9903021234567" not in problem.render()
    assert vault.count_rows(CaseFile) == 0


def test_excel_serial_dates_and_datetimes(admin, tmp_path):
    rows = [["이름", "생년월일", "접수일"],
            ["김민수", 36221, datetime(2025, 5, 14, 0, 0)],  # 36221 = 1999-03-02
            ["이서연", "1999/03/02", "45800"]]
    path = write_xlsx(tmp_path / "명단.xlsx", rows)
    run(admin, path)
    assert {p["birth_date"] for p in people(admin).values()} == {"1999-03-02"}


def test_duplicates_of_people_already_in_the_vault_are_problems_or_skipped(admin, vault, tmp_path):
    path = write_xlsx(tmp_path / "명단.xlsx", [HEADER] + ROWS)
    run(admin, path)
    again = write_xlsx(tmp_path / "again.xlsx", [HEADER] + ROWS[:1] + [
        ["최유나", "2000-01-31", "", "", "", "", "", ""]])
    plan = SheetImport.open(again)
    with pytest.raises(ImportRejected) as caught:
        plan.run(admin)
    assert caught.value.report.bad_lines() == [2]
    assert vault.count_rows(CaseFile) == 3
    result = SheetImport.open(again).run(admin, skip_duplicates=True)
    assert (result.report.imported, result.skipped) == (1, [2])
    assert vault.count_rows(CaseFile) == 4
    # the same sheet once more: everyone is there already, which is not an error
    result = SheetImport.open(again).run(admin, skip_duplicates=True)
    assert (result.report.imported, result.skipped) == (0, [2, 3])
    assert vault.count_rows(CaseFile) == 4


def test_the_same_person_twice_in_one_sheet_is_named(admin, tmp_path):
    rows = [HEADER, ROWS[0], ["김 민수", "1999.3.2", "", "", "", "", "", ""]]
    plan = SheetImport.open(write_xlsx(tmp_path / "twice.xlsx", rows))
    with pytest.raises(ImportRejected) as caught:
        plan.run(admin)
    assert [(p.line, p.params) for p in caught.value.report.problems] == [(3, {"row": 2})]


def test_a_mapping_overrides_the_headers_and_unknown_columns_are_listed(admin, tmp_path):
    rows = [["대상", "출생", "특이사항", "폰"], ["김민수", "1999-03-02", "메모", "01012345678"]]
    path = write_xlsx(tmp_path / "명단.xlsx", rows)
    plan = SheetImport.open(path, {"대상": "name", "B": "birth_date", "폰": "mobile"})
    assert [c.label for c in plan.mapping.unknown] == ["C (특이사항)"]
    plan.run(admin)
    assert people(admin)["김민수"]["mobile"] == "01012345678"
    with pytest.raises(E.UsageError):
        SheetImport.open(path, {"대상": "no_such_field"})


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused_unread(tmp_path, monkeypatch):
    """A zip bomb: judged by the archive's table of contents before the reader unpacks a byte."""
    from intake_desktop.services.tabular import sources

    path = write_xlsx(tmp_path / "big.xlsx", [HEADER] + ROWS * 50)
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", 10_000)
    read = []
    monkeypatch.setattr("python_calamine.CalamineWorkbook.from_filelike", lambda *a: read.append(a))
    with pytest.raises(E.UsageError, match="too large"):
        SheetImport.open(path)
    assert read == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_any_bytes_as_csv_or_xlsx_end_in_rows_or_a_usage_error(tmp_path, data):
    """A file from outside never ends in a traceback: it is read or refused with a message."""
    for name in ("any.csv", "any.xlsx"):
        path = tmp_path / name
        path.write_bytes(data if name.endswith(".csv") else b"PK\x03\x04" + data)
        try:
            plan = SheetImport.open(path)
        except E.UsageError as error:
            assert error.render()
        else:
            assert all(isinstance(n, int) for n, _cells in plan.rows)
