"""The CUPS side without a print system: reading lpstat/lpoptions output, building the lp call,
choosing the printer. Output samples are what CUPS 2.4 prints with LC_ALL=C.UTF-8."""

from __future__ import annotations

import pytest

from intake_desktop.printing import CupsPrinting, Printer, PrintError, PrintJob, Sides, choose_printer, lp_command
from intake_desktop.printing import cups
from intake_desktop.services import errors as E

LPSTAT_E = "Office_2F\nIntakeTestPDF\n"
LPSTAT_D = "system default destination: Office_2F\n"
LPSTAT_V = ("device for Office_2F: ipp://192.168.0.20/ipp/print\n"
            "device for IntakeTestPDF: cups-pdf:/\n")
LPSTAT_LP = """printer Office_2F is idle.  enabled since Wed Dec  2 13:06:19 2026
\tForm mounted:
\tDescription: 2층 상담실 복합기
\tAlerts: none
\tLocation: 2층 복도
\tConnection: direct
printer IntakeTestPDF is idle.  enabled since Wed Dec  2 13:06:19 2026
\tDescription: PDF
\tLocation:
"""
OPTIONS_DUPLEX = """PageSize/Page Size: Letter Letter.Fullbleed *A4 A4.Fullbleed A5 B5 Legal
Duplex/Double-Sided Printing: None *DuplexNoTumble DuplexTumble
Resolution/Resolution: 300dpi *600dpi 1200dpi
"""
OPTIONS_PDF = """PageSize/Page Size: Custom.WIDTHxHEIGHT 11x14 A3 *A4 A5 Letter
Resolution/Output Resolution: 150dpi *300dpi 600dpi 1200dpi 2400dpi
"""


class FakeTools:
    """Answers like the CUPS tools; records every call and what went to standard input."""

    def __init__(self, lp_status: int = 0, lp_err: str = "", destinations: str = LPSTAT_E) -> None:
        self.calls: list[tuple[list[str], bytes | None]] = []
        self.lp_status, self.lp_err, self.destinations = lp_status, lp_err, destinations

    def __call__(self, argv: list[str], stdin: bytes | None) -> tuple[int, str, str]:
        self.calls.append((argv, stdin))
        match argv:
            case ["lpstat", "-e"]:
                return 0, self.destinations, ""
            case ["lpstat", "-d"]:
                return 0, LPSTAT_D, ""
            case ["lpstat", "-v"]:
                return 0, LPSTAT_V, ""
            case ["lpstat", "-l", "-p"]:
                return 0, LPSTAT_LP, ""
            case ["lpoptions", "-p", "Office_2F", "-l"]:
                return 0, OPTIONS_DUPLEX, ""
            case ["lpoptions", "-p", _, "-l"]:
                return 0, OPTIONS_PDF, ""
            case ["lp", *_]:
                return self.lp_status, "request id is Office_2F-41 (0 file(s))\n" if not self.lp_status else "", \
                    self.lp_err
        raise AssertionError(argv)


def test_printers_are_read_with_description_device_duplex_and_paper():
    office, pdf = CupsPrinting(FakeTools()).printers()
    assert office == Printer(
        name="Office_2F", description="2층 상담실 복합기", location="2층 복도", is_default=True,
        device_uri="ipp://192.168.0.20/ipp/print", sides=(Sides.ONE_SIDED, Sides.LONG_EDGE, Sides.SHORT_EDGE),
        default_sides=Sides.LONG_EDGE, papers=("A4", "Letter", "B5", "A5", "Legal"))
    assert office.has_duplex and not office.is_file_printer
    assert pdf.name == "IntakeTestPDF" and pdf.is_file_printer and not pdf.has_duplex and not pdf.is_default
    assert pdf.sides == (Sides.ONE_SIDED,) and pdf.papers == ("A4", "Letter", "A5") and pdf.location == ""


def test_no_destinations_or_no_scheduler_is_an_empty_list():
    assert CupsPrinting(FakeTools(destinations="")).printers() == []
    assert CupsPrinting(lambda argv, stdin: (1, "", "lpstat: Scheduler is not running.")).printers() == []


