#!/usr/bin/env python3
"""Screenshots of the GUI in Korean and English, for docs/ and for checking layouts by eye.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--out docs/screenshots] [--lang ko en pseudo]

Builds a throwaway vault in a temporary folder with invented cases (deleted afterwards) and
grabs: the three wizard pages, the login window, the recovery-key dialog, the main window
with its case list (and a 초성 search), the New case dialog with validation messages, the
settings dialog, and the lock screen. Each file is named
<language>-<screen>.png. The pseudo language (stretched, accented text) shows truncation.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from intake_desktop.crypto.kdf import insecure_parameters_for_tests
from intake_desktop.domain.enums import RiskLevel, Role, Stage
from intake_desktop.services.cases import NewCase
from intake_desktop.services.vault import Vault
from intake_desktop.ui.background import busy
from intake_desktop.ui.fonts import apply_korean_font
from intake_desktop.ui.i18n import install_translator
from intake_desktop.ui.login import LoginWindow
from intake_desktop.ui.main_window import MainWindow
from intake_desktop.ui.settings import AppSettings, SettingsDialog
from intake_desktop.ui.wizard import FirstRunWizard

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "screenshot demo passphrase"
TODAY = date(2025, 6, 10)
CENTRE = "서울청년기지개센터"
# Invented people; phone numbers in the 010-0000 range nobody is given.
PEOPLE = [
    ("김민수", "1999-03-02", RiskLevel.URGENT, Stage.INTAKE),
    ("이서연", "2001-07-15", RiskLevel.HIGH, Stage.ASSESSMENT),
    ("박지훈", "1996-11-30", RiskLevel.MEDIUM, Stage.PLANNING),
    ("최유진", "2003-01-09", RiskLevel.LOW, Stage.REFERRAL),
    ("정하늘", "1994-05-21", RiskLevel.MEDIUM, Stage.MONITORING),
    ("강도윤", "2000-09-04", None, Stage.INTAKE),
    ("윤서준", "1998-02-17", RiskLevel.HIGH, Stage.FOLLOW_UP),
    ("장예린", "2002-12-25", RiskLevel.LOW, Stage.CLOSED),
    ("임하은", "1997-06-08", RiskLevel.URGENT, Stage.ASSESSMENT),
    ("한지민", "1995-10-13", RiskLevel.MEDIUM, Stage.REFERRAL),
    ("오세훈", "2004-04-01", None, Stage.INTAKE),
    ("서지우", "1993-08-19", RiskLevel.LOW, Stage.MONITORING),
    ("Nguyen Thi Lan", "1999-12-01", RiskLevel.MEDIUM, Stage.PLANNING),
]


def settle(app: QApplication) -> None:
    """Let background work finish and every queued result arrive."""
    for _ in range(200):
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()
        if not busy():
            break
    app.processEvents()


@dataclass
class Capture:
    shots: list[Path] = field(default_factory=list)
    # "screen: text" for every visible Hangul character the widget's font cannot draw (tofu).
    missing_glyphs: list[str] = field(default_factory=list)

    def grab(self, widget: QWidget, path: Path) -> None:
        QApplication.processEvents()
        if not widget.grab().save(str(path)):
            raise RuntimeError(f"could not write {path}")
        self.shots.append(path)
        self.missing_glyphs += [f"{path.stem}: {text}" for text in tofu_texts(widget)]


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


def tofu_texts(root: QWidget) -> list[str]:
    """Visible texts with a Hangul character that the widget's own font lacks."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            text = widget.text()
        elif isinstance(widget, QLineEdit):
            text = widget.text() or widget.placeholderText()
        else:
            continue
        metrics = QFontMetrics(widget.font())
        if any(is_hangul(ch) and not metrics.inFontUcs4(ord(ch)) for ch in text):
            found.append(text)
    return found


