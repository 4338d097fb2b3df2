"""Display names for the stored values of day-to-day case work: kinds of contact (session
notes), plan goal statuses, genders.

Kept apart from labels.py (the shell's labels) so the case workspace owns its own words;
marked with QT_TRANSLATE_NOOP in the shared "Labels" context and translated when asked for.
"""

from __future__ import annotations

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services.casework import NOTE_MODES
from intake_desktop.services.people import GENDERS
from intake_desktop.ui.labels import label

# services.casework.NOTE_MODES, in the same order.
NOTE_MODE_LABELS = {
    "visit": QT_TRANSLATE_NOOP("Labels", "Home visit"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
    "text": QT_TRANSLATE_NOOP("Labels", "Text messages"),
    "video": QT_TRANSLATE_NOOP("Labels", "Video call"),
    "outreach": QT_TRANSLATE_NOOP("Labels", "Outreach"),
    "office": QT_TRANSLATE_NOOP("Labels", "At the centre"),
}
assert tuple(NOTE_MODE_LABELS) == NOTE_MODES

# The plan service stores any status string; these are the ones the UI offers.
PLAN_STATUSES = ("open", "in_progress", "done", "stopped")
PLAN_STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("Labels", "Not started"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "done": QT_TRANSLATE_NOOP("Labels", "Achieved"),
    "stopped": QT_TRANSLATE_NOOP("Labels", "Stopped"),
}

GENDER_LABELS = {
    "male": QT_TRANSLATE_NOOP("Labels", "Male"),
    "female": QT_TRANSLATE_NOOP("Labels", "Female"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    "undisclosed": QT_TRANSLATE_NOOP("Labels", "Prefers not to say"),
}
assert tuple(GENDER_LABELS) == GENDERS


def note_mode_label(mode: str) -> str:
    return label(NOTE_MODE_LABELS[mode]) if mode in NOTE_MODE_LABELS else mode


def plan_status_label(status: str) -> str:
    return label(PLAN_STATUS_LABELS[status]) if status in PLAN_STATUS_LABELS else status


def gender_label(gender: str) -> str:
    return label(GENDER_LABELS[gender]) if gender in GENDER_LABELS else gender
