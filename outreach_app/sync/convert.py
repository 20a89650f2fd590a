"""Field values between the vault's columns and the protocol's JSON.

Timestamps travel as ISO 8601 text in UTC, dates as ``YYYY-MM-DD``, encrypted columns
as the JSON value inside them. Blind indexes and derived columns never travel: each
vault computes them with its own keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from outreach_app.protocol.kinds import FieldType, all_fields
from outreach_app.protocol.messages import Kind


def to_wire(kind: Kind, name: str, value: Any) -> Any:
    """A column value (opened) as the JSON the protocol carries."""
    if value is None:
        return None
    convert = _TO_WIRE[kind][name]
    return value if convert is None else convert(value)


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
    """The protocol fields of an opened row: ``names`` only, or all of them (what
    ``to_wire`` does for each, with the kind's converters looked up once)."""
    converters = _TO_WIRE[kind]
    chosen = converters if names is None else [n for n in names if n in converters]
    fields: dict[str, Any] = {}
    for name in chosen:
        if name in row:
            value = row[name]
            convert = converters[name]
            fields[name] = value if value is None or convert is None else convert(value)
    return fields


def _time_to_wire(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value


def _date_to_wire(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


_CONVERTERS: dict[FieldType, Callable[[Any], Any]] = {
    FieldType.TIME: _time_to_wire,
    FieldType.DATE: _date_to_wire,
}
#: Each kind's fields with the conversion their values need (None: none).
_TO_WIRE: dict[Kind, dict[str, Callable[[Any], Any] | None]] = {
    kind: {name: _CONVERTERS.get(expected) for name, expected in all_fields(kind).items()}
    for kind in Kind
}
