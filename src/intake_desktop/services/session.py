"""An unlocked vault for one account: holds the keys, enforces roles, hands out services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TypeVar, cast

from sqlalchemy import delete, event, select
from sqlmodel import Session as DbSession

from intake_desktop.crypto.errors import WrongKeyError
from intake_desktop.crypto.keys import KeyRing
from intake_desktop.crypto.sealer import Sealer
from intake_desktop.domain.enums import Role, SlotKind
from intake_desktop.services import errors as E
from intake_desktop.services import case_snapshot, integrity
from intake_desktop.services.faults import storage_errors
from intake_desktop.storage.models import REFUSED_LOCKED_OUT, Account, KeySlot, LoginFailure

if TYPE_CHECKING:  # the services, typed for readers and IDEs; imported lazily at run time
    from intake_desktop.services.access_log import AccessLogService
    from intake_desktop.services.accounts import AccountsService
    from intake_desktop.services.attachments import AttachmentsService
    from intake_desktop.services.audit import AuditLog
    from intake_desktop.services.backup import BackupService
    from intake_desktop.services.cases import CasesService
    from intake_desktop.services.casework import CaseworkService
    from intake_desktop.services.centre import CentreService
    from intake_desktop.services.consent import ConsentService
    from intake_desktop.services.drafts import DraftStore
    from intake_desktop.services.forms import FormsService
    from intake_desktop.services.intakes import IntakesService
    from intake_desktop.services.letters import LettersService
    from intake_desktop.services.partners import PartnersService
    from intake_desktop.services.records import RecordsService
    from intake_desktop.services.referrals import ReferralsService
    from intake_desktop.services.retention import RetentionService
    from intake_desktop.services.stats import StatsService
    from intake_desktop.services.subject_access import SubjectAccessService
    from intake_desktop.services.sync import SyncService
    from intake_desktop.services.vault import Vault

T = TypeVar("T")

_ROLE_RANK = {Role.COUNSELLOR: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}


class VaultDb(DbSession):
    """A database session of an unlocked vault: every write to a sealed table is tracked and
    the whole-vault integrity state is updated in the same transaction (services/integrity.py)."""

    def __init__(self, engine, keyring: KeyRing) -> None:
        super().__init__(engine, expire_on_commit=False)
        self._keyring = keyring
        integrity.track(self, integrity.Tracker(keyring.purpose_key("integrity")))

    def commit(self) -> None:
        self.flush()
        tracker = integrity.tracker_of(self)
        if tracker is not None and tracker.changed:
            if tracker.finish(self, self._keyring) & set(case_snapshot.STAMPED_TABLES):
                case_snapshot.drop(self)  # the stored list is out of date: never keep an old copy
            self.flush()
        super().commit()

    def rollback(self) -> None:
        tracker = integrity.tracker_of(self)
        if tracker is not None:
            tracker.reset()
        super().rollback()


event.listen(VaultDb, "before_flush", integrity.before_flush)
event.listen(VaultDb, "after_flush", integrity.after_flush)
event.listen(VaultDb, "do_orm_execute", integrity.do_orm_execute)


class Session:
    def __init__(self, vault: "Vault", keyring: KeyRing, account_id: str) -> None:
        self.vault = vault
        self._keyring = keyring
        self.account_id = account_id
        with self.db() as db:
            account = db.get(Account, account_id)
            self.username = account.username
            self.display_name = account.display_name
            self.role = Role(account.role)
        self._lock_listeners: list[Callable[[], None]] = []
        self.opened_with: SlotKind = SlotKind.ACCOUNT
        self.rows_unchecked = False  # see on_unlocked(rows_later=True) and check_rows()
        self._services: dict[str, object] = {}

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def changes(self):
        """The vault's ChangeHub (services/changes.py): committed writes, announced."""
        return self.vault.changes

    def db(self) -> DbSession:
        if not self._keyring.is_open:  # nothing sealed can be read or written without the key
            return DbSession(self.vault.engine, expire_on_commit=False)
        return VaultDb(self.vault.engine, self._keyring)

    @property
    def keyring(self) -> KeyRing:
        if not self._keyring.is_open:
            raise E.DeniedError(E.MSG_VAULT_LOCKED)
        return self._keyring

    @property
    def sealer(self) -> Sealer:
        return Sealer(self.keyring.cipher("fields"))

    @property
    def is_locked(self) -> bool:
        return not self._keyring.is_open

    def require_role(self, minimum: Role) -> None:
        _ = self.keyring  # a locked session may do nothing at all (raises)
        if _ROLE_RANK[self.role] < _ROLE_RANK[minimum]:
            raise E.DeniedError(E.MSG_ROLE_REQUIRED, role=minimum.value)

    def has_role(self, minimum: Role) -> bool:
        return _ROLE_RANK[self.role] >= _ROLE_RANK[minimum]

    def _service(self, name: str, factory: Callable[[Session], T]) -> T:
        """One instance of each service per session, made on first use."""
        service = self._services.get(name)
        if service is None:
            service = self._services[name] = factory(self)
        return cast(T, service)

    @property
    def audit(self) -> AuditLog:
        from intake_desktop.services.audit import AuditLog

        return self._service("audit", AuditLog)

    @property
    def accounts(self) -> AccountsService:
        from intake_desktop.services.accounts import AccountsService

        return self._service("accounts", AccountsService)

    @property
    def cases(self) -> CasesService:
        from intake_desktop.services.cases import CasesService

        return self._service("cases", CasesService)

    @property
    def attachments(self) -> AttachmentsService:
        from intake_desktop.services.attachments import AttachmentsService

        return self._service("attachments", AttachmentsService)

    @property
    def consent(self) -> ConsentService:
        from intake_desktop.services.consent import ConsentService

        return self._service("consent", ConsentService)

    @property
    def retention(self) -> RetentionService:
        from intake_desktop.services.retention import RetentionService

        return self._service("retention", RetentionService)

    @property
    def access_log(self) -> AccessLogService:
        from intake_desktop.services.access_log import AccessLogService

        return self._service("access_log", AccessLogService)

    @property
    def subject_access(self) -> SubjectAccessService:
        from intake_desktop.services.subject_access import SubjectAccessService

        return self._service("subject_access", SubjectAccessService)

    @property
    def sync(self) -> SyncService:
        from intake_desktop.services.sync import SyncService

        return self._service("sync", SyncService)

    @property
    def forms(self) -> FormsService:
        from intake_desktop.services.forms import FormsService

        return self._service("forms", FormsService)

    @property
    def centre(self) -> CentreService:
        from intake_desktop.services.centre import CentreService

        return self._service("centre", CentreService)

    @property
    def letters(self) -> LettersService:
        from intake_desktop.services.letters import LettersService

        return self._service("letters", LettersService)

    @property
    def referrals(self) -> ReferralsService:
        from intake_desktop.services.referrals import ReferralsService

        return self._service("referrals", ReferralsService)

    @property
    def intakes(self) -> IntakesService:
        from intake_desktop.services.intakes import IntakesService

        return self._service("intakes", IntakesService)

    @property
    def backup(self) -> BackupService:
        from intake_desktop.services.backup import BackupService

        return self._service("backup", BackupService)

    @property
    def casework(self) -> CaseworkService:
        from intake_desktop.services.casework import CaseworkService

        return self._service("casework", CaseworkService)

    @property
    def partners(self) -> PartnersService:
        from intake_desktop.services.partners import PartnersService

        return self._service("partners", PartnersService)

    @property
    def records(self) -> RecordsService:
        from intake_desktop.services.records import RecordsService

        return self._service("records", RecordsService)

    @property
    def stats(self) -> StatsService:
        from intake_desktop.services.stats import StatsService

        return self._service("stats", StatsService)

    @property
    def drafts(self) -> DraftStore:
        from intake_desktop.services.drafts import DraftStore

        return self._service("drafts", DraftStore)

    # -- life cycle -------------------------------------------------------------------------
    def on_unlocked(self, via: SlotKind, *, check_integrity: bool = True, rows_later: bool = False) -> None:
        """Check the whole vault's rows against the sealed integrity state (DamagedError names
        what is wrong), then fold failed attempts (written while no key was known) into the
        audit chain.

        `rows_later` (the GUI's sign-in): check only the sealed state now and leave the rows to
        `check_rows()`, which the caller runs beside the case list; `rows_unchecked` says so
        until then."""
        self.opened_with = via
        established = self._check_integrity(rows=not rows_later) if check_integrity else None
        self.rows_unchecked = check_integrity and rows_later and established is None
        with self.db() as db:
            failures = db.exec(
                select(LoginFailure).where(LoginFailure.account_id == self.account_id).order_by(LoginFailure.id)
            ).scalars().all()
            account = db.get(Account, self.account_id)
            account.failed_attempts = 0
            account.last_failed_at = None
            db.exec(delete(LoginFailure).where(LoginFailure.account_id == self.account_id))
            db.commit()
        for failure in failures:  # refused during a lockout, or a wrong passphrase / key
            self.audit.record("login.refused" if failure.reason == REFUSED_LOCKED_OUT else "login.failed", at=failure.at)
        if established is not None:
            self.audit.record(integrity.INIT_ACTION, details={"rows": established})
        self.audit.record("login.recovery" if via is SlotKind.RECOVERY else "login")

    def _check_integrity(self, *, rows: bool = True) -> int | None:
        """Raise DamagedError if rows were deleted, added, changed or rolled back outside the
        program. A vault that never had the check gets it now (after its access log is checked
        whole, so a removed state cannot hide edits): returns the number of rows then covered.
        `rows=False`: the sealed state only (see on_unlocked)."""
        with storage_errors(self.vault.db_path):
            with self.db() as db:
                problems = integrity.check(db, self._keyring, rows=rows)
                if problems == []:
                    db.commit()  # keeps a re-seal in a newer format, if the check made one
            if problems is None:
                if self.audit.verify():
                    problems = [integrity.Problem("state")]
                else:
                    with self.db() as db:
                        covered = integrity.establish(db, self._keyring)
                        db.commit()
                    return covered
        if problems:
            raise integrity.error_for(problems[0])
        return None

    def check_rows(self) -> None:
        """The rows' part of the unlock check, left by `unlock(..., rows_later=True)`: raises
        DamagedError as the unlock would have. Safe on a worker thread while the person works:
        it reads one snapshot and takes no write lock (integrity.check_rows_now)."""
        with storage_errors(self.vault.db_path):
            problems = integrity.check_rows_now(self.vault.engine, self.keyring)
        if problems:
            raise integrity.error_for(problems[0])
        self.rows_unchecked = False

    def add_lock_listener(self, listener: Callable[[], None]) -> None:
        self._lock_listeners.append(listener)

    def lock(self) -> None:
        """Drop the key and every decrypted object held by the services."""
        if self._keyring.is_open:
            try:
                with storage_errors(self.vault.db_path):
                    self.audit.record("lock")
            except E.ServiceError:
                pass  # a full or read-only disk must never keep the vault unlocked
        for service in self._services.values():
            forget = getattr(service, "forget", None)
            if forget:
                forget()
        self._keyring.close()
        for listener in list(self._lock_listeners):
            listener()

    def resume(self, passphrase: str) -> None:
        """Unlock again as the same account (the lock screen)."""
        fresh = self.vault.unlock(self.username, passphrase)
        self._keyring = fresh._keyring  # the fresh session already recorded the login

    def verify_passphrase(self, passphrase: str) -> bool:
        with self.db() as db:
            slot = db.exec(
                select(KeySlot).where(KeySlot.account_id == self.account_id, KeySlot.kind == SlotKind.ACCOUNT.value)
            ).scalar_one_or_none()
        if slot is None:
            return False
        try:
            self.vault._open_slot(slot, passphrase.encode())
        except (WrongKeyError, E.DamagedError):
            return False
        return True
