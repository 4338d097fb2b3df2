from datetime import date

from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.new_case_dialog import NewCaseDialog, normalise_date_input

from .conftest import type_text


def test_validation_problems_keep_the_typed_data(qtbot, signed_in):
    dialog = NewCaseDialog(signed_in)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "김하늘")
    type_text(qtbot, dialog.birth_date, "3000-01-01")
    type_text(qtbot, dialog.mobile, "12")
    dialog.save_button.click()
    assert dialog.isVisible()
    problems = dialog.problems.text()
    assert "생년월일" in problems and "휴대전화" in problems
    assert dialog.name.text() == "김하늘" and dialog.birth_date.text() == "3000-01-01"
    assert signed_in.cases.count() == 0


def test_a_valid_case_is_created_and_selected_in_the_list(qtbot, signed_in, settings):
    window = MainWindow(signed_in, settings, today=lambda: date(2025, 6, 10))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)
    assert window.empty_hint.isVisible()
    window.open_new_case()
    dialog = window.new_case_dialog
    type_text(qtbot, dialog.name, "이서연")
    type_text(qtbot, dialog.birth_date, "2000.3.2")
    type_text(qtbot, dialog.mobile, "010-1234-5678")
    dialog.save_button.click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert window.model.summary_at(0).name == "이서연"
    assert window.model.summary_at(0).birth_date == date(2000, 3, 2)
    # selected once the last reload (after the change notification's) is shown
    qtbot.waitUntil(lambda: bool(window.table.selectionModel().selectedRows()), timeout=10_000)
    assert window.table.selectionModel().selectedRows()[0].row() == 0
    assert not window.empty_hint.isVisible()


def test_korean_date_habits_become_iso():
    assert normalise_date_input("1999. 3. 2.") == "1999-03-02"
    assert normalise_date_input("1999/03/02") == "1999-03-02"
    assert normalise_date_input(" 19990302 ") == "19990302"  # the service judges the rest
