"""Recording a partner's returned reply slip (회신서): what they ticked, the reply date, the
service and the staff member they wrote in. services.referrals.record_reply moves the referral
(참여 → 서비스 중; 미참여 / 연락 안 됨 → 거절) and keeps the slip's answers.

"Attach scan…" picks the scanned slip; it is stored (kind "reply", linked to the referral) and
named by the slip's record when the reply is saved, through the same service call as the CLI's
`reply --scan` (services.referrals.record_reply_with_scan): a refused file saves nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.services import errors as E
from intake_desktop.services.referrals import REPLY_RESULTS, ReferralInfo
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.kit.attachment_files import ask_scan_files
from intake_desktop.ui.letters.labels import referral_summary, reply_result_label
from intake_desktop.ui.kit.dates import date_edit, from_qdate


class ReplyDialog(QDialog):
    def __init__(self, session, referral: ReferralInfo, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.referral = referral
        self.result_info: ReferralInfo | None = None
        self.scan: Path | None = None
        today = today or dates.today()
        self.setWindowTitle(self.tr("Record the reply slip"))
        summary = QLabel(referral_summary(referral))
        summary.setWordWrap(True)
        self.results = QButtonGroup(self)
        row = QHBoxLayout()
        for i, result in enumerate(REPLY_RESULTS):
            button = QRadioButton(reply_result_label(result))
            button.setProperty("result", result)
            self.results.addButton(button, i)
            row.addWidget(button)
        row.addStretch()
        self.received = date_edit(today, maximum=today, minimum=min(referral.earliest_reply_date, today))
        self.service = QLineEdit()
        self.service.setPlaceholderText(self.tr("as written on the slip"))
        self.staff = QLineEdit()
        self.scan_label = QLabel(self.tr("No scan"))
        self.scan_button = QPushButton(self.tr("Attach scan…"))
        self.scan_button.clicked.connect(self.ask_scan)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_label, 1)
        scan_row.addWidget(self.scan_button)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Result:"), row)
        form.addRow(self.tr("Reply date on the slip:"), self.received)
        form.addRow(self.tr("Service provided:"), self.service)
        form.addRow(self.tr("Staff member at the partner:"), self.staff)
        form.addRow(self.tr("Scan of the slip:"), scan_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save reply"))
        self.ok_button.setEnabled(False)
        self.results.idToggled.connect(lambda _id, _on: self.ok_button.setEnabled(self.chosen_result() is not None))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen_result(self) -> str | None:
        button = self.results.checkedButton()
        return button.property("result") if button is not None else None

    def choose(self, result: str) -> None:
        self.results.button(list(REPLY_RESULTS).index(result)).setChecked(True)

    def ask_scan(self) -> None:
        paths = ask_scan_files(self)
        if paths:
            self.set_scan(paths[0])

    def set_scan(self, path: Path | None) -> None:
        """The scan to attach when the reply is saved (its type and size are checked then)."""
        self.scan = path
        self.scan_label.setText(path.name if path is not None else self.tr("No scan"))

    def save(self) -> None:
        self.error.clear()
        result = self.chosen_result()
        if result is None:
            return
        try:
            self.result_info = self.session.referrals.record_reply_with_scan(
                self.referral.id, result, from_qdate(self.received.date()), self.scan, service=self.service.text(),
                staff=self.staff.text(), expected_version=self.referral.version)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.accept()
