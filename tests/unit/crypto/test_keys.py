"""Purpose-bound keys from the data key, blind indexes for exact lookup, and the
chain MAC of the access log."""

from __future__ import annotations

import pytest

from outreach_app.crypto.errors import IntegrityError
from outreach_app.crypto.keys import (
    BLIND_INDEX_BYTES,
    DATA_KEY_BYTES,
    BlindIndex,
    ChainMac,
    VaultKeys,
    new_data_key,
    subkey,
)

MASTER = bytes(range(32))


def test_a_new_data_key_is_random_and_256_bits() -> None:
    """Every vault gets its own random 32-byte data key."""
    keys = {new_data_key() for _ in range(20)}
    assert len(keys) == 20
    assert all(len(key) == DATA_KEY_BYTES == 32 for key in keys)


def test_subkeys_for_different_purposes_differ() -> None:
    """Field encryption, blind index and access-log keys are independent: knowing
    one purpose's key reveals nothing usable for another."""
    purposes = ["fields/v1", "fields/v2", "blind-index", "access-log"]
    keys = [subkey(MASTER, purpose) for purpose in purposes]
    assert len(set(keys)) == len(purposes)
    assert all(len(key) == 32 for key in keys)
    assert MASTER not in keys


def test_subkeys_are_deterministic_per_master_key() -> None:
    """The same data key always gives the same subkeys (so a reopened vault reads its
    fields), and another data key gives others."""
    assert subkey(MASTER, "blind-index") == subkey(MASTER, "blind-index")
    assert subkey(MASTER, "blind-index") != subkey(bytes(32), "blind-index")


def test_blind_index_is_deterministic_per_key() -> None:
    """The same value under the same key always gives the same digest: that is what
    makes exact lookup possible without storing the value."""
    index = BlindIndex(subkey(MASTER, "blind-index"))
    digest = index.digest("cpr", "0101901234")
    assert len(digest) == BLIND_INDEX_BYTES == 16
    assert BlindIndex(subkey(MASTER, "blind-index")).digest("cpr", "0101901234") == digest
    assert b"0101901234" not in digest


def test_blind_index_differs_per_value_kind_and_key() -> None:
    """Another value, another kind (a phone number equal to a CPR's digits) or another
    vault's key gives another digest, so digests cannot be matched across them."""
    index = BlindIndex(subkey(MASTER, "blind-index"))
    base = index.digest("cpr", "0101901234")
    assert index.digest("cpr", "0101901235") != base
    assert index.digest("phone", "0101901234") != base
    assert BlindIndex(subkey(bytes(32), "blind-index")).digest("cpr", "0101901234") != base


def test_blind_index_of_non_ascii_text_is_stable() -> None:
    """Names in any script give a digest, the same each time."""
    index = BlindIndex(MASTER)
    assert index.digest("name", "محمد") == index.digest("name", "محمد")
    assert index.digest("name", "محمد") != index.digest("name", "Mohammed")


def test_chain_mac_verifies_an_unchanged_entry() -> None:
    """An entry with its previous MAC verifies."""
    mac = ChainMac(subkey(MASTER, "access-log"))
    first = mac.next(b"", b"entry 1")
    second = mac.next(first, b"entry 2")
    assert mac.verify(b"", b"entry 1", first)
    assert mac.verify(first, b"entry 2", second)
    assert len(second) == 32


def test_chain_mac_detects_a_changed_entry() -> None:
    """An altered access-log entry no longer verifies."""
    mac = ChainMac(subkey(MASTER, "access-log"))
    first = mac.next(b"", b"karin read citizen 1")
    assert not mac.verify(b"", b"karin read citizen 2", first)


def test_chain_mac_detects_a_changed_or_removed_previous_entry() -> None:
    """Each MAC covers the one before it: removing or changing an earlier entry breaks
    the chain at the next one."""
    mac = ChainMac(subkey(MASTER, "access-log"))
    first = mac.next(b"", b"entry 1")
    second = mac.next(first, b"entry 2")
    third = mac.next(second, b"entry 3")
    assert not mac.verify(first, b"entry 3", third)  # entry 2 removed
    assert not mac.verify(bytes(32), b"entry 2", second)  # previous MAC altered
    assert not mac.verify(first, b"entry 2", third)


def test_chain_mac_depends_on_the_key() -> None:
    """Without the vault's key a forged chain does not verify."""
    real = ChainMac(subkey(MASTER, "access-log"))
    forged = ChainMac(subkey(bytes(32), "access-log")).next(b"", b"entry")
    assert not real.verify(b"", b"entry", forged)


def test_vault_keys_bind_fields_to_the_key_version() -> None:
    """Fields written under key version 1 do not decrypt under version 2 of the same
    data key: each version has its own field key."""
    data_key = new_data_key()
    v1 = VaultKeys.from_data_key(data_key, key_version=1)
    v2 = VaultKeys.from_data_key(data_key, key_version=2)
    where = {"table": "notes", "column": "text", "row_id": "r1"}
    blob = v1.fields.encrypt(b"note", **where)
    assert VaultKeys.from_data_key(data_key, key_version=1).fields.decrypt(blob, **where) == b"note"
    assert v2.key_version == 2
    relabelled = blob[:1] + bytes((2,)) + blob[2:]
    with pytest.raises(IntegrityError):
        v2.fields.decrypt(relabelled, **where)


def test_vault_keys_blind_index_is_the_same_across_key_versions() -> None:
    """Lookups keep working after a key-version change: the blind-index key does not
    depend on the field key version."""
    data_key = new_data_key()
    v1 = VaultKeys.from_data_key(data_key, key_version=1)
    v2 = VaultKeys.from_data_key(data_key, key_version=2)
    assert v1.blind.digest("cpr", "0101901234") == v2.blind.digest("cpr", "0101901234")
