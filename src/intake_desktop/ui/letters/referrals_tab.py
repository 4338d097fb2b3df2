"""The referrals tab of a case: every referral with its letter, status and the partner's reply.

A referral still waiting for a reply after its reply-by date is highlighted (and says so in
words). New letter opens the letter dialog; Update status offers only the valid next steps;
Reprint renders the registered letter again — the identical document — for printing or saving.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.services import errors as E
from intake_desktop.services.referrals import ReferralInfo
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.letters.labels import reply_result_label, status_label
from intake_desktop.ui.letters.letter_dialog import LetterDialog
from intake_desktop.ui.kit.lock_guard import forget_on_lock
from intake_desktop.ui.letters.pdf_preview import PdfPreviewDialog
from intake_desktop.ui.letters.reply_dialog import ReplyDialog
from intake_desktop.ui.letters.status_dialog import StatusDialog, next_statuses
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.kit.dates import show_date
from intake_desktop.ui.kit.tables import compact_rows
from intake_desktop.ui.messages import describe_error

OVERDUE_BACKGROUND = "#fdeceb"
OVERDUE_TEXT = "#a3261b"


class Column:
    NUMBER, PARTNER, SENT, REPLY_BY, STATUS, REPLY_DATE, NOTE = range(7)


class ReferralsTab(QWidget):
    changed = Signal()  # a letter was issued or a status changed

    def __init__(self, session, case_id: str, parent: QWidget | None = None, *,
                 today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self._today = today
        self.referrals: list[ReferralInfo] = []
        self.dialog: QDialog | None = None

        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Letter number"), self.tr("Partner"), self.tr("Sent"), self.tr("Reply by"), self.tr("Status"),
            self.tr("Reply received"), self.tr("Note"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        for column in range(Column.NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.update_status())

        self.empty_label = QLabel(self.tr("No referrals yet. “New letter” writes the first one."))
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet(f"color: {OVERDUE_TEXT};")
        self.new_button = QPushButton(self.tr("&New letter…"))
        self.new_button.clicked.connect(self.new_letter)
        self.status_button = QPushButton(self.tr("&Update status…"))
        self.status_button.clicked.connect(self.update_status)
        self.reprint_button = QPushButton(self.tr("R&eprint letter…"))
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.reply_button = QPushButton(self.tr("Recor&d reply slip…"))
        self.reply_button.setToolTip(self.tr("The partner sent the reply slip back: record what it says"))
        self.reply_button.clicked.connect(self.record_reply)
        self.slip_button = QPushButton(self.tr("Repl&y slip…"))
        self.slip_button.setToolTip(self.tr("Print the reply slip for this letter on its own"))
        self.slip_button.clicked.connect(self.slip_selected)
        self.busy = BusyBar()
        self.error = ErrorLabel()

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.status_button)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.slip_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        forget_on_lock(session, self, ReferralsTab.forget)
        self.refresh()

    def forget(self) -> None:
        """Drop everything shown (the session locked); refresh() shows it again."""
        self.referrals = []
        self.table.setRowCount(0)
        self.overdue_label.hide()
        self.busy.stop()

    # -- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.error.clear()
        selected = self.selected_referral()
        try:
            self.referrals = list(reversed(self.session.referrals.for_case(self.case_id)))  # newest first
        except E.ServiceError as error:
            self.referrals = []
            self.error.show_error(error)
        self._fill_table()
        if selected is not None:
            for i, referral in enumerate(self.referrals):
                if referral.id == selected.id:
                    self.table.selectRow(i)
        self._update_buttons()

    def _fill_table(self) -> None:
        today = self._today()
        self.table.setRowCount(len(self.referrals))
        bold = QFont(self.table.font())
        bold.setBold(True)
        overdue_count = 0
        for i, referral in enumerate(self.referrals):
            overdue = referral.overdue_on(today)
            overdue_count += overdue
            reply_by = show_date(referral.reply_by)
            if overdue:
                reply_by = self.tr("{date} (%n day(s) overdue)", "", referral.days_overdue(today)).format(date=reply_by)
            texts = [referral.letter_number or "—", referral.partner_name, show_date(referral.sent_on), reply_by,
                     status_label(referral.status), self._reply_text(referral), referral.note]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if overdue:
                    item.setBackground(QBrush(QColor(OVERDUE_BACKGROUND)))
                    if column in (Column.REPLY_BY, Column.STATUS):
                        item.setForeground(QBrush(QColor(OVERDUE_TEXT)))
                        item.setFont(bold)
                self.table.setItem(i, column, item)
        self.empty_label.setVisible(not self.referrals)
        self.table.setVisible(bool(self.referrals))
        self.overdue_label.setText(self.tr(
            "Highlighted: %n referral(s) still waiting for a reply after the reply-by date.", "", overdue_count))
        self.overdue_label.setVisible(overdue_count > 0)

    def _reply_text(self, referral: ReferralInfo) -> str:
        """The reply date, with what the reply slip said when one came back."""
        text = show_date(referral.reply_date)
        if referral.reply_slip is not None:
            text = self.tr("{date} (slip: {result})").format(
                date=text or show_date(referral.reply_slip.received), result=reply_result_label(referral.reply_slip.result))
            if referral.reply_slip.scan_id:
                text = self.tr("{reply}, scan attached").format(reply=text)
        return text

    def selected_referral(self) -> ReferralInfo | None:
        model = self.table.selectionModel()
        indexes = model.selectedRows() if model else []
        if not indexes:
            return None
        i = indexes[0].row()
        return self.referrals[i] if 0 <= i < len(self.referrals) else None

    def select(self, referral_id: str) -> None:
        for i, referral in enumerate(self.referrals):
            if referral.id == referral_id:
                self.table.selectRow(i)

    def _update_buttons(self) -> None:
        referral = self.selected_referral()
        self.status_button.setEnabled(bool(referral and next_statuses(referral.status)))
        self.reprint_button.setEnabled(bool(referral and referral.letter_id) and not self.busy.running)
        self.slip_button.setEnabled(bool(referral and referral.letter_id) and not self.busy.running)
        self.reply_button.setEnabled(bool(referral and referral.letter_id and referral.status != "draft"))

    # -- actions -----------------------------------------------------------------------------
    def new_letter(self, partner_id: str | None = None) -> LetterDialog:
        dialog = LetterDialog(self.session, self.case_id, self, partner_id=partner_id, today=self._today)
        dialog.issued_letter.connect(self._letter_issued)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _letter_issued(self, issued) -> None:
        self.refresh()
        self.select(issued.referral_id)
        self.changed.emit()

    def update_status(self) -> StatusDialog | None:
        referral = self.selected_referral()
        if referral is None or not next_statuses(referral.status):
            return None
        dialog = StatusDialog(self.session, referral, today=self._today(), parent=self)
        dialog.accepted.connect(self._status_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _status_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def record_reply(self) -> ReplyDialog | None:
        referral = self.selected_referral()
        if referral is None or not referral.letter_id:
            return None
        dialog = ReplyDialog(self.session, referral, today=self._today(), parent=self)
        dialog.accepted.connect(self._status_changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def reprint_selected(self) -> None:
        self._render_selected(lambda letters, letter_id: letters.reprint(letter_id), self.tr("Letter {number} (copy)"),
                              self.tr("Referral letter {number}.pdf"))

    def slip_selected(self) -> None:
        self._render_selected(lambda letters, letter_id: letters.reply_slip(letter_id),
                              self.tr("Reply slip for letter {number}"), self.tr("Reply slip {number}.pdf"))

    def _render_selected(self, render, title: str, file_name: str) -> None:
        """Render a document of the selected referral's letter off the GUI thread, then preview it."""
        referral = self.selected_referral()
        if referral is None or not referral.letter_id or self.busy.running:
            return
        self.error.clear()
        self.busy.start(self.tr("Preparing the copy…"))
        self._update_buttons()
        letters, letter_id, number = self.session.letters, referral.letter_id, referral.letter_number or ""
        run_in_background(lambda: render(letters, letter_id),
                          on_success=lambda pdf: self._show_reprint(number, pdf, title, file_name),
                          on_failure=self._reprint_failed)

    def _show_reprint(self, number: str, pdf: bytes, title: str, file_name: str) -> None:
        self.busy.stop()
        self._update_buttons()
        if self.session.is_locked:
            return
        dialog = PdfPreviewDialog(title.format(number=number), pdf, file_name.format(number=number), self,
                                  session=self.session)
        self.dialog = dialog
        dialog.open()

    def _reprint_failed(self, error: BaseException) -> None:
        self.busy.stop()
        self._update_buttons()
        self.error.setText(describe_error(error))
