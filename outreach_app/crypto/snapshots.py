"""AES-256-GCM sealing of data the program derives from the records and keeps in the
vault to save work (the name index's snapshot), under a key of its own.

A sealed snapshot is ``version (1) | key version (1) | nonce (12) | ciphertext+tag``,
like a field. The associated data names what the snapshot is and the change counter
it was made at, so a snapshot stored for another purpose or counter, with its header
bytes changed, or altered in any bit, does not open.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from outreach_app.crypto.errors import SnapshotError

SNAPSHOT_FORMAT_V1 = 1
NONCE_BYTES = 12
HEADER_BYTES = 2 + NONCE_BYTES
TAG_BYTES = 16


def snapshot_associated_data(version: int, key_version: int, kind: str, counter: int) -> bytes:
    return f"outreach-snapshot\x00{version}\x00{key_version}\x00{kind}\x00{counter}".encode()


class SnapshotCipher:
    """Seals and opens snapshots with one key of a known version."""

    __slots__ = ("_aead", "_header", "key_version")

    def __init__(self, key: bytes, *, key_version: int) -> None:
        if len(key) != 32:
            raise ValueError("a snapshot key is 32 bytes")
        if not 0 < key_version < 256:
            raise ValueError("a key version is 1..255")
        self._aead = AESGCM(key)
        self.key_version = key_version
        self._header = bytes((SNAPSHOT_FORMAT_V1, key_version))

    def seal(self, plaintext: bytes, *, kind: str, counter: int) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        ad = snapshot_associated_data(SNAPSHOT_FORMAT_V1, self.key_version, kind, counter)
        return self._header + nonce + self._aead.encrypt(nonce, plaintext, ad)

    def open(self, sealed: bytes, *, kind: str, counter: int) -> bytes:
        """The plaintext, or SnapshotError (never any of its content)."""
        if len(sealed) < HEADER_BYTES + TAG_BYTES:
            raise SnapshotError(kind, "too short")
        if sealed[:2] != self._header:
            raise SnapshotError(kind, "unknown format or key version")
        ad = snapshot_associated_data(SNAPSHOT_FORMAT_V1, self.key_version, kind, counter)
        try:
            return self._aead.decrypt(sealed[2:HEADER_BYTES], sealed[HEADER_BYTES:], ad)
        except InvalidTag:
            raise SnapshotError(kind, "authentication failed") from None
