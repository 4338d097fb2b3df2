"""The smaller consent dialogs: collection / sensitive-information consent, withdrawal, and a
supervisor's override for one letter."""

from __future__ import annotations

from datetime import date
from typing import Sequence

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.services import errors as E
from intake_desktop.services.partners import PartnerInfo
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.letters.consent_view import ConsentRow
from intake_desktop.ui.letters.how_given import HowGivenFields
from intake_desktop.ui.letters.item_checklist import ItemChecklist
from intake_desktop.ui.letters.items import shareable_items
from intake_desktop.ui.letters.labels import consent_kind_label
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.kit.dates import date_edit, from_qdate


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


class BasicConsentDialog(QDialog):
    """Collection and use (art. 15) or sensitive information (art. 23): kind is "collection"
    or "sensitive"."""

    def __init__(self, session, case_id: str, kind: str, *, birth_date: date | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.kind = kind
        self.record = None
        if kind == "sensitive":
            self.setWindowTitle(self.tr("Consent to sensitive information"))
            explanation = self.tr(
                "Sensitive information such as health (art. 23) needs its own consent, separate from "
                "the consent to collection and use. Without it, no health item is ever printed in a letter.")
        else:
            self.setWindowTitle(self.tr("Consent to collection and use"))
            explanation = self.tr(
                "The young person agrees that the centre collects and uses their personal information "
                "for counselling and case management (art. 15). Letters need this consent.")
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.how = HowGivenFields(birth_date, today=today)
        self.error = ErrorLabel()
        buttons = _buttons(self, self.tr("Record consent"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.how)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def save(self) -> None:
        self.error.clear()
        record = (self.session.consent.record_sensitive if self.kind == "sensitive"
                  else self.session.consent.record_collection)
        try:
            self.record = record(self.case_id, self.how.value())
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.accept()


class WithdrawDialog(QDialog):
    """Withdraw one consent: from now on it no longer counts (future letters are blocked)."""

    def __init__(self, session, case_id: str, row: ConsentRow, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.row = row
        self.record = None
        today = today or dates.today()
        self.setWindowTitle(self.tr("Withdraw a consent"))
        what = consent_kind_label(row.kind)
        if row.kind == "provision":
            what = self.tr("Provision to {partner}").format(partner=row.partner_name)
        summary = QLabel(self.tr("Consent to withdraw: {what}").format(what=what))
        summary.setWordWrap(True)
        font = summary.font()
        font.setBold(True)
        summary.setFont(font)
        notes = [self.tr("From the withdrawal on, no letter can rely on this consent. "
                         "Letters already sent stay in the register.")]
        if row.kind == "collection":
            notes.append(self.tr(
                "Withdrawing the consent to collection and use means the case must be destroyed: "
                "tell your administrator (Administration → Retention)."))
        note = QLabel("\n\n".join(notes))
        note.setWordWrap(True)
        self.date = date_edit(today, maximum=today)
        self.requested_by = QComboBox()
        self.requested_by.setEditable(True)
        self.requested_by.addItems([self.tr("The young person"), self.tr("Legal guardian")])
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Withdrawn on:"), self.date)
        form.addRow(self.tr("Asked for by:"), self.requested_by)
        buttons = _buttons(self, self.tr("Withdraw consent"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def save(self) -> None:
        self.error.clear()
        if not self.requested_by.currentText().strip():
            self.error.show_text(self.tr("Say who asked for the withdrawal."))
            return
        try:
            self.record = self.session.consent.withdraw(self.case_id, self.row.record_id,
                                                        from_qdate(self.date.date()), self.requested_by.currentText())
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.accept()


class OverrideDialog(QDialog):
    """A supervisor allows ONE letter to a partner without the provision consent, with a
    written reason (spent when that letter is issued)."""

    def __init__(self, session, case_id: str, partners: Sequence[PartnerInfo], form, *,
                 partner_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.form = form
        self.partners = list(partners)
        self.record = None
        self.setWindowTitle(self.tr("Supervisor override"))
        warning = QLabel(self.tr(
            "Only for one letter, when the law allows providing information without consent "
            "(for example to protect someone's life). The reason is kept in the case and the access log."))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #7a4a00;")
        self.partner = QComboBox()
        language = content_language()
        for partner in self.partners:
            self.partner.addItem(partner.label(language), partner.id)
        if partner_id is not None and self.partner.findData(partner_id) >= 0:
            self.partner.setCurrentIndex(self.partner.findData(partner_id))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 14)
        self.items = ItemChecklist()
        self.error = ErrorLabel()
        form_layout = QFormLayout()
        form_layout.addRow(self.tr("Recipient:"), self.partner)
        form_layout.addRow(self.tr("Reason:"), self.reason)
        items_box = QGroupBox(self.tr("Items the letter may carry"))
        QVBoxLayout(items_box).addWidget(self.items)
        buttons = _buttons(self, self.tr("Allow one letter"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form_layout)
        layout.addWidget(items_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.partner.currentIndexChanged.connect(self._partner_changed)
        self._partner_changed()

    def _partner_changed(self) -> None:
        partner = next((p for p in self.partners if p.id == self.partner.currentData()), None)
        if partner is not None:
            self.items.set_items(shareable_items(self.form, partner.kind))

    def save(self) -> None:
        self.error.clear()
        try:
            self.record = self.session.consent.override(self.case_id, self.partner.currentData(),
                                                        self.reason.toPlainText(), self.items.checked_ids())
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.accept()