def demo_vault(folder: Path):
    """A vault with three counsellors and the invented cases above; returns (vault, session)."""
    created = Vault.create(folder, CENTRE, "kim.admin", "김관리", PASSPHRASE)
    session = created.vault.unlock("kim.admin", PASSPHRASE)
    counsellors = [
        session.accounts.add("park.s", Role.COUNSELLOR, PASSPHRASE, "박상담"),
        session.accounts.add("lee.s", Role.SUPERVISOR, PASSPHRASE, "이팀장"),
        session.account_id,
    ]
    cases = []
    for i, (name, birth, risk, stage) in enumerate(PEOPLE):
        person = {"name": name, "birth_date": birth, "mobile": f"0100000{i:04d}"}
        case = {
            "risk_level": risk.value if risk else None,
            "last_contact": (TODAY - timedelta(days=3 + 5 * i)).isoformat(),
            "next_follow_up": (TODAY + timedelta(days=7 * (i % 4) - 7)).isoformat() if i % 3 else None,
        }
        cases.append(NewCase(person, case, counsellor_id=counsellors[i % 3], is_demo=True, stage=stage))
    session.cases.create_many(cases)
    return created.vault, session


def capture(out_dir: Path, language: str) -> Capture:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, language)
    apply_korean_font(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = Capture()

    def name(screen: str) -> Path:
        return out_dir / f"{language}-{screen}.png"

    with tempfile.TemporaryDirectory() as scratch, insecure_parameters_for_tests():
        scratch = Path(scratch)
        # -- first-run wizard -----------------------------------------------------------
        wizard = FirstRunWizard(scratch / "wizard")
        wizard.show()
        wizard.centre_page.centre_name.setText(CENTRE)
        result.grab(wizard, name("wizard-1-centre"))
        wizard.next()
        admin = wizard.admin_page
        admin.username.setText("kim.admin")
        admin.display_name.setText("김관리")
        admin.passphrases.passphrase.setText("quiet river 2025")
        admin.passphrases.repeat.setText("quiet river 2025")
        result.grab(wizard, name("wizard-2-admin"))
        wizard.next()
        settle(app)
        result.grab(wizard, name("wizard-3-recovery-key"))
        wizard.created_vault.close()
        wizard.done(0)

        # -- login, main window, new case, lock -------------------------------------------
        vault, session = demo_vault(scratch / "demo")
        login = LoginWindow(vault)
        login.show()
        login.select_account("kim.admin")
        login.passphrase.setText("wrong passphrase")
        login.submit()
        settle(app)
        result.grab(login, name("login"))
        login.open_recovery()
        login.recovery_dialog.passphrases.passphrase.setText("new passphrase")
        result.grab(login.recovery_dialog, name("recovery"))
        login.recovery_dialog.done(0)
        login.close()

        window = MainWindow(session, AppSettings(scratch / "settings.ini"), today=lambda: TODAY)
        window.resize(1100, 560)
        window.show()
        window.start()
        settle(app)
        result.grab(window, name("main"))

        window.search.setText("ㄱㅁㅅ")
        window.search.emit_now()
        result.grab(window, name("main-search"))
        window.search.clear()
        window.search.emit_now()

        window.open_new_case()
        dialog = window.new_case_dialog
        dialog.name.setText("홍길동")
        dialog.birth_date.setText("2001.13.40")
        dialog.mobile.setText("010-12")
        dialog.save()
        result.grab(dialog, name("new-case"))

        dialog.discard()

        window.open_settings()
        settings_dialog = window.findChild(SettingsDialog)
        result.grab(settings_dialog, name("settings"))
        settings_dialog.done(0)

        window.open_new_case()
        dialog.name.setText("홍길동")
        window.lock_now()
        result.grab(window, name("lock"))
        window.close()
        vault.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["ko", "en"], choices=["ko", "en", "pseudo"])
    args = parser.parse_args(argv)
    QApplication.instance() or QApplication(sys.argv[:1])
    for language in args.lang:
        result = capture(args.out, language)
        for path in result.shots:
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        for problem in result.missing_glyphs:
            print("MISSING GLYPHS (tofu):", problem, file=sys.stderr)
        if result.missing_glyphs:
            return 1
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
