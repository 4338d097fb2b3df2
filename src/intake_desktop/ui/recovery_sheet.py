"""The printed recovery-key sheet, rendered straight to a QPrinter (never to a temp file)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter

from intake_desktop.domain.korean import format_date

GROUPS_PER_LINE = 5


def key_lines(recovery_key: str) -> list[str]:
    """'ABCD-EFGH-…' -> lines of five space-separated groups, as shown and printed."""
    groups = [group for group in recovery_key.replace(" ", "-").split("-") if group]
    return [
        "  ".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]


def sheet_html(centre_name: str, recovery_key: str, today: date | None = None) -> str:
    # Literal QCoreApplication.translate calls: lupdate only finds those (not an alias).
    title = QCoreApplication.translate("RecoverySheet", "intake-desktop recovery key")
    centre = QCoreApplication.translate("RecoverySheet", "Centre:")
    printed = QCoreApplication.translate("RecoverySheet", "Printed on:")
    advice = QCoreApplication.translate(
        "RecoverySheet",
        "This key opens every record in the vault. Keep this sheet locked away, separate from "
        "the computer, and never photograph it. An administrator needs it to set a new "
        "passphrase when theirs is forgotten.",
    )
    lines = "<br/>".join(escape(line) for line in key_lines(recovery_key))
    return f"""
<h2>{escape(title)}</h2>
<p>{escape(centre)} <b>{escape(centre_name)}</b><br/>
{escape(printed)} {escape(format_date(today or date.today()))}</p>
<p style="font-family: monospace; font-size: 20pt; font-weight: bold;">{lines}</p>
<p>{escape(advice)}</p>
"""


def print_recovery_sheet(printer: QPrinter, centre_name: str, recovery_key: str) -> None:
    document = QTextDocument()
    document.setHtml(sheet_html(centre_name, recovery_key))
    document.print_(printer)
