"""Turning rows into what is stored and back: encrypted columns hold a sealed JSON
value; the associated data is (table, column, row id, key version).

``PlainCodec`` does the same work without encryption. It exists for the benchmark's
baseline (the same store, unencrypted) and is never used for a consultant's vault.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import Connection, Table, update

from outreach_app.crypto.errors import IntegrityError
from outreach_app.crypto.fields import FieldCipher
from outreach_app.storage.schema import encrypted_columns


class FieldCodec(Protocol):
    def seal(self, value: Any, *, table: str, column: str, row_id: str) -> bytes: ...

    def open(self, blob: bytes, *, table: str, column: str, row_id: str) -> Any: ...


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _load(raw: bytes, *, table: str, column: str, row_id: str) -> Any:
    if raw.isdigit() and (raw[0] != 0x30 or len(raw) == 1):
        # A JSON integer of ASCII digits without a leading zero (a score, a count) is
        # what int() reads; this skips the JSON parser.
        return int(raw)
    if len(raw) >= 2 and raw[:1] == b'"' and raw[-1:] == b'"' and b"\\" not in raw:
        # A JSON string without escapes is its own text between the quotes (the common
        # case: names, short texts); this skips the JSON parser.
        try:
            return raw[1:-1].decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise IntegrityError(
            table=table, column=column, row_id=row_id, reason="not a stored value"
        ) from None


class EncryptedCodec:
    """The vault's codec: AES-256-GCM around a JSON value."""

    __slots__ = ("_cipher",)

    def __init__(self, cipher: FieldCipher) -> None:
        self._cipher = cipher

    def seal(self, value: Any, *, table: str, column: str, row_id: str) -> bytes:
        return self._cipher.encrypt(_dump(value), table=table, column=column, row_id=row_id)

    def open(self, blob: bytes, *, table: str, column: str, row_id: str) -> Any:
        raw = self._cipher.decrypt(blob, table=table, column=column, row_id=row_id)
        return _load(raw, table=table, column=column, row_id=row_id)


class PlainCodec:
    """The benchmark baseline: the same JSON values, stored without encryption."""

    __slots__ = ()

    def seal(self, value: Any, *, table: str, column: str, row_id: str) -> bytes:
        return _dump(value)

    def open(self, blob: bytes, *, table: str, column: str, row_id: str) -> Any:
        return _load(bytes(blob), table=table, column=column, row_id=row_id)


@lru_cache(maxsize=64)
def _sealed(table: Table) -> tuple[str, ...]:
    return encrypted_columns(table)


def seal_row(codec: FieldCodec, table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """The row as stored: every encrypted column sealed, the rest unchanged."""
    row = dict(values)
    row_id = str(row["id"])
    for column in _sealed(table):
        if column in row:
            row[column] = codec.seal(row[column], table=table.name, column=column, row_id=row_id)
    return row


def update_sealed(
    connection: Connection, codec: FieldCodec, table: Table, row_id: str, values: Mapping[str, Any]
) -> None:
    """Write ``values`` (plain; encrypted columns are sealed here) into one row."""
    sealed = seal_row(codec, table, {**values, "id": row_id})
    sealed.pop("id")
    connection.execute(update(table).where(table.c.id == row_id).values(sealed))


def open_row(codec: FieldCodec, table: Table, stored: Mapping[Any, Any]) -> dict[str, Any]:
    """The row as used: every encrypted column opened (IntegrityError names the field)."""
    row = dict(stored)
    row_id = str(row["id"])
    for column in _sealed(table):
        if column in row:
            row[column] = codec.open(row[column], table=table.name, column=column, row_id=row_id)
    return row
