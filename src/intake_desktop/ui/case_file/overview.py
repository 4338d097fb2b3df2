"""The case file's overview: the person's details (editable, version-checked), the stage with
only the allowed moves, risk level, counsellor (reassign, share) and the crisis flag.

Person edits are saved with the version they were loaded at; if someone saved in between the
service refuses (ConflictError) and the conflict dialog shows both versions. The risk level
lives in the case document, which the services also touch (last contact, next follow-up), so
it is written on top of the newest case document, and only a risk changed by someone else in
the meantime is a conflict worth asking about.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.domain import stages
from intake_desktop.domain.cases import age_on, parse_date
from intake_desktop.domain.enums import RiskLevel, Role, Stage
from intake_desktop.domain.korean import format_date
from intake_desktop.services import errors as E
from intake_desktop.services.cases import CaseDetail
from intake_desktop.services.errors import ConflictError
from intake_desktop.services.people import clean_person
from intake_desktop.services.session import Session
from intake_desktop.ui.case_file.account_dialog import AccountChooser
from intake_desktop.ui.case_file.conflict_dialog import ConflictDialog
from intake_desktop.ui.case_file.person_form import FIELDS, PersonForm, display_value, flat, unflat
from intake_desktop.ui.case_file.reason_dialog import ReasonDialog
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.labels import field_label, risk_label, stage_label
from intake_desktop.ui.messages import describe_problem

SEOUL_AGES = (19, 39)  # Seoul's programmes for isolated and reclusive young people
NATIONAL_MAX_AGE = 34  # the national law in force from 2026. 3. 26.
RISK_KEY = "risk_level"


class OverviewTab(QWidget):
    changed = Signal()  # something stored changed: reload the case (and the case list)

    def __init__(self, session: Session, case_id: str, *, today: Callable[[], date] = dates.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self._today = today
        self._detail: CaseDetail | None = None
        self._person_base: dict = {}  # flat person as loaded (what "mine" is compared with)
        self._person_version = 0
        self._risk_base: str = ""  # risk level as loaded
        self.conflict_dialog: ConflictDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.account_dialog: AccountChooser | None = None

        # -- person ------------------------------------------------------------------------
        self.person_form = PersonForm()
        self.age_label = QLabel()
        self.age_label.setWordWrap(True)
        person_box = QGroupBox(self.tr("Person"))
        person_layout = QVBoxLayout(person_box)
        person_layout.addWidget(self.person_form)
        person_layout.addWidget(self.age_label)

        # -- case --------------------------------------------------------------------------
        self.stage_label = QLabel()
        self.next_stage = QComboBox()
        self.next_stage.setAccessibleName(self.tr("Move the case to"))
        self.stage_button = QPushButton(self.tr("Change sta&ge…"))
        self.stage_button.clicked.connect(self.change_stage)
        stage_row = QHBoxLayout()
        stage_row.addWidget(self.stage_label)
        stage_row.addStretch()
        stage_row.addWidget(QLabel(self.tr("Move to:")))
        stage_row.addWidget(self.next_stage)
        stage_row.addWidget(self.stage_button)
        self.closure_label = QLabel()
        self.closure_label.setWordWrap(True)

        self.risk = QComboBox()
        self.risk.addItem(self.tr("Not assessed"), "")
        for level in RiskLevel:
            self.risk.addItem(risk_label(level), level.value)
        self.risk.setAccessibleName(self.tr("Risk level"))

        self.counsellor_label = QLabel()
        self.reassign_button = QPushButton(self.tr("Reassign (&Y)…"))
        self.reassign_button.clicked.connect(self.reassign)
        self.share_button = QPushButton(self.tr("Share (&Q)…"))
        self.share_button.clicked.connect(self.share)
        counsellor_row = QHBoxLayout()
        counsellor_row.addWidget(self.counsellor_label, 1)
        counsellor_row.addWidget(self.reassign_button)
        counsellor_row.addWidget(self.share_button)

        self.crisis_label = QLabel()
        self.crisis_label.setWordWrap(True)
        self.clear_crisis_button = QPushButton(self.tr("Clear crisis flag…"))
        self.clear_crisis_button.clicked.connect(self.clear_crisis)
        crisis_row = QHBoxLayout()
        crisis_row.addWidget(self.crisis_label, 1)
        crisis_row.addWidget(self.clear_crisis_button)

        case_box = QGroupBox(self.tr("Case"))
        case_form = QFormLayout(case_box)
        case_form.addRow(self.tr("Stage:"), stage_row)
        case_form.addRow("", self.closure_label)
        case_form.addRow(self.tr("Ris&k level:"), self.risk)
        case_form.addRow(self.tr("Counsellor:"), counsellor_row)
        case_form.addRow(self.tr("Crisis flag:"), crisis_row)

        # -- saving ------------------------------------------------------------------------
        self.error = ErrorLabel()
        self.save_button = QPushButton(self.tr("Save changes (&W)"))
        self.save_button.setToolTip(self.tr("Save the person's details and the risk level (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("&Undo my changes"))
        self.revert_button.clicked.connect(self.revert)
        self.correction_button = QPushButton(self.tr("Save as a correction (&X)…"))
        self.correction_button.setToolTip(self.tr(
            "The young person asked for their record to be corrected: save with the reason, for the change "
            "history and the correction notice"))
        self.correction_button.clicked.connect(self.ask_correction)
        self.correction_dialog: ReasonDialog | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.correction_button)
        buttons.addWidget(self.save_button)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(person_box)
        column.addWidget(case_box)
        column.addStretch()
        scroll = QScrollArea()  # at 200 % text the overview is taller than the window
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # -- loading ------------------------------------------------------------------------------
    def load(self, detail: CaseDetail, account_names: dict[str, str]) -> None:
        """Show a freshly read case. Unsaved typing in the person form and risk stays."""
        self._detail = detail
        if not self.person_form.is_dirty():
            self.person_form.set_person(detail.person)
            self._person_base = flat(detail.person)
            self._person_version = detail.person_version
        risk_dirty = self.risk_changed()
        if not risk_dirty:
            self._risk_base = detail.case.get(RISK_KEY) or ""
            self.risk.setCurrentIndex(max(0, self.risk.findData(self._risk_base)))
        self._show_age(detail.person)
        self._show_stage(detail)
        self._show_counsellor(detail, account_names)
        self._show_crisis(detail)

    def _show_age(self, person: dict) -> None:
        birth = parse_date(person.get("birth_date"))
        if birth is None:
            self.age_label.clear()
            return
        age = age_on(birth, self._today())
        yes, no = self.tr("yes"), self.tr("no")
        self.age_label.setText(self.tr(
            "Age {age} · Seoul programmes (19–39): {seoul} · national law (34 and under): {national}").format(
            age=age, seoul=yes if SEOUL_AGES[0] <= age <= SEOUL_AGES[1] else no,
            national=yes if age <= NATIONAL_MAX_AGE else no))

    def _show_stage(self, detail: CaseDetail) -> None:
        self.stage_label.setText(stage_label(detail.stage))
        self.next_stage.clear()
        for stage in stages.allowed_next(detail.stage):
            text = stage_label(stage)
            if stages.is_reopening(detail.stage, stage):
                text = self.tr("{stage} (re-open)").format(stage=text)
            self.next_stage.addItem(text, stage.value)
        closure = detail.case.get("closure")
        if detail.stage in (Stage.CLOSED, Stage.FOLLOW_UP) and closure:
            on = parse_date(closure.get("on"))
            self.closure_label.setText(self.tr("Closed on {date}. Reason: {reason} Outcome: {outcome}").format(
                date=format_date(on) if on else "—", reason=closure.get("reason") or "—",
                outcome=closure.get("outcome") or "—"))
            self.closure_label.show()
        else:
            self.closure_label.hide()

    def _show_counsellor(self, detail: CaseDetail, account_names: dict[str, str]) -> None:
        self.counsellor_label.setText(account_names.get(detail.counsellor_id, "—"))
        is_supervisor = self._session.has_role(Role.SUPERVISOR)
        # The services decide; the UI only never offers what the role cannot do.
        self.reassign_button.setVisible(is_supervisor)
        self.share_button.setVisible(is_supervisor or detail.counsellor_id == self._session.account_id)

    def _show_crisis(self, detail: CaseDetail) -> None:
        crisis = bool(detail.case.get("crisis"))
        self.clear_crisis_button.setVisible(crisis)
        if crisis:
            self.crisis_label.setText(self.tr("Active: follow the crisis protocol."))
            self.crisis_label.setStyleSheet("color: #b03a2e; font-weight: bold;")
            return
        self.crisis_label.setStyleSheet("")
        cleared = detail.case.get("crisis_cleared") or []
        if not cleared:
            self.crisis_label.setText(self.tr("None"))
            return
        on = parse_date(cleared[-1].get("on"))
        self.crisis_label.setText(self.tr("None (last cleared on {date}: {reason})").format(
            date=format_date(on) if on else "—", reason=cleared[-1].get("reason", "")))

    # -- editor protocol ---------------------------------------------------------------------
    def risk_changed(self) -> bool:
        return (self.risk.currentData() or "") != self._risk_base

    def has_unsaved(self) -> bool:
        return self.person_form.is_dirty() or self.risk_changed()

    def draft(self) -> dict:
        return {"person": self.person_form.raw(), "person_base": self._person_base,
                "person_version": self._person_version, "risk": self.risk.currentData() or "",
                "risk_base": self._risk_base}

    def restore(self, content: dict) -> None:
        """Put typing back, with the versions it was based on (a later save still detects a
        change made in the meantime)."""
        person = content.get("person")
        if isinstance(person, dict):
            self.person_form.set_raw(person)
            self._person_base = dict(content.get("person_base") or self._person_base)
            self._person_version = int(content.get("person_version") or self._person_version)
        if "risk" in content:
            self._risk_base = str(content.get("risk_base") or "")
            self.risk.setCurrentIndex(max(0, self.risk.findData(content.get("risk") or "")))

    def revert(self) -> None:
        if self._detail is None:
            return
        self.person_form.set_person(self._detail.person)
        self._person_base = flat(self._detail.person)
        self._person_version = self._detail.person_version
        self._risk_base = self._detail.case.get(RISK_KEY) or ""
        self.risk.setCurrentIndex(max(0, self.risk.findData(self._risk_base)))
        self.error.clear()

    # -- saving ------------------------------------------------------------------------------
    def ask_correction(self) -> ReasonDialog | None:
        """A correction at the person's request (PIPA arts. 35–36): ask for the reason, then save."""
        if not self.has_unsaved():
            self.error.show_text(self.tr("Change the details to correct first, then save them as a correction."))
            return None
        dialog = ReasonDialog(
            self.tr("Correction at the person's request"),
            self.tr("What did the young person ask to have corrected, and why? The reason is kept in the change "
                    "history and printed on the correction notice."),
            self.tr("Save correction"), parent=self)
        dialog.submitted.connect(lambda reason, _outcome: self.save_correction(reason))
        self.correction_dialog = dialog
        dialog.open()
        return dialog

    def save_correction(self, reason: str) -> bool:
        try:
            with self._session.history.correction(reason):
                return self.save()
        except E.ServiceError as error:
            self.error.show_error(error)
            return False

    def save(self) -> bool:
        self.error.clear()
        saved = True
        if self.person_form.is_dirty():
            saved = self._save_person(self.person_form.person(), self._person_version)
        if saved and self.risk_changed():
            saved = self._save_risk(self.risk.currentData() or "")
        return saved

    def _save_person(self, person: dict, version: int) -> bool:
        clean, problems = clean_person(person, today=self._today())
        if problems:
            self.error.show_text("\n".join(describe_problem(p) for p in problems))
            return False
        try:
            new_version = self._session.cases.update_person(self._case_id, person, version)
        except ConflictError:
            self._resolve_person_conflict(clean)
            return False
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self.person_form.set_person(clean)
        self._person_base = flat(clean)
        self._person_version = new_version
        self.changed.emit()
        return True

    def _resolve_person_conflict(self, mine: dict) -> None:
        try:
            fresh = self._session.cases.get(self._case_id)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        fields = [(key, field_label(field)) for key, field in FIELDS]
        dialog = ConflictDialog(fields, self._person_base, flat(mine), flat(fresh.person), display_value, self)
        dialog.resolved.connect(lambda merged: self._save_merged(merged, fresh))
        self.conflict_dialog = dialog
        dialog.open()

    def _save_merged(self, merged: dict, fresh: CaseDetail) -> None:
        # The merge now starts from the newer version: a third save in between is caught again.
        self._person_base = flat(fresh.person)
        self._person_version = fresh.person_version
        self.person_form.set_raw(merged)
        self._save_person(unflat(merged), fresh.person_version)

    def _save_risk(self, risk: str) -> bool:
        for _attempt in range(3):  # the case document moves on often (notes, follow-ups)
            try:
                fresh = self._session.cases.get(self._case_id)
                stored = fresh.case.get(RISK_KEY) or ""
                if stored not in (self._risk_base, risk):
                    self._resolve_risk_conflict(stored, risk)
                    return False
                self._session.cases.update_case(self._case_id, dict(fresh.case, **{RISK_KEY: risk or None}),
                                                fresh.case_version)
            except ConflictError:
                continue
            except E.ServiceError as error:
                self.error.show_error(error)
                return False
            self._risk_base = risk
            self.changed.emit()
            return True
        self.error.show_error(ConflictError(E.MSG_CONFLICT))
        return False

    def _resolve_risk_conflict(self, stored: str, mine: str) -> None:
        fields = [(RISK_KEY, self.tr("Risk level"))]

        def show(_key: str, value: str) -> str:
            return risk_label(RiskLevel(value)) if value else self.tr("Not assessed")

        dialog = ConflictDialog(fields, {RISK_KEY: self._risk_base}, {RISK_KEY: mine}, {RISK_KEY: stored}, show, self)

        def resolved(merged: dict) -> None:
            self._risk_base = stored
            self.risk.setCurrentIndex(max(0, self.risk.findData(merged[RISK_KEY])))
            if self.risk_changed():
                self._save_risk(merged[RISK_KEY])
            else:
                self.changed.emit()

        dialog.resolved.connect(resolved)
        self.conflict_dialog = dialog
        dialog.open()

    # -- stage, counsellor, crisis -------------------------------------------------------------
    def change_stage(self) -> None:
        if self._detail is None or self.next_stage.currentData() is None:
            return
        current, target = self._detail.stage, Stage(self.next_stage.currentData())
        if target is Stage.CLOSED:
            self._ask_reason(self.tr("Close the case"), self.tr(
                "Why is the case being closed, and what has changed for the young person? Both are "
                "kept in the case's history."), self.tr("Close the case"), target, ask_outcome=True)
        elif stages.is_reopening(current, target):
            self._ask_reason(self.tr("Re-open the case"), self.tr(
                "Why is the case being re-opened? The reason is kept in the case's history."),
                self.tr("Re-open"), target)
        else:
            self._move(target)

    def _ask_reason(self, title: str, explanation: str, action: str, target: Stage, *,
                    ask_outcome: bool = False) -> None:
        dialog = ReasonDialog(title, explanation, action, ask_outcome=ask_outcome, parent=self)
        dialog.submitted.connect(lambda reason, outcome: self._move(target, reason, outcome))
        self.reason_dialog = dialog
        dialog.open()

    def _move(self, target: Stage, reason: str = "", outcome: str = "") -> None:
        self.error.clear()
        try:
            self._session.cases.change_stage(self._case_id, target, reason=reason, outcome=outcome)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.changed.emit()

    def _colleagues(self, exclude: set[str]):
        return [a for a in self._session.accounts.list()
                if a.active and a.id not in exclude and a.role in (Role.COUNSELLOR.value, Role.SUPERVISOR.value)]

    def reassign(self) -> None:
        if self._detail is None:
            return
        dialog = AccountChooser(
            self.tr("Reassign the case"),
            self.tr("Choose the counsellor who takes this case over. The change is recorded."),
            self.tr("Reassign"), self._colleagues({self._detail.counsellor_id}), parent=self)
        dialog.chosen.connect(lambda account_id: self._run(self._session.cases.assign, account_id))
        self.account_dialog = dialog
        dialog.open()

    def share(self) -> None:
        if self._detail is None:
            return
        dialog = AccountChooser(
            self.tr("Share the case"),
            self.tr("Choose a colleague who may also open this case. The sharing is recorded."),
            self.tr("Share"), self._colleagues({self._detail.counsellor_id, self._session.account_id}), parent=self)
        dialog.chosen.connect(lambda account_id: self._run(self._session.cases.share, account_id))
        self.account_dialog = dialog
        dialog.open()

    def clear_crisis(self) -> None:
        dialog = ReasonDialog(
            self.tr("Clear the crisis flag"),
            self.tr("Say why the crisis is over (e.g. safety plan in place, seen by the mental health "
                    "centre). The flag's history stays in the case."),
            self.tr("Clear the flag"), parent=self)
        dialog.submitted.connect(lambda reason, _outcome: self._run(self._session.casework.clear_crisis, reason))
        self.reason_dialog = dialog
        dialog.open()

    def _run(self, action, argument: str) -> None:
        self.error.clear()
        try:
            action(self._case_id, argument)
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.changed.emit()
