"""Decide what a referral letter may say, and word it. Pure data in, LetterContent out.

The rule (DOMAIN.md, "Consent"): a field is printed only if
  * the template for this kind of partner lists it,
  * the form file says it is shareable with this kind of partner (FieldMeta.shareable_with),
  * the person consented to giving it to this partner (consented_items), and
  * for sensitive fields (health, crime) the separate sensitive-information consent was given.
On top of that, whatever the data files say:
  * a police letter never carries health information, scores or instrument answers;
  * crime-related information never goes to anyone but the police.
Everything else is left out and listed in ``LetterContent.omitted`` (field id + reason, never
the value), so the UI can tell the counsellor what was withheld and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from intake_desktop.domain.values import is_answered
from intake_desktop.letters.formatting import (
    age_on, clean, format_address, format_date, format_datetime, format_number, format_phone, parse_date,
)
from intake_desktop.letters.model import (
    SCORE_TYPES, SENSITIVE, FieldMeta, Item, LetterContent, Omission, Organisation, PartnerKind, Recipient,
    ReferralDetails, Section, Sensitivity, Signatory, kind_value,
)
from intake_desktop.letters.templates import ChoiceLabels, LetterTemplate, TemplateField, load_labels

KNOWN_SENSITIVITY = frozenset(s.value for s in Sensitivity)
CHOICE_TYPES = frozenset({"single_choice", "multiple_choice"})
NUMBER_TYPES = frozenset({"number", "score", "likert"})


class LetterPolicyError(ValueError):
    """The letter cannot be composed as asked (wrong template for the partner, a required
    part missing). Nothing is printed."""


def exclusion_reason(field_id: str, kind: str, template_ids: frozenset[str],
                     field_meta: Mapping[str, FieldMeta], consented: frozenset[str],
                     sensitive_consent: bool) -> str | None:
    """Why a field may not appear in a letter to ``kind`` (None: it may)."""
    if field_id not in template_ids:
        return "not_in_template"
    meta = field_meta.get(field_id)
    if meta is None:
        return "unknown_field"
    sensitivity = meta.sensitivity_value
    if sensitivity not in KNOWN_SENSITIVITY:
        sensitivity = Sensitivity.HEALTH.value  # unknown: treat as the most protected kind
    ftype = kind_value(meta.type)
    if kind == PartnerKind.POLICE.value and (sensitivity == Sensitivity.HEALTH.value or ftype in SCORE_TYPES):
        return "never_to_police"
    if sensitivity == Sensitivity.CRIME.value and kind != PartnerKind.POLICE.value:
        return "crime_not_police"
    if kind not in meta.shareable_with:
        return "not_shareable"
    if field_id not in consented:
        return "not_consented"
    if sensitivity in SENSITIVE and not sensitive_consent:
        return "no_sensitive_consent"
    return None


def allowed_fields(template: LetterTemplate, kind: str, field_meta: Mapping[str, FieldMeta],
                   consented_items: Iterable[str], sensitive_consent: bool) -> list[str]:
    """Template field ids that may be printed for this partner (answered or not)."""
    ids = frozenset(template.field_ids)
    consented = frozenset(consented_items)
    return [fid for fid in template.field_ids
            if exclusion_reason(fid, kind, ids, field_meta, consented, sensitive_consent) is None]


def offerable_fields(template: LetterTemplate, field_meta: Mapping[str, FieldMeta]) -> list[str]:
    """Fields a person can be asked to let this kind of partner receive (the consent form's
    list): listed by the template, shareable per the form, and allowed for that kind."""
    return allowed_fields(template, template.kind.value, field_meta, template.field_ids, True)


def unknown_template_fields(template: LetterTemplate, field_meta: Mapping[str, FieldMeta]) -> list[str]:
    """Template field ids the intake form does not have (a template/form mismatch to fix)."""
    return [fid for fid in template.field_ids if fid not in field_meta]


# ---------------------------------------------------------------------------------------------
# Values

def _choice_map(field_id: str, meta: FieldMeta, spec: TemplateField, labels: ChoiceLabels) -> dict[str, str]:
    merged = dict(labels.choices.get(field_id, {}))
    merged.update(meta.choices)
    merged.update(spec.choices)
    return merged


def _yes_no(value, labels: ChoiceLabels) -> str:
    if isinstance(value, bool):
        return labels.yes_label if value else labels.no_label
    text = clean(value, multiline=False).lower()
    if text in ("yes", "true", "y", "1"):
        return labels.yes_label
    if text in ("no", "false", "n", "0"):
        return labels.no_label
    return clean(value, multiline=False)


def _plain(value, choices: Mapping[str, str], labels: ChoiceLabels) -> str:
    """Any value as text (used for group rows and unknown shapes)."""
    if isinstance(value, bool):
        return _yes_no(value, labels)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, dict):
        if "road_address" in value or "postal_code" in value:
            return format_address(value)
        return ", ".join(_plain(v, choices, labels) for v in value.values() if is_answered(v))
    if isinstance(value, (list, tuple, set, frozenset)):
        seq = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return "; ".join(_plain(v, choices, labels) for v in seq if is_answered(v))
    if isinstance(value, (int, float)):
        return format_number(value)
    text = clean(value)
    return choices.get(text, text)


def format_value(value, meta: FieldMeta, spec: TemplateField, labels: ChoiceLabels, issue_date: date) -> str:
    """The printed text of one field's answer."""
    fmt = spec.format
    ftype = kind_value(meta.type)
    if fmt == "auto":
        if ftype in ("date", "phone", "address", "yes_no"):
            fmt = ftype
        elif ftype in CHOICE_TYPES:
            fmt = "choice"
        elif ftype in NUMBER_TYPES:
            fmt = "number"
        elif isinstance(value, (date, datetime)):
            fmt = "date"
        else:
            fmt = "text"
    choices = _choice_map(spec.id, meta, spec, labels)

    if fmt == "date":
        if isinstance(value, datetime) and not spec.show_age:
            text = format_datetime(value)
        else:
            parsed = parse_date(value)
            if parsed is None:
                text = clean(value, multiline=False)
            else:
                text = format_date(parsed)
                if spec.show_age:
                    text += f" (만 {age_on(parsed, issue_date)}세)"
    elif fmt == "phone":
        text = format_phone(value)
    elif fmt == "address":
        text = format_address(value)
    elif fmt == "yes_no":
        text = _yes_no(value, labels)
    elif fmt == "number":
        text = format_number(value, spec.unit) if not isinstance(value, (list, dict)) else _plain(value, choices, labels)
    elif fmt == "choice":
        if isinstance(value, (list, tuple, set, frozenset)):
            seq = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
            text = ", ".join(choices.get(str(v), clean(v, multiline=False)) for v in seq if is_answered(v))
        else:
            text = choices.get(str(value), clean(value))
    else:
        text = _plain(value, choices, labels)
        if spec.unit and text:
            text += spec.unit
    note = clean(meta.note, multiline=False)
    if note and text:
        text = f"{text} ({note})"
    return text


