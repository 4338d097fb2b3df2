"""The main window: search bar, then tabs — Home, the case list, and open case files.

Layout: a search field (Ctrl+F; typing shows the case list), the case count and New case
(Ctrl+N) on top; below, tabs: Home (today's work, ui/home.py), Cases (filters and the list),
then one tab per open case file (ui/case_file/, managed by ui/open_cases.py; a case can also
open in a window of its own). Ctrl+S saves the current case tab, Ctrl+W closes it.

This module is the shell: actions and menus, the top bar, the tabs, and the pages it switches
between (workspace, loading page, lock screen). The pages are their own modules: the Cases tab
is ui/case_list_page.py, the first-load progress page ui/loading_page.py, the lock screen
ui/lock.py; what happens to unsaved typing on lock, unlock and quit is ui/lock_coordinator.py.

The case index is decrypted off the UI thread (ui/index_loader.py over ui/background.py). The
first load shows the loading page; later reloads (after a save changed what the list shows) run
quietly while the list stays usable, one at a time: a change during a reload queues one more.

Locking, whether by the Lock button, Ctrl+L or the idle timer, goes through `lock_now`: the
coordinator keeps every editor's typing as drafts and locks the session; then the list, the
home page and the search box are emptied and the lock screen shown. Unlocking reloads the
index, then the coordinator reopens the same editors, which take their drafts back.

Why this module is about 500 lines: it is the shell where every screen gets its menu entry
and shortcut (several are added each round); its pages and the lock flow are modules of
their own.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QPushButton, QStackedWidget,
    QTabBar, QTabWidget, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.domain.case_filters import CaseFilter
from intake_desktop.domain.duplicates import find_duplicates
from intake_desktop.domain.enums import Role
from intake_desktop.domain.search import CaseIndex
from intake_desktop.services import errors as E
from intake_desktop.services.session import Session
from intake_desktop.ui.admin.auto_backup import AutoBackup
from intake_desktop.ui.admin.backup_settings import BackupSettings
from intake_desktop.ui.background import BackgroundTask
from intake_desktop.ui.case_list_page import CaseListPage
from intake_desktop.ui.case_table_model import CaseTableModel
from intake_desktop.ui.font_size import apply_font_size
from intake_desktop.ui.change_bridge import ChangeBridge
from intake_desktop.ui.home import HomePage
from intake_desktop.ui.idle import IdleWatcher
from intake_desktop.ui.index_loader import IndexLoader
from intake_desktop.ui.loading_page import LoadingPage
from intake_desktop.ui.lock import LockScreen
from intake_desktop.ui.lock_coordinator import LockCoordinator
from intake_desktop.ui.messages import describe_error
from intake_desktop.ui.new_case_dialog import NewCaseDialog
from intake_desktop.ui.open_cases import OpenCases
from intake_desktop.ui.search_field import SearchField
from intake_desktop.ui.settings import AppSettings, SettingsDialog
from intake_desktop.ui.status_bar import SessionStatusBar
from intake_desktop.ui.sync.attach import attach_sync

HOME_TAB, LIST_TAB = 0, 1

# Topics of changes that nothing in the case index depends on (services/changes.py).
NOT_IN_THE_INDEX = frozenset({"backup", "account", "audit", "centre", "partner", "settings", "form", "login"})


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: AppSettings, *,
                 today: Callable[[], date] = dates.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self._today = today
        self.centre_name = session.vault.centre_name
        self.setWindowTitle(self.tr("{centre} — case records").format(centre=self.centre_name))
        self.model = CaseTableModel(self, today=today)
        self.new_case_dialog: NewCaseDialog | None = None
        self.intake_offer: QMessageBox | None = None
        self.admin_menu: QMenu | None = None
        self.loader = IndexLoader(session, self)
        self.loader.started.connect(self._load_started)
        self.loader.progressed.connect(self._index_progress)
        self.loader.loaded.connect(self._index_loaded)
        self.loader.failed.connect(self._index_failed)
        self._after_load: list[Callable[[], None]] = []  # run once the index on screen is current
        self._closing_backup: BackgroundTask | None = None  # the backup made when the window closes

        self._make_actions()
        self._make_menu()
        self.stack = QStackedWidget()
        self.workspace = self._make_workspace()
        self.loading_page = LoadingPage()
        self.loading_page.retry.connect(lambda: self.reload_index())
        self.locks = LockCoordinator(
            session, self.open_cases, new_case_editor=lambda: self.new_case_dialog,
            make_new_case_editor=self._new_case_editor, open_case=self.open_case,
            show_note=self.list_page.show_note, show_list=lambda: self.show_tab(LIST_TAB), parent=self)
        self.lock_screen = LockScreen(session, self.centre_name)
        self.lock_screen.unlocked.connect(self._unlocked)
        for page in (self.workspace, self.loading_page, self.lock_screen):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.status = SessionStatusBar(session, self.lock_action, self.settings_action)
        self.setStatusBar(self.status)
        self.idle = IdleWatcher(settings.idle_minutes * 60, self)
        self.idle.remaining_changed.connect(self.status.show_remaining)
        self.idle.timed_out.connect(self.lock_now)
        self.auto_backup = AutoBackup(session, BackupSettings.of(settings), self)
        self.auto_backup.failed.connect(self.status.showMessage)
        QTimer.singleShot(0, self.auto_backup.run_if_due)  # the day's backup, if none yet
        self.sync = attach_sync(self)  # centre mode (ui/sync): background rounds, status, 관리 → 센터 서버
        self.resize(1100, 700)

    # -- construction -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, slot, shortcut=None, *, application_wide: bool = False) -> QAction:
            made = QAction(text, self)
            if shortcut is not None:
                made.setShortcut(shortcut)
            if application_wide:
                made.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            made.triggered.connect(slot)
            return made

        self.new_case_action = action(self.tr("New case"), self.open_new_case, QKeySequence.StandardKey.New)
        self.find_action = action(self.tr("Find"), self.focus_search, QKeySequence.StandardKey.Find)
        self.save_action = action(self.tr("Save"), self.save_current, QKeySequence.StandardKey.Save)
        self.close_case_action = action(self.tr("Close case"), self.close_current_case, QKeySequence("Ctrl+W"))
        self.open_case_action = action(self.tr("Open case"), self.open_selected_case)
        self.open_window_action = action(self.tr("Open in new window"), lambda: self.open_selected_case(True),
                                         QKeySequence("Ctrl+Shift+O"))
        self.home_action = action(self.tr("Home"), lambda: self.show_tab(HOME_TAB), QKeySequence("Ctrl+1"))
        self.list_action = action(self.tr("Case list"), lambda: self.show_tab(LIST_TAB), QKeySequence("Ctrl+2"))
        # Ctrl+L works from every window (a case file window, the New case dialog) too.
        self.lock_action = action(self.tr("Lock"), self.lock_now, QKeySequence("Ctrl+L"), application_wide=True)
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.settings_action = action(self.tr("Settings…"), self.open_settings)
        self.stats_action = action(self.tr("Statistics…"), self.open_statistics)
        self.import_action = action(self.tr("Import from Excel or CSV…"), self.open_import)
        self.register_action = action(self.tr("Save the letters register…"), self.save_letters_register)
        self.about_action = action(self.tr("About intake-desktop…"), self.open_about)
        # F1 from any window of the app: the guide opens at the section for the screen in front.
        self.guide_action = action(self.tr("&User guide"), self.open_user_guide, QKeySequence.StandardKey.HelpContents,
                                   application_wide=True)
        self.help_window = None
        self.quit_action = action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)

    def _make_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Cases"))
        for item in (self.new_case_action, self.import_action, self.find_action, self.open_window_action, None,
                     self.save_action,
                     self.close_case_action, None, self.lock_action, self.settings_action, None, self.quit_action):
            menu.addSeparator() if item is None else menu.addAction(item)
        view = self.menuBar().addMenu(self.tr("&View"))
        view.addAction(self.home_action)
        view.addAction(self.list_action)
        view.addAction(self.register_action)
        # The statistics screen (ui/stats_view.py) is for supervisors and administrators.
        if self.session.has_role(Role.SUPERVISOR):
            view.addSeparator()
            view.addAction(self.stats_action)
        self._add_admin_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)

    def _add_admin_menu(self) -> None:
        """The administrator's menu (ui/admin), for the roles that may use it."""
        from intake_desktop.ui.admin import build_admin_menu as build

        try:
            menu = build(self, self.session, BackupSettings.of(self.settings))
        except E.ServiceError:
            return
        if menu is not None:
            self.admin_menu = menu
            self.menuBar().addMenu(menu)

    def _make_workspace(self) -> QWidget:
        self.search = SearchField()
        self.search.setPlaceholderText(self.tr("Search by name, initials (ㄱㅁㅅ), phone or case number"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.query_changed.connect(self.apply_search)
        self.search.textChanged.connect(lambda text: self.show_tab(LIST_TAB) if text else None)
        self.count_label = QLabel()
        self.new_case_button = QPushButton(self.tr("New case"))
        self.new_case_button.setToolTip(self.tr("New case (Ctrl+N)"))
        self.new_case_button.clicked.connect(self.open_new_case)

        self.home = HomePage(self.session, today=self._today, index_ready=lambda: self.loader.fresh,
                             backup_warning=self._backup_warning_function())
        self.home.open_case.connect(self.open_case)
        self.list_page = self._make_list_page()
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.addTab(self.home, self.tr("Home"))
        self.tabs.addTab(self.list_page, self.tr("Cases"))
        for fixed in (HOME_TAB, LIST_TAB):  # home and the list cannot be closed
            self.tabs.tabBar().setTabButton(fixed, QTabBar.ButtonPosition.RightSide, None)
            self.tabs.tabBar().setTabButton(fixed, QTabBar.ButtonPosition.LeftSide, None)
        self.open_cases = OpenCases(self.session, self.tabs, LIST_TAB + 1, today=self._today, window_parent=self)
        # Derived state (the list, home's lists and backup line) follows every committed change,
        # from whichever screen or thread made it: one notification, not a wire per screen.
        self.changes = ChangeBridge(self.session.changes, self)
        self.changes.changed.connect(self._data_changed)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_case_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        return page

    def _backup_warning_function(self):
        """The administrators' backup-age warning (ui/admin), read from this window's settings."""
        from intake_desktop.ui.admin.backup_settings import BackupSettings as settings_class
        from intake_desktop.ui.admin.backup_settings import backup_age_warning as warning

        return lambda today: warning(self.session, today=today, settings=settings_class.of(self.settings))

    def _make_list_page(self) -> CaseListPage:
        page = CaseListPage(self.model, [self.open_case_action, self.open_window_action])
        page.case_activated.connect(self.open_case)
        page.filter_changed.connect(self.apply_filter)
        # The page's parts that other code and tests reach through the window.
        self.filter_bar, self.table = page.filter_bar, page.table
        self.empty_hint, self.draft_note, self.demo_note = page.empty_hint, page.draft_note, page.demo_note
        return page

    # -- start and the case index -----------------------------------------------------------
    def start(self, then: Callable[[], None] | None = None) -> None:
        """After sign-in: load the list, bring back typing left from last time, start the timer.
        `then` runs once the list is shown (the app's background row check, ui/app.py)."""
        self.reload_index(then=self._first_load_done)
        if then is not None:
            self._after_load.append(then)
        self.idle.start()

    def _first_load_done(self) -> None:
        # With no case at all, the list (with its "add the first one" hint) is the useful page.
        self.show_tab(HOME_TAB if self.model.total_count() else LIST_TAB)
        self.locks.restore_left_over_drafts()

    def is_loading(self) -> bool:
        return self.stack.currentWidget() is self.loading_page

    def reload_index(self, then: Callable[[], None] | None = None, *, quietly: bool = False) -> None:
        """Decrypt the case index again off the UI thread (ui/index_loader.py); `then` runs
        once the current index is shown.

        `quietly`: keep the workspace on screen (the list shows the previous index until the
        new one arrives) — used after a save; the first load shows the progress page."""
        if then is not None:
            self._after_load.append(then)
        self.loader.load(quietly=quietly)

    def _load_started(self, quietly: bool) -> None:
        if quietly:
            return
        self.loading_page.begin()
        self.stack.setCurrentWidget(self.loading_page)
        self._set_unlocked_actions(False)
        self.lock_action.setEnabled(True)

    def _index_progress(self, done: int, total: int) -> None:
        self.loading_page.progress(done, total)

    def _index_loaded(self, index: CaseIndex, final: bool) -> None:
        selected = self.selected_case_id()
        self.model.set_case_index(index)
        if selected:
            self.select_case(selected, scroll=False)
        self.stack.setCurrentWidget(self.workspace)
        self._set_unlocked_actions(True)
        self._update_counts()
        if not final:
            return  # another load follows: the services' index may predate a save
        self.home.refresh()
        callbacks, self._after_load = self._after_load, []
        for callback in callbacks:
            callback()

    def _index_failed(self, error: BaseException) -> None:
        if self.stack.currentWidget() is self.workspace:
            self.list_page.show_note(describe_error(error))  # a quiet reload: say so, keep working
            return
        self.loading_page.failed(error)

    def _set_unlocked_actions(self, enabled: bool) -> None:
        for action in (self.new_case_action, self.find_action, self.settings_action, self.save_action,
                       self.close_case_action, self.open_case_action, self.open_window_action,
                       self.home_action, self.list_action, self.stats_action, self.import_action,
                       self.register_action):
            action.setEnabled(enabled)
        if self.admin_menu is not None:
            self.admin_menu.setEnabled(enabled)
        self.search.setEnabled(enabled)
        self.new_case_button.setEnabled(enabled)

    def _data_changed(self, topics: frozenset, _case_ids: frozenset) -> None:
        """Something was stored: a backup changes home's backup line; anything else may change
        what the list and home show, so the index reloads quietly (home refreshes after it)."""
        if self.locks.locking or self.session.is_locked:
            return
        if topics & {"backup"}:
            self.home.refresh_backup()
        if topics - NOT_IN_THE_INDEX:
            self.reload_index(quietly=True)

    # -- tabs ---------------------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)

    # -- search and filters -------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_search(self, query: str) -> None:
        if self.session.is_locked:
            return
        self.model.set_query(query)
        self._update_counts()

    def apply_filter(self, case_filter: CaseFilter) -> None:
        self.model.set_filter(case_filter, self.session.account_id)
        self._update_counts()

    def _update_counts(self) -> None:
        self.count_label.setText(self.list_page.count_text())

    def selected_case_id(self) -> str | None:
        return self.list_page.selected_case_id()

    def select_case(self, case_id: str, *, scroll: bool = True) -> None:
        self.list_page.select_case(case_id, scroll=scroll)

    # -- case files ---------------------------------------------------------------------------
    def open_case(self, case_id: str | None, in_window: bool = False):
        if not case_id or self.session.is_locked:
            return None
        return self.open_cases.open(case_id, in_window=in_window)

    def open_selected_case(self, in_window: bool = False) -> None:
        current = self.open_cases.current()
        if in_window and current is not None:
            self.open_case(current.case_id, in_window=True)  # the case on screen, beside itself
            return
        self.open_case(self.selected_case_id(), in_window)

    def save_current(self) -> None:
        case_file = self.open_cases.current()
        if case_file is not None:
            case_file.save_current()

    def close_current_case(self) -> None:
        self.open_cases.close_current()

    # -- new case -----------------------------------------------------------------------------
    def _new_case_editor(self) -> NewCaseDialog:
        if self.new_case_dialog is None:
            self.new_case_dialog = NewCaseDialog(self.session, self, duplicate_finder=self.find_duplicates)
            self.new_case_dialog.setModal(False)
            self.new_case_dialog.case_created.connect(self._case_created)
            self.new_case_dialog.open_existing_requested.connect(self.open_case)
        return self.new_case_dialog

    def find_duplicates(self, person: dict):
        """Cases in the index shown that probably belong to `person` (domain/duplicates.py)."""
        index = self.model.index_in_use()
        return find_duplicates(index.items, person) if index is not None else []

    def open_new_case(self) -> None:
        if self.session.is_locked:
            return
        editor = self._new_case_editor()
        editor.show()
        editor.raise_()
        editor.activateWindow()
        editor.name.setFocus()

    def _case_created(self, case_id: str) -> None:
        self.reload_index(then=lambda: self._show_new_case(case_id), quietly=True)
        self._offer_intake(case_id)

    def _show_new_case(self, case_id: str) -> None:
        self.show_tab(LIST_TAB)
        self.select_case(case_id)

    def _offer_intake(self, case_id: str) -> None:
        """A new case usually starts with the intake interview: offer the form at once."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Start the intake?"),
                          self.tr("The case was created. Fill in the intake form (초기상담지) now?"),
                          QMessageBox.StandardButton.NoButton, self)
        start = box.addButton(self.tr("Start the intake form"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(start)

        def answered(_result: int) -> None:
            box.finished.disconnect(answered)  # a later done() (e.g. while locking) is no answer
            if box.clickedButton() is start:
                self.start_intake(case_id)

        box.finished.connect(answered)
        self.intake_offer = box
        box.open()

    def start_intake(self, case_id: str) -> None:
        case_file = self.open_case(case_id)
        if case_file is not None:
            case_file.show_tab("intakes")
            case_file.intakes.new_intake()

    # -- lock and unlock --------------------------------------------------------------------
    def lock_now(self) -> None:
        if self.session.is_locked:
            return
        self.loader.cancel()
        self._after_load.clear()
        self.locks.lock()
        self.model.clear()
        self.search.reset()
        self.home.clear()
        self.count_label.clear()
        self.list_page.clear_notes()
        self.idle.stop()
        self.status.show_locked()
        self._set_unlocked_actions(False)
        self.lock_action.setEnabled(False)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare()

    def _unlocked(self) -> None:
        self.lock_action.setEnabled(True)
        self.idle.start()
        self.reload_index(then=self.locks.restore_after_unlock)

    # -- settings and closing ---------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(self._settings_changed)
        dialog.open()

    def open_import(self) -> None:
        from intake_desktop.ui.import_dialog import ImportDialog

        if not self.session.is_locked:
            dialog = ImportDialog(self.session, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.imported.connect(lambda _count: self.reload_index(quietly=True))
            dialog.show()

    def save_letters_register(self) -> None:
        from intake_desktop.ui.register_save import save_register

        if not self.session.is_locked:
            save_register(self, self.session, lambda text: self.status.showMessage(text, 10_000))

    def open_statistics(self) -> None:
        from intake_desktop.ui.stats_view import StatsDialog

        if not self.session.is_locked:
            dialog = StatsDialog(self.session, self, today=self._today)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

    def current_screen(self) -> str:
        """Which screen is in front, as the user guide names its sections (ui/help_window.py)."""
        from intake_desktop.ui.help_window import screen_of_window

        dialog = screen_of_window(QApplication.activeModalWidget() or QApplication.activeWindow())
        if dialog:
            return dialog
        if self.session.is_locked:
            return "lock"
        index = self.tabs.currentIndex()
        if index == HOME_TAB:
            return "home"
        if index == LIST_TAB:
            return "list"
        case_file = self.open_cases.current()
        return case_file.current_tab_name() if case_file is not None else "home"

    def open_user_guide(self) -> None:
        from intake_desktop.ui.help_window import HelpWindow

        screen = self.current_screen()
        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.present(screen)

    def open_about(self) -> None:
        from intake_desktop.ui.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _settings_changed(self) -> None:
        self.idle.set_timeout_seconds(self.settings.idle_minutes * 60)
        apply_font_size(QApplication.instance(), self.settings.font_points)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing keeps unsaved typing (encrypted) for next time, makes the closing backup (in
        the background: the window stays responsive, and closes when it is done), then locks."""
        if not self.session.is_locked:
            if self._closing_backup is None:
                self.locks.keep_typing()
                # A failure is not shown in a dialog (the window is closing); the home screen
                # warns at the next start that the last good backup is old.
                # (close again once the task has finished delivering: the next turn of the event loop)
                self._closing_backup = self.auto_backup.run_on_exit(lambda _message: QTimer.singleShot(0, self.close))
                if self._closing_backup is not None:
                    self.idle.stop()  # no lock while the backup still needs the key
                    self.setEnabled(False)
                    self.status.showMessage(self.tr("Making the closing backup…"))
                    event.ignore()
                    return
            elif not self._closing_backup.is_finished:
                event.ignore()  # closed again while the backup runs: it closes when done
                return
            self.locks.lock_session()
        self._closing_backup = None
        self.setEnabled(True)
        self.model.clear()
        self.home.clear()
        self.idle.stop()
        if self.new_case_dialog is not None:
            self.new_case_dialog.hide()
        event.accept()
