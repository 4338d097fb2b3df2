"""The intake form screen: generated from forms/intake-youth.yaml, filled in by keyboard only,
checked inline, kept as an encrypted draft, scored live, saved on its pinned form version.

Also the screenshot run: every section at 100 % and 150 % plus the crisis dialog, made in a
subprocess each (QT_SCALE_FACTOR must be set before the QApplication exists). Run as a script
to refresh docs/screenshots:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/test_intake_form.py --out docs/screenshots --scale 1
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 .venv/bin/python tests/ui/test_intake_form.py \
        --out docs/screenshots --scale 1.5

(or run the screenshot test with INTAKE_SCREENSHOTS_DIR=docs/screenshots; by default it writes to
a temporary folder). Why a process per scale: QT_SCALE_FACTOR is Qt's own high-DPI scaling, the
same path a 150 % Windows display takes (layouts in device-independent pixels, text and icons
drawn at 1.5x), which no font-size trick in one process reproduces. Each run also checks every
visible text of the form and the crisis dialog for glyphs the font lacks (tofu) and for text its
widget cuts off, and fails if it finds any. This module imports nothing from the test package,
so it runs as a script too.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QRadioButton, QWidget,
)

from intake_desktop.domain import dates

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ("reception", "personal", "isolation_status", "instruments", "crisis_screen", "daily_life_health",
            "needs_section", "consent_note", "assessment")


# -- helpers ---------------------------------------------------------------------------------
def new_case(session, name="김민수") -> str:
    return session.cases.create({"name": name, "birth_date": "1999-03-04"})


def make_widget(qtbot, session, case_id, **kwargs):
    from intake_desktop.ui.intake_form import IntakeFormWidget

    widget = IntakeFormWidget(session, case_id, **kwargs)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    QApplication.processEvents()
    return widget


def ui_text(source: str, n: int | None = None) -> str:
    """A string of the form's chrome as the current translator renders it (Korean after the
    translation pass, English before): tests stay true either way."""
    from PySide6.QtCore import QCoreApplication

    if n is None:
        return QCoreApplication.translate("IntakeForm", source)
    return QCoreApplication.translate("IntakeForm", source, "", n)


def focused() -> QWidget:
    return QApplication.focusWidget()


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def type_keys(text: str) -> None:
    """Type into the focused field. QTest synthesises ASCII key presses only; Hangul arrives
    through the input method in real life, which `insert` stands in for (as in conftest)."""
    widget = focused()
    if text.isascii():
        QTest.keyClicks(widget, text)
    elif isinstance(widget, QPlainTextEdit):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def field_of(widget: QWidget | None) -> str | None:
    from intake_desktop.ui.intake_form.field_widgets import prop

    return prop(widget, "intake_field") if widget is not None else None


def prop_of(widget: QWidget, name: str):
    from intake_desktop.ui.intake_form.field_widgets import prop

    return prop(widget, name)  # not widget.property(): PySide6 6.12 mishandles unset ones


# What a counsellor keys in, per field. "pick" = the option value of a radio group or
# drop-down; "check" = the options of a multiple choice; "text" = typed; "digit" = likert.
HQ25 = {f"hq25_{i}": (i * 3) % 5 for i in range(1, 26)}
PHQ9 = {**{f"phq9_{i}": (i % 3) for i in range(1, 9)}, "phq9_9": 0}
GAD7 = {f"gad7_{i}": (i % 4) for i in range(1, 8)}
UCLA3 = {"ucla3_1": 2, "ucla3_2": 3, "ucla3_3": 1}
LSNS6 = {f"lsns6_{i}": i - 1 for i in range(1, 7)}
PLAN = {
    "intake_date": ("text", "2025-05-14"),
    "counsellor_name": ("text", "박상담"),
    "referral_source": ("pick", "institution"),
    "referral_institution": ("text", "동작구 정신건강복지센터"),
    "intake_mode": ("pick", "visit"),
    "name": ("text", "김민수"),
    "birth_date": ("text", "19990304"),  # a Korean habit: shown as 1999-03-04 on leaving
    "gender": ("pick", "male"),
    "mobile": ("text", "01012345678"),
    ("address", "postal_code"): ("text", "06234"),
    ("address", "road_address"): ("text", "서울특별시 강남구 테헤란로 1"),
    ("address", "detail"): ("text", "101호"),
    "emergency_contact_name": ("text", "김영희(어머니)"),
    "emergency_contact_phone": ("text", "021234567"),
    "preferred_contact": ("pick", "email"),
    "email": ("text", "minsu@example.org"),
    "going_out_frequency": ("pick", "room_only"),
    "stay_home_exclusion": ("pick", "none"),
    "isolation_months": ("text", "14"),
    "trigger": ("text", "취업 실패 뒤 방 밖으로 나오지 않음"),
    "activity_last_month": ("check", {"none"}),
    "months_without_activity": ("text", "20"),
    "emotional_isolation": ("pick", True),
    "physical_isolation": ("pick", True),
    **{k: ("digit", v) for k, v in {**HQ25, **PHQ9, **GAD7, **UCLA3, **LSNS6}.items()},
    "ucla3": ("check", {"use"}),  # the optional instruments: switched on
    "lsns6": ("check", {"use"}),
    "self_harm_history": ("pick", "never"),
    "suicide_attempt_history": ("pick", "never"),
    "current_danger": ("pick", False),
    "crime_victimisation": ("pick", "none"),
    "contact_loss_risk": ("pick", "some"),
    "last_contact_date": ("text", "2025-05-10"),
    "warning_signs": ("text", "밤낮이 바뀜"),
    "daily_life": ("pick", "some_help"),
    "daily_life_note": ("text", "식사를 자주 거름"),
    "mental_health_care": ("pick", "past"),
    "medication": ("pick", "stopped"),
    "medication_detail": ("text", "수면제"),
    "finances": ("pick", "some_difficulty"),
    "finances_note": ("text", "부모 지원"),
    ("household", "add"): ("rows", 2),
    ("household_relation", 0): ("pick", "parent"),
    ("household_age", 0): ("text", "55"),
    ("household_note", 0): ("text", "관계 원만"),
    ("household_relation", 1): ("pick", "sibling"),
    ("household_age", 1): ("text", "27"),
    "needs": ("check", {"counselling", "peer_group", "other"}),
    "needs_other": ("text", "운동 모임"),
    "education": ("pick", "college_graduate"),
    "work_history": ("text", "편의점 아르바이트 1년"),
    "wished_work": ("text", "디자인"),
    "constraints": ("text", "오전 불가"),
    "counsellor_assessment": ("text", "은둔 2년, 우울 중간 정도. 또래 모임부터 연계."),
    "risk_level": ("pick", "high"),
    "risk_override_reason": ("text", "장기 은둔으로 한 단계 높여 관리"),
}


def plan_for(widget: QWidget):
    field = field_of(widget)
    part = prop_of(widget, "intake_part")
    row = prop_of(widget, "intake_group_row")
    for key in ((field, part), (field, row), field):
        if key in PLAN:
            return key, PLAN[key]
    return None, None


def option_of(widget: QWidget):
    return prop_of(widget, "intake_option")


def fill_by_keyboard(form) -> list[str]:
    """Walk the form with Tab from its first question, keying in PLAN. Returns the fields
    visited, in order. Only key presses reach the widgets (Hangul via the IME stand-in)."""
    first = form.first_focus_widget()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert focused() is first
    visited: list[str] = []
    done: set = set()
    rows_added = 0
    for _ in range(2000):
        widget = focused()
        assert widget is not None
        if not form.built.content.isAncestorOf(widget):
            break  # past the last question
        field = field_of(widget)
        key, entry = plan_for(widget)
        action, want = entry if entry else (None, None)
        if field and (not visited or visited[-1] != field):
            visited.append(field)
        if action == "digit":
            assert field not in done, f"{field} reached twice"
            done.add(field)
            press(Qt.Key(int(Qt.Key.Key_0) + want))  # answers and moves on by itself
            continue
        if action == "rows" and rows_added < want:
            press(Qt.Key.Key_Space)  # Add a row: focus jumps into the new row
            rows_added += 1
            continue
        if action == "check" and (option_of(widget) in want) and not widget.isChecked():
            press(Qt.Key.Key_Space)
        elif action == "pick" and key not in done:
            done.add(key)
            if isinstance(widget, QComboBox):
                target = next(i for i in range(widget.count()) if widget.itemData(i) == want)
                for _step in range(target - widget.currentIndex()):
                    press(Qt.Key.Key_Down)
            else:
                for _step in range(10):
                    if option_of(focused()) == want:
                        break
                    press(Qt.Key.Key_Down)  # moves the focus only: nothing is picked yet
                assert option_of(focused()) == want, (field, want)
                press(Qt.Key.Key_Space)
        elif action == "text" and key not in done:
            done.add(key)
            press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # over what the case already said
            type_keys(want)
        press(Qt.Key.Key_Tab)
    else:
        raise AssertionError("Tab never left the form")
    return visited


# -- tests -------------------------------------------------------------------------------------
def test_the_whole_form_filled_by_keyboard_only_is_saved_and_scored(qtbot, signed_in):
    case_id = new_case(signed_in)
    form = make_widget(qtbot, signed_in, case_id)
    visited = fill_by_keyboard(form)

    # Every visible question was reached, top to bottom, each once.
    assert visited[:3] == ["intake_date", "counsellor_name", "referral_source"]
    assert visited.index("phq9_9") < visited.index("gad7_1") < visited.index("self_harm_history")
    assert "suicide_plan_intent" not in visited and "crisis_action" not in visited  # hidden: no alert
    singles = [f for f in visited if not f.startswith("household")]  # a group's questions repeat per row
    assert len(singles) == len(set(singles)), "a question was visited twice"
    # What the keyboard left on screen: a readable date, a formatted phone number.
    assert form.slot("birth_date").editor.edit.text() == "1999-03-04"
    assert form.slot("mobile").editor.edit.text() == "010-1234-5678"
    assert form.progress.answered == form.progress.total > 0

    QTest.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S: save
    assert form.last_saved is not None, form.problems.heading.text() + repr(form.problems.keys())
    assert form.last_save_complete and not form.has_unsaved_changes()

    stored = signed_in.intakes.latest(case_id)
    answers = signed_in.intakes.form_answers(case_id, stored)  # the person's details from the person
    assert stored.form.version == 1
    assert "name" not in stored.answers and signed_in.cases.get(case_id).person["mobile"] == "01012345678"
    assert answers["name"] == "김민수" and answers["birth_date"] == "1999-03-04"
    assert answers["mobile"] == "01012345678" and answers["emergency_contact_phone"] == "021234567"
    assert answers["address"] == {"postal_code": "06234", "road_address": "서울특별시 강남구 테헤란로 1",
                                  "detail": "101호"}
    assert answers["referral_source"] == "institution" and answers["going_out_frequency"] == "room_only"
    assert answers["activity_last_month"] == ["none"] and answers["months_without_activity"] == 20
    assert answers["needs"] == ["counselling", "peer_group", "other"]
    assert answers["emotional_isolation"] is True and answers["current_danger"] is False
    assert answers["household"] == [
        {"household_relation": "parent", "household_age": 55, "household_note": "관계 원만"},
        {"household_relation": "sibling", "household_age": 27},
    ]
    assert all(answers[k] == v for k, v in {**HQ25, **PHQ9, **GAD7, **UCLA3, **LSNS6}.items())
    assert answers["risk_level"] == "high"

    scores = form.last_saved.scores
    reverse = {4, 7, 10, 15, 21, 25}
    hq25 = sum((4 - v) if int(k.split("_")[1]) in reverse else v for k, v in HQ25.items())
    assert scores.get("hq25").total.score == hq25
    assert scores.get("phq9").total.score == sum(PHQ9.values())
    assert scores.get("gad7").total.score == sum(GAD7.values())
    assert scores.get("ucla3").total.score == sum(UCLA3.values())
    assert scores.get("lsns6").total.score == sum(LSNS6.values())
    assert signed_in.cases.get(case_id).case["scores"]["phq9"] == sum(PHQ9.values())
    # The live display said the same before saving.
    assert form.scores_panel.text_of("phq9").startswith(f"{sum(PHQ9.values())} ")
    assert signed_in.drafts.load(form.draft_slot()) is None  # the draft went with the save


def test_a_new_form_carries_over_the_case_and_an_edit_updates_the_person(qtbot, signed_in):

    case_id = signed_in.cases.create({"name": "한지민", "birth_date": "2001-02-03", "mobile": "01023456789"})
    form = make_widget(qtbot, signed_in, case_id)
    assert form.slot("name").editor.edit.text() == "한지민"
    assert form.slot("birth_date").editor.edit.text() == "2001-02-03"
    assert form.slot("mobile").editor.edit.text() == "010-2345-6789"
    assert form.value_of("intake_date") == dates.today().isoformat()
    assert form.value_of("counsellor_name") == signed_in.display_name
    assert not form.has_unsaved_changes()  # what the case said is not unsaved typing
    mobile = form.slot("mobile").editor.edit
    mobile.setFocus()
    mobile.selectAll()
    type_keys("01099998888")
    assert form.save(False) is True
    assert signed_in.cases.get(case_id).person["mobile"] == "01099998888"


def test_the_intake_window_says_whose_form_it_is(qtbot, signed_in):
    from intake_desktop.ui.intake_form import IntakeFormDialog

    case_id = new_case(signed_in, "남궁민")
    number = signed_in.cases.get(case_id).case_number
    dialog = IntakeFormDialog(signed_in, case_id)
    qtbot.addWidget(dialog)
    assert "남궁민" in dialog.windowTitle() and number in dialog.windowTitle()
    assert "남궁민" in dialog.form_widget.header.text()


def test_every_control_is_named_after_its_question_and_focus_is_visible(qtbot, signed_in):
    from intake_desktop.ui.intake_form.sections import CURRENT_ROW_COLOUR

    form = make_widget(qtbot, signed_in, new_case(signed_in))
    for widget in form.built.focus_sequence():
        field = field_of(widget)
        assert widget.accessibleName(), f"{field}: control without an accessible name"
        slot = form.built.slots.get(field)
        label = slot.label if slot else form.built.rows.get(field).label if field in form.built.rows else None
        if slot and slot.instrument is None:
            assert label in widget.accessibleName(), (field, widget.accessibleName())
    name = form.slot("name").editor.focus_widget()
    name.setFocus()
    QApplication.processEvents()
    row = form.built.rows["name"]
    assert row.palette().color(row.backgroundRole()).name() == CURRENT_ROW_COLOUR
    assert form.built.rows["birth_date"].palette().color(row.backgroundRole()).name() != CURRENT_ROW_COLOUR
    assert form.index.current_section() == "personal"


def test_the_section_index_jumps_and_follows(qtbot, signed_in):
    form = make_widget(qtbot, signed_in, new_case(signed_in))
    index = form.index
    item = index._items["needs_section"]
    index.itemClicked.emit(item)
    assert field_of(focused()) == "needs" and index.current_section() == "needs_section"
    block = form.built.sections["needs_section"]
    assert form.scroll.verticalScrollBar().value() == min(block.y(), form.scroll.verticalScrollBar().maximum())
    press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # previous section
    assert index.current_section() == "daily_life_health" and field_of(focused()) == "daily_life"
    form.scroll.verticalScrollBar().setValue(0)  # scrolling alone moves the highlight too
    assert index.current_section() == "reception"


def test_dates_take_korean_habits_and_a_calendar(qtbot, signed_in):
    from PySide6.QtCore import QDate

    form = make_widget(qtbot, signed_in, new_case(signed_in))
    editor = form.slot("last_contact_date").editor
    editor.edit.setFocus()
    type_keys("2025년 5월 9일")
    press(Qt.Key.Key_Tab)
    assert editor.edit.text() == "2025-05-09"
    editor.edit.setFocus()
    press(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # Alt+Down: the calendar
    assert editor.calendar is not None and editor.calendar.isVisible()
    assert editor.calendar.selectedDate() == QDate(2025, 5, 9)
    editor.calendar.activated.emit(QDate(2025, 5, 12))
    assert editor.edit.text() == "2025-05-12" and not editor.calendar.isVisible()
    editor.edit.clear()  # a date may stay empty
    assert form.value_of("last_contact_date") is None


def test_someone_elses_save_in_between_keeps_the_typing(qtbot, signed_in):
    case_id = new_case(signed_in)
    first = signed_in.intakes.save(case_id, {"name": "김민수"}, complete=False)
    view = signed_in.intakes.latest(case_id)
    form = make_widget(qtbot, signed_in, case_id, view=view)
    signed_in.intakes.save(case_id, {"name": "김민수", "gender": "male"}, complete=False,
                           record_id=first.record_id, expected_version=first.version)
    form.slot("wished_work").editor.edit.setFocus()
    type_keys("바리스타")
    assert form.save(False) is False
    assert form.problems.isVisibleTo(form) and form.problems.heading.text()
    assert form.slot("wished_work").editor.edit.text() == "바리스타" and form.has_unsaved_changes()
    assert "wished_work" not in signed_in.intakes.latest(case_id).answers


def test_number_keys_answer_likert_items_and_move_on(qtbot, signed_in):
    form = make_widget(qtbot, signed_in, new_case(signed_in))
    first = form.slot("phq9_1").editor.focus_widget()
    first.setFocus()
    press(Qt.Key.Key_2)
    assert form.value_of("phq9_1") == 2
    assert field_of(focused()) == "phq9_2"
    press(Qt.Key.Key_9)  # not an answer of PHQ-9 (0-3): nothing happens
    assert form.value_of("phq9_2") is None and field_of(focused()) == "phq9_2"
    press(Qt.Key.Key_0)
    assert form.value_of("phq9_2") == 0 and field_of(focused()) == "phq9_3"
    form.slot("phq9_1").editor.focus_widget().setFocus()
    press(Qt.Key.Key_Delete)  # takes the answer back
    assert form.value_of("phq9_1") is None
    # Keypad digits work too; UCLA-3 answers 1-3 once the optional scale is switched on.
    form.built.instruments["ucla3"].enable_box.setFocus()
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Tab)
    assert field_of(focused()) == "ucla3_1"
    QTest.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.KeypadModifier)
    assert form.value_of("ucla3_1") == 3 and field_of(focused()) == "ucla3_2"
    press(Qt.Key.Key_0)  # UCLA-3 has no 0
    assert form.value_of("ucla3_2") is None
    assert form.scores_panel.text_of("ucla3").startswith(ui_text("Not scorable (%n missing)", 2))


def test_a_follow_up_appearing_does_not_move_the_clicked_answer(qtbot, signed_in):
    """Issue 15, item 12: answering PHQ-9 item 9 brings a follow-up question, an alert and new
    scores; the form re-laid out and the answer under the pointer moved (mis-clicks)."""
    from PySide6.QtCore import QPoint

    form = make_widget(qtbot, signed_in, new_case(signed_in))
    viewport = form.scroll.viewport()
    follow_up = form.built.rows["suicide_plan_intent"]
    button = form.slot("phq9_9").editor.buttons[1]
    form.scroll.ensureWidgetVisible(button, 50, 300)
    QApplication.processEvents()
    before = button.mapTo(viewport, QPoint(0, 0))
    assert follow_up.isHidden()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert form.value_of("phq9_9") == 1 and not follow_up.isHidden()
    assert button.mapTo(viewport, QPoint(0, 0)) == before


def test_show_if_hides_and_shows_questions_live(qtbot, signed_in):
    form = make_widget(qtbot, signed_in, new_case(signed_in))
    other = form.built.rows["referral_source_other"]
    institution = form.built.rows["referral_institution"]
    assert other.isHidden() and institution.isHidden()
    combo = form.slot("referral_source").editor.combo
    combo.setFocus()
    for _ in range(combo.findData("other")):
        press(Qt.Key.Key_Down)
    assert not other.isHidden() and institution.isHidden()
    assert form.progress.total == 11  # "other referral source" is required while shown
    press(Qt.Key.Key_Up)  # hotline
    assert other.isHidden() and not institution.isHidden()
    assert form.progress.total == 10

    # A multiple choice: "none of these" is exclusive and reveals months without activity.
    boxes = form.slot("activity_last_month").editor.boxes
    boxes[0].setFocus()
    press(Qt.Key.Key_Space)  # work
    months = form.built.rows["months_without_activity"]
    assert months.isHidden()
    boxes[-1].setFocus()
    press(Qt.Key.Key_Space)  # none: unticks work
    assert not boxes[0].isChecked() and form.value_of("activity_last_month") == ["none"]
    assert not months.isHidden()
    # The plan/intent question appears with PHQ-9 item 9 >= 1, and its section index entry counts it.
    assert form.built.rows["suicide_plan_intent"].isHidden()
    assert form.index._items["crisis_screen"].text().endswith("(1)")  # current danger still to answer
    form.slot("phq9_9").editor.focus_widget().setFocus()
    press(Qt.Key.Key_1)
    assert not form.built.rows["suicide_plan_intent"].isHidden()
    assert form.index._items["crisis_screen"].text().endswith("(2)")  # and now the plan/intent question


def test_typed_text_survives_a_validation_error(qtbot, signed_in):
    case_id = new_case(signed_in)
    form = make_widget(qtbot, signed_in, case_id)
    months = form.slot("isolation_months").editor.edit
    months.setFocus()
    type_keys("999")
    press(Qt.Key.Key_Tab)  # leaving the field checks it
    error = form.built.rows["isolation_months"].error
    assert error.isVisibleTo(form) and "지금 상태가 이어진 기간" in error.text() and "480" in error.text()
    assert months.text() == "999"
    assert form.save(False) is False  # refused, nothing stored, nothing lost
    assert months.text() == "999" and signed_in.intakes.records(case_id) == []
    assert "isolation_months" in form.problems.keys()
    months.setFocus()
    months.selectAll()
    type_keys("48")
    assert not error.isVisibleTo(form)  # a corrected answer loses its message at once
    # letters never get into a number field; a bad date stays as typed with its message
    months.end(False)
    type_keys("x")
    assert months.text() == "48"
    date = form.slot("intake_date").editor.edit
    date.setFocus()
    date.selectAll()  # today, by default
    type_keys("2025-13-40")
    press(Qt.Key.Key_Tab)
    assert date.text() == "2025-13-40" and form.built.rows["intake_date"].error.isVisibleTo(form)
    date.setFocus()
    date.selectAll()
    type_keys("2025. 5. 14.")
    press(Qt.Key.Key_Tab)
    assert date.text() == "2025-05-14" and not form.built.rows["intake_date"].error.isVisibleTo(form)
    assert form.save(False) is True


def test_a_complete_save_lists_the_missing_required_questions_first(qtbot, signed_in):
    case_id = new_case(signed_in)
    form = make_widget(qtbot, signed_in, case_id)
    form.slot("intake_date").editor.edit.clear()  # today by default: emptied here to be missing
    assert form.save(True) is False
    panel = form.problems
    assert panel.isVisibleTo(form)
    keys = panel.keys()
    # the name and birth date came from the case: not missing
    assert keys[:3] == ["intake_date", "referral_source", "intake_mode"] and "name" not in keys
    # In Korean, not the English source (lupdate once missed this call: see test_translation_markers)
    assert re.fullmatch(r"저장하지 않았습니다: 답하거나 고쳐야 할 질문이 \d+개 있습니다\.", panel.heading.text())
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "접수일" in texts and "상담자 소견" in texts
    assert form.built.rows["intake_date"].error.isVisibleTo(form)  # and under the question
    # A line of the list jumps to its question.
    item = next(panel.list.item(i) for i in range(panel.list.count()) if panel.list.item(i).text() == "상담자 소견")
    panel.list.itemActivated.emit(item)
    assert field_of(focused()) == "counsellor_assessment"
    # Answering a listed question takes it off the list at once.
    form.slot("intake_date").editor.edit.setFocus()
    type_keys("2025-05-14")
    assert "intake_date" not in panel.keys()
    assert signed_in.intakes.records(case_id) == []


def test_service_refusals_land_under_the_questions(qtbot, signed_in, monkeypatch):
    from intake_desktop.services.forms import ANSWER_MESSAGES
    from intake_desktop.services.intakes import InvalidAnswers
    from intake_desktop.services.people import FieldProblem

    form = make_widget(qtbot, signed_in, new_case(signed_in))
    form.slot("name").editor.edit.setFocus()
    form.slot("name").editor.edit.selectAll()
    type_keys("김하늘")

    def refuse(*args, **kwargs):
        raise InvalidAnswers([FieldProblem("name", ANSWER_MESSAGES["too_long"], {"field": "name", "max": 50})])

    monkeypatch.setattr(signed_in.intakes, "save", refuse)
    assert form.save(False) is False
    assert form.built.rows["name"].error.text().startswith("이름")
    assert form.slot("name").editor.edit.text() == "김하늘"


def test_risk_proposal_is_shown_and_a_different_level_needs_a_reason(qtbot, signed_in):
    form = make_widget(qtbot, signed_in, new_case(signed_in))
    view = form.built.risk_view
    assert view.proposed_level() == "low" and "저" in view.headline.text()
    form.slot("going_out_frequency").editor.set_value("room_only")  # reclusive: medium
    assert view.proposed_level() == "medium" and "집 밖으로 나가지 않음" in view.reasons.text()
    form.slot("risk_level").editor.set_value("low")
    assert view.override.isVisibleTo(form)
    assert form.built.rows["risk_override_reason"].caption.text().endswith("*")
    fill_required(form)
    form.slot("risk_level").editor.set_value("low")
    assert form.save(True) is False
    assert "risk_override_reason" in form.problems.keys()
    view.use_button.click()
    assert form.value_of("risk_level") == "medium" and not view.override.isVisibleTo(form)
    assert form.save(True) is True


def fill_required(form) -> None:
    values = {"intake_date": "2025-05-14", "referral_source": "self", "intake_mode": "visit", "name": "김민수",
              "birth_date": "1999-03-04", "going_out_frequency": "room_only", "activity_last_month": ["none"],
              "current_danger": False, "counsellor_assessment": "소견", "risk_level": "medium"}
    for field_id, value in values.items():
        form.slot(field_id).editor.set_value(value)


def test_autosave_keeps_a_draft_that_a_new_form_restores(qtbot, signed_in):
    case_id = new_case(signed_in)
    form = make_widget(qtbot, signed_in, case_id)
    form.autosave.set_delay(50)
    name = form.slot("name").editor.edit
    name.setFocus()
    name.selectAll()
    type_keys("최유진")
    form.slot("isolation_months").editor.edit.setFocus()
    type_keys("999")  # out of range: still kept in the draft, exactly as typed
    assert form.has_unsaved_changes()
    slot = "intake:%s:new" % case_id
    qtbot.waitUntil(lambda: signed_in.drafts.load(slot) is not None, timeout=5_000)
    assert form.status.text().startswith(ui_text("Draft kept (encrypted) at {time}.").split("{time}")[0])
    form.close()

    # After a crash (or a lock and restart) the next form on this intake gets it back.
    again = make_widget(qtbot, signed_in, case_id)
    assert again.slot("name").editor.edit.text() == "최유진"
    assert again.slot("isolation_months").editor.edit.text() == "999"
    assert again.draft_bar.isVisibleTo(again) and again.has_unsaved_changes()
    again.slot("isolation_months").editor.edit.clear()
    assert again.save(False) is True
    assert signed_in.drafts.load(slot) is None
    record_slot = "intake:%s:%s" % (case_id, again.record_id)
    assert again.draft_slot() == record_slot and signed_in.drafts.load(record_slot) is None

    # Discarding a restored draft goes back to what was saved.
    again.autosave.set_delay(50)
    again.slot("name").editor.edit.setFocus()
    type_keys("x")
    qtbot.waitUntil(lambda: signed_in.drafts.load(record_slot) is not None, timeout=5_000)
    view = signed_in.intakes.latest(case_id)
    third = make_widget(qtbot, signed_in, case_id, view=view)
    assert third.slot("name").editor.edit.text() == "최유진x"
    third.discard_draft()
    assert third.slot("name").editor.edit.text() == "최유진" and not third.has_unsaved_changes()
    assert signed_in.drafts.load(record_slot) is None


def test_lock_handling_names_match_the_new_case_dialog(qtbot, signed_in):
    """The main window stores `draft_content()` in `draft_slot`, clears, and restores later."""
    from intake_desktop.ui.intake_form import IntakeFormDialog

    case_id = new_case(signed_in)
    dialog = IntakeFormDialog(signed_in, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form_widget.slot("name").editor.set_value("정하늘")
    assert dialog.has_typing() and dialog.draft_slot == f"intake:{case_id}:new"
    content = dialog.draft_content()
    dialog.clear_fields()
    assert dialog.form_widget.slot("name").editor.value() == ""
    dialog.restore_draft(content)
    assert dialog.form_widget.slot("name").editor.value() == "정하늘"
    # Closed by code with unsaved typing (e.g. on lock): the typing is kept encrypted.
    dialog.done(0)
    assert signed_in.drafts.load(f"intake:{case_id}:new")["values"]["name"] == "정하늘"


def test_dialog_save_closes_accepted_and_close_asks_first(qtbot, signed_in):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from intake_desktop.ui.intake_form import IntakeFormDialog

    case_id = new_case(signed_in)
    dialog = IntakeFormDialog(signed_in, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_required(dialog.form_widget)
    dialog.close_button.click()
    assert dialog.isVisible() and dialog.question.isVisible()  # unsaved: asks
    dialog.question.done(QMessageBox.StandardButton.Cancel)
    assert dialog.isVisible()
    dialog.draft_button.click()  # stored unfinished, stays open
    assert dialog.isVisible() and len(signed_in.intakes.records(case_id)) == 1
    dialog.save_button.click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert len(signed_in.intakes.records(case_id)) == 1  # the same record, updated


def test_an_old_record_opens_with_its_pinned_form_version(qtbot, signed_in):
    case_id = new_case(signed_in)
    form = make_widget(qtbot, signed_in, case_id)
    form.slot("name").editor.set_value("김민수")
    form.slot("going_out_frequency").editor.set_value("home_only")
    assert form.save(False)
    text = (ROOT / "forms" / "intake-youth.yaml").read_text(encoding="utf-8")
    v2 = text.replace("\nversion: 1\n", "\nversion: 2\n", 1).replace(
        "      - id: emergency_contact_name\n",
        "      - id: sns_account\n        type: text\n        label: {ko: \"SNS 계정\", en: \"Social media\"}\n"
        "      - id: emergency_contact_name\n", 1)
    assert signed_in.forms.import_yaml(v2, "intake-v2.yaml").version == 2

    view = signed_in.intakes.latest(case_id)
    old = make_widget(qtbot, signed_in, case_id, view=view)
    assert old.form.version == 1 and "sns_account" not in old.built.slots
    assert old.slot("going_out_frequency").editor.value() == "home_only"
    assert ui_text("Form version {version}").format(version=1) in old.header.text()
    old.slot("name").editor.set_value("김민수2")
    assert old.save(False)
    stored = signed_in.intakes.latest(case_id)
    assert (stored.record_id, stored.version, stored.form.version) == (view.record_id, view.version + 1, 1)

    fresh = make_widget(qtbot, signed_in, new_case(signed_in, "이서연"))
    assert fresh.form.version == 2 and "sns_account" in fresh.built.slots


def test_groups_add_and_remove_rows_and_messages_find_their_row(qtbot, signed_in):
    form = make_widget(qtbot, signed_in, new_case(signed_in))
    group = form.slot("household").editor
    group.add_button.setFocus()
    press(Qt.Key.Key_Space)
    assert len(group.group_rows) == 1 and field_of(focused()) == "household_relation"
    group.add_row()
    group.group_rows[1].editors["household_age"].set_value("200")
    group.group_rows[1].editors["household_relation"].set_value("other")
    assert not group.group_rows[1].rows["household_relation_other"].isHidden()
    assert group.group_rows[0].rows["household_relation_other"].isHidden()
    assert form.save(False) is False
    # the first row is empty, so validation counts the second as household[0]
    assert "household[0].household_age" in form.problems.keys()
    assert group.group_rows[1].rows["household_age"].error.isVisibleTo(form)
    group.group_rows[0].remove_button.click()
    assert len(group.group_rows) == 1 and group.group_rows[0].editors["household_age"].value() == "200"


def test_live_scores_bands_and_not_scorable(qtbot, signed_in):
    form = make_widget(qtbot, signed_in, new_case(signed_in))
    assert form.scores_panel.text_of("phq9").startswith(ui_text("Not answered yet"))
    for i in range(1, 10):
        form.slot(f"phq9_{i}").editor.set_value(2 if i < 9 else None)  # one missing: prorated
    text = form.scores_panel.text_of("phq9").split("\n")
    assert text[0].startswith(ui_text("{score} (range {min}–{max})").format(score=18, min=0, max=27))
    assert "중간~심한 우울" in text[0] and ui_text("estimated, %n item(s) missing", 1) in text[0]
    assert ui_text("Cut-off reached: {label}").format(label="10점 이상: 추가 평가 권장") in text
    assert "PHQ-9 9번 문항이 비어 있음: 직접 물어 확인하세요" in text  # the instrument's own check alert
    assert text[-1] == "번역본, 타당화되지 않음"  # beside every score of a team translation
    form.slot("phq9_8").editor.set_value(None)
    assert form.scores_panel.text_of("phq9").startswith(ui_text("Not scorable (%n missing)", 2))
    assert form.scores_panel.text_of("phq9").startswith("점수 계산 불가 (2개 문항 미응답)")  # Korean UI
    score_view = form.built.scale_views["phq9_total_score"][1]
    assert score_view.text() == form.scores_panel.text_of("phq9")  # the score field says the same
    assert ui_text("Not scorable (%n missing)", 2) in form.built.instruments["phq9"].total.text()


def test_form_texts_follow_the_language_and_chrome_goes_through_the_translator(qtbot, signed_in, qapp):
    from intake_desktop.ui.i18n import install_translator
    from intake_desktop.ui.intake_form import IntakeFormDialog

    install_translator(qapp, "en")  # conftest puts Korean back afterwards
    form = make_widget(qtbot, signed_in, new_case(signed_in))
    assert form.built.sections["reception"].heading.text() == "1. Reception"
    assert form.built.rows["intake_date"].caption.text().startswith("Intake date")
    assert form.built.instruments["phq9"].short_note() == "Team translation, not validated"

    install_translator(qapp, "pseudo")  # every translated string comes out as [Ŝţŕéţçĥéd~~]
    dialog = IntakeFormDialog(signed_in, new_case(signed_in, "이서연"))
    qtbot.addWidget(dialog)
    dialog.show()
    pseudo = dialog.form_widget
    pseudo.slot("phq9_9").editor.set_value(1)  # banner, scores, proposal all showing
    pseudo.save(True)  # refused: the list of problems shows
    chrome = [
        dialog.windowTitle(), dialog.save_button.text(), dialog.draft_button.text(), dialog.close_button.text(),
        pseudo.progress.caption.text(), pseudo.scores_panel.heading.text(), pseudo.problems.heading.text(),
        pseudo.slot("intake_date").editor.calendar_button.text(),
        pseudo.slot("intake_date").editor.edit.placeholderText(),
        pseudo.slot("referral_source").editor.combo.itemText(0),
        pseudo.slot("current_danger").editor.radios.buttons[0].text(),
        pseudo.slot("household").editor.add_button.text(),
        pseudo.built.risk_view.headline.text(), pseudo.built.risk_view.use_button.text(),
        pseudo.crisis_banner.title.text(), pseudo.crisis_banner.protocol_button.text(),
        pseudo.crisis_banner.when.text(), pseudo.built.instruments["ucla3"].enable_box.text(),
        pseudo.built.instruments["phq9"].total.text(), pseudo.header.text(), pseudo.status.text(),
    ]
    assert [text for text in chrome if not text.startswith("[")] == []


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_typing_does_not_drain_references_to_none(qtbot, signed_in):
    """PySide6 6.12 on Python 3.11 drops a reference to None on every call of a void Qt method;
    Python aborts ("none_dealloc") once the count runs out. The form re-derives everything on
    each keystroke, so it must only touch widgets that really change."""
    form = make_widget(qtbot, signed_in, new_case(signed_in))
    name = form.slot("name").editor.edit
    items = [form.slot(f"phq9_{i}").editor for i in range(1, 10)]
    before = sys.getrefcount(None)
    for i in range(100):
        name.insert("가")  # one void call of our own per keystroke
        items[i % 9].buttons[i % 4].setChecked(True)  # and one per answer
    per_change = (before - sys.getrefcount(None) - 200) / 200  # less the test's own 200 calls
    # Only what really changes is touched (a score line, a count): a few calls, not one per
    # widget of the form (that was ~300 per change before the form cached what it shows).
    assert per_change < 5, f"the form dropped {per_change:.1f} references to None per change"


# -- screenshots ---------------------------------------------------------------------------
def test_screenshots_at_100_and_150_percent(tmp_path):
    """Each scale in its own process: QT_SCALE_FACTOR only acts before QApplication exists."""
    out = Path(os.environ.get("INTAKE_SCREENSHOTS_DIR") or tmp_path)
    for scale, suffix in (("1", "100"), ("1.5", "150")):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
        result = subprocess.run([sys.executable, __file__, "--out", str(out), "--scale", scale],
                                capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr
        for name in [*SECTIONS, "crisis-dialog"]:
            image = QImage(str(out / f"form-{name}-{suffix}.png"))
            assert not image.isNull(), name
    small = QImage(str(out / "form-reception-100.png"))
    large = QImage(str(out / "form-reception-150.png"))
    assert abs(large.width() / small.width() - 1.5) < 0.02, "the 150 % shot is not 1.5 times as large"


# -- the screenshot run (a subprocess of the test above, or by hand) -------------------------
def unreadable_texts(root: QWidget) -> list[str]:
    """Visible texts the widget's font cannot draw (tofu) or its size cuts off."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            text = widget.text()
        elif isinstance(widget, QLineEdit):
            text = widget.text() or widget.placeholderText()
        elif isinstance(widget, QComboBox):
            text = widget.currentText()
        else:
            continue
        if not text or text.startswith("<"):
            continue
        metrics = QFontMetrics(widget.font())
        missing = [ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))]
        if missing:
            problems.append(f"tofu {missing!r}: {text}")
        if isinstance(widget, QLabel):
            if widget.wordWrap():
                if widget.heightForWidth(widget.width()) > widget.height() + 1:
                    problems.append(f"cut off (height): {text}")
            elif widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"cut off (width): {text}")
        elif isinstance(widget, (QRadioButton, QCheckBox, QPushButton)):
            if widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"cut off (width): {text}")
    return problems