def test_the_pdf_goes_to_lp_on_standard_input_and_the_job_id_comes_back():
    tools = FakeTools()
    pdf = b"%PDF-1.4 ... the letter ..."
    job = PrintJob("Office_2F", copies=2, sides=Sides.LONG_EDGE, title="문서")
    assert CupsPrinting(tools).print_pdf(pdf, job) == "Office_2F-41"
    [(argv, stdin)] = tools.calls
    assert stdin == pdf
    assert argv == ["lp", "-d", "Office_2F", "-n", "2", "-t", "문서", "-o", "media=A4",
                    "-o", "sides=two-sided-long-edge"]
    assert not any(arg.endswith(".pdf") or arg.startswith("/") for arg in argv)  # no file named: stdin


def test_other_paper_is_fitted_not_cut():
    assert lp_command(PrintJob("P", paper="Letter"))[-2:] == ["-o", "fit-to-page"]
    assert "fit-to-page" not in lp_command(PrintJob("P"))


def test_a_refused_job_is_a_print_error_with_lps_reason():
    tools = FakeTools(lp_status=1, lp_err="lp: The printer or class does not exist.\n")
    with pytest.raises(PrintError) as raised:
        CupsPrinting(tools).print_pdf(b"%PDF", PrintJob("Gone"))
    assert "does not exist" in str(raised.value) and raised.value.exit_code == E.EXIT_FAILURE


def test_without_cups_tools_the_error_says_so(monkeypatch):
    monkeypatch.setattr(cups.shutil, "which", lambda name: None)
    with pytest.raises(PrintError) as raised:
        cups.run_tool(["lp", "-d", "x"], b"%PDF")
    assert "lp" in str(raised.value)


def test_tools_run_in_the_c_locale_so_their_output_can_be_read(monkeypatch):
    seen = {}

    def fake_run(argv, **kwargs):
        seen.update(kwargs)

        class Done:
            returncode, stdout, stderr = 0, b"request id is P-1 (0 file(s))", b""
        return Done()

    monkeypatch.setattr(cups.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(cups.subprocess, "run", fake_run)
    assert cups.run_tool(["lp"], b"%PDF")[1].startswith("request id")
    assert seen["env"]["LC_ALL"] == "C.UTF-8" and seen["input"] == b"%PDF" and seen["timeout"] > 0


@pytest.mark.parametrize("copies", [0, -1, 100])
def test_copies_out_of_range_are_refused(copies):
    with pytest.raises(E.UsageError):
        PrintJob("P", copies=copies)


def test_choosing_the_printer():
    office, pdf = CupsPrinting(FakeTools()).printers()
    assert choose_printer([office, pdf], None) is office         # the default
    assert choose_printer([office, pdf], "IntakeTestPDF") is pdf
    assert choose_printer([pdf], None) is pdf                     # the only one
    with pytest.raises(E.UsageError) as unknown:
        choose_printer([office, pdf], "Nope")
    assert "Office_2F" in str(unknown.value)
    with pytest.raises(E.UsageError):                             # several, none default
        choose_printer([pdf, Printer("Other")], None)
    with pytest.raises(PrintError):
        choose_printer([], None)


@pytest.mark.parametrize(("printer", "is_file"), [
    (Printer("PDF", device_uri="cups-pdf:/"), True),
    (Printer("Out", device_uri="file:///tmp/out.prn"), True),
    (Printer("Office", device_uri="ipp://10.0.0.2/ipp/print"), False),
    (Printer("Office", device_uri="usb://Brother/HL-L2350DW"), False),
    (Printer("Microsoft Print to PDF"), True),                    # Windows: no URI, the name tells
    (Printer("Microsoft XPS Document Writer"), True),
    (Printer("Brother HL-L2350DW series"), False),
])
def test_file_printers_are_recognised(printer, is_file):
    assert printer.is_file_printer is is_file


def test_parsers_ignore_noise():
    assert cups.parse_destinations("a\n\nlpstat: something odd\n b \n") == ["a", "b"]
    assert cups.parse_default("no system default destination\n") is None
    assert cups.parse_job_id("garbage") == ""
    assert cups.sides_from_options(cups.parse_options("Duplex/2-Sided: *None\n")) == ((Sides.ONE_SIDED,),
                                                                                    Sides.ONE_SIDED)
