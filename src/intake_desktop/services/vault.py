"""Vault life cycle: create, open (migrate), unlock with a passphrase or the recovery key.

A `Vault` is an open database with no keys; `unlock` returns a `Session` holding the keys.
One process at a time holds a vault: the lock file tells a second instance clearly.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

import filelock
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select
from sqlmodel import Session as DbSession

from intake_desktop.crypto import keys, recovery
from intake_desktop.crypto.errors import WeakParametersError, WrongKeyError
from intake_desktop.crypto.kdf import KdfParams
from intake_desktop.fileio import restrict_to_owner
from intake_desktop.domain.enums import Role, SlotKind
from intake_desktop.domain.korean import clean_text
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services.changes import ChangeHub
from intake_desktop.services import errors as E
from intake_desktop.services import integrity
from intake_desktop.services.front_door import AccountInfo, active_accounts, vault_exists
from intake_desktop.services.faults import from_database_error, from_os_error, storage_errors
from intake_desktop.services.accounts import validate_passphrase, validate_username
from intake_desktop.services.partners import install_default_partners
from intake_desktop.services.session import Session
from intake_desktop.storage import migrate
from intake_desktop.storage.engine import make_engine, sqlite_url
from intake_desktop.storage.models import (
    REFUSED_LOCKED_OUT, Account, KeySlot, LoginFailure, VaultMeta, new_id, utcnow,
)

LOCK_FILE = "vault.lock"
FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 15 * 60
SQLITE_MAGIC = b"SQLite format 3\x00"


def lockout_delay(failed_attempts: int) -> int:
    """Seconds to wait after `failed_attempts` failures: 0 for the first five, then doubling."""
    if failed_attempts < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, 2 ** (failed_attempts - FREE_ATTEMPTS + 1) * 15 // 2)


@dataclass(frozen=True)
class CreatedVault:
    vault: "Vault"
    recovery_key: str


def _is_sqlite_file(path: Path) -> bool:
    """An intact SQLite header whose size agrees with the file (catches truncation).

    Reads only the 100-byte header: the page size must be valid, the file a whole number of
    pages, and not shorter than the page count the header vouches for, unless a write-ahead
    log is there to complete it (a checkpoint cut short by a power cut).
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
        wal = path.with_name(path.name + "-wal")
        wal_pending = wal.exists() and wal.stat().st_size > 0
    except OSError:
        return False
    if len(header) < 100 or header[:16] != SQLITE_MAGIC:
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        return False
    pages = int.from_bytes(header[28:32], "big")
    pages_valid = header[24:28] == header[92:96]
    return not (pages_valid and size < pages * page_size and not wal_pending)


def _stored_revision(path: Path) -> str:
    """Read the schema revision and vault id with a plain connection: no pragma, no write.

    Anything that is not a vault at a known revision is refused here, before the engine's
    pragmas (journal_mode=WAL) or a migration could change a byte of someone else's file.
    """
    try:
        connection = sqlite3.connect(path)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "vault_meta"} <= tables:
                raise E.DamagedError(E.MSG_NOT_A_VAULT, path=str(path))
            revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
            vault_id = connection.execute("SELECT value FROM vault_meta WHERE key = 'vault_id'").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise from_database_error(exc, path) from exc
    if len(revisions) != 1 or not vault_id:
        raise E.DamagedError(E.MSG_NOT_A_VAULT, path=str(path))
    if revisions[0] not in migrate.known_revisions():
        raise E.ServiceError(E.MSG_SCHEMA_TOO_NEW)
    return revisions[0]


