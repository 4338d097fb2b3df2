"""Automatic backups to the folder an admin chose: when the app closes, and once a day while
it runs (checked every hour). Nothing happens until a backup folder is set.

Runs as the signed-in account (every account may back up); the backup file itself is
encrypted, so a USB stick or a network folder only ever holds ciphertext.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from intake_desktop.services.backup import BackupRun
from intake_desktop.ui.admin.backup_settings import BackupSettings
from intake_desktop.ui.background import BackgroundTask, run_in_background

CHECK_EVERY_MS = 60 * 60 * 1000


def backup_due(session, settings: BackupSettings, now: datetime | None = None) -> bool:
    """The service's policy (BackupService.due) for the folder the admin chose."""
    return session.backup.due(settings.folder, now=now)


def run_backup(session, settings: BackupSettings) -> BackupRun:
    """One backup into the chosen folder, then the rotation if the admin turned it on."""
    return session.backup.run(settings.folder, rotation=settings.policy if settings.rotate_after_backup else None)


class AutoBackup(QObject):
    """Owned by the main window. `failed` carries a translated message for the status bar."""

    done = Signal()
    failed = Signal(str)

    def __init__(self, session, settings: BackupSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session, self._settings = session, settings
        self._running = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.run_if_due)
        self._timer.start()

    def run_if_due(self) -> bool:
        """Start a background backup when one is due; True if one was started."""
        if self._running is not None or not backup_due(self._session, self._settings):
            return False
        self._running = run_in_background(
            lambda: run_backup(self._session, self._settings),
            on_success=lambda _result: self._finished(None),
            on_failure=self._finished,
        )
        return True

    def _finished(self, error) -> None:
        self._running = None
        if error is None:
            self.done.emit()
        else:
            self.failed.emit(_describe(error))

    def run_on_exit(self, on_done: Callable[[str | None], None]) -> BackgroundTask | None:
        """The backup made when the app closes, off the UI thread (a large vault takes seconds;
        the window must not freeze). `on_done(message)` runs on the UI thread when it is over:
        None, or a translated message when it failed (closing goes on either way). Returns the
        task, or None when no backup is to be made (then `on_done` is not called)."""
        if self._settings.folder is None or self._session.is_locked:
            return None
        session, settings = self._session, self._settings
        return run_in_background(
            lambda: run_backup(session, settings),
            on_success=lambda _result: on_done(None),
            on_failure=lambda error: on_done(_describe(error)),
        )


def _describe(error: BaseException) -> str:
    from intake_desktop.ui.messages import describe_error

    return describe_error(error)
