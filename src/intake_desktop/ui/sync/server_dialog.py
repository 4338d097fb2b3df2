"""관리 → 센터 서버: the centre server's state, sync now, conflicts, and (admins) publishing.

Everyone who can sync sees the status, `Sync now` and the conflicts, and chooses which version
of a conflicting record to keep. Only an administrator publishes this vault to a server (once per
centre) and stores the database password (sealed in the vault by the sync service, never in
settings). Every call that may reach the server runs in the background; the dialog never waits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from intake_desktop.domain.enums import Role
from intake_desktop.letters.formatting import format_datetime
from intake_desktop.services import errors as E
from intake_desktop.ui.background import Latest
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.messages import describe_error
from intake_desktop.ui.sync.conflict_chooser import SyncConflictChooser
from intake_desktop.ui.sync.controller import SyncController
from intake_desktop.ui.sync.labels import record_kind

MINE, THEIRS = "mine", "theirs"


class CentreServerDialog(QDialog):
    open_case = Signal(str)  # case id of a conflict, to compare in the case file

    def __init__(self, session, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self.admin = session.has_role(Role.ADMIN)
        self.publishing = Latest()
        self.reading_conflicts = Latest()
        self._publishing = False  # a publish is on its way (its outcome not yet delivered)
        self.conflicts: list = []
        self.chooser: SyncConflictChooser | None = None  # the side-by-side chooser last opened
        self.setWindowTitle(self.tr("Centre server"))

        self.server_label = QLabel()
        self.pc_label = QLabel()
        self.last_label = QLabel()
        self.waiting_label = QLabel()
        self.outcome_label = QLabel()
        self.outcome_label.setWordWrap(True)
        for label in (self.server_label, self.pc_label, self.last_label, self.outcome_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        status_form = QFormLayout()
        status_form.addRow(self.tr("Server:"), self.server_label)
        status_form.addRow(self.tr("This PC:"), self.pc_label)
        status_form.addRow(self.tr("Last sync:"), self.last_label)
        status_form.addRow(self.tr("Waiting to be sent:"), self.waiting_label)
        status_form.addRow(self.tr("Last round:"), self.outcome_label)
        status_box = QGroupBox(self.tr("Sync"))
        status_layout = QVBoxLayout(status_box)
        status_layout.addLayout(status_form)
        status_layout.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.conflict_table = QTableWidget(0, 4)
        self.conflict_table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Case"), self.tr("Changed also on"), self.tr("Found")])
        self.conflict_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflict_table.verticalHeader().setVisible(False)
        self.conflict_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflict_table.horizontalHeader().setStretchLastSection(True)
        self.conflict_table.itemSelectionChanged.connect(self._update_buttons)
        self.conflict_table.doubleClicked.connect(lambda _index: self.compare())
        self.compare_button = QPushButton(self.tr("Compare and choose…"))
        self.compare_button.clicked.connect(self.compare)
        self.keep_mine_button = QPushButton(self.tr("Keep this PC's version"))
        self.keep_theirs_button = QPushButton(self.tr("Keep the other version"))
        self.open_case_button = QPushButton(self.tr("Open the case"))
        self.keep_mine_button.clicked.connect(lambda: self.resolve(MINE))
        self.keep_theirs_button.clicked.connect(lambda: self.resolve(THEIRS))
        self.open_case_button.clicked.connect(self._open_selected_case)
        conflict_buttons = QHBoxLayout()
        for button in (self.compare_button, self.keep_mine_button, self.keep_theirs_button, self.open_case_button):
            conflict_buttons.addWidget(button)
        conflict_buttons.addStretch(1)
        conflict_intro = QLabel(self.tr(
            "A conflict is a record changed on this PC and on another PC before they synced. Both "
            "versions are kept until someone chooses. Compare them side by side and choose, field by "
            "field for personal details, the case and intake forms; the choice reaches every PC."))
        conflict_intro.setWordWrap(True)
        self.conflict_box = QGroupBox(self.tr("Conflicts"))
        conflict_layout = QVBoxLayout(self.conflict_box)
        conflict_layout.addWidget(conflict_intro)
        conflict_layout.addWidget(self.conflict_table)
        conflict_layout.addLayout(conflict_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(status_box)
        layout.addWidget(self.conflict_box, 1)
        if self.admin:
            layout.addWidget(self._make_setup_box())
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

        controller.started.connect(self.refresh)
        controller.finished.connect(self._round_finished)
        controller.status_changed.connect(self.refresh)
        controller.status_changed.connect(self.load_conflicts)
        self.refresh()
        self.load_conflicts()
        controller.refresh_facts()

    # -- the administrator's part --------------------------------------------------------------
    def _make_setup_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Connection (administrator)"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql://intake@192.168.10.5/intake?sslmode=require")
        self.url_edit.setAccessibleName(self.tr("Database address"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Database password"))
        self.publish_button = QPushButton(self.tr("Publish this vault to the server…"))
        self.publish_button.clicked.connect(self.publish)
        self.password_button = QPushButton(self.tr("Store the new password"))
        self.password_button.clicked.connect(self.store_password)
        form = QFormLayout()
        form.addRow(self.tr("Database address:"), self.url_edit)
        form.addRow(self.tr("Database password:"), self.password_edit)
        row = QHBoxLayout()
        row.addWidget(self.publish_button)
        row.addWidget(self.password_button)
        row.addStretch(1)
        self.join_label = QLabel()
        self.join_label.setWordWrap(True)
        self.join_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.join_label)
        return box

    def publish(self) -> None:
        self.error.clear()
        url = self.url_edit.text().strip()
        if not url:
            self.error.show_text(self.tr("Enter the database address first."))
            return
        answer = QMessageBox.question(self, self.tr("Publish to the centre server"), self.tr(
            "This vault becomes the centre's shared vault on {server}. Do this once, on one PC; "
            "the other PCs then join it. Continue?").format(server=url.split("@")[-1]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        password = self.password_edit.text() or None
        self.password_edit.clear()
        self.outcome_label.setText(self.tr("Publishing…"))
        self._publishing = True
        self.publishing.run(lambda: self.session.sync.init_server(url, password),
                            on_success=self._published, on_failure=self._publish_failed)
        self.publish_button.setEnabled(False)

    def _published(self, _result) -> None:
        self._publishing = False
        self.outcome_label.setText(self.tr("Published. Other PCs can join now."))
        self.controller.start()

    def _publish_failed(self, error: BaseException) -> None:
        self._publishing = False
        self.outcome_label.clear()
        self.error.show_error(error)
        self.refresh()

    def store_password(self) -> None:
        self.error.clear()
        password = self.password_edit.text()
        if not password:
            self.error.show_text(self.tr("Enter the new database password first."))
            return
        try:
            self.session.sync.store_password(password)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.password_edit.clear()
        self.outcome_label.setText(self.tr("Password stored (sealed in the vault)."))
        self.controller.sync_now()

    # -- everyone ------------------------------------------------------------------------------
    def sync_now(self) -> None:
        self.error.clear()
        if not self.controller.sync_now():
            self.error.show_text(self.tr("This PC has no centre server yet."))

    def _round_finished(self) -> None:
        last = self.controller.last
        if last is not None and last.error is not None:
            self.outcome_label.setText(describe_error(last.error))
            self.outcome_label.setStyleSheet("color: #b03a2e;")
        elif last is not None:
            result = last.result
            self.outcome_label.setStyleSheet("")
            self.outcome_label.setText(self.tr("Received {pulled}, sent {pushed}, new conflicts {conflicts}.").format(
                pulled=getattr(result, "pulled", 0), pushed=getattr(result, "pushed", 0),
                conflicts=getattr(result, "conflicts", 0)))
        self.refresh()

    def refresh(self) -> None:
        configured = self.controller.configured
        status = self.controller.facts if configured else None
        running = self.controller.running
        self.sync_button.setEnabled(configured and not running)
        self.sync_button.setText(self.tr("Syncing…") if running else self.tr("Sync now"))
        if status is None:
            self.server_label.setText(self.tr("None. This PC works on its own vault only."))
            for label in (self.pc_label, self.last_label, self.waiting_label):
                label.clear()
        else:
            self.server_label.setText(status.server)
            self.pc_label.setText(status.pc_id[:8])
            self.last_label.setText(format_datetime(status.last_sync_at.astimezone()) if status.last_sync_at
                                    else self.tr("Not synced yet"))
            self.waiting_label.setText(self.tr("%n change(s)", "", status.waiting))
        if self.admin:
            self.publish_button.setEnabled(not configured and not self._publishing)
            self.password_button.setEnabled(configured)
            self.join_label.setText(self.tr(
                "To add a PC: install intake-desktop there and run\n"
                "intake-desktop join --database-url {url}\nthen log in as usual.").format(
                url=self.url_edit.text().strip() or self.tr("ADDRESS")))

    def load_conflicts(self) -> None:
        """Read the conflicts off the UI thread (finding each one's case reads every synced row)."""
        if not self.controller.configured:
            self._show_conflicts([])
            return
        self.reading_conflicts.run(self.session.sync.conflicts, on_success=self._show_conflicts,
                                   on_failure=self.error.show_error)

    def _show_conflicts(self, conflicts) -> None:
        selected = self._selected()
        key = (selected.table, selected.row_id) if selected is not None else None
        self.conflicts = list(conflicts)
        numbers = self._case_numbers()
        self.conflict_table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            # PCs have no names yet: the start of the id, as `sync status` prints it, tells them apart
            number = conflict.case_number or numbers.get(conflict.case_id or "", "")
            cells = (record_kind(conflict.table), number,
                     conflict.theirs_pc[:8], format_datetime(conflict.detected_at.astimezone()))
            for column, text in enumerate(cells):
                self.conflict_table.setItem(row, column, QTableWidgetItem(text))
            if key == (conflict.table, conflict.row_id):
                self.conflict_table.selectRow(row)
        self.conflict_box.setTitle(self.tr("Conflicts (%n)", "", len(self.conflicts)))
        self._update_buttons()

    def _case_numbers(self) -> dict[str, str]:
        """case id -> case number, from the index already in memory (none is decrypted for this)."""
        try:
            return {item.case_id: item.case_number for item in self.session.cases.index.items}
        except E.ServiceError:
            return {}

    def _selected(self):
        rows = self.conflict_table.selectionModel().selectedRows() if self.conflict_table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def _update_buttons(self) -> None:
        conflict = self._selected()
        for button in (self.compare_button, self.keep_mine_button, self.keep_theirs_button):
            button.setEnabled(conflict is not None)
        self.open_case_button.setEnabled(conflict is not None and bool(conflict.case_id))

    def resolve(self, keep: str) -> None:
        conflict = self._selected()
        if conflict is None:
            return
        self.error.clear()
        try:
            self.session.sync.resolve(conflict.table, conflict.row_id, keep)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self._resolved()

    def _resolved(self, _keep: str = "") -> None:
        self.load_conflicts()
        self.controller.sync_soon()  # the choice reaches the other PCs with the next round
        self.controller.refresh_facts()

    def compare(self) -> None:
        """Both versions of the selected conflict side by side (reading them is logged like
        opening the case; a counsellor who may not open the case is told so)."""
        conflict = self._selected()
        if conflict is None:
            return
        self.error.clear()
        try:
            versions = self.session.sync.conflict_versions(conflict.table, conflict.row_id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.chooser = SyncConflictChooser(self.session, versions, self)
        self.chooser.resolved.connect(self._resolved)
        self.chooser.failed.connect(self.error.show_error)
        self.chooser.open()

    def _open_selected_case(self) -> None:
        conflict = self._selected()
        if conflict is not None and conflict.case_id:
            self.open_case.emit(conflict.case_id)

    def done(self, result: int) -> None:
        self.publishing.cancel()
        self.reading_conflicts.cancel()
        super().done(result)
