"""Sealed snapshots (the name index kept in the vault): round trip, format header, and
that a snapshot altered, cut, or presented as another counter or purpose does not open."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.crypto.errors import CryptoError, SnapshotError
from outreach_app.crypto.keys import VaultKeys, new_data_key
from outreach_app.crypto.snapshots import (
    HEADER_BYTES,
    SNAPSHOT_FORMAT_V1,
    TAG_BYTES,
    SnapshotCipher,
)

KEY = bytes(range(32))
PLAINTEXT = '{"format":1,"citizens":[["id","Søren","Ølgaard","010190-xxxx","active"]]}'.encode()
KIND = "name-index"


@pytest.fixture
def cipher() -> SnapshotCipher:
    return SnapshotCipher(KEY, key_version=1)


@pytest.fixture
def sealed(cipher: SnapshotCipher) -> bytes:
    return cipher.seal(PLAINTEXT, kind=KIND, counter=7)


def test_a_snapshot_opens_to_exactly_what_was_sealed(cipher: SnapshotCipher) -> None:
    for plaintext in (PLAINTEXT, b"", bytes(1_000_000)):
        assert cipher.open(cipher.seal(plaintext, kind=KIND, counter=0), kind=KIND, counter=0) == (
            plaintext
        )


def test_the_header_names_the_format_and_key_version(sealed: bytes) -> None:
    assert sealed[0] == SNAPSHOT_FORMAT_V1
    assert sealed[1] == 1
    assert len(sealed) == HEADER_BYTES + len(PLAINTEXT) + TAG_BYTES
    assert PLAINTEXT not in sealed


def test_sealing_twice_gives_different_bytes(cipher: SnapshotCipher) -> None:
    """A fresh nonce every time: two snapshots of the same index do not look alike."""
    assert cipher.seal(PLAINTEXT, kind=KIND, counter=7) != cipher.seal(
        PLAINTEXT, kind=KIND, counter=7
    )


@pytest.mark.parametrize(
    ("kind", "counter"), [(KIND, 6), (KIND, 8), ("other-index", 7), (KIND + "\x00", 7)]
)
def test_a_snapshot_of_another_counter_or_purpose_does_not_open(
    cipher: SnapshotCipher, sealed: bytes, kind: str, counter: int
) -> None:
    """The counter and the purpose are bound in: an old snapshot presented as current,
    or one made for something else, fails authentication."""
    with pytest.raises(SnapshotError, match="authentication failed"):
        cipher.open(sealed, kind=kind, counter=counter)


@given(position=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
@settings(max_examples=200, deadline=None)
def test_any_altered_byte_is_caught(position: int, flip: int) -> None:
    cipher = SnapshotCipher(KEY, key_version=1)
    sealed = bytearray(cipher.seal(PLAINTEXT, kind=KIND, counter=7))
    sealed[position % len(sealed)] ^= flip
    with pytest.raises(SnapshotError):
        cipher.open(bytes(sealed), kind=KIND, counter=7)


def test_a_cut_snapshot_is_refused(cipher: SnapshotCipher, sealed: bytes) -> None:
    for length in (0, 1, HEADER_BYTES, HEADER_BYTES + TAG_BYTES - 1, len(sealed) - 1):
        with pytest.raises(SnapshotError):
            cipher.open(sealed[:length], kind=KIND, counter=7)


def test_the_error_is_a_crypto_error_that_names_no_content(
    cipher: SnapshotCipher, sealed: bytes
) -> None:
    with pytest.raises(CryptoError) as caught:
        cipher.open(sealed, kind=KIND, counter=8)
    assert "Søren" not in str(caught.value) and KIND in str(caught.value)


def test_the_snapshot_key_is_its_own() -> None:
    """Derived for this purpose only: a field ciphertext's key does not open a snapshot
    and the other way round, and another vault's key opens nothing."""
    data_key = new_data_key()
    keys = VaultKeys.from_data_key(data_key, key_version=1)
    sealed = keys.snapshots.seal(PLAINTEXT, kind=KIND, counter=1)
    again = VaultKeys.from_data_key(data_key, key_version=1)
    assert again.snapshots.open(sealed, kind=KIND, counter=1) == PLAINTEXT
    other = VaultKeys.from_data_key(new_data_key(), key_version=1)
    with pytest.raises(SnapshotError):
        other.snapshots.open(sealed, kind=KIND, counter=1)
    with pytest.raises(CryptoError):
        keys.fields.decrypt(sealed, table="index_state", column="snapshot", row_id="citizens")


def test_key_and_version_are_checked() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        SnapshotCipher(b"short", key_version=1)
    with pytest.raises(ValueError, match="key version"):
        SnapshotCipher(KEY, key_version=0)
    newer = SnapshotCipher(KEY, key_version=2).seal(PLAINTEXT, kind=KIND, counter=1)
    with pytest.raises(SnapshotError, match="unknown format or key version"):
        SnapshotCipher(KEY, key_version=1).open(newer, kind=KIND, counter=1)
