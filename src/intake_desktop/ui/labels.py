"""Display names for stored enum values (risk, stage, role, contact channel, strength).

The values are stored English identifiers; what a counsellor reads is a translated label.
Marked with QT_TRANSLATE_NOOP so lupdate collects them, translated when asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake_desktop.domain.enums import RiskLevel, Role, Stage
from intake_desktop.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "Labels"

RISK_LABELS = {
    RiskLevel.URGENT: QT_TRANSLATE_NOOP("Labels", "Urgent"),
    RiskLevel.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    RiskLevel.MEDIUM: QT_TRANSLATE_NOOP("Labels", "Medium"),
    RiskLevel.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
}

STAGE_LABELS = {
    Stage.INTAKE: QT_TRANSLATE_NOOP("Labels", "Intake and first interview"),
    Stage.ASSESSMENT: QT_TRANSLATE_NOOP("Labels", "Assessment"),
    Stage.PLANNING: QT_TRANSLATE_NOOP("Labels", "Service planning"),
    Stage.REFERRAL: QT_TRANSLATE_NOOP("Labels", "Linkage and referral"),
    Stage.MONITORING: QT_TRANSLATE_NOOP("Labels", "Monitoring"),
    Stage.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    Stage.FOLLOW_UP: QT_TRANSLATE_NOOP("Labels", "Follow-up"),
}

ROLE_LABELS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "Administrator"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    Role.COUNSELLOR: QT_TRANSLATE_NOOP("Labels", "Counsellor"),
}

# services.people.CONTACT_CHANNELS, in the same order.
CONTACT_LABELS = {
    "text_only": QT_TRANSLATE_NOOP("Labels", "Text messages only"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Home visit"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "messenger": QT_TRANSLATE_NOOP("Labels", "Messenger app"),
}

# Field names as they appear in validation messages ("{field}: required.").
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "birth_date": QT_TRANSLATE_NOOP("Labels", "Date of birth"),
    "gender": QT_TRANSLATE_NOOP("Labels", "Gender"),
    "mobile": QT_TRANSLATE_NOOP("Labels", "Mobile phone"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
    "address.postal_code": QT_TRANSLATE_NOOP("Labels", "Postal code"),
    "address.road_address": QT_TRANSLATE_NOOP("Labels", "Road address"),
    "address.detail": QT_TRANSLATE_NOOP("Labels", "Address details"),
    "emergency_contact_name": QT_TRANSLATE_NOOP("Labels", "Emergency contact"),
    "emergency_contact_phone": QT_TRANSLATE_NOOP("Labels", "Emergency contact phone"),
    "preferred_contact": QT_TRANSLATE_NOOP("Labels", "Preferred contact"),
}

# services.accounts.passphrase_strength: 0 (unusable) .. 4 (strong).
STRENGTH_LABELS = (
    QT_TRANSLATE_NOOP("Labels", "Too weak"),
    QT_TRANSLATE_NOOP("Labels", "Weak"),
    QT_TRANSLATE_NOOP("Labels", "Fair"),
    QT_TRANSLATE_NOOP("Labels", "Good"),
    QT_TRANSLATE_NOOP("Labels", "Strong"),
)


def label(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def risk_label(level: RiskLevel | None) -> str:
    return label(RISK_LABELS[level]) if level else ""


def stage_label(stage: Stage) -> str:
    return label(STAGE_LABELS[stage])


def role_label(role: Role) -> str:
    return label(ROLE_LABELS[role])


def field_label(field: str) -> str:
    return label(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def strength_label(score: int) -> str:
    return label(STRENGTH_LABELS[max(0, min(score, len(STRENGTH_LABELS) - 1))])
