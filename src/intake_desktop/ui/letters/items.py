"""Intake fields as consent items: which a partner kind may ever receive, and their labels.

The outer limit comes from the intake form file (`formdefs.shareable_fields`); the newest
intake form of the vault (shipped or imported) is used. A consent stores field ids, so an item
the form no longer has is shown by its id.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake_desktop import formdefs
from intake_desktop.formdefs import FormDefinition
from intake_desktop.services.forms import INTAKE_FORM_ID, intake_form


@dataclass(frozen=True)
class ConsentItem:
    field_id: str
    label_ko: str
    label_en: str
    sensitive: bool


def current_form(session) -> FormDefinition:
    try:
        return session.forms.get(INTAKE_FORM_ID)
    except Exception:  # noqa: BLE001 - a broken imported form must not hide the shipped one
        return intake_form()


def shareable_items(form: FormDefinition, partner_kind: str) -> list[ConsentItem]:
    """The fields that partner kind may ever receive, in form order."""
    policies = formdefs.field_policies(form)
    out = []
    for fid in formdefs.shareable_fields(form, partner_kind):
        policy = policies[fid]
        out.append(ConsentItem(fid, policy.label.ko, policy.label.en or policy.label.ko,
                               policy.sensitivity.value in ("health", "crime")))
    return out


def item_labels(form: FormDefinition) -> dict[str, str]:
    """Korean label of every answerable field (consent items are printed in Korean)."""
    return {fid: p.label.ko for fid, p in formdefs.field_policies(form).items()}


def describe_items(items, labels: dict[str, str]) -> str:
    """Korean labels in form order (`labels` is in form order); unknown ids last, as they are."""
    order = {fid: i for i, fid in enumerate(labels)}
    ordered = sorted(items, key=lambda fid: (order.get(fid, len(order)), fid))
    return ", ".join(labels.get(fid, fid) for fid in ordered)
