"""Wrapping the vault's data key under the passphrase: only the right passphrase,
the stored parameters and the right vault open the slot."""

from __future__ import annotations

import dataclasses
import json

import pytest

from outreach_app.crypto.errors import CryptoError, WrongPassphrase
from outreach_app.crypto.kdf import KdfParams, new_salt
from outreach_app.crypto.keys import new_data_key
from outreach_app.crypto.wrap import (
    WRAP_FORMAT_V1,
    PassphraseSlot,
    unwrap_with_passphrase,
    wrap_with_passphrase,
)

PASSPHRASE = "korrekt hest batteri hæfteklamme"
VAULT = "vault-3f1c"


def _params() -> KdfParams:
    return KdfParams(memory_kib=8192, iterations=1, lanes=1, salt=new_salt())


@pytest.fixture
def data_key() -> bytes:
    return new_data_key()


@pytest.fixture
def slot(data_key: bytes) -> PassphraseSlot:
    return wrap_with_passphrase(data_key, PASSPHRASE, vault_id=VAULT, params=_params())


def test_the_right_passphrase_unwraps_the_data_key(data_key: bytes, slot: PassphraseSlot) -> None:
    """Wrap then unwrap with the same passphrase gives the data key back."""
    assert unwrap_with_passphrase(slot, PASSPHRASE, vault_id=VAULT) == data_key


def test_a_slot_does_not_contain_the_data_key(data_key: bytes, slot: PassphraseSlot) -> None:
    """The slot is format byte, nonce and ciphertext; the key is not in it."""
    assert slot.wrapped[0] == WRAP_FORMAT_V1
    assert data_key not in slot.wrapped
    assert len(slot.wrapped) == 1 + 12 + len(data_key) + 16


def test_wrapping_twice_gives_different_slots(data_key: bytes) -> None:
    """A fresh nonce each time: two slots for the same key do not look alike."""
    params = _params()
    one = wrap_with_passphrase(data_key, PASSPHRASE, vault_id=VAULT, params=params)
    two = wrap_with_passphrase(data_key, PASSPHRASE, vault_id=VAULT, params=params)
    assert one.wrapped != two.wrapped


@pytest.mark.parametrize(
    "wrong", ["", "korrekt hest batteri hæfteklamm", "Korrekt hest batteri hæfteklamme"]
)
def test_a_wrong_passphrase_raises_wrong_passphrase(slot: PassphraseSlot, wrong: str) -> None:
    """A mistyped passphrase (even one letter or case) is told as such, typed."""
    with pytest.raises(WrongPassphrase):
        unwrap_with_passphrase(slot, wrong, vault_id=VAULT)


def test_the_passphrase_is_unwrapped_whatever_its_normal_form(data_key: bytes) -> None:
    """Typed composed or decomposed, the same passphrase opens the vault."""
    slot = wrap_with_passphrase(data_key, "blåbær", vault_id=VAULT, params=_params())
    assert unwrap_with_passphrase(slot, "bla\u030ab\u00e6r", vault_id=VAULT) == data_key


@pytest.mark.parametrize(
    "change",
    [
        {"iterations": 2},
        {"memory_kib": 16384},
        {"lanes": 2},
        {"salt": b"\x00" * 16},
    ],
    ids=["iterations", "memory", "lanes", "salt"],
)
def test_a_slot_with_altered_parameters_does_not_unwrap(
    slot: PassphraseSlot, change: dict[str, object]
) -> None:
    """Lowering (or changing) the stored cost or salt to attack the passphrase faster
    makes the slot useless: the parameters are bound to the ciphertext."""
    altered = PassphraseSlot(dataclasses.replace(slot.params, **change), slot.wrapped)  # type: ignore[arg-type]
    with pytest.raises(WrongPassphrase):
        unwrap_with_passphrase(altered, PASSPHRASE, vault_id=VAULT)


def test_a_slot_from_another_vault_does_not_unwrap(slot: PassphraseSlot) -> None:
    """A slot copied into another vault's header does not open there."""
    with pytest.raises(WrongPassphrase):
        unwrap_with_passphrase(slot, PASSPHRASE, vault_id="vault-other")


def test_a_tampered_slot_does_not_unwrap(slot: PassphraseSlot) -> None:
    """A changed nonce or ciphertext byte fails like a wrong passphrase."""
    for position in (1, 13, len(slot.wrapped) - 1):
        damaged = bytearray(slot.wrapped)
        damaged[position] ^= 0x01
        with pytest.raises(WrongPassphrase):
            unwrap_with_passphrase(
                PassphraseSlot(slot.params, bytes(damaged)), PASSPHRASE, vault_id=VAULT
            )


@pytest.mark.parametrize("wrapped", [b"", b"\x01" * 28, b"\x02" + b"\x00" * 60])
def test_a_slot_of_unknown_format_is_a_crypto_error(slot: PassphraseSlot, wrapped: bytes) -> None:
    """A truncated slot or one of a future format is refused with a typed error, and
    not reported as a wrong passphrase."""
    with pytest.raises(CryptoError) as caught:
        unwrap_with_passphrase(PassphraseSlot(slot.params, wrapped), PASSPHRASE, vault_id=VAULT)
    assert not isinstance(caught.value, WrongPassphrase)


def test_params_json_is_canonical(slot: PassphraseSlot) -> None:
    """The slot's parameters serialise with sorted keys, so they read back the same."""
    assert KdfParams.from_dict(json.loads(slot.params_json())) == slot.params
