"""The sending centre's profile: what the 두문 and 결문 of every letter say about the sender.

Stored as JSON in vault_meta under `centre_profile`. Nothing in it is personal data (the
centre's own name, address, phone and fax numbers, the head's title), so, like the partner
directory, it stays in clear. Unset values fall back to defaults: the name to the vault's
centre name, the short name used in document numbers (기지개-123) to "기지개" when the name
contains it, else to the name itself.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, cast
import re
from dataclasses import asdict, dataclass, field, fields, replace

from intake_desktop.domain.enums import Role
from intake_desktop.domain.korean import clean_text, digits_only
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.letters import Organisation, Signatory
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.services.vault_meta import json_object
from intake_desktop.storage.models import VaultMeta

if TYPE_CHECKING:
    from intake_desktop.services.session import Session

PROFILE_KEY = "centre_profile"
DEFAULT_SHORT_NAME = "기지개"
# 기안자·검토자·결재권자 and the title (직위) printed beside each; names are filled per letter.
DEFAULT_SIGNATORY_TITLES: tuple[tuple[str, str], ...] = (
    ("기안자", "사회복지사"), ("검토자", "팀장"), ("결재권자", "센터장"),
)
MAX_TEXT = 200
MAX_SHORT_NAME = 20
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

MSG_UNKNOWN_PROFILE_FIELD = QT_TRANSLATE_NOOP("Errors", "{field} is not part of the centre profile.")
MSG_PROFILE_REQUIRED = QT_TRANSLATE_NOOP("Errors", "{field}: required.")
MSG_PROFILE_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "{field}: at most {max} characters.")
MSG_PROFILE_SHORT_NAME = QT_TRANSLATE_NOOP(
    "Errors", "The short name for document numbers has 1–20 characters, without spaces or dashes."
)
MSG_PROFILE_POSTAL = QT_TRANSLATE_NOOP("Errors", "{field}: a postal code has 5 digits.")
MSG_PROFILE_PHONE = QT_TRANSLATE_NOOP("Errors", "{field}: a phone number has 9 to 11 digits.")
MSG_PROFILE_EMAIL = QT_TRANSLATE_NOOP("Errors", "{field}: not an e-mail address.")
MSG_NO_REPLY_ROUTE = QT_TRANSLATE_NOOP(
    "Errors", "The centre's address and contact details are missing, so the partner could not reply. Fill "
              "them in under Administration → Centre profile; no letter was made.")
MSG_PROFILE_SIGNATORIES = QT_TRANSLATE_NOOP(
    "Errors", "Give one to four signatory roles, each with a role and a title (e.g. 검토자, 팀장)."
)


@dataclass(frozen=True)
class CentreProfile:
    """The stored profile with defaults applied (what the admin screen edits)."""

    name: str
    short_name: str
    head_title: str = "센터장"
    department: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""  # digits
    fax: str = ""  # digits
    email: str = ""
    homepage: str = ""
    sender_title: str = ""  # 발신명의; empty: "<name>장"
    signatory_titles: tuple[tuple[str, str], ...] = field(default=DEFAULT_SIGNATORY_TITLES)

    def can_receive_replies(self) -> bool:
        """A partner can answer a letter: there is a postal address, a phone or fax number or an
        e-mail address to print in the letter's closing block."""
        return bool((self.postal_code and self.address) or self.phone or self.fax or self.email)

    def organisation(self) -> Organisation:
        return Organisation(
            name=self.name, short_name=self.short_name, head_title=self.head_title, department=self.department,
            address=self.address, postal_code=self.postal_code, phone=self.phone, fax=self.fax, email=self.email,
            homepage=self.homepage, sender_title=self.sender_title,
        )


TEXT_FIELDS = tuple(f.name for f in fields(CentreProfile) if f.name != "signatory_titles")
EDITABLE = frozenset(TEXT_FIELDS) | {"signatory_titles"}


def default_short_name(name: str) -> str:
    """The short name in document numbers ("기지개-12") until an administrator sets one: the
    centre's name without spaces and dashes, cut to the allowed length, so that a centre named
    "동작구 청년센터" can still save its profile."""
    if DEFAULT_SHORT_NAME in name:
        return DEFAULT_SHORT_NAME
    compact = "".join(c for c in name if not c.isspace() and c != "-")
    return compact[:MAX_SHORT_NAME] or DEFAULT_SHORT_NAME


def _clean(value: object) -> str:
    return clean_text(str(value or "")).strip()