# ---------------------------------------------------------------------------------------------
# Letter

def _detail_text(part, extra: ReferralDetails) -> str:
    key = part.key
    if key == "reply_by":
        if extra.reply_by is None:
            return ""
        shown = format_date(extra.reply_by)
        return clean(part.text).replace("{date}", shown) if part.text else shown
    if key == "last_contact":
        if extra.last_contact is None:
            return ""
        shown = format_datetime(extra.last_contact)
        if part.text:
            return clean(part.text).replace("{datetime}", shown).replace("{date}", shown)
        return shown
    if key == "requested_service":
        given = extra.requested_service
        text = clean(given) if given is not None else ""
        return text or clean(part.default)
    return clean(getattr(extra, key)) or clean(part.default)


def document_number(number: str | int, sender: Organisation) -> str:
    """'기지개-123' from 123 (with the sender's short name) or from '기지개-123' as given."""
    if isinstance(number, int) and not isinstance(number, bool):
        return f"{clean(sender.short_name, multiline=False)}-{number}"
    return clean(number, multiline=False)


def _clean_org(org: Organisation) -> Organisation:
    from dataclasses import fields, replace
    return replace(org, **{f.name: clean(getattr(org, f.name), multiline=False) for f in fields(org)})


def _clean_recipient(rec: Recipient) -> Recipient:
    from dataclasses import replace
    return replace(rec, name=clean(rec.name, multiline=False), addressee=clean(rec.addressee, multiline=False),
                   department=clean(rec.department, multiline=False), via=clean(rec.via, multiline=False))


