"""Field values between the vault's columns and the protocol's JSON.

Timestamps travel as ISO 8601 text in UTC, dates as ``YYYY-MM-DD``, encrypted columns
as the JSON value inside them. Blind indexes and derived columns never travel: each
vault computes them with its own keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from outreach_app.protocol.kinds import FieldType, all_fields
from outreach_app.protocol.messages import Kind


def to_wire(kind: Kind, name: str, value: Any) -> Any:
    """A column value (opened) as the JSON the protocol carries."""
    if value is None:
        return None
    expected = all_fields(kind)[name]
    if expected is FieldType.TIME and isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if expected is FieldType.DATE and isinstance(value, date):
        return value.isoformat()
    return value


def from_wire(kind: Kind, name: str, value: Any) -> Any:
    """A protocol value as the column value to seal or store."""
    if value is None:
        return None
    expected = all_fields(kind)[name]
    if expected is FieldType.TIME:
        return datetime.fromisoformat(value).astimezone(UTC)
    if expected is FieldType.DATE:
        return date.fromisoformat(value)
    return value


def wire_fields(kind: Kind, row: Mapping[str, Any], names: list[str] | None) -> dict[str, Any]:
    """The protocol fields of an opened row: ``names`` only, or all of them."""
    known = all_fields(kind)
    chosen = known if names is None else [n for n in names if n in known]
    return {n: to_wire(kind, n, row[n]) for n in chosen if n in row}
