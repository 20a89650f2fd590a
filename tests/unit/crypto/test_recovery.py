"""The organisation's recovery key: the data key sealed to its public half, key files
on disk, and errors that name the file, never its content."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from outreach_app.crypto.errors import CryptoError, KeyFileError, RecoveryKeyMismatch
from outreach_app.crypto.keys import new_data_key
from outreach_app.crypto.recovery import (
    SEAL_FORMAT_V1,
    RecoveryPrivateKey,
    RecoveryPublicKey,
)

VAULT = "vault-3f1c"


@pytest.fixture(scope="module")
def private() -> RecoveryPrivateKey:
    return RecoveryPrivateKey.generate()


@pytest.fixture
def data_key() -> bytes:
    return new_data_key()


@pytest.fixture
def sealed(private: RecoveryPrivateKey, data_key: bytes) -> bytes:
    return private.public.seal(data_key, vault_id=VAULT)


# ---------------------------------------------------------------- sealed box


def test_the_recovery_private_key_unseals_the_data_key(
    private: RecoveryPrivateKey, data_key: bytes, sealed: bytes
) -> None:
    """The main office's private key recovers the data key sealed on the laptop."""
    assert private.unseal(sealed, vault_id=VAULT) == data_key


def test_a_sealed_box_has_the_v1_layout(sealed: bytes, data_key: bytes) -> None:
    """version | ephemeral public key (32) | nonce (12) | ciphertext + tag (16)."""
    assert sealed[0] == SEAL_FORMAT_V1 == 1
    assert len(sealed) == 1 + 32 + 12 + len(data_key) + 16
    assert data_key not in sealed


def test_sealing_twice_uses_a_fresh_ephemeral_key(
    private: RecoveryPrivateKey, data_key: bytes
) -> None:
    """Two seals of the same key share no ephemeral key and no ciphertext."""
    one = private.public.seal(data_key, vault_id=VAULT)
    two = private.public.seal(data_key, vault_id=VAULT)
    assert one[1:33] != two[1:33]
    assert one != two


def test_another_private_key_is_a_recovery_key_mismatch(sealed: bytes) -> None:
    """Another organisation's (or an old) recovery key is told as a mismatch."""
    with pytest.raises(RecoveryKeyMismatch):
        RecoveryPrivateKey.generate().unseal(sealed, vault_id=VAULT)


def test_a_sealed_box_is_bound_to_its_vault(private: RecoveryPrivateKey, sealed: bytes) -> None:
    """A recovery slot copied into another vault's header does not open there."""
    with pytest.raises(RecoveryKeyMismatch):
        private.unseal(sealed, vault_id="vault-other")


def test_any_tampered_byte_of_a_sealed_box_fails(
    private: RecoveryPrivateKey, sealed: bytes
) -> None:
    """A changed version, ephemeral key, nonce, ciphertext or tag byte fails with a
    typed crypto error, never with wrong key bytes."""
    for position in range(len(sealed)):
        damaged = bytearray(sealed)
        damaged[position] ^= 0x04
        with pytest.raises(CryptoError):
            private.unseal(bytes(damaged), vault_id=VAULT)


def test_a_low_order_ephemeral_key_is_a_typed_error(
    private: RecoveryPrivateKey, sealed: bytes
) -> None:
    """An all-zero ephemeral public key (where X25519 has no shared secret) is a
    damaged slot, reported as a CryptoError the program handles, not a ValueError."""
    damaged = sealed[:1] + bytes(32) + sealed[33:]
    with pytest.raises(CryptoError):
        private.unseal(damaged, vault_id=VAULT)


@pytest.mark.parametrize(
    "sealed_box", [b"", b"\x01" * 60, b"\x02" + b"\x00" * 100], ids=["empty", "short", "v2"]
)
def test_a_truncated_or_unknown_sealed_box_is_a_crypto_error(
    private: RecoveryPrivateKey, sealed_box: bytes
) -> None:
    """A cut or future-format recovery slot is refused with a typed error."""
    with pytest.raises(CryptoError):
        private.unseal(sealed_box, vault_id=VAULT)


# ---------------------------------------------------------------- key files


def test_a_private_key_file_without_password_round_trips(
    private: RecoveryPrivateKey, tmp_path: Path, sealed: bytes, data_key: bytes
) -> None:
    """A saved private key loads back as the same key: it still unseals."""
    path = tmp_path / "recovery.pem"
    path.write_bytes(private.pem())
    assert not RecoveryPrivateKey.needs_password(path)
    loaded = RecoveryPrivateKey.load(path)
    assert loaded.public.raw == private.public.raw
    assert loaded.unseal(sealed, vault_id=VAULT) == data_key


def test_a_password_protected_private_key_file_round_trips(
    private: RecoveryPrivateKey, tmp_path: Path, sealed: bytes, data_key: bytes
) -> None:
    """With a password the key file is encrypted and loads only with that password."""
    path = tmp_path / "recovery.pem"
    path.write_bytes(private.pem(password=b"hovedkontoret 2026"))
    assert RecoveryPrivateKey.needs_password(path)
    loaded = RecoveryPrivateKey.load(path, password=b"hovedkontoret 2026")
    assert loaded.unseal(sealed, vault_id=VAULT) == data_key


