"""Centre mode in the GUI: background rounds, the status-bar piece, the Centre server dialog.

The sync engine is replaced by a scripted stand-in with the contract of services/sync
(`run`, `status`, `conflicts`, `resolve`, `init_server`, `store_password`, `is_configured`): these
tests are about when the GUI starts rounds, that it never waits for one, and what it shows.
tests/ui/test_sync_gui_pg.py drives the real engine against PostgreSQL.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.sync import Conflict, SyncResult, SyncStatus
from intake_desktop.services.sync.errors import HubUnreachableError
from intake_desktop.ui.background import busy
from intake_desktop.ui.sync.controller import SyncController
from intake_desktop.ui.sync.server_dialog import CentreServerDialog
from intake_desktop.ui.sync.status_piece import SyncStatusPiece
from tests.ui.screenshots import Shots, screen_language, screenshot_dir

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=timezone.utc)


def Result(pulled=0, pushed=0, conflicts=0, rejected=0, at=NOW) -> SyncResult:  # noqa: N802 - reads as the type
    return SyncResult(pulled, pushed, conflicts, rejected, conflicts, at)


def Status(last_sync_at=None, waiting=0, conflicts=0, configured=True) -> SyncStatus:  # noqa: N802
    return SyncStatus(configured, "192.168.10.5/intake", "3f2a-pc", last_sync_at, waiting, conflicts, 0)


@dataclass
class FakeSync:
    """Scripted stand-in: `gate` (when set) holds every round until the test opens it."""

    is_configured: bool = True
    state: Status = field(default_factory=Status)
    outcomes: list = field(default_factory=list)  # Result or exception, one per round
    gate: threading.Event | None = None
    rounds: int = 0
    running_now: int = 0
    most_at_once: int = 0
    open_conflicts: list = field(default_factory=list)
    resolved: list = field(default_factory=list)
    published: list = field(default_factory=list)
    passwords: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self, url=None, password=None):
        with self.lock:
            self.running_now += 1
            self.most_at_once = max(self.most_at_once, self.running_now)
        try:
            if self.gate is not None:
                assert self.gate.wait(10)
            with self.lock:
                self.rounds += 1
                outcome = self.outcomes.pop(0) if self.outcomes else Result()
            if isinstance(outcome, BaseException):
                raise outcome
            self.state = replace(self.state, last_sync_at=outcome.at,
                                 waiting=max(0, self.state.waiting - outcome.pushed))
            return outcome
        finally:
            with self.lock:
                self.running_now -= 1

    def status(self):
        return self.state

    def conflicts(self):
        return list(self.open_conflicts)

    def resolve(self, table, row_id, keep):
        self.resolved.append((table, row_id, keep))
        self.open_conflicts = [c for c in self.open_conflicts if (c.table, c.row_id) != (table, row_id)]
        self.state = replace(self.state, conflicts=len(self.open_conflicts))

    def init_server(self, url, password=None):
        self.published.append((url, password))
        self.is_configured = True

    def store_password(self, password):
        self.passwords.append(password)


def fake_session(sync: FakeSync, role: Role = Role.ADMIN, cases=()):
    ranks = {Role.COUNSELLOR: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}
    session = SimpleNamespace(sync=sync, is_locked=False,
                              cases=SimpleNamespace(index=SimpleNamespace(items=list(cases))))
    session.has_role = lambda needed: ranks[role] >= ranks[needed]
    return session


def settle(qtbot):
    qtbot.waitUntil(lambda: not busy(), timeout=5_000)


@pytest.fixture
def gated():
    sync = FakeSync(gate=threading.Event())
    yield sync
    sync.gate.set()  # never leave a worker waiting


def test_a_round_runs_off_the_ui_thread_and_the_piece_reports_it(qtbot, gated):
    gated.state = Status(waiting=3)
    controller = SyncController(fake_session(gated), settle_ms=10)
    piece = SyncStatusPiece(controller, clock=lambda: NOW + timedelta(seconds=20))
    qtbot.addWidget(piece)
    gated.outcomes.append(Result(pulled=4, pushed=3))
    assert controller.sync_now()
    # The UI thread is free while the server "answers": the piece already says so.
    assert controller.running and piece.text().startswith("동기화 중")
    gated.gate.set()
    settle(qtbot)
    assert controller.last.result.pulled == 4
    assert piece.text() == "방금 동기화함"
    assert piece.styleSheet() == ""


def test_waiting_changes_and_conflicts_show_in_the_piece(qtbot):
    sync = FakeSync(state=Status(last_sync_at=NOW, waiting=2, conflicts=1))
    controller = SyncController(fake_session(sync))
    piece = SyncStatusPiece(controller, clock=lambda: NOW + timedelta(minutes=7))
    qtbot.addWidget(piece)
    assert piece.isHidden()  # nothing known yet: the facts are read off the UI thread
    controller.refresh_facts()
    settle(qtbot)
    assert piece.text() == "7분 전 동기화함 · 보낼 변경 2건 · 고를 충돌 1건"
    assert "b03a2e" in piece.styleSheet()  # a conflict asks for attention


def test_an_unreachable_server_and_a_refused_one_read_differently(qtbot):
    sync = FakeSync(state=Status(last_sync_at=NOW, waiting=1))
    sync.outcomes += [HubUnreachableError(), E.DamagedError(), E.DeniedError()]
    controller = SyncController(fake_session(sync))
    piece = SyncStatusPiece(controller, clock=lambda: NOW)
    qtbot.addWidget(piece)
    controller.sync_now()
    settle(qtbot)
    assert piece.text().startswith("서버에 연결할 수 없음")
    assert "보낼 변경 1건" in piece.text()
    controller.sync_now()
    settle(qtbot)
    assert piece.text().startswith("동기화 멈춤")
    assert "b03a2e" in piece.styleSheet()
    assert "손상" in piece.toolTip() or "변조" in piece.toolTip()  # the whole sentence is one hover away
    controller.sync_now()
    settle(qtbot)
    assert piece.text().startswith("동기화 실패")


def test_no_server_no_piece_and_no_round(qtbot):
    sync = FakeSync(is_configured=False)
    controller = SyncController(fake_session(sync))
    piece = SyncStatusPiece(controller)
    qtbot.addWidget(piece)
    assert not piece.isVisibleTo(piece.parentWidget() or piece) and piece.isHidden()
    assert controller.sync_now() is False
    controller.local_change()
    qtbot.wait(50)
    assert sync.rounds == 0 and not controller.settle.isActive()


def test_a_trigger_during_a_round_gives_one_more_round_never_two_at_once(qtbot, gated):
    controller = SyncController(fake_session(gated), settle_ms=10)
    controller.sync_now()
    for _ in range(5):  # the timer, "Sync now", an unlock…
        controller.sync_now()
    gated.gate.set()
    qtbot.waitUntil(lambda: gated.rounds == 2 and not controller.running, timeout=5_000)
    qtbot.wait(100)
    assert gated.rounds == 2
    assert gated.most_at_once == 1


def test_a_save_starts_a_round_after_the_burst_settles(qtbot):
    sync = FakeSync()
    controller = SyncController(fake_session(sync), settle_ms=100)
    for _ in range(3):  # saving an intake writes three rows
        controller.local_change()
    qtbot.waitUntil(lambda: sync.rounds == 1, timeout=5_000)
    settle(qtbot)
    qtbot.wait(150)
    assert sync.rounds == 1


def test_changes_arriving_during_a_round_are_its_pulls_not_a_new_round(qtbot, gated):
    controller = SyncController(fake_session(gated), settle_ms=10)
    controller.sync_now()
    controller.local_change()  # the pulled rows, announced by the change hub
    assert not controller.settle.isActive()
    gated.gate.set()
    settle(qtbot)
    qtbot.wait(50)
    assert gated.rounds == 1


def test_changes_left_waiting_after_a_clean_round_are_pushed_by_one_more(qtbot):
    sync = FakeSync(state=Status(waiting=2))
    # The first round pushed nothing (the save came in while it ran); the next pushes both.
    sync.outcomes += [Result(pushed=0), Result(pushed=2)]
    controller = SyncController(fake_session(sync), settle_ms=10)
    controller.sync_now()
    qtbot.waitUntil(lambda: sync.rounds == 2, timeout=5_000)
    settle(qtbot)
    assert sync.state.waiting == 0


def test_a_round_with_a_conflict_does_not_loop(qtbot):
    sync = FakeSync(state=Status(waiting=1))
    sync.outcomes += [Result(conflicts=1)] * 5
    controller = SyncController(fake_session(sync), settle_ms=10)
    controller.sync_now()
    settle(qtbot)
    qtbot.wait(100)
    assert sync.rounds == 1


def test_lock_drops_the_round_in_flight_and_stops_the_timer(qtbot, gated):
    controller = SyncController(fake_session(gated), settle_ms=10)
    seen = []
    controller.finished.connect(lambda: seen.append(controller.last))
    controller.start()
    assert controller.timer.isActive()
    controller.stop()
    assert not controller.timer.isActive() and not controller.running
    gated.gate.set()
    settle(qtbot)
    assert seen == [] and controller.last is None
    assert controller.sync_now() is False  # locked: nothing starts until start() again


def test_the_dialog_lists_conflicts_and_the_choice_goes_to_the_engine(qtbot):
    detected = NOW - timedelta(hours=1)
    sync = FakeSync(state=Status(last_sync_at=NOW, waiting=0, conflicts=2), open_conflicts=[
        Conflict("session_note", "n-1", "c-1", 4, "laptop-2", False, False, detected),
        Conflict("partner", "p-9", None, 2, "desk-1", False, False, detected),
    ])
    cases = [SimpleNamespace(case_id="c-1", case_number="2026-00042")]
    controller = SyncController(fake_session(sync, cases=cases))
    dialog = CentreServerDialog(fake_session(sync, cases=cases), controller)
    qtbot.addWidget(dialog)
    table = dialog.conflict_table
    settle(qtbot)
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in range(3)] == ["상담 기록", "2026-00042", "laptop-2"]
    assert table.item(1, 0).text() == "연계기관" and table.item(1, 1).text() == ""
    assert not dialog.keep_mine_button.isEnabled()
    opened = []
    dialog.open_case.connect(opened.append)
    table.selectRow(0)
    assert dialog.open_case_button.isEnabled()
    dialog.open_case_button.click()
    assert opened == ["c-1"]
    dialog.keep_theirs_button.click()
    assert sync.resolved == [("session_note", "n-1", "theirs")]
    settle(qtbot)
    assert table.rowCount() == 1 and dialog.conflict_box.title() == "충돌 (1)"
    table.selectRow(0)
    assert not dialog.open_case_button.isEnabled()  # a partner belongs to no case
    dialog.keep_mine_button.click()
    assert sync.resolved[-1] == ("partner", "p-9", "mine")
    settle(qtbot)
    assert table.rowCount() == 0


def test_only_an_administrator_sees_the_connection_part(qtbot):
    sync = FakeSync()
    counsellor = CentreServerDialog(fake_session(sync, Role.COUNSELLOR), SyncController(fake_session(sync)))
    qtbot.addWidget(counsellor)
    assert not hasattr(counsellor, "publish_button")
    assert counsellor.sync_button.isEnabled()


def test_publishing_runs_in_the_background_then_syncs(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    sync = FakeSync(is_configured=False)
    session = fake_session(sync)
    controller = SyncController(session)
    dialog = CentreServerDialog(session, controller)
    qtbot.addWidget(dialog)
    assert dialog.publish_button.isEnabled() and not dialog.sync_button.isEnabled()
    dialog.publish()
    assert "주소" in dialog.error.text() and sync.published == []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.url_edit.setText("postgresql://intake@10.0.0.5/intake")
    dialog.password_edit.setText("s3cret-for-the-hub")
    dialog.publish()
    assert dialog.password_edit.text() == ""  # not kept in a widget
    qtbot.waitUntil(lambda: sync.rounds == 1, timeout=5_000)
    settle(qtbot)
    assert sync.published == [("postgresql://intake@10.0.0.5/intake", "s3cret-for-the-hub")]
    assert not dialog.publish_button.isEnabled()
    assert "10.0.0.5/intake" in dialog.join_label.text()


def test_a_failed_publish_is_a_sentence_not_a_traceback(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    sync = FakeSync(is_configured=False)
    sync.init_server = lambda url, password=None: (_ for _ in ()).throw(
        E.ServiceError("The centre server cannot be reached."))
    session = fake_session(sync)
    dialog = CentreServerDialog(session, SyncController(session))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.url_edit.setText("postgresql://intake@10.0.0.5/intake")
    dialog.publish()
    settle(qtbot)
    assert dialog.error.text() and "Traceback" not in dialog.error.text()
    assert dialog.publish_button.isEnabled()  # may try again


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshots(qtbot, qapp, tmp_path, language):
    sync = FakeSync(state=Status(last_sync_at=NOW - timedelta(minutes=12), waiting=3, conflicts=1),
                    open_conflicts=[Conflict("session_note", "n-1", "c-1", 4, "laptop-2", False, False, NOW)])
    cases = [SimpleNamespace(case_id="c-1", case_number="2026-00042")]
    with screen_language(qapp, language):
        session = fake_session(sync, cases=cases)
        controller = SyncController(session)
        shots = Shots(qtbot, screenshot_dir(tmp_path), language)
        dialog = CentreServerDialog(session, controller)
        qtbot.addWidget(dialog)
        dialog.url_edit.setText("postgresql://intake@192.168.10.5/intake?sslmode=require")
        settle(qtbot)
        dialog.refresh()
        dialog.resize(760, 640)
        shots.grab(dialog, "centre-server-dialog")
        piece = SyncStatusPiece(controller, clock=lambda: NOW)
        qtbot.addWidget(piece)
        assert piece.text().startswith(("12분 전", "Synced 12 min")), piece.text()
        shots.grab(piece, "sync-status-piece")
    assert shots.tofu == []


def test_the_main_window_has_the_menu_entry_and_a_hidden_piece_until_a_server_is_set_up(qtbot, signed_in, settings):
    from tests.ui.windows import open_main_window

    window = open_main_window(qtbot, signed_in, settings)
    piece = window.statusBar().findChild(SyncStatusPiece)
    assert piece is not None and piece.isHidden()  # a one-PC centre sees nothing new
    # Once shown, the piece stands first among the permanent widgets, left of the countdown
    # (it was inserted at an index the bar did not have, and Qt put it after the lock button).
    piece.show()
    qtbot.waitUntil(lambda: piece.isVisible())
    window.status.layout().activate()
    assert piece.x() < window.status.idle_label.x() < window.status.lock_button.x()
    piece.hide()
    action = next(a for a in window.admin_menu.actions() if a.objectName() == "centre_server")
    assert action.text() == "센터 서버…"
    action.trigger()
    dialog = window.sync.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.server_label.text().startswith("없음")
    assert not dialog.sync_button.isEnabled() and dialog.publish_button.isEnabled()
    window.lock_now()  # the dialog goes with the lock, and no round is left running
    assert not dialog.isVisible() and not window.sync.controller.timer.isActive()


def test_every_access_log_action_of_sync_has_a_readable_name():
    """The access-log screen shows a sentence, not `sync.round`, for what the sync engine records."""
    import re
    from pathlib import Path

    from intake_desktop.services import sync as sync_package
    from intake_desktop.ui.admin.action_labels import ACTION_LABELS, action_label

    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(sync_package.__file__).parent.glob("*.py"))
    recorded = set(re.findall(r"record\(\s*\"(sync\.[a-z_]+)\"", source)) | set(
        re.findall(r"ACTION\w*\s*=\s*\"(sync\.[a-z_]+)\"", source))
    assert {"sync.round", "sync.server_init", "sync.resolve"} <= recorded
    missing = sorted(a for a in recorded if a not in ACTION_LABELS)
    assert missing == []
    assert action_label("sync.round") == "센터 서버와 동기화"
