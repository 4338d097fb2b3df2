"""A real print system: CUPS with a cups-pdf queue (tests/printing/cups_setup.sh, run by .ci/run).

A letter and a consent form are printed through the app's own print code (the command line's
--print, and the call the print dialog makes) and the result is checked as it came out of CUPS:
A4, one page per page of the saved PDF, the same layout (pages rendered and compared), and the
document CUPS spooled is the very PDF (vector text, Korean extractable). While each job is sent,
the temporary folder is watched with inotify: nothing may appear there, not even for an instant.

Without CUPS these tests skip on a developer's machine, and FAIL under CI=true.
"""

from __future__ import annotations

import io
import os
import time

import pypdf
import pytest

from intake_desktop.printing import PrintJob
from cupskit import QUEUE, assert_printed_like, cups_out, job_number, printed_file, spooled  # noqa: F401
from printkit import FolderWatch, sample_letter
from letterkit import REASON, give_consent, make_case, pdf_text, world  # noqa: F401 - `world` is a fixture

CANARY = "카나리아QX7Z"


@pytest.fixture
def letter_case(world, cups_out):
    admin = world.login("admin")
    case_id, printed = make_case(admin)
    give_consent(admin, case_id, "welfare", ["name", "mobile"])
    number = admin.cases.get(case_id).case_number
    world.close()
    return number, printed


def test_cli_prints_a_letter_through_cups_and_nothing_touches_the_temp_folder(
        cli, world, letter_case, cups_out, private_tmp, tmp_path):
    number, printed = letter_case
    with FolderWatch(private_tmp, CANARY.encode()) as watch:
        result = cli("letter", "--user", "admin", "--case", number, "--to", "welfare", "--print",
                     "--printer", QUEUE, "--reason", f"{REASON} {CANARY}", "--reply-by", "2025-06-03",
                     data_dir=world.path)
        assert result.code == 0, result.err
        job = job_number(result.out.split("(job ")[1].split(")")[0])
        output = printed_file(cups_out, job)
    assert watch.events == [] and not watch.canary_seen, f"written to the temp folder: {watch.events}"

    # The letter is in the register; its saved copy is what was printed.
    saved = tmp_path / "saved.pdf"
    again = cli("letter-reprint", "--user", "admin", "--letter", "기지개-1", "--out", str(saved), data_dir=world.path)
    assert again.code == 0, again.err
    letter = saved.read_bytes()
    assert CANARY in pdf_text(letter) and printed["name"] in pdf_text(letter)
    assert_printed_like(output, letter, tmp_path)
    document = spooled(job)
    if document is not None or os.environ.get("CI") == "true":
        assert document == letter  # CUPS got the PDF itself: vector text, nothing rasterised
        assert CANARY in pdf_text(document) and "연계의뢰" in pdf_text(document)


def test_cli_prints_a_consent_form(cli, world, letter_case, cups_out, private_tmp, tmp_path):
    number, _printed = letter_case
    with FolderWatch(private_tmp) as watch:
        result = cli("consent-form", "--user", "admin", "--case", number, "--print", "--printer", QUEUE,
                     data_dir=world.path)
        assert result.code == 0, result.err
        job = job_number(result.out.split("(job ")[1].split(")")[0])
        output = printed_file(cups_out, job)
    assert watch.events == []
    saved = tmp_path / "consent.pdf"
    assert cli("consent-form", "--user", "admin", "--case", number, "--out", str(saved),
               data_dir=world.path).code == 0
    assert_printed_like(output, saved.read_bytes(), tmp_path)


def test_the_dialogs_print_call_sends_the_pdf_itself(qapp, cups_out, private_tmp, tmp_path):
    """ui.letters.printing.send — what the print dialog's 인쇄 runs — with a multi-page letter."""
    from intake_desktop.ui.letters import printing

    pdf = sample_letter(extra_notes=14)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 5
    [queue] = [p for p in printing.system_printing().printers() if p.name == QUEUE]
    assert queue.is_file_printer and "A4" in queue.papers
    with FolderWatch(private_tmp) as watch:
        job = job_number(printing.send(pdf, PrintJob(QUEUE, title=printing.job_title())))
        output = printed_file(cups_out, job)
    assert watch.events == []
    assert_printed_like(output, pdf, tmp_path)
    document = spooled(job)
    if document is not None:
        assert document == pdf


def test_the_watch_sees_what_qts_own_print_engine_leaves_in_the_temp_folder(qapp, cups_out, private_tmp):
    """The old path (QPrinter to a CUPS queue) spools the job through $TMPDIR: the watch must see
    it, or the tests above would prove nothing."""
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    if QUEUE not in QPrinterInfo.availablePrinterNames():
        pytest.skip("Qt's CUPS print plugin is not available here")
    printer = QPrinter(QPrinterInfo.printerInfo(QUEUE))
    with FolderWatch(private_tmp) as watch:
        painter = QPainter(printer)
        painter.drawText(100, 100, CANARY)
        painter.end()
        time.sleep(0.5)
    assert watch.events, "Qt's print engine wrote nothing to $TMPDIR: the watch may be blind"



def test_an_unknown_printer_is_refused_before_the_letter_is_issued(cli, world, letter_case, cups_out):
    number, _printed = letter_case
    result = cli("letter", "--user", "admin", "--case", number, "--to", "welfare", "--print", "--printer", "Nope",
                 "--reason", REASON, data_dir=world.path)
    assert result.code == 2 and QUEUE in result.err
    world.reopen()
    assert world.login("admin").letters.register() == []
