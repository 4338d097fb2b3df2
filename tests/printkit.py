"""Test helpers for printing: a print system that records what it was given, and a watch on a
folder that notices any file appearing in it, however briefly (inotify, Linux)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import struct
import threading
from pathlib import Path

from intake_desktop.printing import Printer, PrintJob, Sides


class FakePrintSystem:
    """Stands in for CUPS in UI tests: lists `printers`, records every (pdf, job) sent."""

    def __init__(self, printers: list[Printer] | None = None) -> None:
        self._printers = printers if printers is not None else [
            Printer("Office", "사무실 프린터", "2층", is_default=True, device_uri="ipp://printer.local/ipp/print",
                    sides=(Sides.ONE_SIDED, Sides.LONG_EDGE), papers=("A4", "Letter")),
            Printer("PDF", "PDF", device_uri="cups-pdf:/"),
        ]
        self.sent: list[tuple[bytes, PrintJob]] = []

    def printers(self) -> list[Printer]:
        return list(self._printers)

    def print_pdf(self, pdf: bytes, job: PrintJob) -> str:
        self.sent.append((bytes(pdf), job))
        return f"{job.printer}-{len(self.sent)}"


# -- inotify -------------------------------------------------------------------------------------
IN_CREATE, IN_MOVED_TO, IN_CLOSE_WRITE, IN_MODIFY = 0x100, 0x80, 0x8, 0x2
_EVENT = struct.Struct("iIII")


class FolderWatch:
    """Everything created, moved into or written in `folder` while the watch runs (names), read by
    a thread from inotify: a file that exists for a millisecond is still seen. The contents of
    anything seen are also read at once and searched for `canary`."""

    def __init__(self, folder: Path, canary: bytes = b"") -> None:
        self.folder = Path(folder)
        self.canary = canary
        self.events: list[str] = []
        self.canary_seen = False
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        self._fd = libc.inotify_init1(os.O_NONBLOCK)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        mask = IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_MODIFY
        if libc.inotify_add_watch(self._fd, str(self.folder).encode(), mask) < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "FolderWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(5)
        self._drain()
        os.close(self._fd)

    def _run(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._fd], [], [], 0.05)
            if ready:
                self._drain()

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size: offset + _EVENT.size + length].rstrip(b"\0").decode()
                offset += _EVENT.size + length
                self.events.append(name)
                self._look_inside(self.folder / name)

    def _look_inside(self, path: Path) -> None:
        if not self.canary:
            return
        try:
            if self.canary in path.read_bytes():
                self.canary_seen = True
        except OSError:
            pass  # already gone: the event itself is what fails the test


def sample_letter(extra_notes: int = 0) -> bytes:
    """A welfare letter made of the made-up sample data; `extra_notes` lines of 기타 make it longer
    (14 give five pages)."""
    from dataclasses import replace

    from intake_desktop.letters import samples as S
    from intake_desktop.letters.compose import compose_letter
    from intake_desktop.letters.render import render_letter
    from intake_desktop.letters.templates import load_template

    details = S.SAMPLE_DETAILS_BY_KIND["welfare"]
    if extra_notes:
        details = replace(details, notes=("긴 기타 사항입니다. " * 40 + "\n") * extra_notes)
    content = compose_letter(load_template("welfare"), S.SAMPLE_RECIPIENTS["welfare"], S.SAMPLE_SENDER,
                             S.SAMPLE_FACTS, S.SAMPLE_FIELD_META, S.sample_consent()["welfare"], True, details,
                             7, S.SAMPLE_ISSUE_DATE, S.SAMPLE_SIGNATORIES)
    return render_letter(content)
