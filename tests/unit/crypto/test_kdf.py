"""Argon2id key derivation: production minimums, stored parameters, and that the
same passphrase gives the same key on any keyboard."""

from __future__ import annotations

import json
import unicodedata

import pytest

from outreach_app.crypto.kdf import (
    MIN_ITERATIONS,
    MIN_MEMORY_KIB,
    SALT_BYTES,
    KdfParams,
    calibrate,
    derive_key,
    encode_passphrase,
    new_salt,
)


def _small(salt: bytes | None = None) -> KdfParams:
    """Cheap parameters for every test but the calibration one."""
    return KdfParams(memory_kib=8192, iterations=1, lanes=1, salt=salt or new_salt())


def test_calibrate_never_goes_below_64_mib_and_3_passes() -> None:
    """However fast the machine, a new vault gets at least 64 MiB, 3 passes and a
    fresh 16-byte salt (this runs one real derivation at the minimum)."""
    params = calibrate()
    assert params.memory_kib >= 65536 == MIN_MEMORY_KIB
    assert params.iterations >= 3 == MIN_ITERATIONS
    assert params.lanes >= 1
    assert len(params.salt) == 16 == SALT_BYTES
    assert params.memory_kib % 1024 == 0


def test_params_survive_a_round_trip_through_the_vault_header() -> None:
    """The parameters written to the header (as JSON) read back identical."""
    params = KdfParams(memory_kib=262144, iterations=4, lanes=2, salt=new_salt())
    stored = json.loads(json.dumps(params.as_dict()))
    assert stored["kdf"] == "argon2id"
    assert KdfParams.from_dict(stored) == params


def test_params_of_an_unknown_kdf_are_refused() -> None:
    """A header naming another KDF is not silently read as Argon2id."""
    data: dict[str, object] = dict(_small().as_dict())
    data["kdf"] = "scrypt"
    with pytest.raises(ValueError, match="unknown key derivation"):
        KdfParams.from_dict(data)


def test_with_new_salt_keeps_the_cost_and_changes_the_salt() -> None:
    """A passphrase change reuses the cost with a fresh salt."""
    params = _small()
    fresh = params.with_new_salt()
    assert (fresh.memory_kib, fresh.iterations, fresh.lanes) == (8192, 1, 1)
    assert fresh.salt != params.salt
    assert len(fresh.salt) == SALT_BYTES


def test_derivation_is_deterministic_and_32_bytes() -> None:
    """The same passphrase and parameters always give the same 256-bit key."""
    params = _small()
    key = derive_key("korrekt hest", params)
    assert len(key) == 32
    assert derive_key("korrekt hest", params) == key


def test_composed_and_decomposed_letters_derive_the_same_key() -> None:
    """'æ', 'ø', 'å' or 'é' typed on a Mac (often decomposed) and on Windows (composed)
    open the same vault: the passphrase is NFC-normalised first."""
    params = _small()
    composed = "bl\u00e5b\u00e6r caf\u00e9"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert derive_key(composed, params) == derive_key(decomposed, params)
    assert encode_passphrase("\u00e6") == encode_passphrase(unicodedata.normalize("NFD", "\u00e6"))


def test_different_passphrases_derive_different_keys() -> None:
    """A one-letter difference gives another key."""
    params = _small()
    assert derive_key("hæfteklamme", params) != derive_key("hæfteklamma", params)


def test_a_different_salt_derives_a_different_key() -> None:
    """The same passphrase on two vaults gives two unrelated keys."""
    assert derive_key("samme", _small(bytes(16))) != derive_key("samme", _small(b"\x01" * 16))


def test_different_cost_parameters_derive_different_keys() -> None:
    """Raising the cost changes the key, so a slot must store its parameters."""
    salt = new_salt()
    base = derive_key("samme", _small(salt))
    more_passes = derive_key("samme", KdfParams(8192, 2, 1, salt))
    more_memory = derive_key("samme", KdfParams(16384, 1, 1, salt))
    assert len({base, more_passes, more_memory}) == 3
