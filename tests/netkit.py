"""A PC behind its own network link: a network namespace joined to the host by a veth pair.

The centre-server tests use it to cut the office network in the middle of a sync, the way a
laptop loses Wi-Fi: a sync process runs inside the namespace (`ip netns exec`), reaches a
PostgreSQL on the host through the veth link, and `cut()` takes the host's end of the link down
(`ip link set … down`): packets stop, nothing is closed cleanly. `restore()` brings it back.

Needs root and `ip netns` (iproute2). `available()` says whether this machine allows it (a
container without CAP_SYS_ADMIN does not); tests fall back to stopping PostgreSQL then.

`TcpPgServer` is the test cluster of tests/pgkit.py listening on the host's end of the links
as well as on its unix socket (the shared session cluster stays socket-only).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pgkit

SUBNET = "10.213"  # 10.213.<n>.0/30 per namespace: host end .1, namespace end .2
_numbers = itertools.count(1)


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check, timeout=30)


def available() -> tuple[bool, str]:
    """(True, "") when network namespaces can be made here, else (False, why not)."""
    if os.geteuid() != 0:
        return False, "network namespaces need root"
    if shutil.which("ip") is None:
        return False, "iproute2 (ip) is not installed"
    probe = f"iktprobe{os.getpid()}"
    made = _ip("netns", "add", probe, check=False)
    if made.returncode != 0:
        return False, f"ip netns add failed: {made.stderr.strip()}"
    _ip("netns", "del", probe, check=False)
    return True, ""


class NetNamespace:
    """One PC's network: namespace `name`, link host `host_if` (host_ip) <-> `ns_if` (ns_ip)."""

    def __init__(self) -> None:
        n = next(_numbers) + (os.getpid() % 50) * 4
        if n > 250:
            n = n % 250 + 1
        self.name = f"ikt{os.getpid()}n{n}"
        self.host_if, self.ns_if = f"ikh{os.getpid() % 10000}n{n}", f"ikp{os.getpid() % 10000}n{n}"
        self.host_ip, self.ns_ip = f"{SUBNET}.{n}.1", f"{SUBNET}.{n}.2"
        self._made = False

    def create(self) -> "NetNamespace":
        _ip("netns", "add", self.name)
        self._made = True
        _ip("link", "add", self.host_if, "type", "veth", "peer", "name", self.ns_if)
        _ip("link", "set", self.ns_if, "netns", self.name)
        _ip("addr", "add", f"{self.host_ip}/30", "dev", self.host_if)
        _ip("link", "set", self.host_if, "up")
        self.exec_ip("addr", "add", f"{self.ns_ip}/30", "dev", self.ns_if)
        self.exec_ip("link", "set", self.ns_if, "up")
        self.exec_ip("link", "set", "lo", "up")
        return self

    def exec_ip(self, *args: str) -> subprocess.CompletedProcess:
        return _ip("-n", self.name, *args)

    def command(self, argv: list[str]) -> list[str]:
        """`argv` run inside the namespace."""
        return ["ip", "netns", "exec", self.name, *argv]

    def popen(self, argv: list[str], **kwargs) -> subprocess.Popen:
        return subprocess.Popen(self.command(argv), **kwargs)

    def run(self, argv: list[str], **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(argv), **kwargs)

    def cut(self) -> None:
        """The office network goes away: the host's end of the link goes down, mid-anything."""
        _ip("link", "set", self.host_if, "down")

    def restore(self) -> None:
        _ip("link", "set", self.host_if, "up")

    def is_up(self) -> bool:
        shown = _ip("-o", "link", "show", self.host_if)
        return "state UP" in shown.stdout or ",UP" in shown.stdout.split(">")[0]

    def close(self) -> None:
        if self._made:
            _ip("link", "del", self.host_if, check=False)  # takes its peer with it
            _ip("netns", "del", self.name, check=False)
            self._made = False

    def __enter__(self) -> "NetNamespace":
        return self.create()

    def __exit__(self, *exc) -> None:
        self.close()


class TcpPgServer(pgkit.PgServer):
    """pgkit's cluster, also listening on TCP on `addresses` and taking scram-sha-256 logins from
    the test subnet (nothing else: the rest of pg_hba stays pgkit's socket-only line)."""

    def __init__(self, bin_dir: Path, root: Path, addresses: list[str]) -> None:
        super().__init__(bin_dir, root)
        self.addresses = addresses
        self._configured = False

    def start(self) -> None:
        if not self._configured and (self.data_dir / "postgresql.conf").exists():
            with (self.data_dir / "postgresql.conf").open("a") as conf:
                conf.write(f"\nlisten_addresses = '{','.join(self.addresses)}'\n")
            with (self.data_dir / "pg_hba.conf").open("a") as hba:
                hba.write(f"host all all {SUBNET}.0.0/16 scram-sha-256\n")
            self._configured = True
        super().start()

    def tcp_url(self, dbname: str, host: str) -> str:
        return f"postgresql+psycopg://{pgkit.APP_ROLE}@{host}:{self.port}/{dbname}"


def start_tcp_server(addresses: list[str]) -> TcpPgServer | None:
    bin_dir = pgkit.find_bin_dir()
    if bin_dir is None:
        return None
    server = TcpPgServer(bin_dir, Path(tempfile.mkdtemp(prefix="intake-pgtcp-")), addresses)
    try:
        server.init()
    except BaseException:
        server.close()
        raise
    return server
