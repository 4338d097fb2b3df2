"""What the print dialog and the command line talk about: printers, a job's options, errors."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E

MAX_COPIES = 99
DEFAULT_PAPER = "A4"  # letters and consent forms are A4 documents
# The job's name in the queue, seen by anyone at the printer: never a person's name.
JOB_TITLE = "document"

# Device URI schemes that write a file instead of putting ink on paper (cups-pdf writes into the
# user's home folder): fine for a letter, not for the recovery key.
FILE_SCHEMES = ("cups-pdf", "file", "pdf", "pdf-writer")
# Windows gives no device URI to Qt: the drivers that write files have these names.
FILE_PRINTER_NAMES = ("pdf", "xps", "onenote", "fax", "print to file")

MSG_PRINT_FAILED = QT_TRANSLATE_NOOP(
    "Errors", "The printer could not be started. Check that it is switched on and try again."
)
MSG_PRINT_REFUSED = QT_TRANSLATE_NOOP(
    "Errors", "The print system did not take the document. Check the printer and try again. ({detail})"
)
MSG_NO_PRINT_SYSTEM = QT_TRANSLATE_NOOP(
    "Errors", "No print system was found on this computer (the lp command of CUPS is missing)."
)
MSG_UNKNOWN_PRINTER = QT_TRANSLATE_NOOP(
    "Errors", "There is no printer named {name}. The printers here: {names}."
)
MSG_NO_PRINTER = QT_TRANSLATE_NOOP(
    "Errors", "No printer is set up on this computer, and none is chosen as the default."
)
MSG_CHOOSE_PRINTER = QT_TRANSLATE_NOOP(
    "Errors", "Several printers are set up and none is the default: choose one ({names})."
)
MSG_BAD_COPIES = QT_TRANSLATE_NOOP("Errors", "Copies must be between 1 and {most}.")


class PrintError(E.ServiceError):
    message = MSG_PRINT_FAILED


class Sides(str, Enum):
    """IPP's names (CUPS maps them to the driver's Duplex option)."""

    ONE_SIDED = "one-sided"
    LONG_EDGE = "two-sided-long-edge"
    SHORT_EDGE = "two-sided-short-edge"


@dataclass(frozen=True)
class Printer:
    name: str
    description: str = ""
    location: str = ""
    is_default: bool = False
    device_uri: str = ""
    sides: tuple[Sides, ...] = (Sides.ONE_SIDED,)
    default_sides: Sides = Sides.ONE_SIDED
    papers: tuple[str, ...] = (DEFAULT_PAPER,)

    @property
    def is_file_printer(self) -> bool:
        """True when "printing" only writes a file somewhere (cups-pdf, Microsoft Print to PDF…)."""
        scheme = self.device_uri.split(":", 1)[0].lower() if ":" in self.device_uri else ""
        if scheme:
            return scheme in FILE_SCHEMES
        name = f"{self.name} {self.description}".lower()
        return any(word in name for word in FILE_PRINTER_NAMES)

    @property
    def has_duplex(self) -> bool:
        return any(side is not Sides.ONE_SIDED for side in self.sides)


@dataclass(frozen=True)
class PrintJob:
    printer: str
    copies: int = 1
    sides: Sides = Sides.ONE_SIDED
    paper: str = DEFAULT_PAPER
    title: str = JOB_TITLE

    def __post_init__(self) -> None:
        object.__setattr__(self, "sides", Sides(self.sides))  # Qt item data hands back the plain text
        if not 1 <= self.copies <= MAX_COPIES:
            raise E.UsageError(MSG_BAD_COPIES, most=MAX_COPIES)


def choose_printer(printers: list[Printer], name: str | None) -> Printer:
    """The printer called `name`, else the default one (UsageError naming the choices)."""
    if name:
        for printer in printers:
            if printer.name == name:
                return printer
        raise E.UsageError(MSG_UNKNOWN_PRINTER, name=name,
                           names=", ".join(p.name for p in printers) or "—")
    for printer in printers:
        if printer.is_default:
            return printer
    if len(printers) == 1:
        return printers[0]
    if printers:
        raise E.UsageError(MSG_CHOOSE_PRINTER, names=", ".join(p.name for p in printers))
    raise PrintError(MSG_NO_PRINTER)
