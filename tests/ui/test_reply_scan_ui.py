"""The reply dialog's "Attach scan…": the chosen scan is stored and linked when the reply is
saved; the referrals tab says the reply has a scan and the attachments tab lists it; a refused
file saves nothing and says why."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog

from intake_desktop.ui.attachments.tab import AttachmentsTab
from intake_desktop.ui.letters import ReferralsTab
from intake_desktop.ui.letters import reply_dialog

from .letter_helpers import TODAY, issue_letter as issue, make_case

SCAN = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20


def _dialog(qtbot, session):
    case_id = make_case(session)
    issued = issue(session, case_id)
    tab = ReferralsTab(session, case_id, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.table.selectRow(0)
    dialog = tab.record_reply()
    dialog.choose("joined")
    dialog.received.setDate(TODAY - timedelta(days=25))
    return case_id, issued, tab, dialog


def test_the_chosen_scan_is_attached_and_linked_on_save(qtbot, signed_in, tmp_path, monkeypatch):
    case_id, issued, tab, dialog = _dialog(qtbot, signed_in)
    scan = tmp_path / "회신서.png"
    scan.write_bytes(SCAN)
    monkeypatch.setattr(reply_dialog, "ask_scan_files", lambda parent: [Path(scan)])
    assert "회신서.png" not in dialog.scan_label.text()
    dialog.scan_button.click()
    assert dialog.scan_label.text() == "회신서.png"
    assert signed_in.attachments.list(case_id) == []  # nothing stored before the reply is saved
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    info = signed_in.referrals.get(issued.referral_id)
    [attachment] = signed_in.attachments.list(case_id)
    assert info.reply_slip.scan_id == attachment.id and attachment.kind == "reply"
    assert signed_in.attachments.open(attachment.id)[1] == SCAN
    without_scan = tab._reply_text(replace(info, reply_slip=replace(info.reply_slip, scan_id=None)))
    shown = tab.table.item(0, 5).text()
    assert shown.startswith(without_scan) and len(shown) > len(without_scan)  # "…, scan attached"
    attachments = AttachmentsTab(signed_in, case_id)
    qtbot.addWidget(attachments)
    assert attachments.table.rowCount() == 1 and attachments.table.item(0, 0).text() == "회신서.png"


def test_a_refused_scan_saves_nothing_and_says_why(qtbot, signed_in, tmp_path):
    case_id, issued, _tab, dialog = _dialog(qtbot, signed_in)
    bad = tmp_path / "slip.png"
    bad.write_bytes(b"plain text, not an image" * 20)
    dialog.set_scan(bad)
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "slip.png" in dialog.error.text()
    assert signed_in.referrals.get(issued.referral_id).reply_slip is None
    assert signed_in.attachments.list(case_id) == []
