"""Where backups go, how many are kept, and when to warn about an old one.

Per-user preferences in QSettings (the same INI file as ui/settings.py, group "backup/"):
the folder, the rotation counts and the warning age. No personal data. The warning itself,
`backup_age_warning(session)`, is for the status bar and the home screen.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

from intake_desktop.domain import dates
from intake_desktop.paths import settings_dir
from intake_desktop.services import errors as E
from intake_desktop.services.backup import RotationPolicy

if TYPE_CHECKING:
    from intake_desktop.ui.settings import AppSettings

WARN_DAYS_DEFAULT = 7
WARN_DAYS_MIN, WARN_DAYS_MAX = 1, 90
KEEP_MAX = 99


def default_settings_file() -> Path:
    return settings_dir() / "settings.ini"


def _int(value, default: int, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


class BackupSettings:
    def __init__(self, path: Path | str | None = None) -> None:
        self._store = QSettings(str(path or default_settings_file()), QSettings.Format.IniFormat)

    @classmethod
    def of(cls, app_settings: AppSettings | None) -> BackupSettings:
        """The backup group of the app's settings file (the one the main window was given), or
        the default file when there are no app settings (a dialog opened on its own in tests)."""
        return cls(app_settings.path) if app_settings is not None else cls()

    @property
    def path(self) -> str:
        return self._store.fileName()

    def _set(self, key: str, value) -> None:
        self._store.setValue(key, value)
        self._store.sync()

    @property
    def folder(self) -> Path | None:
        value = self._store.value("backup/folder", "")
        return Path(str(value)) if value else None

    @folder.setter
    def folder(self, folder: Path | str | None) -> None:
        self._set("backup/folder", str(folder) if folder else "")

    @property
    def warn_days(self) -> int:
        return _int(self._store.value("backup/warn_days", WARN_DAYS_DEFAULT), WARN_DAYS_DEFAULT,
                    WARN_DAYS_MIN, WARN_DAYS_MAX)

    @warn_days.setter
    def warn_days(self, days: int) -> None:
        self._set("backup/warn_days", max(WARN_DAYS_MIN, min(WARN_DAYS_MAX, int(days))))

    @property
    def rotate_after_backup(self) -> bool:
        return str(self._store.value("backup/rotate", "true")).lower() in ("true", "1")

    @rotate_after_backup.setter
    def rotate_after_backup(self, on: bool) -> None:
        self._set("backup/rotate", "true" if on else "false")

    @property
    def policy(self) -> RotationPolicy:
        default = RotationPolicy()
        return RotationPolicy(
            daily=_int(self._store.value("backup/keep_daily", default.daily), default.daily, 1, KEEP_MAX),
            weekly=_int(self._store.value("backup/keep_weekly", default.weekly), default.weekly, 0, KEEP_MAX),
            monthly=_int(self._store.value("backup/keep_monthly", default.monthly), default.monthly, 0, KEEP_MAX),
        )

    @policy.setter
    def policy(self, policy: RotationPolicy) -> None:
        self._store.setValue("backup/keep_daily", int(policy.daily))
        self._store.setValue("backup/keep_weekly", int(policy.weekly))
        self._store.setValue("backup/keep_monthly", int(policy.monthly))
        self._store.sync()


def backup_age_warning(session, *, today: date | None = None, settings: BackupSettings | None = None) -> str | None:
    """A warning sentence when the last good backup is older than the warning age (or there is
    none), else None (also when the vault cannot be read just now)."""
    settings = settings or BackupSettings()
    try:
        last: datetime | None = session.backup.last_good()
    except E.ServiceError:
        return None
    if last is None:
        return QCoreApplication.translate(
            "BackupWarning", "No backup has been made yet. Make one today (Administration → Backups).")
    today = today or dates.today()
    days = (today - dates.in_seoul(last).date()).days
    if days <= settings.warn_days:
        return None
    return QCoreApplication.translate(
        "BackupWarning", "The last good backup is %n day(s) old. Make a backup today (Administration → Backups).",
        "", days)
