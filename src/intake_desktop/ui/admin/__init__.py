"""Administration screens: partners, centre profile, accounts, access log and its monthly
review, backups, retention.

    menu = build_admin_menu(window, session)   # None for counsellors
    if menu: window.menuBar().addMenu(menu)
    text = backup_age_warning(session)          # None, or a warning for the status bar / home
"""

from intake_desktop.ui.admin.backup_settings import BackupSettings, backup_age_warning
from intake_desktop.ui.admin.menu import AdminScreens, build_admin_menu

__all__ = ["AdminScreens", "BackupSettings", "backup_age_warning", "build_admin_menu"]
