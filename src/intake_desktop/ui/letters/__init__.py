"""Consent and referral letters in the case file.

    ConsentTab(session, case_id, parent=None)     # consents of one case; refresh()
    ReferralsTab(session, case_id, parent=None)   # referrals, letters, replies; refresh()
    LetterDialog(session, case_id, parent=None)   # write, preview, print/save = issue

Both tabs emit `changed` when they recorded something, so the case file can refresh the other.
"""

from intake_desktop.ui.letters.consent_tab import ConsentTab
from intake_desktop.ui.letters.letter_dialog import LetterDialog
from intake_desktop.ui.letters.referrals_tab import ReferralsTab

__all__ = ["ConsentTab", "LetterDialog", "ReferralsTab"]
