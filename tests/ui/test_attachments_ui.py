"""The 첨부 문서 tab, the in-app viewer, the consent tab's signed-scan column and the letter
screen's scan summary (services/attachments.py underneath)."""

from __future__ import annotations

import io
import os
import tempfile
from datetime import date

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QDialog

from intake_desktop.services.consent import HowGiven
from intake_desktop.ui.attachments.tab import AttachmentsTab
from intake_desktop.ui.case_file.widget import CaseFileWidget
from intake_desktop.ui.kit import ask
from intake_desktop.ui.letters import ConsentTab, LetterDialog

from .screenshots import Shots, screen_language, screenshot_dir

TODAY = date(2026, 12, 2)


def make_pdf(text: str = "signed consent", pages: int = 2) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0, invariant=1)
    for page in range(pages):
        pdf.drawString(72, 720, f"{text} {page + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_png() -> bytes:
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e6da4"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


@pytest.fixture
def case_id(signed_in):
    from vaultkit import person

    return signed_in.cases.create(person("남궁하늘"))


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _tab(qtbot, session, case_id) -> AttachmentsTab:
    tab = AttachmentsTab(session, case_id)
    qtbot.addWidget(tab)
    return tab


def test_attach_view_and_save_without_a_temporary_file(qtbot, signed_in, case_id, tmp_path, private_tmp):
    pdf, png = make_pdf(), make_png()
    (tmp_path / "동의서.pdf").write_bytes(pdf)
    (tmp_path / "회신서.png").write_bytes(png)
    tab = _tab(qtbot, signed_in, case_id)
    assert tab.empty.isVisible() or tab.table.rowCount() == 0
    added = tab.attach_files([tmp_path / "동의서.pdf", tmp_path / "회신서.png"])
    assert len(added) == 2 and tab.table.rowCount() == 2
    tab.table.selectRow(0)
    viewer = tab.view_selected()
    assert viewer.content == pdf and viewer.shown_ok and viewer.pdf.page_count() == 2
    viewer.done(0)
    tab.table.selectRow(1)
    viewer = tab.view_selected()
    assert viewer.content == png and viewer.shown_ok and not viewer.image.pixmap().isNull()
    viewer.done(0)
    QThreadPool.globalInstance().waitForDone(5_000)
    assert os.listdir(private_tmp) == []  # QtPdf read from memory, images from bytes
    saved = tab.save_selected(tmp_path / "out.png")
    assert saved.read_bytes() == png


def test_dropping_files_attaches_them_and_a_wrong_file_is_named(qtbot, signed_in, case_id, tmp_path):
    (tmp_path / "scan.pdf").write_bytes(make_pdf())
    (tmp_path / "memo.pdf").write_bytes(b"just text, not a PDF")
    tab = _tab(qtbot, signed_in, case_id)
    tab.kind_box.setCurrentIndex(tab.kind_box.findData("reply"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "scan.pdf")), QUrl.fromLocalFile(str(tmp_path / "memo.pdf"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(event)
    assert [i.name for i in signed_in.attachments.list(case_id)] == ["scan.pdf"]
    assert signed_in.attachments.list(case_id)[0].kind == "reply"
    assert "memo.pdf" in tab.error.text()


def test_delete_asks_first(qtbot, signed_in, case_id, tmp_path, monkeypatch):
    (tmp_path / "scan.pdf").write_bytes(make_pdf())
    tab = _tab(qtbot, signed_in, case_id)
    tab.attach_files([tmp_path / "scan.pdf"])
    answers = iter([False, True])
    monkeypatch.setattr(ask, "confirm", lambda *a, **k: next(answers))
    assert tab.delete_selected() is False and tab.table.rowCount() == 1
    assert tab.delete_selected() is True and tab.table.rowCount() == 0
    assert signed_in.attachments.list(case_id) == []


def test_locking_closes_the_viewer_and_forgets_the_list(qtbot, signed_in, case_id, tmp_path):
    (tmp_path / "scan.pdf").write_bytes(make_pdf())
    tab = _tab(qtbot, signed_in, case_id)
    tab.attach_files([tmp_path / "scan.pdf"])
    viewer = tab.view_selected()
    signed_in.lock()
    assert viewer.result() == QDialog.DialogCode.Rejected and viewer.content == b""
    assert tab.table.rowCount() == 0 and tab.items == []


def test_the_consent_tab_shows_and_attaches_the_signed_scan(qtbot, signed_in, case_id, tmp_path):
    record = signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    tab = ConsentTab(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.select("collection")
    row = tab.rows.index(tab.selected_row())
    assert tab.table.item(row, 5).text() in ("첨부 안 됨", "Not attached")
    assert tab.scan_button.isEnabled()
    (tmp_path / "signed.pdf").write_bytes(make_pdf())
    assert tab.attach_scan(tmp_path / "signed.pdf")
    tab.select("collection")
    assert tab.table.item(row, 5).text() in ("첨부됨", "Attached")
    assert signed_in.attachments.scanned_consents(case_id) == {record.id}
    (only,) = signed_in.attachments.list(case_id)
    assert (only.kind, only.consent_id) == ("consent", record.id)


def test_the_letter_screen_says_which_consents_rest_on_a_scan(qtbot, signed_in, case_id, tmp_path):
    collection = signed_in.consent.record_collection(case_id, HowGiven(TODAY))
    signed_in.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", HowGiven(TODAY))
    (tmp_path / "signed.pdf").write_bytes(make_pdf())
    signed_in.attachments.attach(case_id, tmp_path / "signed.pdf", consent_id=collection.id)
    dialog = LetterDialog(signed_in, case_id, partner_id=signed_in.partners.get("welfare").id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.partner.setCurrentIndex(dialog.partner.findData(signed_in.partners.get("welfare").id))
    text = dialog.consent_label.text()
    lines = text.splitlines()
    scanned = next(line for line in lines if "서명 스캔본 첨부" in line or "Signed scan attached" in line)
    without = next(line for line in lines if "서명 스캔본 없이" in line or "without a signed scan" in line)
    assert ("수집" in scanned or "Collection" in scanned) and "동작이수사회복지관" not in scanned
    assert "동작이수사회복지관" in without or "welfare" in without.lower()


def test_the_case_file_has_the_tab(qtbot, signed_in, case_id):
    widget = CaseFileWidget(signed_in, case_id)
    qtbot.addWidget(widget)
    widget.show_tab("attachments")
    assert isinstance(widget.attachments.inner, AttachmentsTab)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshots(qtbot, qapp, signed_in, case_id, tmp_path, language):
    (tmp_path / "개인정보 수집 동의서.pdf").write_bytes(make_pdf(pages=1))
    (tmp_path / "회신서.png").write_bytes(make_png())
    with screen_language(qapp, language):
        shots = Shots(qtbot, screenshot_dir(tmp_path), language)
        record = signed_in.consent.record_collection(case_id, HowGiven(TODAY))
        signed_in.attachments.attach(case_id, tmp_path / "개인정보 수집 동의서.pdf", consent_id=record.id)
        signed_in.attachments.attach(case_id, tmp_path / "회신서.png", kind="reply")
        tab = _tab(qtbot, signed_in, case_id)
        tab.resize(1000, 420)
        tab.table.selectRow(0)
        shots.grab(tab, "attachments-tab")
        viewer = tab.view_selected()
        shots.grab(viewer, "attachments-viewer", wait=300)
        viewer.done(0)
        consent = ConsentTab(signed_in, case_id, today=lambda: TODAY)
        qtbot.addWidget(consent)
        consent.resize(1180, 520)
        consent.select("collection")
        shots.grab(consent, "consent-tab-scan")
    assert shots.tofu == [], "Korean text the font cannot draw (tofu)"
