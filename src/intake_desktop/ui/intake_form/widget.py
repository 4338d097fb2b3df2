"""IntakeFormWidget: an intake form generated from its definition, filled in and saved.

    widget = IntakeFormWidget(session, case_id)              # a new intake, current form
    widget = IntakeFormWidget(session, case_id, view=view)   # an intake, on its pinned version
    widget.saved.connect(...); widget.dirtyChanged.connect(...)
    widget.save(complete=True)                               # False: stored as unfinished

Every change asks formdefs/form_state.py, from the answers as typed (normalised, never stored
half-typed), which questions show (show_if), the scores, the crisis alerts, the proposed risk
level, and which required answers are missing; the widget shows that answer, the progress and
whether there are unsaved changes. Answers are checked
when the person leaves a question and again on save; messages sit under the question and
nothing typed is ever thrown away. A draft is kept encrypted a few seconds after each change.

Saving is synchronous: one encrypted row and a case update take milliseconds, and the
contract (`save() -> bool`) lets the caller act on the outcome at once.

Why this module is longer than ~500 lines: it is the wiring of one screen. The form's parts
already live beside it (builder, field editors, sections index, scores panel, problem list,
autosave) and its rules below ui/ (formdefs/form_state.py, services.forms.check_answers);
what is left is how a change flows between them, which shares the widget's state at every
step. Next to move out if it grows: navigation (jump_to*, _field_focused) and drafts.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSplitter, QVBoxLayout,
    QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.formdefs import FormDefinition
from intake_desktop.formdefs.conditions import is_answered
from intake_desktop.domain.korean import format_date
from intake_desktop.formdefs.form_state import FormState, derive
from intake_desktop.formdefs.risk import CrisisAlert, RiskProposal
from intake_desktop.formdefs.scoring import ScoreReport
from intake_desktop.services import errors as E
from intake_desktop.services.forms import ANSWER_MESSAGES, INTAKE_FORM_ID, check_answers
from intake_desktop.services.intakes import InvalidAnswers, IntakeView, SavedIntake
from intake_desktop.ui.crisis_dialog import CrisisDialog, open_crisis_alerts
from intake_desktop.ui.intake_form.autosave import Autosaver, draft_slot
from intake_desktop.ui.intake_form.builder import BuiltForm, Slot, build_form
from intake_desktop.ui.intake_form.crisis_banner import CrisisBanner
from intake_desktop.ui.intake_form.group import GroupEditor
from intake_desktop.ui.intake_form.scores_panel import ScoresPanel, cutoff_flags, instrument_lines, scale_text
from intake_desktop.ui.intake_form.sections import ProgressView, SectionIndex
from intake_desktop.ui.intake_form.texts import language, pick, set_shown
from intake_desktop.ui.intake_form.validation_view import ProblemsPanel, describe, split_key
from intake_desktop.ui.messages import describe_error

log = logging.getLogger(__name__)

DRAFT_FORMAT = 1
SIDEBAR_WIDTH = 270


class IntakeFormWidget(QWidget):
    saved = Signal(str)  # record id
    dirtyChanged = Signal(bool)

    def __init__(self, session, case_id: str, *, view: IntakeView | None = None,
                 form: FormDefinition | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.view = view
        self.form: FormDefinition = view.form if view is not None else (form or session.forms.get(INTAKE_FORM_ID))
        self.record_id: str | None = view.record_id if view is not None else None
        self.record_version: int | None = view.version if view is not None else None
        self.lang = language()
        self.last_saved: SavedIntake | None = None
        self.last_save_complete = False
        self.crisis_dialog: CrisisDialog | None = None
        # What the form shows for the answers as typed (formdefs/form_state.py), kept by refresh().
        self.state: FormState = derive(self.form, {})
        self.cleaned: dict[str, Any] = self.state.answers
        self.scores: ScoreReport | None = None
        self.alerts: list[CrisisAlert] = []
        self.proposal: RiskProposal | None = None
        self._touched: set[str] = set()  # questions left at least once: their messages show
        self._dirty = False
        self._draft_written = False
        self._checked_open_crisis = False
        self._refreshing = False
        self._anchor: tuple[QWidget, int] | None = None  # see _answer_kept_in_place
        self._anchor_timer = QTimer(self)
        self._anchor_timer.setSingleShot(True)
        self._anchor_timer.setInterval(0)
        self._anchor_timer.timeout.connect(self._restore_anchor)
        self._loading = True
        self._strict = False  # after a refused complete save: keep showing required questions
        self._baseline: dict[str, Any] = {}
        self.whose = ""  # "김민수 (사례 2026-00012)": whose form this is, for titles

        self.built: BuiltForm = build_form(self.form, self.lang)
        self.autosave = Autosaver(session, draft_slot(case_id, self.record_id), self.draft_state, self,
                                  wanted=lambda: self._dirty)
        self.autosave.saved.connect(self._draft_kept)
        self.autosave.failed.connect(self._draft_failed)
        self._make_layout()
        self._wire()
        self._load_answers(self._initial_answers())
        self._baseline = dict(self.cleaned)
        self._set_dirty(False)
        self._offer_draft()
        self._loading = False
        self.refresh_tab_order()

    # -- construction -----------------------------------------------------------------------
    def _initial_answers(self) -> dict[str, Any]:
        """The person's details from the case (their one source); for a new intake also today's
        date and the signed-in counsellor, so nothing typed at case creation is typed again."""
        try:
            detail = self.session.cases.get(self.case_id)
            self.whose = QCoreApplication.translate("IntakeForm", "{name} (case {number})").format(
                name=detail.person.get("name", ""), number=detail.case_number)
            self.header.setText(self._header_text())
            return self.session.intakes.form_answers(self.case_id, self.view, detail=detail)
        except E.ServiceError as error:
            log.error("could not prefill the intake form: %s", type(error).__name__)
            return dict(self.view.answers) if self.view is not None else {}

    def _make_layout(self) -> None:
        self.crisis_banner = CrisisBanner(self.lang)
        # Its text wraps: its width must never widen the form (which reflows every question).
        self.crisis_banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.crisis_banner.protocol_requested.connect(self.record_and_open_protocol)

        self.draft_bar = QFrame()
        self.draft_bar.setObjectName("draft_bar")
        self.draft_bar.setStyleSheet("#draft_bar { background: #e8f1fb; border: 1px solid #a9c6e8; }")
        bar = QHBoxLayout(self.draft_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        bar.addWidget(self.draft_note, 1)
        self.discard_draft_button = QPushButton(QCoreApplication.translate("IntakeForm", "Discard these answers"))
        self.discard_draft_button.clicked.connect(lambda _checked=False: self.discard_draft())
        bar.addWidget(self.discard_draft_button)
        self.draft_bar.hide()

        self.problems = ProblemsPanel()
        self.problems.jump_requested.connect(self.jump_to)

        self.header = QLabel(self._header_text())
        self.header.setWordWrap(True)
        self.header.setStyleSheet("color: #444444;")

        self.progress = ProgressView()
        self.index = SectionIndex()
        for section_id, block in self.built.sections.items():
            self.index.add_section(section_id, block.title)
        self.index.section_chosen.connect(self.jump_to_section)
        self.scores_panel = ScoresPanel(self.lang)
        scores_scroll = QScrollArea()
        scores_scroll.setWidgetResizable(True)
        scores_scroll.setFrameShape(QFrame.Shape.NoFrame)
        scores_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scores_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scores_scroll.setWidget(self.scores_panel)
        sidebar = QWidget()
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.progress)
        side.addWidget(self.index)
        side.addWidget(scores_scroll, 1)
        sidebar.setMinimumWidth(SIDEBAR_WIDTH - 40)
        self.sidebar = sidebar

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(self.built.content)
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(sidebar)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([SIDEBAR_WIDTH, 800])
        splitter.setChildrenCollapsible(False)

        self.status = QLabel()
        self.status.setStyleSheet("color: #555555;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.draft_bar)
        layout.addWidget(self.problems)
        layout.addWidget(splitter, 1)
        # Under the questions, not above them: when an answer raises an alert the banner takes
        # room from the bottom of the form, so the question being answered (and the one the
        # pointer is heading for) does not jump down under the pointer.
        layout.addWidget(self.crisis_banner)
        layout.addWidget(self.status)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_shortcut)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self._step_section(s))

    def _header_text(self, saved: bool = False) -> str:
        version = QCoreApplication.translate("IntakeForm", "Form version {version}").format(version=self.form.version)
        if saved:
            text = QCoreApplication.translate("IntakeForm", "Saved intake · Form version {version}").format(
                version=self.form.version)
        elif self.view is None:
            text = QCoreApplication.translate("IntakeForm", "New intake · {version}").format(version=version)
        else:
            created = self.view.created_at
            when = format_date(created) if hasattr(created, "year") else str(created or "")
            text = QCoreApplication.translate(
                "IntakeForm", "Intake of {date} · {version} (the version it was filled in on)").format(
                date=when, version=version)
        return f"{self.whose} · {text}" if self.whose else text

    def _wire(self) -> None:
        for slot in self.built.slots.values():
            slot.editor.changed.connect(lambda fid=slot.field_id: self._changed(fid))
            slot.editor.committed.connect(lambda fid=slot.field_id: self._committed(fid))
            slot.editor.focused.connect(lambda fid=slot.field_id: self._field_focused(fid))
            if isinstance(slot.editor, GroupEditor):
                slot.editor.structure_changed.connect(self.refresh_tab_order)
        for block in self.built.instruments.values():
            block.enabled_changed.connect(lambda _on: self._changed(None))
        if self.built.risk_view is not None:
            self.built.risk_view.use_proposal.connect(self._use_proposal)

    def refresh_tab_order(self) -> None:
        """Top to bottom through the form (rows added to a group join in the right place)."""
        sequence = [w for w in self.built.focus_sequence() if shiboken6.isValid(w)]
        for first, second in zip(sequence, sequence[1:]):
            QWidget.setTabOrder(first, second)

    # -- answers ----------------------------------------------------------------------------
    def _enabled_instrument_items(self) -> set[str]:
        off = set()
        for block in self.built.instruments.values():
            if not block.is_enabled():
                off |= set(block.rows)
        return off

    def raw_answers(self) -> dict[str, Any]:
        """The answers as typed (what check_answers and the service take)."""
        off = self._enabled_instrument_items()
        answers = {}
        for field_id, slot in self.built.slots.items():
            if field_id in off:
                continue
            value = slot.editor.value()
            if value is not None and value != "" and value != []:
                answers[field_id] = value
        return answers

    def _load_answers(self, answers: dict[str, Any]) -> None:
        for block in self.built.instruments.values():
            if not block.is_enabled() and any(is_answered(answers.get(i)) for i in block.rows):
                block.set_enabled(True)
        for field_id, slot in self.built.slots.items():
            editor = slot.editor
            editor.blockSignals(True)
            try:
                editor.set_value(answers.get(field_id))
            finally:
                editor.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Re-derive visibility, scores, alerts, proposal, progress and dirtiness."""
        if self._refreshing:
            return
        self._refreshing = True
        try:
            self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self) -> None:
        form = self.form
        off = {iid for iid, block in self.built.instruments.items() if not block.is_enabled()}
        state = self.state = derive(form, self.raw_answers(), switched_off=off)
        cleaned = self.cleaned = state.answers
        sections_shown: dict[str, bool] = {sid: False for sid in self.built.sections}
        for section_id, field_id in self.built.order:
            shown = state.shown(field_id)
            row = self.built.rows.get(field_id)
            if row is not None:
                row.set_shown(shown)
            block = self.built.instruments_by_field.get(field_id)
            if block is not None:
                set_shown(block, shown)
            sections_shown[section_id] |= shown
        for field_id, slot in self.built.slots.items():
            if slot.instrument is not None:
                slot.row.set_shown(state.visible(field_id))
            if isinstance(slot.editor, GroupEditor):
                slot.editor.update_visibility(lambda typed, sub, gid=field_id: state.row_visible(gid, typed, sub))
        for section_id, shown in sections_shown.items():
            set_shown(self.built.sections[section_id], shown)
            self.index.set_section_shown(section_id, shown)

        self.scores, self.alerts, self.proposal = state.scores, state.alerts, state.proposal
        self._show_scores()
        self.crisis_banner.set_alerts(self.alerts)
        if state.proposal is not None and form.risk is not None and self.built.risk_view is not None:
            self.built.risk_view.show_proposal(state.proposal, state.chosen_level, self.lang)
            reason_row = self.built.rows.get(form.risk.override_reason_field)
            if reason_row is not None:
                reason_row.set_required(state.override_needed)
        self._show_progress(state)
        self._set_dirty(cleaned != self._baseline)

    def _show_scores(self) -> None:
        report = self.scores
        shown = set()
        titles = {}
        for instrument_id, block in self.built.instruments.items():
            titles[instrument_id] = pick(block.field.label, self.lang)
            if block.is_enabled() and block.isVisibleTo(self.built.content):
                shown.add(instrument_id)
            score = report.get(instrument_id)
            if score is not None:
                total = QCoreApplication.translate("IntakeForm", "Total: {score}").format(
                    score=scale_text(score.total, self.lang))
                flags = cutoff_flags(score.total, self.lang)
                block.set_total_text("\n".join([total, *flags]))
        self.scores_panel.update_scores(report, titles, shown)
        for _field_id, (scale_key, view) in self.built.scale_views.items():
            instrument_id = scale_key.partition(".")[0]
            instrument = report.get(instrument_id)
            scale = report.scale(scale_key)
            if instrument is None or scale is None:
                view.show_lines([("note", QCoreApplication.translate("IntakeForm", "Not part of this form"))])
            elif scale.role == "total":
                view.show_lines(instrument_lines(instrument, self.lang))
            else:
                view.show_lines([("score", scale_text(scale, self.lang))]
                                + [("flag", f) for f in cutoff_flags(scale, self.lang)])

    def _show_progress(self, state: FormState) -> None:
        self.progress.set_progress(len(state.required) - len(state.missing), len(state.required))
        missing_by_section: dict[str, int] = {sid: 0 for sid in self.built.sections}
        for fid in state.missing:
            slot = self.built.slots.get(fid)
            if slot is not None:  # (every answerable question has a slot)
                missing_by_section[slot.section_id] += 1
        for section_id, missing in missing_by_section.items():
            self.index.set_missing(section_id, missing)

    def missing_required(self) -> list[str]:
        return list(self.state.missing)

    # -- changes ----------------------------------------------------------------------------
    def _changed(self, field_id: str | None) -> None:
        if self._loading:
            return
        with self._answer_kept_in_place():
            self.refresh()
            if field_id is not None and self._showing_error(field_id):
                self._check(only_shown=True)  # a corrected answer loses its message at once
        if self._dirty:
            self.autosave.schedule()
        elif self._draft_written:
            self.autosave.discard()  # typed back to what was saved: no draft needed
            self._draft_written = False

    def _committed(self, field_id: str) -> None:
        self._touched.add(field_id)
        with self._answer_kept_in_place():
            self._check(only_shown=False)

    @contextmanager
    def _answer_kept_in_place(self):
        """An answer can show or hide follow-up questions, messages and notes, and make text
        above it re-wrap; the control just clicked or typed into (it has the focus) must not
        move under the pointer. Qt lays the form out later, from the event loop, so the
        correction comes once the layout has settled: scroll by however far it moved."""
        anchor = QApplication.focusWidget()
        if anchor is None or not self.built.content.isAncestorOf(anchor) or not anchor.isVisible():
            yield
            return
        if self._anchor is None:  # the first change of a burst sets where the control was
            self._anchor = (anchor, anchor.mapTo(self.scroll.viewport(), QPoint(0, 0)).y())
        yield
        self._anchor_timer.start()

    def _restore_anchor(self) -> None:
        anchor, before = self._anchor or (None, 0)
        self._anchor = None
        # Focus gone elsewhere (number keys move on to the next item): the form scrolled on
        # purpose, so leave it.
        if anchor is None or not shiboken6.isValid(anchor) or QApplication.focusWidget() is not anchor:
            return
        moved = anchor.mapTo(self.scroll.viewport(), QPoint(0, 0)).y() - before
        if moved:
            bar = self.scroll.verticalScrollBar()
            bar.setValue(bar.value() + moved)

    def _use_proposal(self, level: str) -> None:
        slot = self.built.slots.get(self.form.risk.level_field) if self.form.risk else None
        if slot is None or not level:
            return
        slot.editor.set_value(level)
        slot.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        self._committed(slot.field_id)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    # -- messages ---------------------------------------------------------------------------
    def _showing_error(self, field_id: str) -> bool:
        slot = self.built.slots.get(field_id)
        if slot is None:
            return False
        if slot.instrument is not None:
            return field_id in slot.instrument._item_errors
        if isinstance(slot.editor, GroupEditor):
            return True
        return bool(slot.row.error_text())

    def problem_label(self, key: str) -> str:
        parts = split_key(key)
        slot = self.built.slots.get(parts.field_id)
        if slot is None:
            row = self.built.rows.get(parts.field_id)
            return row.label if row is not None else parts.field_id
        if parts.sub_id is not None and isinstance(slot.editor, GroupEditor):
            ui_row = slot.editor.ui_row_of(parts.row or 0)
            sub = next((s for s in slot.entry.field.fields or [] if s.id == parts.sub_id), None)
            sub_label = pick(sub.label, self.lang) if sub else parts.sub_id
            return QCoreApplication.translate("IntakeForm", "{group} {number}: {field}").format(
                group=slot.label, number=(ui_row if ui_row is not None else parts.row or 0) + 1, field=sub_label)
        return slot.label

    def _field_def(self, key: str):
        parts = split_key(key)
        slot = self.built.slots.get(parts.field_id)
        if slot is None:
            return None
        if parts.sub_id is None:
            return slot.entry.field
        return next((sub for sub in slot.entry.field.fields or [] if sub.id == parts.sub_id), None)

    def _hint(self, problem) -> str:
        """A second sentence the service's message lacks, e.g. the allowed range."""
        fdef = self._field_def(problem.field)
        if problem.message == ANSWER_MESSAGES["out_of_range"] and fdef is not None and fdef.validation is not None:
            v = fdef.validation
            if v.min is not None and v.max is not None:
                return QCoreApplication.translate("IntakeForm", "Allowed: {min} to {max}.").format(
                    min=_number(v.min), max=_number(v.max))
        return ""

    def _check(self, *, only_shown: bool) -> list:
        """Run the form's checks and show messages under the questions the person has left.
        Drafts' rules (partial) unless a complete save was refused: then required questions
        keep their message until answered. Returns the problems."""
        _cleaned, problems = check_answers(self.form, self.raw_answers(), partial=not self._strict)
        self._show_messages(problems, everywhere=False, only_shown=only_shown)
        if self.problems.isVisibleTo(self) and self.problems.keys():
            if problems:
                self._show_problem_list(problems, self._strict)
            else:
                self.problems.clear()
        return problems

    def _show_messages(self, problems: list, *, everywhere: bool, only_shown: bool = False) -> None:
        by_key: dict[str, str] = {}
        for problem in problems:
            by_key.setdefault(problem.field, describe(problem, self.problem_label(problem.field), self._hint(problem)))
        for field_id, slot in self.built.slots.items():
            shown_now = self._showing_error(field_id)
            if not (everywhere or field_id in self._touched or shown_now):
                continue
            if only_shown and not shown_now:
                continue
            if isinstance(slot.editor, GroupEditor):
                slot.editor.clear_row_errors()
                slot.row.set_error(by_key.get(field_id))
                for key, text in by_key.items():
                    parts = split_key(key)
                    if parts.field_id == field_id and parts.sub_id is not None:
                        ui_row = slot.editor.ui_row_of(parts.row or 0)
                        if ui_row is not None:
                            slot.editor.set_row_error(ui_row, parts.sub_id, text)
                continue
            slot.set_error(by_key.get(field_id))

    def _show_problem_list(self, problems: list, complete: bool) -> None:
        required = ANSWER_MESSAGES["required"]
        missing = [(p.field, self.problem_label(p.field)) for p in problems if p.message == required]
        others = [(p.field, describe(p, self.problem_label(p.field), self._hint(p)))
                  for p in problems if p.message != required]
        self.problems.show_problems(missing, others, complete=complete)

    # -- saving -----------------------------------------------------------------------------
    def save(self, complete: bool) -> bool:
        """Check and store the intake. `complete=False` stores it unfinished (required
        questions may wait; what is filled in must still be valid). True when stored."""
        raw = self.raw_answers()
        _cleaned, problems = check_answers(self.form, raw, partial=not complete)
        self._touched |= set(self.built.slots)
        if problems:
            self._strict = self._strict or complete
            self._refuse(problems, complete)
            return False
        try:
            saved = self.session.intakes.save(self.case_id, raw, form=self.form, record_id=self.record_id,
                                              expected_version=self.record_version, complete=complete)
        except InvalidAnswers as error:
            self._strict = self._strict or complete
            self._refuse(error.problems, complete)
            return False
        except E.ServiceError as error:
            self.problems.show_message(describe_error(error))
            return False
        self._saved(saved, complete)
        return True

    def _save_shortcut(self) -> None:
        self.save(True)  # Ctrl+S; returns nothing to Qt (see field_widgets.prop)

    def _refuse(self, problems: list, complete: bool) -> None:
        self._show_messages(problems, everywhere=True)
        self._show_problem_list(problems, complete)
        self.status.setText(QCoreApplication.translate("IntakeForm", "Not saved."))
        first = problems[0].field if problems else None
        if first:
            self.jump_to(first, focus=False)

    def _saved(self, saved: SavedIntake, complete: bool) -> None:
        old_slot = self.autosave.slot
        self.last_saved = saved
        self.last_save_complete = complete
        self.record_id, self.record_version = saved.record_id, saved.version
        self.autosave.discard(old_slot)
        self.autosave.slot = draft_slot(self.case_id, self.record_id)
        if self.autosave.slot != old_slot:
            self.autosave.discard()
        self._draft_written = False
        self._strict = False
        self.draft_bar.hide()
        self.header.setText(self._header_text(saved=True))
        self.problems.clear()
        self._show_messages([], everywhere=True)
        self._baseline = dict(self.cleaned)
        self._set_dirty(False)
        stamp = dates.now().strftime("%H:%M:%S")
        if complete:
            self.status.setText(QCoreApplication.translate("IntakeForm", "Saved at {time}.").format(time=stamp))
        else:
            self.status.setText(QCoreApplication.translate(
                "IntakeForm", "Saved as unfinished at {time}.").format(time=stamp))
        if any(alert.protocol for alert in saved.alerts):
            self.open_crisis_dialog(saved.alerts)
        self.saved.emit(saved.record_id)

    # -- crisis -----------------------------------------------------------------------------
    def open_crisis_dialog(self, alerts: list) -> CrisisDialog:
        if self.crisis_dialog is not None and shiboken6.isValid(self.crisis_dialog) \
                and self.crisis_dialog.isVisible():
            return self.crisis_dialog
        self.crisis_dialog = CrisisDialog(self.session, self.case_id, alerts, self.window())
        self.crisis_dialog.show()
        self.crisis_dialog.raise_()
        self.crisis_dialog.activateWindow()
        return self.crisis_dialog

    def record_and_open_protocol(self) -> None:
        """The banner's button: store what there is (unfinished) so the alert is in the case,
        then show the protocol."""
        self.save(False)

    def _check_open_crisis(self) -> None:
        """An alert saved earlier but never confirmed (a lock, a crash): ask again now."""
        if self._checked_open_crisis or self.session.is_locked:
            return
        self._checked_open_crisis = True
        try:
            case_doc = self.session.cases.get(self.case_id).case
        except E.ServiceError as error:
            log.error("could not check the case for open crisis alerts: %s", type(error).__name__)
            return
        alerts = open_crisis_alerts(case_doc, self.form)
        if any(alert.protocol for alert in alerts):
            self.open_crisis_dialog(alerts)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._checked_open_crisis:
            return
        QTimer.singleShot(0, self, self._check_open_crisis)
        focus = QApplication.focusWidget()
        first = self.first_focus_widget()
        if first is not None and (focus is None or not self.isAncestorOf(focus)):
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- drafts -----------------------------------------------------------------------------
    def draft_state(self) -> dict:
        """Exactly what is in the fields (as typed), JSON-ready, for session.drafts."""
        return {
            "kind": "intake", "format": DRAFT_FORMAT, "case_id": self.case_id,
            "form_id": self.form.id, "form_version": self.form.version, "form_hash": self.form.definition_hash,
            "record_id": self.record_id, "record_version": self.record_version,
            "values": {fid: slot.editor.value() for fid, slot in self.built.slots.items()
                       if slot.editor.value() not in (None, "", [])},
            "instruments_on": [iid for iid, b in self.built.instruments.items() if b.is_enabled()],
            "saved_at": dates.now().isoformat(timespec="seconds"),
        }

    def restore_draft(self, state: dict) -> None:
        """Put a draft's typing back (answers to questions this form version lacks are skipped)."""
        values = state.get("values") or {}
        on = set(state.get("instruments_on") or [])
        for instrument_id, block in self.built.instruments.items():
            if instrument_id in on:
                block.set_enabled(True)
        for field_id, slot in self.built.slots.items():
            slot.editor.blockSignals(True)
            try:
                slot.editor.set_value(values.get(field_id))
            finally:
                slot.editor.blockSignals(False)
        self.autosave.paused = False
        self.refresh_tab_order()
        self.refresh()

    def clear_fields(self) -> None:
        """Empty every field (the main window does this on lock, after keeping the draft)."""
        self.autosave.cancel()
        self.autosave.paused = True  # until restore_draft: never overwrite the draft with blanks
        for slot in self.built.slots.values():
            slot.editor.blockSignals(True)
            try:
                slot.editor.set_value(None)
            finally:
                slot.editor.blockSignals(False)
        self.problems.clear()
        self._show_messages([], everywhere=True)
        self.refresh()

    def _offer_draft(self) -> None:
        state = self.autosave.load()
        if not state or state.get("kind") != "intake":
            return
        self.restore_draft(state)
        self._draft_written = True
        when = str(state.get("saved_at", "")).replace("T", " ")
        text = QCoreApplication.translate("IntakeForm", "Answers not yet saved, kept at {time}, were restored."
                                          ).format(time=when)
        if self.record_id is not None and state.get("record_version") not in (None, self.record_version):
            text += " " + QCoreApplication.translate(
                "IntakeForm", "This intake was saved again after the draft was typed: check the answers "
                              "before saving, or discard the draft.")
        if state.get("form_hash") != self.form.definition_hash:
            text += " " + QCoreApplication.translate(
                "IntakeForm", "They were typed on form version {version}; answers to questions this version "
                              "lacks were left out.").format(version=state.get("form_version"))
        self.draft_note.setText(text)
        self.draft_bar.show()

    def discard_draft(self) -> None:
        """Throw the restored draft away: back to the saved answers (or an empty form)."""
        self.autosave.discard()
        self._draft_written = False
        self._loading = True
        try:
            self._load_answers(self._baseline)
        finally:
            self._loading = False
        self.draft_bar.hide()

    def keep_draft_now(self) -> bool:
        """Write the draft at once (closing, locking) if there is anything unsaved."""
        if not self._dirty:
            return False
        written = self.autosave.flush()
        self._draft_written |= written
        return written

    def discard_changes(self) -> None:
        """Closing without keeping anything typed since the last save."""
        self.autosave.discard()
        self._draft_written = False

    def _draft_kept(self) -> None:
        self._draft_written = True
        stamp = dates.now().strftime("%H:%M:%S")
        self.status.setText(QCoreApplication.translate("IntakeForm", "Draft kept (encrypted) at {time}.").format(
            time=stamp))

    def _draft_failed(self, error) -> None:
        self.status.setText(describe_error(error))

    # -- navigation -------------------------------------------------------------------------
    def first_focus_widget(self) -> QWidget | None:
        for slot in self.built.slots.values():
            if slot.row.is_shown():
                return slot.editor.focus_widget()
        return None

    def jump_to_section(self, section_id: str) -> None:
        block = self.built.sections[section_id]
        self.scroll.verticalScrollBar().setValue(block.y())
        self.index.set_current(section_id)
        for slot in self.built.slots.values():
            if slot.section_id == section_id and slot.row.is_shown() and (
                    slot.instrument is None or slot.instrument.is_enabled()):
                slot.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll.verticalScrollBar().setValue(block.y())
                return

    def _step_section(self, step: int) -> None:
        shown = [sid for sid, block in self.built.sections.items() if not block.isHidden()]
        current = self.index.current_section()
        position = shown.index(current) if current in shown else 0
        target = shown[max(0, min(len(shown) - 1, position + step))]
        self.jump_to_section(target)

    def focus_widget_for(self, key: str) -> QWidget | None:
        parts = split_key(key)
        slot = self.built.slots.get(parts.field_id)
        if slot is None:
            return None
        if parts.sub_id is not None and isinstance(slot.editor, GroupEditor):
            ui_row = slot.editor.ui_row_of(parts.row or 0)
            widget = slot.editor.row_focus_widget(ui_row, parts.sub_id) if ui_row is not None else None
            return widget or slot.editor.focus_widget()
        return slot.editor.focus_widget()

    def jump_to(self, key: str, *, focus: bool = True) -> None:
        """Scroll to a question (a problem key such as 'household[0].household_age') and,
        unless told otherwise, put the keyboard focus there."""
        widget = self.focus_widget_for(key)
        if widget is None:
            return
        self.scroll.ensureWidgetVisible(widget, 40, 120)
        if focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_focused(self, field_id: str) -> None:
        """Highlight the question with the keyboard focus and its section in the index.
        (Tab scrolls it into view by itself: QScrollArea does that for focus moves.)"""
        for fid, row in self.built.rows.items():
            row.set_current(fid == field_id)
        for block in self.built.instruments.values():
            block.set_current_item(field_id if field_id in block.rows else None)
        section_id = self.built.section_of(field_id)
        if section_id:
            self.index.set_current(section_id)

    def _scrolled(self, value: int) -> None:
        current = None
        for section_id, block in self.built.sections.items():
            if block.isHidden():
                continue
            if block.y() <= value + 40:
                current = section_id
        if current is None:
            current = next(iter(self.built.sections))
        self.index.set_current(current)

    # -- for the dialog and tests -----------------------------------------------------------
    def slot(self, field_id: str) -> Slot:
        return self.built.slots[field_id]

    def value_of(self, field_id: str) -> Any:
        return self.cleaned.get(field_id)

    def draft_slot(self) -> str:
        return self.autosave.slot


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
