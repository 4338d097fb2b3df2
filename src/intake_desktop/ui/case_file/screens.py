"""Screens the case file hosts but other packages own (the intake form, the consent,
referrals and attached-documents tabs). Imported when first needed, which keeps import cycles out of the way:
ui/letters and ui/intake_form import services that the case file's modules also import."""

from __future__ import annotations


def intake_form_dialog():
    from intake_desktop.ui.intake_form import IntakeFormDialog

    return IntakeFormDialog


def consent_tab():
    from intake_desktop.ui.letters import ConsentTab

    return ConsentTab


def referrals_tab():
    from intake_desktop.ui.letters import ReferralsTab

    return ReferralsTab


def attachments_tab():
    from intake_desktop.ui.attachments.tab import AttachmentsTab

    return AttachmentsTab
