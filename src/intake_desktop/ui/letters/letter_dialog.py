"""Writing, previewing and issuing a referral letter (연계 의뢰서) to one partner.

1. Choose the partner. Without a valid consent the service's refusal (naming the partner or
   the missing consent) is shown and no letter can be made.
2. The counsellor's parts: reason (required), requested service (the template's default),
   notes for the first contact ("문자 연락만 가능" when the young person wants text messages
   only), reply-by date (today + 14 days), and what the partner's template asks for besides.
3. Preview: the PDF is rendered off the UI thread and shown with QtPdf from memory.
4. Print or Save as PDF issues the letter (`session.letters.issue`) exactly once, before the
   first copy leaves the app; its register number is shown. Further copies from this dialog
   are the same issued document. Changing a field after the preview asks for a new preview.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSplitter, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.domain.korean import resolve_particles
from intake_desktop.letters import ReferralDetails, TemplateError, load_template
from intake_desktop.services import errors as E
from intake_desktop.ui.background import Latest, run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.rrn_warning import RrnWarning
from intake_desktop.ui.letters import printing
from intake_desktop.ui.letters.items import current_form, describe_items, item_labels
from intake_desktop.ui.letters.consent_view import consent_rows
from intake_desktop.ui.letters.labels import consent_kind_label, detail_label, state_label
from intake_desktop.ui.kit.lock_guard import forget_on_lock
from intake_desktop.ui.letters.pdf_preview import PdfPreview
from intake_desktop.ui.kit.fields import short_text_edit
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.kit.dates import date_edit, datetime_edit, from_qdate, from_qdatetime, show_date
from intake_desktop.ui.messages import describe_error

REPLY_DAYS = 14
# Letter content, not interface text: letters are Korean official documents in any UI language.
TEXT_ONLY_NOTE = "문자 연락만 가능"
OPTIONAL_DETAILS = ("warning_signs", "notes", "last_contact")


class LetterDialog(QDialog):
    issued_letter = Signal(object)  # services.letters.IssuedLetter

    def __init__(self, session, case_id: str, parent: QWidget | None = None, *, partner_id: str | None = None,
                 today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self._today = today
        self.prepared = None
        self.issued = None
        self.consent_ok = False
        self._issuing = False
        self._previews = Latest()  # only the newest preview counts; a change drops it
        self._default_service = ""
        self._template = None
        self.setWindowTitle(self.tr("Referral letter"))

        person = self._person()
        self.text_only = person.get("preferred_contact") == "text_only"
        try:
            self.partners = session.partners.letter_recipients()
            self._consent_rows = consent_rows(session.records.records("consent", case_id), self.partners)
            self._scanned = session.attachments.scanned_consents(case_id)
        except E.ServiceError:
            self.partners, self._consent_rows, self._scanned = [], [], set()
        consent_states = {row.partner_id: row.state for row in self._consent_rows}

        # -- the left side: partner, consent, the counsellor's parts -------------------------
        self.partner = QComboBox()
        self.partner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.partner.setMinimumContentsLength(16)
        language = content_language()
        self.partner.addItem(self.tr("Choose an institution…"), None)
        for partner in self.partners:  # each with where its consent stands
            state = consent_states.get(partner.id, "none")
            self.partner.addItem(self.tr("{partner} — consent: {state}").format(
                partner=partner.label(language), state=state_label(state)), partner.id)
        self.consent_label = QLabel()
        self.consent_label.setWordWrap(True)
        self.refusal = ErrorLabel()
        self.reason = short_text_edit(4)
        self.reason.setPlaceholderText(self.tr("Required: why you refer the young person to this institution"))
        self.requested_service = short_text_edit(2)
        self.first_contact_notes = QLineEdit()
        self.warning_signs = short_text_edit(3)
        self.notes = short_text_edit(2)
        self.last_contact_known = QCheckBox(self.tr("Known"))
        self.last_contact = datetime_edit(datetime.combine(today(), time(hour=12)))
        last_contact_row = QHBoxLayout()
        last_contact_row.setContentsMargins(0, 0, 0, 0)
        last_contact_row.addWidget(self.last_contact_known)
        last_contact_row.addWidget(self.last_contact, 1)
        self._last_contact_widget = QWidget()
        self._last_contact_widget.setLayout(last_contact_row)
        self.reply_by = date_edit(today() + timedelta(days=REPLY_DAYS), minimum=today())
        if self.text_only:
            self.first_contact_notes.setText(TEXT_ONLY_NOTE)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Partner institution:"), self.partner)
        self.form.addRow(self.refusal)
        self.form.addRow(self.consent_label)
        self._detail_widgets = {
            "reason": self.reason, "requested_service": self.requested_service,
            "first_contact_notes": self.first_contact_notes, "warning_signs": self.warning_signs,
            "notes": self.notes, "last_contact": self._last_contact_widget, "reply_by": self.reply_by,
        }
        for key, widget in self._detail_widgets.items():
            self.form.addRow(detail_label(key), widget)
        self.reply_slip = QCheckBox(self.tr("Add the reply slip as the last page (initials only)"))
        self.reply_slip.setChecked(True)
        self.reply_slip.setToolTip(self.tr(
            "A form the partner fills in by hand and sends back: result, service, reply date. It names the young "
            "person by initials only."))
        self.form.addRow("", self.reply_slip)
        self.rrn_warning = RrnWarning(self.reason, self.requested_service, self.first_contact_notes,
                                      self.warning_signs, self.notes)
        self.form.addRow(self.rrn_warning)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview_letter)
        self.included_label = QLabel()
        self.included_label.setWordWrap(True)
        self.included_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(self.form)
        left_layout.addWidget(self.preview_button, alignment=Qt.AlignmentFlag.AlignRight)
        left_layout.addWidget(self.included_label)
        left_layout.addStretch()
        left.setMinimumWidth(440)

        # -- the right side: the preview -----------------------------------------------------
        self.preview = PdfPreview()
        self.preview.set_placeholder(self.tr("Write the reason, then press Preview: the letter appears here "
                                             "exactly as it will be printed."))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter

        # -- the bottom: state and output ----------------------------------------------------
        self.busy = BusyBar()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_letter)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_letter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1180, 820)

        for edit in (self.reason, self.requested_service, self.warning_signs, self.notes):
            edit.textChanged.connect(self._mark_stale)
        self.first_contact_notes.textChanged.connect(self._mark_stale)
        self.reply_by.dateChanged.connect(lambda _d: self._mark_stale())
        self.reply_slip.toggled.connect(lambda _on: self._mark_stale())
        self.last_contact.dateTimeChanged.connect(lambda _d: self._mark_stale())
        self.last_contact_known.toggled.connect(self._last_contact_toggled)
        self.partner.currentIndexChanged.connect(self._partner_changed)
        if partner_id is not None and self.partner.findData(partner_id) >= 0:
            self.partner.setCurrentIndex(self.partner.findData(partner_id))
        self._partner_changed()
        self._last_contact_toggled(False)
        forget_on_lock(session, self, LetterDialog.forget)

    def forget(self) -> None:
        """The session locked: drop the letter and the typing, and close."""
        self._previews.cancel()
        self.prepared = None
        self.preview.clear()
        for edit in (self.reason, self.requested_service, self.warning_signs, self.notes):
            edit.clear()
        self.first_contact_notes.clear()
        self.included_label.clear()
        self.consent_label.clear()
        self.status_label.clear()
        self.busy.stop()
        self.done(QDialog.DialogCode.Rejected)

    # -- the case -------------------------------------------------------------------------------
    def _person(self) -> dict:
        try:
            return dict(self.session.cases.get(self.case_id).person)
        except E.ServiceError:
            return {}

    def partner_id(self) -> str | None:
        return self.partner.currentData()

    # -- partner and consent --------------------------------------------------------------------
    def _partner_changed(self) -> None:
        self._previews.cancel()
        self.prepared = None
        self.preview.clear()
        self.included_label.clear()
        self.status_label.clear()
        self.error.clear()
        self.refusal.clear()
        self.consent_label.clear()
        partner = next((p for p in self.partners if p.id == self.partner_id()), None)
        self.consent_ok = False
        if partner is not None:
            self._apply_template(partner.kind)
            try:
                status, provision = self.session.consent.require_for_letter(self.case_id, partner.id)
            except E.ServiceError as error:
                self.refusal.show_text(describe_error(error) + "\n" + self.tr(
                    "Record the consent on the Consent tab first."))
            else:
                self.consent_ok = True
                self.consent_label.setText(self._consent_summary(status, provision))
                self.consent_label.setStyleSheet("color: #7a4a00;" if provision.override_reason else "color: #1e6b34;")
        self.form.setRowVisible(self.refusal, bool(self.refusal.text()))
        self.form.setRowVisible(self.consent_label, bool(self.consent_label.text()))
        self._update_enabled()

    def _consent_summary(self, status, provision) -> str:
        labels = item_labels(current_form(self.session))
        items = describe_items(sorted(provision.items), labels) or "—"
        if provision.override_reason:
            return self.tr("No consent, but a supervisor allowed one letter: {reason}. Items: {items}").format(
                reason=provision.override_reason, items=items)
        text = self.tr("Consent given for: {items}").format(items=items)
        if not status.sensitive:
            text += "\n" + self.tr("No sensitive-information consent: no health item will be printed.")
        return text + self._scan_summary()

    def _scan_summary(self) -> str:
        """Which of the consents this letter rests on have their signed form attached as a scan,
        and which were recorded without one (the centre may be asked to show the paper)."""
        with_scan, without = [], []
        for row in self._consent_rows:
            if row.record_id is None or (row.kind == "provision" and row.partner_id != self.partner_id()):
                continue
            name = self.tr("provision to {partner}").format(partner=row.partner_name) \
                if row.kind == "provision" else consent_kind_label(row.kind)
            (with_scan if row.record_id in self._scanned else without).append(name)
        lines = []
        if with_scan:
            lines.append(self.tr("Signed scan attached: {consents}").format(consents=", ".join(with_scan)))
        if without:
            lines.append(self.tr("Recorded without a signed scan: {consents}").format(consents=", ".join(without)))
        return "".join("\n" + line for line in lines)

    def _apply_template(self, kind: str) -> None:
        try:
            self._template = load_template(kind)
        except TemplateError:
            self._template = None
        keys = {part.key for part in self._template.details} if self._template else set()
        for key in OPTIONAL_DETAILS:
            self.form.setRowVisible(self._detail_widgets[key], key in keys)
        default = ""
        if self._template is not None:
            default = next((p.default or "" for p in self._template.details if p.key == "requested_service"), "")
        current = self.requested_service.toPlainText().strip()
        if not current or current == self._default_service:
            self.requested_service.setPlainText(default)
        self._default_service = default

    def _last_contact_toggled(self, known: bool) -> None:
        self.last_contact.setEnabled(known)
        self._mark_stale()

    # -- state ----------------------------------------------------------------------------------
    def _inputs(self) -> list[QWidget]:
        return [self.partner, self.reason, self.requested_service, self.first_contact_notes, self.warning_signs,
                self.notes, self.last_contact_known, self.last_contact, self.reply_by, self.reply_slip]

    def _update_enabled(self) -> None:
        issued = self.issued is not None
        working = self._issuing or self.busy.running
        for widget in self._inputs():
            widget.setEnabled(not issued and not working and (widget is self.partner or self.consent_ok))
        if not issued and self.consent_ok:
            self.last_contact.setEnabled(self.last_contact_known.isChecked() and not working)
        self.preview_button.setEnabled(self.consent_ok and not issued and not working)
        ready = (self.prepared is not None or issued) and self.preview.is_ready() and not working
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _mark_stale(self) -> None:
        if self.issued is not None or self.prepared is None:
            return
        self._previews.cancel()
        self.prepared = None
        self.status_label.setText(self.tr("Changed since the preview: preview again before printing or saving."))
        self._update_enabled()

    def _text_if_shown(self, edit) -> str:
        """A part the partner's template does not ask for stays out of the letter."""
        return edit.toPlainText().strip() if self.form.isRowVisible(edit) else ""

    def details(self) -> ReferralDetails:
        last_contact = from_qdatetime(self.last_contact.dateTime()) if self.last_contact_known.isChecked() else None
        return ReferralDetails(
            reason=self.reason.toPlainText().strip(),
            requested_service=self.requested_service.toPlainText().strip() or None,
            first_contact_notes=self.first_contact_notes.text().strip(),
            reply_by=from_qdate(self.reply_by.date()),
            last_contact=last_contact if self.form.isRowVisible(self._last_contact_widget) else None,
            warning_signs=self._text_if_shown(self.warning_signs),
            notes=self._text_if_shown(self.notes),
        )

    # -- preview --------------------------------------------------------------------------------
    def preview_letter(self) -> None:
        self.error.clear()
        partner_id = self.partner_id()
        if partner_id is None or not self.consent_ok or self.issued is not None:
            return
        details = self.details()
        if not details.reason:
            self.error.show_text(self.tr("Write the reason for the referral."))
            self.reason.setFocus()
            return
        self.busy.start(self.tr("Preparing the letter…"))
        self._update_enabled()
        letters, case_id, issue_date = self.session.letters, self.case_id, self._today()
        with_slip = self.reply_slip.isChecked()
        self._previews.run(
            lambda: letters.prepare(case_id, partner_id, details, issue_date=issue_date, reply_slip=with_slip),
            on_success=self._prepared, on_failure=self._prepare_failed, on_finished=self._preview_settled,
        )

    def _preview_settled(self) -> None:
        """A preview was shown, refused, or dropped because something changed meanwhile."""
        if not self._previews.running:  # (a newer preview keeps the bar going)
            self.busy.stop()
            self._update_enabled()

    def _prepared(self, prepared) -> None:
        self.busy.stop()
        if self.session.is_locked:
            self._update_enabled()
            return
        self.prepared = prepared
        if not self.preview.set_pdf(prepared.pdf):
            self.prepared = None
            self.error.show_text(self.tr("The letter could not be shown."))
        else:
            self.status_label.setText(self.tr(
                "Preview of letter {number}. It goes into the letters register when you print or save it.").format(
                number=prepared.number))
            self.included_label.setText(self._included_text(prepared))
        self._update_enabled()

    def _prepare_failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.show_error(error)
        self._update_enabled()

    def _included_text(self, prepared) -> str:
        try:
            labels = item_labels(self.session.forms.get(prepared.form_id, prepared.form_version))
        except Exception:  # noqa: BLE001 - labels only; fall back to the current form
            labels = item_labels(current_form(self.session))
        lines = [self.tr("Printed from the case: {items}").format(
            items=describe_items(prepared.included_fields, labels) or "—")]
        by_reason = Counter()
        names: dict[str, list[str]] = {}
        for omission in prepared.omitted:
            by_reason[omission.reason] += 1
            names.setdefault(omission.reason, []).append(labels.get(omission.field_id, omission.field_id))
        if names.get("not_consented"):
            lines.append(self.tr("Left out, no consent: {items}").format(items=", ".join(names["not_consented"])))
        if names.get("no_sensitive_consent"):
            lines.append(self.tr("Left out, no sensitive-information consent: {items}").format(
                items=", ".join(names["no_sensitive_consent"])))
        if names.get("unanswered"):
            lines.append(self.tr("Consented but not answered in the intake: {items}").format(
                items=", ".join(names["unanswered"])))
        lines.append(self.tr("Check the text you wrote in the preview: it is printed as written."))
        return "\n".join(lines)

    # -- issuing, printing, saving ---------------------------------------------------------------
    def suggested_file_name(self) -> str:
        letter = self.issued or self.prepared
        number = letter.number if letter is not None else ""
        return self.tr("Referral letter {number}.pdf").format(number=number)

    def print_letter(self) -> None:
        self.error.clear()
        if not self.print_button.isEnabled():
            return
        choice = printing.ask_print(self, self.suggested_file_name())
        if choice is None:
            return
        if choice.job is None:  # Print to file: the same PDF, saved
            self._with_issued(lambda: self._write(choice.save_path))
        else:
            self._with_issued(lambda: self._print_to(choice.job))

    def _print_to(self, job) -> None:
        try:
            printing.send(self.issued.pdf, job)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self._show_issued(self.tr("Sent %n page(s) to the printer.", "", self.preview.page_count()))

    def save_letter(self) -> None:
        self.error.clear()
        if not self.save_button.isEnabled():
            return
        path = printing.ask_save_path(self, self.suggested_file_name())
        if path is None:
            return
        self._with_issued(lambda: self._write(path))

    def _write(self, path) -> None:
        try:
            printing.write_atomically(path, self.issued.pdf)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self._show_issued(self.tr("Saved as {path}.").format(path=str(path)))

    def _with_issued(self, then: Callable[[], None]) -> None:
        """Issue the previewed letter once (off the UI thread), then run `then`."""
        if self.issued is not None:
            then()
            return
        if self._issuing or self.prepared is None:
            return
        self._issuing = True
        self.busy.start(self.tr("Putting the letter into the register…"))
        self._update_enabled()
        letters, prepared = self.session.letters, self.prepared
        run_in_background(lambda: letters.issue(prepared),
                          on_success=lambda issued: self._issued(issued, then),
                          on_failure=self._issue_failed)

    def _issued(self, issued, then: Callable[[], None]) -> None:
        self._issuing = False
        self.busy.stop()
        self.issued = issued
        if issued.pdf != self.preview.pdf:
            self.preview.set_pdf(issued.pdf)  # renumbered: show (and print) what was registered
        self._update_enabled()
        self._show_issued("")
        self.issued_letter.emit(issued)
        then()

    def _show_issued(self, done: str) -> None:
        issued = self.issued
        text = self.tr("Issued as {number} ({date}). It is in the letters register and the referral is "
                       "marked as sent.").format(number=issued.number, date=show_date(issued.issue_date))
        if issued.renumbered:
            text += " " + self.tr("The previewed number had been taken by another letter meanwhile.")
        if done:
            text += " " + done
        self.status_label.setText(resolve_particles(text))  # "기지개-12(으)로" -> "기지개-12로"
        self.status_label.setStyleSheet("color: #1e6b34; font-weight: bold;")

    def _issue_failed(self, error: BaseException) -> None:
        self._issuing = False
        self.busy.stop()
        self.error.show_error(error)
        self.prepared = None  # e.g. the consent changed: a new preview is needed
        self.status_label.clear()
        self._update_enabled()
