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

from intake_desktop.domain import dates
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
from intake_desktop.ui.kit import ask

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
        "partners", "centre", "accounts", "access_log", "review", "backups", "retention", "centre_server"]
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
    screens = AdminScreens(window, signed_in, BackupSettings.of(settings))  # handed in, not looked up
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
    later = dates.today() + timedelta(days=30)
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




# -- screenshots --------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshots(qtbot, qapp, signed_in_with_cases, tmp_path, language):
    from .screenshots import screen_language

    with screen_language(qapp, language):
        take_admin_screenshots(qtbot, signed_in_with_cases, tmp_path, language)


def take_admin_screenshots(qtbot, session, tmp_path, language):
    from .screenshots import Shots, screenshot_dir


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

    review = MonthlyReviewDialog(session)
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


def test_the_backup_folder_box_does_not_look_or_act_like_a_text_box(qtbot, signed_in, backup_settings, tmp_path):
    """Issue 15, item 12: chosen with the button only, so it looks read-only and Tab skips it;
    and its dates are written the Korean way (item 10)."""
    from datetime import datetime, timezone

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from intake_desktop.ui.admin import backup_dialog

    dialog = BackupDialog(signed_in, backup_settings)
    qtbot.addWidget(dialog)
    dialog.show()
    editable = QLineEdit(dialog)
    editable.setGeometry(dialog.folder.geometry().translated(0, 60))
    editable.show()
    qtbot.waitExposed(dialog)

    def background(widget):
        image = widget.grab().toImage()
        return image.pixelColor(image.width() - 6, image.height() // 2).name()

    assert background(dialog.folder) != background(editable)
    assert dialog.folder.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert backup_dialog._local_time(datetime(2025, 5, 14, 6, 20, tzinfo=timezone.utc)).startswith("2025. 5. 14. ")
