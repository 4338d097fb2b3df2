"""One way to run slow work (KDF, decrypting the case index) off the UI thread.

    run_in_background(lambda: vault.unlock(user, passphrase),
                      on_success=self._signed_in, on_failure=self._show_error)

The work runs on Qt's global thread pool. Its outcome comes back as signals of a
`BackgroundTask` that lives on the UI thread, delivered through queued connections, so the
callbacks always run on the UI thread whatever kind of callable they are. Callbacks are
connected before the work starts: a result can never be emitted before anyone listens.

- A failure nobody handles (no `on_failure`) goes to the default failure handler: the error
  model's message (ui/messages.describe_error: a ServiceError's translated text, a calm generic
  sentence for anything else — never a traceback) in a notice over the active window, and the
  exception's type (only: a message may quote personal data) in the log. The app may install
  another with `set_default_failure_handler`. A failure is never dropped silently.
- `task.cancel()` drops the outcome: neither callback runs. Work that can stop early checks
  `task.cancel_requested` (a threading.Event) — a closure gets it through `run_in_background(...,
  with_cancel=True)`, which calls `work(cancel_requested)`.
- `Latest` keeps only the newest request of a screen: starting one cancels the one before, so a
  slow old answer never overwrites a newer one (replaces hand-rolled generation counters).
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from intake_desktop.ui import ui_thread_gc
from intake_desktop.ui.messages import describe_error

ProgressCallback = Callable[[int, int], None]
FailureHandler = Callable[[BaseException], None]

log = logging.getLogger(__name__)


def show_failure(error: BaseException) -> None:
    """The default failure handler: log the kind of error, tell the user what the error model
    says, in a notice that does not block (the work that failed may have been started by a
    screen that is gone by now)."""
    log.warning("background work failed: %s", type(error).__name__)
    if not isinstance(QApplication.instance(), QApplication):
        return  # no widgets in this process (a command-line or unit-test run)
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Background", "Could not finish"),
                      describe_error(error), QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setObjectName("background_failure")
    # Kept referenced until answered: with no window in front it has no parent to keep it.
    _notices.add(box)
    box.finished.connect(lambda _result: (_notices.discard(box), box.deleteLater()))
    box.open()


_notices: set[QMessageBox] = set()


_default_failure: FailureHandler = show_failure


def set_default_failure_handler(handler: FailureHandler | None) -> None:
    """What happens to a failure of work started without `on_failure` (None: show_failure)."""
    global _default_failure
    _default_failure = handler or show_failure

# A task must stay referenced until its outcome has been delivered.
_running: set["BackgroundTask"] = set()


class BackgroundTask(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progressed = Signal(int, int)  # done, total
    finished = Signal()  # after succeeded or failed

    # Emitted on the worker thread; queued to the slots below on the UI thread.
    _done_from_worker = Signal()
    _progress_from_worker = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._done_from_worker.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress_from_worker.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self.is_finished = False
        self.cancel_requested = threading.Event()
        self.handles_failure = False
        # Written once by the worker, read and cleared here on the UI thread (see _Runnable).
        self._outcome: tuple[bool, Any] | None = None
        self._runnable: _Runnable | None = None

    @property
    def is_cancelled(self) -> bool:
        return self.cancel_requested.is_set()

    def cancel(self) -> None:
        """Drop the outcome (no callback runs) and ask work that checks `cancel_requested` to stop."""
        self.cancel_requested.set()

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if not self.is_cancelled:
            self.progressed.emit(done, total)

    @Slot()
    def _deliver(self) -> None:
        outcome, self._outcome = self._outcome, None
        assert outcome is not None, "the worker writes the outcome before it says it is done"
        succeeded, value = outcome
        if not self.is_cancelled:
            if succeeded:
                self.succeeded.emit(value)
            elif self.handles_failure:
                self.failed.emit(value)
            else:
                _default_failure(value)
        self.is_finished = True
        self.finished.emit()
        _running.discard(self)


class _Runnable(QRunnable):
    """The work, run on a pool thread. Nothing made on the UI thread may be freed here (a QObject
    must die on its own thread), so the worker never holds the last reference to anything:
    - the outcome (result or exception) goes straight into the task, and the worker's own names
      for it are gone before it says "done" (the UI thread then takes and clears it);
    - the task and this runnable refer to each other: the worker dropping its references never
      frees them (nor the work's closure); the cyclic collector does, and it runs on the UI thread
      only (ui/ui_thread_gc.py).
    Python owns this object (autoDelete off), so the pool never deletes it on the worker."""

    def __init__(self, task: BackgroundTask, work: Callable[..., Any], with_progress: bool,
                 with_cancel: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._task = task
        self._work = work
        self._with_progress = with_progress
        self._with_cancel = with_cancel

    def run(self) -> None:
        task = self._task
        args: list[Any] = []
        if self._with_progress:
            args.append(task._progress_from_worker.emit)
        if self._with_cancel:
            args.append(task.cancel_requested)
        try:
            task._outcome = (True, self._work(*args))
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the UI thread
            task._outcome = (False, exc)
        # `exc` is unbound here: only the task holds the outcome now.
        args.clear()
        try:
            task._done_from_worker.emit()
        except RuntimeError:
            # The task's QObject is gone: the application quit while the work ran (e.g. the
            # modules loaded behind the sign-in window). Nobody is left to tell.
            pass


def run_in_background(
    work: Callable[..., Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    with_cancel: bool = False,
) -> BackgroundTask:
    """Start `work()` on the thread pool: `work(progress)` when on_progress is given,
    `work(cancel_requested)` with `with_cancel`, `work(progress, cancel_requested)` with both."""
    task = BackgroundTask()
    if on_success:
        task.succeeded.connect(on_success)
    if on_failure:
        task.failed.connect(on_failure)
        task.handles_failure = True
    if on_progress:
        task.progressed.connect(on_progress)
    _running.add(task)
    ui_thread_gc.install()
    task._runnable = _Runnable(task, work, with_progress=on_progress is not None, with_cancel=with_cancel)
    QThreadPool.globalInstance().start(task._runnable)
    return task


def busy() -> bool:
    """True while any task has not delivered its outcome (tests wait on this)."""
    return bool(_running)


class Latest:
    """Only the newest request counts: `run` cancels the previous task of this screen, and
    `cancel` drops whatever is still on its way (e.g. when the session locks)."""

    def __init__(self) -> None:
        self.task: BackgroundTask | None = None

    def run(self, work: Callable[..., Any], *, on_finished: Callable[[], None] | None = None,
            **callbacks: Any) -> BackgroundTask:
        """`on_finished` runs once the task is over, whether its outcome was delivered or
        dropped (a busy bar stops there; check `running` first: a newer request may be on)."""
        self.cancel()
        self.task = run_in_background(work, **callbacks)
        if on_finished is not None:
            self.task.finished.connect(on_finished)
        return self.task

    @property
    def running(self) -> bool:
        """The newest request is still on its way (not yet finished, not cancelled)."""
        return self.task is not None and not self.task.is_finished

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None

