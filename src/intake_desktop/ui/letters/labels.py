"""Display names for consent kinds, consent states, ways of giving consent, referral statuses
and the counsellor's parts of a letter.

Stored values are English identifiers; what a counsellor reads is a translated label
(context "LetterLabels", collected by lupdate through QT_TRANSLATE_NOOP).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake_desktop.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "LetterLabels"

CONSENT_KIND_LABELS = {
    "collection": QT_TRANSLATE_NOOP("LetterLabels", "Collection and use (art. 15)"),
    "sensitive": QT_TRANSLATE_NOOP("LetterLabels", "Sensitive information (art. 23)"),
    "provision": QT_TRANSLATE_NOOP("LetterLabels", "Provision to a partner (art. 17(2))"),
}

# consent_view.ConsentRow.state
STATE_LABELS = {
    "given": QT_TRANSLATE_NOOP("LetterLabels", "Given"),
    "withdrawn": QT_TRANSLATE_NOOP("LetterLabels", "Withdrawn"),
    "override": QT_TRANSLATE_NOOP("LetterLabels", "Supervisor override"),
    "none": QT_TRANSLATE_NOOP("LetterLabels", "None"),
}
# Text and background colours: never the only signal (the state is written out too).
STATE_COLOURS = {
    "given": ("#1e6b34", "#e8f5ec"),
    "withdrawn": ("#a3261b", "#fdeceb"),
    "override": ("#7a4a00", "#fff3d6"),
    "none": ("#5f6368", ""),
}

METHOD_LABELS = {
    "signed": QT_TRANSLATE_NOOP("LetterLabels", "Signed form"),
    "verbal_witness": QT_TRANSLATE_NOOP("LetterLabels", "Verbal, with a witness"),
}

# services.referrals.STATUSES, in the same order.
STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("LetterLabels", "Draft"),
    "sent": QT_TRANSLATE_NOOP("LetterLabels", "Sent"),
    "received": QT_TRANSLATE_NOOP("LetterLabels", "Receipt confirmed"),
    "in_service": QT_TRANSLATE_NOOP("LetterLabels", "In service"),
    "done": QT_TRANSLATE_NOOP("LetterLabels", "Completed"),
    "declined": QT_TRANSLATE_NOOP("LetterLabels", "Declined"),
}

# services.referrals.REPLY_RESULTS: the 연계 결과 boxes of a reply slip, in the slip's order.
REPLY_RESULT_LABELS = {
    "joined": QT_TRANSLATE_NOOP("LetterLabels", "Joined"),
    "declined": QT_TRANSLATE_NOOP("LetterLabels", "Did not join"),
    "unreachable": QT_TRANSLATE_NOOP("LetterLabels", "Could not be reached"),
}

# letters.ReferralDetails attributes (the counsellor's own parts of a letter).
DETAIL_LABELS = {
    "reason": QT_TRANSLATE_NOOP("LetterLabels", "Reason for referral:"),
    "requested_service": QT_TRANSLATE_NOOP("LetterLabels", "Service requested:"),
    "first_contact_notes": QT_TRANSLATE_NOOP("LetterLabels", "Before the first contact:"),
    "warning_signs": QT_TRANSLATE_NOOP("LetterLabels", "Warning signs:"),
    "notes": QT_TRANSLATE_NOOP("LetterLabels", "Other notes:"),
    "last_contact": QT_TRANSLATE_NOOP("LetterLabels", "Last contact:"),
    "reply_by": QT_TRANSLATE_NOOP("LetterLabels", "Reply requested by:"),
}


_REFERRAL_SUMMARY = QT_TRANSLATE_NOOP("LetterLabels", "{partner}, letter {number}: now {status}")


def label(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def consent_kind_label(kind: str) -> str:
    return label(CONSENT_KIND_LABELS[kind]) if kind in CONSENT_KIND_LABELS else kind


def state_label(state: str) -> str:
    return label(STATE_LABELS[state]) if state in STATE_LABELS else state


def method_label(method: str) -> str:
    return label(METHOD_LABELS[method]) if method in METHOD_LABELS else method


def status_label(status: str) -> str:
    return label(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def detail_label(key: str) -> str:
    return label(DETAIL_LABELS[key]) if key in DETAIL_LABELS else key


def referral_summary(referral) -> str:
    """The line atop a referral's dialogs (reply slip, status): partner, letter number, status now."""
    return label(_REFERRAL_SUMMARY).format(
        partner=referral.partner_name, number=referral.letter_number or "—", status=status_label(referral.status))


def reply_result_label(result: str) -> str:
    return label(REPLY_RESULT_LABELS[result]) if result in REPLY_RESULT_LABELS else result
