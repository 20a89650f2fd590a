"""AES-256-GCM field encryption: round trip, format header, and that a ciphertext
altered, moved or cut fails with a typed error that names the record, not the content."""

from __future__ import annotations

import secrets

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.crypto.errors import CryptoError, IntegrityError
from outreach_app.crypto.fields import (
    FIELD_FORMAT_V1,
    HEADER_BYTES,
    NONCE_BYTES,
    TAG_BYTES,
    FieldCipher,
)

KEY = bytes(range(32))
PLAINTEXT = "Borgeren har gæld til SKAT; قال إنه مريض 🙂".encode()
WHERE = {"table": "notes", "column": "text", "row_id": "9b7c6d6e-0f55-4c4e-9f0a-2d1f3b4a5c6d"}


@pytest.fixture
def cipher() -> FieldCipher:
    return FieldCipher(KEY, key_version=1)


@pytest.fixture
def blob(cipher: FieldCipher) -> bytes:
    return cipher.encrypt(PLAINTEXT, **WHERE)


def test_a_field_decrypts_to_exactly_what_was_encrypted(cipher: FieldCipher) -> None:
    """Every personal field round-trips byte for byte, the empty field and 100 kB too."""
    for plaintext in (PLAINTEXT, b"", b"\x00" * 5, secrets.token_bytes(100_000)):
        assert cipher.decrypt(cipher.encrypt(plaintext, **WHERE), **WHERE) == plaintext


def test_a_ciphertext_starts_with_the_format_version_and_key_version() -> None:
    """Byte 0 is the format version (1), byte 1 the key version, then the 12-byte
    nonce; the rest is ciphertext plus a 16-byte tag."""
    cipher = FieldCipher(KEY, key_version=7)
    blob = cipher.encrypt(PLAINTEXT, **WHERE)
    assert blob[0] == FIELD_FORMAT_V1 == 1
    assert blob[1] == 7
    assert HEADER_BYTES == 2 + NONCE_BYTES
    assert len(blob) == HEADER_BYTES + len(PLAINTEXT) + TAG_BYTES
    assert PLAINTEXT not in blob


def test_decrypt_accepts_bytearray_and_memoryview(cipher: FieldCipher, blob: bytes) -> None:
    """Database drivers hand back buffers of different types; all decrypt."""
    assert cipher.decrypt(bytearray(blob), **WHERE) == PLAINTEXT
    assert cipher.decrypt(memoryview(blob), **WHERE) == PLAINTEXT


def test_the_same_plaintext_encrypts_differently_each_time(cipher: FieldCipher) -> None:
    """A random nonce per encryption: equal fields do not show as equal ciphertexts,
    and a nonce is never reused with the key."""
    blobs = [cipher.encrypt(PLAINTEXT, **WHERE) for _ in range(50)]
    assert len(set(blobs)) == 50
    assert len({b[2:HEADER_BYTES] for b in blobs}) == 50


@pytest.mark.parametrize(
    ("place", "other"),
    [
        ("table", "citizens"),
        ("column", "agreements"),
        ("row_id", "0c0c0c0c-0000-4000-8000-000000000000"),
    ],
)
def test_a_ciphertext_moved_elsewhere_fails_naming_the_record(
    cipher: FieldCipher, blob: bytes, place: str, other: str
) -> None:
    """A ciphertext copied to another table, column or row fails, and the error names
    the table, column and row id it was read as, so the record can be found."""
    where = {**WHERE, place: other}
    with pytest.raises(IntegrityError) as caught:
        cipher.decrypt(blob, **where)
    error = caught.value
    assert (error.table, error.column, error.row_id) == (
        where["table"],
        where["column"],
        where["row_id"],
    )
    for value in where.values():
        assert value in str(error)


def test_a_swap_between_two_rows_fails_both_ways(cipher: FieldCipher) -> None:
    """Two citizens' fields swapped in the database decrypt for neither."""
    a = cipher.encrypt(b"Amina", table="citizens", column="first_name", row_id="a")
    b = cipher.encrypt(b"Bashir", table="citizens", column="first_name", row_id="b")
    with pytest.raises(IntegrityError):
        cipher.decrypt(a, table="citizens", column="first_name", row_id="b")
    with pytest.raises(IntegrityError):
        cipher.decrypt(b, table="citizens", column="first_name", row_id="a")


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_flipping_any_single_bit_of_a_ciphertext_is_detected(data: st.DataObject) -> None:
    """Any one bit changed anywhere (header, nonce, ciphertext or tag) raises
    IntegrityError: corruption is never decrypted into wrong content."""
    cipher = FieldCipher(KEY, key_version=3)
    plaintext = data.draw(st.binary(max_size=64), label="plaintext")
    blob = cipher.encrypt(plaintext, **WHERE)
    position = data.draw(st.integers(0, len(blob) - 1), label="position")
    bit = data.draw(st.integers(0, 7), label="bit")
    damaged = bytearray(blob)
    damaged[position] ^= 1 << bit
    with pytest.raises(IntegrityError):
        cipher.decrypt(bytes(damaged), **WHERE)


