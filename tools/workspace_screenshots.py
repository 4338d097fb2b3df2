#!/usr/bin/env python3
"""Screenshots of the case workspace: home, case list, every tab of a case file, the note
editor, the conflict and duplicate dialogs — in Korean and English, at 100 % and 150 %.

    QT_QPA_PLATFORM=offscreen python tools/workspace_screenshots.py [--out docs/screenshots]
        [--lang ko en] [--scale 100 150]

Each scale runs in a child process (Qt reads QT_SCALE_FACTOR once, when the application
starts). A throwaway vault in a temporary folder holds invented demo cases (services.demo),
plus, for the case shown, two intakes, session notes, a plan and follow-ups. Files are named
<language>-<screen>-<scale>.png, e.g. ko-home-100.png. The run fails (exit 1) when a visible
Korean text has a character the font cannot draw (tofu).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QGroupBox, QLabel, QLineEdit, QTabBar, QWidget,
)

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "screenshot demo passphrase"
TODAY = date(2025, 6, 10)
CENTRE = "서울청년기지개센터"
SCREENS = ("home", "list", "case-overview", "case-intakes", "case-notes", "case-plan", "case-follow-ups",
           "case-consent", "case-referrals", "note-editor", "conflict", "duplicate")


@dataclass
class Capture:
    shots: list[Path] = field(default_factory=list)
    missing_glyphs: list[str] = field(default_factory=list)

    def grab(self, widget: QWidget, path: Path) -> None:
        settle()
        if not widget.grab().save(str(path)):
            raise RuntimeError(f"could not write {path}")
        self.shots.append(path)
        self.missing_glyphs += [f"{path.stem}: {text}" for text in tofu_texts(widget)]


def settle() -> None:
    from intake_desktop.ui.background import busy

    app = QApplication.instance()
    for _ in range(400):
        QThreadPool.globalInstance().waitForDone(25)
        app.processEvents()
        if not busy():
            break
    app.processEvents()


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


def tofu_texts(root: QWidget) -> list[str]:
    """Visible texts with a Hangul character that the widget's own font lacks."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts = [widget.text()]
        elif isinstance(widget, QLineEdit):
            texts = [widget.text() or widget.placeholderText()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        else:
            continue
        metrics = QFontMetrics(widget.font())
        found += [t for t in texts if any(is_hangul(ch) and not metrics.inFontUcs4(ord(ch)) for ch in t)]
    return found


def workspace_vault(folder: Path):
    """A vault with demo cases and one case worked on for a while, signed in as the counsellor
    who owns them (the guide is written for counsellors); returns (vault, session, case id)."""
    from intake_desktop.domain.enums import RiskLevel, Role, Stage
    from intake_desktop.services.demo import fill_demo
    from intake_desktop.services.vault import Vault

    created = Vault.create(folder, CENTRE, "kim.admin", "김관리", PASSPHRASE)
    admin = created.vault.unlock("kim.admin", PASSPHRASE)
    admin.accounts.add("park.s", Role.COUNSELLOR, PASSPHRASE, "박상담")
    admin.accounts.add("lee.s", Role.SUPERVISOR, PASSPHRASE, "이팀장")
    fill_demo(admin, 60, seed=7, today=TODAY)  # every demo case goes to the one counsellor
    admin.lock()
    session = created.vault.unlock("park.s", PASSPHRASE)
    case_id = next(c.case_id for c in session.cases.index.items
                   if c.risk_level is RiskLevel.HIGH and c.stage in (Stage.PLANNING, Stage.REFERRAL, Stage.MONITORING)
                   and not c.name.isascii())
    work_on_case(session, case_id)
    # One other case with an active crisis flag, as raised by an intake's crisis alert.
    other = next(c.case_id for c in session.cases.index.items if c.case_id != case_id and not c.crisis
                 and c.stage is Stage.ASSESSMENT)
    detail = session.cases.get(other)
    session.cases.update_case(other, dict(detail.case, crisis=True, risk_level=RiskLevel.URGENT.value),
                              detail.case_version)
    return created.vault, session, case_id


def work_on_case(session, case_id: str) -> None:
    """Two intakes three months apart, notes, a plan and follow-ups, as after a season's work."""
    first = session.intakes.latest(case_id)
    answers = dict(first.answers)
    answers["intake_date"] = (TODAY - timedelta(days=5)).isoformat()
    for i in range(1, 10):
        answers[f"phq9_{i}"] = max(0, int(answers.get(f"phq9_{i}") or 0) - 1)
    answers["phq9_9"] = 0
    for i in range(1, 8):
        answers[f"gad7_{i}"] = max(0, int(answers.get(f"gad7_{i}") or 0) - 1)
    session.intakes.save(case_id, answers, form=first.form, complete=False)
    casework = session.casework
    casework.add_note(case_id, on=TODAY - timedelta(days=14), mode="text", minutes=20,
                      content="문자로 안부 확인. 이번 주는 산책을 두 번 했다고 함.",
                      next_steps="다음 주 화요일 방문 약속", today=TODAY)
    casework.add_note(case_id, on=TODAY - timedelta(days=7), mode="visit", minutes=50,
                      content="가정 방문. 방 밖 거실에서 30분 대화함. 동료상담 모임에 관심을 보임.\n어머니도 함께 인사함.",
                      next_steps="복지관 동료모임 일정 안내 문자 보내기", today=TODAY)
    partners = session.partners.list()
    casework.save_plan(case_id, [
        {"goal": "주 2회 이상 외출", "services": "산책 동행, 문자 상담", "partner_id": None,
         "target_date": (TODAY + timedelta(days=60)).isoformat(), "status": "in_progress"},
        {"goal": "동료모임 참여", "services": "청년 동료상담 모임", "partner_id": partners[0].id,
         "target_date": (TODAY + timedelta(days=90)).isoformat(), "status": "open"},
        {"goal": "일 경험 탐색", "services": "청년도전지원사업 상담", "partner_id": partners[1].id,
         "target_date": (TODAY + timedelta(days=150)).isoformat(), "status": "open"},
    ])
    casework.add_follow_up(case_id, TODAY - timedelta(days=2), "모임 첫 참석 후 소감 문자로 묻기")
    casework.add_follow_up(case_id, TODAY + timedelta(days=7), "다음 방문 (화요일 오후)")
    done = casework.add_follow_up(case_id, TODAY - timedelta(days=10), "어머니와 통화")
    casework.complete_follow_up(case_id, done, on=TODAY - timedelta(days=9))
    # Consent (collection, sensitive, one partner) and a referral whose reply (회신) is late.
    from intake_desktop.services.consent import HowGiven

    how = HowGiven(on=TODAY - timedelta(days=40))
    session.consent.record_collection(case_id, how)
    session.consent.record_sensitive(case_id, how)
    session.consent.record_provision(case_id, partners[0].id, ["name", "mobile"], "동료상담 모임 연계",
                                     "연계 종료 후 1년", how)
    referral = session.referrals.create_draft(case_id, partners[0].id, reply_by=TODAY - timedelta(days=3),
                                              note="첫 연락은 문자로 부탁드립니다.")
    session.referrals.set_status(referral.id, "sent", today=TODAY - timedelta(days=17))


def capture(out_dir: Path, language: str, scale: int) -> Capture:
    from intake_desktop.crypto.kdf import insecure_parameters_for_tests
    from intake_desktop.ui.case_file import CaseFileWidget
    from intake_desktop.ui.fonts import apply_korean_font
    from intake_desktop.ui.i18n import install_translator
    from intake_desktop.ui.main_window import HOME_TAB, LIST_TAB, MainWindow
    from intake_desktop.ui.settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, language)
    if apply_korean_font(app) is None:
        raise SystemExit("No Korean font installed (e.g. apt-get install fonts-nanum): "
                         "Korean text would show as boxes (□).")
    out_dir.mkdir(parents=True, exist_ok=True)
    result = Capture()

    def name(screen: str) -> Path:
        return out_dir / f"{language}-{screen}-{scale}.png"

    with tempfile.TemporaryDirectory() as scratch, insecure_parameters_for_tests():
        vault, session, case_id = workspace_vault(Path(scratch) / "vault")
        window = MainWindow(session, AppSettings(Path(scratch) / "settings.ini"), today=lambda: TODAY)
        window.resize(1200, 760)
        window.show()
        window.start()
        settle()
        window.show_tab(HOME_TAB)
        window.home.due_today.view.setCurrentIndex(window.home.due_today.model.index(0))
        result.grab(window, name("home"))

        window.show_tab(LIST_TAB)
        window.filter_bar.overdue.setChecked(True)
        result.grab(window, name("list"))
        window.filter_bar.reset()

        case_file: CaseFileWidget = window.open_case(case_id)
        settle()
        for tab in ("overview", "intakes", "notes", "plan", "follow_ups", "consent", "referrals"):
            case_file.show_tab(tab)
            result.grab(window, name("case-" + tab.replace("_", "-")))

        case_file.show_tab("notes")
        editor = case_file.notes.editor
        editor.mode.setCurrentIndex(editor.mode.findData("phone"))
        editor.minutes.setValue(30)
        editor.content.setPlainText("전화 상담. 모임에 처음 다녀왔고 생각보다 편했다고 함. 다음 모임도 가 보겠다고 함.")
        editor.next_steps.setPlainText("다음 주 모임 전날 응원 문자")
        result.grab(window, name("note-editor"))
        editor.clear()

        # Two windows on one person: the second save shows both versions.
        case_file.show_tab("overview")
        other = window.open_case(case_id, in_window=True)
        other.overview.person_form.mobile.setText("010-0000-1234")
        case_file.overview.person_form.mobile.setText("010-0000-5678")
        case_file.overview.person_form.detail.setText("3층 301호")
        other.overview.save()
        case_file.overview.save()
        settle()
        dialog = case_file.overview.conflict_dialog
        result.grab(dialog, name("conflict"))
        dialog.done(0)
        other.window().close_without_asking()

        window.open_new_case()
        new_case = window.new_case_dialog
        match = session.cases.get(case_id).person
        new_case.name.setText(match["name"])
        new_case.birth_date.setText(match["birth_date"])
        new_case.save()
        settle()
        result.grab(new_case.duplicate_dialog, name("duplicate"))
        new_case.duplicate_dialog.done(0)
        new_case.discard()

        window.close()
        vault.close()
    return result


