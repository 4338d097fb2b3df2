"""Recording the consent to provide information to ONE partner institution (art. 17(2)).

Lists only the intake fields that partner's kind may ever receive (the form file's outer
limit), as checkboxes with their Korean labels. Purpose and retention at the recipient are
prefilled from that partner's letter template (`consent:` wording, as on the printed consent
form) and may be edited to match what the young person was told.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget,
)

from intake_desktop.letters import TemplateError, load_template
from intake_desktop.services import errors as E
from intake_desktop.services.partners import PartnerInfo
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.letters.how_given import HowGivenFields
from intake_desktop.ui.letters.item_checklist import ItemChecklist
from intake_desktop.ui.letters.items import shareable_items
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.kit.fields import short_text_edit


class ProvisionConsentDialog(QDialog):
    def __init__(self, session, case_id: str, partners: Sequence[PartnerInfo], form, *,
                 partner_id: str | None = None, birth_date: date | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.form = form
        self.partners = list(partners)
        self.record = None
        self.setWindowTitle(self.tr("Consent to provide information to a partner"))

        self.partner = QComboBox()
        language = content_language()
        for partner in self.partners:
            self.partner.addItem(partner.label(language), partner.id)
        self.partner_role = QLabel()
        self.partner_role.setWordWrap(True)
        self.partner_role.setStyleSheet("color: #5f6368;")
        self.items = ItemChecklist()
        self.purpose = short_text_edit()
        self.retention = short_text_edit()
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.how = HowGivenFields(birth_date, today=today)
        self.error = ErrorLabel()

        intro = QLabel(self.tr(
            "One consent per institution. Tick only the items the young person agreed to give this "
            "institution; a letter to it will carry those items and nothing else."))
        intro.setWordWrap(True)
        items_box = QGroupBox(self.tr("Items provided (only those this kind of institution may receive)"))
        QVBoxLayout(items_box).addWidget(self.items)
        form_layout = QFormLayout()
        form_layout.addRow(self.tr("Recipient:"), self.partner)
        form_layout.addRow("", self.partner_role)
        details = QFormLayout()
        details.addRow(self.tr("Purpose at the recipient:"), self.purpose)
        details.addRow(self.tr("Retention at the recipient:"), self.retention)
        details.addRow(self.tr("If refused:"), self.refusal)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Record consent"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form_layout)
        layout.addWidget(items_box)
        layout.addLayout(details)
        layout.addWidget(self.how)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

        self.partner.currentIndexChanged.connect(self._partner_changed)
        if partner_id is not None:
            index = self.partner.findData(partner_id)
            if index >= 0:
                self.partner.setCurrentIndex(index)
        self._partner_changed()

    def selected_partner(self) -> PartnerInfo | None:
        partner_id = self.partner.currentData()
        return next((p for p in self.partners if p.id == partner_id), None)

    def _partner_changed(self) -> None:
        self.error.clear()
        partner = self.selected_partner()
        if partner is None:
            return
        language = content_language()
        self.partner_role.setText(partner.role.get(language) or partner.role.get("ko", ""))
        self.items.set_items(shareable_items(self.form, partner.kind))
        try:
            wording = load_template(partner.kind).consent
        except TemplateError:
            self.purpose.setPlainText("")
            self.retention.setPlainText("")
            self.refusal.setText("")
            self.error.show_text(self.tr("The letter template for this institution could not be read; "
                                         "write the purpose and retention yourself."))
            return
        self.purpose.setPlainText(wording.purpose)
        self.retention.setPlainText(wording.retention)
        self.refusal.setText(wording.refusal)

    def save(self) -> None:
        self.error.clear()
        partner = self.selected_partner()
        if partner is None:
            return
        try:
            self.record = self.session.consent.record_provision(
                self.case_id, partner.id, self.items.checked_ids(), self.purpose.toPlainText(),
                self.retention.toPlainText(), self.how.value())
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.accept()