def test_a_wrong_password_for_a_key_file_is_a_key_file_error(
    private: RecoveryPrivateKey, tmp_path: Path
) -> None:
    """A wrong password is a KeyFileError naming the file."""
    path = tmp_path / "recovery.pem"
    path.write_bytes(private.pem(password=b"right"))
    with pytest.raises(KeyFileError, match=r"recovery\.pem"):
        RecoveryPrivateKey.load(path, password=b"wrong")


def test_a_protected_key_file_without_password_is_a_key_file_error(
    private: RecoveryPrivateKey, tmp_path: Path
) -> None:
    """Forgetting the password is told as such."""
    path = tmp_path / "recovery.pem"
    path.write_bytes(private.pem(password=b"right"))
    with pytest.raises(KeyFileError, match="password"):
        RecoveryPrivateKey.load(path)


def test_a_public_key_file_round_trips(private: RecoveryPrivateKey, tmp_path: Path) -> None:
    """The public key shipped to laptops loads back and seals for the same private key."""
    path = tmp_path / "recovery.pub.pem"
    path.write_bytes(private.public.pem())
    public = RecoveryPublicKey.load(path)
    assert public.raw == private.public.raw
    assert public.fingerprint == private.public.fingerprint
    secret = new_data_key()
    assert private.unseal(public.seal(secret, vault_id=VAULT), vault_id=VAULT) == secret
    assert RecoveryPublicKey.from_raw(public.raw).raw == public.raw


def _ed25519_files(tmp_path: Path) -> tuple[Path, Path]:
    key = Ed25519PrivateKey.generate()
    private_path = tmp_path / "signing.pem"
    public_path = tmp_path / "signing.pub.pem"
    private_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    public_path.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return private_path, public_path


def test_a_key_of_another_type_is_refused_naming_the_file(tmp_path: Path) -> None:
    """A valid PEM key that is not X25519 (here Ed25519) is not a recovery key."""
    private_path, public_path = _ed25519_files(tmp_path)
    with pytest.raises(KeyFileError, match=r"signing\.pem is not an X25519"):
        RecoveryPrivateKey.load(private_path)
    with pytest.raises(KeyFileError, match=r"signing\.pub\.pem is not an X25519"):
        RecoveryPublicKey.load(public_path)


GARBAGE = b"Fatima Hassan 010190-1234 not a key at all\n"


@pytest.mark.parametrize(
    "content",
    [
        GARBAGE,
        b"-----BEGIN PRIVATE KEY-----\n" + GARBAGE + b"-----END PRIVATE KEY-----\n",
        b"-----BEGIN PUBLIC KEY-----\n" + GARBAGE + b"-----END PUBLIC KEY-----\n",
        b"",
    ],
    ids=["text", "fake-private-pem", "fake-public-pem", "empty"],
)
def test_a_garbage_key_file_is_refused_naming_the_file_not_its_content(
    tmp_path: Path, content: bytes
) -> None:
    """A wrong file picked in the dialog is a KeyFileError that names the file and
    never repeats what was in it (it might be anything, personal data included)."""
    path = tmp_path / "chosen-file.pem"
    path.write_bytes(content)
    for load in (RecoveryPrivateKey.load, RecoveryPublicKey.load):
        with pytest.raises(KeyFileError) as caught:
            load(path)
        message = str(caught.value)
        assert "chosen-file.pem" in message
        assert "Fatima" not in message
        assert "010190" not in message
        assert str(tmp_path) not in message


def test_a_private_key_file_is_not_accepted_as_a_public_key(
    private: RecoveryPrivateKey, tmp_path: Path
) -> None:
    """Loading the private key where the public one is expected is refused."""
    path = tmp_path / "recovery.pem"
    path.write_bytes(private.pem())
    with pytest.raises(KeyFileError):
        RecoveryPublicKey.load(path)


# ---------------------------------------------------------------- fingerprint


def test_the_fingerprint_is_eight_groups_of_four_hex_digits(
    private: RecoveryPrivateKey,
) -> None:
    """Read aloud over the phone: 8 colon-separated groups of 4 lowercase hex digits,
    the first 16 bytes of SHA-256 of the raw public key."""
    fingerprint = private.public.fingerprint
    assert re.fullmatch(r"[0-9a-f]{4}(:[0-9a-f]{4}){7}", fingerprint)
    assert fingerprint.replace(":", "") == hashlib.sha256(private.public.raw).hexdigest()[:32]


def test_different_keys_have_different_fingerprints() -> None:
    """Comparing fingerprints tells two recovery keys apart."""
    one = RecoveryPrivateKey.generate().public.fingerprint
    two = RecoveryPrivateKey.generate().public.fingerprint
    assert one != two


def test_a_password_given_for_a_key_without_one_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "plain.pem"
    path.write_bytes(RecoveryPrivateKey.generate().pem())
    with pytest.raises(KeyFileError, match="has no password"):
        RecoveryPrivateKey.load(path, b"unneeded")
