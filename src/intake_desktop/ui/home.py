"""The home page: what needs doing today, what is late, who is in crisis, is there a backup.

Four lists from `session.casework.home()` (follow-ups due today, overdue follow-ups, cases
with an active crisis flag, referrals whose reply (회신) is late) and the age of the last good
backup. Every entry opens its case (Enter or double-click). The lists are refreshed by the
main window whenever the case index has been reloaded, so they never decrypt anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListView,
    QVBoxLayout, QWidget,
)

from intake_desktop.domain import dates
from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.enums import RiskLevel, Role
from intake_desktop.domain.korean import format_date
from intake_desktop.services import errors as E
from intake_desktop.services.session import Session
from intake_desktop.ui.error_label import ErrorLabel
from intake_desktop.ui.labels import risk_label, stage_label
from intake_desktop.ui.roles import CASE_ID_ROLE

BACKUP_WARN_DAYS = 7  # older than a week: say so (the backup guide asks for one a week at least)
_WARNING = QColor("#b03a2e")


@dataclass(frozen=True)
class HomeEntry:
    case_id: str
    text: str
    urgent: bool = False


class HomeEntriesModel(QAbstractListModel):
    """One list of the home page; each row names a case and carries its id."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[HomeEntry] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: Sequence[HomeEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> HomeEntry:
        return self._entries[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.text
        if role == CASE_ID_ROLE:
            return entry.case_id
        if role == Qt.ItemDataRole.ForegroundRole and entry.urgent:
            return QBrush(_WARNING)
        if role == Qt.ItemDataRole.FontRole and entry.urgent:
            return self._bold
        return None


class _Section(QGroupBox):
    """A titled list with a count in its title and a line shown when it is empty."""

    def __init__(self, title: Callable[[int], str], empty_text: str, on_open: Callable[[str], None]) -> None:
        super().__init__()
        self._title = title
        self.model = HomeEntriesModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)  # long lists at a centre with 10k cases
        self.view.activated.connect(lambda index: on_open(index.data(CASE_ID_ROLE)))
        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.set_entries([])

    def set_entries(self, entries: Sequence[HomeEntry]) -> None:
        self.model.set_entries(entries)
        self.setTitle(self._title(len(entries)))
        self.view.setAccessibleName(self.title())
        self.empty.setVisible(not entries)


