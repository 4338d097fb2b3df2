"""One case file: a header (name, number, stage, risk, crisis) over tabs for the overview,
intakes, session notes, service plan, follow-ups, consent, referrals and attached documents.

Several can be open at once (tabs of the main window or windows of their own). Tabs load when
first shown. Every tab that holds typing follows one editor protocol (has_unsaved, draft,
restore, save), so the case file can put all unsaved typing into one encrypted draft (slot
"case:<id>") when it is closed or the app locks, and take it back when the case is opened
again. A draft found when the case opens is restored and discarded from the store.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from intake_desktop.domain import dates
from intake_desktop.domain.enums import RiskLevel
from intake_desktop.services import errors as E
from intake_desktop.services.cases import CaseDetail
from intake_desktop.services.session import Session
from intake_desktop.ui.case_file import screens
from intake_desktop.ui.case_file.follow_ups_tab import FollowUpsTab
from intake_desktop.ui.case_file.history_tab import HistoryTab
from intake_desktop.ui.case_file.intakes_tab import IntakesTab
from intake_desktop.ui.case_file.notes_tab import NotesTab
from intake_desktop.ui.case_file.overview import OverviewTab
from intake_desktop.ui.case_file.plan_tab import PlanTab
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.labels import risk_label, stage_label
from intake_desktop.ui.messages import describe_error

log = logging.getLogger(__name__)

DRAFT_PREFIX = "case:"
TAB_NAMES = ("overview", "intakes", "notes", "plan", "follow_ups", "consent", "referrals", "attachments", "history")
EDITOR_TABS = ("overview", "notes", "plan", "follow_ups")


def draft_slot_for(case_id: str) -> str:
    return DRAFT_PREFIX + case_id


def case_of_slot(slot: str) -> str | None:
    """"case:<id>" or "case:<id>#2" -> <id>; None for other drafts."""
    if not slot.startswith(DRAFT_PREFIX):
        return None
    return slot[len(DRAFT_PREFIX):].partition("#")[0] or None


def free_slot(taken: set[str], case_id: str) -> str:
    """The case's draft slot, or "case:<id>#n" when another view of the case already kept one
    (two windows on one case may both hold typing: neither may overwrite the other)."""
    slot, n = draft_slot_for(case_id), 2
    while slot in taken:
        slot, n = f"{draft_slot_for(case_id)}#{n}", n + 1
    return slot


class _External(QWidget):
    """Holds a tab made by another part of the team, built the first time it is shown.
    Passes on the tab's `changed` signal (it recorded something) when it has one."""

    changed = Signal()

    def __init__(self, factory: Callable[[], type], session: Session, case_id: str) -> None:
        super().__init__()
        self._factory, self._session, self._case_id = factory, session, case_id
        self.inner: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def refresh(self) -> None:
        if self.inner is None:
            self.inner = self._factory()(self._session, self._case_id, self)
            self.inner.changed.connect(self.changed)
            self._layout.addWidget(self.inner)
            return  # a new tab shows fresh data already
        refresh = getattr(self.inner, "refresh", None)
        if refresh is not None:
            refresh()


