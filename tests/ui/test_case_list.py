from datetime import date

from PySide6.QtCore import Qt

from intake_desktop.domain.korean import collation_key
from intake_desktop.ui.case_table_model import CASE_ID_ROLE, CaseTableModel, Column
from intake_desktop.ui.main_window import MainWindow

from .conftest import PEOPLE
from .windows import open_main_window


def names_shown(window: MainWindow) -> list[str]:
    model = window.table.model()
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def test_choseong_search_filters_to_kim_minsu(qtbot, signed_in_with_cases, settings):
    window = open_main_window(qtbot, signed_in_with_cases, settings)
    assert window.model.rowCount() == len(PEOPLE)
    window.search.insert("ㄱㅁㅅ")  # 초성 of 김민수, as a Korean IME would deliver it
    qtbot.waitUntil(lambda: window.model.rowCount() < len(PEOPLE), timeout=2_000)
    shown = names_shown(window)
    assert "김민수" in shown
    # Every hit really has those initials in order (김민서 and 고민수 qualify too).
    assert set(shown) == {"강민석", "고민수", "김민서", "김민수", "김명숙"}
    assert window.count_label.text() == f"{len(PEOPLE)}건 중 5건"
    window.search.clear()
    window.search.insert("김민수")
    qtbot.waitUntil(lambda: names_shown(window) == ["김민수"], timeout=2_000)


def test_search_by_phone_digits_and_case_number(qtbot, signed_in_with_cases, settings):
    window = open_main_window(qtbot, signed_in_with_cases, settings)
    window.search.setText("010-5555-0007")
    window.search.emit_now()
    assert names_shown(window) == [PEOPLE[7]]
    number = signed_in_with_cases.cases.index.items[0].case_number
    window.search.setText(number)
    window.search.emit_now()
    assert window.model.rowCount() == 1
    assert window.model.summary_at(0).case_number == number


def test_name_column_is_in_ganada_order(qtbot, signed_in_with_cases, settings):
    window = open_main_window(qtbot, signed_in_with_cases, settings)
    shown = names_shown(window)
    assert shown == sorted(PEOPLE, key=collation_key)
    assert shown[0] == "강민석"
    window.table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert names_shown(window) == list(reversed(shown))


def test_columns_show_korean_labels_and_dates(qtbot, signed_in_with_cases, settings):
    window = open_main_window(qtbot, signed_in_with_cases, settings)
    model = window.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["이름", "나이", "위험도", "단계", "담당자", "최근 연락", "다음 연락 예정"]
    row = next(r for r in range(model.rowCount()) if model.summary_at(r).name == "김민수")
    assert model.index(row, Column.RISK).data() == "긴급"
    assert model.index(row, Column.STAGE).data() == "접수·초기상담"
    assert model.index(row, Column.LAST_CONTACT).data() == "2025. 5. 1."
    assert model.index(row, Column.AGE).data() == "35"  # born 1990-01-01, today 2025-06-10
    assert model.index(row, Column.COUNSELLOR).data() == "김관리"
    assert model.index(row, 0).data(CASE_ID_ROLE) == model.summary_at(row).case_id


def test_sorting_by_risk_puts_urgent_first_and_blanks_last(qtbot, signed_in_with_cases, settings):
    window = open_main_window(qtbot, signed_in_with_cases, settings)
    window.table.sortByColumn(Column.RISK, Qt.SortOrder.AscendingOrder)
    risks = [window.model.index(r, Column.RISK).data() for r in range(window.model.rowCount())]
    assert risks[0] == "긴급" and risks[-1] == ""
    window.table.sortByColumn(Column.RISK, Qt.SortOrder.DescendingOrder)
    risks = [window.model.index(r, Column.RISK).data() for r in range(window.model.rowCount())]
    assert risks[0] == "저" and risks[-1] == ""


def test_model_passes_qt_model_tester(qtmodeltester, signed_in_with_cases):
    model = CaseTableModel(today=lambda: date(2025, 6, 10))
    model.set_case_index(signed_in_with_cases.cases.index)
    qtmodeltester.check(model, force_py=False)
    model.set_query("김")
    model.sort(Column.NEXT_FOLLOW_UP, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=False)
    model.clear()
    qtmodeltester.check(model, force_py=False)


def test_search_stays_fast_at_ten_thousand_cases():
    """Keystroke budget: the model's own work per query at 10k cases (100k scales linearly)."""
    import time

    from intake_desktop.domain.cases import CaseSummary
    from intake_desktop.domain.enums import Stage
    from intake_desktop.domain.search import CaseIndex

    surnames, given = "김이박최정강조윤장임", ["민수", "서연", "지훈", "유진", "하늘", "서준", "예린", "도윤"]
    summaries = [
        CaseSummary(f"id{i}", f"2025-{i:05d}", surnames[i % 10] + given[i % 8] + str(i % 7), date(1995, 1, 1),
                    Stage.INTAKE, None, "c", "상담사", mobile=f"010{i:08d}")
        for i in range(10_000)
    ]
    model = CaseTableModel()
    model.set_case_index(CaseIndex(summaries))
    started = time.perf_counter()
    for query in ("ㄱ", "ㄱㅁ", "ㄱㅁㅅ", "김민", "010000", ""):
        model.set_query(query)
    model.sort(Column.AGE, Qt.SortOrder.DescendingOrder)
    assert (time.perf_counter() - started) / 7 < 0.1
