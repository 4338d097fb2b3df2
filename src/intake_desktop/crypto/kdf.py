"""Passphrase -> key-encryption key with Argon2id, parameters stored per key slot.

New slots get fixed parameters, the same on every PC and whatever the PC is doing at the time:
64 MiB, 3 passes, 1 lane (the memory and passes of RFC 9106's second recommended setting; five
times the memory × passes of OWASP's minimum of 19 MiB and 2 passes, and about 0.3–0.8 s on a
2-core office PC). They used to be calibrated at `init` to ~0.5 s, which under load picked anything
from 181 to 256 MiB on the same machine: a cost that depends on the background load is neither
a floor nor a target. A stored slot is accepted down to the floor, OWASP's minimum; a slot
below the target is `outdated()`, and rewrapping it (what every passphrase change does) brings
it to the target. Tests may switch to cheap parameters only through
`insecure_parameters_for_tests()`, a context manager that nothing in the application calls and
no setting reaches.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass
from typing import Any, Iterator

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from intake_desktop.crypto.errors import WeakParametersError

KEY_BYTES = 32
SALT_BYTES = 16
# The floor: OWASP's Argon2id minimum (m = 19 MiB, t = 2, p = 1). Stored slots below it are refused.
MIN_MEMORY_KIB = 19 * 1024
MIN_ITERATIONS = 2
# The target for every new slot (see the module docstring for why these and why fixed).
TARGET_MEMORY_KIB = 64 * 1024
TARGET_ITERATIONS = 3
# What a stored slot may ask for at most: a tampered slot must not make the login window try to
# allocate gigabytes or run for hours (backup slot copies use the same bounds).
ACCEPT_MAX_MEMORY_KIB = 1024 * 1024
ACCEPT_MAX_ITERATIONS = 64
ACCEPT_MAX_LANES = 16
LANES = 1


@dataclass(frozen=True)
class KdfParams:
    algorithm: str
    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["salt"] = self.salt.hex()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "KdfParams":
        return cls(
            algorithm=data["algorithm"],
            memory_kib=int(data["memory_kib"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
            salt=bytes.fromhex(data["salt"]),
        )


class _Policy:
    """Which parameters new slots get, and which stored ones are accepted."""

    def __init__(self) -> None:
        self.test_mode = False
        # Only tests/fixtures/make_vault_fixtures.py sets this (upgrade fixtures at the floor).
        self.cost_override: tuple[int, int] | None = None

    def minimum_ok(self, params: KdfParams) -> bool:
        if self.test_mode:
            return True
        return params.memory_kib >= MIN_MEMORY_KIB and params.iterations >= MIN_ITERATIONS

    def new_cost(self) -> tuple[int, int]:
        if self.test_mode:
            return (8, 1)  # Argon2's own floor is 8 KiB per lane
        return self.cost_override or (TARGET_MEMORY_KIB, TARGET_ITERATIONS)


_policy = _Policy()


@contextlib.contextmanager
def insecure_parameters_for_tests() -> Iterator[None]:
    """Cheap KDF for the test suite only. Never called by application code."""
    previous = _policy.test_mode
    _policy.test_mode = True
    try:
        yield
    finally:
        _policy.test_mode = previous


def _derive_raw(secret: bytes, salt: bytes, memory_kib: int, iterations: int, lanes: int) -> bytes:
    return Argon2id(
        salt=salt, length=KEY_BYTES, iterations=iterations, lanes=lanes, memory_cost=memory_kib
    ).derive(secret)


def new_params() -> KdfParams:
    memory, iterations = _policy.new_cost()
    return KdfParams("argon2id", memory, iterations, LANES, os.urandom(SALT_BYTES))


def outdated(params: KdfParams) -> bool:
    """True when a stored slot costs less than a new one would: less memory than the target,
    or less memory × passes. Such a slot still opens; rewrapping it brings it to the target."""
    memory, iterations = _policy.new_cost()
    return params.memory_kib < memory or params.memory_kib * params.iterations < memory * iterations


def derive_key(secret: bytes, params: KdfParams) -> bytes:
    if params.algorithm != "argon2id":
        raise WeakParametersError(f"unknown KDF {params.algorithm!r}")
    if not _policy.minimum_ok(params):
        raise WeakParametersError("key slot parameters are below the accepted minimum")
    if (params.memory_kib > ACCEPT_MAX_MEMORY_KIB or params.iterations > ACCEPT_MAX_ITERATIONS
            or not 1 <= params.lanes <= ACCEPT_MAX_LANES):
        raise WeakParametersError("key slot parameters are outside the accepted range")
    return _derive_raw(secret, params.salt, params.memory_kib, params.iterations, params.lanes)
