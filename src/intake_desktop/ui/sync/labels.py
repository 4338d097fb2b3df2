"""Names a person reads for the kinds of records that sync (conflicts list)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake_desktop.i18n import QT_TRANSLATE_NOOP

RECORD_KINDS = {
    "vault_meta": QT_TRANSLATE_NOOP("SyncLabels", "Centre settings"),
    "account": QT_TRANSLATE_NOOP("SyncLabels", "Account"),
    "key_slot": QT_TRANSLATE_NOOP("SyncLabels", "Account key"),
    "partner": QT_TRANSLATE_NOOP("SyncLabels", "Partner institution"),
    "custom_form": QT_TRANSLATE_NOOP("SyncLabels", "Form"),
    "person": QT_TRANSLATE_NOOP("SyncLabels", "Personal details"),
    "case_file": QT_TRANSLATE_NOOP("SyncLabels", "Case"),
    "case_share": QT_TRANSLATE_NOOP("SyncLabels", "Case sharing"),
    "intake_record": QT_TRANSLATE_NOOP("SyncLabels", "Intake form"),
    "session_note": QT_TRANSLATE_NOOP("SyncLabels", "Session note"),
    "service_plan": QT_TRANSLATE_NOOP("SyncLabels", "Service plan"),
    "follow_up": QT_TRANSLATE_NOOP("SyncLabels", "Follow-up"),
    "consent": QT_TRANSLATE_NOOP("SyncLabels", "Consent"),
    "referral": QT_TRANSLATE_NOOP("SyncLabels", "Referral"),
    "letter": QT_TRANSLATE_NOOP("SyncLabels", "Letter"),
}


def record_kind(table: str) -> str:
    source = RECORD_KINDS.get(table)
    return QCoreApplication.translate("SyncLabels", source) if source else table
