"""Passphrase -> key-encryption key with Argon2id, parameters stored per key slot.

Parameters are calibrated once when a slot is made, so that deriving takes about half a second
on the machine that made it, and never go below OWASP's Argon2id minimum (19 MiB, 2 passes).
Tests may switch to cheap parameters only through `insecure_parameters_for_tests()`, a context
manager that nothing in the application calls and no setting reaches.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import asdict, dataclass
from typing import Any, Iterator

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from intake_desktop.crypto.errors import WeakParametersError

KEY_BYTES = 32
SALT_BYTES = 16
MIN_MEMORY_KIB = 19 * 1024
MIN_ITERATIONS = 2
TARGET_SECONDS = 0.5
MAX_MEMORY_KIB = 256 * 1024  # what calibration may choose
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
        self._calibrated: tuple[int, int] | None = None

    def minimum_ok(self, params: KdfParams) -> bool:
        if self.test_mode:
            return True
        return params.memory_kib >= MIN_MEMORY_KIB and params.iterations >= MIN_ITERATIONS

    def new_cost(self) -> tuple[int, int]:
        if self.test_mode:
            return (8, 1)  # Argon2's own floor is 8 KiB per lane
        if self._calibrated is None:
            self._calibrated = calibrate()
        return self._calibrated


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


def calibrate(target_seconds: float = TARGET_SECONDS) -> tuple[int, int]:
    """Pick (memory KiB, iterations) so one derivation takes about target_seconds here.

    Memory is raised first (it is what makes GPU guessing expensive), then passes.
    """
    salt = os.urandom(SALT_BYTES)
    memory, iterations = MIN_MEMORY_KIB, MIN_ITERATIONS
    while True:
        started = time.perf_counter()
        _derive_raw(b"calibration", salt, memory, iterations, LANES)
        elapsed = time.perf_counter() - started
        if elapsed >= target_seconds * 0.7:
            return memory, iterations
        factor = max(1.2, min(4.0, target_seconds / max(elapsed, 1e-3)))
        if memory < MAX_MEMORY_KIB:
            memory = min(MAX_MEMORY_KIB, int(memory * factor))
        else:
            iterations = int(iterations * factor) + 1


def new_params() -> KdfParams:
    memory, iterations = _policy.new_cost()
    return KdfParams("argon2id", memory, iterations, LANES, os.urandom(SALT_BYTES))


def derive_key(secret: bytes, params: KdfParams) -> bytes:
    if params.algorithm != "argon2id":
        raise WeakParametersError(f"unknown KDF {params.algorithm!r}")
    if not _policy.minimum_ok(params):
        raise WeakParametersError("key slot parameters are below the accepted minimum")
    if (params.memory_kib > ACCEPT_MAX_MEMORY_KIB or params.iterations > ACCEPT_MAX_ITERATIONS
            or not 1 <= params.lanes <= ACCEPT_MAX_LANES):
        raise WeakParametersError("key slot parameters are outside the accepted range")
    return _derive_raw(secret, params.salt, params.memory_kib, params.iterations, params.lanes)
