"""Consent and referral letters in the case file.

    ConsentTab(session, case_id, parent=None)     # consents of one case; refresh()
    ReferralsTab(session, case_id, parent=None)   # referrals, letters, replies; refresh()
    LetterDialog(session, case_id, parent=None)   # write, preview, print/save = issue

Both tabs emit `changed` when they recorded something, so the case file can refresh the other.
Also public: PdfPreview (a PDF shown from memory, used by the attachments viewer) and
consent_kind_label (what a consent is called on screen).
"""

from intake_desktop.ui.letters.consent_tab import ConsentTab
from intake_desktop.ui.letters.labels import consent_kind_label
from intake_desktop.ui.letters.letter_dialog import LetterDialog
from intake_desktop.ui.letters.pdf_preview import PdfPreview
from intake_desktop.ui.letters.referrals_tab import ReferralsTab

__all__ = ["ConsentTab", "LetterDialog", "PdfPreview", "ReferralsTab", "consent_kind_label"]
