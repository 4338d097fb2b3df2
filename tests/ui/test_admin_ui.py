"""Administration screens through the GUI: accounts, access log (filter, CSV, monthly review),
backups (create with progress, verify, replace), retention (destroy needs the typed number).

Screenshots: written to a temporary folder; with UPDATE_SCREENSHOTS=1 to docs/screenshots/
(`<language>-admin-*.png`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from sqlalchemy import update

from intake_desktop.domain.enums import Role, Stage
from intake_desktop.services.vault import Vault
from intake_desktop.storage.models import CaseFile
from intake_desktop.ui.admin import AdminScreens, BackupSettings, backup_age_warning, build_admin_menu
from intake_desktop.ui.admin.access_log_dialog import AccessLogDialog, ExportReasonDialog
from intake_desktop.ui.admin.accounts_dialog import AccountsDialog, AddAccountDialog
from intake_desktop.ui.admin.backup_dialog import BackupDialog
from intake_desktop.ui.admin.centre_dialog import CentreProfileDialog
from intake_desktop.ui.admin.partners_dialog import PartnerDirectoryDialog
from intake_desktop.ui.admin.restore import ReplaceVaultDialog
from intake_desktop.ui.admin.retention_dialog import DestroyDialog, RetentionDialog
from intake_desktop.ui.admin.review_dialog import MonthlyReviewDialog, month_bounds, recent_months
from intake_desktop.ui.background import busy
from intake_desktop.ui.letters import ask

from .conftest import PASSPHRASE, make_cases, type_text

TODAY = date(2025, 6, 10)


def settle(qtbot, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: not busy(), timeout=timeout)
    QApplication.processEvents()


@pytest.fixture
def backup_settings(tmp_path) -> BackupSettings:
    return BackupSettings(tmp_path / "settings.ini")


# -- the menu -----------------------------------------------------------------------------------
def test_menu_depends_on_the_role(qtbot, signed_in):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = build_admin_menu(window, signed_in)
    assert [a.objectName() for a in menu.actions() if not a.isSeparator()] == [
        "partners", "centre", "accounts", "access_log", "review", "backups", "retention"]
    signed_in.accounts.add("boss", Role.SUPERVISOR, PASSPHRASE, "팀장")
    signed_in.accounts.add("kim", Role.COUNSELLOR, PASSPHRASE, "김상담")
    supervisor = signed_in.vault.unlock("boss", PASSPHRASE)
    counsellor = signed_in.vault.unlock("kim", PASSPHRASE)
    try:
        menu = build_admin_menu(window, supervisor)
        assert [a.objectName() for a in menu.actions() if not a.isSeparator()] == ["access_log", "review"]
        assert build_admin_menu(window, counsellor) is None
    finally:
        supervisor.lock()
        counsellor.lock()


def test_backup_settings_live_in_the_window_settings_file(qtbot, signed_in, settings, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.settings = settings
    screens = AdminScreens(window, signed_in)
    assert Path(screens.settings.path) == tmp_path / "settings.ini"
    screens.settings.folder = tmp_path / "usb"
    settings.idle_minutes = 5  # the same file keeps both groups
    assert BackupSettings(tmp_path / "settings.ini").folder == tmp_path / "usb"
    assert settings.idle_minutes == 5


def test_each_screen_opens_once(qtbot, signed_in, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    screens = AdminScreens(window, signed_in, BackupSettings(tmp_path / "s.ini"))
    for opener in (screens.partners, screens.centre, screens.accounts, screens.access_log, screens.review,
                   screens.backups, screens.retention):
        first = opener()
        assert first.isVisible() and opener() is first
    settle(qtbot)


# -- accounts -----------------------------------------------------------------------------------
def test_add_an_account_through_the_dialog(qtbot, signed_in):
    dialog = AccountsDialog(signed_in)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    add = dialog.add_account()
    assert isinstance(add, AddAccountDialog)
    type_text(qtbot, add.username, "park.s")
    add.display_name.insert("박상담")
    add.role.setCurrentIndex(add.role.findData(Role.SUPERVISOR.value))
    add.passphrases.passphrase.setText("short")
    assert not add.ok_button.isEnabled()
    assert add.passphrases.meter.score == 0
    add.passphrases.passphrase.setText("green hills walk 2025")
    add.passphrases.repeat.setText("green hills walk 2024")
    assert not add.ok_button.isEnabled()  # the two do not match
    add.passphrases.repeat.setText("green hills walk 2025")
    assert add.ok_button.isEnabled() and add.passphrases.meter.score >= 2
    add.show()
    add.save()
    assert add.busy.running and add.busy.isVisible()  # the key is made off the UI thread
    settle(qtbot)
    assert add.result() == QDialog.DialogCode.Accepted, add.error.text()
    assert [a.username for a in signed_in.accounts.list()] == ["admin", "park.s"]
    assert dialog.table.rowCount() == 2 and "park.s" in dialog.done_label.text()
    session = signed_in.vault.unlock("park.s", "green hills walk 2025")
    assert session.role is Role.SUPERVISOR
    session.lock()


def test_disable_asks_first_and_reset_passphrase(qtbot, signed_in, monkeypatch):
    signed_in.accounts.add("kim", Role.COUNSELLOR, PASSPHRASE, "김상담")
    dialog = AccountsDialog(signed_in)
    qtbot.addWidget(dialog)
    dialog.select("kim")
    reset = dialog.reset_selected()
    reset.passphrases.passphrase.setText("a brand new passphrase")
    reset.passphrases.repeat.setText("a brand new passphrase")
    reset.save()
    settle(qtbot)
    assert reset.result() == QDialog.DialogCode.Accepted, reset.error.text()
    signed_in.vault.unlock("kim", "a brand new passphrase").lock()

    monkeypatch.setattr(ask, "confirm", lambda *a, **k: False)
    assert not dialog.disable_selected()
    assert all(a.active for a in signed_in.accounts.list())
    monkeypatch.setattr(ask, "confirm", lambda *a, **k: True)
    assert dialog.disable_selected()
    assert not next(a for a in signed_in.accounts.list() if a.username == "kim").active
    dialog.select("admin")
    assert not dialog.disable_selected()  # the last administrator: the service says no
    assert dialog.error.text()


# -- access log ---------------------------------------------------------------------------------
def test_access_log_filter_shows_case_views(qtbot, signed_in_with_cases):
    session = signed_in_with_cases
    first, second = session.cases.index.items[:2]
    session.cases.get(first.case_id)
    session.cases.get(first.case_id)
    session.cases.get(second.case_id)
    dialog = AccessLogDialog(session)
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert dialog.model.rowCount() > 3  # this month's events, unfiltered
    dialog.set_action("case.view")
    dialog.case_number.setText(first.case_number)
    dialog.load()
    settle(qtbot)
    events = dialog.model.events
    assert len(events) == 2
    assert {e.action for e in events} == {"case.view"} and {e.case_number for e in events} == {first.case_number}
    assert dialog.model.data(dialog.model.index(0, 3)) == first.case_number
    assert dialog.model.data(dialog.model.index(0, 1)) == "admin"
    assert "2" in dialog.count_label.text()
    # By account: nobody else did anything.
    session.accounts.add("kim", Role.COUNSELLOR, PASSPHRASE, "김상담")
    dialog2 = AccessLogDialog(session)
    qtbot.addWidget(dialog2)
    settle(qtbot)
    dialog2.account.setCurrentIndex(dialog2.account.findData(session.accounts.list()[1].id))
    dialog2.set_action("case.view")
    dialog2.load()
    settle(qtbot)
    assert dialog2.model.rowCount() == 0


def test_csv_export_asks_the_reason_first_and_writes_utf8_with_bom(qtbot, signed_in_with_cases, tmp_path,
                                                                   monkeypatch):
    session = signed_in_with_cases
    session.cases.get(session.cases.index.items[0].case_id)
    dialog = AccessLogDialog(session)
    qtbot.addWidget(dialog)
    settle(qtbot)
    target = tmp_path / "log.csv"
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: asked.append(1) or (str(target), "")))
    reason_dialog = dialog.export_csv()
    assert isinstance(reason_dialog, ExportReasonDialog)
    reason_dialog._accept()
    assert reason_dialog.isVisible() and reason_dialog.error.text() and asked == []
    reason_dialog.reason.setPlainText("구청 정기 점검")
    reason_dialog._accept()
    assert reason_dialog.result() == QDialog.DialogCode.Accepted and asked == [1]
    settle(qtbot)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("순번,일시(KST),계정")
    assert "case.view" in text
    assert str(target) in dialog.done_label.text()
    exports = session.access_log.events(action="audit.export", record_view=False)
    assert exports and exports[-1].details["reason"] == "구청 정기 점검"


def test_monthly_review_is_recorded(qtbot, signed_in):
    dialog = MonthlyReviewDialog(signed_in, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.selected_month() == "2025-05"
    settle(qtbot)
    dialog.note.setPlainText("이상 없음")
    dialog.record()
    settle(qtbot)
    reviews = signed_in.access_log.events(action="audit.review", record_view=False)
    assert [(e.details["month"], e.details["note"], e.username) for e in reviews] == [("2025-05", "이상 없음", "admin")]
    assert dialog.reviews.rowCount() == 1 and dialog.reviews.item(0, 0).text() == "2025-05"
    assert "2025-05" in dialog.done_label.text()


def test_month_helpers():
    assert month_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert month_bounds("2025-12") == (date(2025, 12, 1), date(2025, 12, 31))
    assert recent_months(date(2025, 1, 15), 3) == ["2025-01", "2024-12", "2024-11"]


# -- backups ------------------------------------------------------------------------------------
def test_backup_create_then_verify(qtbot, signed_in_with_cases, tmp_path, backup_settings):
    session = signed_in_with_cases
    assert backup_age_warning(session, settings=backup_settings)  # no backup yet
    folder = tmp_path / "backups"
    folder.mkdir()
    dialog = BackupDialog(session, backup_settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.create_button.isEnabled()  # no folder yet
    dialog.set_folder(folder)
    assert backup_settings.folder == folder  # remembered (QSettings)
    steps = []
    dialog.progress.bar.valueChanged.connect(steps.append)
    dialog.create_backup()
    assert dialog.progress.running and dialog.progress.isVisible() and not dialog.create_button.isEnabled()
    settle(qtbot, 60_000)
    assert dialog.last_result is not None, dialog.error.text()
    assert dialog.last_result.path.parent == folder and dialog.last_result.path.exists()
    assert dialog.last_result.case_count == 50
    assert dialog.last_verified.damaged_values == 0
    assert max(steps) >= 2  # the bar moved through the steps
    assert not dialog.progress.isVisible()
    assert dialog.last_result.path.name in dialog.result_label.text()
    assert dialog.table.rowCount() == 1
    assert backup_age_warning(session, settings=backup_settings) is None

    dialog.last_verified = None
    dialog.table.selectRow(0)
    dialog.verify_backup()
    settle(qtbot, 60_000)
    assert dialog.last_verified is not None and dialog.last_verified.case_count == 50
    assert dialog.last_result.path.name in dialog.result_label.text()
    # The warning age is a setting.
    later = date.today() + timedelta(days=30)
    assert "30" in backup_age_warning(session, today=later, settings=backup_settings)
    dialog.warn_days.setValue(45)
    assert BackupSettings(tmp_path / "settings.ini").warn_days == 45
    assert backup_age_warning(session, today=later, settings=backup_settings) is None


def test_a_damaged_backup_is_reported(qtbot, signed_in, tmp_path, backup_settings):
    folder = tmp_path / "backups"
    folder.mkdir()
    result = signed_in.backup.create(folder)
    data = bytearray(result.path.read_bytes())
    data[-100] ^= 0xFF
    broken = tmp_path / "broken.ikbak"
    broken.write_bytes(bytes(data))
    dialog = BackupDialog(signed_in, backup_settings)
    qtbot.addWidget(dialog)
    dialog.verify_backup(broken)
    settle(qtbot)
    assert dialog.last_verified is None and dialog.error.text()
    assert "Traceback" not in dialog.error.text()


def test_restore_into_a_new_folder(qtbot, signed_in_with_cases, tmp_path, backup_settings, monkeypatch):
    session = signed_in_with_cases
    folder = tmp_path / "backups"
    folder.mkdir()
    backup = session.backup.create(folder)
    dialog = BackupDialog(session, backup_settings)
    qtbot.addWidget(dialog)
    dialog.set_folder(folder)
    dialog.table.selectRow(0)
    target = tmp_path / "restored"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(target)))
    dialog.restore_into_folder()
    settle(qtbot, 60_000)
    assert (target / "vault.sqlite").exists(), dialog.error.text()
    assert str(target) in dialog.result_label.text()
    restored = Vault.open(target)
    try:
        other = restored.unlock("admin", PASSPHRASE)
        assert other.cases.count() == 50
        other.lock()
    finally:
        restored.close()
    assert backup.path.exists()


def test_replace_the_vault_with_a_backup(qtbot, signed_in_with_cases, centre_vault, data_dir, tmp_path,
                                         backup_settings, monkeypatch):
    session = signed_in_with_cases
    folder = tmp_path / "backups"
    folder.mkdir()
    result = session.backup.create(folder)
    make_cases(session, names=["나중에추가"])
    assert session.cases.count() == 51
    quits, notices = [], []
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: notices.append(text))
    dialog = ReplaceVaultDialog(session, result.path, quit_app=lambda: quits.append(1))
    qtbot.addWidget(dialog)
    assert not dialog.replace_button.isEnabled()
    dialog.understood.setChecked(True)
    dialog.passphrase.setText("not my passphrase")
    dialog.replace()
    settle(qtbot)
    assert dialog.error.text() and not session.is_locked and quits == []  # wrong: nothing happens
    dialog.passphrase.setText(PASSPHRASE)
    dialog.replace()
    settle(qtbot, 60_000)
    assert dialog.outcome == "replaced", notices
    assert quits == [1] and session.is_locked
    assert list(data_dir.glob("vault.sqlite.before-restore-*.bak"))
    reopened = Vault.open(data_dir)
    try:
        again = reopened.unlock("admin", PASSPHRASE)
        assert again.cases.count() == 50  # the case added after the backup is gone
        again.lock()
    finally:
        reopened.close()


# -- retention ----------------------------------------------------------------------------------
def close_case(session, case_id: str, when: datetime) -> None:
    with session.db() as db:
        db.exec(update(CaseFile).where(CaseFile.id == case_id).values(stage=Stage.CLOSED.value, closed_at=when))
        db.commit()


def test_destroy_requires_the_typed_case_number(qtbot, signed_in_with_cases):
    session = signed_in_with_cases
    victim = session.cases.index.items[0]
    close_case(session, victim.case_id, datetime(2019, 3, 1, tzinfo=timezone.utc))
    dialog = RetentionDialog(session, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.years.value() == 5
    assert [c.case_number for c in dialog.due] == [victim.case_number]
    dialog.table.selectRow(0)
    destroy = dialog.destroy_selected()
    assert isinstance(destroy, DestroyDialog)
    destroy.reason.setPlainText("보존 기간 5년 경과")
    destroy.confirmation.setText(victim.case_number[:-1])
    assert not destroy.destroy_button.isEnabled()
    destroy.destroy_case()
    assert destroy.error.text() and session.cases.count() == 50
    destroy.confirmation.setText(victim.case_number)
    assert destroy.destroy_button.isEnabled()
    destroy.destroy_case()
    settle(qtbot, 60_000)
    assert destroy.result() == QDialog.DialogCode.Accepted, destroy.error.text()
    assert session.cases.count() == 49
    assert dialog.due == [] and victim.case_number in dialog.done_label.text()
    [record] = session.access_log.events(action="case.destroy", record_view=False)
    assert record.details["basis"] == "보존 기간 5년 경과"


def test_destroy_another_case_types_the_number_twice(qtbot, signed_in_with_cases):
    session = signed_in_with_cases
    victim = session.cases.index.items[3]
    dialog = RetentionDialog(session, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    destroy = dialog.destroy_other()
    destroy.case_number.setText(victim.case_number)
    destroy.reason.setPlainText("수집·이용 동의 철회")
    assert not destroy.destroy_button.isEnabled()
    destroy.confirmation.setText(victim.case_number)
    destroy.destroy_case()
    settle(qtbot, 60_000)
    assert destroy.result() == QDialog.DialogCode.Accepted, destroy.error.text()
    assert session.cases.count() == 49


def test_retention_years_setting(qtbot, signed_in):
    dialog = RetentionDialog(signed_in, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.years.setValue(7)
    dialog.save_years()
    assert signed_in.retention.retention_years() == 7


# -- partners and centre ------------------------------------------------------------------------
def test_partner_contact_details_are_saved(qtbot, signed_in):
    dialog = PartnerDirectoryDialog(signed_in)
    qtbot.addWidget(dialog)
    dialog.select("welfare")
    assert dialog.name.text() == "동작이수사회복지관"
    dialog.fields["phone"].setText("02-820-1234")
    dialog.fields["postal_code"].setText("06900")
    dialog.save()
    assert not dialog.error.text()
    partner = signed_in.partners.get("welfare")
    assert partner.phone == "02-820-1234" and partner.postal_code == "06900"
    assert partner.label("ko") == "동작이수사회복지관"


def test_centre_profile_is_saved_and_checked(qtbot, signed_in):
    dialog = CentreProfileDialog(signed_in)
    qtbot.addWidget(dialog)
    assert dialog.fields["short_name"].text() == "기지개"
    dialog.fields["phone"].setText("02-123-4567")
    dialog.fields["email"].setText("not an address")
    dialog.save()
    assert dialog.error.text()
    dialog.fields["email"].setText("help@gijigae.example")
    dialog.save()
    assert not dialog.error.text()
    profile = signed_in.centre.settings()
    assert profile.phone == "021234567" and profile.email == "help@gijigae.example"
    assert dialog.fields["phone"].text() == "02-123-4567"


# -- Korean wording proposed for the translation pass (see test_letters_ui.KOREAN_DRAFTS_LETTERS) ---
KOREAN_DRAFTS_ADMIN = {
    # AdminMenu, BackupWarning
    "&Administration": "관리(&A)",
    "Partner institutions…": "협력 기관…",
    "Centre profile…": "센터 정보…",
    "Accounts…": "계정…",
    "Access log…": "접근 기록…",
    "Monthly review of the access log…": "접근 기록 월간 점검…",
    "Backups…": "백업…",
    "Retention and destruction…": "보존·파기…",
    "No backup has been made yet. Make one today (Administration → Backups).":
        "아직 백업이 없습니다. 오늘 백업하세요 (관리 → 백업).",
    "The last good backup is %n day(s) old. Make a backup today (Administration → Backups).":
        "마지막 정상 백업이 %n일 전입니다. 오늘 백업하세요 (관리 → 백업).",
    # PartnerDirectoryDialog
    "Partner institutions": "협력 기관",
    "Institution:": "기관:",
    "Letter kind:": "공문 종류:",
    "Letters are addressed to:": "수신:",
    "Works on:": "하는 일:",
    "Department (after the addressee):": "부서 (수신자 뒤 괄호):",
    "Postal code:": "우편번호:",
    "Address:": "주소:",
    "Phone:": "전화:",
    "Fax:": "팩스:",
    "E-mail:": "이메일:",
    "Names are fixed. Copy contact details from the institution's own documents.":
        "기관 이름은 바꿀 수 없습니다. 연락처는 그 기관이 낸 문서에서 옮겨 적으세요.",
    "Save contact details": "연락처 저장",
    "Saved. New letters use these details.": "저장했습니다. 새로 만드는 공문부터 적용됩니다.",
    "Nothing was changed.": "바뀐 내용이 없습니다.",
    # CentreProfileDialog
    "Centre profile": "센터 정보",
    "Centre name:": "센터 이름:",
    "Short name (document numbers):": "약칭 (문서번호용):",
    "Title of the head:": "기관장 직위:",
    "Homepage:": "홈페이지:",
    "Printed at the head and foot of every referral letter and on consent forms.":
        "모든 의뢰 공문의 머리와 끝, 그리고 동의서에 인쇄됩니다.",
    "Letters are numbered like this: {example}": "공문 번호는 이렇게 붙습니다: {example}",
    "Saved. New letters use this profile.": "저장했습니다. 새로 만드는 공문부터 적용됩니다.",
    # AccountsDialog, AddAccountDialog, ResetPassphraseDialog
    "Accounts": "계정",
    "User name": "사용자 이름",
    "Display name": "표시 이름",
    "Role": "역할",
    "State": "상태",
    "Created": "만든 날",
    "Add…": "추가…",
    "Reset passphrase…": "비밀번호 재설정…",
    "Disable…": "사용 중지…",
    "Active": "사용 중",
    "Disabled on {date}": "{date} 사용 중지",
    "Account {username} added.": "계정 {username}을(를) 추가했습니다.",
    "New passphrase set for {username}.": "{username} 계정의 새 비밀번호를 정했습니다.",
    "Disable an account": "계정 사용 중지",
    "Disable {username} ({name})? They can no longer sign in. Their cases, notes and access records stay. This "
    "cannot be undone; make a new account if needed.":
        "{username}({name}) 계정을 사용 중지할까요? 더 이상 로그인할 수 없습니다. 담당 사례, 상담 기록, 접근 기록은 "
        "그대로 남습니다. 되돌릴 수 없으니 필요하면 새 계정을 만드세요.",
    "{username} was disabled.": "{username} 계정을 사용 중지했습니다.",
    "Add an account": "계정 추가",
    "User name:": "사용자 이름:",
    "Display name:": "표시 이름:",
    "e.g. park.s (lower-case letters, digits, . _ -)": "예: park.s (영문 소문자, 숫자, . _ -)",
    "Role:": "역할:",
    "Give the passphrase to the person in private; they can change it after signing in.":
        "비밀번호는 본인에게만 따로 알려 주세요. 로그인한 뒤 본인이 바꿀 수 있습니다.",
    "Add account": "계정 추가",
    "The passphrases do not match.": "두 비밀번호가 서로 다릅니다.",
    "Creating the account's key…": "계정의 암호 키를 만드는 중…",
    "Reset a passphrase": "비밀번호 재설정",
    "New passphrase for {username}. The old one stops working at once (it still opens backups made before "
    "today).": "{username} 계정의 새 비밀번호입니다. 이전 비밀번호는 바로 쓸 수 없게 됩니다 (오늘 전에 만든 백업은 "
               "이전 비밀번호로 열립니다).",
    "Set passphrase": "비밀번호 정하기",
    "Setting the new passphrase…": "새 비밀번호를 정하는 중…",
    # AccessLogDialog, AccessLogModel, ExportReasonDialog
    "Access log": "접근 기록",
    "Account:": "계정:",
    "All accounts": "모든 계정",
    "Case number, e.g. 2025-00012": "사례번호 (예: 2025-00012)",
    "All actions": "모든 행위",
    "Show": "보기",
    "Case:": "사례:",
    "Action:": "행위:",
    "From:": "기간:",
    "to": "~",
    "Download as CSV…": "CSV로 내려받기…",
    "Monthly review…": "월간 점검…",
    "Reading the access log…": "접근 기록을 읽는 중…",
    "%n event(s)": "%n건",
    "access-log-{start}-{end}.csv": "접근기록-{start}-{end}.csv",
    "Download the access log": "접근 기록 내려받기",
    "CSV files (*.csv)": "CSV 파일 (*.csv)",
    "Writing the file…": "파일을 저장하는 중…",
    "Saved %n event(s) to {path}.": "기록 %n건을 {path}에 저장했습니다.",
    "Time (Seoul)": "일시 (한국 시간)",
    "Account": "계정",
    "Action": "행위",
    "Case": "사례",
    "PC": "PC",
    "Details": "세부 내용",
    "Events from {start} to {end} will be saved as a CSV file (UTF-8, opens in Excel). The download and its "
    "reason are recorded in the log.": "{start}부터 {end}까지의 기록을 CSV 파일(UTF-8, 엑셀에서 열림)로 저장합니다. "
                                       "내려받은 사실과 사유는 접근 기록에 남습니다.",
    "e.g. quarterly inspection by the district office": "예: 구청 분기 점검",
    "Reason:": "사유:",
    "Choose a file…": "파일 고르기…",
    "Say why the access log is being downloaded.": "접근 기록을 내려받는 이유를 적어 주세요.",
    # AccessLogLabels
    "Signed in": "로그인",
    "Signed in with the recovery key": "복구 키로 로그인",
    "Wrong passphrase": "비밀번호 틀림",
    "Locked": "잠금",
    "Vault created": "보관함 생성",
    "Opened a case": "사례 열람",
    "Created a case": "사례 등록",
    "Changed a case": "사례 수정",
    "Changed a case's stage": "사례 단계 변경",
    "Reopened a case": "사례 재개",
    "Assigned a case": "담당자 지정",
    "Shared a case": "사례 공유",
    "Destroyed a case": "사례 파기",
    "Changed personal details": "인적 사항 수정",
    "Exported personal data": "개인정보 내보내기",
    "Saved an intake": "초기상담지 저장",
    "Added a session note": "상담 기록 추가",
    "Saved a service plan": "서비스 계획 저장",
    "Added a follow-up": "후속 조치 추가",
    "Completed a follow-up": "후속 조치 완료",
    "Confirmed a crisis": "위기 확인",
    "Cleared a crisis flag": "위기 표시 해제",
    "Recorded a consent": "동의 기록",
    "Recorded a withdrawal of consent": "동의 철회 기록",
    "Supervisor override of consent": "동의 예외 승인",
    "Letter sent on a supervisor override": "예외 승인으로 공문 발급",
    "Printed a consent form": "동의서 출력",
    "Issued a referral letter": "의뢰 공문 발급",
    "Reprinted a referral letter": "의뢰 공문 재출력",
    "Viewed the letters register": "공문 발급 대장 열람",
    "Planned a referral": "의뢰 계획 등록",
    "Changed a referral's status": "의뢰 상태 변경",
    "Changed a partner's contact details": "협력 기관 연락처 수정",
    "Changed the centre profile": "센터 정보 수정",
    "Added an account": "계정 추가",
    "Disabled an account": "계정 사용 중지",
    "Changed a passphrase": "비밀번호 변경",
    "Viewed the access log": "접근 기록 열람",
    "Downloaded the access log": "접근 기록 내려받기",
    "Monthly review of the access log": "접근 기록 월간 점검",
    "Made a backup": "백업 생성",
    "Checked a backup": "백업 검사",
    "Restored a backup": "백업 복원",
    "Deleted old backups": "오래된 백업 삭제",
    "Changed the retention period": "보존 기간 변경",
    "Imported a form": "양식 가져오기",
    "Imported cases": "사례 가져오기",
    "Added demo cases": "예시 사례 추가",
    "Sign-ins and locks": "로그인·잠금",
    "Wrong passphrases": "비밀번호 틀림",
    "Cases": "사례",
    "Consents": "동의",
    "Letters": "공문",
    "Exports of personal data": "개인정보 내보내기",
    "Backups": "백업",
    "Destructions": "파기",
    # MonthlyReviewDialog
    "What you checked and what you found (e.g. nothing unusual)": "확인한 내용과 결과 (예: 특이사항 없음)",
    "Record the review": "점검 기록",
    "Month": "월",
    "Reviewed by": "점검자",
    "On": "점검일",
    "Note": "메모",
    "Month:": "점검 월:",
    "Worth a look:": "살펴볼 것:",
    "Note:": "메모:",
    "Reviews recorded": "점검 기록",
    "Reading the month…": "한 달 치 기록을 읽는 중…",
    "%n event(s) in all": "전체 %n건",
    "Cases opened: %n": "사례 열람: %n건",
    "Wrong passphrases: %n": "비밀번호 틀림: %n건",
    "Downloads and exports: %n": "내려받기·내보내기: %n건",
    "Cases destroyed: %n": "사례 파기: %n건",
    "Outside working hours (before 7:00, after 21:00, weekends): %n": "업무 시간 외 (7시 전, 21시 후, 주말): %n건",
    "Most cases opened by: {accounts}": "사례를 가장 많이 연 계정: {accounts}",
    "Review of {month} recorded.": "{month} 점검을 기록했습니다.",
    # BackupDialog
    "Choose a folder, e.g. on a USB stick kept locked away": "폴더를 고르세요 (예: 잠가 두는 USB 메모리)",
    "Choose…": "고르기…",
    "Back up now": "지금 백업",
    "Make a backup": "백업 만들기",
    "Made on": "만든 때",
    "File": "파일",
    "Size": "크기",
    "Check a backup…": "백업 검사…",
    "Restore into a new folder…": "새 폴더에 복원…",
    "Replace this vault…": "이 보관함을 백업으로 바꾸기…",
    "Backups in this folder": "이 폴더의 백업",
    "After each backup, delete old ones in this folder, keeping:": "백업할 때마다 이 폴더의 오래된 백업을 지우고 다음만 남기기:",
    " days": "일",
    " weeks": "주",
    " months": "개월",
    "Keeping backups": "백업 보관",
    "One a day, for the last:": "하루에 하나씩, 최근:",
    "One a week, for the last:": "한 주에 하나씩, 최근:",
    "One a month, for the last:": "한 달에 하나씩, 최근:",
    "Warn when the last good backup is older than:": "마지막 정상 백업이 이보다 오래되면 알림:",
    "Folder for backups": "백업 폴더",
    "Last good backup: {when}": "마지막 정상 백업: {when}",
    "No backup has been made yet.": "아직 백업이 없습니다.",
    "Choose a backup": "백업 고르기",
    "intake-desktop backups (*{suffix})": "intake-desktop 백업 (*{suffix})",
    "The folder {path} is not there (is the USB stick plugged in?).": "{path} 폴더가 없습니다 (USB 메모리가 꽂혀 있나요?).",
    "Writing the backup…": "백업을 저장하는 중…",
    "Checking the backup…": "백업을 검사하는 중…",
    "Removing old backups…": "오래된 백업을 지우는 중…",
    "Done.": "끝났습니다.",
    "Backup written and checked: {file} ({size}, %n case(s)).": "백업을 저장하고 검사했습니다: {file} ({size}, 사례 %n건).",
    "Warning: %n value(s) in the vault were already damaged.": "경고: 보관함 안의 값 %n개가 이미 손상되어 있었습니다.",
    "%n old backup(s) deleted.": "오래된 백업 %n개를 지웠습니다.",
    "Checking {file}…": "{file} 검사 중…",
    "{file} is sound: made {when}, %n case(s).": "{file}에 이상이 없습니다: {when}에 만든 백업, 사례 %n건.",
    "But %n value(s) inside were already damaged in the vault.": "다만 안에 있는 값 %n개는 보관함에서 이미 손상되어 있었습니다.",
    "An empty folder for the restored vault": "복원할 보관함을 둘 빈 폴더",
    "Restoring into {folder}…": "{folder}에 복원하는 중…",
    "Restored into {folder}. To look at it, start intake-desktop with --data-dir \"{folder}\" and sign in with the "
    "passphrase valid when the backup was made. This vault is unchanged.":
        "{folder}에 복원했습니다. 열어 보려면 intake-desktop을 --data-dir \"{folder}\" 옵션으로 시작하고 백업 당시의 "
        "비밀번호로 로그인하세요. 지금 보관함은 바뀌지 않았습니다.",
    # ReplaceVaultDialog
    "Replace this vault with a backup": "이 보관함을 백업으로 바꾸기",
    "Everything in this vault will be replaced by the backup made on {date}. Cases, notes, consents, letters and "
    "accounts added or changed since then will be lost. A safety copy of the current vault is kept in the data "
    "folder.": "이 보관함의 모든 내용이 {date}에 만든 백업으로 바뀝니다. 그 뒤에 추가하거나 바꾼 사례, 상담 기록, 동의, "
               "공문, 계정은 사라집니다. 지금 보관함의 안전 사본은 데이터 폴더에 남겨 둡니다.",
    "intake-desktop closes when the restore is finished. Start it again and sign in with the passphrase that was "
    "valid when the backup was made.": "복원이 끝나면 intake-desktop이 닫힙니다. 다시 시작해서 백업 당시의 비밀번호로 "
                                       "로그인하세요.",
    "I understand that work done since {date} will be lost.": "{date} 이후에 한 작업이 사라진다는 것을 이해했습니다.",
    "Only if you changed it since the backup": "백업 뒤에 비밀번호를 바꾼 경우에만",
    "Backup file:": "백업 파일:",
    "Your passphrase:": "내 비밀번호:",
    "Your passphrase when the backup was made:": "백업 당시의 내 비밀번호:",
    "Replace the vault": "보관함 바꾸기",
    "Checking your passphrase and the backup…": "비밀번호와 백업을 확인하는 중…",
    "Restoring the backup… Do not switch the computer off.": "백업을 복원하는 중… 컴퓨터를 끄지 마세요.",
    "Vault replaced": "보관함을 바꿨습니다",
    "The vault was replaced by the backup. The previous vault is kept as {file}. intake-desktop will now close; "
    "start it again and sign in.": "보관함을 백업으로 바꿨습니다. 이전 보관함은 {file}(으)로 남겨 두었습니다. 이제 "
                                   "intake-desktop이 닫힙니다. 다시 시작해서 로그인하세요.",
    "Vault not replaced": "보관함을 바꾸지 못했습니다",
    "The vault was not replaced: {reason} intake-desktop will now close; start it again: your vault is as it was.":
        "보관함을 바꾸지 못했습니다: {reason} 이제 intake-desktop이 닫힙니다. 다시 시작하세요. 보관함은 그대로입니다.",
    # RetentionDialog, DestroyDialog
    "Retention and destruction": "보존·파기",
    " years after closure": "년 (종결 후)",
    "Save": "저장",
    "Must not be shorter than the period stated on the collection consent form.":
        "수집·이용 동의서에 적은 보존 기간보다 짧으면 안 됩니다.",
    "Retention period": "보존 기간",
    "Case number": "사례번호",
    "Closed on": "종결일",
    "Due on": "파기 예정일",
    "No closed case has reached the end of its retention period.": "보존 기간이 끝난 종결 사례가 없습니다.",
    "Destroy the selected case…": "선택한 사례 파기…",
    "Destroy another case…": "다른 사례 파기…",
    "For example after the consent to collection was withdrawn.": "예: 수집·이용 동의를 철회한 경우",
    "Cases due for destruction": "파기할 사례",
    "Retention period saved: %n year(s) after closure.": "보존 기간을 저장했습니다: 종결 후 %n년.",
    "Case {number} was destroyed.": "사례 {number}을(를) 파기했습니다.",
    "Destroy a case": "사례 파기",
    "The person, the case, intakes, notes, plans, consents, referrals, letters and drafts are deleted for good. "
    "Only a record without personal content stays in the access log. Backups made before today still hold the "
    "case until they are rotated out.": "대상자, 사례, 초기상담지, 상담 기록, 계획, 동의, 의뢰, 공문, 임시 저장 내용이 "
                                        "영구히 삭제됩니다. 개인정보가 없는 파기 기록만 접근 기록에 남습니다. 오늘 "
                                        "이전에 만든 백업에는 순환 삭제될 때까지 이 사례가 남아 있습니다.",
    "e.g. 2025-00012": "예: 2025-00012",
    "e.g. retention period of 5 years after closure has passed": "예: 종결 후 보존 기간 5년 경과",
    "Case number:": "사례번호:",
    "Type it again to confirm:": "확인을 위해 다시 입력:",
    "Type the case number to confirm:": "확인을 위해 사례번호 입력:",
    "Basis (reason):": "근거 (사유):",
    "Destroy for good": "영구 파기",
    "The case number typed does not match.": "입력한 사례번호가 맞지 않습니다.",
    "Give the basis for the destruction.": "파기 근거를 적어 주세요.",
    "Destroying the case and compacting the vault…": "사례를 파기하고 보관함을 정리하는 중…",
}


# -- screenshots --------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshots(qtbot, qapp, signed_in_with_cases, tmp_path, language):
    from .test_letters_ui import screen_language

    with screen_language(qapp, language, KOREAN_DRAFTS_ADMIN):
        take_admin_screenshots(qtbot, signed_in_with_cases, tmp_path, language)


def take_admin_screenshots(qtbot, session, tmp_path, language):
    from .test_letters_ui import Shots, screenshot_dir


    shots = Shots(qtbot, screenshot_dir(tmp_path), language)
    session.accounts.add("park.s", Role.COUNSELLOR, PASSPHRASE, "박상담")
    session.accounts.add("lee.s", Role.SUPERVISOR, PASSPHRASE, "이팀장")
    session.accounts.disable("park.s")
    items = session.cases.index.items
    for summary in items[:4]:
        session.cases.get(summary.case_id)
    close_case(session, items[5].case_id, datetime(2019, 3, 1, tzinfo=timezone.utc))
    close_case(session, items[8].case_id, datetime(2020, 1, 15, tzinfo=timezone.utc))
    session.partners.update_contact("welfare", phone="02-820-1234", postal_code="06900",
                                    address="서울특별시 동작구 사당로 10", email="case@example.org")
    session.access_log.record_review("2025-04", "이상 없음")

    partners = PartnerDirectoryDialog(session)
    qtbot.addWidget(partners)
    partners.select("welfare")
    shots.grab(partners, "admin-partners")

    centre = CentreProfileDialog(session)
    qtbot.addWidget(centre)
    centre.fields["address"].setText("서울특별시 동작구 노량진로 10, 3층")
    centre.fields["postal_code"].setText("06900")
    shots.grab(centre, "admin-centre")

    accounts = AccountsDialog(session)
    qtbot.addWidget(accounts)
    accounts.select("lee.s")
    shots.grab(accounts, "admin-accounts")
    add = accounts.add_account()
    add.username.setText("choi.s")
    add.display_name.setText("최상담")
    add.passphrases.passphrase.setText("green hills walk 2025")
    add.passphrases.repeat.setText("green hills walk")
    shots.grab(add, "admin-add-account")
    add.done(0)

    log = AccessLogDialog(session)
    qtbot.addWidget(log)
    settle(qtbot)
    log.set_action("case.view")
    log.load()
    settle(qtbot)
    shots.grab(log, "admin-access-log")
    reason = log.export_csv()
    reason.reason.setPlainText("구청 정기 점검")
    shots.grab(reason, "admin-export-reason")
    reason.done(0)

    review = MonthlyReviewDialog(session, today=lambda: date.today())
    qtbot.addWidget(review)
    review.month.setCurrentIndex(0)
    settle(qtbot)
    review.note.setPlainText("업무 시간 외 열람 없음. 특이사항 없음.")
    shots.grab(review, "admin-review")

    folder = tmp_path / "backups"
    folder.mkdir()
    backup = BackupDialog(session, BackupSettings(tmp_path / "s.ini"))
    qtbot.addWidget(backup)
    backup.set_folder(folder)
    backup.create_backup()
    settle(qtbot, 60_000)
    shots.grab(backup, "admin-backups")
    backup.table.selectRow(0)
    replace = backup.replace_vault()
    replace.understood.setChecked(True)
    shots.grab(replace, "admin-replace")
    replace.done(0)

    retention = RetentionDialog(session, today=lambda: TODAY)
    qtbot.addWidget(retention)
    retention.table.selectRow(0)
    shots.grab(retention, "admin-retention")
    destroy = retention.destroy_selected()
    destroy.confirmation.setText(retention.due[0].case_number)
    destroy.reason.setPlainText("보존 기간(종결 후 5년) 경과")
    shots.grab(destroy, "admin-destroy")
    destroy.done(0)

    assert shots.tofu == [], "Korean text the font cannot draw (tofu)"
