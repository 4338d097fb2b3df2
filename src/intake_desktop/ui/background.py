"""One way to run slow work (KDF, decrypting the case index) off the UI thread.

    run_in_background(lambda: vault.unlock(user, passphrase),
                      on_success=self._signed_in, on_failure=self._show_error)

The work runs on Qt's global thread pool. Its outcome comes back as signals of a
`BackgroundTask` that lives on the UI thread, delivered through queued connections, so the
callbacks always run on the UI thread whatever kind of callable they are. Callbacks are
connected before the work starts: a result can never be emitted before anyone listens.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

ProgressCallback = Callable[[int, int], None]

# A task must stay referenced until its outcome has been delivered.
_running: set["BackgroundTask"] = set()


class BackgroundTask(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progressed = Signal(int, int)  # done, total
    finished = Signal()  # after succeeded or failed

    # Emitted on the worker thread; queued to the slots below on the UI thread.
    _result_from_worker = Signal(object)
    _error_from_worker = Signal(object)
    _progress_from_worker = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._result_from_worker.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._error_from_worker.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)
        self._progress_from_worker.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self.is_finished = False

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self.succeeded.emit(result)
        self._finish()

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        self.failed.emit(error)
        self._finish()

    def _finish(self) -> None:
        self.is_finished = True
        self.finished.emit()
        _running.discard(self)


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask, work: Callable[..., Any], with_progress: bool) -> None:
        super().__init__()
        self._task = task
        self._work = work
        self._with_progress = with_progress

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._work(self._task._progress_from_worker.emit)
            else:
                result = self._work()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the UI thread
            self._task._error_from_worker.emit(exc)
        else:
            self._task._result_from_worker.emit(result)


def run_in_background(
    work: Callable[..., Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BackgroundTask:
    """Start `work()` on the thread pool (`work(progress)` when on_progress is given)."""
    task = BackgroundTask()
    if on_success:
        task.succeeded.connect(on_success)
    if on_failure:
        task.failed.connect(on_failure)
    if on_progress:
        task.progressed.connect(on_progress)
    _running.add(task)
    task._runnable = _Runnable(task, work, with_progress=on_progress is not None)
    QThreadPool.globalInstance().start(task._runnable)
    return task


def busy() -> bool:
    """True while any task has not delivered its outcome (tests wait on this)."""
    return bool(_running)
