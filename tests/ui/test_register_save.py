"""View → Save the letters register…: the save dialog offers .xlsx and .csv; the file is written."""

from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QFileDialog

from intake_desktop.services.register_export import HEADERS
from intake_desktop.ui import background

from ui.windows import open_main_window


def test_saves_the_register_as_excel_or_csv(qtbot, signed_in, settings, tmp_path, monkeypatch):
    window = open_main_window(qtbot, signed_in, settings)
    offered = []
    answers = iter([(str(tmp_path / "대장"), "Excel"), (str(tmp_path / "대장.csv"), "")])

    def chosen(parent, caption, name, filters):
        offered.append((name, filters))
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    window.register_action.trigger()
    qtbot.waitUntil(lambda: not background.busy(), timeout=20_000)
    assert offered[0][0].endswith(".xlsx") and "*.xlsx" in offered[0][1] and "*.csv" in offered[0][1]
    assert list(openpyxl.load_workbook(tmp_path / "대장.xlsx").active.iter_rows(values_only=True)) == [HEADERS]
    window.register_action.trigger()
    qtbot.waitUntil(lambda: not background.busy(), timeout=20_000)
    assert (tmp_path / "대장.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "대장.csv" in window.status.currentMessage()
