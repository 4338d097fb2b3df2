"""Several simulated PCs of one centre, each a data folder of its own, sharing one hub database
(tests/pgkit.py). `Centre.first` is the PC that ran `server init`; `centre.join()` adds a PC."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import sync
from intake_desktop.services.vault import Vault
from vaultkit import PASSPHRASES


@dataclass
class Pc:
    data_dir: Path
    name: str

    def session(self, username: str = "admin"):
        """An unlocked session on this PC (the caller locks it; the vault closes with it)."""
        vault = Vault.open(self.data_dir)
        try:
            session = vault.unlock(username, PASSPHRASES[username])
        except BaseException:
            vault.close()
            raise
        return _Opened(vault, session)

    def sync(self, username: str = "admin") -> sync.SyncResult:
        with self.session(username) as s:
            return s.sync.run()


class _Opened:
    def __init__(self, vault, session) -> None:
        self.vault, self.session = vault, session

    def __enter__(self):
        return self.session

    def __exit__(self, *exc) -> None:
        try:
            self.session.lock()
        finally:
            self.vault.close()


@dataclass
class Centre:
    root: Path
    url: str
    first: Pc
    pcs: list[Pc] = field(default_factory=list)

    def join(self, name: str) -> Pc:
        pc = Pc(self.root / name, name)
        sync.join(pc.data_dir, self.url)
        pc.sync()
        self.pcs.append(pc)
        return pc


def make_centre(root: Path, template: Path, url: str) -> Centre:
    first = Pc(root / "pc1", "pc1")
    first.data_dir.mkdir(parents=True)
    shutil.copyfile(template / VAULT_FILE, first.data_dir / VAULT_FILE)
    with first.session() as s:
        s.sync.init_server(url)
    return Centre(root, url, first, [first])


def records(pc: Pc, username: str = "admin") -> dict:
    """Every synced row of a PC, as stored (the thing all PCs must agree on)."""
    from intake_desktop.services.sync import rounds

    with pc.session(username) as s, s.db() as db:
        return rounds.snapshot(db)