def capture(out: Path, scale: str, language: str = "ko") -> list[str]:
    from intake_desktop.crypto.kdf import insecure_parameters_for_tests
    from intake_desktop.services.vault import Vault
    from intake_desktop.ui.crisis_dialog import CrisisDialog
    from intake_desktop.ui.fonts import apply_korean_font
    from intake_desktop.ui.i18n import install_translator
    from intake_desktop.ui.intake_form import IntakeFormWidget

    app = QApplication.instance() or QApplication([])
    install_translator(app, language)
    if not apply_korean_font(app):
        raise SystemExit("No Korean font installed (e.g. apt-get install fonts-nanum): screenshots would show boxes.")
    suffix = str(round(float(scale) * 100)) + ("" if language == "ko" else f"-{language}")
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder, insecure_parameters_for_tests():
        created = Vault.create(Path(folder), "서울청년기지개센터", "admin", "김관리", "screenshot passphrase 1")
        session = created.vault.unlock("admin", "screenshot passphrase 1")
        case_id = session.cases.create({"name": "김민수", "birth_date": "1999-03-04"})
        form = IntakeFormWidget(session, case_id)
        form.resize(1100, 780)
        form.show()
        demo = {
            "intake_date": "2025-05-14", "referral_source": "district_outreach", "referral_institution": "동작구청",
            "intake_mode": "outreach", "name": "김민수", "birth_date": "1999-03-04", "mobile": "01012345678",
            "address": {"postal_code": "06234", "road_address": "서울특별시 강남구 테헤란로 1", "detail": "101호"},
            "preferred_contact": "text_only", "going_out_frequency": "room_only", "isolation_months": "999",
            "activity_last_month": ["none"], "months_without_activity": "26", "emotional_isolation": True,
            **HQ25, **{k: v for k, v in PHQ9.items() if k != "phq9_9"}, "phq9_9": 1, **GAD7,
            "self_harm_history": "within_year", "household": [{"household_relation": "parent", "household_age": "58"}],
            "needs": ["peer_group", "work_experience"], "counsellor_assessment": "방에서 거의 나오지 않은 지 2년.",
        }
        for field_id, value in demo.items():
            form.slot(field_id).editor.set_value(value)
        form._committed("isolation_months")  # show one inline message, as after leaving the field
        QApplication.processEvents()
        for section in SECTIONS:
            form.jump_to_section(section)
            QApplication.processEvents()
            path = out / f"form-{section}-{suffix}.png"
            if not form.grab().save(str(path)):
                raise SystemExit(f"could not write {path}")
        problems += [f"form: {p}" for p in unreadable_texts(form)]
        # The whole form, unscrolled, for checking by eye (not kept in docs).
        form.built.content.grab().save(str(Path(folder) / "whole.png"))
        whole = Path(os.environ.get("INTAKE_WHOLE_FORM", "")) if os.environ.get("INTAKE_WHOLE_FORM") else None
        if whole:
            form.built.content.grab().save(str(whole.with_name(f"{whole.stem}-{suffix}{whole.suffix}")))

        dialog = CrisisDialog(session, case_id, form.alerts, form)
        dialog.show()
        QApplication.processEvents()
        dialog.resize(dialog.sizeHint())  # adjustSize() would cap it to the small offscreen screen
        QApplication.processEvents()
        dialog.grab().save(str(out / f"form-crisis-dialog-{suffix}.png"))
        problems += [f"crisis dialog: {p}" for p in unreadable_texts(dialog)]
        dialog.done(0)  # closing from code, as a lock would
        form.close()
        session.lock()
        created.vault.close()
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scale", default=os.environ.get("QT_SCALE_FACTOR", "1"))
    parser.add_argument("--lang", default="ko", choices=["ko", "en", "pseudo"],
                        help="en/pseudo: for checking longer texts by eye (not kept in docs)")
    args = parser.parse_args(argv)
    if os.environ.get("QT_SCALE_FACTOR", "1") != args.scale:
        print("set QT_SCALE_FACTOR to the --scale value before starting", file=sys.stderr)
        return 2
    problems = capture(args.out, args.scale, args.lang)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
