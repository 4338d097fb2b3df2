"""Status bar: who is signed in (and as what), the auto-lock countdown, Lock and Settings."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from intake_desktop.services.session import Session
from intake_desktop.ui.labels import role_label


class SessionStatusBar(QStatusBar):
    def __init__(self, session: Session, lock_action: QAction, settings_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account_label = QLabel(self.tr("Signed in: {name} ({username}) · {role}").format(
            name=session.display_name, username=session.username, role=role_label(session.role)
        ))
        self.idle_label = QLabel()
        self.idle_label.setToolTip(self.tr("Locks by itself after this much time without input."))
        self.lock_button = QToolButton()
        self.lock_button.setDefaultAction(lock_action)
        self.settings_button = QToolButton()
        self.settings_button.setDefaultAction(settings_action)
        self.addWidget(self.account_label)
        self.addPermanentWidget(self.idle_label)
        self.addPermanentWidget(self.settings_button)
        self.addPermanentWidget(self.lock_button)

    def add_piece(self, widget: QWidget) -> None:
        """A piece of state (e.g. the centre sync) shown first among the permanent widgets, left of
        the auto-lock countdown. Qt counts the index over all widgets, the normal ones first: index
        1 is just after the account label (0 is out of range and Qt appends at the end instead)."""
        self.insertPermanentWidget(1, widget)

    def show_remaining(self, seconds: int) -> None:
        minutes, seconds = divmod(max(0, seconds), 60)
        self.idle_label.setText(self.tr("Auto-lock in {minutes}:{seconds:02d}").format(minutes=minutes, seconds=seconds))

    def show_locked(self) -> None:
        self.idle_label.setText(self.tr("Locked"))
