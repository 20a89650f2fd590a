"""The vault's data key and the purpose-bound keys derived from it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from outreach_app.crypto.fields import FieldCipher
from outreach_app.crypto.snapshots import SnapshotCipher

DATA_KEY_BYTES = 32
BLIND_INDEX_BYTES = 16


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def subkey(master: bytes, purpose: str) -> bytes:
    """A 256-bit key for one purpose; keys for different purposes are independent."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=f"outreach-app/{purpose}".encode()
    )
    return hkdf.derive(master)


class BlindIndex:
    """Keyed digests for exact lookup of a value without storing it in the clear."""

    __slots__ = ("_key",)

    def __init__(self, key: bytes) -> None:
        self._key = key

    def digest(self, kind: str, normalised: str) -> bytes:
        message = kind.encode() + b"\x00" + normalised.encode("utf-8")
        return hmac.new(self._key, message, hashlib.sha256).digest()[:BLIND_INDEX_BYTES]


class ChainMac:
    """The MAC that chains access-log entries, so a removed or altered entry shows."""

    __slots__ = ("_key",)

    def __init__(self, key: bytes) -> None:
        self._key = key

    def next(self, previous: bytes, entry: bytes) -> bytes:
        return hmac.new(self._key, previous + entry, hashlib.sha256).digest()

    def verify(self, previous: bytes, entry: bytes, mac: bytes) -> bool:
        return hmac.compare_digest(self.next(previous, entry), mac)


@dataclass(frozen=True, slots=True)
class VaultKeys:
    """Everything an unlocked vault needs, derived from its data key."""

    fields: FieldCipher
    blind: BlindIndex
    log_mac: ChainMac
    key_version: int
    snapshots: SnapshotCipher

    @classmethod
    def from_data_key(cls, data_key: bytes, *, key_version: int) -> VaultKeys:
        return cls(
            fields=FieldCipher(subkey(data_key, f"fields/v{key_version}"), key_version=key_version),
            blind=BlindIndex(subkey(data_key, "blind-index")),
            log_mac=ChainMac(subkey(data_key, "access-log")),
            key_version=key_version,
            snapshots=SnapshotCipher(
                subkey(data_key, f"snapshots/v{key_version}"), key_version=key_version
            ),
        )
