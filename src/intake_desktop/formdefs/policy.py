"""Who may ever see a field: sensitivity and the recipients a letter may carry it to.

Consent decides what actually goes out; this is the outer limit set by the form file.
Instrument items take the policy of the intake field that embeds them, so a centre sets
it once per instrument.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake_desktop.formdefs.conditions import is_answered
from intake_desktop.formdefs.fieldindex import field_index
from intake_desktop.formdefs.model import FormDefinition, Recipient, Sensitivity, Text


@dataclass(frozen=True)
class FieldPolicy:
    field_id: str
    label: Text
    sensitivity: Sensitivity
    shareable_with: frozenset[Recipient]


def field_policies(form: FormDefinition) -> dict[str, FieldPolicy]:
    """Policy of every answerable top-level field (a group is one unit), in form order."""
    out = {}
    for fid, entry in field_index(form).entries.items():
        if not entry.answerable:
            continue
        owner = entry.instrument_field or entry.field
        out[fid] = FieldPolicy(fid, entry.field.label, owner.sensitivity, frozenset(owner.shareable_with))
    return out


def shareable_fields(form: FormDefinition, recipient: Recipient | str) -> list[str]:
    recipient = Recipient(recipient)
    return [fid for fid, p in field_policies(form).items() if recipient in p.shareable_with]


def sensitive_fields_answered(form: FormDefinition, answers: dict[str, Any],
                              sensitivity: Sensitivity = Sensitivity.HEALTH) -> list[str]:
    """Answered fields of that sensitivity: if any are health, the record needs the
    separate sensitive-information consent (개인정보 보호법 art. 23)."""
    policies = field_policies(form)
    return [fid for fid, p in policies.items() if p.sensitivity is sensitivity and is_answered(answers.get(fid))]

