"""The centre profile: what every letter's head and foot say about the sender (admin)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from intake_desktop.domain.korean import digits_only
from intake_desktop.letters.formatting import format_phone
from intake_desktop.services import errors as E
from intake_desktop.services.centre import CentreProfile
from intake_desktop.ui.error_label import ErrorLabel

EDITED = ("name", "short_name", "head_title", "postal_code", "address", "phone", "fax", "email", "homepage")


class CentreProfileDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.profile: CentreProfile | None = None
        self.setWindowTitle(self.tr("Centre profile"))
        self.fields = {key: QLineEdit() for key in EDITED}
        self.fields["short_name"].setMaxLength(20)
        self.fields["postal_code"].setMaxLength(5)
        self.fields["head_title"].setPlaceholderText("센터장")
        form = QFormLayout()
        form.addRow(self.tr("Centre name:"), self.fields["name"])
        form.addRow(self.tr("Short name (document numbers):"), self.fields["short_name"])
        form.addRow(self.tr("Title of the head:"), self.fields["head_title"])
        form.addRow(self.tr("Postal code:"), self.fields["postal_code"])
        form.addRow(self.tr("Address:"), self.fields["address"])
        form.addRow(self.tr("Phone:"), self.fields["phone"])
        form.addRow(self.tr("Fax:"), self.fields["fax"])
        form.addRow(self.tr("E-mail:"), self.fields["email"])
        form.addRow(self.tr("Homepage:"), self.fields["homepage"])
        self.example = QLabel()
        self.example.setWordWrap(True)
        self.example.setStyleSheet("color: #5f6368;")
        self.fields["short_name"].textChanged.connect(self._update_example)
        self.error = ErrorLabel()
        self.saved_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        intro = QLabel(self.tr("Printed at the head and foot of every referral letter and on consent forms."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.example)
        layout.addWidget(self.error)
        layout.addWidget(self.saved_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.load()

    def load(self) -> None:
        self.error.clear()
        try:
            self.profile = self.session.centre.settings()
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        for key, edit in self.fields.items():
            edit.setText(self._shown(key, getattr(self.profile, key)))
        self._update_example()

    @staticmethod
    def _shown(key: str, value: str) -> str:
        return format_phone(value) if key in ("phone", "fax") and value else value

    def _update_example(self) -> None:
        short = self.fields["short_name"].text().strip() or "…"
        self.example.setText(self.tr("Letters are numbered like this: {example}").format(example=f"{short}-17"))

    def save(self) -> None:
        self.error.clear()
        self.saved_label.clear()
        if self.profile is None:
            return
        changes = {}
        for key, edit in self.fields.items():
            stored = getattr(self.profile, key)
            typed = edit.text().strip()
            if key in ("phone", "fax", "postal_code"):
                if digits_only(typed) != stored or (typed and not digits_only(typed)):
                    changes[key] = typed
            elif typed != stored:
                changes[key] = typed
        if not changes:
            self.saved_label.setText(self.tr("Nothing was changed."))
            return
        try:
            self.profile = self.session.centre.update(**changes)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.load()
        self.saved_label.setText(self.tr("Saved. New letters use this profile."))
