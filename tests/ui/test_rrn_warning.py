"""Issue 15, item 9 at entry: a resident registration number typed into a note or a referral
reason is warned about at once, without moving the fields around it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

TODAY = date(2025, 6, 10)
RRN = "900101.1234568"  # dotted, with a right check digit


def test_a_note_warns_about_a_resident_number_without_moving_the_buttons(qtbot, signed_in):
    from intake_desktop.ui.note_editor import NoteEditor

    case_id = signed_in.cases.create({"name": "이서연", "birth_date": "2000-03-02"})
    editor = NoteEditor(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    QApplication.processEvents()
    assert not editor.rrn_warning.isVisible()
    before = editor.save_button.mapTo(editor, editor.save_button.rect().topLeft())
    editor.content.insertPlainText(f"본인이 주민번호 {RRN}를 불러 줌")
    QApplication.processEvents()
    assert editor.rrn_warning.isVisible() and "주민등록번호" in editor.rrn_warning.text()
    assert editor.save_button.mapTo(editor, editor.save_button.rect().topLeft()) == before
    editor.content.clear()
    assert not editor.rrn_warning.isVisible()


def test_the_referral_reason_warns_too(qtbot, signed_in):
    from intake_desktop.ui.letters import LetterDialog

    case_id = signed_in.cases.create({"name": "이서연", "birth_date": "2000-03-02"})
    dialog = LetterDialog(signed_in, case_id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setPlainText(f"주민번호 {RRN.replace('.', ' ')}")
    assert dialog.rrn_warning.isVisible()
