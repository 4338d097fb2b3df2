"""Alt shortcuts (mnemonics, the "(&C)" in "사례(&C)") never collide within one context
(issue 15, item 4).

A context is what one Alt+letter can reach at once: a window with the tab pages currently shown
(every tab of every tab widget is walked in turn), the menu bar's titles, and each menu's items.
Checked in Korean and in English, for the main window with a case open and every dialog a
counsellor or an administrator opens.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QDialog, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QTabWidget, QWidget,
)

from intake_desktop.services.consent import HowGiven

TODAY = date(2025, 6, 10)


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), upper-cased."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].upper()
        i += 1
    return None


def visible_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Mnemonic -> the texts that carry it, among the widgets visible in `window` now."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = mnemonic(text or "")
        if key:
            found[key].append(text)

    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i))
    if isinstance(window, QWidget):
        for bar in window.findChildren(QMenuBar):
            for action in bar.actions():
                if action.isVisible():
                    add(action.text())
    return found


def collisions_in(window: QWidget, where: str) -> list[str]:
    """Walk every tab of every tab widget of `window` (nested ones too), each menu of its menu
    bar, and report every mnemonic used twice in one context."""
    QApplication.processEvents()
    problems: list[str] = []

    def check(context: str) -> None:
        for key, texts in visible_mnemonics(window).items():
            if len(texts) > 1:
                problems.append(f"{where} / {context}: &{key} in {texts}")

    check("as opened")
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window) and tabs.window() is window:
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            check(f"tab {tabs.tabText(i)!r}")
            for inner in tabs.widget(i).findChildren(QTabWidget):
                for j in range(inner.count()):
                    inner.setCurrentIndex(j)
                    QApplication.processEvents()
                    check(f"tab {tabs.tabText(i)!r} / {inner.tabText(j)!r}")
    for menu in window.findChildren(QMenu):
        keys: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            key = mnemonic(action.text())
            if key and action.isVisible():
                keys[key].append(action.text())
        for key, texts in keys.items():
            if len(texts) > 1:
                problems.append(f"{where} / menu {menu.title()!r}: &{key} in {texts}")
    return sorted(set(problems))


def open_windows(qtbot, session, settings, case_id) -> list[tuple[str, QWidget]]:
    from intake_desktop.ui.admin.accounts_dialog import AccountsDialog, AddAccountDialog
    from intake_desktop.ui.admin.backup_dialog import BackupDialog
    from intake_desktop.ui.admin.backup_settings import BackupSettings
    from intake_desktop.ui.admin.centre_dialog import CentreProfileDialog
    from intake_desktop.ui.admin.partners_dialog import PartnerDirectoryDialog
    from intake_desktop.ui.admin.retention_dialog import RetentionDialog
    from intake_desktop.ui.intake_form import IntakeFormDialog
    from intake_desktop.ui.letters import LetterDialog
    from intake_desktop.ui.letters.consent_dialogs import BasicConsentDialog
    from intake_desktop.ui.letters.provision_dialog import ProvisionConsentDialog
    from intake_desktop.ui.letters.items import current_form
    from intake_desktop.ui.main_window import MainWindow
    from intake_desktop.ui.new_case_dialog import NewCaseDialog
    from intake_desktop.ui.settings import SettingsDialog
    from intake_desktop.ui.stats_view import StatsDialog

    window = MainWindow(session, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading() and not window.loader.loading, timeout=10_000)
    window.open_case(case_id)
    made: list[tuple[str, QWidget]] = [("main window", window)]
    dialogs = [
        ("new case", lambda: NewCaseDialog(session, window)),
        ("intake form", lambda: IntakeFormDialog(session, case_id, parent=window)),
        ("letter", lambda: LetterDialog(session, case_id, window, today=lambda: TODAY)),
        ("collection consent", lambda: BasicConsentDialog(session, case_id, "collection", today=TODAY,
                                                          parent=window)),
        ("provision consent", lambda: ProvisionConsentDialog(session, case_id, session.partners.list(),
                                                             current_form(session), today=TODAY, parent=window)),
        ("settings", lambda: SettingsDialog(settings, window)),
        ("statistics", lambda: StatsDialog(session, window, today=lambda: TODAY)),
        ("accounts", lambda: AccountsDialog(session, window)),
        ("add account", lambda: AddAccountDialog(session, window)),
        ("centre profile", lambda: CentreProfileDialog(session, window)),
        ("partners", lambda: PartnerDirectoryDialog(session, window)),
        ("backup", lambda: BackupDialog(session, BackupSettings.of(settings), window)),
        ("retention", lambda: RetentionDialog(session, window, today=lambda: TODAY)),
    ]
    for name, make in dialogs:
        dialog: QDialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        made.append((name, dialog))
    return made


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_two_mnemonics_collide_in_one_context(qtbot, qapp, signed_in_with_cases, settings, language):
    from intake_desktop.ui.i18n import install_translator

    session = signed_in_with_cases
    install_translator(qapp, language)
    case_id = session.cases.index.items[0].case_id
    session.consent.record_collection(case_id, HowGiven(TODAY))
    problems = []
    for name, window in open_windows(qtbot, session, settings, case_id):
        problems += collisions_in(window, name)
        if isinstance(window, QDialog):
            window.done(QDialog.DialogCode.Rejected)
    assert problems == [], "\n".join(problems)


def test_the_walk_finds_a_collision():
    """The check itself: two buttons with the same Alt letter in one window are found."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    layout = QVBoxLayout(window)
    for text in ("사례(&C)", "동의(&C)", "이름(&N)"):
        layout.addWidget(QPushButton(text))
    window.show()
    problems = collisions_in(window, "sample")
    window.close()
    assert len(problems) == 1 and "&C" in problems[0]


def _case_file_opened(qtbot, session, settings, in_window: bool):
    from intake_desktop.ui.main_window import MainWindow

    window = MainWindow(session, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading() and not window.loader.loading, timeout=10_000)
    case_id = session.cases.index.items[0].case_id
    session.consent.record_collection(case_id, HowGiven(TODAY))
    opened = window.open_case(case_id, in_window=in_window)
    case_file = getattr(opened, "case_file", opened)
    return window, opened, case_file


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_tab_and_button_of_a_case_file_has_an_alt_letter(qtbot, qapp, signed_in_with_cases, settings, language):
    """Issue 12: a counsellor reaches every tab and every button of a case file with Alt+letter
    ("첨부 문서(&F)"), and in a case file of its own window no two of them share a letter."""
    from PySide6.QtWidgets import QPushButton

    from intake_desktop.ui.i18n import install_translator

    install_translator(qapp, language)
    window, opened, case_file = _case_file_opened(qtbot, signed_in_with_cases, settings, in_window=True)
    qtbot.addWidget(opened)
    missing = []
    tabs = case_file.tabs
    for i in range(tabs.count()):
        if mnemonic(tabs.tabText(i)) is None:
            missing.append(f"tab {tabs.tabText(i)!r}")
        tabs.setCurrentIndex(i)
        QApplication.processEvents()
        for button in case_file.findChildren(QPushButton):
            if button.isVisibleTo(case_file) and button.text() and mnemonic(button.text()) is None:
                missing.append(f"tab {tabs.tabText(i)!r}: button {button.text()!r}")
    assert sorted(set(missing)) == [], "\n".join(sorted(set(missing)))
    assert collisions_in(opened, "case file window") == []
