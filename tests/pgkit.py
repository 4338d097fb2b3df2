"""A throwaway PostgreSQL cluster for the centre-server tests (services/sync).

`initdb` into a fresh folder, `pg_ctl` serving on a unix socket only (no TCP: the suite forbids
network sockets, and a socket folder of our own cannot collide with another run), password
authentication with scram-sha-256 as the centre's server would use. As root the cluster runs as
the `postgres` user (`runuser`), since PostgreSQL refuses to run as root.

Tests reach it through the fixtures in tests/conftest.py: `pg_server` (one cluster per run) and
`hub_url` (a fresh empty database per test). Without PostgreSQL installed the fixtures skip,
and FAIL under CI=true (`.ci/run` installs Debian's `postgresql` through `dev.py setup --tests`).
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "postgres"
APP_ROLE = "intake"  # the role the program connects as (owner of each test database)


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them side by side)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PgServer:
    def __init__(self, bin_dir: Path, root: Path) -> None:
        self.bin_dir = bin_dir
        self.root = root
        self.data_dir = root / "data"
        self.socket_dir = root / "socket"
        self.port = 5432 + secrets.randbelow(20000)  # names the socket file only (no TCP)
        self.super_password = secrets.token_urlsafe(18)
        self.password = secrets.token_urlsafe(18)  # APP_ROLE's
        self._as_postgres = os.geteuid() == 0
        self._databases = 0

    # -- running binaries --------------------------------------------------------------------
    def _run(self, *args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120,
                              env=dict(os.environ, **(env or {})))

    def init(self) -> None:
        self.socket_dir.mkdir()
        pwfile = self.root / "pw"
        pwfile.write_text(self.super_password)
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")
            shutil.chown(pwfile, "postgres")
        self._run("initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "--auth=scram-sha-256",
                  f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8")
        pwfile.unlink()
        with (self.data_dir / "postgresql.conf").open("a") as conf:
            conf.write(f"\nlisten_addresses = ''\nunix_socket_directories = '{self.socket_dir}'\n"
                       f"port = {self.port}\npassword_encryption = 'scram-sha-256'\n"
                       "fsync = off\nshared_buffers = 32MB\nmax_connections = 60\n")
        (self.data_dir / "pg_hba.conf").write_text("local all all scram-sha-256\n")
        if self._as_postgres:
            shutil.chown(self.data_dir / "pg_hba.conf", "postgres")
        self.start()
        self.admin_sql(f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD '{self.password}'")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.root / "server.log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", mode, "-w", "stop", check=False)

    # -- databases ---------------------------------------------------------------------------
    def _connect(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None):
        import psycopg

        return psycopg.connect(host=str(self.socket_dir), port=self.port, dbname=dbname, user=user,
                               password=password or self.super_password, autocommit=True)

    def admin_sql(self, sql: str, dbname: str = "postgres") -> list[tuple]:
        with self._connect(dbname) as connection:
            cursor = connection.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def create_database(self) -> str:
        self._databases += 1
        name = f"hub{self._databases}"
        self.admin_sql(f"CREATE DATABASE {name} OWNER {APP_ROLE}")
        return name

    def url(self, dbname: str) -> str:
        # No password in the URL: the program takes it from INTAKE_DATABASE_PASSWORD or the vault.
        return f"postgresql+psycopg://{APP_ROLE}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def dump(self, dbname: str) -> bytes:
        """`pg_dump` of one database (plain SQL), as the server's administrator would take it."""
        result = subprocess.run(
            [str(self.bin_dir / "pg_dump"), "-h", str(self.socket_dir), "-p", str(self.port), "-U", SUPERUSER,
             "--format=custom", dbname],
            capture_output=True, check=True, timeout=120, env=dict(os.environ, PGPASSWORD=self.super_password))
        return result.stdout

    def dump_sql(self, dbname: str) -> bytes:
        result = subprocess.run(
            [str(self.bin_dir / "pg_dump"), "-h", str(self.socket_dir), "-p", str(self.port), "-U", SUPERUSER, dbname],
            capture_output=True, check=True, timeout=120, env=dict(os.environ, PGPASSWORD=self.super_password))
        return result.stdout

    def restore(self, dbname: str, dump: bytes) -> None:
        """Replace `dbname` by an earlier `dump()` (the server restored from an old backup)."""
        self.admin_sql(f"DROP DATABASE {dbname} WITH (FORCE)")
        self.admin_sql(f"CREATE DATABASE {dbname} OWNER {APP_ROLE}")
        subprocess.run(
            [str(self.bin_dir / "pg_restore"), "-h", str(self.socket_dir), "-p", str(self.port), "-U", SUPERUSER,
             "--no-owner", "--role", APP_ROLE, "-d", dbname],
            input=dump, capture_output=True, check=True, timeout=120,
            env=dict(os.environ, PGPASSWORD=self.super_password))

    def data_files(self):
        """Every file of the server's data folder (for the plaintext canary)."""
        for path in self.data_dir.rglob("*"):
            if path.is_file():
                yield path

    def checkpoint(self) -> None:
        self.admin_sql("CHECKPOINT")

    def close(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PgServer | None:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        return None
    root = Path(tempfile.mkdtemp(prefix="intake-pg-"))
    server = PgServer(bin_dir, root)
    try:
        server.init()
    except BaseException:
        server.close()
        raise
    return server
