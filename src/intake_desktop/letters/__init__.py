"""Referral letters (연계 의뢰서) and consent forms as PDF: ReportLab only, no Qt, no SQL.

    template = load_template("welfare")
    content = compose_letter(template, recipient, sender, case_facts, field_meta,
                             consented_items, sensitive_consent, details, number, issue_date, signatories)
    pdf_bytes = render_letter(content)            # deterministic, in memory

See docs/letters.md.

Names are imported from their modules on first use (PEP 562 `__getattr__`): the command line
builds its parser with `letters.model.PartnerKind` and must not load ReportLab to show --help.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # never run; written out so type checkers and PyInstaller (which reads every
    # import statement of the byte code, run or not) see the modules loaded by __getattr__
    from intake_desktop.letters import compose, consent_form, fonts, model, render, reply_slip, templates  # noqa: F401

_EXPORTS = {
    "compose": (
        "LetterPolicyError", "allowed_fields", "compose_letter", "exclusion_reason", "format_value",
        "offerable_fields", "unknown_template_fields",
    ),
    "consent_form": (
        "ConsentFormContent", "ConsentPart", "ConsentWording", "RecipientConsent", "collection_part",
        "load_consent_wording", "recipient_consent", "recipient_consent_for", "render_consent_form", "sensitive_part",
    ),
    "fonts": (
        "FontChoice", "FontFile", "FontNotFoundError", "LetterFonts", "find_korean_fonts", "load_fonts",
        "reset_font_cache",
    ),
    "model": (
        "FieldMeta", "Item", "LetterContent", "Omission", "Organisation", "PartnerKind", "Recipient",
        "ReferralDetails", "Section", "Sensitivity", "Signatory",
    ),
    "render": ("LetterStyle", "render_letter"),
    "reply_slip": ("ReplySlipContent", "render_reply_slip"),
    "templates": (
        "ChoiceLabels", "LetterTemplate", "TemplateError", "load_all_templates", "load_labels", "load_template",
        "parse_template",
    ),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
