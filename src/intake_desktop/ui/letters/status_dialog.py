"""Moving a referral to its next status, with a note and the date of the partner's reply.

Only the next statuses the service allows are offered (services.referrals.TRANSITIONS). The
reply date is asked for when the new status is an answer from the partner (접수 확인, 서비스
중, 완료, 거절) and no reply has been recorded yet; it defaults to today.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from intake_desktop.domain import dates
from intake_desktop.services import errors as E
from intake_desktop.services.referrals import REPLY_STATUSES, STATUSES, TRANSITIONS, ReferralInfo
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.letters.labels import referral_summary, status_label
from intake_desktop.ui.kit.fields import short_text_edit
from intake_desktop.ui.kit.dates import date_edit, from_qdate


def next_statuses(current: str) -> list[str]:
    return [s for s in STATUSES if s in TRANSITIONS.get(current, frozenset())]


class StatusDialog(QDialog):
    def __init__(self, session, referral: ReferralInfo, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.referral = referral
        self.result_info: ReferralInfo | None = None
        today = today or dates.today()
        self.setWindowTitle(self.tr("Update the referral status"))
        summary = QLabel(referral_summary(referral))
        summary.setWordWrap(True)
        self.status = QComboBox()
        for status in next_statuses(referral.status):
            self.status.addItem(status_label(status), status)
        self.note = short_text_edit(3)
        self.reply_date = date_edit(today, maximum=today, minimum=min(referral.earliest_reply_date, today))
        self.error = ErrorLabel()
        self.form = QFormLayout()
        self.form.addRow(self.tr("New status:"), self.status)
        self.form.addRow(self.tr("Reply received on:"), self.reply_date)
        self.form.addRow(self.tr("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save status"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.status.currentIndexChanged.connect(lambda _i: self._update())
        if self.status.count() == 0:
            self.error.show_text(self.tr("This referral is finished: its status cannot change any more."))
            self.ok_button.setEnabled(False)
        self._update()

    def asks_reply_date(self) -> bool:
        return self.status.currentData() in REPLY_STATUSES and self.referral.reply_date is None

    def _update(self) -> None:
        self.form.setRowVisible(self.reply_date, self.asks_reply_date())

    def choose(self, status: str) -> None:
        index = self.status.findData(status)
        if index >= 0:
            self.status.setCurrentIndex(index)

    def save(self) -> None:
        self.error.clear()
        status = self.status.currentData()
        if status is None:
            return
        reply_date = from_qdate(self.reply_date.date()) if self.asks_reply_date() else None
        try:
            self.result_info = self.session.referrals.set_status(
                self.referral.id, status, self.note.toPlainText(), reply_date,
                expected_version=self.referral.version)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.accept()
