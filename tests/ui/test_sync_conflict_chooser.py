"""The sync conflict chooser without a server: a record kept whole (a session note), shown side
by side with Korean labels; one choice moves every chooser and stores one side."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QLabel

from intake_desktop.services.history_labels import HistoryLabels
from intake_desktop.services.sync.conflict_views import ConflictVersions
from intake_desktop.ui.case_file.conflict_dialog import MINE, THEIRS, ConflictDialog
from intake_desktop.ui.sync.conflict_chooser import SyncConflictChooser

from .screenshots import Shots, screenshot_dir

NOTE_MINE = {"date": "2026-12-01", "mode": "phone", "minutes": 30, "content": "전화로 근황을 물었고 다음 주 방문을 약속함.",
             "next_steps": "12월 8일 가정 방문"}
NOTE_THEIRS = {**NOTE_MINE, "minutes": 45, "content": "전화 상담. 어머니와도 잠깐 통화함.", "next_steps": ""}


class FakeSync:
    def __init__(self) -> None:
        self.resolved: list[tuple] = []

    def resolve(self, table, row_id, keep, merged=None) -> None:
        self.resolved.append((table, row_id, keep, merged))


def _session():
    return SimpleNamespace(sync=FakeSync(), history=SimpleNamespace(labels=lambda lang: HistoryLabels(None, lang)))


def test_a_note_is_compared_side_by_side_and_kept_whole(qtbot, tmp_path):
    session = _session()
    versions = ConflictVersions("session_note", "n-1", "c-1", "2026-00042", NOTE_MINE, NOTE_THEIRS)
    chooser = SyncConflictChooser(session, versions)
    dialog = chooser.dialog
    qtbot.addWidget(dialog)
    assert set(dialog.differing_keys()) == {"content", "minutes", "next_steps"}
    shots = Shots(qtbot, screenshot_dir(tmp_path), "ko")
    shots.grab(dialog, "sync-conflict-whole")
    assert shots.tofu == []
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert {"내용", "상담 시간(분)", "다음 계획", "—"} <= set(texts)
    assert "2026-00042" in texts[0]  # the intro names the case
    dialog.choose("minutes", THEIRS)  # one choice moves the whole record
    assert dialog.chosen() == {THEIRS}
    with qtbot.waitSignal(chooser.resolved) as done:
        dialog.save_button.click()
    assert done.args == ["theirs"]
    assert session.sync.resolved == [("session_note", "n-1", "theirs", None)]


def test_a_field_by_field_choice_of_one_side_only_is_that_side_not_a_merge(qtbot):
    session = _session()
    mine = {"name": "김둘째", "birth_date": "2004-03-01", "mobile": "01033334444"}
    theirs = {"name": "김첫째", "birth_date": "2004-03-01", "mobile": "01011112222"}
    chooser = SyncConflictChooser(session, ConflictVersions("person", "p-1", "c-1", "2026-00001", mine, theirs))
    qtbot.addWidget(chooser.dialog)
    for key in chooser.dialog.differing_keys():
        chooser.dialog.choose(key, MINE)
    assert chooser.keep() == (MINE, None)
    chooser.dialog.choose("mobile", THEIRS)
    keep, merged = chooser.keep()
    assert keep == "merged" and (merged["name"], merged["mobile"]) == ("김둘째", "01011112222")


def test_a_record_kept_whole_moves_every_chooser_together(qtbot):
    dialog = ConflictDialog([("content", "내용"), ("minutes", "상담 시간(분)")], {}, {"content": "가", "minutes": 30},
                            {"content": "나", "minutes": 50}, lambda _k, v: str(v), whole=True)
    qtbot.addWidget(dialog)
    dialog.choose("content", THEIRS)
    assert dialog.chosen() == {THEIRS} and dialog.merged() == {"content": "나", "minutes": 50}
    dialog.choose("minutes", MINE)
    assert dialog.chosen() == {MINE} and dialog.merged() == {"content": "가", "minutes": 30}


def test_intake_answers_are_named_and_ordered_by_the_intake_form(qtbot):
    from intake_desktop.services.forms import intake_form

    session = _session()
    form = intake_form()
    session.history = SimpleNamespace(labels=lambda lang: HistoryLabels(form, lang))
    mine = {"isolation_months": 6, "going_out_frequency": "room_only", "referral_source": "self"}
    theirs = {"isolation_months": 12, "going_out_frequency": "nearby_only", "referral_source": "self"}
    chooser = SyncConflictChooser(session, ConflictVersions("intake_record", "i-1", "c-1", "2026-00001", mine, theirs))
    dialog = chooser.dialog
    qtbot.addWidget(dialog)
    assert dialog.differing_keys() == ["going_out_frequency", "isolation_months"]  # the form's order
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert {"평소 외출 정도", "방에서 거의 나오지 않는다", "집 근처 편의점 등에만 나간다"} <= set(texts)
    dialog.choose("going_out_frequency", MINE)
    dialog.choose("isolation_months", THEIRS)
    dialog.save_button.click()
    [(table, _row, keep, merged)] = session.sync.resolved
    assert (table, keep) == ("intake_record", "merged")
    assert merged == {"isolation_months": 12, "going_out_frequency": "room_only", "referral_source": "self"}
