"""The main window: the case list with instant search, New case, Lock, Settings, auto-lock.

Locking, whether by the Lock button, Ctrl+L or the idle timer, goes through `lock_now`:
1. every open editor's unsaved typing is stored encrypted (session.drafts) and emptied;
2. session.lock() drops the keys and the decrypted index;
3. the table model is cleared, the search box emptied, and the lock screen shown.
Unlocking reloads the index off the UI thread, then puts the drafts back into their editors.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QHBoxLayout, QHeaderView, QLabel, QMainWindow,
    QProgressBar, QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from intake_desktop.domain.enums import RiskLevel, Stage
from intake_desktop.domain.korean import format_date
from intake_desktop.domain.search import CaseIndex
from intake_desktop.services import errors as E
from intake_desktop.services.session import Session
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.case_table_model import CaseTableModel, Column
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.idle import IdleWatcher
from intake_desktop.ui.labels import risk_label, stage_label
from intake_desktop.ui.lock import LockScreen
from intake_desktop.ui.messages import describe_error
from intake_desktop.ui.new_case_dialog import NewCaseDialog
from intake_desktop.ui.search_field import SearchField
from intake_desktop.ui.settings import AppSettings, SettingsDialog
from intake_desktop.ui.status_bar import SessionStatusBar

log = logging.getLogger(__name__)

_COLUMN_WIDTHS = {Column.NAME: 130, Column.COUNSELLOR: 110}  # the others fit their content
_CELL_PADDING = 16
_HEADER_PADDING = 32  # room for the sort arrow


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: AppSettings, *,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.centre_name = session.vault.centre_name
        self.setWindowTitle(self.tr("{centre} — case records").format(centre=self.centre_name))
        self.model = CaseTableModel(self, today=today)
        self.new_case_dialog: NewCaseDialog | None = None
        # Bumped on every load and every lock: a load that finishes late is thrown away.
        self._load_generation = 0
        # Editors hidden by a lock, to be shown again (with their drafts) after unlock.
        self._stashed_editors: list[NewCaseDialog] = []
        self._draft_notice = ""

        self._make_actions()
        self._make_menu()
        self.stack = QStackedWidget()
        self.list_page = self._make_list_page()
        self.loading_page = self._make_loading_page()
        self.lock_screen = LockScreen(session, self.centre_name)
        self.lock_screen.unlocked.connect(self._unlocked)
        for page in (self.list_page, self.loading_page, self.lock_screen):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.status = SessionStatusBar(session, self.lock_action, self.settings_action)
        self.setStatusBar(self.status)
        self.idle = IdleWatcher(settings.idle_minutes * 60, self)
        self.idle.remaining_changed.connect(self.status.show_remaining)
        self.idle.timed_out.connect(self.lock_now)
        self.resize(1000, 640)

    # -- construction -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.new_case_action = QAction(self.tr("New case"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.open_new_case)
        self.find_action = QAction(self.tr("Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # Works from the New case dialog too, which is a separate window.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_now)
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

    def _make_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Cases"))
        menu.addAction(self.new_case_action)
        menu.addAction(self.find_action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

    def _make_list_page(self) -> QWidget:
        self.search = SearchField()
        self.search.setPlaceholderText(self.tr("Search by name, initials (ㄱㅁㅅ), phone or case number"))
        self.search.query_changed.connect(self.apply_search)
        self.count_label = QLabel()
        self.new_case_button = QPushButton(self.tr("New case"))
        self.new_case_button.clicked.connect(self.open_new_case)
        self.empty_hint = QLabel(self.tr("No cases yet. Use “New case” to add the first one."))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.hide()
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        self.draft_note.hide()
        self.demo_note = QLabel()
        self.demo_note.setStyleSheet("color: #2e6da4;")
        self.demo_note.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: Qt never measures 100k rows.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        self._fit_columns()
        header.setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_case_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        return page

    def _fit_columns(self) -> None:
        """Widths from the longest label in the current language (Korean labels are short,
        English and pseudo ones long), never by measuring 100k cells."""
        cells = self.table.fontMetrics()
        headers = self.table.horizontalHeader().fontMetrics()
        samples = {
            Column.AGE: ["100"],
            Column.RISK: [risk_label(level) for level in RiskLevel],
            Column.STAGE: [stage_label(stage) for stage in Stage],
            Column.LAST_CONTACT: [format_date(date(2025, 12, 31))],
            Column.NEXT_FOLLOW_UP: [format_date(date(2025, 12, 31))],
        }
        for column in Column:
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = headers.horizontalAdvance(title) + _HEADER_PADDING
            if column in samples:
                width = max(width, max(cells.horizontalAdvance(s) for s in samples[column]) + _CELL_PADDING)
            else:
                width = max(width, _COLUMN_WIDTHS[column])
            self.table.setColumnWidth(column, width)

    def _make_loading_page(self) -> QWidget:
        self.loading_label = QLabel(self.tr("Decrypting the case list…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_bar = QProgressBar()
        self.loading_bar.setMaximumWidth(420)
        self.loading_error = ErrorLabel()
        self.loading_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(lambda: self.reload_index())
        self.retry_button.hide()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch()
        layout.addWidget(self.loading_label)
        layout.addWidget(self.loading_bar, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.loading_error)
        layout.addWidget(self.retry_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    # -- start and the case index -----------------------------------------------------------
    def start(self) -> None:
        """After sign-in: load the list, bring back typing left from last time, start the timer."""
        self.reload_index(then=self._restore_left_over_drafts)
        self.idle.start()

    def is_loading(self) -> bool:
        return self.stack.currentWidget() is self.loading_page

    def reload_index(self, then: Callable[[], None] | None = None) -> None:
        self._load_generation += 1
        generation = self._load_generation
        self.loading_bar.setRange(0, 0)
        self.loading_error.clear()
        self.retry_button.hide()
        self.stack.setCurrentWidget(self.loading_page)
        self._set_unlocked_actions(False)
        self.lock_action.setEnabled(True)
        cases = self.session.cases
        run_in_background(
            lambda progress: cases.load_index(progress),
            on_success=lambda index: self._index_loaded(generation, index, then),
            on_failure=lambda error: self._index_failed(generation, error),
            on_progress=self._index_progress,
        )

    def _index_progress(self, done: int, total: int) -> None:
        self.loading_bar.setRange(0, max(total, 1))
        self.loading_bar.setValue(done)

    def _index_loaded(self, generation: int, index: CaseIndex, then: Callable[[], None] | None) -> None:
        if self.session.is_locked:
            # Locked while loading: the worker may have filled the service's cache after the
            # lock emptied it; empty it again.
            self.session.cases.forget()
            return
        if generation != self._load_generation:
            return
        self.model.set_case_index(index)
        self.stack.setCurrentWidget(self.list_page)
        self._set_unlocked_actions(True)
        self._update_counts()
        if then:
            then()

    def _index_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._load_generation or self.session.is_locked:
            return
        self.loading_bar.setRange(0, 1)
        self.loading_error.show_error(error)
        self.retry_button.show()

    def _set_unlocked_actions(self, enabled: bool) -> None:
        for action in (self.new_case_action, self.find_action, self.settings_action):
            action.setEnabled(enabled)
        self.search.setEnabled(enabled)
        self.new_case_button.setEnabled(enabled)

    # -- search -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_search(self, query: str) -> None:
        if self.session.is_locked:
            return
        self.model.set_query(query)
        self._update_counts()

    def _update_counts(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        locale = QLocale()
        if self.model.query.strip():
            self.count_label.setText(self.tr("{shown} of {total}").format(
                shown=locale.toString(shown), total=locale.toString(total)))
        else:
            self.count_label.setText(self.tr("Cases: %Ln", "", total))
        self.empty_hint.setVisible(total == 0)
        demo = self.model.demo_count()
        self.demo_note.setText(self.tr(
            "Names in blue are demo cases with invented data, for practice: %Ln of them.", "", demo))
        self.demo_note.setVisible(demo > 0)

    def select_case(self, case_id: str) -> None:
        row = self.model.row_of_case(case_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- new case ---------------------------------------------------------------------------
    def _new_case_editor(self) -> NewCaseDialog:
        if self.new_case_dialog is None:
            self.new_case_dialog = NewCaseDialog(self.session, self)
            self.new_case_dialog.setModal(False)
            self.new_case_dialog.case_created.connect(self._case_created)
        return self.new_case_dialog

    def open_new_case(self) -> None:
        if self.session.is_locked:
            return
        editor = self._new_case_editor()
        editor.show()
        editor.raise_()
        editor.activateWindow()
        editor.name.setFocus()

    def _case_created(self, case_id: str) -> None:
        self.reload_index(then=lambda: self.select_case(case_id))

    def _editors(self) -> dict[str, Callable[[], NewCaseDialog]]:
        """Every kind of editor that keeps drafts, by draft slot."""
        return {NewCaseDialog.draft_slot: self._new_case_editor}

    # -- lock and unlock --------------------------------------------------------------------
    def lock_now(self) -> None:
        if self.session.is_locked:
            return
        self._load_generation += 1
        self._close_passing_dialogs()
        self._stash_editors()
        self.session.lock()
        self.model.clear()
        self.search.reset()
        self.count_label.clear()
        self.draft_note.hide()
        self.demo_note.hide()
        self.idle.stop()
        self.status.show_locked()
        self._set_unlocked_actions(False)
        self.lock_action.setEnabled(False)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare()

    def _close_passing_dialogs(self) -> None:
        """Settings and questions have nothing worth keeping: close them so none stays on top."""
        editors = {self.new_case_dialog}
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget not in editors:
                widget.done(QDialog.DialogCode.Rejected)

    def _stash_editors(self) -> None:
        self._stashed_editors = []
        editor = self.new_case_dialog
        if editor is None or not editor.isVisible():
            return
        if editor.has_typing():
            try:
                self.session.drafts.save(editor.draft_slot, editor.draft_content())
            except E.ServiceError as error:
                # Locking must win over keeping the typing (e.g. on a full disk).
                log.error("could not keep a draft while locking: %s", type(error).__name__)
                self._draft_notice = describe_error(error)
        editor.clear_fields()
        editor.hide()
        self._stashed_editors.append(editor)

    def _unlocked(self) -> None:
        self.lock_action.setEnabled(True)
        self.idle.start()
        self.reload_index(then=self._restore_stashed_editors)

    def _restore_stashed_editors(self) -> None:
        stashed, self._stashed_editors = self._stashed_editors, []
        for editor in stashed:
            self._restore_draft_into(editor)
            editor.show()
            editor.raise_()
        if self._draft_notice:
            self.draft_note.setText(self._draft_notice)
            self.draft_note.show()
            self._draft_notice = ""

    def _restore_draft_into(self, editor: NewCaseDialog) -> bool:
        try:
            content = self.session.drafts.load(editor.draft_slot)
            if content is None:
                return False
            editor.restore_draft(content)
            self.session.drafts.discard(editor.draft_slot)
        except E.ServiceError as error:
            self.draft_note.setText(describe_error(error))
            self.draft_note.show()
            return False
        return True

    def _restore_left_over_drafts(self) -> None:
        """Typing stored by a lock the app was then closed from (or a crash): offer it back."""
        try:
            slots = set(self.session.drafts.slots())
        except E.ServiceError:
            return
        for slot, make_editor in self._editors().items():
            if slot in slots:
                editor = make_editor()
                if self._restore_draft_into(editor):
                    self.draft_note.setText(self.tr("Unsaved typing from your last session was restored."))
                    self.draft_note.show()
                    editor.show()

    # -- settings and closing ---------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self.idle.set_timeout_seconds(self.settings.idle_minutes * 60))
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing keeps unsaved typing (encrypted) for next time, then locks."""
        if not self.session.is_locked:
            self._close_passing_dialogs()
            self._stash_editors()
            self.session.lock()
        self.model.clear()
        self.idle.stop()
        if self.new_case_dialog is not None:
            self.new_case_dialog.hide()
        event.accept()
