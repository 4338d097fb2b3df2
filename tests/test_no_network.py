"""The suite runs with networking forbidden (tests/conftest.py `no_network`): prove the guard is on."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from vaultkit import NetworkForbidden


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_network_sockets_cannot_be_created(family):
    with pytest.raises(NetworkForbidden):
        socket.socket(family, socket.SOCK_STREAM)


def test_default_socket_is_refused():
    with pytest.raises(NetworkForbidden):
        socket.socket()


def test_name_lookup_and_connections_are_refused():
    with pytest.raises(NetworkForbidden):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(NetworkForbidden):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkForbidden):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)


def test_local_socket_pairs_still_work():
    # Qt and asyncio wake themselves up through AF_UNIX socket pairs; those stay allowed.
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"ping")
        assert b.recv(4) == b"ping"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM):
        pass


def test_hostname_is_still_readable():
    # The audit log records the workstation name; reading it needs no network.
    assert socket.gethostname()
