"""Accounts and their key slots. Changing a passphrase rewraps one slot; nothing else changes."""

from __future__ import annotations

import re

from sqlalchemy import delete, select

from intake_desktop.crypto import kdf, untrusted_json
from intake_desktop.domain.enums import Role, SlotKind
from intake_desktop.domain.korean import clean_text
from intake_desktop.services import errors as E
from intake_desktop.storage.models import Account, KeySlot, utcnow

USERNAME_PATTERN = re.compile(r"^[a-z0-9._-]{2,32}$")
MIN_PASSPHRASE_LENGTH = 10


def validate_username(username: str) -> str:
    username = clean_text(username).strip()
    if not USERNAME_PATTERN.match(username):
        raise E.UsageError(E.MSG_BAD_USERNAME)
    return username


def passphrase_strength(passphrase: str) -> int:
    """0 (unusable) .. 4 (strong): a rough guide for the strength meter, not a guarantee.

    Length matters most; a mix of character kinds helps a little; one repeated character or an
    obvious sequence counts as weak whatever its length.
    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH or len(set(passphrase)) < 4:
        return 0
    kinds = sum(
        bool(re.search(pattern, passphrase))
        for pattern in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")
    )
    score = 1 + (len(passphrase) >= 14) + (len(passphrase) >= 20) + (kinds >= 3)
    return min(4, score)


def validate_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise E.UsageError(E.MSG_EMPTY_PASSPHRASE)
    if passphrase_strength(passphrase) == 0:
        raise E.UsageError(E.MSG_WEAK_PASSPHRASE, min_length=MIN_PASSPHRASE_LENGTH)


class AccountsService:
    def __init__(self, session) -> None:
        self._session = session

    def add(self, username: str, role: Role, passphrase: str, display_name: str = "") -> str:
        self._session.require_role(Role.ADMIN)
        username = validate_username(username)
        validate_passphrase(passphrase)
        with self._session.db() as db:
            if db.exec(select(Account).where(Account.username == username)).first():
                raise E.UsageError(E.MSG_ACCOUNT_EXISTS, username=username)
            account = Account(username=username, display_name=clean_text(display_name or username), role=role.value)
            db.add(account)
            db.flush()
            db.add(self._session.vault.make_slot_for(
                self._session.keyring.data_key(), passphrase.encode(), SlotKind.ACCOUNT, account.id
            ))
            self._session.audit.record(
                "account.add", details={"username": username, "role": role.value}, db=db
            )
            db.commit()
            return account.id

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        """The signed-in account changes its own passphrase."""
        validate_passphrase(new_passphrase)
        if not self._session.verify_passphrase(old_passphrase):
            raise E.DeniedError(E.MSG_WRONG_PASSPHRASE)
        self._rewrap(self._session.account_id, new_passphrase)

    def set_own_passphrase_after_recovery(self, new_passphrase: str) -> None:
        """After a recovery-key login, the account sets a new passphrase without the old one
        (the recovery key already proved the right to open the vault)."""
        if self._session.opened_with is not SlotKind.RECOVERY:
            raise E.DeniedError(E.MSG_WRONG_PASSPHRASE)
        validate_passphrase(new_passphrase)
        self._rewrap(self._session.account_id, new_passphrase)

    def reset_passphrase(self, username: str, new_passphrase: str) -> None:
        """An admin (or a recovery login) sets a new passphrase for an account."""
        self._session.require_role(Role.ADMIN)
        validate_passphrase(new_passphrase)
        self._rewrap(self._account(username).id, new_passphrase)

    def key_slot_outdated(self) -> bool:
        """True when the signed-in account's key slot was made with a lower Argon2id cost than
        a new slot gets (a vault from before the fixed target, or one made on a busy PC when the
        cost was calibrated). The window may offer `strengthen_key_slot`; every passphrase
        change strengthens it anyway, since a new slot always gets the current target."""
        with self._session.db() as db:
            slot = db.exec(select(KeySlot).where(
                KeySlot.account_id == self._session.account_id, KeySlot.kind == SlotKind.ACCOUNT.value)
            ).scalar_one_or_none()
        if slot is None:  # signed in with the recovery key after the slot was removed
            return False
        try:
            return kdf.outdated(kdf.KdfParams.from_json(untrusted_json.loads(slot.kdf_params)))
        except (ValueError, KeyError, TypeError) as exc:
            raise E.DamagedError() from exc

    def strengthen_key_slot(self, passphrase: str) -> None:
        """Rewrap the signed-in account's slot, same passphrase, at the current Argon2id target."""
        if not self._session.verify_passphrase(passphrase):
            raise E.DeniedError(E.MSG_WRONG_PASSPHRASE)
        self._rewrap(self._session.account_id, passphrase, action="account.key_slot")

    def _rewrap(self, account_id: str, new_passphrase: str, action: str = "account.passphrase") -> None:
        slot = self._session.vault.make_slot_for(
            self._session.keyring.data_key(), new_passphrase.encode(), SlotKind.ACCOUNT, account_id
        )
        with self._session.db() as db:
            db.exec(delete(KeySlot).where(KeySlot.account_id == account_id, KeySlot.kind == SlotKind.ACCOUNT.value))
            db.add(slot)
            self._session.audit.record(action, details={"account": account_id}, db=db)
            db.commit()

    def disable(self, username: str) -> None:
        """Remove the account's key slot; its history (cases, audit events) stays."""
        self._session.require_role(Role.ADMIN)
        account = self._account(username)
        with self._session.db() as db:
            if account.role == Role.ADMIN.value:
                admins = db.exec(select(Account).where(Account.role == Role.ADMIN.value, Account.active == True)).scalars().all()  # noqa: E712
                if len(admins) <= 1:
                    raise E.UsageError(E.MSG_LAST_ADMIN)
            row = db.get(Account, account.id)
            row.active = False
            row.disabled_at = utcnow()
            row.version += 1
            db.exec(delete(KeySlot).where(KeySlot.account_id == account.id))
            self._session.audit.record("account.disable", details={"username": username}, db=db)
            db.commit()

    def _account(self, username: str) -> Account:
        with self._session.db() as db:
            account = db.exec(select(Account).where(Account.username == username)).scalar_one_or_none()
        if account is None or not account.active:
            raise E.UsageError(E.MSG_UNKNOWN_ACCOUNT, username=username)
        return account

    def list(self) -> list[Account]:
        with self._session.db() as db:
            return list(db.exec(select(Account).order_by(Account.username)).scalars())
