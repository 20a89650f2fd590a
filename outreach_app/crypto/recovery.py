"""The organisation's recovery key: an X25519 key pair. Each vault's data key is
sealed to the public key, so the main office can reset a forgotten passphrase
without the laptop's notes ever being lost.

Sealed box (v1): ``version | ephemeral public key (32) | nonce (12) | ciphertext``.
The AES-256-GCM key is HKDF-SHA256 over the X25519 shared secret, salted with both
public keys; the associated data binds the vault id.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from outreach_app.crypto.errors import CryptoError, KeyFileError, RecoveryKeyMismatch

SEAL_FORMAT_V1 = 1
_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw


class RecoveryPublicKey:
    """The organisation's recovery public key, as shipped to every laptop."""

    __slots__ = ("_key",)

    def __init__(self, key: X25519PublicKey) -> None:
        self._key = key

    @classmethod
    def from_raw(cls, raw: bytes) -> RecoveryPublicKey:
        return cls(X25519PublicKey.from_public_bytes(raw))

    @classmethod
    def load(cls, path: Path) -> RecoveryPublicKey:
        return cls.from_pem(path.read_bytes(), name=path.name)

    @classmethod
    def from_pem(cls, data: bytes, *, name: str = "the key") -> RecoveryPublicKey:
        try:
            key = serialization.load_pem_public_key(data)
        except (ValueError, TypeError) as exc:
            raise KeyFileError(f"{name} is not a PEM public key") from exc
        if not isinstance(key, X25519PublicKey):
            raise KeyFileError(f"{name} is not an X25519 recovery public key")
        return cls(key)

    @property
    def raw(self) -> bytes:
        return self._key.public_bytes(_RAW, _RAW_PUB)

    @property
    def fingerprint(self) -> str:
        """Short hex fingerprint to compare by eye: SHA-256 of the raw key, 16 bytes."""
        digest = hashlib.sha256(self.raw).hexdigest()[:32]
        return ":".join(digest[i : i + 4] for i in range(0, 32, 4))

    def pem(self) -> bytes:
        return self._key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def seal(self, secret: bytes, *, vault_id: str) -> bytes:
        ephemeral = X25519PrivateKey.generate()
        eph_raw = ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)
        key = _box_key(ephemeral.exchange(self._key), eph_raw, self.raw)
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(key).encrypt(nonce, secret, _seal_ad(vault_id))
        return bytes((SEAL_FORMAT_V1,)) + eph_raw + nonce + sealed


class RecoveryPrivateKey:
    """The organisation's recovery private key; kept offline by the main office."""

    __slots__ = ("_key",)

    def __init__(self, key: X25519PrivateKey) -> None:
        self._key = key

    @classmethod
    def generate(cls) -> RecoveryPrivateKey:
        return cls(X25519PrivateKey.generate())

    @classmethod
    def load(cls, path: Path, password: bytes | None = None) -> RecoveryPrivateKey:
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=password)
        except TypeError as exc:
            state = "is protected by a password" if password is None else "has no password"
            raise KeyFileError(f"{path.name} {state}") from exc
        except ValueError as exc:
            raise KeyFileError(
                f"{path.name} is not a readable PEM private key (or the password is wrong)"
            ) from exc
        if not isinstance(key, X25519PrivateKey):
            raise KeyFileError(f"{path.name} is not an X25519 recovery private key")
        return cls(key)

    @staticmethod
    def needs_password(path: Path) -> bool:
        return b"ENCRYPTED" in path.read_bytes()[:200]

    @property
    def public(self) -> RecoveryPublicKey:
        return RecoveryPublicKey(self._key.public_key())

    def pem(self, password: bytes | None = None) -> bytes:
        algorithm: serialization.KeySerializationEncryption = (
            serialization.BestAvailableEncryption(password)
            if password
            else serialization.NoEncryption()
        )
        return self._key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, algorithm
        )

    def unseal(self, sealed: bytes, *, vault_id: str) -> bytes:
        if len(sealed) < 1 + 32 + 12 + 16 or sealed[0] != SEAL_FORMAT_V1:
            raise CryptoError("the vault's recovery slot has an unknown format")
        eph_raw, nonce, body = sealed[1:33], sealed[33:45], sealed[45:]
        try:
            shared = self._key.exchange(X25519PublicKey.from_public_bytes(eph_raw))
        except ValueError:  # a low-order (e.g. all-zero) ephemeral key: a damaged slot
            raise CryptoError("the vault's recovery slot is damaged") from None
        key = _box_key(shared, eph_raw, self.public.raw)
        try:
            return AESGCM(key).decrypt(nonce, body, _seal_ad(vault_id))
        except InvalidTag:
            raise RecoveryKeyMismatch from None


def _box_key(shared: bytes, eph_raw: bytes, recipient_raw: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=eph_raw + recipient_raw,
        info=b"outreach-app/sealed-box/v1",
    )
    return hkdf.derive(shared)


def _seal_ad(vault_id: str) -> bytes:
    return f"outreach-recovery\x00{SEAL_FORMAT_V1}\x00{vault_id}".encode()
