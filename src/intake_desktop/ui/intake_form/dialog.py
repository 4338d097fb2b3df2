"""IntakeFormDialog: the intake form in a window with Save, Save as unfinished and Close.

Save (Ctrl+S) stores the intake as complete and closes; Save as unfinished (Ctrl+Shift+S)
stores what there is and stays open; Close asks first if anything is unsaved. The dialog
finishes Accepted once anything was saved. If saving raised a crisis alert, it closes only
after the crisis protocol dialog has been confirmed.

For the main window's lock handling it speaks the same language as NewCaseDialog:
`draft_slot`, `has_typing()`, `draft_content()`, `restore_draft()`, `clear_fields()`.
Closed by code (done()) with unsaved typing, it keeps that typing as an encrypted draft,
which the form restores the next time it opens for the same intake.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from intake_desktop.services.intakes import IntakeView
from intake_desktop.ui.intake_form.texts import pick
from intake_desktop.ui.intake_form.widget import IntakeFormWidget


class IntakeFormDialog(QDialog):
    def __init__(self, session, case_id: str, *, view: IntakeView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form_widget = IntakeFormWidget(session, case_id, view=view, parent=self)
        title = pick(self.form_widget.form.title, self.form_widget.lang)
        whose = self.form_widget.whose
        self.setWindowTitle(self.tr("Intake form of {whose} — {title}").format(whose=whose, title=title)
                            if whose else self.tr("Intake form — {title}").format(title=title))
        self._saved_once = False
        self._discarded = False

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Save the intake as complete (Ctrl+S)"))
        self.draft_button = buttons.addButton(self.tr("Save as unfinished"), QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.setToolTip(self.tr("Store what is filled in; required questions may wait (Ctrl+Shift+S)"))
        self.close_button = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        # Enter in a line edit must not save the whole intake: no default button.
        for button in (self.save_button, self.draft_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.clicked.connect(self._save_complete)
        self.draft_button.clicked.connect(self._save_unfinished)
        self.close_button.clicked.connect(self.reject)
        draft = QShortcut(QKeySequence("Ctrl+Shift+S"), self)
        draft.activated.connect(self._save_unfinished)
        self.form_widget.saved.connect(self._saved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.form_widget, 1)
        layout.addWidget(buttons)
        self.resize(1120, 800)

    # -- saving -----------------------------------------------------------------------------
    def _save_complete(self) -> None:
        self.form_widget.save(True)

    def _save_unfinished(self) -> None:
        self.form_widget.save(False)

    def _saved(self, _record_id: str) -> None:
        self._saved_once = True
        if not self.form_widget.last_save_complete:
            return
        crisis = self.form_widget.crisis_dialog
        if crisis is not None and crisis.isVisible():
            # Close only once the protocol is confirmed (the crisis dialog is our child). If a
            # lock closes it unconfirmed, this form stays open to be closed (and reopened) with
            # the rest, and the protocol comes back when the form opens again.
            crisis.confirmed.connect(lambda _text: self.done(QDialog.DialogCode.Accepted))
            return
        self.done(QDialog.DialogCode.Accepted)

    # -- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        """Close (and Esc): ask first when something typed is not saved."""
        if not self.form_widget.has_unsaved_changes():
            self._finish()
            return
        question = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Close the intake form?"),
            self.tr("Some answers are not saved yet."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        question.button(QMessageBox.StandardButton.Save).setText(self.tr("Save as unfinished"))
        question.button(QMessageBox.StandardButton.Discard).setText(self.tr("Discard changes"))
        question.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
        question.finished.connect(self._answered)
        self.question = question
        question.open()  # no nested event loop: the answer arrives as a signal

    def _answered(self, answer: int) -> None:
        if answer == QMessageBox.StandardButton.Save:
            if self.form_widget.save(False):
                self._finish()
        elif answer == QMessageBox.StandardButton.Discard:
            self.form_widget.discard_changes()
            self._discarded = True
            self._finish()

    def _finish(self) -> None:
        self.done(QDialog.DialogCode.Accepted if self._saved_once else QDialog.DialogCode.Rejected)

    def done(self, result: int) -> None:
        if not self._discarded and self.form_widget.has_unsaved_changes():
            self.form_widget.keep_draft_now()  # closed by code (a lock): nothing typed is lost
        if self._saved_once and result == QDialog.DialogCode.Rejected:
            result = QDialog.DialogCode.Accepted
        super().done(result)

    # -- the main window's lock handling (same names as NewCaseDialog) ----------------------
    @property
    def draft_slot(self) -> str:
        return self.form_widget.draft_slot()

    def has_typing(self) -> bool:
        return self.form_widget.has_unsaved_changes()

    def has_unsaved_changes(self) -> bool:
        return self.form_widget.has_unsaved_changes()

    def draft_content(self) -> dict:
        return self.form_widget.draft_state()

    def draft_state(self) -> dict:
        return self.form_widget.draft_state()

    def restore_draft(self, content: dict) -> None:
        self.form_widget.restore_draft(content)

    def clear_fields(self) -> None:
        self.form_widget.clear_fields()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        first = self.form_widget.first_focus_widget()
        if first is not None and not self.form_widget.isAncestorOf(self.focusWidget() or self):
            first.setFocus(Qt.FocusReason.OtherFocusReason)
