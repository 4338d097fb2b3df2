#!/usr/bin/env python3
"""Screenshots of the screens changed for issue 15 ("a counsellor's day without friction").

    python tools/friction_screenshots.py [--out docs/screenshots] [--lang ko en] [--scale 100 150]

Same vault and helpers as tools/workspace_screenshots.py (invented cases in a temporary
folder), one process per scale (QT_SCALE_FACTOR must be set before the QApplication exists).
Files: <language>-<screen>-<scale>.png. Fails when a Korean glyph is missing (tofu).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication, QFileDialog

from workspace_screenshots import CENTRE, PASSPHRASE, TODAY, Capture, capture_main, settle, workspace_vault

SCREENS = ("wizard-contact", "wizard-rule", "home-backup", "list-number", "consent-steps", "letter-partners",
           "intake-prefilled", "intake-crisis", "note-rrn", "help", "backup-dialog", "file-dialog", "stats-table")
RRN_EXAMPLE = "900101-1234568"  # invented, with a right check digit


def capture(out_dir: Path, language: str, scale: int) -> Capture:
    from intake_desktop.crypto.kdf import insecure_parameters_for_tests
    from intake_desktop.ui.admin.backup_dialog import BackupDialog
    from intake_desktop.ui.admin.backup_settings import BackupSettings
    from intake_desktop.ui.fonts import apply_korean_font
    from intake_desktop.ui.i18n import install_translator
    from intake_desktop.ui.intake_form import IntakeFormDialog
    from intake_desktop.ui.letters import LetterDialog
    from intake_desktop.ui.main_window import HOME_TAB, LIST_TAB, MainWindow
    from intake_desktop.ui.settings import AppSettings
    from intake_desktop.ui.stats_view import StatsDialog
    from intake_desktop.ui.wizard import FirstRunWizard

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, language)
    if apply_korean_font(app) is None:
        raise SystemExit("No Korean font installed (e.g. apt-get install fonts-nanum).")
    out_dir.mkdir(parents=True, exist_ok=True)
    result = Capture()

    def name(screen: str) -> Path:
        return out_dir / f"{language}-{screen}-{scale}.png"

    with tempfile.TemporaryDirectory() as scratch, insecure_parameters_for_tests():
        # -- set-up: the centre's reply details; the passphrase rule and why the button waits --
        wizard = FirstRunWizard(Path(scratch) / "new")
        wizard.show()
        page = wizard.centre_page
        page.centre_name.setText(CENTRE)
        page.postal_code.setText("06900")
        page.address.setText("서울특별시 동작구 예시로 10")
        page.phone.setText("02-820-1234")
        result.grab(wizard, name("wizard-contact"))
        wizard.next()
        admin = wizard.admin_page
        admin.username.setText("kim.admin")
        admin.display_name.setText("김관리")
        admin.passphrases.passphrase.setText("password1")
        result.grab(wizard, name("wizard-rule"))
        wizard.close()

        vault, session, case_id = workspace_vault(Path(scratch) / "vault")
        backups = Path(scratch) / "backups"
        backups.mkdir()
        settings = AppSettings(Path(scratch) / "settings.ini")
        window = MainWindow(session, settings, today=lambda: TODAY)
        window.resize(1200, 760)
        window.show()
        window.start()
        settle()
        session.backup.create(backups)  # home follows at once (no lock/unlock): "today"
        window.show_tab(HOME_TAB)
        result.grab(window, name("home-backup"))
        window.show_tab(LIST_TAB)
        result.grab(window, name("list-number"))

        # -- a new case: consents in order, the letter's partners, the intake form ------------
        fresh = session.cases.create({"name": "한가람", "birth_date": "2000-04-05", "mobile": "010-0000-4321"})
        window.reload_index(quietly=True)
        settle()
        case_file = window.open_case(fresh)
        settle()
        case_file.show_tab("consent")
        result.grab(window, name("consent-steps"))

        letter = LetterDialog(session, case_id, window, today=lambda: TODAY)
        letter.resize(1180, 820)
        letter.show()
        letter.partner.setCurrentIndex(1)
        letter.reason.setPlainText(f"본인 확인 주민번호 {RRN_EXAMPLE} (지워야 함)")
        result.grab(letter, name("letter-partners"))
        letter.done(0)

        intake = IntakeFormDialog(session, fresh, parent=window)
        intake.show()
        settle()
        intake.form_widget.jump_to_section("personal")
        result.grab(intake, name("intake-prefilled"))
        phq9 = intake.form_widget.slot("phq9_9").editor
        intake.form_widget.scroll.ensureWidgetVisible(phq9.focus_widget(), 50, 300)
        phq9.buttons[1].click()
        result.grab(intake, name("intake-crisis"))
        intake.form_widget.discard_changes()
        intake.done(0)

        case_file.show_tab("notes")
        case_file.notes.editor.content.setPlainText(f"전화 상담. 본인이 주민번호 {RRN_EXAMPLE}를 불러 줌.")
        result.grab(window, name("note-rrn"))
        case_file.notes.editor.clear()

        case_file.show_tab("consent")
        window.open_user_guide()
        window.help_window.resize(900, 700)
        window.help_window.show_section("consent")
        result.grab(window.help_window, name("help"))
        window.help_window.close()

        backup = BackupDialog(session, BackupSettings(Path(scratch) / "settings.ini"), window)
        backup.set_folder(backups)
        backup.show()
        result.grab(backup, name("backup-dialog"))
        backup.done(0)

        files = QFileDialog(window, "", str(backups))
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        files.setViewMode(QFileDialog.ViewMode.Detail)
        files.show()
        result.grab(files, name("file-dialog"))
        files.done(0)

        window.close()
        supervisor = vault.unlock("lee.s", PASSPHRASE)
        stats = StatsDialog(supervisor, today=date.today)  # the demo cases were made today
        stats.resize(1000, 700)
        stats.show()
        stats.set_period((date.today() - timedelta(days=365)).strftime("%Y-%m"), date.today().strftime("%Y-%m"))
        stats.show_button.click()
        settle()
        stats.sections.setCurrentRow(min(3, stats.sections.count() - 1))
        result.grab(stats, name("stats-table"))
        stats.done(0)
        supervisor.lock()
        vault.close()
    return result


def main(argv: list[str] | None = None) -> int:
    return capture_main(capture, __file__, __doc__, argv)

if __name__ == "__main__":
    raise SystemExit(main())
