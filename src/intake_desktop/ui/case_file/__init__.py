"""The case file: one case's overview, intakes, notes, plan, follow-ups, consent, referrals."""

from intake_desktop.ui.case_file.widget import DRAFT_PREFIX, CaseFileWidget, case_of_slot, draft_slot_for
from intake_desktop.ui.case_file.window import CaseFileWindow

__all__ = ["DRAFT_PREFIX", "CaseFileWidget", "CaseFileWindow", "case_of_slot", "draft_slot_for"]
