"""Automatic backups: the day's backup when the window opens, and one when it closes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from intake_desktop.ui.admin.auto_backup import backup_due
from intake_desktop.ui.admin.backup_settings import BackupSettings
from intake_desktop.ui.background import busy
from intake_desktop.ui.main_window import MainWindow


def _window(qtbot, session, settings) -> MainWindow:
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def test_nothing_happens_until_a_folder_is_chosen(qtbot, signed_in, settings):
    window = _window(qtbot, signed_in, settings)
    assert BackupSettings.of(window.settings).folder is None
    assert not backup_due(signed_in, BackupSettings.of(window.settings))
    assert window.auto_backup.run_on_exit(lambda message: None) is None
    assert signed_in.backup.last_good() is None


def test_the_days_backup_runs_when_due_and_again_on_close(qtbot, tmp_path, signed_in, settings):
    folder = tmp_path / "usb"
    folder.mkdir()
    BackupSettings(settings.path).folder = folder
    window = _window(qtbot, signed_in, settings)
    qtbot.waitUntil(lambda: len(list(folder.glob("*.ikbak"))) == 1 and not busy(), timeout=20_000)
    backup_settings = BackupSettings.of(window.settings)
    assert not backup_due(signed_in, backup_settings)  # done for today
    assert backup_due(signed_in, backup_settings, now=datetime.now(timezone.utc) + timedelta(days=1, minutes=1))
    first = {p.name for p in folder.glob("*.ikbak")}
    qtbot.wait(1100)  # backup names carry the second; the closing backup gets its own
    window.close()
    # The closing backup runs off the UI thread: the window waits for it, then closes and locks.
    assert window.isVisible() and not window.isEnabled() and not signed_in.is_locked
    window.close()  # closing again while it runs changes nothing
    qtbot.waitUntil(lambda: signed_in.is_locked, timeout=20_000)
    assert not window.isVisible()
    after = {p.name for p in folder.glob("*.ikbak")}
    # The closing backup was written; the rotation keeps one backup a day, so it replaced the
    # morning's one.
    assert after and after != first


def test_a_failed_automatic_backup_is_reported_not_raised(qtbot, tmp_path, signed_in, settings):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    BackupSettings(settings.path).folder = blocked
    window = _window(qtbot, signed_in, settings)
    messages = []
    assert window.auto_backup.run_on_exit(messages.append) is not None
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages[0] and "Traceback" not in messages[0]
    window.close()
    qtbot.waitUntil(lambda: signed_in.is_locked, timeout=20_000)  # a failed backup does not keep it open
