"""What the consent tab shows: one row for the collection consent, one for the sensitive-
information consent, and one per partner institution. Plain data, no Qt.

The consent records of a case are kept whole (a withdrawal is stored on its record), so the
latest record of each kind decides the row:
- an active record (given, not withdrawn) -> "given";
- for a partner without one, an unspent supervisor override -> "override";
- otherwise, if one was withdrawn -> "withdrawn" (with the withdrawal's date and who asked);
- otherwise "none".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

from intake_desktop.domain.cases import parse_date


@dataclass(frozen=True)
class ConsentRow:
    kind: str  # collection | sensitive | provision
    state: str  # given | withdrawn | override | none
    partner_id: str | None = None
    partner_key: str = ""
    partner_kind: str = ""
    partner_name: str = ""
    record_id: str | None = None  # the record a withdrawal would apply to (active consents only)
    on: date | None = None
    method: str = ""
    witness: str = ""
    guardian_name: str = ""
    guardian_relationship: str = ""
    items: tuple[str, ...] = ()
    purpose: str = ""
    retention: str = ""
    withdrawn_on: date | None = None
    withdrawn_by: str = ""
    override_reason: str = ""
    earlier_withdrawals: int = 0  # withdrawn records of this kind before the current one
    overrides_used: tuple[str, ...] = ()  # letter numbers sent on a spent supervisor override
    history: tuple[dict, ...] = field(default=(), compare=False)

    @property
    def can_withdraw(self) -> bool:
        return self.state == "given" and self.record_id is not None


def _is_active(doc: dict) -> bool:
    return bool(doc.get("given")) and not doc.get("withdrawn")


def _row(kind: str, docs: Sequence[tuple[str, dict]], overrides: Sequence[tuple[str, dict]] = (),
         **partner) -> ConsentRow:
    """The row for one kind of consent from its records (oldest first)."""
    active = [(rid, d) for rid, d in docs if _is_active(d)]
    withdrawn = [(rid, d) for rid, d in docs if d.get("withdrawn")]
    history = tuple(d for _rid, d in docs)
    partner = dict(partner)
    partner["overrides_used"] = tuple(str((d.get("used_for") or {}).get("number", "")) for _rid, d in overrides
                                      if d.get("used"))
    if active:
        rid, doc = active[-1]
        guardian = doc.get("guardian") or {}
        return ConsentRow(
            kind=kind, state="given", record_id=rid, on=parse_date(doc.get("date")), method=doc.get("method", ""),
            witness=doc.get("witness", ""), guardian_name=guardian.get("name", ""),
            guardian_relationship=guardian.get("relationship", ""), items=tuple(doc.get("items", ())),
            purpose=doc.get("purpose", ""), retention=doc.get("retention", ""),
            earlier_withdrawals=len(withdrawn), history=history, **partner,
        )
    unspent = [(rid, d) for rid, d in overrides if _is_active(d) and not d.get("used")]
    if unspent:
        rid, doc = unspent[-1]
        return ConsentRow(kind=kind, state="override", on=parse_date(doc.get("date")),
                          items=tuple(doc.get("items", ())), override_reason=doc.get("reason", ""),
                          earlier_withdrawals=len(withdrawn), history=history, **partner)
    if withdrawn:
        _rid, doc = withdrawn[-1]
        info = doc.get("withdrawn") or {}
        return ConsentRow(
            kind=kind, state="withdrawn", on=parse_date(doc.get("date")), method=doc.get("method", ""),
            witness=doc.get("witness", ""), items=tuple(doc.get("items", ())), purpose=doc.get("purpose", ""),
            retention=doc.get("retention", ""), withdrawn_on=parse_date(info.get("date")),
            withdrawn_by=info.get("requested_by", ""), earlier_withdrawals=len(withdrawn) - 1,
            history=history, **partner,
        )
    return ConsentRow(kind=kind, state="none", history=history, **partner)


def with_recorded(offered: list, directory: Iterable, records: Iterable) -> list:
    """The directory's partners that are `offered` or named by a consent record, in directory order."""
    keep = {partner.id for partner in offered} | {record.document.get("partner_id") for record in records}
    return [partner for partner in directory if partner.id in keep]


def consent_rows(records: Iterable, partners: Iterable, language: str = "ko") -> list[ConsentRow]:
    """Rows for the tab. `records`: services.records.Record objects of kind "consent" (oldest
    first); `partners`: services.partners.PartnerInfo of the directory."""
    by_type: dict[str, list[tuple[str, dict]]] = {}
    for record in records:
        doc = record.document
        key = doc.get("type", "")
        if key in ("provision", "override"):
            key = f"{key}:{doc.get('partner_id', '')}"
        by_type.setdefault(key, []).append((record.id, doc))
    rows = [_row("collection", by_type.get("collection", ())), _row("sensitive", by_type.get("sensitive", ()))]
    for partner in partners:
        rows.append(_row(
            "provision", by_type.get(f"provision:{partner.id}", ()), by_type.get(f"override:{partner.id}", ()),
            partner_id=partner.id, partner_key=partner.key, partner_kind=partner.kind,
            partner_name=partner.label(language),
        ))
    return rows
