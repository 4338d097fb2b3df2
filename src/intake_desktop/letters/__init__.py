"""Referral letters (연계 의뢰서) and consent forms as PDF: ReportLab only, no Qt, no SQL.

    template = load_template("welfare")
    content = compose_letter(template, recipient, sender, case_facts, field_meta,
                             consented_items, sensitive_consent, details, number, issue_date, signatories)
    pdf_bytes = render_letter(content)            # deterministic, in memory

See docs/letters.md.
"""

from intake_desktop.letters.compose import (
    LetterPolicyError, allowed_fields, compose_letter, exclusion_reason, format_value, offerable_fields,
    unknown_template_fields,
)
from intake_desktop.letters.consent_form import (
    ConsentFormContent, ConsentPart, ConsentWording, RecipientConsent, collection_part, load_consent_wording,
    recipient_consent, recipient_consent_for, render_consent_form, sensitive_part,
)
from intake_desktop.letters.fonts import (
    FontChoice, FontFile, FontNotFoundError, LetterFonts, find_korean_fonts, load_fonts, reset_font_cache,
)
from intake_desktop.letters.model import (
    FieldMeta, Item, LetterContent, Omission, Organisation, PartnerKind, Recipient, ReferralDetails, Section,
    Sensitivity, Signatory,
)
from intake_desktop.letters.render import LetterStyle, render_letter
from intake_desktop.letters.templates import (
    ChoiceLabels, LetterTemplate, TemplateError, load_all_templates, load_labels, load_template, parse_template,
)

__all__ = [
    "ChoiceLabels", "ConsentFormContent", "ConsentPart", "ConsentWording", "FieldMeta", "FontChoice", "FontFile",
    "FontNotFoundError", "Item", "LetterContent", "LetterFonts", "LetterPolicyError", "LetterStyle", "LetterTemplate",
    "Omission", "Organisation", "PartnerKind", "Recipient", "RecipientConsent", "ReferralDetails", "Section",
    "Sensitivity", "Signatory", "TemplateError", "allowed_fields", "collection_part", "compose_letter",
    "exclusion_reason", "find_korean_fonts", "format_value", "load_all_templates", "load_consent_wording",
    "load_fonts", "load_labels", "load_template", "offerable_fields", "parse_template", "recipient_consent",
    "recipient_consent_for", "render_consent_form", "render_letter", "reset_font_cache", "sensitive_part", "unknown_template_fields",
]
