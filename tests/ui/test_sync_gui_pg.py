"""The sync GUI on the real engine and a real PostgreSQL (tests/pgkit.py): two PCs of one centre.

A round started from the GUI brings another PC's case; the status-bar piece says so; a record
changed on both PCs shows up in the Centre server dialog with its case number, and the choice
made there reaches the other PC.
"""

from __future__ import annotations

import pytest

from intake_desktop.services.sync.errors import HubUnreachableError
from intake_desktop.ui.background import busy
from intake_desktop.ui.sync.controller import SyncController
from intake_desktop.ui.sync.server_dialog import CentreServerDialog
from intake_desktop.ui.sync.status_piece import SyncStatusPiece
from sync.centrekit import make_centre

PERSON = {"name": "홍길동", "birth_date": "2004-03-01"}


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


def settle(qtbot, controller=None):
    qtbot.waitUntil(lambda: not busy() and (controller is None or not controller.running), timeout=30_000)


def test_a_gui_round_brings_the_other_pcs_case_and_a_conflict_is_chosen_in_the_dialog(qtbot, centre):
    second = centre.join("pc2")
    with centre.first.session("kim") as s:
        case_id = s.cases.create({**PERSON, "name": "김하늘"})
        number = s.cases.get(case_id).case_number
    centre.first.sync()

    with second.session("admin") as session:
        controller = SyncController(session, settle_ms=10)
        piece = SyncStatusPiece(controller)
        qtbot.addWidget(piece)
        controller.start()
        settle(qtbot, controller)
        assert controller.last.error is None, controller.last.error
        assert controller.last.result.pulled >= 1
        assert session.cases.get(case_id).person["name"] == "김하늘"
        assert controller.facts.waiting == 0 and controller.facts.last_sync_at is not None
        assert piece.text() == "방금 동기화함"

        # The same case edited on both PCs before either syncs: a conflict on this PC.
        with centre.first.session("kim") as s:
            detail = s.cases.get(case_id)
            s.cases.update_case(case_id, {**detail.case, "referral_source": "1번 PC"}, detail.case_version)
        centre.first.sync()
        detail = session.cases.get(case_id)
        session.cases.update_case(case_id, {**detail.case, "referral_source": "2번 PC"}, detail.case_version)
        controller.local_change()  # what the window's change bridge does after a save
        qtbot.waitUntil(lambda: controller.last is not None and controller.facts.conflicts == 1, timeout=30_000)
        settle(qtbot, controller)
        assert "고를 충돌 1건" in piece.text()

        dialog = CentreServerDialog(session, controller)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.conflict_table.rowCount() == 1, timeout=10_000)
        assert dialog.conflict_table.item(0, 0).text() == "사례"
        session.cases.load_index()
        dialog.load_conflicts()
        qtbot.waitUntil(lambda: dialog.conflict_table.item(0, 1).text() == number, timeout=10_000)
        assert dialog.conflict_table.item(0, 2).text() == centre_pc_id(centre.first)[:8]
        dialog.conflict_table.selectRow(0)
        dialog.keep_mine_button.click()
        qtbot.waitUntil(lambda: dialog.conflict_table.rowCount() == 0, timeout=10_000)
        qtbot.waitUntil(lambda: controller.last.result is not None and controller.facts.conflicts == 0
                        and controller.facts.waiting == 0 and not controller.running, timeout=30_000)
        settle(qtbot, controller)
        controller.stop()

    centre.first.sync()
    with centre.first.session("kim") as s:
        assert s.cases.get(case_id).case["referral_source"] == "2번 PC"


def centre_pc_id(pc) -> str:
    with pc.session() as s:
        return s.sync.status().pc_id


def test_a_server_that_does_not_answer_is_a_status_not_a_freeze(qtbot, centre, pg_server, monkeypatch):
    second = centre.join("pc2")
    with second.session("admin") as session:
        controller = SyncController(session, settle_ms=10)
        piece = SyncStatusPiece(controller)
        qtbot.addWidget(piece)
        monkeypatch.setenv("INTAKE_DATABASE_PASSWORD", "not the password")  # the server says no
        case_id = session.cases.create({**PERSON, "name": "오프라인"})
        controller.start()
        settle(qtbot, controller)
        assert isinstance(controller.last.error, HubUnreachableError), controller.last.error
        assert piece.text().startswith("서버에 연결할 수 없음")
        assert "보낼 변경" in piece.text()
        assert session.cases.get(case_id).person["name"] == "오프라인"  # the local vault works on
        controller.stop()
