"""The consent tab of a case: collection, sensitive information, and one row per partner.

Each row says plainly where the consent stands (given / withdrawn / supervisor override /
none), with colour only as a second signal. The buttons record a consent, withdraw the
selected one, let a supervisor override a missing provision consent for one letter, and print
the consent form for the young person to sign.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.domain.cases import parse_date
from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.consent import STEPS_DONE, missing_steps
from intake_desktop.ui.kit.attachment_files import ask_scan_files
from intake_desktop.ui.background import run_in_background
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.letters.consent_dialogs import BasicConsentDialog, OverrideDialog, WithdrawDialog
from intake_desktop.ui.letters.consent_view import ConsentRow, consent_rows, with_recorded
from intake_desktop.ui.letters.items import current_form, describe_items, item_labels
from intake_desktop.ui.letters.labels import STATE_COLOURS, consent_kind_label, method_label, state_label
from intake_desktop.ui.kit.lock_guard import forget_on_lock
from intake_desktop.ui.letters.pdf_preview import PdfPreviewDialog
from intake_desktop.ui.letters.provision_dialog import ProvisionConsentDialog
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.kit.busy_bar import BusyBar
from intake_desktop.ui.kit.dates import show_date
from intake_desktop.ui.kit.tables import compact_rows
from intake_desktop.ui.messages import describe_error


class Column:
    CONSENT, STATE, DATE, HOW, ITEMS, SCAN = range(6)


class ConsentTab(QWidget):
    changed = Signal()  # a consent was recorded, withdrawn or overridden

    def __init__(self, session, case_id: str, parent: QWidget | None = None, *,
                 today: Callable[[], date] = dates.today) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self._today = today
        self.rows: list[ConsentRow] = []
        self.partners = []
        self.dialog: QDialog | None = None
        self._form = None
        self._labels: dict[str, str] = {}
        self._birth_date: date | None = None
        self._birth_date_known = False
        self.scanned: set[str] = set()  # consent records whose signed form is attached as a scan

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Consent"), self.tr("State"), self.tr("Date given"), self.tr("How"), self.tr("Items and details"),
            self.tr("Signed scan"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # one line a row; the whole text is in the tooltip and below
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        for column in (Column.CONSENT, Column.STATE, Column.DATE, Column.HOW, Column.SCAN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.ITEMS, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        details_box = QGroupBox(self.tr("Selected consent"))
        QVBoxLayout(details_box).addWidget(self.details)

        self.collection_button = QPushButton(self.tr("Collectio&n consent…"))
        self.collection_button.clicked.connect(lambda: self.record_basic("collection"))
        self.sensitive_button = QPushButton(self.tr("S&ensitive-information consent…"))
        self.sensitive_button.clicked.connect(lambda: self.record_basic("sensitive"))
        self.provision_button = QPushButton(self.tr("Consent for a partner (&D)…"))
        self.provision_button.clicked.connect(self.record_provision)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.override_button = QPushButton(self.tr("S&upervisor override…"))
        self.override_button.clicked.connect(self.override_selected)
        self.override_button.setVisible(session.has_role(Role.SUPERVISOR))
        self.scan_button = QPushButton(self.tr("Attach si&gned scan…"))
        self.scan_button.setToolTip(self.tr("Attach the scan of the signed form to the selected consent"))
        self.scan_button.clicked.connect(self.attach_scan)
        self.print_button = QPushButton(self.tr("Print consent for&m…"))
        self.print_button.clicked.connect(self.print_consent_form)
        self.busy = BusyBar()
        self.error = ErrorLabel()
        # What is still missing, in the order the law asks for, and what each gap blocks.
        self.steps = QLabel()
        self.steps.setObjectName("consent_steps")
        self.steps.setWordWrap(True)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)  # it keeps its height
        self.steps.setStyleSheet("#consent_steps { background: #fff6e0; border: 1px solid #e0c080; padding: 6px; }")

        buttons = QHBoxLayout()
        for button in (self.collection_button, self.sensitive_button, self.provision_button,
                       self.withdraw_button, self.override_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addWidget(details_box, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        forget_on_lock(session, self, ConsentTab.forget)
        self.refresh()

    def forget(self) -> None:
        """Drop everything shown (the session locked); refresh() shows it again."""
        self.rows = []
        self.scanned = set()
        self.table.setRowCount(0)
        self.details.clear()
        self._birth_date, self._birth_date_known = None, False
        self.busy.stop()
        self.print_button.setEnabled(True)

    # -- data --------------------------------------------------------------------------------
    def _form_labels(self) -> dict[str, str]:
        if self._form is None:
            self._form = current_form(self.session)
            self._labels = item_labels(self._form)
        return self._labels

    def birth_date(self) -> date | None:
        if not self._birth_date_known:
            try:
                detail = self.session.cases.get(self.case_id)
            except E.ServiceError:
                return None
            self._birth_date = parse_date(detail.person.get("birth_date"))
            self._birth_date_known = True
        return self._birth_date

    def refresh(self) -> None:
        self.error.clear()
        selected = self.selected_row()
        key = (selected.kind, selected.partner_id) if selected else None
        try:
            records = self.session.records.records("consent", self.case_id)
            # Offered: the partners a letter can go to (not the centre itself). Shown besides:
            # any other partner this case already has a consent record for, so history stays.
            self.partners = self.session.partners.letter_recipients()
            directory = self.session.partners.list()
            self.scanned = self.session.attachments.scanned_consents(self.case_id)
            self._form_labels()
        except E.ServiceError as error:
            self.rows = []
            self.table.setRowCount(0)
            self.error.show_error(error)
            self._selection_changed()
            return
        self.rows = consent_rows(records, with_recorded(self.partners, directory, records), content_language())
        self._show_steps()
        self._fill_table()
        if key is not None:
            for i, row in enumerate(self.rows):
                if (row.kind, row.partner_id) == key:
                    self.table.selectRow(i)
        self._selection_changed()

    def _show_steps(self) -> None:
        """Lead through collection → sensitive information → each partner: the next consents
        to take, what a missing one blocks, and the buttons that must wait for collection."""
        try:
            status = self.session.consent.status(self.case_id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        missing = missing_steps(status)
        lines = [QCoreApplication.translate("ConsentSteps", step) for step in missing]
        self.steps.setText("\n".join(lines) if lines else QCoreApplication.translate("ConsentSteps", STEPS_DONE))
        # The guide only ever grows shorter while the tab is open; keep its height so that the
        # buttons below it do not move up under the pointer (a counsellor's next click missed).
        needed = self.steps.heightForWidth(self.steps.width()) if self.steps.width() > 0 else -1
        self.steps.setMinimumHeight(max(self.steps.minimumHeight(), needed, self.steps.sizeHint().height()))
        wait = "" if status.collection else self.tr("Record the consent to collection and use first.")
        for button in (self.sensitive_button, self.provision_button):
            button.setEnabled(status.collection)
            button.setToolTip(wait)

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for i, row in enumerate(self.rows):
            texts = [self._consent_text(row), self._state_text(row), show_date(row.on),
                     self._how_text(row), self._items_text(row), self._scan_text(row)]
            foreground, background = STATE_COLOURS.get(row.state, ("", ""))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == Column.STATE:
                    item.setForeground(QBrush(QColor(foreground)))
                    if row.state in ("withdrawn", "override"):
                        item.setFont(bold)
                if background:
                    item.setBackground(QBrush(QColor(background)))
                self.table.setItem(i, column, item)

    def _consent_text(self, row: ConsentRow) -> str:
        if row.kind == "provision":
            return self.tr("Provision to {partner}").format(partner=row.partner_name)
        return consent_kind_label(row.kind)

    def _state_text(self, row: ConsentRow) -> str:
        text = state_label(row.state)
        if row.state == "withdrawn" and row.withdrawn_on:
            text = self.tr("Withdrawn on {date}").format(date=show_date(row.withdrawn_on))
        return text

    def _scan_text(self, row: ConsentRow) -> str:
        if row.record_id is None:
            return ""
        return self.tr("Attached") if row.record_id in self.scanned else self.tr("Not attached")

    def _how_text(self, row: ConsentRow) -> str:
        if row.state == "override" or not row.method:
            return ""
        if row.method == "verbal_witness" and row.witness:
            parts = [self.tr("Verbal (witness: {name})").format(name=row.witness)]
        else:
            parts = [method_label(row.method)]
        if row.guardian_name:
            parts.append(self.tr("guardian: {name} ({relationship})").format(
                name=row.guardian_name, relationship=row.guardian_relationship))
        return ", ".join(parts)

    def _items_text(self, row: ConsentRow) -> str:
        items = describe_items(row.items, self._labels)
        if row.state == "override":
            return self.tr("Reason: {reason}. Items: {items}").format(reason=row.override_reason, items=items or "—")
        if row.kind != "provision" and row.state == "given" and row.earlier_withdrawals:
            return self.tr("Given again after an earlier withdrawal")
        return items

    def _details_text(self, row: ConsentRow) -> str:
        lines = [f"{self._consent_text(row)} — {self._state_text(row)}"]
        if row.on and row.state != "override":
            how = self._how_text(row)
            lines.append(self.tr("Given on {date} ({how})").format(date=show_date(row.on), how=how) if how
                         else self.tr("Given on {date}").format(date=show_date(row.on)))
        if row.items:
            lines.append(self.tr("Items: {items}").format(items=describe_items(row.items, self._labels)))
        if row.record_id is not None:
            lines.append(self.tr("The signed form is attached as a scan (Attached documents tab).")
                         if row.record_id in self.scanned else
                         self.tr("Recorded without a signed scan: attach it with Attach signed scan."))
        if row.purpose:
            lines.append(self.tr("Purpose: {purpose}").format(purpose=row.purpose))
        if row.retention:
            lines.append(self.tr("Retention at the recipient: {retention}").format(retention=row.retention))
        if row.state == "withdrawn":
            lines.append(self.tr("Withdrawn on {date}, asked for by {who}. No letter can rely on it.").format(
                date=show_date(row.withdrawn_on), who=row.withdrawn_by or "—"))
        if row.state == "override":
            lines.append(self.tr("On {date} a supervisor allowed one letter without consent. Reason: {reason}").format(
                date=show_date(row.on), reason=row.override_reason))
        if row.state == "none" and row.kind == "provision":
            lines.append(self.tr("No consent: no letter can be sent to this institution."))
        if row.earlier_withdrawals:
            lines.append(self.tr("Earlier withdrawals of this consent: %n", "", row.earlier_withdrawals))
        if row.overrides_used:
            lines.append(self.tr("Letters sent on a supervisor override: {numbers}").format(
                numbers=", ".join(row.overrides_used)))
        return "\n".join(lines)

    # -- selection ---------------------------------------------------------------------------
    def selected_row(self) -> ConsentRow | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not indexes:
            return None
        i = indexes[0].row()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def select(self, kind: str, partner_id: str | None = None) -> None:
        for i, row in enumerate(self.rows):
            if row.kind == kind and (partner_id is None or row.partner_id == partner_id):
                self.table.selectRow(i)
                return

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.details.setText(self._details_text(row) if row else self.tr("Select a row to see its details."))
        self.withdraw_button.setEnabled(bool(row and row.can_withdraw))
        self.scan_button.setEnabled(bool(row and row.record_id))
        self.override_button.setEnabled(bool(row and row.kind == "provision" and row.state != "given"))

    # -- actions -----------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    def record_basic(self, kind: str) -> QDialog:
        return self._open(BasicConsentDialog(self.session, self.case_id, kind, birth_date=self.birth_date(),
                                             today=self._today(), parent=self))

    def record_provision(self) -> QDialog:
        row = self.selected_row()
        partner_id = row.partner_id if row and row.kind == "provision" else None
        return self._open(ProvisionConsentDialog(
            self.session, self.case_id, self.partners, self._form or current_form(self.session),
            partner_id=partner_id, birth_date=self.birth_date(), today=self._today(), parent=self))

    def withdraw_selected(self) -> QDialog | None:
        row = self.selected_row()
        if row is None or not row.can_withdraw:
            return None
        return self._open(WithdrawDialog(self.session, self.case_id, row, today=self._today(), parent=self))

    def override_selected(self) -> QDialog | None:
        if not self.session.has_role(Role.SUPERVISOR):
            return None
        row = self.selected_row()
        partner_id = row.partner_id if row and row.kind == "provision" else None
        return self._open(OverrideDialog(self.session, self.case_id, self.partners,
                                         self._form or current_form(self.session), partner_id=partner_id,
                                         parent=self))

    def attach_scan(self, path: Path | None = None) -> bool:
        """Attach a scan of the signed form to the selected consent (a file chooser unless given)."""
        row = self.selected_row()
        if row is None or row.record_id is None:
            return False
        if path is None:
            chosen = ask_scan_files(self)
            if not chosen:
                return False
            path = chosen[0]
        self.error.clear()
        try:
            self.session.attachments.attach(self.case_id, path, kind="consent", consent_id=row.record_id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self._after_change()
        return True

    def print_consent_form(self) -> None:
        """Render the consent form off the UI thread, then show it in the preview dialog."""
        if self.busy.running:
            return
        self.error.clear()
        self.print_button.setEnabled(False)
        self.busy.start(self.tr("Preparing the consent form…"))
        letters, case_id, today = self.session.letters, self.case_id, self._today()
        run_in_background(lambda: letters.consent_form(case_id, issue_date=today),
                          on_success=self._show_consent_form, on_failure=self._consent_form_failed)

    def _show_consent_form(self, pdf: bytes) -> None:
        self.busy.stop()
        self.print_button.setEnabled(True)
        if self.session.is_locked:
            return  # locked while rendering: show nothing
        dialog = PdfPreviewDialog(self.tr("Consent form"), pdf, self.tr("consent-form.pdf"), self,
                                  session=self.session)
        self.dialog = dialog
        dialog.open()

    def _consent_form_failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.print_button.setEnabled(True)
        self.error.setText(describe_error(error))
