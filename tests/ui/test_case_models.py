"""The workspace's Qt models (checked with QAbstractItemModelTester), the list filters, the
duplicate check, and two case-file windows saving the same person (the conflict dialog)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.enums import RiskLevel, Stage
from intake_desktop.domain.search import CaseIndex, sort_by_name
from intake_desktop.services.records import Record
from intake_desktop.domain.case_filters import NO_RISK, OPEN, CaseFilter, filter_mask
from intake_desktop.domain.duplicates import find_duplicates
from intake_desktop.ui.case_list_filters import FilterBar
from intake_desktop.ui.case_table_model import CaseTableModel, Column

from .conftest import PEOPLE

TODAY = date(2025, 6, 10)


def summaries() -> list[CaseSummary]:
    """Invented cases with every stage and risk level; two counsellors."""
    made = []
    for i, name in enumerate(PEOPLE):
        made.append(CaseSummary(
            case_id=f"c{i}", case_number=f"2025-{i:05d}", name=name, birth_date=date(1990 + i % 15, 1 + i % 12, 1),
            stage=list(Stage)[i % len(Stage)], risk_level=[*RiskLevel, None][i % 5],
            counsellor_id="me" if i % 2 else "other", counsellor_name="상담사", mobile=f"0105555{i:04d}",
            next_follow_up=TODAY + timedelta(days=(i % 7) - 3) if i % 3 else None,
        ))
    return sort_by_name(made)


@pytest.fixture
def index() -> CaseIndex:
    return CaseIndex(summaries())


# -- filters -------------------------------------------------------------------------------------
def test_an_empty_filter_needs_no_mask(index):
    assert filter_mask(index.items, CaseFilter(), "me", TODAY) is None


@pytest.mark.parametrize("case_filter, keep", [
    (CaseFilter(stage=Stage.ASSESSMENT), lambda c: c.stage is Stage.ASSESSMENT),
    (CaseFilter(stage=OPEN), lambda c: c.stage not in (Stage.CLOSED, Stage.FOLLOW_UP)),
    (CaseFilter(risk=RiskLevel.URGENT), lambda c: c.risk_level is RiskLevel.URGENT),
    (CaseFilter(risk=NO_RISK), lambda c: c.risk_level is None),
    (CaseFilter(mine_only=True), lambda c: c.counsellor_id == "me"),
    (CaseFilter(overdue_only=True), lambda c: c.next_follow_up is not None and c.next_follow_up < TODAY),
    (CaseFilter(stage=OPEN, risk=RiskLevel.HIGH, mine_only=True),
     lambda c: c.stage not in (Stage.CLOSED, Stage.FOLLOW_UP) and c.risk_level is RiskLevel.HIGH
     and c.counsellor_id == "me"),
])
def test_filters_keep_exactly_the_matching_cases(index, case_filter, keep):
    model = CaseTableModel(today=lambda: TODAY)
    model.set_case_index(index)
    model.set_filter(case_filter, "me")
    shown = {model.summary_at(r).case_id for r in range(model.rowCount())}
    assert shown == {c.case_id for c in index.items if keep(c)}
    assert shown, "each filter of the test keeps some cases"


def test_filter_and_search_combine_and_keep_ganada_order(index):
    model = CaseTableModel(today=lambda: TODAY)
    model.set_case_index(index)
    model.set_filter(CaseFilter(mine_only=True), "me")
    model.set_query("김")
    names = [model.summary_at(r).name for r in range(model.rowCount())]
    expected = [c.name for c in index.items if c.counsellor_id == "me" and "김" in c.name]
    assert names == expected and names
    assert model.is_narrowed()
    model.set_query("")
    model.set_filter(CaseFilter(), "me")
    assert model.rowCount() == len(index) and not model.is_narrowed()


def test_a_reloaded_index_keeps_the_filter(index):
    model = CaseTableModel(today=lambda: TODAY)
    model.set_filter(CaseFilter(risk=RiskLevel.URGENT), "me")
    model.set_case_index(index)
    assert all(model.summary_at(r).risk_level is RiskLevel.URGENT for r in range(model.rowCount()))
    model.clear()
    assert model.rowCount() == 0 and model.case_filter == CaseFilter(risk=RiskLevel.URGENT)


def test_filter_bar_announces_the_filter(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    seen = []
    bar.changed.connect(seen.append)
    bar.stage.setCurrentIndex(bar.stage.findData(Stage.PLANNING.value))
    bar.mine.setChecked(True)
    assert seen[-1] == CaseFilter(stage=Stage.PLANNING, mine_only=True)
    assert bar.reset_button.isEnabled()
    bar.reset()
    assert seen[-1] == CaseFilter() and not bar.reset_button.isEnabled()


def test_filtered_case_model_passes_the_model_tester(qtmodeltester, index):
    model = CaseTableModel(today=lambda: TODAY)
    model.set_case_index(index)
    model.set_filter(CaseFilter(overdue_only=True), "me")
    model.sort(Column.RISK, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=False)
    model.set_query("ㄱ")
    qtmodeltester.check(model, force_py=False)


def test_filtering_stays_fast_at_a_hundred_thousand_cases():
    """Changing a filter builds one mask; a keystroke then only picks the flagged hits."""
    import time

    many = [CaseSummary(f"id{i}", f"2025-{i:06d}", ["김민수", "이서연", "박지훈"][i % 3] + str(i % 97),
                        date(1995, 1, 1), list(Stage)[i % 7], [*RiskLevel, None][i % 5], "me" if i % 2 else "x",
                        "상담사", mobile=f"010{i:08d}", next_follow_up=TODAY - timedelta(days=i % 5))
            for i in range(100_000)]
    model = CaseTableModel(today=lambda: TODAY)
    model.set_case_index(CaseIndex(many))
    started = time.perf_counter()
    model.set_filter(CaseFilter(stage=OPEN, overdue_only=True), "me")
    filter_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for query in ("ㄱ", "ㄱㅁ", "김민", "김민수1", ""):
        model.set_query(query)
    keystroke = (time.perf_counter() - started) / 5
    assert filter_seconds < 0.5
    assert keystroke < 0.1


# -- duplicate check -----------------------------------------------------------------------------
def test_duplicates_by_name_and_birth_date_or_by_mobile(index):
    kim = next(c for c in index.items if c.name == "김민수")
    same = find_duplicates(index.items, {"name": " 김민수 ", "birth_date": kim.birth_date.isoformat()})
    assert [c.case_id for c in same] == [kim.case_id]
    # Same name, another birthday: a different person.
    assert find_duplicates(index.items, {"name": "김민수", "birth_date": "1980-01-01"}) == []
    by_phone = find_duplicates(index.items, {"name": "다른이름", "birth_date": "1980-01-01",
                                             "mobile": "010-5555-" + kim.mobile[-4:]})
    assert [c.case_id for c in by_phone] == [kim.case_id]
    assert find_duplicates(index.items, {"name": "", "birth_date": "", "mobile": "010"}) == []


def test_the_new_case_dialog_offers_the_existing_case(qtbot, signed_in_with_cases, settings):
    from .windows import open_main_window

    window = open_main_window(qtbot, signed_in_with_cases, settings)
    kim = next(c for c in window.model.index_in_use().items if c.name == "김민수")
    window.open_new_case()
    dialog = window.new_case_dialog
    dialog.name.setText("김민수")
    dialog.birth_date.setText(kim.birth_date.isoformat())
    dialog.save_button.click()
    duplicates = dialog.duplicate_dialog
    assert duplicates is not None and duplicates.isVisible()
    assert duplicates.selected_case_id() == kim.case_id
    assert signed_in_with_cases.cases.count() == len(PEOPLE), "nothing created yet"
    duplicates.open_button.click()
    assert not dialog.isVisible()
    assert window.open_cases.current().case_id == kim.case_id
    assert signed_in_with_cases.cases.count() == len(PEOPLE)

    window.open_new_case()
    dialog.name.setText("김민수")
    dialog.birth_date.setText(kim.birth_date.isoformat())
    dialog.save_button.click()
    dialog.duplicate_dialog.create_button.click()  # a namesake born the same day: create anyway
    assert signed_in_with_cases.cases.count() == len(PEOPLE) + 1


# -- the other models ----------------------------------------------------------------------------
def test_home_entries_model(qtmodeltester):
    from intake_desktop.ui.home import CASE_ID_ROLE, HomeEntriesModel, HomeEntry

    model = HomeEntriesModel()
    model.set_entries([HomeEntry("a", "김민수 · 2025-00001", urgent=True), HomeEntry("b", "이서연 · 2025-00002")])
    qtmodeltester.check(model, force_py=False)
    assert model.index(0).data(CASE_ID_ROLE) == "a"
    assert model.index(0).data(Qt.ItemDataRole.ForegroundRole) is not None
    model.set_entries([])
    qtmodeltester.check(model, force_py=False)


def note(i: int, on: date, content: str) -> Record:
    return Record(f"n{i}", "c", 1, "me", {"date": on.isoformat(), "mode": "visit", "minutes": 50,
                                          "content": content, "next_steps": ""})


def test_notes_model(qtmodeltester):
    from intake_desktop.ui.case_file.notes_model import RECORD_ROLE, NotesModel

    model = NotesModel()
    model.set_notes([note(2, date(2025, 6, 3), "두 번째 만남\n둘째 줄"), note(1, date(2025, 5, 27), "첫 만남")])
    qtmodeltester.check(model, force_py=False)
    first = model.index(0).data()
    assert first.startswith("2025. 6. 3.") and "두 번째 만남" in first and "둘째 줄" not in first
    assert model.index(1).data(RECORD_ROLE).id == "n1"


def test_follow_ups_model_asks_before_marking_done(qtmodeltester):
    from intake_desktop.ui.case_file.follow_ups_model import FollowUpColumn, FollowUpsModel

    open_one = Record("f1", "c", 1, "me", {"due": "2025-06-08", "what": "문자로 안부", "done": None})
    done_one = Record("f2", "c", 2, "me", {"due": "2025-06-01", "what": "통화", "done": "2025-06-02"})
    model = FollowUpsModel(today=lambda: TODAY)
    model.set_records([open_one, done_one])
    qtmodeltester.check(model, force_py=False)
    requested = []
    model.complete_requested.connect(requested.append)
    done_cell = model.index(0, FollowUpColumn.DONE)
    assert model.flags(done_cell) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(0, FollowUpColumn.DUE).data(Qt.ItemDataRole.ForegroundRole) is not None  # overdue
    assert model.setData(done_cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert requested == [open_one]
    assert not model.setData(model.index(1, FollowUpColumn.DONE), Qt.CheckState.Unchecked.value,
                             Qt.ItemDataRole.CheckStateRole), "done stays done"


def test_plan_model_edits_and_tracks_changes(qtmodeltester):
    from intake_desktop.ui.case_file.plan_model import PlanColumn, PlanModel

    model = PlanModel()
    model.set_partners([("p1", "동작이수사회복지관")])
    model.set_goals([{"goal": "주 2회 외출", "services": "산책 동행", "partner_id": "p1",
                      "target_date": "2025-08-31", "status": "in_progress"}])
    qtmodeltester.check(model, force_py=False)
    assert not model.is_dirty()
    assert model.index(0, PlanColumn.PARTNER).data() == "동작이수사회복지관"
    assert model.index(0, PlanColumn.TARGET).data() == "2025. 8. 31."
    row = model.add_goal()
    assert model.setData(model.index(row, PlanColumn.GOAL), "동료모임 참여")
    assert model.setData(model.index(row, PlanColumn.TARGET), "2025. 9. 30.")
    assert model.goals()[1]["target_date"] == "2025-09-30"
    assert model.is_dirty()
    qtmodeltester.check(model, force_py=False)
    model.remove_goal(0)
    assert [g["goal"] for g in model.goals()] == ["동료모임 참여"]


def test_intake_history_model(qtmodeltester, signed_in):
    from intake_desktop.services.demo import demo_cases
    from intake_desktop.ui.case_file.intake_history import IntakeHistoryModel, intake_rows

    new_case, _extra = next(demo_cases(1, 3, TODAY, [signed_in.account_id]))
    new_case.is_demo = False
    case_id = signed_in.cases.create_many([new_case])[0]
    answers = dict(signed_in.intakes.latest(case_id).answers, intake_date="2025-06-09")
    answers.update({f"phq9_{i}": 0 for i in range(1, 10)})
    signed_in.intakes.save(case_id, answers, complete=False)

    rows, instruments = intake_rows(signed_in.intakes.records(case_id), "ko")
    model = IntakeHistoryModel()
    model.set_rows(rows, instruments)
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 2 and model.index(0, 0).data() == "2025. 6. 9.", "newest first"
    phq9 = [i for i, (key, _title) in enumerate(instruments) if key == "phq9"][0] + 2
    assert model.index(0, phq9).data() == "0"
    assert model.series("phq9")[-1] == 0 and len(model.series("phq9")) == 2
    assert model.headerData(phq9, Qt.Orientation.Horizontal) and not model.index(0, 0).parent().isValid()
    assert model.rowCount(QModelIndex()) == 2


# -- two windows, one person ---------------------------------------------------------------------
def test_two_windows_saving_the_same_person_show_both_versions(qtbot, signed_in_with_cases, settings):
    from .windows import open_main_window

    session = signed_in_with_cases
    window = open_main_window(qtbot, session, settings)
    case_id = next(c.case_id for c in window.model.index_in_use().items if c.name == "이서연")
    first = window.open_case(case_id)  # a tab
    second = window.open_case(case_id, in_window=True)  # the same case in a window of its own
    assert first is not second

    first.overview.person_form.mobile.setText("010-1111-2222")
    second.overview.person_form.mobile.setText("010-3333-4444")
    second.overview.person_form.road_address.setText("서울특별시 동작구 상도로 1")
    assert first.overview.save()
    assert session.cases.get(case_id).person["mobile"] == "01011112222"

    assert not second.overview.save(), "the second save must not overwrite the first"
    dialog = second.overview.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert set(dialog.differing_keys()) == {"mobile", "road_address"}
    texts = [label.text() for label in dialog.findChildren(type(second.name_label))]
    assert "010-1111-2222" in texts and "010-3333-4444" in texts, "both versions side by side"
    assert session.cases.get(case_id).person["mobile"] == "01011112222", "nothing written yet"

    # Backing out keeps the typing; saving again asks again.
    dialog.back_button.click()
    assert second.overview.person_form.mobile.text() == "010-3333-4444"
    assert not second.overview.save()
    dialog = second.overview.conflict_dialog
    dialog.choose("mobile", "theirs")  # the first window's number is the right one
    dialog.choose("road_address", "mine")
    dialog.save_button.click()
    stored = session.cases.get(case_id).person
    assert stored["mobile"] == "01011112222"
    assert stored["address"]["road_address"] == "서울특별시 동작구 상도로 1"
    assert not second.overview.has_unsaved()
    # The first window follows (it had nothing unsaved).
    qtbot.waitUntil(lambda: first.overview.person_form.road_address.text() == "서울특별시 동작구 상도로 1",
                    timeout=5_000)