class Vault:
    """An open vault database (no keys yet)."""

    def __init__(self, data_dir: Path, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / VAULT_FILE
        self.clock = clock
        # thread_local=False: the wizard creates the vault on a worker thread and the UI thread
        # closes it; a thread-local lock could only be released by the thread that took it.
        self._lock = filelock.FileLock(str(self.data_dir / LOCK_FILE), timeout=0, thread_local=False)
        self.engine = None
        self.vault_id = ""
        self.changes = ChangeHub()  # every session of this vault announces its writes here

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        return vault_exists(data_dir)

    @classmethod
    def open(cls, data_dir: Path, **kwargs) -> "Vault":
        data_dir = Path(data_dir)
        db_path = data_dir / VAULT_FILE
        if not db_path.exists():
            raise E.ServiceError(E.MSG_NO_VAULT, path=str(data_dir))
        if not _is_sqlite_file(db_path):
            raise E.DamagedError(E.MSG_NOT_A_VAULT, path=str(db_path))
        vault = cls(data_dir, **kwargs)
        vault._acquire()
        try:
            _stored_revision(db_path)
            vault._connect(create=False)
        except BaseException:
            vault.close()
            raise
        return vault

    @classmethod
    def create(cls, data_dir: Path, centre_name: str, admin_username: str, admin_display_name: str,
               admin_passphrase: str, **kwargs) -> CreatedVault:
        data_dir = Path(data_dir)
        centre_name = clean_text(centre_name).strip()
        admin_username = validate_username(admin_username)
        validate_passphrase(admin_passphrase, user_inputs=[admin_username, admin_display_name, centre_name])
        if (data_dir / VAULT_FILE).exists():
            raise E.ServiceError(E.MSG_VAULT_EXISTS, path=str(data_dir))
        made = not data_dir.exists()
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise from_os_error(exc, data_dir) from exc
        if made:  # a folder we made is the user's alone (an existing one keeps what its owner chose)
            restrict_to_owner(data_dir)
        vault = cls(data_dir, **kwargs)
        vault._acquire()
        try:
            vault._connect(create=True)
            recovery_key = vault._initialise(
                centre_name, admin_username, clean_text(admin_display_name or admin_username),
                admin_passphrase,
            )
        except BaseException:
            vault.close()
            # A half-made vault is worse than none: the next `init` must be able to start over.
            for suffix in ("", "-wal", "-shm"):
                (data_dir / (VAULT_FILE + suffix)).unlink(missing_ok=True)
            raise
        return CreatedVault(vault, recovery_key)

    def _acquire(self) -> None:
        try:
            self._lock.acquire()
        except filelock.Timeout as exc:
            raise E.ServiceError(E.MSG_IN_USE) from exc
        except OSError as exc:
            raise from_os_error(exc, self.data_dir) from exc

    def _connect(self, *, create: bool) -> None:
        try:
            if not create and not self.db_path.stat().st_mode & 0o200:
                raise E.ServiceError(E.MSG_READ_ONLY, path=str(self.db_path))
            self.engine = make_engine(sqlite_url(self.db_path))
            migrate.upgrade(self.engine, None if create else self.db_path)
            if not create:
                self.vault_id = self._meta("vault_id") or ""
                if not self.vault_id:
                    raise E.DamagedError(E.MSG_NOT_A_VAULT, path=str(self.db_path))
        except migrate.SchemaTooNewError as exc:
            raise E.ServiceError(E.MSG_SCHEMA_TOO_NEW) from exc
        except (sa_exc.DBAPIError, sqlite3.DatabaseError) as exc:
            raise from_database_error(exc, self.db_path) from exc
        except OSError as exc:
            raise from_os_error(exc, self.data_dir) from exc

    def _initialise(self, centre_name: str, username: str, display_name: str, passphrase: str) -> str:
        self.vault_id = new_id()
        dek = keys.new_data_key()
        recovery_key = recovery.generate()
        admin = Account(username=username, display_name=display_name, role=Role.ADMIN.value)
        with DbSession(self.engine) as db:
            db.add(VaultMeta(key="vault_id", value=self.vault_id))
            db.add(VaultMeta(key="centre_name", value=centre_name))
            db.add(VaultMeta(key="created_at", value=self.clock().isoformat()))
            db.add(admin)
            db.flush()
            admin_id = admin.id
            db.add(self._make_slot(dek, passphrase.encode(), SlotKind.ACCOUNT, admin_id))
            db.add(self._make_slot(dek, recovery.secret_bytes(recovery_key), SlotKind.RECOVERY, None))
            install_default_partners(db)
            keyring = keys.KeyRing(dek, self.vault_id)
            try:
                integrity.establish(db, keyring)  # born with its whole-vault integrity state
            finally:
                keyring.close()
            db.commit()
        session = self._session(dek, admin_id, SlotKind.ACCOUNT)
        session.audit.record("vault.create", details={"centre": centre_name, "integrity": integrity.FORMAT})
        session.lock()
        return recovery_key

    def _make_slot(self, dek: bytes, secret: bytes, kind: SlotKind, account_id: str | None) -> KeySlot:
        slot_id = new_id()
        wrapped = keys.wrap_data_key(dek, secret, self.vault_id, slot_id)
        return KeySlot(
            id=slot_id, account_id=account_id, kind=kind.value,
            kdf_params=json.dumps(wrapped.params.to_json()), wrapped_key=wrapped.wrapped,
        )

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> "Vault":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- facts readable without a key -------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        with storage_errors(self.db_path), DbSession(self.engine) as db:
            row = db.get(VaultMeta, key)
            return row.value if row else None

    @property
    def centre_name(self) -> str:
        return self._meta("centre_name") or ""

    def accounts(self) -> list[AccountInfo]:
        """Active accounts (the login window reads the same through services/front_door.py)."""
        with storage_errors(self.db_path), self.engine.connect() as connection:
            cursor = connection.connection.dbapi_connection.cursor()
            try:
                return active_accounts(cursor)
            finally:
                cursor.close()

    # -- unlocking --------------------------------------------------------------------------
    def _active_account(self, db: DbSession, username: str) -> Account:
        account = db.exec(select(Account).where(Account.username == username)).scalar_one_or_none()
        if account is None or not account.active:
            raise E.DeniedError(E.MSG_UNKNOWN_ACCOUNT, username=username)
        return account

    def _slot(self, db: DbSession, kind: SlotKind, account_id: str | None) -> KeySlot:
        query = select(KeySlot).where(KeySlot.kind == kind.value)
        if account_id is not None:
            query = query.where(KeySlot.account_id == account_id)
        slot = db.exec(query).scalars().first()
        if slot is None:
            raise E.DeniedError(E.MSG_UNKNOWN_ACCOUNT, username="")
        return slot

    def _open_slot(self, slot: KeySlot, secret: bytes) -> bytes:
        try:
            params = KdfParams.from_json(json.loads(slot.kdf_params))
        except (ValueError, KeyError, TypeError) as exc:
            raise E.DamagedError() from exc
        wrapped = keys.WrappedKey(params, slot.wrapped_key)
        try:
            return keys.unwrap_data_key(wrapped, secret, self.vault_id, slot.id)
        except WeakParametersError as exc:
            raise E.DamagedError() from exc

    def _check_lockout(self, account: Account) -> None:
        delay = lockout_delay(account.failed_attempts)
        if delay and account.last_failed_at is not None:
            last = account.last_failed_at
            if last.tzinfo is None:
                last = last.replace(tzinfo=timezone.utc)
            remaining = (last + timedelta(seconds=delay) - self.clock()).total_seconds()
            if remaining > 0:
                raise E.DeniedError(E.MSG_LOCKED_OUT, seconds=math.ceil(remaining))

    def _refuse_if_locked_out(self, account: Account) -> None:
        """A lockout refuses an attempt without trying it and without counting it, but the
        attempt is still an access event: it is written down (in clear, like a failure: account
        and time only) and goes into the access log at the next successful unlock."""
        try:
            self._check_lockout(account)
        except E.DeniedError:
            try:
                with DbSession(self.engine) as db:
                    db.add(LoginFailure(account_id=account.id, at=self.clock(), reason=REFUSED_LOCKED_OUT))
                    db.commit()
            except (sa_exc.DBAPIError, sqlite3.Error, OSError):
                pass  # a full or read-only disk must not turn a lockout into another message
            raise

    def _record_failure(self, account_id: str) -> None:
        with DbSession(self.engine) as db:
            account = db.get(Account, account_id)
            account.failed_attempts += 1
            account.last_failed_at = self.clock()
            db.add(LoginFailure(account_id=account_id, at=account.last_failed_at))
            db.commit()

    def unlock(self, username: str, passphrase: str, *, check_integrity: bool = True,
               rows_later: bool = False) -> Session:
        """`check_integrity=False` only for `audit verify`, which reports what is wrong with a
        vault that unlocking would refuse. `rows_later`: the sealed state is checked now and the
        rows by `session.check_rows()` (the GUI runs it beside the case list)."""
        if not passphrase:
            raise E.DeniedError(E.MSG_EMPTY_PASSPHRASE)
        with storage_errors(self.db_path):
            return self._unlock(username, passphrase, check_integrity, rows_later)

    def _unlock(self, username: str, passphrase: str, check_integrity: bool = True,
                rows_later: bool = False) -> Session:
        with DbSession(self.engine) as db:
            account = self._active_account(db, username)
        self._refuse_if_locked_out(account)
        with DbSession(self.engine) as db:
            slot = self._slot(db, SlotKind.ACCOUNT, account.id)
        try:
            dek = self._open_slot(slot, passphrase.encode())
        except WrongKeyError as exc:
            self._record_failure(account.id)
            raise E.DeniedError(E.MSG_WRONG_PASSPHRASE) from exc
        return self._session(dek, account.id, SlotKind.ACCOUNT, check_integrity, rows_later)

    def unlock_with_recovery(self, username: str, recovery_key: str, *, check_integrity: bool = True) -> Session:
        """Open the vault with the recovery key, acting as `username` (typically to reset a
        forgotten passphrase). Recorded in the audit log as a recovery login."""
        try:
            secret = recovery.secret_bytes(recovery_key)
        except recovery.RecoveryKeyFormatError as exc:
            raise E.DeniedError(E.MSG_BAD_RECOVERY_KEY) from exc
        with storage_errors(self.db_path):
            return self._unlock_with_recovery(username, secret, check_integrity)

    def _unlock_with_recovery(self, username: str, secret: bytes, check_integrity: bool = True) -> Session:
        with DbSession(self.engine) as db:
            account = self._active_account(db, username)
        self._refuse_if_locked_out(account)
        with DbSession(self.engine) as db:
            slot = self._slot(db, SlotKind.RECOVERY, None)
        try:
            dek = self._open_slot(slot, secret)
        except WrongKeyError as exc:
            self._record_failure(account.id)
            raise E.DeniedError(E.MSG_WRONG_RECOVERY_KEY) from exc
        return self._session(dek, account.id, SlotKind.RECOVERY, check_integrity)

    def _session(self, dek: bytes, account_id: str, via: SlotKind, check_integrity: bool = True,
                 rows_later: bool = False) -> Session:
        keyring = keys.KeyRing(dek, self.vault_id)
        session = Session(self, keyring, account_id)
        try:
            session.on_unlocked(via, check_integrity=check_integrity, rows_later=rows_later)
        except BaseException:
            keyring.close()  # a vault that fails its checks leaves no key behind
            raise
        return session

    def count_rows(self, model) -> int:
        with DbSession(self.engine) as db:
            return db.exec(select(func.count()).select_from(model)).scalar_one()

    def make_slot_for(self, dek: bytes, secret: bytes, kind: SlotKind, account_id: str | None) -> KeySlot:
        return self._make_slot(dek, secret, kind, account_id)
