"""What the letters register stores to print the identical letter again: the letter's content and
the counsellor's details as JSON (sealed in the register row by services/letters.py), and back.

A reprint renders the stored content, never the case as it is today; so this format is read
for as long as a letter is kept, and only ever gains optional keys.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from intake_desktop.letters import (
    Item, LetterContent, Omission, Organisation, Recipient, ReferralDetails, Section, Signatory,
)


def _item_json(item: Item) -> dict[str, Any]:
    return {"text": item.text, "label": item.label, "children": [_item_json(c) for c in item.children]}


def _item(data: dict[str, Any]) -> Item:
    return Item(text=data["text"], label=data.get("label", ""),
                children=tuple(_item(c) for c in data.get("children", ())))


def content_to_json(content: LetterContent) -> dict[str, Any]:
    rec = content.recipient
    return {
        "number": content.number,
        "issue_date": content.issue_date.isoformat(),
        "title": content.title,
        "recipient": {"kind": rec.kind_value, "name": rec.name, "addressee": rec.addressee,
                      "department": rec.department, "via": rec.via},
        "sender": asdict(content.sender),
        "greeting": content.greeting,
        "lead": content.lead,
        "body": [{"key": s.key, "heading": s.heading, "text": s.text, "rows": [list(r) for r in s.rows],
                  "items": [_item_json(i) for i in s.items]} for s in content.body],
        "closing": list(content.closing),
        "attachments": list(content.attachments),
        "signatories": [[s.role, s.title, s.name] for s in content.signatories],
        "reception": content.reception,
        "classification": content.classification,
        "reply_by": content.reply_by.isoformat() if content.reply_by else None,
        "included_fields": list(content.included_fields),
        "omitted": [[o.field_id, o.reason] for o in content.omitted],
    }


def content_from_json(data: dict[str, Any]) -> LetterContent:
    rec = data["recipient"]
    return LetterContent(
        number=data["number"],
        issue_date=date.fromisoformat(data["issue_date"]),
        title=data["title"],
        recipient=Recipient(rec["kind"], rec["name"], rec["addressee"], rec.get("department", ""), rec.get("via", "")),
        sender=Organisation(**data["sender"]),
        greeting=data["greeting"],
        lead=data["lead"],
        body=tuple(Section(key=s["key"], heading=s["heading"], text=s.get("text", ""),
                           rows=tuple(tuple(r) for r in s.get("rows", ())),
                           items=tuple(_item(i) for i in s.get("items", ()))) for s in data["body"]),
        closing=tuple(data.get("closing", ())),
        attachments=tuple(data.get("attachments", ())),
        signatories=tuple(Signatory(*s) for s in data.get("signatories", ())),
        reception=data.get("reception", ""),
        classification=data["classification"],
        reply_by=date.fromisoformat(data["reply_by"]) if data.get("reply_by") else None,
        included_fields=tuple(data.get("included_fields", ())),
        omitted=tuple(Omission(f, r) for f, r in data.get("omitted", ())),
    )


def _when(value: date | datetime | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {"datetime" if isinstance(value, datetime) else "date": value.isoformat()}


def _from_when(data: dict[str, str] | None) -> date | datetime | None:
    if not data:
        return None
    if "datetime" in data:
        return datetime.fromisoformat(data["datetime"])
    return date.fromisoformat(data["date"])


def details_to_json(details: ReferralDetails) -> dict[str, Any]:
    return {
        "reason": details.reason, "requested_service": details.requested_service,
        "first_contact_notes": details.first_contact_notes,
        "reply_by": details.reply_by.isoformat() if details.reply_by else None,
        "last_contact": _when(details.last_contact), "warning_signs": details.warning_signs, "notes": details.notes,
    }


def details_from_json(data: dict[str, Any]) -> ReferralDetails:
    return ReferralDetails(
        reason=data.get("reason", ""), requested_service=data.get("requested_service"),
        first_contact_notes=data.get("first_contact_notes", ""),
        reply_by=date.fromisoformat(data["reply_by"]) if data.get("reply_by") else None,
        last_contact=_from_when(data.get("last_contact")), warning_signs=data.get("warning_signs", ""),
        notes=data.get("notes", ""),
    )
