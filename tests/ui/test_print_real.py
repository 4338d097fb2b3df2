"""The app's windows printing on a real CUPS (tests/cupskit.py: skips without it, fails under
CI=true): the letter dialog's 인쇄 to the cups-pdf queue, and the recovery key to the
"office printer" queue, each with an inotify watch on $TMPDIR (and the home folder) during the job.
Qt's print plugin is also asked for the same printers: the listing code Windows runs."""

from __future__ import annotations

import io
import os

import pypdf
from PySide6.QtWidgets import QDialog

from cupskit import (  # noqa: F401 - cups_out is a fixture
    QUEUE, RELAY, assert_printed_like, cups_out, last_job, next_job, printed_file, spooled,
)
from intake_desktop.printing import Sides
from intake_desktop.ui.letters import printing
from intake_desktop.ui.letters.print_dialog import PrintDialog
from printkit import FolderWatch

from .letter_helpers import REASON, case_id, letter_ready, settle, temp_listing  # noqa: F401 - fixtures
from .windows import created_wizard


class Press:
    """Stands in for the user: in the print dialog picks `name` and presses 인쇄, noting what the
    folder watches had seen up to that instant (opening the dialog lets lpoptions copy each
    printer's PPD into $TMPDIR; from 인쇄 on, nothing may appear)."""

    def __init__(self, monkeypatch, name: str) -> None:
        self.name, self.offered, self.watches, self.at_press = name, [], [], []
        monkeypatch.setattr(PrintDialog, "exec", lambda dialog: self.exec_(dialog))

    def exec_(self, dialog) -> QDialog.DialogCode:
        self.offered = [dialog.printer_box.itemData(i) for i in range(dialog.printer_box.count())]
        index = dialog.printer_box.findData(self.name)
        assert index >= 0, f"{self.name} not offered"
        dialog.printer_box.setCurrentIndex(index)
        self.at_press = [len(watch.events) for watch in self.watches]
        return QDialog.DialogCode.Accepted

    def after_press(self, watch: FolderWatch) -> list[str]:
        return watch.events[self.at_press[self.watches.index(watch)]:]

    def before_press(self, watch: FolderWatch) -> list[str]:
        return watch.events[:self.at_press[self.watches.index(watch)]]


def test_letter_dialog_prints_on_cups_and_nothing_touches_the_temp_folder(
        qtbot, signed_in, case_id, cups_out, temp_listing, tmp_path, monkeypatch):
    dialog = letter_ready(qtbot, signed_in, case_id)
    press = Press(monkeypatch, QUEUE)
    before = last_job(QUEUE)
    with FolderWatch(tmp_path / "system-temp", REASON.encode()) as watch:
        press.watches = [watch]
        dialog.print_letter()
        settle(qtbot)
        assert dialog.issued is not None, dialog.error.text()
        job = next_job(QUEUE, before)
        output = printed_file(cups_out, job)
    assert press.after_press(watch) == [], f"written to the temp folder: {watch.events}"
    assert len(set(press.before_press(watch))) <= len(press.offered) and not watch.canary_seen  # PPDs
    assert [e.number for e in signed_in.letters.register(case_id)] == [dialog.issued.number]
    assert_printed_like(output, dialog.issued.pdf, tmp_path)
    document = spooled(job)
    if document is not None or os.environ.get("CI") == "true":
        assert document == dialog.issued.pdf


def test_recovery_key_prints_on_an_office_printer_and_never_on_cups_pdf(
        qtbot, data_dir, cups_out, tmp_path, monkeypatch):
    home, temp = tmp_path / "home", tmp_path / "system-temp"
    home.mkdir()
    temp.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(temp))
    press = Press(monkeypatch, RELAY)
    wizard = created_wizard(qtbot, data_dir)
    page = wizard.key_page
    before, before_out = last_job(RELAY), last_job(QUEUE)
    with FolderWatch(temp) as watch_temp, FolderWatch(home) as watch_home:
        press.watches = [watch_temp, watch_home]
        page.ask_to_print()
        job = next_job(RELAY, before)
        output = printed_file(cups_out, next_job(QUEUE, before_out))
    assert QUEUE not in press.offered and RELAY in press.offered  # cups-pdf is a file printer: not offered
    assert press.after_press(watch_temp) == [] and watch_home.events == [] and list(home.iterdir()) == []
    assert RELAY in page.print_status.text()
    printed = pypdf.PdfReader(str(output))
    assert len(printed.pages) == 1
    document = spooled(job)
    if document is not None:
        text = "".join("".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(document)).pages).split())
        assert page.recovery_key.replace("-", "") in text and "복구키" in text
    wizard.created_vault.close()


def test_qts_printer_list_the_windows_path_uses_sees_the_same_printers(qapp, cups_out):
    by_name = {p.name: p for p in printing.QtPrinting().printers()}
    assert {QUEUE, RELAY} <= set(by_name)
    assert Sides.LONG_EDGE in by_name[RELAY].sides  # its driver has Duplex
    assert by_name[QUEUE].sides == (Sides.ONE_SIDED,)
