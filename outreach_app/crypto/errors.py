"""Typed errors for everything that can go wrong with keys and ciphertexts."""

from __future__ import annotations


class CryptoError(Exception):
    """Base class of the crypto layer's errors."""


class WrongPassphrase(CryptoError):
    """The passphrase does not open the vault (or its key slot was altered)."""

    def __init__(self) -> None:
        super().__init__("the passphrase is wrong")


class RecoveryKeyMismatch(CryptoError):
    """The recovery private key is not the one this vault's data key was sealed to."""

    def __init__(self) -> None:
        super().__init__("this recovery key does not belong to this vault")


class IntegrityError(CryptoError):
    """A stored ciphertext was altered, moved or corrupted. The message names the
    record (table, column, row id), never its content."""

    def __init__(self, *, table: str, column: str, row_id: str, reason: str) -> None:
        super().__init__(
            f"{table}.{column} of record {row_id} failed its integrity check ({reason})"
        )
        self.table = table
        self.column = column
        self.row_id = row_id
        self.reason = reason


class SnapshotError(CryptoError):
    """A sealed snapshot did not open: altered, made at another change counter or for
    another purpose, or of an unknown format. The snapshot is then rebuilt."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(f"the {kind} snapshot failed its integrity check ({reason})")
        self.kind = kind
        self.reason = reason


class KeyFileError(CryptoError):
    """A key file could not be read: wrong format, wrong kind of key, or wrong password."""
