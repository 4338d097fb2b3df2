"""Saving the letters register (발송 대장) as Excel or CSV from the window's menu.

The register is read and written off the UI thread (services/register_export.py: format by the
extension chosen, atomic, owner-only); what happened is said in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.messages import describe_error


def save_register(parent: QWidget, session, say: Callable[[str], None]) -> None:
    """Ask where, then write every letter of the register this account may see."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = QCoreApplication.translate("RegisterSave", "letters-register") + ".xlsx"
    excel = QCoreApplication.translate("RegisterSave", "Excel workbooks (*.xlsx)")
    csv = QCoreApplication.translate("RegisterSave", "CSV files (*.csv)")
    caption = QCoreApplication.translate("RegisterSave", "Save the letters register")
    path, chosen = QFileDialog.getSaveFileName(parent, caption, str(Path(folder) / name) if folder else name,
                                               f"{excel};;{csv}")
    if not path:
        return
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))

    def work() -> tuple[int, Path]:
        from intake_desktop.services.register_export import write_register

        entries = session.letters.register()
        write_register(entries, target)
        return len(entries), target

    def done(result: tuple[int, Path]) -> None:
        count, written = result
        say(QCoreApplication.translate("RegisterSave", "{count} letter(s) of the register saved to {path}.")
            .format(count=count, path=str(written)))

    say(QCoreApplication.translate("RegisterSave", "Writing the letters register…"))
    run_in_background(work, on_success=done, on_failure=lambda error: say(describe_error(error)))
