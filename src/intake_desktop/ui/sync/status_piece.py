"""The status bar's sync piece: when the last sync was, how many changes wait, conflicts.

Hidden when this PC has no centre server. Shows the controller's newest local facts (read off the
UI thread, no network) and its last outcome; clicking it opens the Centre server dialog.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from intake_desktop.letters.formatting import format_datetime
from intake_desktop.services.sync.errors import HubUnreachableError
from intake_desktop.ui.messages import describe_error
from intake_desktop.ui.sync.controller import SyncController

REFRESH_MS = 30_000  # "3 min ago" keeps counting between rounds

ALERT = "color: #b03a2e;"


class SyncStatusPiece(QToolButton):
    open_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None,
                 clock=lambda: datetime.now().astimezone()) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clock = clock
        self.setAutoRaise(True)
        self.setObjectName("sync_status")
        self.clicked.connect(self.open_requested)
        controller.started.connect(self.refresh)
        controller.finished.connect(self.refresh)
        controller.status_changed.connect(self.refresh)
        self.ticker = QTimer(self)
        self.ticker.setInterval(REFRESH_MS)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()
        self.refresh()

    def refresh(self) -> None:
        if not self.controller.configured:
            self.setVisible(False)
            return
        status = self.controller.facts
        if status is None or not status.configured:  # facts not read yet (just unlocked)
            self.setText(self.tr("Syncing…"))
            self.setVisible(self.controller.running)
            return
        text, alert = self.describe(status)
        self.setText(text)
        self.setStyleSheet(ALERT if alert else "")
        tip = self.tr("Centre server: {server}\nClick for details and conflicts.").format(server=status.server)
        last = self.controller.last
        if last is not None and last.error is not None:
            tip = describe_error(last.error) + "\n\n" + tip  # the whole sentence: what happened, what to do
        self.setToolTip(tip)
        self.setAccessibleName(text)
        self.setVisible(True)

    def describe(self, status) -> tuple[str, bool]:
        """The piece's text, and whether it asks for attention."""
        last = self.controller.last
        parts: list[str] = []
        alert = False
        if self.controller.running:
            parts.append(self.tr("Syncing…"))
        elif last is not None and last.error is not None:
            alert = True
            if last.refused:
                parts.append(self.tr("Sync stopped: the server needs checking"))
            elif isinstance(last.error, HubUnreachableError):
                parts.append(self.tr("Server not reachable"))
            else:
                parts.append(self.tr("Sync failed"))
        if not parts or self.controller.running:
            parts.append(self._when(status.last_sync_at))
        if status.waiting:
            parts.append(self.tr("%n change(s) waiting", "", status.waiting))
        if status.conflicts:
            alert = True
            parts.append(self.tr("%n conflict(s) to choose", "", status.conflicts))
        return " · ".join(parts), alert

    def _when(self, at: datetime | None) -> str:
        if at is None:
            return self.tr("Not synced yet")
        minutes = int((self.clock() - at).total_seconds() // 60)
        if minutes < 1:
            return self.tr("Synced just now")
        if minutes < 60:
            return self.tr("Synced %n min ago", "", minutes)
        return self.tr("Last synced {when}").format(when=format_datetime(at.astimezone()))
