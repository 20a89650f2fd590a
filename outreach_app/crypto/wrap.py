"""Wrapping the data key: under a passphrase-derived key, and sealed to the
organisation's recovery public key.

A passphrase slot stores its KDF parameters and ``nonce | ciphertext``; its
associated data binds the vault id, the slot name and the parameters, so an
altered parameter or a slot copied from another vault does not unwrap.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from outreach_app.crypto.errors import CryptoError, WrongPassphrase
from outreach_app.crypto.kdf import KdfParams, derive_key

WRAP_FORMAT_V1 = 1


@dataclass(frozen=True, slots=True)
class PassphraseSlot:
    params: KdfParams
    wrapped: bytes

    def params_json(self) -> str:
        return json.dumps(self.params.as_dict(), sort_keys=True)


def _slot_ad(vault_id: str, params: KdfParams) -> bytes:
    canonical = json.dumps(params.as_dict(), sort_keys=True)
    return f"outreach-wrap\x00{WRAP_FORMAT_V1}\x00{vault_id}\x00passphrase\x00{canonical}".encode()


def wrap_with_passphrase(
    data_key: bytes, passphrase: str, *, vault_id: str, params: KdfParams
) -> PassphraseSlot:
    """A new slot: the data key encrypted under the passphrase's key (fresh salt given)."""
    kek = derive_key(passphrase, params)
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(kek).encrypt(nonce, data_key, _slot_ad(vault_id, params))
    return PassphraseSlot(params, bytes((WRAP_FORMAT_V1,)) + nonce + sealed)


def unwrap_with_passphrase(slot: PassphraseSlot, passphrase: str, *, vault_id: str) -> bytes:
    """The data key, or WrongPassphrase."""
    blob = slot.wrapped
    if len(blob) < 1 + 12 + 16 or blob[0] != WRAP_FORMAT_V1:
        raise CryptoError("the vault's key slot has an unknown format")
    kek = derive_key(passphrase, slot.params)
    try:
        return AESGCM(kek).decrypt(blob[1:13], blob[13:], _slot_ad(vault_id, slot.params))
    except InvalidTag:
        raise WrongPassphrase from None
