"""Readable names for access-log actions, and the groups the filter offers.

The log stores short identifiers (`case.view`); the screen shows what they mean. An action
without a label is shown as its identifier.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake_desktop.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "AccessLogLabels"

ACTION_LABELS = {
    "login": QT_TRANSLATE_NOOP("AccessLogLabels", "Signed in"),
    "login.recovery": QT_TRANSLATE_NOOP("AccessLogLabels", "Signed in with the recovery key"),
    "login.failed": QT_TRANSLATE_NOOP("AccessLogLabels", "Wrong passphrase"),
    "login.refused": QT_TRANSLATE_NOOP("AccessLogLabels", "Sign-in refused during a lockout"),
    "integrity.init": QT_TRANSLATE_NOOP("AccessLogLabels", "Whole-vault integrity check set up"),
    "lock": QT_TRANSLATE_NOOP("AccessLogLabels", "Locked"),
    "vault.create": QT_TRANSLATE_NOOP("AccessLogLabels", "Vault created"),
    "case.view": QT_TRANSLATE_NOOP("AccessLogLabels", "Opened a case"),
    "case.create": QT_TRANSLATE_NOOP("AccessLogLabels", "Created a case"),
    "case.summary": QT_TRANSLATE_NOOP("AccessLogLabels", "Changed a case"),
    "case.stage": QT_TRANSLATE_NOOP("AccessLogLabels", "Changed a case's stage"),
    "case.reopen": QT_TRANSLATE_NOOP("AccessLogLabels", "Reopened a case"),
    "case.assign": QT_TRANSLATE_NOOP("AccessLogLabels", "Assigned a case"),
    "case.share": QT_TRANSLATE_NOOP("AccessLogLabels", "Shared a case"),
    "case.destroy": QT_TRANSLATE_NOOP("AccessLogLabels", "Destroyed a case"),
    "person.edit": QT_TRANSLATE_NOOP("AccessLogLabels", "Changed personal details"),
    "person.export": QT_TRANSLATE_NOOP("AccessLogLabels", "Exported personal data"),
    "intake.save": QT_TRANSLATE_NOOP("AccessLogLabels", "Saved an intake"),
    "note.add": QT_TRANSLATE_NOOP("AccessLogLabels", "Added a session note"),
    "plan.save": QT_TRANSLATE_NOOP("AccessLogLabels", "Saved a service plan"),
    "follow_up.add": QT_TRANSLATE_NOOP("AccessLogLabels", "Added a follow-up"),
    "follow_up.done": QT_TRANSLATE_NOOP("AccessLogLabels", "Completed a follow-up"),
    "crisis.confirm": QT_TRANSLATE_NOOP("AccessLogLabels", "Confirmed a crisis"),
    "crisis.clear": QT_TRANSLATE_NOOP("AccessLogLabels", "Cleared a crisis flag"),
    "consent.record": QT_TRANSLATE_NOOP("AccessLogLabels", "Recorded a consent"),
    "consent.withdraw": QT_TRANSLATE_NOOP("AccessLogLabels", "Recorded a withdrawal of consent"),
    "consent.override": QT_TRANSLATE_NOOP("AccessLogLabels", "Supervisor override of consent"),
    "consent.override_used": QT_TRANSLATE_NOOP("AccessLogLabels", "Letter sent on a supervisor override"),
    "consent_form.print": QT_TRANSLATE_NOOP("AccessLogLabels", "Printed a consent form"),
    "attachment.add": QT_TRANSLATE_NOOP("AccessLogLabels", "Attached a document"),
    "attachment.view": QT_TRANSLATE_NOOP("AccessLogLabels", "Viewed an attached document"),
    "attachment.save": QT_TRANSLATE_NOOP("AccessLogLabels", "Saved an attached document to a file"),
    "attachment.delete": QT_TRANSLATE_NOOP("AccessLogLabels", "Deleted an attached document"),
    "letter.issue": QT_TRANSLATE_NOOP("AccessLogLabels", "Issued a referral letter"),
    "letter.print": QT_TRANSLATE_NOOP("AccessLogLabels", "Reprinted a referral letter"),
    "reply_slip.print": QT_TRANSLATE_NOOP("AccessLogLabels", "Printed a reply slip"),
    "correction_notice.print": QT_TRANSLATE_NOOP("AccessLogLabels", "Printed a correction notice"),
    "referral.reply": QT_TRANSLATE_NOOP("AccessLogLabels", "Recorded a partner's reply slip"),
    "letter.register": QT_TRANSLATE_NOOP("AccessLogLabels", "Viewed the letters register"),
    "referral.add": QT_TRANSLATE_NOOP("AccessLogLabels", "Planned a referral"),
    "referral.status": QT_TRANSLATE_NOOP("AccessLogLabels", "Changed a referral's status"),
    "partner.edit": QT_TRANSLATE_NOOP("AccessLogLabels", "Changed a partner's contact details"),
    "centre.edit": QT_TRANSLATE_NOOP("AccessLogLabels", "Changed the centre profile"),
    "account.add": QT_TRANSLATE_NOOP("AccessLogLabels", "Added an account"),
    "account.disable": QT_TRANSLATE_NOOP("AccessLogLabels", "Disabled an account"),
    "account.passphrase": QT_TRANSLATE_NOOP("AccessLogLabels", "Changed a passphrase"),
    "account.key_slot": QT_TRANSLATE_NOOP("AccessLogLabels", "Strengthened the protection of a passphrase"),
    "audit.view": QT_TRANSLATE_NOOP("AccessLogLabels", "Viewed the access log"),
    "audit.export": QT_TRANSLATE_NOOP("AccessLogLabels", "Downloaded the access log"),
    "audit.review": QT_TRANSLATE_NOOP("AccessLogLabels", "Monthly review of the access log"),
    "backup.create": QT_TRANSLATE_NOOP("AccessLogLabels", "Made a backup"),
    "backup.verify": QT_TRANSLATE_NOOP("AccessLogLabels", "Checked a backup"),
    "backup.restore": QT_TRANSLATE_NOOP("AccessLogLabels", "Restored a backup"),
    "backup.rotate": QT_TRANSLATE_NOOP("AccessLogLabels", "Deleted old backups"),
    "settings.retention": QT_TRANSLATE_NOOP("AccessLogLabels", "Changed the retention period"),
    "form.import": QT_TRANSLATE_NOOP("AccessLogLabels", "Imported a form"),
    "import": QT_TRANSLATE_NOOP("AccessLogLabels", "Imported cases"),
    "demo.fill": QT_TRANSLATE_NOOP("AccessLogLabels", "Added demo cases"),
    # centre mode (services/sync)
    "sync.server_init": QT_TRANSLATE_NOOP("AccessLogLabels", "Published the vault to the centre server"),
    "sync.round": QT_TRANSLATE_NOOP("AccessLogLabels", "Synced with the centre server"),
    "sync.push": QT_TRANSLATE_NOOP("AccessLogLabels", "Sent records to the centre server"),
    "sync.resolve": QT_TRANSLATE_NOOP("AccessLogLabels", "Chose a version of a conflicting record"),
    "case.view_conflict": QT_TRANSLATE_NOOP("AccessLogLabels", "Compared the two versions of a conflicting record"),
    "sync.audit_chain": QT_TRANSLATE_NOOP("AccessLogLabels", "Problem found in another PC's access log"),
}

# (label, action prefix) for the filter; the service matches prefixes.
ACTION_FILTERS = (
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Opened a case"), "case.view"),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Sign-ins and locks"), "lo"),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Wrong passphrases"), "login.failed"),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Cases"), "case."),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Consents"), "consent"),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Letters"), "letter."),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Attached documents"), "attachment."),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Exports of personal data"), "person.export"),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Accounts"), "account."),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Access log"), "audit."),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Backups"), "backup."),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Destructions"), "case.destroy"),
    (QT_TRANSLATE_NOOP("AccessLogLabels", "Centre server"), "sync."),
)


def action_label(action: str) -> str:
    text = ACTION_LABELS.get(action)
    return QCoreApplication.translate(_CONTEXT, text) if text else action


def filter_label(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)
