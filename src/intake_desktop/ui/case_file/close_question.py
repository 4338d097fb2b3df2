""""This case has unsaved changes" when a case file is closed: keep them as a draft (stored
encrypted, restored when the case is opened again), discard them, or go back."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_about_unsaved(parent: QWidget, title: str, on_keep: Callable[[], None],
                      on_discard: Callable[[], None]) -> QMessageBox:
    """Ask without a nested event loop (open, not exec); the answer calls back."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CloseQuestion", "Unsaved changes"))
    box.setText(QCoreApplication.translate("CloseQuestion", "{case} has changes that are not saved.").format(case=title))
    box.setInformativeText(QCoreApplication.translate("CloseQuestion",
        "Keep them as a draft (stored encrypted; they come back when you open the case again), "
        "or discard them?"))
    keep = box.addButton(QCoreApplication.translate("CloseQuestion", "Keep as draft"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("CloseQuestion", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("CloseQuestion", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)

    def answered(_result: int) -> None:
        box.finished.disconnect(answered)  # a later done() (e.g. while locking) is no new answer
        clicked = box.clickedButton()
        if clicked is keep:
            on_keep()
        elif clicked is discard:
            on_discard()

    box.finished.connect(answered)
    box.open()
    return box
