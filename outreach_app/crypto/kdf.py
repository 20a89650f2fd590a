"""Argon2id key derivation from the passphrase, with parameters calibrated on the
machine that creates the vault."""

from __future__ import annotations

import logging
import os
import secrets
import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

log = logging.getLogger(__name__)

MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
MAX_MEMORY_KIB = 1024 * 1024
TARGET_SECONDS = 0.35
SALT_BYTES = 16


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters; stored in the vault header beside the wrapped key."""

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.memory_kib, self.iterations, self.lanes, new_salt())

    def as_dict(self) -> dict[str, int | str]:
        return {
            "kdf": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
            "salt": self.salt.hex(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> KdfParams:
        if data.get("kdf") != "argon2id":
            raise ValueError("unknown key derivation function")
        return cls(
            memory_kib=int(str(data["memory_kib"])),
            iterations=int(str(data["iterations"])),
            lanes=int(str(data["lanes"])),
            salt=bytes.fromhex(str(data["salt"])),
        )


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def encode_passphrase(passphrase: str) -> bytes:
    """The same passphrase typed on any keyboard gives the same bytes (NFC)."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """The 256-bit key-encryption key for ``passphrase`` under ``params``."""
    kdf = Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(encode_passphrase(passphrase))


def default_lanes() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Parameters that take about ``target_seconds`` here, never below 64 MiB / 3 passes.

    One derivation at the minimum memory is timed and memory is scaled linearly from
    it (Argon2's cost grows in proportion to memory), capped at 1 GiB.
    """
    lanes = default_lanes()
    probe = KdfParams(MIN_MEMORY_KIB, MIN_ITERATIONS, lanes, new_salt())
    started = time.perf_counter()
    derive_key("calibration", probe)
    elapsed = max(time.perf_counter() - started, 1e-3)
    scaled = int(MIN_MEMORY_KIB * target_seconds / elapsed) // 1024 * 1024
    memory = min(MAX_MEMORY_KIB, max(MIN_MEMORY_KIB, scaled))
    log.info(
        "KDF calibrated: %d MiB, %d passes, %d lanes (probe %.0f ms)",
        memory // 1024,
        MIN_ITERATIONS,
        lanes,
        elapsed * 1000,
    )
    return KdfParams(memory, MIN_ITERATIONS, lanes, new_salt())
