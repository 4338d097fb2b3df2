"""The import screen: choose an Excel/CSV file, map the columns, see every problem by row and
column, import with a progress bar; an RRN column refused with the reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFileDialog

from intake_desktop.ui import background
from intake_desktop.ui.import_dialog import ImportDialog

from tabular.sheets import HEADER, write_xlsx
from ui.screenshots import Shots, screenshot_dir

ROWS = [
    ["김민수", date(1999, 3, 2), "남", 1012345678, "서울특별시 동작구 노량진로 10", 6900, "", date(2025, 5, 14)],
    ["이서연", "2001.4.15", "여", "010-9876-5432", "", "", "", ""],
    ["박지훈", "생일 모름", "", "", "", "", "", ""],
]


def wait(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not background.busy(), timeout=20_000)
    qtbot.waitUntil(lambda: not dialog.busy.running, timeout=5_000)


def open_dialog(qtbot, session, path):
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(path)
    wait(qtbot, dialog)
    return dialog


def test_choose_check_fix_and_import(qtbot, signed_in, tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "명단.xlsx", [HEADER] + ROWS + [["최유나", "2000-01-31", "", "", "", "", "", ""]])
    dialog = ImportDialog(signed_in)
    qtbot.addWidget(dialog)
    dialog.show()
    offered = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (offered.append(a[3]) or str(path), "")))
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    dialog.choose_button.click()
    wait(qtbot, dialog)
    assert "*.xlsx" in offered[0] and "*.csv" in offered[0]
    assert dialog.columns.rowCount() == len(HEADER)
    assert dialog.columns.item(1, 0).text() == "B (생년월일)"
    assert dialog.combos[1].currentData() == "birth_date" and dialog.combos[0].currentData() == "name"
    dialog.check_button.click()
    wait(qtbot, dialog)
    assert dialog.problems.rowCount() >= 1
    rows = {(dialog.problems.item(r, 0).text(), dialog.problems.item(r, 1).text())
            for r in range(dialog.problems.rowCount())}
    assert ("4", "B (생년월일)") in rows
    assert not dialog.import_button.isEnabled()  # all or nothing: nothing while a row is bad
    folder = screenshot_dir(tmp_path)
    shots = Shots(qtbot, folder, "ko")
    shots.grab(dialog, "import-dialog-problems")
    assert shots.tofu == []
    # the 접수일 column left out does not fix a birth date: delete row 4 from the file instead
    write_xlsx(path, [HEADER] + ROWS[:2] + [["최유나", "2000-01-31", "", "", "", "", "", ""]])
    dialog.open_file(path)
    wait(qtbot, dialog)
    dialog.combos[7].setCurrentIndex(0)  # 접수일: not imported
    assert dialog.plan.mapping.column_for("intake_date") is None
    dialog.check_button.click()
    wait(qtbot, dialog)
    assert dialog.problems.rowCount() == 0 and dialog.import_button.isEnabled()
    imported = []
    dialog.imported.connect(imported.append)
    dialog.import_button.click()
    wait(qtbot, dialog)
    assert imported == [3]
    assert sorted(s.name for s in signed_in.cases.index.items if s.name in ("김민수", "이서연", "최유나")) == [
        "김민수", "이서연", "최유나"]
    assert not dialog.import_button.isEnabled()  # not twice


def test_an_rrn_column_is_refused_with_the_reason(qtbot, signed_in, tmp_path):
    path = write_xlsx(tmp_path / "명단.xlsx", [["성명", "주민등록번호"], ["김민수", "990302-1234567"]])
    dialog = open_dialog(qtbot, signed_in, path)
    assert dialog.plan is None and not dialog.check_button.isEnabled()
    assert "주민등록번호" in dialog.error.text() and "B" in dialog.error.text()


def test_the_cases_menu_opens_it_and_a_lock_closes_it(qtbot, signed_in, settings, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui.windows import open_main_window

    window = open_main_window(qtbot, signed_in, settings)
    window.import_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    path = write_xlsx(tmp_path / "명단.xlsx", [HEADER] + ROWS[:2])
    dialog.open_file(path)
    wait(qtbot, dialog)
    assert dialog.plan is not None
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert dialog.plan is None and dialog.closed
    assert not window.import_action.isEnabled()
