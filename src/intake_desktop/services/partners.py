"""The partner directory: institutions a letter can go to. Admins edit contact details.

Partners are institutions, not people, so their details are stored in clear (threat model).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import builtins
import json
from dataclasses import asdict, dataclass, field

import yaml
from sqlalchemy import select

from intake_desktop.domain.korean import clean_text
from intake_desktop.domain.enums import Role
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.paths import resources_dir
from intake_desktop.services import errors as E
from intake_desktop.storage.models import Partner

if TYPE_CHECKING:
    from sqlmodel import Session as DbSession

    from intake_desktop.services.session import Session

OWN_CENTRE_KEY = "internal"  # resources/partners.yaml: the centre's own internal referral
KINDS = ("welfare", "labour", "jobcentre", "police", "generic")
CONTACT_FIELDS = ("department", "address", "postal_code", "phone", "fax", "email")
MSG_PARTNER_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "There is no partner institution {partner}.")
MSG_UNKNOWN_CONTACT_FIELD = QT_TRANSLATE_NOOP("Errors", "{field} is not a contact detail of a partner.")


@dataclass
class PartnerInfo:
    id: str
    key: str
    kind: str
    name: dict[str, str]
    addressee: dict[str, str]
    role: dict[str, str] = field(default_factory=dict)
    department: dict[str, str] = field(default_factory=dict)
    address: str = ""
    postal_code: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    active: bool = True
    version: int = 1

    def label(self, language: str = "ko") -> str:
        return self.name.get(language) or self.name.get("ko", "")


def _details(info: PartnerInfo) -> str:
    data = asdict(info)
    for key in ("id", "kind", "active", "version"):
        data.pop(key)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _info(row: Partner) -> PartnerInfo:
    return PartnerInfo(id=row.id, kind=row.kind, active=row.active, version=row.version, **json.loads(row.details))


def shipped_partners() -> list[dict[str, Any]]:
    with open(resources_dir() / "partners.yaml", encoding="utf-8") as handle:
        entries: list[dict[str, Any]] = yaml.safe_load(handle)["partners"]
    return entries


def install_default_partners(db: DbSession) -> None:
    """Copy the shipped directory into a new vault (inside the creating transaction)."""
    for entry in shipped_partners():
        info = PartnerInfo(
            id="", key=entry["key"], kind=entry["kind"], name=entry["name"],
            addressee=entry["addressee"], role=entry.get("role", {}),
            department=entry.get("department", {}),
        )
        db.add(Partner(kind=info.kind, details=_details(info)))


class PartnersService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list(self, *, include_inactive: bool = False) -> list[PartnerInfo]:
        _ = self._session.keyring  # a locked session may do nothing (raises)
        with self._session.db() as db:
            rows = db.execute(select(Partner)).scalars().all()
        partners = [_info(r) for r in rows if include_inactive or r.active]
        order = {kind: i for i, kind in enumerate(KINDS)}
        return sorted(partners, key=lambda p: (order.get(p.kind, 99), p.key))

    def letter_recipients(self) -> builtins.list[PartnerInfo]:
        """The partners a referral letter can go to: the directory without the centre itself
        (its internal-referral entry, or an entry under the centre's own name)."""
        own = self._session.centre.settings().name
        return [p for p in self.list() if p.key != OWN_CENTRE_KEY and p.label("ko") != own]

    def get(self, ref: str) -> PartnerInfo:
        """A partner by id or by key (e.g. "welfare")."""
        for partner in self.list(include_inactive=True):
            if ref in (partner.id, partner.key):
                return partner
        raise E.UsageError(MSG_PARTNER_NOT_FOUND, partner=ref)

    def by_kind(self, kind: str) -> PartnerInfo:
        for partner in self.list():
            if partner.kind == kind:
                return partner
        raise E.UsageError(MSG_PARTNER_NOT_FOUND, partner=kind)

    def update_contact(self, ref: str, **changes: str) -> PartnerInfo:
        self._session.require_role(Role.ADMIN)
        partner = self.get(ref)
        for key, value in changes.items():
            if key not in CONTACT_FIELDS:
                raise E.UsageError(MSG_UNKNOWN_CONTACT_FIELD, field=key)
            if key == "department":
                partner.department = {"ko": clean_text(value).strip(), "en": partner.department.get("en", "")}
            else:
                setattr(partner, key, clean_text(value).strip())
        with self._session.db() as db:
            row = db.get(Partner, partner.id)
            if row is None:  # removed meanwhile (only a restore can do that)
                raise E.UsageError(MSG_PARTNER_NOT_FOUND, partner=ref)
            row.details = _details(partner)
            row.version += 1
            self._session.audit.record("partner.edit", details={"partner": partner.key, "fields": sorted(changes)}, db=db)
            db.commit()
        return self.get(partner.id)
