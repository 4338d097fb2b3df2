"""A sync conflict chosen field by field in the case file's side-by-side chooser, opened from the
Centre server dialog (real engine, real PostgreSQL: tests/pgkit.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from intake_desktop.ui.background import busy
from intake_desktop.ui.case_file.conflict_dialog import MINE, THEIRS, ConflictDialog
from intake_desktop.ui.sync.controller import SyncController
from intake_desktop.ui.sync.server_dialog import CentreServerDialog
from sync.centrekit import make_centre, records

from .screenshots import Shots, screenshot_dir


@pytest.fixture
def conflict(tmp_path, vault_template, hub_url):
    """PC 1 and PC 2 change the name and the mobile of kim's case before syncing."""
    centre = make_centre(tmp_path, vault_template.path, hub_url)
    with centre.first.session("kim") as s:
        case_id = s.cases.create({"name": "원래이름", "birth_date": "2004-03-01", "mobile": "01000000000"})
        number = s.cases.get(case_id).case_number
    centre.first.sync()
    second = centre.join("pc2")
    for pc, name, mobile in ((centre.first, "김첫째", "01011112222"), (second, "김둘째", "01033334444")):
        with pc.session("kim") as s:
            detail = s.cases.get(case_id)
            s.cases.update_person(case_id, {**detail.person, "name": name, "mobile": mobile},
                                  detail.person_version)
    centre.first.sync()
    assert second.sync().conflicts == 1
    return centre.first, second, case_id, number


def _texts(dialog: ConflictDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_the_chooser_merges_field_by_field_and_the_list_and_count_follow(qtbot, conflict, tmp_path):
    first, second, case_id, number = conflict
    shots = Shots(qtbot, screenshot_dir(tmp_path), "ko")
    with second.session("kim") as session:
        controller = SyncController(session, settle_ms=60_000)  # no round of its own during the test
        controller.refresh_facts()
        qtbot.waitUntil(lambda: controller.facts is not None and controller.facts.conflicts == 1, timeout=10_000)
        dialog = CentreServerDialog(session, controller)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.conflict_table.rowCount() == 1, timeout=10_000)
        # a person's details: the case number without the case index, and the case can be opened
        assert dialog.conflict_table.item(0, 0).text() == "인적 사항"
        assert dialog.conflict_table.item(0, 1).text() == number
        dialog.conflict_table.selectRow(0)
        assert dialog.open_case_button.isEnabled() and dialog.open_case_button.text() == "사례 열기"
        with qtbot.waitSignal(dialog.open_case) as opened:
            dialog.open_case_button.click()
        assert opened.args == [case_id]

        dialog.compare_button.click()
        chooser = dialog.chooser.dialog
        qtbot.addWidget(chooser)
        assert chooser.isVisible()
        assert set(chooser.differing_keys()) == {"name", "mobile"}
        texts = _texts(chooser)
        assert {"김첫째", "김둘째", "010-1111-2222", "010-3333-4444"} <= set(texts)  # as the case file shows them
        assert number in chooser.findChildren(QLabel)[0].text()  # the intro names the case
        shots.grab(chooser, "sync-conflict-chooser")
        assert shots.tofu == []
        chooser.choose("name", MINE)
        chooser.choose("mobile", THEIRS)
        chooser.save_button.click()

        qtbot.waitUntil(lambda: dialog.conflict_table.rowCount() == 0, timeout=10_000)
        qtbot.waitUntil(lambda: controller.facts.conflicts == 0, timeout=10_000)
        assert dialog.conflict_box.title() == "충돌 (0)"
        assert session.cases.get(case_id).person["name"] == "김둘째"
        controller.stop()
        qtbot.waitUntil(lambda: not busy(), timeout=10_000)
    assert second.sync().in_step and first.sync().in_step
    with first.session("kim") as s:
        person = s.cases.get(case_id).person
    assert (person["name"], person["mobile"]) == ("김둘째", "01011112222")
    assert records(first) == records(second)


def test_a_counsellor_who_may_not_open_the_case_is_told_so(qtbot, conflict):
    _first, second, _case_id, _number = conflict
    with second.session("lee") as session:
        controller = SyncController(session, settle_ms=60_000)
        dialog = CentreServerDialog(session, controller)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.conflict_table.rowCount() == 1, timeout=10_000)
        dialog.conflict_table.selectRow(0)
        dialog.compare_button.click()
        assert dialog.chooser is None
        assert not dialog.error.isHidden() and "공유" in dialog.error.text()
        controller.stop()
        qtbot.waitUntil(lambda: not busy(), timeout=10_000)

