"""The service plan: goals table (see plan_model.py), add / remove a goal, save.

The plan is one record per case, replaced on every save with a version check; when another
window or a colleague saved the plan in between, both plans are shown side by side (conflict
dialog) and the counsellor chooses which one stays.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from intake_desktop.domain.cases import parse_date
from intake_desktop.domain.korean import format_date
from intake_desktop.services import errors as E
from intake_desktop.services.errors import ConflictError
from intake_desktop.services.records import Record
from intake_desktop.services.session import Session
from intake_desktop.ui.case_file.conflict_dialog import ConflictDialog
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.case_file.plan_model import PlanColumn, PlanDelegate, PlanModel
from intake_desktop.ui.casework_labels import plan_status_label
from intake_desktop.ui.error_label import ErrorLabel

PLAN_KEY = "plan"


class PlanTab(QWidget):
    changed = Signal()

    def __init__(self, session: Session, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self._record: Record | None = None  # the stored plan the editing started from
        self.conflict_dialog: ConflictDialog | None = None
        self.model = PlanModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(PlanDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setAccessibleName(self.tr("Service plan goals"))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.hint = QLabel(self.tr(
            "One row per goal. Type in a cell or press F2 to edit; Tab moves to the next cell."))
        self.hint.setWordWrap(True)
        self.error = ErrorLabel()
        self.add_button = QPushButton(self.tr("A&dd goal"))
        self.add_button.clicked.connect(self.add_goal)
        self.remove_button = QPushButton(self.tr("Re&move goal"))
        self.remove_button.clicked.connect(self.remove_goal)
        self.save_button = QPushButton(self.tr("Save pla&n"))
        self.save_button.setToolTip(self.tr("Save the service plan (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _fit_columns(self) -> None:
        width = self.fontMetrics().averageCharWidth()
        for column, chars in ((PlanColumn.GOAL, 28), (PlanColumn.SERVICES, 24), (PlanColumn.PARTNER, 22),
                              (PlanColumn.TARGET, 12)):
            self.table.setColumnWidth(column, width * chars)

    def refresh(self) -> None:
        self.error.clear()
        try:
            language = content_language()
            self.model.set_partners([(p.id, p.label(language)) for p in self._session.partners.list()])
            record = self._session.casework.plan(self._case_id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        if not self.model.is_dirty():  # typing wins over a reload; the save will check versions
            self._record = record
            self.model.set_goals(record.document.get("goals", []) if record else [])
        self._fit_columns()

    # -- editing ---------------------------------------------------------------------------------
    def add_goal(self) -> None:
        row = self.model.add_goal()
        index = self.model.index(row, PlanColumn.GOAL)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove_goal(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove_goal(index.row())

    # -- editor protocol ----------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self.model.is_dirty()

    def draft(self) -> dict:
        base = self._record
        return {"goals": self.model.goals(),
                "base": None if base is None else {"id": base.id, "version": base.version,
                                                   "created_by": base.created_by, "document": base.document}}

    def restore(self, content: dict) -> None:
        base = content.get("base")
        self._record = (Record(base["id"], self._case_id, int(base["version"]), base.get("created_by", ""),
                               base.get("document") or {}) if isinstance(base, dict) else None)
        pristine = self._record.document.get("goals", []) if self._record else []
        self.model.set_goals(list(content.get("goals") or []), pristine=pristine)

    def save(self) -> bool:
        self.error.clear()
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setFocus()  # commits the open cell editor
        goals = [g for g in self.model.goals() if any((g.get("goal"), g.get("services"), g.get("partner_id"),
                                                       g.get("target_date")))]
        problems = []
        for number, goal in enumerate(goals, start=1):
            if not (goal.get("goal") or "").strip():
                problems.append(self.tr("Goal {n}: say what the goal is.").format(n=number))
            if goal.get("target_date") and parse_date(goal["target_date"]) is None:
                problems.append(self.tr("Goal {n}: the target date is not a date.").format(n=number))
        if problems:
            self.error.show_text("\n".join(problems))
            return False
        return self._store(goals, self._record)

    def _store(self, goals: list[dict], previous: Record | None) -> bool:
        try:
            if previous is None and self._session.casework.plan(self._case_id) is not None:
                raise ConflictError(E.MSG_CONFLICT)  # a first plan was saved elsewhere meanwhile
            record = self._session.casework.save_plan(self._case_id, goals, previous)
        except ConflictError:
            self._resolve_conflict(goals)
            return False
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self._record = record
        self.model.set_goals(record.document.get("goals", []))
        self.changed.emit()
        return True

    def _describe(self, goals: list[dict]) -> str:
        if not goals:
            return self.tr("(no goals)")
        lines = []
        for number, goal in enumerate(goals, start=1):
            target = parse_date(goal.get("target_date"))
            lines.append(self.tr("{n}. {goal} · {services} · {partner} · {date} · {status}").format(
                n=number, goal=goal.get("goal") or "—", services=goal.get("services") or "—",
                partner=self.model.partner_name(goal.get("partner_id")) or "—",
                date=format_date(target) if target else "—", status=plan_status_label(goal.get("status") or "open")))
        return "\n".join(lines)

    def _resolve_conflict(self, mine: list[dict]) -> None:
        try:
            fresh = self._session.casework.plan(self._case_id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        theirs = fresh.document.get("goals", []) if fresh else []
        base = self._record.document.get("goals", []) if self._record else []
        texts = {"base": self._describe(base), "mine": self._describe(mine), "theirs": self._describe(theirs)}
        dialog = ConflictDialog([(PLAN_KEY, self.tr("Service plan"))], {PLAN_KEY: texts["base"]},
                                {PLAN_KEY: texts["mine"]}, {PLAN_KEY: texts["theirs"]},
                                lambda _key, text: str(text), self)

        def resolved(merged: dict) -> None:
            self._record = fresh
            if merged[PLAN_KEY] == texts["mine"]:
                self._store(mine, fresh)
            else:
                self.model.set_goals(theirs)
                self.changed.emit()

        dialog.resolved.connect(resolved)
        self.conflict_dialog = dialog
        dialog.open()
