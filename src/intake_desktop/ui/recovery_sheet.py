"""The printed recovery-key sheet: translated wording, rendered as a PDF in memory
(letters/recovery_sheet.py) and handed to the print system — never to a file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from intake_desktop.domain import dates
from intake_desktop.domain.korean import format_date
from intake_desktop.letters.recovery_sheet import SheetWording, key_lines, render_recovery_sheet

__all__ = ["key_lines", "recovery_sheet_pdf"]


def recovery_sheet_pdf(centre_name: str, recovery_key: str, today: date | None = None) -> bytes:
    day = today or dates.today()
    # Literal QCoreApplication.translate calls: lupdate only finds those (not an alias).
    wording = SheetWording(
        title=QCoreApplication.translate("RecoverySheet", "intake-desktop recovery key"),
        centre_line=QCoreApplication.translate("RecoverySheet", "Centre: {centre}").format(centre=centre_name),
        printed_line=QCoreApplication.translate("RecoverySheet", "Printed on: {date}").format(
            date=format_date(day)),
        advice=QCoreApplication.translate(
            "RecoverySheet",
            "This key opens every record in the vault. Keep this sheet locked away, separate from "
            "the computer, and never photograph it. An administrator needs it to set a new "
            "passphrase when theirs is forgotten.",
        ),
    )
    return render_recovery_sheet(recovery_key, wording, day)