class CaseFileWidget(QWidget):
    case_changed = Signal(str)  # case id: stored data changed (the case list should reload)
    title_changed = Signal(str)

    def __init__(self, session: Session, case_id: str, *, today: Callable[[], date] = dates.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self._today = today
        self._loaded: set[str] = set()

        self.name_label = QLabel()
        heading = QFont(self.font())
        heading.setPointSizeF(heading.pointSizeF() * 1.4)
        heading.setBold(True)
        self.name_label.setFont(heading)
        self.facts_label = QLabel()
        self.crisis_badge = QLabel(self.tr("Crisis"))
        self.crisis_badge.setStyleSheet(
            "color: white; background: #b03a2e; border-radius: 4px; padding: 2px 8px; font-weight: bold;")
        self.crisis_badge.setToolTip(self.tr("An active crisis flag: see the overview"))
        self.crisis_badge.hide()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #2e6da4;")
        self.notice.hide()
        self.error = ErrorLabel()

        self.overview = OverviewTab(session, case_id, today=today)
        self.intakes = IntakesTab(session, case_id)
        self.notes = NotesTab(session, case_id, today=today)
        self.plan = PlanTab(session, case_id)
        self.follow_ups = FollowUpsTab(session, case_id, today=today)
        self.consent = _External(screens.consent_tab, session, case_id)
        self.referrals = _External(screens.referrals_tab, session, case_id)
        self.attachments = _External(screens.attachments_tab, session, case_id)
        self.history = HistoryTab(session, case_id)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for name, title in zip(TAB_NAMES, (
                self.tr("&Overview"), self.tr("&Intakes"), self.tr("Session no&tes"), self.tr("Service &plan"),
                self.tr("Fo&llow-ups"), self.tr("Con&sent"), self.tr("&Referrals"), self.tr("Attached documents (&F)"),
                self.tr("Change history (&J)"))):
            self.tabs.addTab(self.tab(name), title)
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        for editor in (self.overview, self.intakes, self.notes, self.plan, self.follow_ups):
            editor.changed.connect(self._stored_change)
        # Consent and referrals depend on each other (a letter needs consent; issuing one makes a
        # referral); a referral's reply also changes the home page.
        self.consent.changed.connect(lambda: self._external_change(self.referrals, self.attachments))
        self.referrals.changed.connect(lambda: self._external_change(self.consent, self.attachments))
        # A scan attached here may be a consent's signed form (the consent tab shows which).
        self.attachments.changed.connect(lambda: self._external_change(self.consent, self.referrals))

        header = QHBoxLayout()
        header.addWidget(self.name_label)
        header.addWidget(self.crisis_badge)
        header.addStretch()
        header.addWidget(self.facts_label)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self.reload()
        self._load_current()

    def tab(self, name: str) -> QWidget:
        return getattr(self, name)

    def current_tab_name(self) -> str:
        return TAB_NAMES[self.tabs.currentIndex()]

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    def title(self) -> str:
        if self.detail is None:
            return self.tr("Case")
        return f"{self.detail.person.get('name', '')} ({self.detail.case_number})"

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> bool:
        """Read the case again (header and overview) and refresh the tabs already shown."""
        self.error.clear()
        try:
            detail = self.session.cases.get(self.case_id)
            names = {a.id: a.display_name for a in self.session.accounts.list()}
        except E.ServiceError as error:
            self.error.show_error(error)
            return False
        self.detail = detail
        self._show_header(detail)
        self.overview.load(detail, names)
        for name in self._loaded - {"overview"}:
            self.tab(name).refresh()
        return True

    def _load_current(self) -> None:
        name = self.current_tab_name()
        if name not in self._loaded:
            self._loaded.add(name)
            if name != "overview":
                self.tab(name).refresh()

    def _show_header(self, detail: CaseDetail) -> None:
        self.name_label.setText(detail.person.get("name", ""))
        risk = detail.case.get("risk_level")
        facts = [detail.case_number, stage_label(detail.stage)]
        if risk:
            facts.append(self.tr("risk: {risk}").format(risk=risk_label(RiskLevel(risk))))
        if detail.is_demo:
            facts.append(self.tr("demo case"))
        self.facts_label.setText(" · ".join(facts))
        self.crisis_badge.setVisible(bool(detail.case.get("crisis")))
        self.title_changed.emit(self.title())

    def _external_change(self, *others: "_External") -> None:
        for other in others:
            if other.inner is not None:
                other.refresh()
        self.case_changed.emit(self.case_id)

    def _stored_change(self) -> None:
        self.reload()
        if not self.has_unsaved():
            self.notice.hide()  # "restored … save them": saved now, so the note has done its job
        self.case_changed.emit(self.case_id)

    # -- editor protocol ------------------------------------------------------------------------
    def editors(self) -> dict[str, QWidget]:
        return {name: self.tab(name) for name in EDITOR_TABS}

    def unsaved_parts(self) -> list[str]:
        return [name for name, editor in self.editors().items() if editor.has_unsaved()]

    def has_unsaved(self) -> bool:
        return bool(self.unsaved_parts())

    def draft_content(self) -> dict:
        return {"tab": self.current_tab_name(),
                "editors": {name: self.tab(name).draft() for name in self.unsaved_parts()}}

    def restore_draft(self, content: dict) -> None:
        for name, part in (content.get("editors") or {}).items():
            if name in EDITOR_TABS and isinstance(part, dict):
                self.tab(name).restore(part)
        if content.get("tab") in TAB_NAMES:
            self.show_tab(content["tab"])

    def restore_stored_draft(self, slot: str | None = None) -> bool:
        """Bring back typing kept from an earlier close or lock, if any (then drop the copy)."""
        slot = slot or draft_slot_for(self.case_id)
        try:
            content = self.session.drafts.load(slot)
            if content is None:
                return False
            self.restore_draft(content)
            self.session.drafts.discard(slot)
        except E.ServiceError as error:
            self.notice.setText(describe_error(error))
            self.notice.show()
            return False
        self.notice.setText(self.tr("Unsaved changes from earlier were restored. Save them or undo them."))
        self.notice.show()
        return True

    def keep_draft(self) -> str | None:
        """Store the unsaved typing encrypted (before closing or locking).

        Returns the draft slot used, "" when there was nothing to keep, None when it failed."""
        if not self.has_unsaved():
            return ""
        try:
            slot = free_slot(set(self.session.drafts.slots()), self.case_id)
            self.session.drafts.save(slot, self.draft_content())
        except E.ServiceError as error:
            log.error("could not keep a case draft: %s", type(error).__name__)
            return None
        return slot

    def save_current(self) -> bool:
        """Ctrl+S: save what the current tab holds."""
        editor = self.editors().get(self.current_tab_name())
        return editor.save() if editor is not None else True