def _validate(profile: CentreProfile) -> CentreProfile:
    """Normalised copy, or UsageError naming the first problem."""
    values = {name: _clean(getattr(profile, name)) for name in TEXT_FIELDS}
    for key in ("phone", "fax", "postal_code"):
        values[key] = digits_only(values[key])
    if not values["name"]:
        raise E.UsageError(MSG_PROFILE_REQUIRED, field="name")
    short = values["short_name"]
    if not short or len(short) > MAX_SHORT_NAME or any(c.isspace() or c == "-" for c in short):
        raise E.UsageError(MSG_PROFILE_SHORT_NAME)
    for key, value in values.items():
        if len(value) > MAX_TEXT:
            raise E.UsageError(MSG_PROFILE_TOO_LONG, field=key, max=MAX_TEXT)
    if values["postal_code"] and len(values["postal_code"]) != 5:
        raise E.UsageError(MSG_PROFILE_POSTAL, field="postal_code")
    for key in ("phone", "fax"):
        if values[key] and not 9 <= len(values[key]) <= 11:
            raise E.UsageError(MSG_PROFILE_PHONE, field=key)
    if values["email"] and not EMAIL_PATTERN.match(values["email"]):
        raise E.UsageError(MSG_PROFILE_EMAIL, field="email")
    titles = tuple((_clean(role), _clean(title)) for role, title in profile.signatory_titles)
    if not 1 <= len(titles) <= 4 or any(not role or len(role) > 20 or len(title) > 40 for role, title in titles):
        raise E.UsageError(MSG_PROFILE_SIGNATORIES)
    return CentreProfile(**values, signatory_titles=titles)


REPLY_FIELDS = ("postal_code", "address", "phone", "fax", "email")


def check_reply_details(**values: str) -> dict[str, str]:
    """Validate the centre's address and contact details before there is a vault to store them
    in (the set-up wizard): normalised values, UsageError for the first problem, or
    MSG_NO_REPLY_ROUTE when nothing would let a partner answer a letter."""
    unknown = set(values) - set(REPLY_FIELDS)
    if unknown:
        raise E.UsageError(MSG_UNKNOWN_PROFILE_FIELD, field=sorted(unknown)[0])
    # Only REPLY_FIELDS (all text fields) get here: the unknown ones were refused above.
    checked = _validate(CentreProfile(name="x", short_name="x", **cast("dict[str, Any]", values)))
    if not checked.can_receive_replies():
        raise E.UsageError(MSG_NO_REPLY_ROUTE)
    return {key: getattr(checked, key) for key in REPLY_FIELDS}


class CentreService:
    """`session.centre`: read by every letter; edited by an admin."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _stored(self) -> dict[str, Any]:
        with self._session.db() as db:
            return json_object(db, PROFILE_KEY)

    def settings(self) -> CentreProfile:
        """The profile with defaults applied."""
        _ = self._session.keyring  # a locked session may do nothing (raises)
        stored = self._stored()
        name = _clean(stored.get("name")) or _clean(self._session.vault.centre_name) or DEFAULT_SHORT_NAME
        values = {key: _clean(stored.get(key)) for key in TEXT_FIELDS}
        values["name"] = name
        values["short_name"] = values["short_name"] or default_short_name(name)
        values["head_title"] = values["head_title"] or "센터장"
        titles = stored.get("signatory_titles")
        if isinstance(titles, list) and titles and all(isinstance(t, list) and len(t) == 2 for t in titles):
            signatory_titles = tuple((str(role), str(title)) for role, title in titles)
        else:
            signatory_titles = DEFAULT_SIGNATORY_TITLES
        return CentreProfile(**values, signatory_titles=signatory_titles)

    def profile(self) -> Organisation:
        """The sender of letters and consent forms."""
        return self.settings().organisation()

    def reply_profile(self) -> Organisation:
        """The sender of a letter that asks for a reply: UsageError when nothing in the profile
        lets the partner answer (no address, phone, fax or e-mail)."""
        settings = self.settings()
        if not settings.can_receive_replies():
            raise E.UsageError(MSG_NO_REPLY_ROUTE)
        return settings.organisation()

    def default_signatories(self, drafter_name: str | None = None) -> tuple[Signatory, ...]:
        """기안자 (the signed-in counsellor), 검토자, 결재권자 with the profile's titles. Only the
        drafter is named: the others sign the printed letter by hand."""
        drafter = self._session.display_name if drafter_name is None else drafter_name
        out = []
        for i, (role, title) in enumerate(self.settings().signatory_titles):
            out.append(Signatory(role, title, drafter if i == 0 else ""))
        return tuple(out)

    def update(self, **changes: Any) -> CentreProfile:
        """Change some fields (admin only, recorded in the access log by field name)."""
        self._session.require_role(Role.ADMIN)
        for key in changes:
            if key not in EDITABLE:
                raise E.UsageError(MSG_UNKNOWN_PROFILE_FIELD, field=key)
        current = self.settings()
        if "signatory_titles" in changes:
            titles = changes["signatory_titles"]
            try:
                changes["signatory_titles"] = tuple((role, title) for role, title in titles)
            except (TypeError, ValueError) as exc:
                raise E.UsageError(MSG_PROFILE_SIGNATORIES) from exc
        updated = _validate(replace(current, **changes))
        data = asdict(updated)
        data["signatory_titles"] = [list(pair) for pair in updated.signatory_titles]
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            db.merge(VaultMeta(key=PROFILE_KEY, value=json.dumps(data, ensure_ascii=False, sort_keys=True)))
            self._session.audit.record("centre.edit", details={"fields": sorted(changes)}, db=db)
            db.commit()
        return updated
