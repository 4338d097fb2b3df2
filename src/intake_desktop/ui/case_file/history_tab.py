"""The 변경 이력 tab of a case: who changed what and when (services/history.py).

One row per changed field, newest first: when, who, what (the entity and the field's label
from the form), the old and the new value, and the reason of a correction. A correction's
rows are marked; with one selected, "Correction notice…" shows the 정정 통지서 to print or save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from intake_desktop.services import errors as E
from intake_desktop.domain.dates import in_seoul
from intake_desktop.services.history import ENTITY_LABELS, HistoryEntry
from intake_desktop.ui.case_file import screens
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.kit.lock_guard import forget_on_lock
from intake_desktop.ui.messages import describe_error

CORRECTION_BACKGROUND = "#fff6e0"


class Column:
    WHEN, WHO, WHAT, OLD, NEW, REASON = range(6)


class HistoryTab(QWidget):
    changed = Signal()  # never emitted: reading the history changes nothing (the case file listens)

    def __init__(self, session, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.entries: list[HistoryEntry] = []
        self.rows: list[HistoryEntry] = []  # the entry of each table row
        self.dialog: QDialog | None = None

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Changed by"), self.tr("What"), self.tr("Before"), self.tr("After"),
            self.tr("Reason for the correction"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (Column.WHEN, Column.WHO, Column.WHAT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (Column.OLD, Column.NEW, Column.REASON):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.intro = QLabel(self.tr(
            "Every change to the person's details, the case overview, intakes, the service plan and consents, "
            "newest first. Corrections made at the person's request are highlighted with their reason."))
        self.intro.setWordWrap(True)
        self.empty_label = QLabel(self.tr("No changes have been recorded for this case."))
        self.notice_button = QPushButton(self.tr("Correction &notice…"))
        self.notice_button.setToolTip(self.tr("Print or save the notice telling the person what was corrected"))
        self.notice_button.clicked.connect(self.show_notice)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        forget_on_lock(session, self, HistoryTab.forget)  # the case file calls refresh() when shown

    def forget(self) -> None:
        self.entries, self.rows = [], []
        self.table.setRowCount(0)

    def refresh(self) -> None:
        self.error.clear()
        try:
            self.entries = self.session.history.for_case(self.case_id)
            words = self.session.history.labels(content_language())
        except E.ServiceError as error:
            self.entries = []
            self.error.show_error(error)
            words = None
        self.rows = [entry for entry in self.entries for _change in entry.changes]
        self.table.setRowCount(len(self.rows))
        row = 0
        for entry in self.entries:
            when = in_seoul(entry.at).strftime("%Y-%m-%d %H:%M")
            entity = QCoreApplication.translate("History", ENTITY_LABELS[entry.entity])
            for change in entry.changes:
                texts = [when, entry.by_name, f"{entity} · {words.field(change.field)}",
                         words.value(change.field, change.old), words.value(change.field, change.new),
                         entry.reason if entry.correction else ""]
                for column, text in enumerate(texts):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    if entry.correction:
                        item.setBackground(QBrush(QColor(CORRECTION_BACKGROUND)))
                    self.table.setItem(row, column, item)
                row += 1
        self.empty_label.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        self._update_buttons()

    def selected_entry(self) -> HistoryEntry | None:
        model = self.table.selectionModel()
        indexes = model.selectedRows() if model else []
        if not indexes:
            return None
        i = indexes[0].row()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.notice_button.setEnabled(bool(entry and entry.correction))

    def show_notice(self) -> QDialog | None:
        entry = self.selected_entry()
        if entry is None or not entry.correction:
            return None
        self.error.clear()
        try:
            pdf = self.session.history.correction_notice(self.case_id, entry.id)
        except E.ServiceError as error:
            self.error.setText(describe_error(error))
            return None
        dialog = screens.pdf_preview_dialog()(self.tr("Correction notice"), pdf, self.tr("Correction notice.pdf"), self,
                                  session=self.session)
        self.dialog = dialog
        dialog.open()
        return dialog
