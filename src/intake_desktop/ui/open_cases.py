"""The case files open in the main window's tabs and in windows of their own.

One place that knows every open case file, so that:
- opening a case already open in a tab shows that tab (a case opened "in a new window" may
  also be open in a tab: that is how two views of one record, and their conflict, arise);
- closing one with unsaved changes asks (keep a draft, discard, cancel);
- a lock or quit stores every case file's typing as a draft and closes it (`stash`), and the
  unlock opens the same case files again, which take their drafts back (`reopen`);
- a save in one view refreshes the other views of the same case (typing there is kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from intake_desktop.domain import dates
from intake_desktop.services.session import Session
from intake_desktop.services import errors as E
from intake_desktop.ui.case_file import CaseFileWidget, CaseFileWindow, case_of_slot
from intake_desktop.ui.case_file.close_question import ask_about_unsaved


@dataclass(frozen=True)
class Stashed:
    case_id: str
    in_window: bool
    tab: str  # the case file's tab that was shown
    draft_slot: str  # "" when it held no typing
    was_current: bool  # the main window's current tab
    intake_record: str | None = None  # an intake form open on the case: its record ("" new)


class OpenCases(QObject):
    case_changed = Signal(str)  # case id: something stored changed
    failed_drafts = Signal()  # a draft could not be stored while locking

    def __init__(self, session: Session, tabs: QTabWidget, first_case_tab: int, *,
                 today: Callable[[], date] = dates.today, window_parent: QWidget | None = None) -> None:
        super().__init__(tabs)
        self._session = session
        self._tabs = tabs
        self._first = first_case_tab  # tabs before this one (home, list) are not case files
        self._today = today
        self._window_parent = window_parent
        self.windows: list[CaseFileWindow] = []
        self.close_question = None
        tabs.tabCloseRequested.connect(self.close_tab)

    # -- finding ------------------------------------------------------------------------------
    def tab_case_files(self) -> list[CaseFileWidget]:
        return [self._tabs.widget(i) for i in range(self._first, self._tabs.count())]

    def all_case_files(self) -> list[CaseFileWidget]:
        return self.tab_case_files() + [w.case_file for w in self.windows]

    def current(self) -> CaseFileWidget | None:
        widget = self._tabs.currentWidget()
        return widget if isinstance(widget, CaseFileWidget) else None

    def views_of(self, case_id: str) -> list[CaseFileWidget]:
        return [view for view in self.all_case_files() if view.case_id == case_id]

    # -- opening ------------------------------------------------------------------------------
    def open(self, case_id: str, *, in_window: bool = False, tab: str | None = None,
             draft_slot: str | None = None) -> CaseFileWidget:
        """Show the case in a tab (the existing one if open) or a new window.

        `draft_slot`: the draft this view kept when it was stashed ("" for none). When None,
        every draft kept for the case comes back: the first in this view, any other (a second
        view's typing) in a window of its own, so no kept typing stays out of sight.
        """
        if not in_window:
            for view in self.tab_case_files():
                if view.case_id == case_id:
                    self._tabs.setCurrentWidget(view)
                    if tab:
                        view.show_tab(tab)
                    return view
        slots = [draft_slot] if draft_slot is not None else self._stored_slots(case_id)
        view = self._make_view(case_id, in_window)
        if slots and slots[0]:
            view.restore_stored_draft(slots[0])
        if tab:
            view.show_tab(tab)
        for extra in slots[1:]:
            self._make_view(case_id, True).restore_stored_draft(extra)
        return view

    def _make_view(self, case_id: str, in_window: bool) -> CaseFileWidget:
        if in_window:
            window = CaseFileWindow(self._session, case_id, today=self._today, parent=self._window_parent)
            window.closed.connect(self._window_closed)
            self._watch(window.case_file)
            self.windows.append(window)
            window.show()
            window.raise_()
            return window.case_file
        view = CaseFileWidget(self._session, case_id, today=self._today)
        self._watch(view)
        index = self._tabs.addTab(view, view.title())
        self._tabs.setTabToolTip(index, view.title())
        view.title_changed.connect(lambda text, v=view: self._retitle(v, text))
        self._tabs.setCurrentIndex(index)
        view.tabs.currentWidget().setFocus()
        return view

    def _stored_slots(self, case_id: str) -> list[str]:
        try:
            return sorted(slot for slot in self._session.drafts.slots() if case_of_slot(slot) == case_id)
        except E.ServiceError:
            return []

    def _watch(self, view: CaseFileWidget) -> None:
        view.case_changed.connect(lambda case_id, source=view: self._changed(case_id, source))

    def _retitle(self, view: CaseFileWidget, text: str) -> None:
        index = self._tabs.indexOf(view)
        if index >= 0:
            self._tabs.setTabText(index, text)
            self._tabs.setTabToolTip(index, text)

    def _changed(self, case_id: str, source: CaseFileWidget) -> None:
        for view in self.views_of(case_id):
            if view is not source:
                view.reload()  # keeps the other view's typing; its save will check versions
        self.case_changed.emit(case_id)

    # -- closing ------------------------------------------------------------------------------
    def close_tab(self, index: int) -> None:
        """Close a case tab, asking first if it holds unsaved changes."""
        if index < self._first:
            return
        view = self._tabs.widget(index)
        if not view.has_unsaved():
            self._remove_tab(view)
            return

        def keep() -> None:
            if view.keep_draft() is not None:
                self._remove_tab(view)

        self.close_question = ask_about_unsaved(self._tabs, view.title(), keep, lambda: self._remove_tab(view))

    def close_current(self) -> None:
        index = self._tabs.currentIndex()
        if index >= self._first:
            self.close_tab(index)

    def _remove_tab(self, view: CaseFileWidget) -> None:
        index = self._tabs.indexOf(view)
        if index >= 0:
            self._tabs.removeTab(index)
        view.deleteLater()

    def _window_closed(self, window: CaseFileWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    # -- lock and unlock ----------------------------------------------------------------------
    def stash(self) -> list[Stashed]:
        """Keep every open case file's typing as a draft, then close them all (nothing
        decrypted stays on screen). Returns what `reopen` needs to put them back."""
        stashed: list[Stashed] = []
        failed = False
        current = self.current()
        for view in self.tab_case_files():
            slot = view.keep_draft()
            failed |= slot is None
            stashed.append(Stashed(view.case_id, False, view.current_tab_name(), slot or "", view is current))
            self._remove_tab(view)
        for window in list(self.windows):
            slot = window.case_file.keep_draft()
            failed |= slot is None
            stashed.append(Stashed(window.case_id, True, window.case_file.current_tab_name(), slot or "", False))
            window.close_without_asking()
        self.windows.clear()
        if failed:
            self.failed_drafts.emit()
        return stashed

    def reopen(self, stashed: list[Stashed]) -> None:
        current_index = self._tabs.currentIndex()
        current_view = None
        for item in stashed:
            try:
                view = self.open(item.case_id, in_window=item.in_window, tab=item.tab, draft_slot=item.draft_slot)
            except E.ServiceError:
                continue  # e.g. the case was reassigned meanwhile; its draft stays stored
            if item.was_current:
                current_view = view
        if current_view is not None:
            self._tabs.setCurrentWidget(current_view)
        else:
            self._tabs.setCurrentIndex(current_index)
