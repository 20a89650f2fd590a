"""The service's secrets, each in its own file of the data folder, never in the
database: the server key (sealing personal data at rest, keyed CPR digests), the
organisation's recovery key pair and the admin credential's hash.

Sealed values use the project's field cipher (AES-256-GCM, a version byte, associated
data binding table, column and row id), with a key derived from the server key."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from outreach_app.crypto.fields import FieldCipher
from outreach_app.crypto.keys import BlindIndex, subkey
from outreach_app.crypto.recovery import RecoveryPrivateKey
from outreach_app.server import jsoncodec

log = logging.getLogger(__name__)

SERVER_KEY_FILE = "server-secret.key"
ADMIN_HASH_FILE = "admin-credential.json"
RECOVERY_PRIVATE_FILE = "recovery-private.pem"
RECOVERY_PUBLIC_FILE = "recovery-public.pem"
KEY_VERSION = 1


class KeyMissing(Exception):
    """A key file of the data folder is missing or unreadable."""


def write_secret_file(path: Path, content: bytes) -> None:
    """Create ``path`` readable by its owner only (refusing to overwrite)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def salted_hash(secret: str, salt: bytes) -> bytes:
    """Hash of a high-entropy secret (credentials, tokens): SHA-256 over salt and secret."""
    return hashlib.sha256(salt + secret.encode()).digest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class ServerKeys:
    """The keys the running service needs, derived from the server key."""

    cipher: FieldCipher
    cpr_index: BlindIndex
    lookup_key: bytes

    @classmethod
    def from_master(cls, master: bytes) -> ServerKeys:
        return cls(
            cipher=FieldCipher(subkey(master, "server/seal"), key_version=KEY_VERSION),
            cpr_index=BlindIndex(subkey(master, "server/cpr-digest")),
            lookup_key=subkey(master, "server/lookup"),
        )

    @classmethod
    def load(cls, data: Path) -> ServerKeys:
        try:
            master = (data / SERVER_KEY_FILE).read_bytes()
        except OSError as exc:
            raise KeyMissing(f"no server key in {data}; run outreach-server init") from exc
        if len(master) != 32:
            raise KeyMissing(f"{SERVER_KEY_FILE} is not a 256-bit key")
        return cls.from_master(master)

    def seal(self, value: Any, *, table: str, column: str, row_id: str) -> bytes:
        plain = jsoncodec.dumps(value)
        return self.cipher.encrypt(plain, table=table, column=column, row_id=row_id)

    def unseal(self, blob: object, *, table: str, column: str, row_id: str) -> Any:
        plain = self.cipher.decrypt(blob, table=table, column=column, row_id=row_id)
        return jsoncodec.loads(plain)

    def cpr_digest(self, digits: str) -> bytes:
        return self.cpr_index.digest("cpr", digits)

    def lookup_hash(self, secret: str) -> bytes:
        """A keyed hash of a one-time secret, to find it again without storing it."""
        return hmac.new(self.lookup_key, secret.encode(), hashlib.sha256).digest()


def create_keys(data: Path) -> Path:
    """Write a new server key, recovery key pair and nothing else; returns the path of
    the recovery private key (to be moved offline)."""
    write_secret_file(data / SERVER_KEY_FILE, secrets.token_bytes(32))
    recovery = RecoveryPrivateKey.generate()
    private = data / RECOVERY_PRIVATE_FILE
    write_secret_file(private, recovery.pem())
    (data / RECOVERY_PUBLIC_FILE).write_bytes(recovery.public.pem())
    log.info("server key and recovery key pair created")
    return private


def recovery_public_pem(data: Path) -> str:
    return (data / RECOVERY_PUBLIC_FILE).read_text(encoding="ascii")


def create_admin_credential(data: Path) -> str:
    """A new admin token; only its salted hash is kept. Returns the token."""
    token = new_token()
    salt = secrets.token_bytes(16)
    record = {"salt": salt.hex(), "hash": salted_hash(token, salt).hex()}
    path = data / ADMIN_HASH_FILE
    path.unlink(missing_ok=True)
    write_secret_file(path, json.dumps(record).encode())
    return token


def admin_token_ok(data: Path, token: str) -> bool:
    try:
        record = json.loads((data / ADMIN_HASH_FILE).read_text(encoding="utf-8"))
        salt, expected = bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("the admin credential file is missing or unreadable")
        return False
    return hmac.compare_digest(salted_hash(token, salt), expected)