class HomePage(QWidget):
    open_case = Signal(str)  # case id

    def __init__(self, session: Session, *, today: Callable[[], date] = dates.today,
                 index_ready: Callable[[], bool] = lambda: True,
                 backup_warning: Callable[[date], str | None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._today = today
        # The administrators' rule for "too old" (ui/admin/backup_settings.py: their warning
        # age and wording), when that part is there; else a week.
        self._backup_warning = backup_warning
        # False while the main window reloads the case index: the services would otherwise
        # decrypt every case again on the UI thread. The reload refreshes this page when done.
        self._index_ready = index_ready
        self.heading = QLabel()
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.mine_only = QCheckBox(self.tr("Only cases assigned to me"))
        # A supervisor sees the whole centre; their own work is what home is for.
        self.mine_only.setChecked(session.has_role(Role.SUPERVISOR))
        self.mine_only.toggled.connect(lambda _on: self.refresh())
        self.backup_label = QLabel()
        self.backup_label.setWordWrap(True)
        self.backup_label.setAccessibleName(self.tr("Backup"))
        self.error = ErrorLabel()

        opener = self.open_case.emit
        self.due_today = _Section(lambda n: self.tr("Follow-ups due today (%n)", "", n),
                                  self.tr("Nothing is due today."), opener)
        self.overdue = _Section(lambda n: self.tr("Overdue follow-ups (%n)", "", n),
                                self.tr("No follow-up is overdue."), opener)
        self.awaiting_reply = _Section(lambda n: self.tr("Referrals waiting for a reply (회신) (%n)", "", n),
                                       self.tr("No partner's reply is late."), opener)
        self.crisis = _Section(lambda n: self.tr("Active crisis flags (%n)", "", n),
                               self.tr("No case has an active crisis flag."), opener)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.mine_only)
        grid = QGridLayout()
        grid.addWidget(self.due_today, 0, 0)
        grid.addWidget(self.overdue, 0, 1)
        grid.addWidget(self.crisis, 1, 0)
        grid.addWidget(self.awaiting_reply, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.backup_label)
        layout.addWidget(self.error)
        layout.addLayout(grid, 1)
        self._show_heading()

    def sections(self) -> tuple[_Section, ...]:
        return (self.due_today, self.overdue, self.crisis, self.awaiting_reply)

    def _show_heading(self) -> None:
        self.heading.setText(self.tr("Today, {date}").format(date=format_date(self._today())))

    # -- filling ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the lists from the (already loaded) case index; call after each reload."""
        if self._session.is_locked or not self._index_ready():
            return
        self._show_heading()
        self.error.clear()
        today = self._today()
        try:
            home = self._session.casework.home(today, mine_only=self.mine_only.isChecked())
            names = {case.case_id: case.name for case in self._session.cases.index.items}
        except E.ServiceError as error:
            self.error.show_error(error)
            return
        self.due_today.set_entries([self._summary_entry(c) for c in home.due_today])
        self.overdue.set_entries([self._overdue_entry(c, today) for c in home.overdue])
        self.crisis.set_entries([self._crisis_entry(c) for c in home.crisis])
        self.awaiting_reply.set_entries([self._reply_entry(r, names, today) for r in home.awaiting_reply])
        self._show_backup(today)

    def refresh_backup(self) -> None:
        """Only the backup line (a backup was made or checked)."""
        if not self._session.is_locked:
            self._show_backup(self._today())

    def clear(self) -> None:
        """Forget every name shown (on lock)."""
        for section in self.sections():
            section.set_entries([])
        self.backup_label.clear()
        self.error.clear()

    def _summary_entry(self, case: CaseSummary) -> HomeEntry:
        text = self.tr("{name} · {number} · {stage}").format(
            name=case.name, number=case.case_number, stage=stage_label(case.stage))
        return HomeEntry(case.case_id, text, case.crisis)

    def _overdue_entry(self, case: CaseSummary, today: date) -> HomeEntry:
        days = (today - case.next_follow_up).days
        text = self.tr("{name} · {number} · was due {date} (%n day(s) ago)", "", days).format(
            name=case.name, number=case.case_number, date=format_date(case.next_follow_up))
        return HomeEntry(case.case_id, text, case.crisis)

    def _crisis_entry(self, case: CaseSummary) -> HomeEntry:
        risk = risk_label(case.risk_level) if case.risk_level else self.tr("not assessed")
        text = self.tr("{name} · {number} · risk: {risk}").format(
            name=case.name, number=case.case_number, risk=risk)
        return HomeEntry(case.case_id, text, case.risk_level is RiskLevel.URGENT)

    def _reply_entry(self, referral, names: dict[str, str], today: date) -> HomeEntry:
        text = self.tr("{name} · {number} · {partner}: reply was due {date} (%n day(s) late)", "",
                       referral.days_overdue(today)).format(
            name=names.get(referral.case_id, ""), number=referral.case_number,
            partner=referral.partner_name, date=format_date(referral.reply_by))
        return HomeEntry(referral.case_id, text)

    def _show_backup(self, today: date) -> None:
        backup = getattr(self._session, "backup", None)
        try:
            last = backup.last_good() if backup is not None else None
        except E.ServiceError:
            last = None
        warning = self._backup_warning(today) if self._backup_warning is not None else None
        if warning:
            self._backup_line("⚠ " + warning, warn=True)
        elif last is None:
            self._backup_line(self.tr(
                "⚠ No backup yet. Ask your administrator to make one today: without a backup, a "
                "broken or lost computer means every record is gone."), warn=True)
        else:
            local = dates.in_seoul(last)
            days = max(0, (today - local.date()).days)
            if days == 0:  # not "0 days ago"
                text = self.tr("Last good backup: today ({date}).").format(date=format_date(local.date()))
            else:
                text = self.tr("Last good backup: {date} (%n day(s) ago).", "", days).format(
                    date=format_date(local.date()))
            self._backup_line(text, warn=self._backup_warning is None and days > BACKUP_WARN_DAYS)

    def _backup_line(self, text: str, *, warn: bool) -> None:
        self.backup_label.setText(text)
        self.backup_label.setStyleSheet("color: #b03a2e; font-weight: bold;" if warn else "")
