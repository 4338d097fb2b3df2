"""GUI entry point: `run_gui(data_dir, language)`, called by the composition root.

The flow is: first-run wizard (no vault yet) or login window -> main window. `GuiFlow` owns
the windows so they stay alive, and can be driven without an event loop in tests.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from intake_desktop.app import Composition
from intake_desktop.paths import resources_dir
from intake_desktop.services import errors as E
from intake_desktop.ui.background import BackgroundTask, run_in_background
from intake_desktop.ui.font_size import apply_font_size
from intake_desktop.ui.fonts import apply_korean_font
from intake_desktop.ui.i18n import install_translator, release_core_application
from intake_desktop.ui.messages import describe_error
from intake_desktop.ui.platform_failure import platform_failure_guard
from intake_desktop.ui.settings import AppSettings
from intake_desktop.ui.vault_opening import VaultOpening

if TYPE_CHECKING:  # imported when first shown: the first window appears before the rest loads
    from intake_desktop.services.session import Session
    from intake_desktop.services.vault import Vault
    from intake_desktop.ui.login import LoginWindow
    from intake_desktop.ui.main_window import MainWindow
    from intake_desktop.ui.wizard import FirstRunWizard

APP_NAME = "intake-desktop"


def _load_the_rest() -> None:
    """What the main window needs, loaded on a worker thread while the person types the
    passphrase: the main window's modules (and through them the services), ReportLab, and the
    shipped form definitions (parsed once per process). No widget is made off the UI thread."""
    import intake_desktop.letters.render
    import intake_desktop.ui.main_window
    from intake_desktop.services.forms import shipped_registry

    del intake_desktop  # only loaded, not used here
    shipped_registry()


class GuiFlow(QObject):
    cannot_start = Signal(int)  # the exit code: the vault opened in the background failed

    def __init__(self, data_dir: Path | Composition, settings: AppSettings) -> None:
        super().__init__()
        self.parts = data_dir if isinstance(data_dir, Composition) else Composition(Path(data_dir))
        self.data_dir = self.parts.data_dir
        self.settings = settings
        self.vault: Vault | None = None
        self.opening: VaultOpening | None = None
        self.wizard: FirstRunWizard | None = None
        self.login: LoginWindow | None = None
        self.main_window: MainWindow | None = None
        self.session: Session | None = None
        self.exit_code: int | None = None  # set when the app must end with a failure code
        self.rows_damaged = False  # the background row check failed in this run
        self.row_check: BackgroundTask | None = None
        self.key_slot_offer: QDialog | None = None  # ui/key_slot_offer.py, after the list shows

    def start(self) -> int | None:
        """Show the first window. Returns an exit code if the app cannot start, else None.

        With a vault, the sign-in window is shown from its clear facts at once, and the vault
        is opened on a worker thread (then the rest of the app is imported there too); the
        unlock waits for the opening, never the UI thread."""
        if not self.parts.has_vault():
            from intake_desktop.ui.wizard import FirstRunWizard

            self.wizard = FirstRunWizard(self.data_dir)
            self.wizard.accepted.connect(self._wizard_done)
            self.wizard.show()
            return None
        facts = self.parts.login_facts()
        if facts is None:  # not readable as a vault: opening it says why, before any window
            try:
                self.vault = self.parts.open_vault()
            except E.ServiceError as error:
                return self._cannot_start(error)
            self.show_login()
            return None
        self.opening = opening = VaultOpening(facts)
        self.show_login()
        run_in_background(lambda: opening.open(self.parts.open_vault), on_success=self._vault_opened,
                          on_failure=self._vault_failed)
        return None

    def _cannot_start(self, error: BaseException) -> int:
        QMessageBox.critical(None, self.tr("intake-desktop cannot start"), describe_error(error))
        return error.exit_code if isinstance(error, E.ServiceError) else 1

    def _vault_opened(self, vault: Vault) -> None:
        self.vault = vault
        run_in_background(_load_the_rest)

    def _vault_failed(self, error: BaseException) -> None:
        """The vault could not be opened (in use by another window, damaged, …): said as at a
        synchronous start, and the app ends with the same exit code."""
        self.exit_code = self._cannot_start(error)
        if self.login is not None:
            self.login.close()
        self.cannot_start.emit(self.exit_code)

    def _wizard_done(self) -> None:
        self.vault = self.wizard.created_vault
        username = self.wizard.admin_page.username.text()
        self.wizard.deleteLater()
        self.wizard = None
        if self.vault is not None:
            self.show_login()
            self.login.select_account(username)

    def show_login(self) -> None:
        from intake_desktop.ui.login import LoginWindow

        self.login = LoginWindow(self.opening if self.opening is not None and self.vault is None else self.vault)
        self.login.rows_later = not self.rows_damaged
        self.login.signed_in.connect(self._signed_in)
        self.login.show()

    def _signed_in(self, session: Session) -> None:
        from intake_desktop.ui.main_window import MainWindow

        self.session = session
        self.vault = self.vault or session.vault
        self.main_window = MainWindow(session, self.settings)
        self.main_window.show()
        self.main_window.start(then=self._list_shown)
        if self.login is not None:
            self.login.close()
            self.login.deleteLater()
            self.login = None

    def _list_shown(self) -> None:
        """Once the list is shown: the rows' part of the unlock check, on a worker thread (at
        100k cases it takes seconds; the sealed state itself was checked at unlock), and the
        offer to strengthen a key slot weaker than a new one."""
        session = self.session
        if session is None or session.is_locked:
            return
        from intake_desktop.ui.key_slot_offer import offer_if_outdated

        self.key_slot_offer = offer_if_outdated(session, self.main_window)
        if session.rows_unchecked:
            self.row_check = run_in_background(session.check_rows, on_failure=self._rows_failed)

    def _rows_failed(self, error: BaseException) -> None:
        """What an unlock would have refused: the keys are dropped, the main window closes
        (without its closing backup: a backup of damaged rows is worth nothing), and the
        sign-in window says what is wrong; from now on every unlock checks the rows first."""
        if self.session is not None and self.session.is_locked:
            return  # locked meanwhile: the next unlock checks again
        self.rows_damaged = True
        if self.main_window is not None:
            self.main_window.lock_now()
            self.main_window.close()
            self.main_window.deleteLater()
            self.main_window = None
        self.session = None
        self.show_login()
        self.login.error.show_error(error)

    def shutdown(self) -> None:
        """Lock and close everything (application about to quit)."""
        if self.session is not None and not self.session.is_locked:
            self.session.lock()
        if self.vault is not None:
            self.vault.close()
            self.vault = None


def gui_application(language: str | None = None) -> QApplication:
    """The QApplication, made if needed (replacing a bare QCoreApplication made for translations).

    If Qt cannot load its window-system plugin, the process ends here with exit code 1 and a
    message in `language` naming the missing libraries (ui/platform_failure.py)."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None and not release_core_application():
        raise RuntimeError("a QCoreApplication exists that intake-desktop did not make")
    with platform_failure_guard(language):
        return QApplication(sys.argv[:1])


def app_icon() -> QIcon:
    """The app's icon in every size shipped (resources/icons, made from the SVG)."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("intake-desktop-*.png")):
        icon.addFile(str(png))
    return icon


def run_gui(data_dir: Path | Composition, language: str | None = None, *,
            settings: AppSettings | None = None) -> int:
    """Run the desktop app until its last window closes; returns the process exit code.
    `data_dir`: the composition root's parts (app.py), or a data folder to make them from.

    `language` ("ko", "en" or "pseudo") overrides the saved setting for this run; None uses
    the setting, which defaults to Korean.
    """
    settings = settings or AppSettings()
    language = language or settings.language
    app = gui_application(language)
    app.setApplicationName(APP_NAME)
    install_translator(app, language)
    apply_korean_font(app)
    apply_font_size(app, settings.font_points)
    app.setWindowIcon(app_icon())
    flow = GuiFlow(data_dir, settings)
    app.aboutToQuit.connect(flow.shutdown)
    flow.cannot_start.connect(app.exit)
    failed = flow.start()
    if failed is not None:
        flow.shutdown()
        return failed
    code = app.exec()
    flow.shutdown()
    return flow.exit_code if flow.exit_code is not None else code