def capture_main(capture, script: str, description: str, argv: list[str] | None = None) -> int:
    """The command line of a screenshot script: one child process per scale (Qt's scale factor is
    fixed at start-up), each capturing every language with `capture(out_dir, language, scale)`."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["ko", "en"], choices=["ko", "en", "pseudo"])
    parser.add_argument("--scale", nargs="+", type=int, default=[100, 150])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.child:
        failed = 0
        for scale in args.scale:
            env = {**os.environ, "QT_SCALE_FACTOR": str(scale / 100), "QT_QPA_PLATFORM": "offscreen"}
            command = [sys.executable, script, "--child", "--out", str(args.out), "--lang", *args.lang,
                       "--scale", str(scale)]
            failed |= subprocess.run(command, env=env).returncode
        return 1 if failed else 0
    QApplication.instance() or QApplication(sys.argv[:1])
    problems = []
    for language in args.lang:
        result = capture(args.out, language, args.scale[0])
        for path in result.shots:
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        problems += result.missing_glyphs
    for problem in problems:
        print("MISSING GLYPHS (tofu):", problem, file=sys.stderr)
    return 1 if problems else 0



def main(argv: list[str] | None = None) -> int:
    return capture_main(capture, __file__, __doc__, argv)

if __name__ == "__main__":
    raise SystemExit(main())
