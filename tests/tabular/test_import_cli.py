"""`intake-desktop import FILE.xlsx|FILE.csv --user U [--mapping MAP.json] [--dry-run]`."""

from __future__ import annotations

import json

from intake_desktop.storage.models import CaseFile
from intake_desktop.services.vault import Vault

from tabular.sheets import HEADER, write_csv, write_xlsx
from vaultkit import PASSPHRASES

GOOD = [HEADER, ["김민수", "1999-03-02", "남", 1012345678, "", 6900, "", ""],
        ["이서연", "2001.4.15", "여", "", "", "", "", ""]]


def count_cases(vault_dir) -> int:
    with Vault.open(vault_dir) as vault:
        return vault.count_rows(CaseFile)


def test_xlsx_imports_and_dry_run_writes_nothing(cli, vault_dir, tmp_path):
    path = write_xlsx(tmp_path / "명단.xlsx", GOOD)
    dry = cli("import", path, "--user", "kim", "--dry-run", data_dir=vault_dir, passphrase=PASSPHRASES["kim"])
    assert dry.code == 0 and "2 record(s) are valid" in dry.out, dry.err
    assert count_cases(vault_dir) == 0
    done = cli("import", path, "--user", "kim", data_dir=vault_dir, passphrase=PASSPHRASES["kim"])
    assert done.code == 0 and "2 record(s) imported." in done.out
    assert count_cases(vault_dir) == 2


def test_bad_rows_are_named_by_row_and_column_and_exit_1(cli, vault_dir, tmp_path):
    rows = GOOD + [["박지훈", "생일모름", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "명단.csv", [[str(c) for c in row] for row in rows], "cp949")
    result = cli("import", path, "--user", "kim", data_dir=vault_dir, passphrase=PASSPHRASES["kim"])
    assert result.code == 1
    assert "row 4, column B (생년월일):" in result.err
    assert "1 row(s) have problems; nothing was imported." in result.err
    assert "Traceback" not in result.err
    assert count_cases(vault_dir) == 0


def test_rrn_column_is_refused_before_the_vault_is_opened(cli, vault_dir, tmp_path):
    path = write_xlsx(tmp_path / "명단.xlsx", [["성명", "주민등록번호"], ["김민수", "990302-1234567"]])
    result = cli("import", path, "--user", "kim", data_dir=vault_dir, passphrase=None)  # no passphrase asked
    assert result.code == 2 and "주민등록번호" in result.err and "birth date" in result.err
    assert count_cases(vault_dir) == 0


def test_a_mapping_file_and_unknown_columns(cli, vault_dir, tmp_path):
    path = write_xlsx(tmp_path / "명단.xlsx", [["대상", "출생", "메모"], ["김민수", "1999-03-02", "x"]])
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"columns": {"대상": "name", "B": "birth_date"}}, ensure_ascii=False), "utf-8")
    result = cli("import", path, "--user", "kim", "--mapping", mapping, data_dir=vault_dir,
                 passphrase=PASSPHRASES["kim"])
    assert result.code == 0, result.err
    assert "Column C (메모) is not imported" in result.err
    mapping.write_text('{"columns": {"대상": "주민번호"}}', "utf-8")
    bad = cli("import", path, "--user", "kim", "--mapping", mapping, data_dir=vault_dir, passphrase=None)
    assert bad.code == 2 and "Traceback" not in bad.err


def test_unknown_extension_is_a_usage_error(cli, vault_dir, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    result = cli("import", path, "--user", "kim", data_dir=vault_dir, passphrase=None)
    assert result.code == 2 and ".xlsx" in result.err


def test_a_damaged_workbook_is_a_usage_error(cli, vault_dir, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    result = cli("import", path, "--user", "kim", data_dir=vault_dir, passphrase=None)
    assert result.code == 2 and "Traceback" not in result.err
