"""The GUI's background helper: default failure handler, cancellation, only the newest result."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from intake_desktop.services import errors as E
from intake_desktop.ui import background
from intake_desktop.ui.background import Latest, busy, run_in_background, set_default_failure_handler
from intake_desktop.ui.messages import describe_error


def test_a_failure_nobody_handles_goes_to_the_default_handler(qtbot):
    seen: list[BaseException] = []
    set_default_failure_handler(seen.append)
    try:
        run_in_background(lambda: 1 / 0, on_success=lambda _r: None)
        qtbot.waitUntil(lambda: not busy(), timeout=5_000)
    finally:
        set_default_failure_handler(None)
    assert len(seen) == 1 and isinstance(seen[0], ZeroDivisionError)


def _failure_notices() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "background_failure" and w.isVisible()]


def test_the_default_handler_logs_only_the_kind_of_error(qtbot, caplog):
    run_in_background(lambda: (_ for _ in ()).throw(ValueError("이영희 010-1234-5678")))
    qtbot.waitUntil(lambda: not busy(), timeout=5_000)
    assert "ValueError" in caplog.text and "이영희" not in caplog.text
    notices = _failure_notices()
    try:
        # Shown to the user: the calm generic sentence, never the exception's text or a traceback.
        assert len(notices) == 1
        assert "이영희" not in notices[0].text() and "Traceback" not in notices[0].text()
        assert notices[0].text() == describe_error(RuntimeError())
    finally:
        for notice in notices:
            notice.done(0)


def test_the_default_handler_shows_the_error_models_message(qtbot):
    denied = E.DeniedError()
    run_in_background(lambda: (_ for _ in ()).throw(denied))
    qtbot.waitUntil(lambda: not busy(), timeout=5_000)
    notices = _failure_notices()
    try:
        assert [n.text() for n in notices] == [denied.render(QCoreApplication.translate)]
    finally:
        for notice in notices:
            notice.done(0)


def test_a_cancelled_task_delivers_nothing_and_can_stop_early(qtbot):
    started, release = threading.Event(), threading.Event()
    outcomes: list[object] = []

    def work(cancel_requested):
        started.set()
        release.wait(5)
        return "stopped early" if cancel_requested.is_set() else "done"

    task = run_in_background(work, on_success=outcomes.append, on_failure=outcomes.append, with_cancel=True)
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: task.is_finished, timeout=5_000)
    assert outcomes == [] and task.is_cancelled


def test_latest_shows_only_the_newest_answer(qtbot):
    slow_may_finish = threading.Event()
    shown: list[str] = []
    latest = Latest()
    latest.run(lambda: (slow_may_finish.wait(5), "old")[1], on_success=shown.append)
    newer = latest.run(lambda: "new", on_success=shown.append)
    qtbot.waitUntil(lambda: newer.is_finished, timeout=5_000)
    slow_may_finish.set()
    qtbot.waitUntil(lambda: not background.busy(), timeout=5_000)
    assert shown == ["new"]
    latest.run(lambda: "dropped", on_success=shown.append)
    latest.cancel()
    qtbot.waitUntil(lambda: not background.busy(), timeout=5_000)
    assert shown == ["new"]


def test_work_that_ends_after_its_task_was_deleted_raises_nothing(qtbot, capfd):
    """The app quit while work ran (the modules loaded behind the sign-in window): Qt has
    deleted the task, and the worker's delivery must not print a traceback."""
    import shiboken6

    started, release = threading.Event(), threading.Event()

    def work():
        started.set()
        release.wait(5)
        return 42

    task = run_in_background(work)
    started.wait(5)
    background._running.discard(task)
    shiboken6.delete(task)  # what QApplication's teardown does to it
    release.set()
    qtbot.waitUntil(lambda: background.QThreadPool.globalInstance().activeThreadCount() == 0, timeout=5_000)
    assert "Signal source has been deleted" not in capfd.readouterr().err


def test_latest_says_when_a_dropped_request_is_over(qtbot):
    """A screen's busy bar stops when the newest request is over, delivered or dropped."""
    release = threading.Event()
    latest = Latest()
    finished: list[bool] = []
    latest.run(lambda: release.wait(5), on_success=lambda _r: finished.append(True),
               on_finished=lambda: finished.append(latest.running))
    assert latest.running
    latest.cancel()
    release.set()
    qtbot.waitUntil(lambda: not background.busy(), timeout=5_000)
    assert finished == [False] and not latest.running


class _Holder:
    """Part of a reference cycle that holds a QObject with a running timer (like a controller a
    test or a screen let go of); says on which thread it was freed."""

    freed_on: list[str] = []

    def __init__(self) -> None:
        from PySide6.QtCore import QObject, QTimer

        self.owner = QObject()
        self.timer = QTimer(self.owner)
        self.timer.start(60_000)
        self.me = self  # the cycle: only the cyclic collector frees this

    def __del__(self) -> None:
        _Holder.freed_on.append(threading.current_thread().name)


def test_cyclic_garbage_made_on_the_ui_thread_is_freed_there_when_a_worker_allocates(qtbot):
    """Regression: Python's collector ran on a pool thread (whichever thread allocated when the
    threshold was crossed) and freed a QObject with a timer there — "QObject::killTimer: Timers
    cannot be stopped from another thread" (seen as a sync round's follow-up failing). Work that
    allocates a lot on a worker must leave UI-thread garbage to be freed on the UI thread."""
    import gc

    ui_thread = threading.current_thread().name
    _Holder.freed_on.clear()
    run_in_background(lambda: None)  # the first background work sets the collection policy
    qtbot.waitUntil(lambda: not busy(), timeout=5_000)
    gc.collect()
    _Holder()  # garbage now, in a cycle

    def allocate():
        # Far past generation 0's threshold: an automatic collection would run on this thread.
        return [[i] for i in range(50_000)]

    kept: list[object] = []
    run_in_background(allocate, on_success=kept.append)
    qtbot.waitUntil(lambda: not busy(), timeout=5_000)
    qtbot.waitUntil(lambda: _Holder.freed_on != [], timeout=5_000)  # the UI thread's collector runs
    assert _Holder.freed_on == [ui_thread]
