"""`letter-register --out FILE.csv|FILE.xlsx`: format by extension, refused before unlocking."""

from __future__ import annotations

import openpyxl

from intake_desktop.services.register_export import HEADERS


def test_register_to_xlsx_and_wrong_extension(cli, vault_dir, tmp_path):
    out = tmp_path / "대장.xlsx"
    result = cli("letter-register", "--user", "admin", "--out", out, data_dir=vault_dir)
    assert result.code == 0, result.err
    assert list(openpyxl.load_workbook(out).active.iter_rows(values_only=True)) == [HEADERS]
    again = cli("letter-register", "--user", "admin", "--out", out, data_dir=vault_dir)
    assert again.code == 2  # kept without --force
    wrong = cli("letter-register", "--user", "admin", "--out", tmp_path / "대장.pdf", data_dir=vault_dir,
                passphrase=None)
    assert wrong.code == 2 and ".xlsx" in wrong.err and not (tmp_path / "대장.pdf").exists()
