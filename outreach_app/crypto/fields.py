"""AES-256-GCM encryption of single fields.

A field ciphertext is ``version (1) | key version (1) | nonce (12) | ciphertext+tag``.
The associated data binds the format version, key version, table, column and row id,
so a ciphertext copied to another row or column, or with its header bytes changed,
fails to decrypt.
"""

from __future__ import annotations

import os
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from outreach_app.crypto.errors import IntegrityError

FIELD_FORMAT_V1 = 1
NONCE_BYTES = 12
HEADER_BYTES = 2 + NONCE_BYTES
TAG_BYTES = 16


def associated_data(version: int, key_version: int, table: str, column: str, row_id: str) -> bytes:
    return _prefix(version, key_version, table, column) + row_id.encode()


@cache
def _prefix(version: int, key_version: int, table: str, column: str) -> bytes:
    return f"outreach-field\x00{version}\x00{key_version}\x00{table}\x00{column}\x00".encode()


class FieldCipher:
    """Encrypts and decrypts fields with one key of a known version."""

    __slots__ = ("_aead", "_header", "_prefixes", "key_version")

    def __init__(self, key: bytes, *, key_version: int) -> None:
        if len(key) != 32:
            raise ValueError("a field key is 32 bytes")
        if not 0 < key_version < 256:
            raise ValueError("a key version is 1..255")
        self._aead = AESGCM(key)
        self.key_version = key_version
        self._header = bytes((FIELD_FORMAT_V1, key_version))
        self._prefixes: dict[tuple[str, str], bytes] = {}

    def _prefix(self, table: str, column: str) -> bytes:
        prefix = self._prefixes.get((table, column))
        if prefix is None:
            prefix = _prefix(FIELD_FORMAT_V1, self.key_version, table, column)
            self._prefixes[(table, column)] = prefix
        return prefix

    def encrypt(self, plaintext: bytes, *, table: str, column: str, row_id: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        ad = self._prefix(table, column) + row_id.encode()
        return self._header + nonce + self._aead.encrypt(nonce, plaintext, ad)

    def decrypt(self, stored: object, *, table: str, column: str, row_id: str) -> bytes:
        """The plaintext, or IntegrityError naming the field (never its content)."""
        if type(stored) is bytes:
            blob = stored
        elif isinstance(stored, bytearray | memoryview):
            blob = bytes(stored)
        else:
            raise _failure(table, column, row_id, "not a ciphertext")
        if len(blob) < HEADER_BYTES + TAG_BYTES or blob[:2] != self._header:
            raise _failure(table, column, row_id, self._header_problem(blob))
        prefix = self._prefixes.get((table, column)) or self._prefix(table, column)
        try:
            return self._aead.decrypt(
                blob[2:HEADER_BYTES], blob[HEADER_BYTES:], prefix + row_id.encode()
            )
        except InvalidTag:
            raise _failure(table, column, row_id, "authentication failed") from None

    def _header_problem(self, blob: bytes) -> str:
        if len(blob) < HEADER_BYTES + TAG_BYTES:
            return "too short"
        if blob[0] != FIELD_FORMAT_V1:
            return f"unknown format version {blob[0]}"
        return f"unknown key version {blob[1]}"


def _failure(table: str, column: str, row_id: str, reason: str) -> IntegrityError:
    return IntegrityError(table=table, column=column, row_id=row_id, reason=reason)
