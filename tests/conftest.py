"""Suite-wide guards and ready-made vaults.

- Networking is forbidden for the whole run (`no_network`): the program must never need it.
  Only AF_UNIX sockets stay allowed, because Qt and asyncio make local socket pairs internally.
  Subprocesses started by a test are not covered by this guard.
- Argon2id runs with cheap parameters (`cheap_kdf`) unless a test is marked `real_kdf`.
- `vault_dir` is a fresh copy of a vault made once per run, with one account per role.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import socket
from pathlib import Path

import pytest

from intake_desktop.crypto import kdf
from intake_desktop.domain.enums import Role
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services.vault import Vault

import vaultkit
from vaultkit import PASSPHRASE, PASSPHRASES, NetworkForbidden, VaultInfo


# -- no network ----------------------------------------------------------------------------
_real_socket = socket.socket


class _GuardedSocket(_real_socket):
    """socket.socket that refuses every family but AF_UNIX."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):  # noqa: A002 - socket's own names
        if fileno is None and family != socket.AF_UNIX:
            raise NetworkForbidden(f"the test suite forbids network sockets (family {family})")
        super().__init__(family, type, proto, fileno)
        if self.family != socket.AF_UNIX:
            self.detach()  # adopted from a file descriptor: leave it to its owner
            raise NetworkForbidden(f"the test suite forbids network sockets (family {self.family})")


def _forbidden(*args, **kwargs):
    raise NetworkForbidden("the test suite forbids network access")


@pytest.fixture(scope="session", autouse=True)
def no_network():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "socket", _GuardedSocket)
        for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                     "gethostbyaddr", "create_server", "fromfd"):
            patch.setattr(socket, name, _forbidden)
        yield


# -- cheap KDF -----------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def cheap_kdf(request):
    if request.node.get_closest_marker("real_kdf"):
        yield False
        return
    with kdf.insecure_parameters_for_tests():
        yield True


# -- vaults --------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def vault_template(tmp_path_factory) -> VaultInfo:
    """One vault per run: admin, a supervisor and two counsellors (kim, lee)."""
    path = tmp_path_factory.mktemp("template")
    with kdf.insecure_parameters_for_tests():
        created = Vault.create(path, "동작구 청년센터", "admin", "관리자", PASSPHRASES["admin"])
        with created.vault as vault:
            session = vault.unlock("admin", PASSPHRASES["admin"])
            ids = {"admin": session.account_id}
            for username, role, display in (
                ("boss", Role.SUPERVISOR, "팀장"), ("kim", Role.COUNSELLOR, "김상담"),
                ("lee", Role.COUNSELLOR, "이상담"),
            ):
                ids[username] = session.accounts.add(username, role, PASSPHRASES[username], display)
            session.lock()
    (path / "vault.lock").unlink(missing_ok=True)
    assert sorted(p.name for p in path.iterdir()) == [VAULT_FILE], "template must be one closed file"
    return VaultInfo(path, created.recovery_key, ids)


@pytest.fixture
def vault_dir(tmp_path, vault_template) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    shutil.copyfile(vault_template.path / VAULT_FILE, target / VAULT_FILE)
    return target


@pytest.fixture
def info(vault_template) -> VaultInfo:
    return vault_template


@pytest.fixture
def vault(vault_dir):
    with Vault.open(vault_dir) as opened:
        yield opened


@pytest.fixture
def login(vault):
    """login(username) -> an unlocked Session; every session is locked again at the end."""
    sessions = []

    def _login(username: str = "admin", passphrase: str | None = None):
        session = vault.unlock(username, passphrase or PASSPHRASES[username])
        sessions.append(session)
        return session

    yield _login
    for session in sessions:
        session.lock()


@pytest.fixture
def admin(login):
    return login("admin")


@pytest.fixture
def cli(monkeypatch, capsys, qapp, tmp_path):
    """Run the command line in-process: cli(args..., data_dir=..., passphrase=...) -> CliResult.

    `qapp` first: the `gui` command makes no second application object then. (The CLI's own
    messages no longer need Qt: cli/common.py reads the catalogue without it.)
    """
    from intake_desktop.cli import main

    monkeypatch.setenv("INTAKE_LANG", "en")
    monkeypatch.delenv("INTAKE_PASSPHRASE", raising=False)
    monkeypatch.delenv("INTAKE_NEW_PASSPHRASE", raising=False)
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "cli-data"))

    def run(*args: str, data_dir: Path | None = None, passphrase: str | None = PASSPHRASE,
            new_passphrase: str | None = None) -> vaultkit.CliResult:
        if data_dir is not None:
            monkeypatch.setenv("INTAKE_DATA_DIR", str(data_dir))
        if passphrase is None:
            monkeypatch.delenv("INTAKE_PASSPHRASE", raising=False)
        else:
            monkeypatch.setenv("INTAKE_PASSPHRASE", passphrase)
        if new_passphrase is not None:
            monkeypatch.setenv("INTAKE_NEW_PASSPHRASE", new_passphrase)
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return vaultkit.CliResult(code, out, err)

    return run


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """$TMPDIR of the test's own, so a test can look at every temporary file the code made."""
    import tempfile

    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


# -- the centre's PostgreSQL (tests/pgkit.py) ---------------------------------------------------
@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL cluster per run (unix socket, scram-sha-256). Skips without
    PostgreSQL installed, and FAILS under CI=true (.ci/run installs it)."""
    import pgkit

    server = pgkit.start_server()
    if server is None:
        message = "PostgreSQL is not installed (Debian: apt-get install postgresql; dev.py setup --tests does it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    yield server
    server.close()


@pytest.fixture
def hub_password(pg_server, monkeypatch) -> str:
    """The server role's password, given to the program the way an operator would (environment)."""
    monkeypatch.setenv("INTAKE_DATABASE_PASSWORD", pg_server.password)
    return pg_server.password


@pytest.fixture
def hub_db(pg_server) -> str:
    """The name of a fresh empty database on the test server, one per test."""
    return pg_server.create_database()


@pytest.fixture
def hub_url(pg_server, hub_db, hub_password) -> str:
    """URL of a fresh empty database (no password in it: INTAKE_DATABASE_PASSWORD carries it)."""
    return pg_server.url(hub_db)
