"""What happens to open work when the session locks, unlocks or the window closes.

Locking (the Lock button, Ctrl+L or the idle timer, via MainWindow.lock_now) runs `lock`:
1. passing dialogs are closed (settings, questions: nothing worth keeping);
2. every editor's unsaved typing — the New case dialog, every open case file in a tab or a
   window, an intake form open on a case — is stored encrypted (session.drafts) and the editors
   closed, remembering which were open;
3. session.lock() drops the keys and the decrypted index.
After the unlock (and the index reload) `restore_after_unlock` reopens the same editors, which
take their drafts back. Quitting does the first half (`keep_typing`); at the next sign-in
`restore_left_over_drafts` offers back whatever typing was left (also after a crash).

While `locking` is true the window ignores change notifications: stashing saves drafts, and a
reload of the index then would race the lock.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from intake_desktop.services import errors as E
from intake_desktop.services.session import Session
from intake_desktop.ui.case_file import case_of_slot
from intake_desktop.ui.messages import describe_error
from intake_desktop.ui.new_case_dialog import NewCaseDialog
from intake_desktop.ui.open_cases import OpenCases, Stashed

log = logging.getLogger(__name__)

INTAKE_DRAFT_PREFIX = "intake:"  # ui/intake_form/autosave.py: "intake:<case id>:<record id or 'new'>"


def intake_of_slot(slot: str) -> tuple[str, str] | None:
    """(case id, record id or "" for a new intake) of an intake form's draft slot, else None."""
    if not slot.startswith(INTAKE_DRAFT_PREFIX):
        return None
    case_id, _, record = slot[len(INTAKE_DRAFT_PREFIX):].partition(":")
    return (case_id, "" if record in ("", "new") else record) if case_id else None


class LockCoordinator(QObject):
    def __init__(self, session: Session, open_cases: OpenCases, *,
                 new_case_editor: Callable[[], NewCaseDialog | None],
                 make_new_case_editor: Callable[[], NewCaseDialog],
                 open_case: Callable[[str], Any],  # the case file opened (or None)
                 show_note: Callable[[str], None],
                 show_list: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._open_cases = open_cases
        self._new_case_editor = new_case_editor  # the New case dialog if one was made, else None
        self._open_case = open_case
        self._show_note = show_note
        self._show_list = show_list
        # Every kind of stand-alone editor that keeps drafts, by draft slot.
        self._editors: dict[str, Callable[[], NewCaseDialog]] = {NewCaseDialog.draft_slot: make_new_case_editor}
        self.locking = False
        # Editors hidden or closed by a lock, to be shown again (with their drafts) after unlock.
        self._stashed_editors: list[NewCaseDialog] = []
        self._stashed_cases: list[Stashed] = []
        self._draft_notice = ""
        open_cases.failed_drafts.connect(self._drafts_failed)

    # -- locking and closing ----------------------------------------------------------------
    def lock(self) -> None:
        """Keep every editor's typing as a draft, close the editors, lock the session."""
        with self._locking():
            open_intakes = self._open_intake_dialogs()
            self._close_passing_dialogs()
            self._stash_editors()
            self._stashed_cases = [self._with_intake(item, open_intakes) for item in self._open_cases.stash()]
            self._session.lock()

    def keep_typing(self) -> None:
        """Before quitting: every editor's typing is kept as a draft for the next sign-in."""
        with self._locking():
            self._close_passing_dialogs()
            self._stash_editors()
            self._open_cases.stash()

    def lock_session(self) -> None:
        with self._locking():
            self._session.lock()

    @contextmanager
    def _locking(self) -> Iterator[None]:
        self.locking = True
        try:
            yield
        finally:
            self.locking = False

    def _open_intake_dialogs(self) -> dict[str, str]:
        """case id -> record id ("" for a new intake) of every intake form open now; the form
        keeps its own draft when closed, and is opened again after the unlock."""
        open_now = {view.case_id: view.intakes.open_dialog_record() for view in self._open_cases.all_case_files()}
        return {case_id: record for case_id, record in open_now.items() if record is not None}

    @staticmethod
    def _with_intake(item: Stashed, open_intakes: dict[str, str]) -> Stashed:
        record = open_intakes.pop(item.case_id, None)
        return item if record is None else Stashed(item.case_id, item.in_window, item.tab, item.draft_slot,
                                                   item.was_current, record)

    def _close_passing_dialogs(self) -> None:
        """Settings and questions have nothing worth keeping: close them so none stays on top.
        (The intake form and the crisis dialog keep their own typing as drafts when closed.)"""
        editors = {self._new_case_editor()}
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget not in editors:
                widget.done(QDialog.DialogCode.Rejected)

    def _stash_editors(self) -> None:
        self._stashed_editors = []
        editor = self._new_case_editor()
        if editor is None or not editor.isVisible():
            return
        if editor.has_typing():
            try:
                self._session.drafts.save(editor.draft_slot, editor.draft_content())
            except E.ServiceError as error:
                # Locking must win over keeping the typing (e.g. on a full disk).
                log.error("could not keep a draft while locking: %s", type(error).__name__)
                self._draft_notice = describe_error(error)
        editor.clear_fields()
        editor.hide()
        self._stashed_editors.append(editor)

    def _drafts_failed(self) -> None:
        self._draft_notice = self.tr("Some unsaved changes could not be kept while locking (is the disk full?).")

    # -- unlocking and signing in -----------------------------------------------------------
    def restore_after_unlock(self) -> None:
        stashed, self._stashed_editors = self._stashed_editors, []
        for editor in stashed:
            self._restore_draft_into(editor)
            editor.show()
            editor.raise_()
        cases, self._stashed_cases = self._stashed_cases, []
        self._open_cases.reopen(cases)
        for item in cases:
            if item.intake_record is not None:
                for view in self._open_cases.views_of(item.case_id)[:1]:
                    view.intakes.reopen_dialog(item.intake_record)
        if self._draft_notice:
            self._show_note(self._draft_notice)
            self._draft_notice = ""

    def _restore_draft_into(self, editor: NewCaseDialog) -> bool:
        try:
            content = self._session.drafts.load(editor.draft_slot)
            if content is None:
                return False
            editor.restore_draft(content)
            self._session.drafts.discard(editor.draft_slot)
        except E.ServiceError as error:
            self._show_note(describe_error(error))
            return False
        return True

    def restore_left_over_drafts(self) -> None:
        """Typing stored by a lock the app was then closed from, a quit, a closed case kept
        as a draft, an intake form closed unsaved (or a crash): offer it back."""
        try:
            slots = set(self._session.drafts.slots())
        except E.ServiceError:
            return
        restored = False
        for slot, make_editor in self._editors.items():
            if slot in slots:
                editor = make_editor()
                if self._restore_draft_into(editor):
                    restored = True
                    editor.show()
        cases = sorted(filter(None, {case_of_slot(slot) for slot in slots}))
        intakes = sorted(filter(None, map(intake_of_slot, slots)))
        for case_id in cases:
            try:
                self._open_case(case_id)  # the case file takes its drafts back
                restored = True
            except E.ServiceError:
                continue
        for case_id, record_id in intakes:
            try:  # the intake form restores its own draft when it opens on that intake
                case_file = self._open_case(case_id)
                case_file.show_tab("intakes")
                case_file.intakes.reopen_dialog(record_id)
                restored = True
            except E.ServiceError:
                continue
        if restored:
            self._show_note(self.tr("Unsaved typing from your last session was restored."))
            if not (cases or intakes):
                self._show_list()  # where the note is, beside the New case dialog
