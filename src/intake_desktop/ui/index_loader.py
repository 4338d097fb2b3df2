"""Decrypting the case index off the UI thread, one load at a time, late results thrown away.

The main window asks for a load at sign-in, after an unlock, and (quietly) after every save
that changes what the case list or home page shows. Rules:
- a quiet request while a load runs does not start a second worker (two full decrypts would
  compete for the CPU and the GIL): it marks the running load stale, and one more load
  follows it, so the last load always starts after the last save;
- only the newest load counts (background.Latest): a lock cancels the running one, whose
  result is dropped (a lock during a load must not bring decrypted data back on screen);
- `fresh` says the services' own cached index matches what is stored, so screens that ask
  the services (the home page) do not trigger a synchronous decrypt on the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from intake_desktop.services.session import Session
from intake_desktop.ui.background import Latest


class IndexLoader(QObject):
    started = Signal(bool)  # quietly?
    progressed = Signal(int, int)  # done, total
    loaded = Signal(object, bool)  # the CaseIndex; final (False: another load follows)
    failed = Signal(object)  # the exception

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._latest = Latest()
        self.loading = False
        self._again = False
        self.fresh = False

    def load(self, *, quietly: bool = False) -> None:
        self.fresh = False
        if self.loading and quietly:
            self._again = True
            return
        self.loading, self._again = True, False
        self.started.emit(quietly)
        cases = self._session.cases
        self._latest.run(lambda progress: cases.load_index(progress), on_success=self._done,
                         on_failure=self._failed, on_progress=self.progressed.emit, on_finished=self._settled)

    def cancel(self) -> None:
        """On lock: forget the running load and any queued one."""
        self._latest.cancel()
        self.loading = self._again = self.fresh = False

    def _settled(self) -> None:
        if self._session.is_locked:
            # Locked while loading: the worker may have filled the service's cache after the
            # lock emptied it; empty it again (whether the result was delivered or dropped).
            self._session.cases.forget()

    def _done(self, index) -> None:
        if self._session.is_locked:
            return  # (_settled empties the cache)
        self.loading = False
        final = not self._again
        self.fresh = final
        self.loaded.emit(index, final)
        if not final:
            self.load(quietly=True)  # a save landed during this load

    def _failed(self, error: BaseException) -> None:
        if self._session.is_locked:
            return
        self.loading = False
        self.failed.emit(error)
