"""The Administration menu: which screens a role may open, and keeping them open.

Admins get everything; supervisors the access log and its monthly review; counsellors no menu.
Each screen is one dialog per window (opened again, it comes to the front). They are QDialogs,
so locking the main window closes them with the other passing dialogs.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from intake_desktop.domain.enums import Role
from intake_desktop.ui.admin.access_log_dialog import AccessLogDialog
from intake_desktop.ui.admin.accounts_dialog import AccountsDialog
from intake_desktop.ui.admin.backup_dialog import BackupDialog
from intake_desktop.ui.admin.backup_settings import BackupSettings
from intake_desktop.ui.admin.centre_dialog import CentreProfileDialog
from intake_desktop.ui.admin.partners_dialog import PartnerDirectoryDialog
from intake_desktop.ui.admin.retention_dialog import RetentionDialog
from intake_desktop.ui.admin.review_dialog import MonthlyReviewDialog
from intake_desktop.ui.kit.lock_guard import forget_on_lock


class AdminScreens(QObject):
    """Opens the admin screens for one window and keeps a reference to each while open."""

    def __init__(self, window: QWidget, session, settings: BackupSettings | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings or BackupSettings.of(None)
        self.open_dialogs: dict[str, QDialog] = {}

    def _show(self, key: str, make: Callable[[], QDialog]) -> QDialog:
        dialog = self.open_dialogs.get(key)
        if dialog is None or not dialog.isVisible():
            dialog = make()
            self.open_dialogs[key] = dialog
            dialog.finished.connect(lambda _result, key=key: self.open_dialogs.pop(key, None))
            forget_on_lock(self.session, dialog, lambda d: d.done(QDialog.DialogCode.Rejected))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def partners(self) -> QDialog:
        return self._show("partners", lambda: PartnerDirectoryDialog(self.session, self.window))

    def centre(self) -> QDialog:
        return self._show("centre", lambda: CentreProfileDialog(self.session, self.window))

    def accounts(self) -> QDialog:
        return self._show("accounts", lambda: AccountsDialog(self.session, self.window))

    def access_log(self) -> QDialog:
        return self._show("access_log", lambda: AccessLogDialog(self.session, self.window))

    def review(self) -> QDialog:
        return self._show("review", lambda: MonthlyReviewDialog(self.session, self.window))

    def backups(self) -> QDialog:
        return self._show("backups", lambda: BackupDialog(self.session, self.settings, self.window))

    def retention(self) -> QDialog:
        def make() -> QDialog:
            dialog = RetentionDialog(self.session, self.window)
            reload_index = getattr(self.window, "reload_index", None)
            if callable(reload_index):
                dialog.case_destroyed.connect(lambda _number: reload_index())
            return dialog

        return self._show("retention", make)

    def centre_server(self) -> QDialog | None:
        """관리 → 센터 서버: the window's own sync dialog (ui/sync), one per window."""
        sync = getattr(self.window, "sync", None)
        return sync.open_dialog() if sync is not None else None


def _action(menu: QMenu, text: str, slot: Callable[[], object], name: str) -> QAction:
    action = QAction(text, menu)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_admin_menu(window: QWidget, session, settings: BackupSettings | None = None) -> QMenu | None:
    """The Administration menu for this session's role, or None when there is nothing for it."""
    if not session.has_role(Role.SUPERVISOR):
        return None
    admin = session.has_role(Role.ADMIN)
    menu = QMenu(QCoreApplication.translate("AdminMenu", "&Administration"), window)
    screens = AdminScreens(window, session, settings)
    menu.screens = screens  # kept alive with the menu
    if admin:
        _action(menu, QCoreApplication.translate("AdminMenu", "Partner institutions…"), screens.partners, "partners")
        _action(menu, QCoreApplication.translate("AdminMenu", "Centre profile…"), screens.centre, "centre")
        _action(menu, QCoreApplication.translate("AdminMenu", "Accounts…"), screens.accounts, "accounts")
        menu.addSeparator()
    _action(menu, QCoreApplication.translate("AdminMenu", "Access log…"), screens.access_log, "access_log")
    _action(menu, QCoreApplication.translate("AdminMenu", "Monthly review of the access log…"), screens.review,
            "review")
    if admin:
        menu.addSeparator()
        _action(menu, QCoreApplication.translate("AdminMenu", "Backups…"), screens.backups, "backups")
        _action(menu, QCoreApplication.translate("AdminMenu", "Retention and destruction…"), screens.retention,
                "retention")
        _action(menu, QCoreApplication.translate("AdminMenu", "Centre server…"), screens.centre_server,
                "centre_server")
    return menu
