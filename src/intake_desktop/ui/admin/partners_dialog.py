"""The partner directory: contact details of each partner institution (admin).

Names, addressees and kinds are fixed (they decide which letter template and which intake
fields a partner gets); only the contact details printed on letters can be edited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from intake_desktop.letters import TemplateError, load_template
from intake_desktop.services import errors as E
from intake_desktop.services.partners import CONTACT_FIELDS, PartnerInfo
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.i18n import content_language


def _template_name(kind: str, language: str) -> str:
    """What the partner's letter template is called (e.g. 복지관 연계 의뢰서)."""
    try:
        name = load_template(kind).name
    except (TemplateError, ValueError):
        return kind
    return (name.en if language == "en" else name.ko) or name.ko


class PartnerDirectoryDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.partners: list[PartnerInfo] = []
        self.setWindowTitle(self.tr("Partner institutions"))
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(self._show_partner)

        self.name = QLabel()
        self.name.setWordWrap(True)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.kind = QLabel()
        self.addressee = QLabel()
        self.addressee.setWordWrap(True)
        self.role = QLabel()
        self.role.setWordWrap(True)
        self.fields = {key: QLineEdit() for key in CONTACT_FIELDS}
        self.fields["postal_code"].setMaxLength(5)
        self.fields["postal_code"].setPlaceholderText("06900")
        self.fields["phone"].setPlaceholderText("02-123-4567")
        self.fields["fax"].setPlaceholderText("02-123-4568")
        self.fields["email"].setPlaceholderText("name@example.org")
        form = QFormLayout()
        form.addRow(self.tr("Institution:"), self.name)
        form.addRow(self.tr("Letter kind:"), self.kind)
        form.addRow(self.tr("Letters are addressed to:"), self.addressee)
        form.addRow(self.tr("Works on:"), self.role)
        form.addRow(self.tr("Department (after the addressee):"), self.fields["department"])
        form.addRow(self.tr("Postal code:"), self.fields["postal_code"])
        form.addRow(self.tr("Address:"), self.fields["address"])
        form.addRow(self.tr("Phone:"), self.fields["phone"])
        form.addRow(self.tr("Fax:"), self.fields["fax"])
        form.addRow(self.tr("E-mail:"), self.fields["email"])
        note = QLabel(self.tr("Names are fixed. Copy contact details from the institution's own documents."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        self.error = ErrorLabel()
        self.saved_label = QLabel()
        self.save_button = QPushButton(self.tr("Save contact details"))
        self.save_button.clicked.connect(self.save)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(note)
        right.addWidget(self.error)
        right.addWidget(self.saved_label)
        save_row = QHBoxLayout()
        save_row.addStretch()
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        right.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        self.error.clear()
        try:
            self.partners = self.session.partners.list()
        except E.ServiceError as error:
            self.partners = []
            self.error.show_error(error)
        self.list.clear()
        language = content_language()
        for partner in self.partners:
            item = QListWidgetItem(partner.label(language))
            self.list.addItem(item)
        index = next((i for i, p in enumerate(self.partners) if p.id == select_id), 0)
        if self.partners:
            self.list.setCurrentRow(index)

    def current(self) -> PartnerInfo | None:
        row = self.list.currentRow()
        return self.partners[row] if 0 <= row < len(self.partners) else None

    def select(self, key: str) -> None:
        for i, partner in enumerate(self.partners):
            if partner.key == key:
                self.list.setCurrentRow(i)

    def _show_partner(self, _row: int) -> None:
        self.error.clear()
        self.saved_label.clear()
        partner = self.current()
        if partner is None:
            return
        language = content_language()
        self.name.setText(partner.label(language))
        self.kind.setText(_template_name(partner.kind, language))
        self.addressee.setText(partner.addressee.get("ko", ""))
        self.role.setText(partner.role.get(language) or partner.role.get("ko", ""))
        values = self._values_of(partner)
        for key, edit in self.fields.items():
            edit.setText(values[key])

    @staticmethod
    def _values_of(partner: PartnerInfo) -> dict[str, str]:
        values = {key: str(getattr(partner, key) or "") for key in CONTACT_FIELDS if key != "department"}
        department = partner.department if isinstance(partner.department, dict) else {}
        values["department"] = department.get("ko", "")
        return values

    def save(self) -> None:
        self.error.clear()
        self.saved_label.clear()
        partner = self.current()
        if partner is None:
            return
        before = self._values_of(partner)
        changes = {key: edit.text() for key, edit in self.fields.items() if edit.text().strip() != before[key]}
        if not changes:
            self.saved_label.setText(self.tr("Nothing was changed."))
            return
        try:
            self.session.partners.update_contact(partner.id, **changes)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.refresh(select_id=partner.id)
        self.saved_label.setText(self.tr("Saved. New letters use these details."))
