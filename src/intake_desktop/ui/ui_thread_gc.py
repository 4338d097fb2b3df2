"""Python's cyclic garbage collector runs on the UI thread only, once worker threads run Python.

Why. CPython's collector runs on whichever thread happens to allocate when a generation's count
crosses its threshold. In this program that is often a worker of the background pool
(ui/background.py) decrypting a case index or a sync round. A collection there frees every
unreachable cycle in the process, including cycles that hold QObjects made on the UI thread (a
controller's QTimer, a finished task, a dialog's helper). A QObject must be destroyed on its own
thread: Qt says "QObject::killTimer: Timers cannot be stopped from another thread" and may crash.
Moving single objects back to the UI thread cannot fix this: the collector picks what it frees.

The rule. The first time work goes to a worker thread (`run_in_background`), automatic collection
is switched off and a timer on the UI thread does what the automatic collector would have done:
when a generation's count has passed its threshold, that generation is collected — here. The
thresholds stay CPython's (gc.get_threshold()), so the amount of work per collection is the same;
garbage lives at most one tick (CHECK_MS) longer. Freeing by reference count (no cycle) still
happens on the thread that drops the last reference: ui/background.py makes sure a worker never
holds the last reference to anything the UI thread made.

Nothing here changes what a counsellor sees. Tests call `collect()` between tests, so each test's
garbage is freed on the UI thread before the next one starts.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

CHECK_MS = 250

_collector: "_Collector | None" = None


class _Collector(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose count has passed its threshold, as CPython would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


def install() -> bool:
    """Switch automatic collection off and collect on the UI thread from now on. Call it on the
    UI thread with a Qt application running; later calls do nothing. False when there is no
    application (nothing is changed then: no timer could run)."""
    global _collector
    if _collector is not None:
        return True
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return False
    _collector = _Collector()
    gc.disable()
    return True


def installed() -> bool:
    return _collector is not None


def collect() -> None:
    """A full collection now, on the calling (UI) thread."""
    gc.collect()