def test_flipping_each_bit_of_one_ciphertext_is_detected(cipher: FieldCipher) -> None:
    """The exhaustive version for one short field: every one of its bits matters."""
    blob = cipher.encrypt(b"Hassan", **WHERE)
    for position in range(len(blob)):
        for bit in range(8):
            damaged = bytearray(blob)
            damaged[position] ^= 1 << bit
            with pytest.raises(IntegrityError):
                cipher.decrypt(bytes(damaged), **WHERE)


def test_a_truncated_ciphertext_is_detected(cipher: FieldCipher, blob: bytes) -> None:
    """A field cut short at any length (a torn write) fails, never half-decrypts."""
    for length in range(len(blob)):
        with pytest.raises(IntegrityError):
            cipher.decrypt(blob[:length], **WHERE)


def test_a_ciphertext_with_bytes_appended_is_detected(cipher: FieldCipher, blob: bytes) -> None:
    """Extra bytes after the tag are not ignored."""
    with pytest.raises(IntegrityError):
        cipher.decrypt(blob + b"\x00", **WHERE)


def test_an_unknown_format_version_is_refused_by_name(cipher: FieldCipher, blob: bytes) -> None:
    """A ciphertext of a future format is refused with its version in the reason."""
    with pytest.raises(IntegrityError) as caught:
        cipher.decrypt(bytes((2,)) + blob[1:], **WHERE)
    assert "format version 2" in caught.value.reason


def test_a_ciphertext_of_another_key_version_is_refused(blob: bytes) -> None:
    """A field written under key version 1 is not read with the key of version 2, even
    when the key bytes are the same."""
    newer = FieldCipher(KEY, key_version=2)
    with pytest.raises(IntegrityError) as caught:
        newer.decrypt(blob, **WHERE)
    assert "key version 1" in caught.value.reason


def test_relabelling_the_key_version_byte_does_not_help(blob: bytes) -> None:
    """Rewriting byte 1 to match another cipher's version still fails: the key version
    is also bound in the associated data."""
    newer = FieldCipher(KEY, key_version=2)
    with pytest.raises(IntegrityError):
        newer.decrypt(blob[:1] + bytes((2,)) + blob[2:], **WHERE)


def test_another_key_cannot_decrypt(blob: bytes) -> None:
    """A field encrypted under one vault's key does not open under another's."""
    with pytest.raises(IntegrityError):
        FieldCipher(secrets.token_bytes(32), key_version=1).decrypt(blob, **WHERE)


def test_a_non_bytes_value_is_an_integrity_error(cipher: FieldCipher) -> None:
    """A text or number where a ciphertext should be is reported like corruption."""
    with pytest.raises(IntegrityError):
        cipher.decrypt("not bytes", **WHERE)  # type: ignore[arg-type]


def test_the_error_message_never_contains_the_plaintext(cipher: FieldCipher) -> None:
    """Errors are logged; they name the record and the reason, never the content."""
    secret = b"diagnose: depression"
    blob = cipher.encrypt(secret, **WHERE)
    damaged = blob[:-1] + bytes((blob[-1] ^ 1,))
    for attempt in (damaged, blob[:20]):
        with pytest.raises(IntegrityError) as caught:
            cipher.decrypt(attempt, **WHERE)
        error = caught.value
        for text in (str(error), repr(error), error.reason):
            assert "diagnose" not in text
            assert "depression" not in text
        assert isinstance(error, CryptoError)
        assert error.__cause__ is None


@pytest.mark.parametrize("length", [0, 16, 31, 33, 64])
def test_a_field_key_must_be_32_bytes(length: int) -> None:
    """AES-256 needs a 256-bit key; anything else is a programming error."""
    with pytest.raises(ValueError, match="32 bytes"):
        FieldCipher(bytes(length), key_version=1)


@pytest.mark.parametrize("version", [0, 256, -1])
def test_a_key_version_fits_in_one_byte_and_is_not_zero(version: int) -> None:
    """The key version is stored in one byte, 1..255."""
    with pytest.raises(ValueError, match=r"1\.\.255"):
        FieldCipher(KEY, key_version=version)
