"""Centre mode on a main window: one call wires the controller, the status-bar piece and the dialog.

The main window only calls `attach_sync(window)` once its status bar, change bridge and lock
screen exist; everything else about sync stays in ui/sync. It expects of the window: `session`,
`status` (a QStatusBar), `changes` (ui/change_bridge.py), `lock_screen.unlocked`, `open_case(id)`.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from intake_desktop.ui.kit.lock_guard import forget_on_lock
from intake_desktop.ui.sync.controller import SyncController
from intake_desktop.ui.sync.server_dialog import CentreServerDialog
from intake_desktop.ui.sync.status_piece import SyncStatusPiece


class WindowSync:
    """What one window holds for centre mode (kept as `window.sync`)."""

    def __init__(self, window) -> None:
        self.window = window
        self.controller = SyncController(window.session, window)
        self.piece = SyncStatusPiece(self.controller)
        self.piece.open_requested.connect(self.open_dialog)
        self.dialog: CentreServerDialog | None = None
        window.status.add_piece(self.piece)
        window.changes.changed.connect(lambda _topics, _cases: self.controller.local_change())
        window.lock_screen.unlocked.connect(self.controller.start)
        # Through the piece's life: a listener must not outlive the window it belongs to.
        forget_on_lock(window.session, self.piece, lambda _piece: self.controller.stop())
        QTimer.singleShot(0, self.controller.start)  # signed in just now: the first round

    def open_dialog(self) -> CentreServerDialog:
        dialog = self.dialog
        if dialog is None or not dialog.isVisible():
            dialog = self.dialog = CentreServerDialog(self.window.session, self.controller, self.window)
            dialog.open_case.connect(self.window.open_case)
            forget_on_lock(self.window.session, dialog, lambda d: d.done(QDialog.DialogCode.Rejected))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog


def attach_sync(window) -> WindowSync:
    """Centre mode for this window (the piece stays hidden while no server is set up)."""
    return WindowSync(window)