def compose_letter(template: LetterTemplate, recipient: Recipient, sender: Organisation,
                   case_facts: Mapping[str, Any], field_meta: Mapping[str, FieldMeta],
                   consented_items: Iterable[str], sensitive_consent: bool,
                   extra: ReferralDetails, number: str | int, issue_date: date,
                   signatories: Sequence[Signatory] = (), *,
                   labels: ChoiceLabels | None = None, reception: str = "",
                   classification: str = "비공개 (개인정보)") -> LetterContent:
    """Build the content of one referral letter (see the module docstring for the rule).

    ``case_facts`` maps intake field ids to answers as stored (dates as date or ISO text,
    phones as digits, address as {postal_code, road_address, detail}, choices as codes).
    Raises LetterPolicyError if the template is for another kind of partner or a required
    part (e.g. the reason for referral) is empty.
    """
    kind = recipient.kind_value
    if template.kind.value != kind:
        raise LetterPolicyError(
            f"the '{template.kind.value}' template cannot be used for a '{kind}' recipient")
    labels = labels if labels is not None else load_labels()
    template_ids = frozenset(template.field_ids)
    consented = frozenset(str(i) for i in consented_items)
    facts = dict(case_facts)

    included: list[str] = []
    reasons: dict[str, str] = {}

    def printable(spec: TemplateField) -> tuple[str, str] | None:
        fid = spec.id
        reason = exclusion_reason(fid, kind, template_ids, field_meta, consented, sensitive_consent)
        if reason is None and not is_answered(facts.get(fid)):
            reason = "unanswered"
        text = ""
        if reason is None:
            meta = field_meta[fid]
            text = format_value(facts[fid], meta, spec, labels, issue_date)
            if not text:
                reason = "unanswered"
        if reason is not None:
            reasons[fid] = reason
            return None
        meta = field_meta[fid]
        label = clean(spec.label.ko if spec.label else meta.label_ko, multiline=False) or fid
        included.append(fid)
        return label, text

    body: list[Section] = []
    rows = tuple(row for row in (printable(spec) for spec in template.person.fields) if row)
    if rows:
        body.append(Section(key="person", heading=clean(template.person.heading.ko), rows=rows))
    for section in template.sections:
        items = tuple(Item(text=text, label=label)
                      for label, text in (r for r in (printable(spec) for spec in section.fields) if r))
        if items:
            body.append(Section(key=section.key, heading=clean(section.heading.ko), items=items))
    for part in template.details:
        text = _detail_text(part, extra)
        if not text:
            if part.required:
                raise LetterPolicyError(f"the letter needs '{part.heading.ko}' ({part.heading.en})")
            continue
        body.append(Section(key=part.key, heading=clean(part.heading.ko), text=text))

    # Everything known about the case that is not printed, with the reason (ids only).
    order = list(template.field_ids) + sorted(k for k in facts if k not in template_ids)
    omitted = []
    for fid in order:
        if fid in included:
            continue
        reason = reasons.get(fid) or exclusion_reason(fid, kind, template_ids, field_meta, consented,
                                                      sensitive_consent) or "unanswered"
        omitted.append(Omission(fid, reason))

    return LetterContent(
        number=document_number(number, sender),
        issue_date=issue_date,
        title=clean(template.title, multiline=False),
        recipient=_clean_recipient(recipient),
        sender=_clean_org(sender),
        greeting=clean(template.greeting),
        lead=clean(template.lead),
        body=tuple(body),
        closing=tuple(clean(line) for line in template.closing if clean(line)),
        attachments=tuple(clean(a, multiline=False) for a in template.attachments if clean(a)),
        signatories=tuple(Signatory(clean(s.role, multiline=False), clean(s.title, multiline=False),
                                    clean(s.name, multiline=False)) for s in signatories),
        reception=clean(reception, multiline=False),
        classification=clean(classification, multiline=False),
        reply_by=extra.reply_by,
        included_fields=tuple(included),
        omitted=tuple(omitted),
    )
