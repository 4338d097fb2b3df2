"""Printing without leaving the document anywhere but the print system's own spool.

Qt-free (services level): the printer list, the job's options and the hand-over to CUPS live
here and are tested without Qt; `ui/letters/printing.py` has the dialog and, on Windows (no
CUPS), the Qt path that renders to the printer device. See docs/letters.md, "Printing".
"""

from intake_desktop.printing.cups import CupsPrinting, lp_command
from intake_desktop.printing.model import (
    MAX_COPIES, Printer, PrintError, PrintJob, Sides, choose_printer,
)

__all__ = ["CupsPrinting", "MAX_COPIES", "Printer", "PrintError", "PrintJob", "Sides", "choose_printer",
           "lp_command"]
